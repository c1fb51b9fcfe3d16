from django.urls import path

from apps.orgs import views

app_name = "orgs"
urlpatterns = [
    path("", views.unit_list, name="unit_list"),
    path("them/", views.unit_edit, name="unit_create"),
    path("<int:parent_pk>/them-don-vi/", views.unit_edit, name="unit_create_under"),
    path("<int:pk>/", views.unit_detail, name="unit_detail"),
    path("<int:pk>/sua/", views.unit_edit, name="unit_edit"),
    path("<int:pk>/sap-nhap/", views.unit_merge, name="unit_merge"),
    path("<int:pk>/doi-ten/", views.unit_rename, name="unit_rename"),
    path("<int:unit_pk>/co-quan/them/", views.agency_edit, name="agency_create"),
    path("<int:unit_pk>/co-quan/<int:pk>/", views.agency_edit, name="agency_edit"),
    path("<int:unit_pk>/nhom/them/", views.group_edit, name="group_create"),
    path("<int:unit_pk>/nhom/<int:pk>/", views.group_edit, name="group_edit"),
    path("<int:unit_pk>/ten-goi/<str:kind>/<int:pk>/", views.alias_add, name="alias_add"),
    path("<int:unit_pk>/ten-goi/<int:pk>/xoa/", views.alias_delete, name="alias_delete"),
    path("nhap-excel/", views.xlsx_upload, name="xlsx_upload"),
    path("nhap-excel/mau.xlsx", views.xlsx_template, name="xlsx_template"),
]
