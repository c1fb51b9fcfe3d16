"""One test per grammar rule, on phrases written for these tests (none is copied from a seed)."""

from __future__ import annotations

from datetime import date

import pytest

from core.deadlines import DeadlineParse, MilestoneSpec, parse_deadline

from .helpers import P2025, P2630, PH2, cont, event, monthly, once, quarterly, rows, yearly


def read(text: str, period=P2025, **kw) -> list:
    parse = parse_deadline(text, *period, **kw)
    assert parse.unparsed == [], parse.unparsed
    return rows(parse)


# --- continuous ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["thường xuyên", "THƯỜNG XUYÊN;", "Liên tục", "Làm thường xuyên, liên tục"])
def test_continuous(text: str) -> None:
    assert read(text) == [cont()]


def test_daily_and_weekly_work_is_continuous() -> None:
    assert read("Hằng ngày") == [cont()]
    assert read("- Cập nhật hàng tuần.") == [cont("Cập nhật")]


# --- quarters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Quý III/2025", "2025-09-30"),
        ("quý 2/2025", "2025-06-30"),
        ("QUÝ IV NĂM 2025.", "2025-12-31"),
        ("Qúy II/2025", "2025-06-30"),
        ("Chậm nhất trong quý 3 năm 2025", "2025-09-30"),
        ("- Trong Quý IV/2025;", "2025-12-31"),
    ],
)
def test_quarter_is_due_on_its_last_day(text: str, due: str) -> None:
    [(label, kind, got, freq)] = read(text)
    assert (kind, got, freq) == ("once", due, None)
    assert label.startswith("Quý ")


def test_quarter_without_year_takes_the_first_plan_year_where_it_falls() -> None:
    assert read("Quý II", P2630) == [once("Quý II/2026", "2026-06-30")]
    assert read("Quý II", PH2) == [once("Quý II/2025", "2025-06-30")]  # outside: kept, not dropped


def test_list_of_quarters_shares_the_year() -> None:
    assert read("Quý II, III/2025") == [once("Quý II/2025", "2025-06-30"), once("Quý III/2025", "2025-09-30")]


# --- months and dates ----------------------------------------------------------------------


def test_month_is_due_at_month_end() -> None:
    assert read("Tháng 2/2028", P2630) == [once("Tháng 2/2028", "2028-02-29")]
    assert read("chậm nhất tháng 02/2026") == [once("Tháng 2/2026", "2026-02-28")]
    assert read("Hoàn thành đến hết tháng 9 năm 2025") == [once("Tháng 9/2025", "2025-09-30")]
    assert read("Trước 7/2025") == [once("Tháng 7/2025", "2025-07-31")]


def test_month_list_takes_the_year_of_its_neighbour() -> None:
    assert read("Tháng 6 và tháng 12/2025") == [
        once("Tháng 6/2025", "2025-06-30"),
        once("Tháng 12/2025", "2025-12-31"),
    ]


def test_before_a_date_is_no_later_than_unless_strict() -> None:
    assert read("Trước ngày 31/10/2025") == [once("Ngày 31/10/2025", "2025-10-31")]
    assert read("Trước ngày 31/10/2025", strict_before=True) == [once("Ngày 31/10/2025", "2025-10-30")]
    assert read("Chậm nhất ngày 31/10/2025", strict_before=True) == [once("Ngày 31/10/2025", "2025-10-31")]


def test_strict_before_a_month_or_quarter_is_the_day_before_it_starts() -> None:
    assert read("trước tháng 8/2025", strict_before=True) == [once("Tháng 8/2025", "2025-07-31")]
    assert read("trước Quý III/2025", strict_before=True) == [once("Quý III/2025", "2025-06-30")]
    assert read("trước Quý III/2025") == [once("Quý III/2025", "2025-09-30")]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Ngày 7/8/2025", "2025-08-07"),
        ("07/08/2025", "2025-08-07"),
        ("ngày 7 tháng 8 năm 2025", "2025-08-07"),
        ("07.08.2025", "2025-08-07"),
        ("Hạn chót 7/8/25", "2025-08-07"),
    ],
)
def test_date_forms(text: str, due: str) -> None:
    assert read(text) == [once("Ngày 7/8/2025", due)]


def test_date_without_year_is_inferred_from_the_period() -> None:
    assert read("trước 20/3", P2630) == [once("Ngày 20/3/2026", "2026-03-20")]
    assert read("15/3", PH2) == [once("Ngày 15/3/2025", "2025-03-15")]  # before the period: kept


def test_dates_outside_the_period_are_kept() -> None:
    assert read("Quý I/2031", P2630) == [once("Quý I/2031", "2031-03-31")]


