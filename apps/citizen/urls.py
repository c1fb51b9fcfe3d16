"""Staff pages of citizen voice, under /y-kien/."""

from django.urls import path

from apps.citizen import petition_views

app_name = "citizen"

urlpatterns = [
    path("phan-anh/", petition_views.petition_list, name="petitions"),
    path("phan-anh/nhap/", petition_views.petition_enter, name="petition_enter"),
    path("phan-anh/<int:pk>/", petition_views.petition_detail, name="petition"),
    path("phan-anh/<int:pk>/<slug:action>/", petition_views.petition_step, name="petition_step"),
    path("phan-anh/tep/<int:pk>/", petition_views.attachment, name="attachment"),
]
