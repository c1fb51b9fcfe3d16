"""Legacy Vietnamese 8-bit encodings (TCVN3/ABC and VNI) to Unicode.

Older Word files and text dumps were typed with fonts such as ``.VnTime`` (TCVN3, TCVN 5712:1993
"VN3") or ``VNI-Times`` (VNI for Windows). The bytes are plain Latin-1 characters; only the
font drew them as Vietnamese, so the text read out of the file is gibberish ("Céng hoµ",
"Coäng hoøa"). We convert it so that spans, extraction and search see real Vietnamese.

- TCVN3 is one byte per letter: precomposed lower-case letters sit in 0xA1-0xFE. Upper-case
  accented letters are not in the set: the "H" fonts (``.VnTimeH``) draw every code as a capital.
- VNI is a base ASCII letter followed by one mark character (``"oä"`` = ộ); a few letters are a
  single character (``"ô"`` = ơ, ``"ö"`` = ư, ``"ñ"`` = đ, ``"ó"`` = ĩ).

The tables below are written from the two encodings' published code charts.
"""

from __future__ import annotations

import re
import unicodedata

# --- TCVN3 (ABC) ---------------------------------------------------------------------------
# Byte value -> Unicode letter, lower-case range plus the seven upper-case base letters.
_TCVN3_CHART = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip
TCVN3_DECODE: dict[str, str] = {chr(code): letter for code, letter in _TCVN3_CHART.items()}
TCVN3_ENCODE: dict[str, str] = {letter: code for code, letter in TCVN3_DECODE.items()}

# --- VNI for Windows ------------------------------------------------------------------------
# Marks typed after a base vowel: tone marks and the hat/breve marks, then their combinations.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT_TONES = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE_TONES = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
# Single characters that stand for a whole letter.
_VNI_SINGLES = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def _compose(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


def _build_vni() -> dict[str, str]:
    table: dict[str, str] = {}
    for upper in (False, True):

        def cased(s: str, up: bool = upper) -> str:
            return s.upper() if up else s

        for vowel in "aeiouy":
            for key, tone in _VNI_TONES.items():
                if vowel == "i":
                    continue  # i takes single characters instead
                if vowel == "y" and key == "ï":
                    continue  # ỵ is the single "î"
                table[cased(vowel) + cased(key)] = cased(_compose(vowel, tone))
        for vowel, hat in (("a", "\u0302"), ("e", "\u0302"), ("o", "\u0302")):
            for key, tone in _VNI_HAT_TONES.items():
                table[cased(vowel) + cased(key)] = cased(_compose(vowel, hat, tone))
        for key, tone in _VNI_BREVE_TONES.items():
            table[cased("a") + cased(key)] = cased(_compose("a", "\u0306", tone))
        for single, letter in _VNI_SINGLES.items():
            table[cased(single)] = cased(letter)
        for horn_key, horn_letter in (("ô", "ơ"), ("ö", "ư")):
            for key, tone in _VNI_TONES.items():
                table[cased(horn_key) + cased(key)] = cased(_compose(horn_letter, tone))
    return table


VNI_DECODE: dict[str, str] = _build_vni()
VNI_ENCODE: dict[str, str] = {}
for _key, _letter in sorted(VNI_DECODE.items(), key=lambda kv: len(kv[0])):
    VNI_ENCODE.setdefault(_letter, _key)
_VNI_RE = re.compile("|".join(sorted(map(re.escape, VNI_DECODE), key=len, reverse=True)))
_TCVN3_RE = re.compile("[" + "".join(map(re.escape, TCVN3_DECODE)) + "]")


def decode_tcvn3(text: str, *, capitals: bool = False) -> str:
    """Convert TCVN3 text (as read, in Latin-1 characters) to Unicode; ``capitals`` for "H" fonts."""
    out = _TCVN3_RE.sub(lambda m: TCVN3_DECODE[m.group(0)], text)
    return out.upper() if capitals else out


def encode_tcvn3(text: str) -> str:
    """Unicode to TCVN3 characters (for fixtures and round trips); upper-case accents are refused."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ch)
        elif ch in TCVN3_ENCODE:
            out.append(TCVN3_ENCODE[ch])
        else:
            raise ValueError(f"TCVN3 cannot encode {ch!r}")
    return "".join(out)


def decode_vni(text: str) -> str:
    """Convert VNI-Windows text (as read, in Latin-1 characters) to Unicode."""
    return _VNI_RE.sub(lambda m: VNI_DECODE[m.group(0)], text)


def encode_vni(text: str) -> str:
    """Unicode to VNI-Windows characters (for fixtures and round trips)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ch)
        elif ch in VNI_ENCODE:
            out.append(VNI_ENCODE[ch])
        else:
            raise ValueError(f"VNI cannot encode {ch!r}")
    return "".join(out)


