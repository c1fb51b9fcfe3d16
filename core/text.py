"""Vietnamese text normalization shared by parsing, matching and checks.

Plans arrive with mixed Unicode forms (NFD from some Word versions), HTML fragments from portals,
odd spacing and inconsistent accents ("Hoá"/"Hóa"). Comparing names or task texts needs one
normalization; showing them to officials needs the text as printed. ``clean`` keeps the text
readable; ``fold`` is for matching only and must never be shown.
"""

from __future__ import annotations

import html
import re
import unicodedata

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\u00a0\u200b\ufeff]+")
_ANY_SPACE = re.compile(r"\s+")

# Old-style tone placement ("hoá", "thuỷ") versus the new style ("hóa", "thủy"): both are printed in
# official documents; matching should treat them alike.
_OLD_TONES = {
    "oá": "óa",
    "oà": "òa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oé": "óe",
    "oè": "òe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uý": "úy",
    "uỳ": "ùy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONE_RE = re.compile("|".join(_OLD_TONES))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def collapse(text: str) -> str:
    """Collapse all whitespace (newlines included) to single spaces and strip."""
    return _ANY_SPACE.sub(" ", text).strip()


def strip_tags(text: str) -> str:
    """Remove HTML tags and unescape entities (portal exports put ``<p>``/``<li>`` in cells)."""
    return html.unescape(_TAG.sub(" ", text))


def clean(text: str) -> str:
    """Readable single-line form: NFC, tags removed, whitespace collapsed."""
    return collapse(strip_tags(nfc(text)))


def modern_tones(text: str) -> str:
    """Rewrite old-style tone placement to the new style ("hoá" -> "hóa"), for matching."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(0)], text)


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced form for matching ("Phòng Văn hoá" -> "phong van hoa")."""
    text = nfc(text).lower().replace("đ", "d")
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = re.sub(r"[^\w%&/.-]+", " ", text)
    return collapse(text)


def match_key(text: str) -> str:
    """Key for comparing printed names and texts: cleaned, tones modernized, lower-case, accents kept."""
    return collapse(modern_tones(clean(text).lower()))


def capitalise_first(text: str) -> str:
    """The text with its first letter in upper case: "xã Thường Xuân ban hành…" becomes "Xã Thường
    Xuân ban hành…". A sentence built from parts starts with whatever part comes first, often a
    unit's name, which is written in lower case inside a sentence. Leading spaces, bullets ("- ",
    "+ ") and quotes are kept; a sentence starting with a number is left as is; Vietnamese letters
    keep their marks in either Unicode form ('đ' → 'Đ', 'ấ' → 'Ấ', 'ư' → 'Ư')."""
    for i, ch in enumerate(text):
        if ch.isdigit():
            return text
        if ch.isalpha():
            upper = ch.upper()
            return text[:i] + upper + text[i + 1 :] if len(upper) == 1 else text
    return text


def sentence(*parts: str) -> str:
    """Parts joined by single spaces (empty ones dropped), starting with a capital letter."""
    return capitalise_first(" ".join(p.strip() for p in parts if p and p.strip()))


def capitalise_lines(text: str) -> str:
    """Each line of a multi-line text (one paragraph or list item per line) capitalised."""
    return "\n".join(capitalise_first(line) for line in (text or "").split("\n"))