# --- years, halves, ranges -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["Năm 2027", "trong năm 2027.", "2027", "- Hoàn thành trong năm 2027"])
def test_year_is_due_on_31_december(text: str) -> None:
    [(_, kind, due, _)] = read(text, P2630)
    assert (kind, due) == ("once", "2027-12-31")


def test_from_a_year_is_continuous() -> None:
    assert read("Từ năm 2027", P2630) == [cont("Từ năm 2027")]
    assert read("Kể từ tháng 3/2026", P2630) == [cont("Từ tháng 3/2026")]


def test_year_ranges_are_continuous() -> None:
    assert read("Giai đoạn 2026 - 2030", P2630) == [cont("Từ năm 2026 đến năm 2030")]
    assert read("Từ năm 2027 đến năm 2029", P2630) == [cont("Từ năm 2027 đến năm 2029")]


def test_until_a_year_is_a_deadline() -> None:
    assert read("Đến năm 2030", P2630) == [once("Năm 2030", "2030-12-31")]


def test_half_and_nine_months() -> None:
    assert read("6 tháng đầu năm 2025") == [once("6 tháng đầu năm 2025", "2025-06-30")]
    assert read("Sáu tháng cuối năm 2025") == [once("6 tháng cuối năm 2025", "2025-12-31")]
    assert read("Báo cáo 9 tháng đầu năm 2025") == [once("Báo cáo", "2025-09-30")]


# --- recurring -----------------------------------------------------------------------------


def test_quarterly_expands_over_the_period() -> None:
    assert read("Định kỳ hàng quý", P2630) == quarterly("", 2026, 2030)
    assert read("hằng quý", PH2) == quarterly("", 2025, 2025)[2:]


def test_monthly_expands_over_the_period() -> None:
    assert read("Báo cáo hằng tháng", PH2) == monthly("Báo cáo", 2025, 2025, first_month=7)


def test_monthly_on_a_day() -> None:
    got = read("Gửi báo cáo trước ngày 25 hằng tháng", PH2)
    assert [r[2] for r in got] == [f"2025-{m:02d}-25" for m in range(7, 13)]
    assert got[0] == ("Gửi báo cáo – Tháng 7/2025", "recurring", "2025-07-25", "monthly")


def test_half_yearly_and_yearly_together() -> None:
    assert read("Báo cáo 6 tháng, năm") == [
        ("Báo cáo – 6 tháng đầu năm 2025", "recurring", "2025-06-30", "half_yearly"),
        ("Báo cáo – 6 tháng cuối năm 2025", "recurring", "2025-12-31", "half_yearly"),
        ("Báo cáo – Năm 2025", "recurring", "2025-12-31", "yearly"),
    ]


def test_list_of_frequencies() -> None:
    got = read("Định kỳ hằng quý/6 tháng/năm", PH2)
    assert [(r[2], r[3]) for r in got] == [
        ("2025-09-30", "quarterly"),
        ("2025-12-31", "quarterly"),
        ("2025-12-31", "half_yearly"),
        ("2025-12-31", "yearly"),
    ]


def test_yearly_anchored_on_a_quarter_month_or_date() -> None:
    assert read("Quý II hằng năm", P2630) == yearly("", 2026, 2030, anchor="Quý II")
    assert read("mỗi năm vào tháng 9", P2630) == yearly("", 2026, 2030, anchor="Tháng 9")
    got = read("Ngày 20/11 hàng năm", P2630)
    assert [r[2] for r in got] == [f"{y}-11-20" for y in range(2026, 2031)]


def test_two_labelled_yearly_series() -> None:
    got = read("- Xây dựng kế hoạch: Quý II hằng năm. - Tổng kết: tháng 11 hằng năm.", P2630)
    assert got == yearly("Xây dựng kế hoạch", 2026, 2030, anchor="Quý II") + yearly(
        "Tổng kết", 2026, 2030, anchor="Tháng 11"
    )


def test_recurring_with_no_occurrence_inside_keeps_the_next_one() -> None:
    assert read("hằng quý", (date(2025, 1, 1), date(2025, 1, 15))) == [
        ("Quý I/2025", "recurring", "2025-03-31", "quarterly")
    ]


# --- labelled lists and combinations --------------------------------------------------------


def test_labelled_list_of_dates() -> None:
    text = "- Dự thảo: 10/4/2025 - Lấy ý kiến: 10/5/2025 - Trình ký: 30/6/2025"
    assert read(text) == [
        once("Dự thảo", "2025-04-10"),
        once("Lấy ý kiến", "2025-05-10"),
        once("Trình ký", "2025-06-30"),
    ]


