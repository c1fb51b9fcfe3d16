from django.urls import path

from apps.reports import views, views_data

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("don-vi/<int:unit>/ky/<str:code>/", views.report_page, name="report"),
    path("don-vi/<int:unit>/ky/<str:code>/soan/", views.open_report, name="open"),
    path("don-vi/<int:unit>/chi-so/", views_data.indicators, name="indicators"),
    path("don-vi/<int:unit>/ky-bao-cao/", views_data.periods, name="periods"),
    path("<int:pk>/noi-dung/", views.save_narrative, name="narrative"),
    path("<int:pk>/soan-lai/", views.redraft, name="redraft"),
    path("<int:pk>/ky/", views.sign, name="sign"),
    path("<int:pk>/gui/", views.submit, name="submit"),
    path("<int:pk>/phien-ban-moi/", views.new_version, name="new_version"),
    path("<int:pk>/tong-hop/", views.compile_subordinates, name="compile"),
    # No file extension in the path: a proxy rule serving "*.pdf" as static files cannot catch it.
    path("<int:pk>/ban-ky/", views.signed_scan, name="scan"),
    path("<int:pk>/ban-ky.pdf", views.signed_scan, name="scan_legacy"),  # links printed before
    path("<int:pk>/tai/<slug:kind>/", views.download, name="download"),
    path("<int:pk>/xuat-pdf/", views.export_pdf, name="export_pdf"),
]
