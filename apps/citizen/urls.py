"""Staff pages of citizen voice, under /y-kien/."""

from django.urls import path

from apps.citizen import petition_views, rating_views, survey_views

app_name = "citizen"

urlpatterns = [
    path("phan-anh/", petition_views.petition_list, name="petitions"),
    path("phan-anh/nhap/", petition_views.petition_enter, name="petition_enter"),
    path("phan-anh/<int:pk>/", petition_views.petition_detail, name="petition"),
    path("phan-anh/<int:pk>/<slug:action>/", petition_views.petition_step, name="petition_step"),
    path("phan-anh/tep/<int:pk>/", petition_views.attachment, name="attachment"),
    path("danh-gia/", rating_views.summary, name="ratings"),
    path("danh-gia/phieu/", rating_views.slip, name="rating_slip"),
    path("khao-sat/", survey_views.round_list, name="rounds"),
    path("khao-sat/sipas/", survey_views.sipas_import, name="sipas_import"),
    path("khao-sat/<int:pk>/", survey_views.round_detail, name="round"),
    path("khao-sat/<int:pk>/phieu-giay/", survey_views.paper_entry, name="paper_entry"),
    path("khao-sat/<int:pk>/xlsx/", survey_views.round_export, name="round_export"),
    path("khao-sat/<int:pk>/<slug:action>/", survey_views.round_action, name="round_action"),
]
