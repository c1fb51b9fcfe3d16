from django.urls import path

from apps.tracking import calendar_views

app_name = "tracking"
urlpatterns = [
    path("lich-lam-viec/", calendar_views.calendar_days, name="calendar_days"),
    path("lich-lam-viec/<int:pk>/xoa/", calendar_views.calendar_day_delete, name="calendar_day_delete"),
]
