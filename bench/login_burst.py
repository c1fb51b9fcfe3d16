"""The 40-request burst (issue 10): concurrent wrong passwords for one user through the real server.

Starts `cchc serve` (waitress) on a fresh database, creates one user (Argon2, the production
hasher), lets 40 browsers open the login page and then post a wrong password at the same moment, and
prints how many requests reached the password check (answered 200 with "mật khẩu không đúng")
against LOGIN_FAILURE_LIMIT; the others must be refused with 429 before any check.

    .venv/bin/python bench/login_burst.py                 # SQLite (a temporary file) and PostgreSQL
    BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/cchc_sec_burst .venv/bin/python bench/login_burst.py

Local only: the server listens on 127.0.0.1; the burst is 40 requests, once per database.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import free_port  # noqa: E402 - the sibling bench script's helper

ROOT = Path(__file__).resolve().parent.parent
CCHC = str(ROOT / ".venv" / "bin" / "cchc")
LOGIN = "/tai-khoan/dang-nhap/"
LIMIT = 5
N = 40


def server_env(database_url: str, var_dir: str, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"CCHC_TESTING", "DJANGO_SETTINGS_MODULE"}}
    env.update(DATABASE_URL=database_url, CCHC_VAR_DIR=var_dir, CCHC_INLINE_JOBS="0", **extra)
    return env


def run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([CCHC, *args], env=env, capture_output=True, text=True, timeout=300)
    if done.returncode:
        raise RuntimeError(f"cchc {' '.join(args)}: {done.stderr[-2000:]}")
    return done.stdout


def create_user(env: dict[str, str], username: str, password: str) -> None:
    code = (
        "from apps.accounts.models import User\n"
        f"User.objects.filter(username={username!r}).delete()\n"
        f"User.objects.create_user(username={username!r}, password={password!r})\n"
    )
    run(env, "shell", "-c", code)


@contextmanager
def serving(env: dict[str, str], threads: int = 8):
    """`cchc serve` on a free port, yielding its base URL once /healthz answers."""
    port = free_port()
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        [CCHC, "serve", "--host", "127.0.0.1", "--port", str(port), "--threads", str(threads)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError("server did not start: " + log.read().decode()[-2000:]) from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def burst(base_url: str, username: str, n: int = N) -> list[tuple[int, str]]:
    """``n`` browsers open the login page, then all post a wrong password at once: (status, body)."""
    start = threading.Barrier(n)
    url = base_url + LOGIN

    def one(_):
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = opener.open(url, timeout=60).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode(
            {"username": username, "password": "sai-mat-khau", "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
        start.wait(timeout=60)
        for attempt in range(30):  # refused by a full listen queue: never reached the application
            try:
                response = opener.open(request, timeout=180)
                return response.status, response.read().decode()
            except urllib.error.HTTPError as exc:
                return exc.code, exc.read().decode()
            except (ConnectionError, urllib.error.URLError):
                time.sleep(0.05 * (attempt + 1))
        return 0, "no answer"

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(one, range(n)))


def checks_of(results: list[tuple[int, str]]) -> int:
    """Requests that reached the password check: the login form answered again with its error."""
    return sum(1 for status, body in results if status == 200 and "mật khẩu không đúng" in body)


def measure(database_url: str, var_dir: str) -> tuple[int, list[int]]:
    env = server_env(database_url, var_dir, LOGIN_FAILURE_LIMIT=str(LIMIT))
    run(env, "migrate", "--noinput", "-v", "0")
    create_user(env, "cv.anhson", "mat-khau-dung-2025")
    with serving(env) as base:
        results = burst(base, "cv.anhson")
    return checks_of(results), [status for status, _ in results]


def _postgres_url() -> str:
    url = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/cchc_sec_burst")
    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    import psycopg

    with psycopg.connect(admin.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def main() -> int:
    ok = True
    with tempfile.TemporaryDirectory() as var_dir:
        for label, url in (("SQLite", f"sqlite:///{var_dir}/burst.sqlite3"), ("PostgreSQL", _postgres_url())):
            started = time.perf_counter()
            checks, statuses = measure(url, var_dir)
            seconds = time.perf_counter() - started
            refused = statuses.count(429)
            print(
                f"{label}: {N} concurrent wrong passwords -> {checks} password checks "
                f"(limit {LIMIT}), {refused} refused with 429, other {N - checks - refused} "
                f"({seconds:.1f} s with migrate)"
            )
            ok = ok and checks <= LIMIT and checks + refused == N
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
