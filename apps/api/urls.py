from django.urls import path

from apps.api import views

app_name = "api"
urlpatterns = [
    path("", views.index, name="index"),
    path("khoa/", views.issue, name="issue"),
    path("khoa/<int:pk>/thu-hoi/", views.revoke, name="revoke"),
]
