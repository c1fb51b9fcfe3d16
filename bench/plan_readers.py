"""Median read time of a plan DOCX and of a 20-page plan PDF (targets: < 1 s and < 3 s).

usage: python bench/plan_readers.py [--runs N]

"read" is ``readers.read_document`` (format detection, guards, reading, table rebuilding);
"full" adds the extraction (``core.plandoc.parse_plan``) when it is available. The 20-page PDF
is written on the fly from seeds by ``tools.make_seed_formats`` (page numbers; once with ruled
tables, once without ruling lines, which the positional column rebuild reads).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.plandoc.readers import read_document  # noqa: E402
from tools.make_seed_formats import write_pdf  # noqa: E402
from tools.seed_structure import seed_structure  # noqa: E402

SEEDS = ROOT / "fixtures" / "seeds"


def _pages(data: bytes) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(data))


def twenty_page_pdf(ruled: bool = True) -> bytes:
    structure = []
    for number in ("001", "003", "000", "002"):
        structure += seed_structure(next(SEEDS.glob(f"{number}_*.txt")))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.pdf"
            write_pdf(structure, path, ruled=ruled)
            data = path.read_bytes()
        if _pages(data) >= 20:
            return _first_pages(data, 20)
    return data


def _first_pages(data: bytes, count: int) -> bytes:
    import io

    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(data)
    target = pdfium.PdfDocument.new()
    target.import_pages(source, list(range(count)))
    buf = io.BytesIO()
    target.save(buf)
    return buf.getvalue()


def median_seconds(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    try:
        from core.plandoc import parse_plan
    except ImportError:
        parse_plan = None
    docx_path = next((SEEDS / "docx").glob("001_*.docx"))
    docx_data = docx_path.read_bytes()
    pdf_data = twenty_page_pdf()
    unruled = twenty_page_pdf(ruled=False)
    cases = [
        ("docx", docx_path.name, docx_data, 1.0),
        ("pdf", f"{_pages(pdf_data)}-page.pdf", pdf_data, 3.0),
        ("pdf", f"{_pages(unruled)}-page-unruled.pdf", unruled, 3.0),
    ]
    for kind, name, data, target in cases:
        read = median_seconds(lambda d=data, n=name: read_document(d, n), runs)
        line = f"{kind}: {name} read {read:.3f} s"
        if parse_plan is not None:
            full = median_seconds(lambda d=data, n=name: parse_plan(d, n), runs)
            line += f", full parse {full:.3f} s"
        else:
            full = read
        verdict = "ok" if full < target else "SLOW"
        print(f"{line} (median of {runs}; target < {target:.0f} s: {verdict})")


if __name__ == "__main__":
    main()
