"""Read a scan (a PDF without a text layer, or page images) by OCR into a ``Document``.

Each page is rendered to a grey image (pdfium for PDFs; Pillow for PNG/JPEG/TIFF, all frames of
a multi-page TIFF), read by Tesseract with its Vietnamese model, and laid out by the same code as
a PDF's text layer (``readers.pdf_layout``): Tesseract's TSV output gives every word with its box,
its line and its confidence, the page's ruling lines come from the pixels
(``readers.scan_geometry``), and the table finder rebuilds the annex tables from them.

Pages run in parallel, one Tesseract process per core (Tesseract itself single-threaded, which is
faster overall than its own threads). A page that reads badly is tried once more turned the way
Tesseract's orientation detector says (a landscape annex scanned sideways, a page upside down).

Confidence: each word's Tesseract confidence (0-100) is kept on its line, cell and paragraph; the
document's mean is ``Document.ocr_confidence`` and a warning states it. A scan whose words are
mostly guesses is refused with a Vietnamese message rather than read into a plan of garbage.
"""

from __future__ import annotations

import io
import os
import subprocess
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from core.plandoc import tools
from core.plandoc.confidence import LOW_CONFIDENCE
from core.plandoc.document import Document
from core.plandoc.errors import PlanDocError
from core.plandoc.readers.pdf import document_from_pages
from core.plandoc.readers.pdf_layout import layout_page
from core.plandoc.readers.pdf_types import Line, PageTable, mean_confidence
from core.plandoc.readers.scan_geometry import ruling_edges, skew_degrees, straighten_image, straighten_words

RENDER_DPI = 300  # Tesseract reads body text best at ~300 dpi; a scan made coarser is not upsampled
MIN_DPI = 150
MAX_PAGES = 60
MAX_PIXELS = 60_000_000  # one A4 page at 600 dpi is 35 Mpx; more is not a page
PAGE_TIMEOUT_S = 120
# Below this mean confidence (0-100) a page is retried turned; a document is refused.
RETRY_BELOW = 60.0
REFUSE_BELOW = 50.0
MIN_WORDS = 30


def read_scan(
    data: bytes, name: str, kind: str, *, progress: Callable[[int, int], None] | None = None
) -> Document:
    """OCR ``data`` ("pdf" or "image") into a ``Document`` of format "ocr".

    ``progress(done, total)`` is called after each page (for a job's progress bar).
    """
    if tools.tesseract() is None:
        raise PlanDocError(
            "ocr_unavailable", detail="tesseract with vie missing", command=tools.INSTALL_COMMAND
        )
    workers = max(1, min(os.cpu_count() or 1, 4))
    results: list[tuple[list[Line | PageTable], float, list[dict]]] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        # Pages are rendered here, one at a time (pdfium is not thread-safe), while the pool reads
        # the ones already rendered.
        futures: list[Future] = [
            pool.submit(_read_page, image, dpi, n)
            for n, (image, dpi) in enumerate(_page_images(data, kind), 1)
        ]
        for done, future in enumerate(futures, 1):
            results.append(future.result())
            if progress is not None:
                progress(done, len(futures))
    words = [w for _items, _height, page_words in results for w in page_words]
    confidence = mean_confidence(words) or 0.0
    if len(words) < MIN_WORDS or confidence < REFUSE_BELOW:
        raise PlanDocError(
            "scan_unreadable", confidence=f"{confidence:.0f}", detail=f"{len(words)} words, mean {confidence}"
        )
    doc = document_from_pages([items for items, _h, _w in results], [h for _i, h, _w in results], name, "ocr")
    doc.ocr_confidence = confidence
    doc.warnings.append(
        f"Văn bản được đọc từ bản quét bằng nhận dạng chữ (OCR), độ tin cậy trung bình {confidence:.0f}%; "
        f"các trường đọc từ đoạn có độ tin cậy dưới {LOW_CONFIDENCE:.0f}% được đánh dấu cần kiểm tra lại."
    )
    return doc


def _page_images(data: bytes, kind: str) -> Iterator[tuple[object, float]]:
    """(grey PIL image, dpi) of each page."""
    if kind == "pdf":
        yield from _pdf_pages(data)
    else:
        yield from _image_pages(data)


def _pdf_pages(data: bytes) -> Iterator[tuple[object, float]]:
    from core.plandoc.readers.pdf_geometry import open_pdf

    pdf = open_pdf(data)
    try:
        if len(pdf) > MAX_PAGES:
            raise PlanDocError("too_many_pages", pages=len(pdf), limit=MAX_PAGES)
        for index in range(len(pdf)):
            page = pdf[index]
            dpi = _native_dpi(page)
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            yield image, dpi
    finally:
        pdf.close()


