from datetime import date, datetime

from core.dossiers import timeliness as T
from core.workdays import WorkCalendar

CAL = WorkCalendar()
DUE = datetime(2025, 9, 15, 17, 0)


def test_finished_on_time_is_judged_on_the_processing_end():
    assert T.on_time(datetime(2025, 9, 15, 16, 59), DUE, 0, date(2025, 9, 30))
    assert T.on_time(DUE, DUE, 0, date(2025, 9, 30))
    assert not T.on_time(datetime(2025, 9, 15, 17, 1), DUE, 0, date(2025, 9, 30))


def test_two_supplement_requests_make_a_dossier_late():
    assert T.on_time(datetime(2025, 9, 1), DUE, 1, date(2025, 9, 30))
    assert not T.on_time(datetime(2025, 9, 1), DUE, 2, date(2025, 9, 30))
    assert not T.on_time(None, datetime(2025, 12, 1), 2, date(2025, 9, 30))


def test_unfinished_dossiers_depend_on_the_period_end():
    due = datetime(2025, 9, 30, 17, 0)
    assert T.on_time(None, due, 0, date(2025, 9, 30))  # appointment not before the period's end
    assert not T.on_time(None, datetime(2025, 9, 29, 17), 0, date(2025, 9, 30))
    assert T.open_until(None, due, 1) == date(2025, 9, 30)
    assert T.open_until(datetime(2025, 9, 1), due, 0) is None
    assert not T.on_time(None, None, 0, date(2025, 9, 30))


def test_a_supplement_request_moves_the_appointment():
    assert T.moved_due(DUE, [None, datetime(2025, 9, 20, 17)]) == datetime(2025, 9, 20, 17)
    assert T.moved_due(DUE, [datetime(2025, 9, 10)]) == DUE


def test_due_from_the_procedure_when_there_is_no_appointment():
    received = datetime(2025, 8, 29, 9, 0)  # Friday before the 2/9 holidays
    due = T.computed_due(received, 3, T.WORKING_DAY, CAL)
    assert due == datetime(2025, 9, 5, 23, 59, 59)  # Mon 1/9 and Tue 2/9 are off in 2025
    assert T.computed_due(received, 16, T.HOUR, CAL) == datetime(2025, 9, 4, 23, 59, 59)
    assert T.computed_due(received, 5, T.DAY, CAL) == datetime(2025, 9, 3, 23, 59, 59)
    assert T.computed_due(received, None, T.WORKING_DAY, CAL) is None


def test_processing_days_leave_out_the_supplement_pause():
    received, finished = datetime(2025, 10, 6, 8), datetime(2025, 10, 17, 15)  # Mon .. Fri next week
    assert T.processing_days(received, finished, CAL) == 9
    requested, completed = datetime(2025, 10, 7, 9), datetime(2025, 10, 10, 9)  # Tue .. Fri: 3 days
    assert T.processing_days(received, finished, CAL, requested, completed) == 6
    assert T.processing_days(received, None, CAL) is None
