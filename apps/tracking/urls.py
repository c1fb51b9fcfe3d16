from django.urls import path

from apps.tracking import (
    calendar_views,
    dashboard_views,
    notification_views,
    queue_views,
    report_views,
    settings_views,
    views,
)

app_name = "tracking"
urlpatterns = [
    path("", views.workspace, name="workspace"),
    path("lich/", views.calendar, name="calendar"),
    path("cho-xu-ly/", queue_views.queue_page, name="queue"),
    path("cho-xu-ly/<int:pk>/", queue_views.queue_action, name="queue_action"),
    path("ke-hoach/<int:pk>/tien-do/", views.plan_timeline, name="timeline"),
    path("moc/<int:pk>/", report_views.milestone_detail, name="milestone"),
    path("moc/<int:pk>/tai-lieu/", report_views.evidence_add, name="evidence_add"),
    path("moc/<int:pk>/phoi-hop/", report_views.contribution_add, name="contribution_add"),
    path("moc/<int:pk>/xac-dinh-han/", report_views.milestone_schedule, name="schedule"),
    path("moc/<int:pk>/<slug:action>/", report_views.report_action, name="report_action"),
    path("tai-lieu/<int:pk>/", report_views.evidence_file, name="evidence_file"),
    path("tai-lieu/<int:pk>/xoa/", report_views.evidence_delete, name="evidence_delete"),
    path("bang-theo-doi/", dashboard_views.dashboard_view, name="dashboard"),
    path("ke-hoach/<int:pk>/xuat-excel/", dashboard_views.export_view, name="export"),
    path("thong-bao/", notification_views.notifications, name="notifications"),
    path("thong-bao/<int:pk>/mo/", notification_views.notification_open, name="notification_open"),
    path("thong-bao/chua-doc/", notification_views.unread_badge, name="unread_badge"),
    path("thong-bao/da-doc/", notification_views.notifications_read, name="notifications_read"),
    path("thong-bao/cai-dat/", notification_views.notification_settings, name="notification_settings"),
    path("cau-hinh/<int:unit_pk>/", settings_views.unit_settings, name="settings"),
    path("lich-lam-viec/", calendar_views.calendar_days, name="calendar_days"),
    path("lich-lam-viec/<int:pk>/xoa/", calendar_views.calendar_day_delete, name="calendar_day_delete"),
]
