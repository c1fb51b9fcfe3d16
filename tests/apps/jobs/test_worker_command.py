"""`cchc worker` and the job settings refuse bad input in one Vietnamese line, never a traceback."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from tests.apps.test_cli_errors import cchc, one_line


def test_no_worker_with_the_immediate_backend(db):
    with pytest.raises(CommandError, match="chạy tác vụ ngay khi gửi, không cần tiến trình xử lý"):
        call_command("worker", "--batch")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--queue", "nhap-ho-so"], "Không có hàng đợi nhap-ho-so"),
        (["--interval", "abc"], "Giá trị không hợp lệ: 'abc'"),
        (["--interval", "0"], "Khoảng chờ phải lớn hơn 0"),
    ],
)
def test_bad_worker_options(db, settings, args, message):
    settings.CCHC_TASK_BACKEND = "db"
    with pytest.raises(CommandError, match=message):
        call_command("worker", "--batch", *args)


@pytest.mark.parametrize(
    "env, message",
    [
        ({"CCHC_JOB_LEASE_SECONDS": "abc"}, "CCHC_JOB_LEASE_SECONDS phải là một số giây, không phải 'abc'."),
        ({"CCHC_JOB_SWEEP_SECONDS": "-5"}, "CCHC_JOB_SWEEP_SECONDS phải từ 0.1 đến 86400 giây"),
        ({"CCHC_TASK_BACKEND": "celery"}, "CCHC_TASK_BACKEND phải là một trong db, rq, immediate."),
    ],
)
def test_bad_job_settings(tmp_path, env, message):
    assert message in one_line(cchc("check", var_dir=tmp_path, **env))
