from django.urls import path

from apps.review import views

app_name = "review"
urlpatterns = [
    path("", views.index, name="index"),
    path("ke-hoach/<int:pk>/", views.findings_page, name="findings"),
    path("ke-hoach/<int:pk>/phat-hien/", views.panel, name="panel"),
    path("ke-hoach/<int:pk>/bo-qua/", views.dismiss, name="dismiss"),
    path("bo-qua/<int:pk>/khoi-phuc/", views.restore, name="restore"),
    path("ke-hoach/<int:pk>/doi-chieu/", views.alignment, name="alignment"),
    path("ke-hoach/<int:pk>/doi-chieu/chay/", views.align, name="align"),
    path("nhiem-vu/<int:pk>/cap-tren/", views.task_parent, name="task_parent"),
    path("ke-hoach/<int:pk>/cap-duoi/", views.coverage, name="coverage"),
    path("ke-hoach/<int:pk>/cap-duoi.xlsx", views.coverage_xlsx, name="coverage_xlsx"),
]
