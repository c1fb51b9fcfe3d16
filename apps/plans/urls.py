from django.urls import path

from apps.plans import manual_views, views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("nhap/", views.plan_upload, name="upload"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/van-ban/", views.plan_document, name="document"),
    path("<int:replaces>/nhap-ban-sua/", views.plan_upload, name="reimport"),
    path("<int:pk>/thay-doi/", views.plan_changes, name="changes"),
    path("<int:pk>/xac-nhan/", views.plan_confirm, name="confirm"),
    path("<int:pk>/huy/", views.plan_discard, name="discard"),
    path("<int:pk>/thong-tin/", views.plan_header, name="header"),
    path("<int:pk>/nhiem-vu/them/", views.task_add, name="task_add"),
    path("<int:pk>/chi-tieu/them/", views.target_add, name="target_add"),
    path("nhiem-vu/<int:pk>/", views.task_row, name="task_row"),
    path("nhiem-vu/<int:pk>/sua/", views.task_edit, name="task_edit"),
    path("nhiem-vu/<int:pk>/xoa/", views.task_delete, name="task_delete"),
    path("nhiem-vu/<int:pk>/dung/", views.task_cancel, name="task_cancel"),
    path("co-quan/<int:pk>/chon/", views.agency_choose, name="agency_choose"),
    path("chi-tieu/<int:pk>/sua/", views.target_edit, name="target_edit"),
    path("chi-tieu/<int:pk>/xoa/", views.target_delete, name="target_delete"),
    # The manual route: the XLSX template, an XLSX added to a draft, rows pasted from Excel.
    path("mau-nhap-ke-hoach.xlsx", manual_views.template_download, name="template"),
    path("<int:pk>/nhap-tay/", manual_views.manual, name="manual"),
    path("<int:pk>/nhap-tay/xem-truoc/", manual_views.paste_preview, name="paste_preview"),
    path("<int:pk>/nhap-tay/them/", manual_views.paste_add, name="paste_add"),
    path("<int:pk>/nhap-tay/tep-excel/", manual_views.workbook_add, name="workbook_add"),
]