def test_header_with_plus_items() -> None:
    text = "- Báo cáo thi đua + Quý II: 12/6/2025 + Quý IV: 12/11/2025 - Báo cáo tổng kết + Trước 5/12/2025"
    assert read(text) == [
        once("Báo cáo thi đua – Quý II", "2025-06-12"),
        once("Báo cáo thi đua – Quý IV", "2025-11-12"),
        once("Báo cáo tổng kết", "2025-12-05"),
    ]


def test_continuous_with_a_dated_report() -> None:
    assert read("- Thường xuyên. - Báo cáo sơ kết: Tháng 6/2025.") == [
        cont(),
        once("Báo cáo sơ kết", "2025-06-30"),
    ]
    assert read("Thực hiện thường xuyên; báo cáo 15/6 và 15/12/2025") == [
        cont(),
        once("báo cáo – Ngày 15/6/2025", "2025-06-15"),
        once("báo cáo – Ngày 15/12/2025", "2025-12-15"),
    ]


def test_dash_inside_a_name_does_not_split_the_clause() -> None:
    assert read("Phòng Kinh tế - Hạ tầng báo cáo: Quý III/2025") == [
        once("Phòng Kinh tế - Hạ tầng báo cáo", "2025-09-30")
    ]


def test_generic_label_is_dropped() -> None:
    assert read("Thời gian: Quý III/2025") == [once("Quý III/2025", "2025-09-30")]


def test_recurring_or_ad_hoc_gives_an_on_event_milestone_too() -> None:
    got = read("Báo cáo: hằng quý hoặc đột xuất khi có yêu cầu")
    assert got == quarterly("Báo cáo", 2025, 2025) + [event("Báo cáo – đột xuất khi có yêu cầu")]


# --- on event ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Theo kế hoạch của Sở Nội vụ",
        "Theo hướng dẫn của Bộ Tư pháp",
        "Khi được bố trí kinh phí",
        "Ngay sau khi Trung ương ban hành văn bản",
        "Sau khi có ý kiến của Ban Thường vụ",
        "Đột xuất",
        "Thực hiện theo quy định",
        "Kịp thời",
        "Theo Kế hoạch số 45/KH-UBND ngày 02/3/2025 của UBND huyện",
    ],
)
def test_on_event(text: str) -> None:
    assert read(text) == [event(text)]


def test_date_inside_an_event_reference_is_not_a_deadline() -> None:
    [(_, kind, due, _)] = read("Theo Kế hoạch năm 2025 của tỉnh")
    assert (kind, due) == ("on_event", None)


def test_explicit_deadline_after_an_event_cue_is_kept() -> None:
    assert read("Sau khi có hướng dẫn, chậm nhất Quý III/2025") == [once("Quý III/2025", "2025-09-30")]


def test_event_qualifier_after_a_date_keeps_the_date() -> None:
    assert read("Quý II/2025 theo hướng dẫn của Sở") == [once("Quý II/2025", "2025-06-30")]


# --- the result objects ------------------------------------------------------------------------


def test_spans_point_into_the_text() -> None:
    text = "- Tổ chức: Thường xuyên. - Báo cáo: Trước ngày 15/11/2025."
    parse = parse_deadline(text, *P2025)
    assert [text[a:b] for a, b in (m.span for m in parse.milestones)] == [
        "Thường xuyên",
        "Trước ngày 15/11/2025",
    ]


def test_to_dict_and_parsed() -> None:
    parse = parse_deadline("Quý I/2025", *P2025)
    assert isinstance(parse, DeadlineParse) and parse.parsed
    assert parse.milestones[0].to_dict() == {
        "label": "Quý I/2025",
        "kind": "once",
        "due": "2025-03-31",
        "frequency": None,
    }
    assert isinstance(parse.milestones[0], MilestoneSpec)


def test_nfd_input_reads_like_nfc() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Chậm nhất Quý IV/2025")
    assert read(text) == [once("Quý IV/2025", "2025-12-31")]


def test_html_fragments_are_ignored() -> None:
    assert read("<p>- Quý I/2025</p><p>- Thường xuyên</p>") == [once("Quý I/2025", "2025-03-31"), cont()]


def test_empty_and_none() -> None:
    for text in (None, "", "   "):
        parse = parse_deadline(text, *P2025)
        assert parse.milestones == [] and parse.unparsed == [] and not parse.parsed


def test_period_must_be_ordered() -> None:
    with pytest.raises(ValueError):
        parse_deadline("Quý I/2025", date(2025, 12, 31), date(2025, 1, 1))
