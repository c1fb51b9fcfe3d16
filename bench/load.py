"""Load test (issue 10): 50 concurrent users for 2 minutes on the demo data, through the real server
(`cchc serve`, waitress) on PostgreSQL, mixed reads and writes.

Prints the number of requests, errors (5xx, connection failures, unexpected answers), p50/p95/p99
latency overall and per kind of request, and checks that no accepted write was lost:
- every progress report the server accepted (302 after "Lưu nháp") is in the audit trail with
  its text, and each milestone's report now holds the text of the last accepted save (the one
  with the highest version: optimistic locking means a save is accepted only on the latest version);
- every evidence link the server accepted is stored.
A save refused because someone saved first (400 "vừa được người khác cập nhật") is not an error:
that is the lost update being prevented; it is counted apart.

    .venv/bin/python bench/load.py [--users 50] [--seconds 120] [--threads 16]
    BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/cchc_sec_load  (default; dropped and recreated)

Local only (127.0.0.1), bounded in users and time; it stops by itself. Exit 1 on any error or loss.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import random
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from login_burst import run, server_env, serving  # noqa: E402

DEMO_PASSWORD = "cchc-demo"
WRITERS = ["nv.kinhte.thuongxuan", "tp.kinhte.thuongxuan", "nv.hcc.thuongxuan"]
READERS = [
    "admin", "qt.thanhhoa", "snv.thanhhoa", "thamdinh.thanhhoa", "ld.thanhhoa", "cv.thuongxuan",
    "ct.thuongxuan", "xem.thuongxuan", "cv.ngoclien", "cv.anhson", "cv.tuetinh",
]  # fmt: skip
READ_PAGES = [
    "/", "/theo-doi/", "/theo-doi/bang-theo-doi/", "/ke-hoach/", "/bao-cao/", "/theo-doi/thong-bao/",
    "/theo-doi/lich/", "/to-chuc/",
]  # fmt: skip
CONFLICT = "vừa được người khác cập nhật"


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.conflicts = 0
        self.saves: list[tuple[int, int, str]] = []  # (milestone, version posted, token)
        self.links: list[str] = []

    def timed(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.times[kind].append(seconds)

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text[:300])


class Browser:
    """One person's browser: cookies, CSRF token, timing every request."""

    def __init__(self, base: str, stats: Stats) -> None:
        self.base, self.stats = base, stats
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def request(self, kind: str, path: str, data: dict | None = None) -> tuple[int, str]:
        body = None
        headers = {"Referer": self.base + path}
        if data is not None:
            token = next((c.value for c in self.jar if c.name == "csrftoken"), "")
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        started = time.perf_counter()
        for attempt in range(20):
            try:
                response = self.opener.open(
                    urllib.request.Request(self.base + path, body, headers), timeout=60
                )
                status, text = response.status, response.read().decode("utf-8", "replace")
                break
            except urllib.error.HTTPError as exc:
                status, text = exc.code, exc.read().decode("utf-8", "replace")
                break
            except (ConnectionError, urllib.error.URLError) as exc:
                if attempt == 19:
                    self.stats.error(f"{kind} {path}: {exc}")
                    return 0, ""
                time.sleep(0.05 * (attempt + 1))  # a full listen queue: the request never arrived
        self.stats.timed(kind, time.perf_counter() - started)
        if status >= 500:
            self.stats.error(f"{kind} {path}: HTTP {status}")
        return status, text

    def login(self, username: str) -> bool:
        self.request("login-page", "/tai-khoan/dang-nhap/")
        status, _ = self.request(
            "login", "/tai-khoan/dang-nhap/", {"username": username, "password": DEMO_PASSWORD}
        )
        if status != 302:
            self.stats.error(f"login {username}: HTTP {status}")
        return status == 302


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is an answer (an accepted form), not something to follow


