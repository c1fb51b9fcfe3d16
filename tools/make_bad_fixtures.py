"""Write the bad-input fixtures under ``fixtures/bad/`` (each must be refused with a clear message).

usage: python -m tools.make_bad_fixtures            (from the repository root)

Every file is built from scratch here (no downloaded samples), small, and reproducible.
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BAD = ROOT / "fixtures" / "bad"
PLAN_LINES = [
    "ỦY BAN NHÂN DÂN XÃ ANH SƠN",
    "KẾ HOẠCH cải cách hành chính năm 2025",
    "Ủy ban nhân dân xã ban hành kế hoạch cải cách hành chính năm 2025 như sau:",
    "Nhiệm vụ: rà soát thủ tục hành chính; chủ trì: Văn phòng - Thống kê; thời gian: Quý I năm 2025.",
]


def small_docx(lines: list[str] = PLAN_LINES, font: str | None = None) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        run = document.add_paragraph().add_run(line)
        if font:
            run.font.name = font
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def zip_bomb() -> bytes:
    """A .docx-shaped zip whose document.xml declares 64 MB of zeros (~64 KB compressed)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(64):
                member.write(block)
    return buf.getvalue()


def docm() -> bytes:
    """A real document with a vbaProject.bin part and the macro-enabled content type."""
    source = zipfile.ZipFile(io.BytesIO(small_docx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
                )
            archive.writestr(info.filename, data)
        archive.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 fake VBA project")
    return buf.getvalue()


def ole(stream_names: list[str]) -> bytes:
    """A minimal OLE compound file (one FAT sector, one directory sector) naming the given streams.

    Word writes a password-protected .docx as such a file holding "EncryptionInfo" and
    "EncryptedPackage"; a Word 97-2003 .doc holds "WordDocument".
    """
    end, free, fat = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 4096, end, 0, end, 0)
    struct.pack_into("<I", header, 76, 0)  # DIFAT[0]: the FAT is sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, free)
    fat_sector = struct.pack("<II", fat, end) + struct.pack("<I", free) * 126
    entries = []
    for index, name in enumerate(["Root Entry", *stream_names]):
        encoded = (name + "\0").encode("utf-16-le")
        entry = bytearray(128)
        entry[0 : len(encoded)] = encoded
        kind = 5 if index == 0 else 2
        child = 1 if index == 0 and stream_names else free
        right = index + 1 if 0 < index < len(stream_names) else free
        struct.pack_into("<HBB", entry, 64, len(encoded), kind, 1)
        struct.pack_into("<III", entry, 68, free, right, child)
        struct.pack_into("<II", entry, 116, end, 0)
        entries.append(bytes(entry))
    directory = b"".join(entries).ljust(512, b"\0")
    return bytes(header) + fat_sector + directory


def scanned_pdf() -> bytes:
    """A page holding only an image of text: what a scanner produces (no text layer)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (800, 300), 255)
    draw = ImageDraw.Draw(image)
    for y in range(40, 280, 30):
        draw.rectangle((40, y, 40 + (y * 7) % 600 + 100, y + 12), fill=30)  # "lines of text"
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=1)
    pdf.drawImage(ImageReader(image), 50, 400, width=500, height=190)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def plan_pdf(encrypt: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tools.make_seed_formats import _register_fonts

    _register_fonts()
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=1, encrypt=encrypt)
    pdf.setFont("DejaVuSans", 11)
    for i, line in enumerate(PLAN_LINES):
        pdf.drawString(60, 780 - 18 * i, line)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def legacy_docx(encoding: str) -> bytes:
    from core.plandoc.legacy_encoding import encode_tcvn3, encode_vni

    if encoding == "tcvn3":
        return small_docx([encode_tcvn3(line.lower()) for line in PLAN_LINES], font=".VnTime")
    return small_docx([encode_vni(line) for line in PLAN_LINES], font="VNI-Times")


def unknown_legacy_docx() -> bytes:
    """Latin-1 symbols no Vietnamese text uses, in a font we do not know: not convertible."""
    shifted = [
        "".join(chr(0xC0 + (ord(c) % 0x3F)) if c.isalpha() else c for c in line) for line in PLAN_LINES
    ]
    return small_docx(shifted * 3, font="VK Sans")


def fixtures() -> dict[str, bytes]:
    docx_bytes = small_docx()
    return {
        "empty.docx": b"",
        "blank.txt": b"  \n\n \t\n",
        "not_a_plan.txt": "Thực đơn tuần này: thứ hai phở bò, thứ ba bún chả, thứ tư cơm tấm.\n".encode(),
        "scanned.pdf": scanned_pdf(),
        "zip_bomb.docx": zip_bomb(),
        "macros.docm": docm(),
        "encrypted.docx": ole(["EncryptionInfo", "EncryptedPackage"]),
        "legacy.doc": ole(["WordDocument", "1Table"]),
        "truncated.docx": docx_bytes[: len(docx_bytes) * 2 // 3],
        "corrupt.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage without xref\n",
        "encrypted.pdf": plan_pdf(encrypt="mat-khau"),
        "pdf_renamed.docx": plan_pdf(),
        "tcvn3.docx": legacy_docx("tcvn3"),
        "vni.docx": legacy_docx("vni"),
        "unknown_encoding.docx": unknown_legacy_docx(),
        "spreadsheet.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
    }


def main() -> None:
    BAD.mkdir(parents=True, exist_ok=True)
    for name, data in fixtures().items():
        (BAD / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
