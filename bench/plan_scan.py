"""Reading a scanned plan by OCR: time, confidence, and task F1 / metadata against hand gold.

usage: python bench/plan_scan.py [FILE GOLD]

Default: ``fixtures/formats/scans/dongthap-kh597-2025-cds-giao-thong.pdf``, an 11-page plan printed
by LibreOffice, rendered by pdftoppm at 200 dpi, turned, noised and packed as an image-only PDF
(``scripts/make-format-fixtures``), scored against ``fixtures/corpus/gold``. It runs the whole
upload path (``parse_plan`` in the bounded sandbox child), then once more in-process to count the
CPU time of the Tesseract processes: on a machine shared with other work the wall time measures
the neighbours too, the CPU time divided by the cores does not. Acceptance (issue 9): under 60 s
on the 2-core machine. Also prints the same plan as DOCX and as the printed PDF, for comparison.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.plandoc import parse_plan, tools  # noqa: E402
from core.plandoc.sandbox import run_bounded  # noqa: E402
from core.plandoc.scoring import corpus_figures  # noqa: E402

STEM = "dongthap-kh597-2025-cds-giao-thong"
SCAN = ROOT / "fixtures" / "formats" / "scans" / f"{STEM}.pdf"
GOLD = ROOT / "fixtures" / "corpus" / "gold" / f"{STEM}.json"
LIMIT_S = 60


def measure(path: Path, gold: dict, label: str, *, inline: bool = False) -> float:
    """Parse ``path`` and print its figures; ``inline`` runs in this process so that the CPU time
    of the Tesseract children can be counted (the sandbox adds milliseconds, not seconds)."""
    start, cpu = time.perf_counter(), _cpu()
    if inline:
        plan = parse_plan(path.read_bytes(), path.name)
    else:
        plan = run_bounded(parse_plan, path.read_bytes(), path.name, timeout_s=300, memory_mb=1536)
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    fig = corpus_figures(gold, plan.to_gold_dict())
    meta = ", ".join(name for name, ok in fig["meta"].items() if not ok) or "all"
    print(
        f"{label:12} {seconds:6.1f} s  tasks {fig['tasks_pred']}/{fig['tasks_gold']}  task F1 {fig['task_f1']:.3f}  "
        f"fields {fig['field_acc_mean']:.3f}  metadata {fig['meta_acc']:.2f} (missed: {meta if meta != 'all' else '-'})"
    )
    if inline:
        print(f"{'':12} CPU {cpu:.1f} s (this process and its Tesseract children)")
    return cpu if inline else seconds


def _cpu() -> float:
    own = os.times()
    return own.user + own.system + own.children_user + own.children_system


def main() -> int:
    if tools.tesseract() is None:
        print(f"Tesseract + tiếng Việt chưa cài: {tools.INSTALL_COMMAND}")
        return 1
    scan = Path(sys.argv[1]) if len(sys.argv) > 2 else SCAN
    gold = json.loads((Path(sys.argv[2]) if len(sys.argv) > 2 else GOLD).read_text(encoding="utf-8"))
    import pypdfium2

    pages = len(pypdfium2.PdfDocument(scan.read_bytes())) if scan.suffix == ".pdf" else "?"
    load = os.getloadavg()[0]
    print(f"scan: {scan.name}, {pages} pages; {os.cpu_count()} cores, load average {load:.1f}")
    wall = measure(scan, gold, "scan (OCR)")
    cpu = measure(scan, gold, "scan, inline", inline=True)
    if scan == SCAN:
        measure(ROOT / "fixtures" / "formats" / "printed" / f"{STEM}.pdf", gold, "printed PDF")
        measure(ROOT / "fixtures" / "corpus" / "plans" / f"{STEM}.docx", gold, "DOCX")
    cores = os.cpu_count() or 1
    verdict = "under" if wall < LIMIT_S else "OVER"
    print(
        f"scanned plan read in {wall:.1f} s wall: {verdict} the {LIMIT_S} s limit (load average {load:.1f})"
    )
    # On a shared machine the wall time depends on the neighbours; the CPU time does not.
    print(f"CPU work {cpu:.1f} s: {cpu / cores:.1f} s wall on {cores} idle cores, pages run in parallel")
    return 0


if __name__ == "__main__":
    sys.exit(main())