def _milestones(browser: Browser) -> list[int]:
    _, page = browser.request("read", "/theo-doi/")
    return sorted({int(x) for x in re.findall(r"/theo-doi/moc/(\d+)/", page)})


def _save_report(browser: Browser, stats: Stats, milestone: int, link: bool = False) -> None:
    """Save the milestone's report as a draft; with ``link``, a link to a published document goes
    in the same form (the one-step report of issue 14)."""
    path = f"/theo-doi/moc/{milestone}/"
    status, page = browser.request("milestone", path)
    form = re.search(r'<form [^>]*class="report-form">(.*?)</form>', page, re.S)
    if status != 200 or not form or 'name="text"' not in form.group(1):
        return  # not editable now (sent for approval, accepted): nothing to write
    version = re.search(r'name="version" value="(\d+)"', form.group(1))
    if version is None:
        stats.error(f"{path}: report form without a version")
        return
    token = f"tai-kiem-{uuid.uuid4().hex[:12]}"
    data = {"text": f"Kết quả thực hiện ({token})", "percent": random.randint(0, 90),
            "progress": "in_progress", "reason": "", "version": version.group(1), "step": "luu"}  # fmt: skip
    title = f"Văn bản {uuid.uuid4().hex[:12]}"
    if link:
        data |= {"link_url": "https://thanhhoa.gov.vn/van-ban/1", "link_title": title}
    status, text = browser.request("save-report" if not link else "add-evidence", path, data)
    if status == 302:
        with stats.lock:
            stats.saves.append((milestone, int(version.group(1)), token))
            if link:
                stats.links.append(title)
    elif status in (200, 400) and CONFLICT in text:
        with stats.lock:
            stats.conflicts += 1
    elif status in (200, 400) and ("không thể sửa" in text or "đã khóa" in text):
        pass  # sent for approval meanwhile by another user of the same agency
    else:
        stats.error(f"save {path}: HTTP {status}")


def person(base: str, username: str, writer: bool, window: dict, stats: Stats, seed: int) -> None:
    """Log in (Argon2, before the measured window), wait for everyone, then click until the end."""
    rnd = random.Random(seed)
    browser = Browser(base, stats)
    ok = browser.login(username)
    mine = _milestones(browser) if ok and writer else []
    window["ready"].wait()
    if not ok:
        return
    plans: list[int] = []
    while time.monotonic() < window["deadline"]:
        roll = rnd.random()
        if writer and mine and roll < 0.35:
            _save_report(browser, stats, rnd.choice(mine))
        elif writer and mine and roll < 0.45:
            _save_report(browser, stats, rnd.choice(mine), link=True)
        elif roll < 0.6 and plans:
            browser.request("plan", f"/ke-hoach/{rnd.choice(plans)}/")
        else:
            _, page = browser.request("read", rnd.choice(READ_PAGES))
            plans = plans or sorted({int(x) for x in re.findall(r'href="/ke-hoach/(\d+)/"', page)})
        time.sleep(rnd.uniform(0.2, 0.8))  # a person reads before the next click


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] * 1000


def verify(env: dict[str, str], stats: Stats) -> list[str]:
    """Every accepted write is found afterwards; returns what was lost."""
    code = (
        "import json\n"
        "from apps.audit.models import AuditEntry\n"
        "from apps.tracking.models import Evidence, ProgressReport\n"
        "audit = [json.dumps(c, ensure_ascii=False) for c in AuditEntry.objects.filter("
        "model='tracking.progressreport').values_list('changes', flat=True)]\n"
        "reports = {r.milestone_id: [r.text, r.version] for r in ProgressReport.objects.all()}\n"
        "links = list(Evidence.objects.exclude(url='').values_list('title', flat=True))\n"
        "print(json.dumps({'audit': audit, 'reports': reports, 'links': links}, ensure_ascii=False))\n"
    )
    found = json.loads(run(env, "shell", "-c", code).strip().splitlines()[-1])
    audit = "\n".join(found["audit"])
    lost = [f"report save {token} (mốc {m})" for m, _, token in stats.saves if token not in audit]
    last: dict[int, tuple[int, str]] = {}
    for m, version, token in stats.saves:
        if m not in last or version > last[m][0]:
            last[m] = (version, token)
    for m, (version, token) in last.items():
        text, stored_version = found["reports"].get(str(m), ["", 0])
        if token not in text:
            lost.append(f"mốc {m}: last accepted save {token} (version {version}) not in the report")
        elif stored_version != (version + 1 if version else 1):
            lost.append(f"mốc {m}: version {stored_version} after accepted save on version {version}")
    links = set(found["links"])
    lost += [f"evidence link {t}" for t in stats.links if t not in links]
    return lost


