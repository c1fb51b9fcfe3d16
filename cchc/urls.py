from django.contrib import admin
from django.urls import include, path

from apps.api.api import api as api_v1
from cchc import views

admin.site.site_header = "Quản trị hệ thống CCHC"
admin.site.site_title = "CCHC"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("tai-khoan/", include("apps.accounts.urls")),
    path("to-chuc/", include("apps.orgs.urls")),
    path("ke-hoach/", include("apps.plans.urls")),
    path("ra-soat/", include("apps.review.urls")),
    path("nhat-ky/", include("apps.audit.urls")),
    path("theo-doi/", include("apps.tracking.urls")),
    path("bao-cao/", include("apps.reports.urls")),
    path("tim-kiem/", include("apps.search.urls")),
    path("tac-vu/", include("apps.jobs.urls")),
    path("ho-so/", include("apps.dossiers.urls")),
    path("chi-so/", include("apps.indicators.urls")),
    path("api/v1/", api_v1.urls),
    path("api/", include("apps.api.urls")),
    path("chi-so-cchc/", include("apps.assessment.urls")),
    # The admin's own login would bypass the throttle: one door for everyone.
    path("admin/login/", views.admin_login, name="admin_login"),
    path("admin/", admin.site.urls),
    path("nguoi-dan/", include("apps.citizen.public_urls")),
    path("y-kien/", include("apps.citizen.urls")),
    path("ma-xac-nhan/", include("captcha.urls")),
]

handler403 = "cchc.views.forbidden"
handler404 = "cchc.views.not_found"
handler500 = "cchc.views.server_error"
