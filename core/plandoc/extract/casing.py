"""Restore the case of text that a document prints in capitals (titles, letterheads).

Administrative documents print their title and the issuing body in capitals ("KẾ HOẠCH CHUYỂN ĐỔI
SỐ … TỈNH ĐỒNG THÁP"); an official types them in sentence case with proper names kept ("Kế hoạch
chuyển đổi số … tỉnh Đồng Tháp"). Proper names are recognised by their grammar, not a gazetteer:
the words after a unit type (tỉnh, thành phố, xã …) up to a function word, the first word after
"Luật"/"Bộ"/"Sở", and a few names of state bodies that are always capitalised.
"""

from __future__ import annotations

from core.plandoc.extract.textutil import fold

# Compared with accents kept: "quận" is a unit, "quản" is not; "bộ" heads a name, "bổ" does not.
_UNIT_TYPES = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu")
# Words that end a name ("tỉnh Đồng Tháp giai đoạn 2026 - 2030") or show the word is common ("xã hội").
_NAME_STOP = {
    "giai",
    "đoạn",
    "năm",
    "trên",
    "và",
    "của",
    "về",
    "theo",
    "đến",
    "từ",
    "trong",
    "thực",
    "hiện",
    "nhiệm",
    "kế",
    "hoạch",
    "phát",
    "triển",
    "nâng",
    "cao",
    "các",
    "những",
    "địa",
    "bàn",
    "cho",
    "hội",
    "số",
    "với",
    "tại",
    "đối",
    "thuộc",
    "nhằm",
    "để",
    "là",
    "có",
    "được",
}
# Heads whose next word starts a proper name ("Bộ Công an", "Sở Nội vụ", "Luật Việc làm").
_NAME_AFTER = ("luật", "bộ", "sở")
# Names of state bodies always capitalised, with the positions of their capitalised words.
_ALWAYS: dict[str, tuple[int, ...]] = {
    "chính phủ": (0,),
    "quốc hội": (0,),
    "việt nam": (0, 1),
    "thường vụ": (0,),
    "thủ tướng": (0,),
    "mặt trận tổ quốc": (0, 2),
    "ủy ban": (0,),
    "uỷ ban": (0,),
    "hội đồng nhân dân": (0,),
}


def mostly_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.7 * len(letters)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def sentence_case(text: str) -> str:
    """ "KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH" →
    "Kế hoạch triển khai thi hành Luật Việc làm trên địa bàn thành phố Hồ Chí Minh"."""
    if not mostly_upper(text):
        return text[:1].upper() + text[1:]
    words = text.lower().split()
    bare = [w.strip(',.;:()"“”') for w in words]
    out = list(words)
    i = 0
    while i < len(words):
        for phrase, capitals in _ALWAYS.items():
            if " ".join(bare[i : i + len(phrase.split())]) == phrase:
                for k in capitals:
                    out[i + k] = _cap(words[i + k])
                break
        two = " ".join(bare[i : i + 2])
        unit = 2 if two in _UNIT_TYPES else (1 if bare[i] in _UNIT_TYPES else 0)
        if unit and _name_follows(bare, i + unit):
            i = _capitalise_name(words, bare, out, i + unit)
            continue
        plural = i > 0 and bare[i - 1] in ("các", "những")
        if (
            bare[i] in _NAME_AFTER
            and _name_follows(bare, i + 1)
            and not words[i].endswith(",")
            and not plural
        ):
            out[i] = _cap(words[i])
            out[i + 1] = _cap(words[i + 1])
        i += 1
    result = " ".join(out)
    return result[:1].upper() + result[1:]


def _name_follows(bare: list[str], j: int) -> bool:
    return j < len(bare) and bool(bare[j]) and bare[j] not in _NAME_STOP and not bare[j][0].isdigit()


def _capitalise_name(words: list[str], bare: list[str], out: list[str], j: int) -> int:
    """Capitalise the name that starts at ``j`` (at most four words); return the index after it."""
    start = j
    while j < len(words) and j - start < 4 and _name_follows(bare, j):
        out[j] = _cap(words[j])
        if words[j].endswith((",", ";", ".")):
            return j + 1
        j += 1
    return j


def body_case(text: str) -> str:
    """ "THỦ TƯỚNG CHÍNH PHỦ" → "Thủ tướng Chính phủ"; "ỦY BAN THƯỜNG VỤ QUỐC HỘI" → "Ủy ban Thường vụ
    Quốc hội"; "BỘ CÔNG AN" → "Bộ Công an"."""
    cased = sentence_case(text.strip(" -"))
    words = cased.split()
    heads = ("bo", "so", "ban", "cuc", "tong cuc", "van phong", "uy ban", "hoi dong")
    for head in heads:
        n = len(head.split())
        if fold(" ".join(words[:n])) == head and len(words) > n and words[n][:1].islower():
            words[n] = _cap(words[n])
            break
    return " ".join(words)
