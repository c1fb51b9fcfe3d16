"""The coverage matrix for the superior level: subordinate units x superior tasks, targets side by
side with the weaker ones marked, exported to a printable XLSX; and who may open it."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from apps.review.coverage import coverage_view
from tests.apps.review.conftest import CLEAN_SEED, store


@pytest.fixture
def cascade(plans):
    """Two communes under the province plan: A1 (seed 000) and A2 (seed 004, another commune's text)."""
    plans.other_plan = store(plans.a2, CLEAN_SEED, parent=plans.province_plan)
    return plans


def _weaken(cascade):
    """Lower A1's online-payment-like target below the province's bar: returns the target index."""
    view = coverage_view(cascade.province_plan, cascade.officer_a)
    row = next(r for r in view.rows if r.plan == cascade.commune_plan)
    j = next(
        j for j, c in enumerate(row.targets) if c.status == "covered" and c.value and view.targets[j].value
    )
    own = cascade.commune_plan.targets.filter(value=Decimal(str(row.targets[j].value))).first()
    own.value = Decimal(str(view.targets[j].value)) - 10
    own.save()
    return j


def test_matrix_content(cascade):
    view = coverage_view(cascade.province_plan, cascade.officer_a)
    assert [r.plan.org_unit.name for r in view.rows] == ["xã An Hai", "xã An Một"]
    assert len(view.tasks) == cascade.province_plan.tasks.count()
    a1 = view.rows[1]
    sup = {(c.area, c.no): j for j, c in enumerate(view.tasks)}
    assert a1.cells[sup[("the_che", "3")]] == "covered"
    assert set(a1.cells) <= {"covered", "adapted", "missing"} and "missing" in a1.cells
    assert a1.counts["covered"] > view.rows[0].counts["covered"]  # 004 is not a copy of the province plan
    assert 0 < a1.rate <= 100
    assert sum(view.tasks[sup[("the_che", "3")]].counts.values()) == 2


def test_hand_links_win_over_the_matcher(cascade):
    view = coverage_view(cascade.province_plan, cascade.officer_a)
    j = next(j for j, s in enumerate(view.rows[0].cells) if s == "missing")
    target = cascade.province_plan.tasks.get(pk=view.tasks[j].task_id)
    from apps.review.services import set_parent_task

    set_parent_task(cascade.officer_a, cascade.other_plan.tasks.first(), target)
    assert coverage_view(cascade.province_plan, cascade.officer_a).rows[0].cells[j] == "covered"


def test_page_shows_tasks_and_targets_side_by_side(cascade, login):
    j = _weaken(cascade)
    html = (
        login(cascade.appraiser_a)
        .get(reverse("review:coverage", args=[cascade.province_plan.pk]))
        .content.decode()
    )
    assert "Đối chiếu kế hoạch của 2 đơn vị cấp dưới" in html
    assert html.count('<td class="cv ') >= 2 * cascade.province_plan.tasks.count()
    assert "Mức cấp trên" in html and "(thấp hơn)" in html
    assert len(re.findall(r'class="cv covered weaker"', html)) == 1
    assert f'href="{reverse("review:coverage_xlsx", args=[cascade.province_plan.pk])}"' in html
    assert j >= 0


def test_xlsx_opens_and_is_formatted_for_printing(cascade, login):
    _weaken(cascade)
    response = login(cascade.officer_a).get(reverse("review:coverage_xlsx", args=[cascade.province_plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert "attachment;" in response["Content-Disposition"]
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["Nhiệm vụ", "Chỉ tiêu", "Danh mục nhiệm vụ cấp trên"]
    tasks = wb["Nhiệm vụ"]
    assert tasks["B6"].value == "xã An Hai" and tasks["B7"].value == "xã An Một"
    assert tasks.freeze_panes == "C6" and tasks.print_title_rows == "$4:$5"
    assert tasks.page_setup.orientation == "landscape" and tasks.column_dimensions["B"].width == 24
    symbols = {tasks.cell(row=7, column=c).value for c in range(3, 3 + cascade.province_plan.tasks.count())}
    assert symbols <= {"✓", "≈", "✗"} and "✓" in symbols
    targets = wb["Chỉ tiêu"]
    weak = [
        c
        for row in targets.iter_rows(min_row=6)
        for c in row
        if isinstance(c.value, str) and "(thấp hơn)" in c.value
    ]
    assert len(weak) == 1 and weak[0].font.color.rgb.endswith("B3261E")
    listing = wb["Danh mục nhiệm vụ cấp trên"]
    assert listing.max_row == 4 + cascade.province_plan.tasks.count()


@pytest.mark.parametrize("who", ["officer_a", "appraiser_a", "admin_a", "root"])
def test_superior_level_users_open_it(cascade, login, who):
    client = login(getattr(cascade, who))
    assert client.get(reverse("review:coverage", args=[cascade.province_plan.pk])).status_code == 200
    index = client.get(reverse("review:index")).content.decode()
    assert reverse("review:coverage", args=[cascade.province_plan.pk]) in index


@pytest.mark.parametrize(
    ("who", "status"), [("officer_a1", 403), ("viewer_a1", 403), ("officer_b1", 404), ("nobody", 404)]
)
def test_scoping(cascade, login, who, status):
    """A commune reads its province's plan but cannot compare its neighbours; other provinces see nothing."""
    client = login(getattr(cascade, who))
    for name in ("review:coverage", "review:coverage_xlsx"):
        assert client.get(reverse(name, args=[cascade.province_plan.pk])).status_code == status
    assert client.get(reverse("review:index")).status_code == 403


def test_commune_plan_has_no_matrix_and_links_show_only_when_allowed(cascade, login):
    assert (
        login(cascade.officer_a1).get(reverse("review:coverage", args=[cascade.commune_plan.pk])).status_code
        == 403
    )
    link = reverse("review:coverage", args=[cascade.province_plan.pk])
    assert (
        link
        in login(cascade.officer_a)
        .get(reverse("plans:detail", args=[cascade.province_plan.pk]))
        .content.decode()
    )
    assert (
        link
        not in login(cascade.officer_a1)
        .get(reverse("plans:detail", args=[cascade.province_plan.pk]))
        .content.decode()
    )


def test_menu_entry_for_superior_level_only(cascade, login):
    assert 'href="/ra-soat/"' in login(cascade.officer_a).get("/").content.decode()
    assert 'href="/ra-soat/"' not in login(cascade.officer_a1).get("/").content.decode()


def test_coverage_export_writes_plan_text_as_text(cascade, client):
    """Formula injection (issue 10, defect 2): a task or target text typed as a formula stays text."""
    from tests.core.test_xlsx_safe import assert_all_text

    task = cascade.province_plan.tasks.order_by("position").first()
    task.content = "=1+2 " + task.content
    task.save()
    target = cascade.province_plan.targets.first()
    target.text = "@SUM(A1) " + target.text
    target.save()
    client.force_login(cascade.officer_a)
    data = client.get(reverse("review:coverage_xlsx", args=[cascade.province_plan.pk])).content
    assert_all_text(data, ["=1+2", "@SUM(A1)"])


def test_area_abbreviations_have_their_full_names(cascade, login):
    """Issue 14: TC/TTHC/BM… headers said nothing to whoever did not know them."""
    client = login(cascade.officer_a)
    html = client.get(reverse("review:coverage", args=[cascade.province_plan.pk])).content.decode()
    areas = {c.area for c in cascade.province_plan.tasks.all()}
    assert "tthc" in areas
    assert '<abbr title="Cải cách thủ tục hành chính">TTHC</abbr>' in html  # on hover
    assert "TTHC</abbr> — Cải cách thủ tục hành chính" in html  # and spelled out (no hover on a phone)
    response = client.get(reverse("review:coverage_xlsx", args=[cascade.province_plan.pk]))
    sheet = load_workbook(io.BytesIO(response.content))["Nhiệm vụ"]
    assert "TTHC = Cải cách thủ tục hành chính" in sheet["A3"].value
    full = [c for c in sheet[4] if c.value == "Cải cách thủ tục hành chính"]
    short = [c for c in sheet[4] if c.value == "TTHC"]
    assert full or short
    assert all(c.comment is not None and c.comment.text == "Cải cách thủ tục hành chính" for c in short)
