"""Locks of the steps of a round: status and deadline, a reopening's later date, round two's start."""

from datetime import date

from core.scoring.rounds import Deadlines, Step, effective_due, write_problem

D = Deadlines(
    date(2025, 10, 15), date(2025, 11, 14), date(2025, 11, 28), date(2025, 12, 10), date(2025, 12, 19)
)


def test_a_step_is_open_in_its_status_until_its_deadline_inclusive():
    assert write_problem(Step.SELF, "self", date(2025, 10, 15), D.self_due) is None
    assert "hết hạn tự đánh giá (15/10/2025)" in write_problem(
        Step.SELF, "self", date(2025, 10, 16), D.self_due
    )
    assert "đã gửi" in write_problem(Step.SELF, "submitted", date(2025, 10, 1), D.self_due)
    assert write_problem(Step.APPRAISAL_1, "submitted", date(2025, 11, 1), D.appraisal1_due) is None


def test_a_reopening_extends_only_its_own_step():
    reopened = [("self", date(2025, 10, 20)), ("appraisal_1", date(2025, 11, 1))]
    assert effective_due(Step.SELF, D, reopened) == date(2025, 10, 20)
    assert effective_due(Step.APPRAISAL_1, D, reopened) == D.appraisal1_due  # earlier: no effect
    assert effective_due(Step.EXPLANATION, D, reopened) == D.explanation_due


def test_round_two_waits_for_the_explanation_or_its_deadline():
    day = date(2025, 11, 20)
    assert "còn hạn giải trình đến 28/11/2025" in write_problem(
        Step.APPRAISAL_2, "explanation", day, D.appraisal2_due, D.explanation_due
    )
    assert write_problem(Step.APPRAISAL_2, "appraisal_2", day, D.appraisal2_due, D.explanation_due) is None
    assert (
        write_problem(
            Step.APPRAISAL_2, "explanation", date(2025, 11, 29), D.appraisal2_due, D.explanation_due
        )
        is None
    )


def test_deadlines_must_follow_the_steps():
    bad = Deadlines(
        date(2025, 10, 15), date(2025, 10, 1), date(2025, 11, 28), date(2025, 11, 20), date(2025, 12, 19)
    )
    problems = bad.problems()
    assert len(problems) == 2 and "Hạn thẩm định lần 1 (01/10/2025) phải sau hạn tự đánh giá" in problems[0]
    assert D.problems() == []
