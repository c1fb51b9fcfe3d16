from django.urls import path

from apps.assessment import views, views_assessment, views_rounds

app_name = "assessment"

urlpatterns = [
    path("", views.index, name="index"),
    path("bo-chi-so/nhap/", views.framework_import, name="framework_import"),
    path("bo-chi-so/mau.xlsx", views.framework_template, name="framework_template"),
    path("bo-chi-so/<int:pk>/", views.framework_detail, name="framework"),
    path("bo-chi-so/<int:pk>/xlsx", views.framework_export, name="framework_export"),
    path("bo-chi-so/<int:pk>/sao-chep/", views.framework_copy, name="framework_copy"),
    path("bo-chi-so/<int:pk>/xoa/", views.framework_delete, name="framework_delete"),
    path("bo-chi-so/<int:framework_pk>/mo-dot/", views_rounds.round_create, name="round_create"),
    path("dot/<int:pk>/", views_rounds.round_detail, name="round"),
    path("dot/<int:pk>/tinh-so-lieu/", views_rounds.round_compute, name="round_compute"),
    path("dot/<int:pk>/han/", views_rounds.round_deadlines, name="round_deadlines"),
    path("dot/<int:pk>/khao-sat.xlsx", views_rounds.survey_template, name="survey_template"),
    path("dot/<int:pk>/khao-sat/", views_rounds.survey_import, name="survey_import"),
    path("dot/<int:pk>/cong-bo/", views_rounds.round_publish, name="round_publish"),
    path("dot/<int:pk>/ket-qua/", views_rounds.round_results, name="results"),
    path("dot/<int:pk>/ket-qua.xlsx", views_rounds.results_xlsx, name="results_xlsx"),
    path("dot/<int:pk>/quyet-dinh.docx", views_rounds.decision_docx, name="decision_docx"),
    path("danh-gia/<int:pk>/", views_assessment.assessment_page, name="assessment"),
    path("danh-gia/<int:pk>/bao-cao.docx", views_rounds.self_report_docx, name="self_report"),
    path("danh-gia/<int:pk>/mo-lai/", views_assessment.reopen, name="reopen"),
    path("danh-gia/<int:pk>/<slug:action>/", views_assessment.assessment_action, name="action"),
    path("diem/<int:pk>/", views_assessment.score_page, name="score"),
    path("diem/<int:pk>/tu-cham/", views_assessment.self_score, name="self_score"),
    path("diem/<int:pk>/tham-dinh/", views_assessment.appraise, name="appraise"),
    path("diem/<int:pk>/giai-trinh/", views_assessment.explain, name="explain"),
    path("diem/<int:pk>/tai-lieu/", views_assessment.evidence_add, name="evidence_add"),
    path("tai-lieu/<int:pk>/xoa/", views_assessment.evidence_delete, name="evidence_delete"),
    path("tai-lieu/<int:pk>/tep", views_assessment.evidence_file, name="evidence_file"),
]
