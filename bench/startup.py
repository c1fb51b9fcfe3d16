"""How long `make run` takes to serve on an installed checkout, first and second time.

Run from the repository root: ``.venv/bin/python bench/startup.py``.
Repeats the steps of `make run` with ``.venv/bin/cchc`` on a throwaway CCHC_VAR_DIR: migrate,
collectstatic, demo, then ``cchc serve --port N`` on a free port, polled until
/tai-khoan/dang-nhap/ answers 200 (then the server is stopped). The first run builds the database;
the second run, where migrate and demo have nothing to do, is the figure to track
(acceptance target: serving within 15 s). Exits 1 when the target is missed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CCHC = ROOT / ".venv" / "bin" / "cchc"
TARGET_S = 15.0
SERVE_TIMEOUT_S = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CCHC_", "DJANGO_"))}
    for name in ("DATABASE_URL", "SECRET_KEY", "DEBUG", "STATIC_ROOT", "PORT"):
        env.pop(name, None)
    env["CCHC_VAR_DIR"] = str(var_dir)
    return env


def step(env: dict[str, str], *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([str(CCHC), *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def serve_until_answered(env: dict[str, str]) -> float:
    port = free_port()
    url = f"http://127.0.0.1:{port}/tai-khoan/dang-nhap/"
    start = time.perf_counter()
    server = subprocess.Popen(
        [str(CCHC), "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while time.perf_counter() - start < SERVE_TIMEOUT_S:
            if server.poll() is not None:
                raise SystemExit(
                    f"cchc serve đã dừng (mã {server.returncode}): {server.stderr.read().strip()}"
                )
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return time.perf_counter() - start
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.05)
        raise SystemExit(f"cchc serve không trả lời {url} sau {SERVE_TIMEOUT_S:.0f} s")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def run_once(env: dict[str, str]) -> dict[str, float]:
    times = {
        "migrate": step(env, "migrate", "--noinput", "-v", "0"),
        "collectstatic": step(env, "collectstatic", "--noinput", "-v", "0"),
        "demo": step(env, "demo"),
    }
    times["serve (đến khi trả lời 200)"] = serve_until_answered(env)
    times["tổng"] = sum(times.values())
    return times


def main() -> None:
    if not CCHC.exists():
        raise SystemExit("Chưa cài: chạy `make install` trước (.venv/bin/cchc không có).")
    installed = subprocess.run(["make", "-q", "install"], cwd=ROOT, capture_output=True).returncode == 0
    var_dir = Path(tempfile.mkdtemp(prefix="cchc-startup-"))
    try:
        env = environment(var_dir)
        runs = [run_once(env), run_once(env)]
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
    print(
        f"make install: {'đã cài, không phải làm gì' if installed else 'CHƯA cập nhật (make run sẽ chạy pip trước)'}"
    )
    print(f"{'bước':<30} {'lần 1 (s)':>10} {'lần 2 (s)':>10}")
    for name in runs[0]:
        print(f"{name:<30} {runs[0][name]:10.2f} {runs[1][name]:10.2f}")
    second = runs[1]["tổng"]
    verdict = "đạt" if second < TARGET_S else "KHÔNG ĐẠT"
    print(f"\nlần chạy thứ hai phục vụ sau {second:.1f} s; mục tiêu < {TARGET_S:.0f} s: {verdict}")
    sys.exit(0 if second < TARGET_S else 1)


if __name__ == "__main__":
    main()