def _native_dpi(page) -> float:
    """The resolution of the page's largest image (the scan), kept between MIN_DPI and RENDER_DPI."""
    import pypdfium2.raw as pdfium_c

    best = None
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, _bottom, right, _top = obj.get_bounds()
        try:
            px_width = obj.get_px_size()[0]
        except Exception:  # noqa: BLE001 - an image pdfium cannot size says nothing
            continue
        if right - left > 72 and (best is None or px_width > best[0]):
            best = (px_width, (right - left) / 72)
    if best is None:
        return RENDER_DPI
    return max(MIN_DPI, min(RENDER_DPI, best[0] / best[1]))


def _image_pages(data: bytes) -> Iterator[tuple[object, float]]:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        picture = Image.open(io.BytesIO(data))
        frames = [frame.convert("L") for frame in ImageSequence.Iterator(picture)]
    except Image.DecompressionBombError:
        raise PlanDocError("too_large", limit_mb=MAX_PIXELS // 1_000_000, detail="image pixels") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise PlanDocError("corrupt", detail=f"image: {exc}") from None
    if len(frames) > MAX_PAGES:
        raise PlanDocError("too_many_pages", pages=len(frames), limit=MAX_PAGES)
    declared = picture.info.get("dpi")
    for frame in frames:
        dpi = float(declared[0]) if declared and declared[0] and declared[0] > 50 else _guess_dpi(frame)
        if dpi > RENDER_DPI * 1.4:  # a 600 dpi scan: Tesseract gains nothing, and it is 4x the work
            factor = RENDER_DPI / dpi
            frame = frame.resize((round(frame.width * factor), round(frame.height * factor)))
            dpi = RENDER_DPI
        yield frame, dpi


def _guess_dpi(image) -> float:
    """A photo or scan without a resolution tag: assume the page is A4 (8.27 x 11.69 in)."""
    return max(image.width, image.height) / 11.69


def _read_page(image, dpi: float, page_no: int) -> tuple[list[Line | PageTable], float, list[dict]]:
    """OCR one page; lay it out in points. Returns (items, page height in points, kept words)."""
    words = _ocr(image, dpi)
    if mean_confidence(words) is None or (mean_confidence(words) or 0) < RETRY_BELOW:
        turned = _turn(image)
        if turned is not None:
            retry = _ocr(turned, dpi)
            if (mean_confidence(retry) or 0) > (mean_confidence(words) or 0):
                image, words = turned, retry
    angle = skew_degrees(words)
    words = straighten_words(words, angle, image.width, image.height)
    edges = ruling_edges(straighten_image(image, angle), dpi, 72 / dpi)
    scale = 72 / dpi
    points = [
        {
            **w,
            "x0": w["x0"] * scale,
            "x1": w["x1"] * scale,
            "top": w["top"] * scale,
            "bottom": w["bottom"] * scale,
        }
        for w in words
    ]
    width, height = image.width * scale, image.height * scale
    return layout_page(points, edges, width, height, page_no), height, words


def _tesseract(image, args: list[str]) -> str:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            [tools.tesseract(), "stdin", "stdout", *args],
            input=buffer.getvalue(),
            capture_output=True,
            timeout=PAGE_TIMEOUT_S,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PlanDocError("timeout", detail=f"tesseract page over {PAGE_TIMEOUT_S}s") from None
    if done.returncode != 0:
        raise PlanDocError("corrupt", detail=f"tesseract: {done.stderr.decode(errors='replace')[-300:]}")
    return done.stdout.decode("utf-8", errors="replace")


def _ocr(image, dpi: float) -> list[dict]:
    """Words of the page in pixels: text, box, ``conf`` (0-100) and ``line`` (block, par, line)."""
    # No search for white-on-black text (tessedit_do_invert): plans have none, and it costs time.
    tsv = _tesseract(
        image, ["-l", tools.OCR_LANGUAGE, "--dpi", str(round(dpi)), "-c", "tessedit_do_invert=0", "tsv"]
    )
    words = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        conf = float(cols[10])
        if not text or conf < 0 or (conf < 30 and not any(ch.isalnum() for ch in text)):
            continue  # a ruling line or a speck read as "|", "_" or "—"
        left, top, width, height = (int(v) for v in cols[6:10])
        words.append({"text": text, "x0": left, "x1": left + width, "top": top, "bottom": top + height,
                      "conf": conf, "line": (int(cols[2]), int(cols[3]), int(cols[4]))})  # fmt: skip
    return words


def _turn(image):
    """The page turned upright as Tesseract's orientation detector says, or ``None``."""
    try:
        osd = _tesseract(image, ["--psm", "0", "-l", "osd"])
    except PlanDocError:
        return None  # too little text to tell: keep the page as it is
    for line in osd.splitlines():
        if line.startswith("Rotate:"):
            degrees = int(line.split(":")[1])
            return image.rotate(-degrees, expand=True, fillcolor=255) if degrees else None
    return None
