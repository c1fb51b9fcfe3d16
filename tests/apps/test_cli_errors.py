"""The `cchc` command fails in one plain Vietnamese line, never a traceback, when the database is
misconfigured or unreachable: the people who run it are officials and their IT staff.

Each case runs the installed ``.venv/bin/cchc`` in a subprocess with a clean environment.
"""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CCHC = ROOT / ".venv" / "bin" / "cchc"

pytestmark = pytest.mark.skipif(not CCHC.exists(), reason=".venv/bin/cchc chưa được cài (make install)")


def closed_port() -> int:
    """A local TCP port nobody listens on (port 1 unless something odd runs there)."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", 1)) != 0:
            return 1
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the with-block ends


def cchc(*args: str, var_dir: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("CCHC_", "DJANGO_", "DATABASE_"))}
    clean.pop("SECRET_KEY", None)
    clean.update({"CCHC_VAR_DIR": str(var_dir), **env})
    return subprocess.run([str(CCHC), *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60)


def one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("cchc:"), lines[0]
    assert ".." not in lines[0], lines[0]  # one full stop per sentence
    return lines[0]


@pytest.mark.parametrize("command", [["migrate", "--noinput"], ["showmigrations"], ["demo"]])
def test_unknown_database_scheme(tmp_path, command):
    line = one_line(cchc(*command, var_dir=tmp_path, DATABASE_URL="nosuchdb://x"))
    assert "DATABASE_URL" in line
    assert "nosuchdb://x" in line


@pytest.mark.parametrize("command", [["migrate", "--noinput"], ["serve", "--port", "0"]])
def test_postgresql_not_listening(tmp_path, command):
    url = f"postgres://cchc:mat-khau-bi-mat@127.0.0.1:{closed_port()}/cchc"
    line = one_line(cchc(*command, var_dir=tmp_path, DATABASE_URL=url))
    assert "Không kết nối được cơ sở dữ liệu" in line
    assert "mat-khau-bi-mat" not in line  # the password is masked in the message


@pytest.mark.parametrize("command", [["migrate", "--noinput"], ["showmigrations"], ["serve", "--port", "0"]])
def test_sqlite_file_that_cannot_be_created(tmp_path, command):
    """/proc refuses new files even to root (the tests may run as root, where chmod 0555 does not)."""
    line = one_line(cchc(*command, var_dir=tmp_path, DATABASE_URL="sqlite:////proc/cchc.sqlite3"))
    assert "SQLite" in line and "/proc/cchc.sqlite3" in line


def test_data_directory_that_cannot_be_written(tmp_path):
    """The default database lives in CCHC_VAR_DIR; an unwritable one is explained, not a traceback."""
    line = one_line(cchc("migrate", "--noinput", var_dir=Path("/proc/cchc-var")))
    assert "SQLite" in line or "ghi" in line


def test_traceback_on_request(tmp_path):
    """The control: CCHC_TRACEBACK=1 shows the real error, so the one-liners above are translations."""
    result = cchc("migrate", "--noinput", var_dir=tmp_path, DATABASE_URL="nosuchdb://x", CCHC_TRACEBACK="1")
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_working_database_still_works(tmp_path):
    result = cchc("migrate", "--noinput", "-v", "0", var_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cchc.sqlite3").exists()
    assert result.stderr.strip() == ""
