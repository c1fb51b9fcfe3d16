from django.urls import path

from apps.dossiers import views

app_name = "dossiers"
urlpatterns = [
    path("", views.index, name="index"),
    path("mau-nhap.<str:ext>", views.template, name="template"),
    path("nhap/", views.upload, name="upload"),
    path("nhap/<int:pk>/", views.import_page, name="import"),
    path("nhap/<int:pk>/cot/", views.mapping, name="mapping"),
    path("nhap/<int:pk>/nhap-lai/", views.rerun, name="rerun"),
    path("nhap/<int:pk>/loi.<str:ext>", views.errors, name="errors"),
    path("thu-tuc/", views.procedures, name="procedures"),
    path("thu-tuc/mau.xlsx", views.procedures_template, name="procedures_template"),
]
