import pytest

from core import qd766 as Q


def test_each_scheme_totals_100_points_in_six_and_five_groups():
    for scheme in Q.SCHEMES:
        assert scheme.max_total == 100
        results = Q.evaluate(scheme, Q.Counts(), commune=False)
        six = Q.group_totals(results)
        assert [g.max_points for g in six] == [18, 20, 12, 10, 22, 18]
        five = Q.group_totals(results, view="decision")
        assert len(five) == 5 and sum(g.max_points for g in five) == 100


def test_weights_are_versioned_by_year():
    assert Q.scheme_for(2023).year_from == 2022
    assert Q.scheme_for(2021).year_from == 2022
    assert Q.scheme_for(2026).year_from == 2025
    assert Q.scheme_for(2024).by_code()["online_payment_rate"].max_points == 10
    assert Q.scheme_for(2025).by_code()["online_payment_rate"].max_points == 6


def test_full_points_at_the_threshold_proportional_below():
    online = Q.scheme_for(2025).by_code()["online_dossier_rate"]  # >= 50%
    assert Q.points(50.0, online) == online.max_points
    assert Q.points(80.0, online) == online.max_points
    assert Q.points(25.0, online) == pytest.approx(online.max_points / 2)
    on_time = Q.scheme_for(2025).by_code()["on_time_rate"]  # no threshold: rate x max
    assert Q.points(95.0, on_time) == 19.0
    assert Q.points(None, on_time) is None


def test_communes_get_full_points_where_a_criterion_does_not_apply():
    scheme = Q.scheme_for(2025)
    by_code = {r.code: r for r in Q.evaluate(scheme, Q.Counts(), commune=True)}
    assert by_code["online_service_rate"].points == by_code["online_service_rate"].max_points
    assert by_code["on_time_rate"].points is None  # applies, no data
    province = {r.code: r for r in Q.evaluate(scheme, Q.Counts(), commune=False)}
    assert province["online_service_rate"].points is None


def test_rates_from_counts():
    counts = Q.Counts(received=200, on_time=190, online=60, fee_due=40, paid_online=10, finished=180,
                      e_result=90, e_result_known=180, completed=170, completed_days=510)  # fmt: skip
    r = {x.code: x for x in Q.evaluate(Q.scheme_for(2025), counts, commune=True)}
    assert (r["on_time_rate"].value, r["on_time_rate"].points) == (95.0, 19.0)
    assert (r["online_dossier_rate"].numerator, r["online_dossier_rate"].denominator) == (60, 200)
    assert r["online_dossier_rate"].value == 30.0 and r["online_dossier_rate"].points == 2.4  # 30/50 x 4
    assert r["online_payment_rate"].value == 25.0  # zero-fee dossiers are not in the denominator
    assert r["digitized_result_rate"].value == 50.0
    assert r["average_processing_time"].value == 3.0
    assert r["data_reuse_rate"].value is None  # nothing known: no data, not 0%


def test_entered_figures_and_the_sync_factor():
    scheme = Q.scheme_for(2025)
    external = {"dossier_sync_rate": Q.External(90, 100, None, "Nhập tay"),
                "petition_on_time_rate": Q.External(None, None, 80.0, "Nhập tay")}  # fmt: skip
    r = {
        x.code: x
        for x in Q.evaluate(scheme, Q.Counts(received=100, online=60), commune=True, external=external)
    }
    assert r["online_dossier_rate"].value == 54.0  # 60% x 90% synced
    assert r["dossier_sync_rate"].value == 90.0 and r["dossier_sync_rate"].source == "Nhập tay"
    assert r["petition_on_time_rate"].points == 4.8
    assert Q.total_points(list(r.values())) == round(
        sum(x.points for x in r.values() if x.points is not None), 2
    )
