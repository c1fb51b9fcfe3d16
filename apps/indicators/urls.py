from django.urls import path

from apps.indicators import views

app_name = "indicators"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("xuat.xlsx", views.export, name="export"),
    path("ho-so/", views.dossier_list, name="dossiers"),
    path("ho-so/<int:pk>/", views.dossier_detail, name="dossier"),
    path("ho-so/<int:pk>/xin-loi/", views.apology, name="apology"),
    path("tre-han/", views.late, name="late"),
    path("nhap-so-lieu/", views.enter, name="enter"),
]