# --- detection -------------------------------------------------------------------------------
_COMMON_WORDS = frozenset(
    "của và các được trong cho với người những một này theo hành chính thực hiện việc công "
    "năm đơn vị nhiệm vụ kế hoạch cải cách thủ tục văn bản quản lý nhà nước đến tại có là".split()
)
_WORD = re.compile(r"\w+")


def font_encoding(font_name: str | None) -> str | None:
    """ "tcvn3" for ``.VnTime``-style fonts, "vni" for ``VNI-Times``-style fonts, else None."""
    if not font_name:
        return None
    name = font_name.strip().lower()
    if name.startswith(".vn") or name.startswith("vn3") or name.startswith("abc"):
        return "tcvn3"
    if name.startswith("vni-") or name.startswith("vni "):
        return "vni"
    return None


def is_capital_font(font_name: str | None) -> bool:
    """TCVN3 "H" fonts (``.VnTimeH``, ``.VnArialH``) draw every letter as a capital."""
    return bool(font_name) and font_name.strip().startswith(".Vn") and font_name.strip().endswith("H")


def _vietnamese_score(text: str) -> float:
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    return sum(word in _COMMON_WORDS for word in words) / len(words)


def _has_unicode_vietnamese(text: str) -> bool:
    return any(0x1EA0 <= ord(ch) <= 0x1EF9 or ch in "ăĂơƠưƯđĐ" for ch in text)


def detect(text: str) -> str | None:
    """Guess whether ``text`` is TCVN3 or VNI gibberish by converting and scoring common words.

    Returns "tcvn3", "vni" or None. Real Unicode Vietnamese (which already has ơ, ư, đ, ạ...) and
    plain ASCII are left alone.
    """
    sample = text[:20_000]
    latin = sum(0xA0 <= ord(ch) <= 0xFF for ch in sample)
    if latin < 5 or _has_unicode_vietnamese(sample):
        return None
    base = _vietnamese_score(sample)
    scores = {"tcvn3": _vietnamese_score(decode_tcvn3(sample)), "vni": _vietnamese_score(decode_vni(sample))}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= max(0.05, base + 0.03) else None


_VIETNAMESE_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ°«»©§±·×½¼¾ºª\u00a0")


def unconverted_ratio(text: str) -> float:
    """Share of letters that are Latin-1 symbols no Vietnamese text uses (a sign of legacy bytes).

    After conversion this should be ~0; a high value means an encoding we do not know (VISCII,
    BK HCM, a font-specific one), which is refused rather than imported as gibberish.
    """
    sample = text[:50_000]
    odd = sum(0xA0 <= ord(ch) <= 0xFF and ch not in _VIETNAMESE_LATIN1 for ch in sample)
    letters = sum(ch.isalpha() for ch in sample)
    return odd / letters if letters and odd >= 20 else 0.0


def decode(text: str, encoding: str, *, capitals: bool = False) -> str:
    return decode_vni(text) if encoding == "vni" else decode_tcvn3(text, capitals=capitals)


def convert_legacy_bytes(data: bytes) -> bytes:
    """Return UTF-8 bytes for a legacy-encoded text file; other data is returned unchanged.

    UTF-8 files are left alone; only bytes that fail to decode as UTF-8 and read as TCVN3/VNI
    Vietnamese are converted.
    """
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    text = data.decode("latin-1")
    encoding = detect(text)
    if encoding is None:
        return data
    return decode(text, encoding).encode("utf-8")