def _postgres(url: str) -> str:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0].replace("postgres://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def main() -> int:
    import os

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--threads", type=int, default=16, help="waitress threads")
    args = parser.parse_args()
    if not (1 <= args.users <= 200 and 1 <= args.seconds <= 600):
        parser.error("at most 200 users and 600 seconds: this is a local, bounded test")
    url = _postgres(os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/cchc_sec_load"))
    with tempfile.TemporaryDirectory() as var_dir:
        env = server_env(url, var_dir, CCHC_TODAY="2025-11-25", DB_CONN_MAX_AGE="60")
        started = time.perf_counter()
        run(env, "migrate", "--noinput", "-v", "0")
        run(env, "demo")
        print(f"demo data on PostgreSQL ready in {time.perf_counter() - started:.0f} s")
        stats = Stats()
        with serving(env, threads=args.threads) as base:
            window = {"ready": threading.Event(), "deadline": 0.0}
            people = []
            for i in range(args.users):
                writer = i % 5 < 2  # two in five write: 20 of 50
                name = WRITERS[i % len(WRITERS)] if writer else READERS[i % len(READERS)]
                t = threading.Thread(target=person, args=(base, name, writer, window, stats, i), daemon=True)
                people.append(t)
                t.start()
            logins = time.perf_counter()
            while (
                sum(len(stats.times[k]) for k in ("login",)) < args.users
                and time.perf_counter() - logins < 600
            ):
                time.sleep(0.2)
            print(
                f"{args.users} logins (Argon2) in {time.perf_counter() - logins:.0f} s; measuring {args.seconds} s"
            )
            for kind in ("login-page", "login", "read"):
                stats.times[kind].clear()  # the measured window starts now
            window["deadline"] = time.monotonic() + args.seconds
            window["ready"].set()
            for t in people:
                t.join(timeout=args.seconds + 120)
        lost = verify(env, stats)
    every = [t for kind, ts in stats.times.items() if not kind.startswith("login") for t in ts]
    total = sum(len(ts) for ts in stats.times.values())
    print(
        f"{args.users} users, {args.seconds} s, waitress threads {args.threads}: {total} requests "
        f"({total / args.seconds:.1f}/s), errors {len(stats.errors)}, "
        f"accepted report saves {len(stats.saves)}, evidence links {len(stats.links)}, "
        f"refused as conflicts {stats.conflicts}, lost writes {len(lost)}"
    )
    print(
        f"latency (all but login): p50 {_pct(every, 0.5):.0f} ms, p95 {_pct(every, 0.95):.0f} ms, "
        f"p99 {_pct(every, 0.99):.0f} ms, mean {statistics.mean(every) * 1000:.0f} ms"
    )
    for kind, ts in sorted((k, v) for k, v in stats.times.items() if v):
        print(f"  {kind:14} n={len(ts):5}  p50 {_pct(ts, 0.5):5.0f} ms  p95 {_pct(ts, 0.95):5.0f} ms")
    for line in (stats.errors + lost)[:20]:
        print("  !", line)
    return 0 if not stats.errors and not lost else 1


if __name__ == "__main__":
    sys.exit(main())
