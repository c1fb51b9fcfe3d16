"""Public pages (no login), under /nguoi-dan/: petitions, ratings of dossiers, survey forms."""

from django.urls import path

from apps.citizen import public_views

app_name = "citizen_public"

urlpatterns = [
    path("", public_views.landing, name="landing"),
    path("phan-anh/", public_views.petition_new, name="petition_new"),
    path("phan-anh/tra-cuu/", public_views.lookup, name="lookup"),
    path("phan-anh/da-tra-loi/", public_views.published, name="published"),
    path("phan-anh/<str:code>/bo-sung/", public_views.supplement, name="supplement"),
    path("phan-anh/<str:code>/danh-gia/", public_views.feedback, name="feedback"),
    path("phan-anh/<str:code>/tep/<int:pk>/", public_views.answer_file, name="answer_file"),
    path("khao-sat/<str:token>/", public_views.survey, name="survey"),
    path("danh-gia/", public_views.rate, name="rate"),
]
