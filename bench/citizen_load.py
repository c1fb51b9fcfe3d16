"""Load test of the public petition page: N concurrent submitters for a while, on PostgreSQL,
through the real server (``cchc serve``: waitress), with the limits and the challenge in force.

Run from the repository root: ``.venv/bin/python bench/citizen_load.py [--submitters 100]
[--seconds 60] [--database-url postgres://postgres@127.0.0.1:5432/cchc_citizen_bench]``.

What it does, all on this machine (loopback only, bounded in count and time):
1. recreates the throwaway database, migrates it, loads the demo organisations and users;
2. starts ``cchc serve`` on a free port (inline jobs off) and waits for /healthz;
3. runs N threads for the given seconds; each loops: GET the form (CSRF cookie, challenge key),
   read the challenge's answer from the database (what a person reads from the image), POST the
   petition (one in four with a small PDF attached), expect the redirect to its tracking code.
   Each submission comes from its own loopback address (127.x.y.z), as distinct citizens do, so the
   per-address limit stays at its production value and is not what is measured;
4. stops the server, then checks that every tracking code a submitter received is in the
   database, with its attachment, and that the database holds nothing else.

Prints submissions, throughput, latency (median, p95) and the counts of errors and of lost
petitions: the figures to track (issue 13: no error, nothing lost). Exits 1 otherwise.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/cchc_citizen_bench"
KEY = re.compile(r'name="captcha_0" value="([0-9a-f]+)"')
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PDF = b"%PDF-1.4\n" + b"0" * 4000 + b"\n%%EOF\n"


def cchc(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ROOT / ".venv/bin/cchc"), *args], env=env, check=True, capture_output=True, text=True
    )


def recreate(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict, port: int, threads: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [str(ROOT / ".venv/bin/cchc"), "serve", "--port", str(port), "--threads", str(threads)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit(
        "máy chủ không khởi động được: " + (proc.stderr.read().decode()[-2000:] if proc.stderr else "")
    )


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.codes: list[str] = []
        self.with_file: set[str] = set()
        self.latency: list[float] = []
        self.errors: list[str] = []


def multipart(fields: dict, file_bytes: bytes | None) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = []
    for name, value in fields.items():
        out.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    if file_bytes is not None:
        out.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="giay-hen.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n".encode()
            + file_bytes
            + b"\r\n"
        )
    out.append(f"--{boundary}--\r\n".encode())
    return b"".join(out), f"multipart/form-data; boundary={boundary}"


class Answers:
    """The challenge answers, read through one shared connection (the database has a connection
    limit shared with the server; a hundred client connections would take it all)."""

    def __init__(self, url: str) -> None:
        self.conn = psycopg.connect(url, autocommit=True)
        self.lock = threading.Lock()

    def of(self, key: str) -> str:
        with self.lock:
            return self.conn.execute(
                "SELECT response FROM captcha_captchastore WHERE hashkey = %s", [key]
            ).fetchone()[0]


def submit_once(port: int, source: str, answers: Answers, unit_id: int, n: int, stats: Stats) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
    try:
        conn.request("GET", "/nguoi-dan/phan-anh/")
        page = conn.getresponse()
        html = page.read().decode()
        cookie = page.getheader("Set-Cookie", "").split(";", 1)[0]
        if page.status != 200 or not KEY.search(html):
            raise RuntimeError(f"GET trả về {page.status}")
        key = KEY.search(html).group(1)
        answer = answers.of(key)
        fields = {
            "csrfmiddlewaretoken": TOKEN.search(html).group(1),
            "org_unit": unit_id,
            "subject": "procedure",
            "text": f"Phản ánh thử tải số {n} từ {source}: thời hạn giải quyết thủ tục chưa được niêm yết.",
            "anonymous": "on",
            "captcha_0": key,
            "captcha_1": answer,
        }
        attach = n % 4 == 0
        body, ctype = multipart(fields, PDF if attach else None)
        started = time.perf_counter()
        conn.request(
            "POST", "/nguoi-dan/phan-anh/", body=body, headers={"Content-Type": ctype, "Cookie": cookie}
        )
        r = conn.getresponse()
        r.read()
        elapsed = (time.perf_counter() - started) * 1000
        location = r.getheader("Location", "")
        if r.status != 302 or "ma=" not in location:
            raise RuntimeError(f"POST trả về {r.status}")
        code = location.split("ma=", 1)[1].split("&", 1)[0]
        with stats.lock:
            stats.codes.append(code)
            stats.latency.append(elapsed)
            if attach:
                stats.with_file.add(code)
    finally:
        conn.close()


def submitter(w: int, port: int, answers: Answers, unit_id: int, until: float, stats: Stats) -> None:
    n = 0
    while time.monotonic() < until:
        source = f"127.{1 + w // 200}.{w % 200}.{1 + n % 250}"  # a new citizen each time
        try:
            submit_once(port, source, answers, unit_id, w * 100000 + n, stats)
        except Exception as exc:  # noqa: BLE001 - every failure is counted and printed
            with stats.lock:
                stats.errors.append(f"{source}: {type(exc).__name__}: {exc}")
        n += 1


def verify(url: str, stats: Stats) -> tuple[int, int, int]:
    with psycopg.connect(url) as db:
        stored = {c for (c,) in db.execute("SELECT code FROM citizen_petition")}
        files = {
            c
            for (c,) in db.execute(
                "SELECT p.code FROM citizen_petition p JOIN citizen_petitionattachment a ON a.petition_id = p.id"
            )
        }
    sent = set(stats.codes)
    lost = len(sent - stored) + len(stats.with_file - files)
    extra = len(stored - sent)
    return len(stored), lost, extra


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submitters", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--threads", type=int, default=8, help="waitress threads of the server")
    parser.add_argument("--database-url", default=os.environ.get("CITIZEN_BENCH_DATABASE_URL", DEFAULT_URL))
    args = parser.parse_args()
    url = args.database_url
    recreate(url)
    media = Path(os.environ.get("TMPDIR", "/tmp")) / f"cchc-load-{os.getpid()}"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("CCHC_", "CITIZEN_", "DJANGO_"))},
        "DATABASE_URL": url,
        "CCHC_INLINE_JOBS": "0",
        "CCHC_VAR_DIR": str(media),
        "LOG_LEVEL": "ERROR",
        "CCHC_TODAY": "2025-11-25",
    }
    start = time.perf_counter()
    cchc("migrate", "--noinput", "-v", "0", env=env)
    cchc(
        "shell",
        "-c",
        "from apps.system.demo import load_orgs, load_users; load_orgs(); load_users()",
        env=env,
    )
    with psycopg.connect(url) as db:
        unit_id = db.execute("SELECT id FROM orgs_orgunit WHERE name = 'xã Thường Xuân'").fetchone()[0]
    port = free_port()
    server = start_server(env, port, args.threads)
    print(
        f"CSDL {urlsplit(url).path.lstrip('/')} và máy chủ sẵn sàng trong {time.perf_counter() - start:.1f} s (cổng {port})"
    )
    stats = Stats()
    answers = Answers(url)
    until = time.monotonic() + args.seconds
    began = time.perf_counter()
    workers = [
        threading.Thread(target=submitter, args=(w, port, answers, unit_id, until, stats), daemon=True)
        for w in range(args.submitters)
    ]
    for t in workers:
        t.start()
    for t in workers:
        t.join(timeout=args.seconds + 120)
    wall = time.perf_counter() - began
    answers.conn.close()
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)
    stored, lost, extra = verify(url, stats)
    n = len(stats.codes)
    lat = sorted(stats.latency) or [0.0]
    print(f"{args.submitters} người gửi đồng thời trong {wall:.1f} s: {n} phản ánh gửi thành công "
          f"({n / wall:.1f}/s), {len(stats.with_file)} có tệp đính kèm")  # fmt: skip
    print(
        f"thời gian gửi (POST): trung vị {statistics.median(lat):.0f} ms, p95 {lat[int(0.95 * (len(lat) - 1))]:.0f} ms"
    )
    print(f"lỗi: {len(stats.errors)}; mất: {lost}; trong CSDL: {stored} (thừa {extra})")
    for e in stats.errors[:10]:
        print("  ", e)
    ok = not stats.errors and lost == 0 and extra == 0 and n > 0
    print("kết quả: " + ("đạt (không lỗi, không mất)" if ok else "KHÔNG ĐẠT"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
