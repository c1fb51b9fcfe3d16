"""Agency resolution: from a name as printed in a plan to one agency or agency group of the unit.

Plans print the same body many ways ("Văn phòng HĐND và UBND xã", "VP HĐND & UBND xã",
"Văn phòng HĐND-UBND xã") and with typos ("Phòng VHXXH"). Tracking needs one key per body, so the
resolver normalizes both sides the same way (accents, "&"/"và", dashes, the usual abbreviations)
and tries an exact alias match first, then a fuzzy one above a threshold. Collective names ("Các
phòng, ban, đơn vị cấp xã", "UBND cấp xã") resolve to group entries, never to a single agency.

Resolution is called for every lead and coordinating agency of every task of every commune of a
province, so normalized keys are computed once per directory and results are cached per key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from core.text import fold

# Phrases rewritten to one short token, applied to folded text (longest first). Both the printed name
# and every alias go through the same rewriting, so "Văn hóa - Xã hội", "VH-XH" and "VHXH" meet.
_PHRASES: tuple[tuple[str, str], ...] = (
    (r"uy ban nhan dan", "ubnd"),
    (r"hoi dong nhan dan", "hdnd"),
    (r"van phong", "vp"),
    (r"van hoa xa hoi", "vhxh"),
    (r"vh xh", "vhxh"),
    (r"hanh chinh cong", "hcc"),
    (r"thong tin va truyen thong|thong tin truyen thong", "tttt"),
    (r"phat thanh va truyen hinh|phat thanh truyen hinh|pt ?th", "ptth"),
    (r"ke hoach va dau tu|ke hoach dau tu", "khdt"),
    (r"tai nguyen va moi truong|tai nguyen moi truong", "tnmt"),
    (r"nong nghiep va moi truong", "nnmt"),
    (r"khoa hoc va cong nghe|khoa hoc cong nghe", "khcn"),
    (r"giao duc va dao tao", "gddt"),
    (r"cong nghe thong tin", "cntt"),
    (r"trung tam phuc vu", "ttpv"),
    (r"tu phap ho tich|tu phap ht", "tpht"),
    (r"van phong thong ke|vp thong ke|vp tk", "vptk"),
    (r"tai chinh ke toan|tai chinh kt", "tckt"),
    (r"dia chinh xay dung|dia chinh xd", "dcxd"),
)
_PHRASE_RES = [(re.compile(rf"\b(?:{p})\b"), r) for p, r in _PHRASES]
_PUNCT = re.compile(r"[&,;:.()/\-–—_'\"“”]+")
_STOP = {"va", "cac"}  # not "co"/"cua": folding merges "cơ"/"có" and "cửa"/"của"
_LEVEL_SUFFIX = {"xa", "phuong", "tinh", "huyen"}

# Collective names: "Các cơ quan, đơn vị thuộc UBND xã", "Các phòng, ban chuyên môn cấp huyện", "Các
# sở, ban, ngành" — a plural ("các") of office words, with the level they belong to. Printed many
# ways, they mean one thing: the group of offices of that level, whatever the group is called in
# the directory ("Các phòng, ban, đơn vị cấp xã"). Matched as a rule, not as one alias per wording.
_OFFICE_WORDS = ("co quan", "don vi", "phong", "ban", "nganh", "so", "trung tam", "bo phan")
_LEVEL_WORDS = {
    "xa": "xa",
    "phuong": "xa",
    "dac khu": "xa",
    "huyen": "huyen",
    "quan": "huyen",
    "thi xa": "huyen",
    "thanh pho": "huyen",
    "tinh": "tinh",
}
_LEVEL_RE = re.compile(
    r"\b(?:cap|thuoc|truc thuoc|cua)\s+(?:ubnd\s+|hdnd\s+ubnd\s+)?(?:cac\s+)?"
    r"(dac khu|thi xa|thanh pho|xa|phuong|huyen|quan|tinh)\b"
)
_TRAILING_LEVEL_RE = re.compile(r"\b(xa|phuong|huyen|tinh)$")
# Collective phrases that name something else than "the offices of a level".
_NOT_OFFICES = ("lien quan", "su nghiep", "sap xep", "doanh nghiep", "truong", "tram", "hoi")

EXACT = 100.0
COLLECTIVE_SCORE = 95.0
FUZZY_THRESHOLD = 86.0
AMBIGUITY_MARGIN = 3.0


def normalize(printed: str) -> str:
    """Matching key of an agency name: folded, punctuation and "và" dropped, abbreviations unified.

    A trailing level word ("... xã", "... tỉnh") is dropped unless it follows "cấp", because "VP HĐND
    và UBND xã" and "Văn phòng HĐND và UBND" name the same body, while "UBND cấp xã" and "UBND cấp
    tỉnh" do not.
    """
    text = _PUNCT.sub(" ", fold(printed).replace("&", " "))
    text = " ".join(t for t in text.split() if t not in _STOP)
    for pattern, repl in _PHRASE_RES:
        text = pattern.sub(repl, text)
    tokens = text.split()
    if len(tokens) > 2 and tokens[-1] in _LEVEL_SUFFIX and tokens[-2] != "cap":
        tokens = tokens[:-1]
    return " ".join(tokens)


def _collective_text(printed: str) -> str:
    text = _PUNCT.sub(" ", fold(printed).replace("&", " "))
    text = " ".join(text.split())
    for pattern, repl in _PHRASE_RES[:2]:  # "ủy ban nhân dân" -> "ubnd", "hội đồng nhân dân" -> "hdnd"
        text = pattern.sub(repl, text)
    return text


def collective_level(printed: str) -> str | None:
    """The level ("xa", "huyen", "tinh") whose offices a collective name stands for, else None.

    "Các cơ quan, đơn vị thuộc UBND xã" -> "xa"; "Các phòng, ban chuyên môn cấp huyện" -> "huyen";
    "Các sở, ban, ngành" -> "tinh" (only a province has sở). Not collective: a single body ("Phòng
    Kinh tế"), "UBND các xã" (the communes themselves), or a plural of something else ("Các cơ quan,
    đơn vị có liên quan", "Các đơn vị sự nghiệp")."""
    text = _collective_text(printed)
    if not text.startswith("cac ") or any(word in text for word in _NOT_OFFICES):
        return None
    head = text.split(" thuoc ")[0].split(" cap ")[0]
    if not any(re.search(rf"\b{word}\b", head) for word in _OFFICE_WORDS):
        return None
    match = _LEVEL_RE.search(text) or _TRAILING_LEVEL_RE.search(text)
    if match:
        return _LEVEL_WORDS[match.group(1)]
    return "tinh" if re.search(r"\bso\b", head) else None


@dataclass(frozen=True)
class AgencyEntry:
    """One agency ("agency") or collective name ("group") of a unit, with the names it is printed as."""

    key: str
    name: str
    aliases: list[str] = field(default_factory=list, hash=False, compare=False)
    kind: str = "agency"  # "agency" or "group"


@dataclass
class Resolution:
    """The entry a printed name resolves to (None when unknown or ambiguous), with the runner-ups."""

    printed: str
    entry: AgencyEntry | None
    score: float
    candidates: list[tuple[AgencyEntry, float]] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        return self.entry is not None and self.score >= EXACT


class AgencyDirectory:
    """The agencies and groups of one unit; ``resolve`` maps printed names to them."""

    def __init__(self, entries: list[AgencyEntry], threshold: float = FUZZY_THRESHOLD) -> None:
        self.entries = list(entries)
        self.threshold = threshold
        self._by_key: dict[str, AgencyEntry] = {}
        self._alias_keys: list[tuple[str, AgencyEntry]] = []
        for entry in self.entries:
            for name in [entry.name, *entry.aliases]:
                key = normalize(name)
                if key and key not in self._by_key:
                    self._by_key[key] = entry
                    self._alias_keys.append((key, entry))
        self._cache: dict[str, Resolution] = {}
        # The group standing for "the offices of level X", the first (the unit's own) of each level.
        self._level_groups: dict[str, AgencyEntry] = {}
        for entry in self.entries:
            if entry.kind == "group" and (level := collective_level(entry.name)):
                self._level_groups.setdefault(level, entry)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: str) -> AgencyEntry | None:
        return next((e for e in self.entries if e.key == key), None)

    def resolve(self, printed: str) -> Resolution:
        """Exact alias match after normalization, else the best fuzzy match above the threshold."""
        key = normalize(printed)
        cached = self._cache.get(key)
        if cached is not None:
            return Resolution(printed, cached.entry, cached.score, cached.candidates)
        result = self._resolve_key(printed, key)
        self._cache[key] = result
        return result

    def _resolve_key(self, printed: str, key: str) -> Resolution:
        if not key:
            return Resolution(printed, None, 0.0, [])
        exact = self._by_key.get(key)
        if exact is not None:
            return Resolution(printed, exact, EXACT, [(exact, EXACT)])
        level = collective_level(printed)
        if level is not None and (group := self._level_groups.get(level)) is not None:
            return Resolution(printed, group, COLLECTIVE_SCORE, [(group, COLLECTIVE_SCORE)])
        best: dict[str, tuple[AgencyEntry, float]] = {}
        for alias_key, entry in self._alias_keys:
            score = _similarity(key, alias_key)
            if score > best.get(entry.key, (entry, -1.0))[1]:
                best[entry.key] = (entry, score)
        ranked = sorted(best.values(), key=lambda pair: -pair[1])[:5]
        if not ranked or ranked[0][1] < self.threshold:
            return Resolution(printed, None, ranked[0][1] if ranked else 0.0, ranked)
        top_entry, top_score = ranked[0]
        if len(ranked) > 1 and top_score - ranked[1][1] < AMBIGUITY_MARGIN:
            return Resolution(printed, None, top_score, ranked)
        return Resolution(printed, top_entry, min(top_score, EXACT - 1), ranked)


def _similarity(key: str, alias_key: str) -> float:
    """Edit-distance similarity, with credit for a printed name that shortens a longer alias.

    "Phòng văn hóa" is a shortening of "Phòng Văn hóa - Xã hội"; a shortening scores a little below
    a typo-level match so that a full alias always wins over a partial one.
    """
    score = fuzz.ratio(key, alias_key)
    tokens, alias_tokens = key.split(), alias_key.split()
    if len(tokens) >= 2 and set(tokens) < set(alias_tokens) and tokens[0] == alias_tokens[0]:
        score = max(score, 88.0 - 2 * (len(alias_tokens) - len(tokens)))
    return float(score)


def _entry(key: str, name: str, *aliases: str, kind: str = "agency") -> AgencyEntry:
    return AgencyEntry(key=key, name=name, aliases=list(aliases), kind=kind)


def commune_entries() -> list[AgencyEntry]:
    """Agencies of a commune under the two-level model (from 01/7/2025), plus the older posts."""
    return [
        _entry("vp", "Văn phòng HĐND và UBND xã", "VP HĐND-UBND xã", "Văn phòng UBND xã", "Văn phòng"),
        _entry("vhxh", "Phòng Văn hóa - Xã hội", "Phòng VHXH", "Phòng Văn hóa"),
        _entry("kinh_te", "Phòng Kinh tế", "Phòng Kinh tế, Hạ tầng và Đô thị"),
        _entry(
            "ttpvhcc",
            "Trung tâm Phục vụ hành chính công",
            "Trung tâm PVHCC",
            "Bộ phận Một cửa",
            "Bộ phận tiếp nhận và trả kết quả",
        ),
        _entry("cung_ung", "Trung tâm Cung ứng dịch vụ công", "Trung tâm dịch vụ công"),
        _entry("vhtt", "Trung tâm Văn hóa, Thể thao và Truyền thông", "Đài truyền thanh xã"),
        _entry("cong_an", "Công an xã", "Công an phường"),
        _entry("quan_su", "Ban Chỉ huy quân sự xã"),
        _entry("to_06", "Tổ công tác Đề án 06", "Tổ công tác Đề án 06 xã", "Tổ Đề án 06"),
        _entry("tram_y_te", "Trạm Y tế xã", "Các trạm Y tế", "Trạm Y tế"),
        _entry("cc_tu_phap", "Công chức Tư pháp - Hộ tịch", "Công chức Tư pháp - HT"),
        _entry("cc_van_phong", "Công chức Văn phòng - Thống kê", "Công chức Văn phòng - TK"),
        _entry("cc_tai_chinh", "Công chức Tài chính - Kế toán", "Công chức Tài chính - KT"),
        _entry("cc_vhxh", "Công chức Văn hóa - Xã hội", "Công chức Văn hóa - XH"),
        _entry("cc_dia_chinh", "Công chức Địa chính - Xây dựng", "Công chức Địa chính - XD"),
        _entry(
            "phong_ban",
            "Các phòng, ban, đơn vị cấp xã",
            "Các phòng, ban, ngành, đơn vị cấp xã",
            "Các phòng, Trung tâm, đơn vị",
            "Các phòng, đơn vị, trung tâm",
            "Các phòng chuyên môn",
            "Các phòng, ban, đơn vị thuộc UBND xã",
            "Các phòng, ban, đơn vị",
            kind="group",
        ),
        _entry(
            "lien_quan",
            "Các cơ quan, đơn vị có liên quan",
            "Các cơ quan liên quan",
            "Các cơ quan, đơn vị liên quan",
            "Cơ quan, đơn vị có liên quan",
            kind="group",
        ),
        _entry("su_nghiep_gd", "Các đơn vị sự nghiệp giáo dục", "Các trường học", kind="group"),
        _entry("ubnd_xa", "UBND xã", "Ủy ban nhân dân xã", kind="group"),
    ]


def province_entries(province: str | None = None) -> list[AgencyEntry]:
    """Agencies of a province (names before and after the 2025 mergers), plus the usual groups."""
    name = province or ""
    entries = [
        _entry("vp_ubnd", "Văn phòng UBND tỉnh", "VP UBND tỉnh"),
        _entry("so_noi_vu", "Sở Nội vụ"),
        _entry("so_tu_phap", "Sở Tư pháp"),
        _entry("so_tai_chinh", "Sở Tài chính"),
        _entry("so_khdt", "Sở Kế hoạch và Đầu tư"),
        _entry("so_tttt", "Sở Thông tin và Truyền thông"),
        _entry("so_khcn", "Sở Khoa học và Công nghệ"),
        _entry("so_tnmt", "Sở Tài nguyên và Môi trường"),
        _entry("so_nnmt", "Sở Nông nghiệp và Môi trường"),
        _entry("so_xd", "Sở Xây dựng"),
        _entry("so_yt", "Sở Y tế"),
        _entry("so_gddt", "Sở Giáo dục và Đào tạo"),
        _entry("ttpvhcc", "Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm PVHCC tỉnh"),
        _entry("vpdkdd", "Văn phòng Đăng ký đất đai"),
        _entry(
            "cn_vpdkdd",
            "Chi nhánh Văn phòng Đăng ký đất đai",
            "Chi nhánh Văn phòng Đăng ký đất đai các huyện, thị xã, thành phố",
        ),
        _entry("to_06", "Tổ công tác Đề án 06"),
        _entry("bao", f"Báo {name}".strip()),
        _entry("dai_ptth", f"Đài Phát thanh và Truyền hình {name}".strip(), "Đài PT&TH tỉnh"),
        _entry(
            "so_nganh",
            "Các sở, ban, ngành cấp tỉnh",
            "Các sở, ngành",
            "Các sở, ban, ngành",
            "Các sở, ban, ngành, đơn vị cấp tỉnh",
            kind="group",
        ),
        _entry("ubnd_huyen", "UBND cấp huyện", "UBND các huyện, thị xã, thành phố", kind="group"),
        _entry("ubnd_xa", "UBND cấp xã", "UBND các xã, phường", kind="group"),
        _entry("dvsn", "Các đơn vị sự nghiệp công lập", kind="group"),
        _entry("sap_xep", "Các cơ quan, đơn vị thuộc diện sắp xếp", kind="group"),
        _entry("dnnn", "Các doanh nghiệp nhà nước", kind="group"),
        _entry(
            "lien_quan",
            "Các cơ quan, đơn vị có liên quan",
            "Các cơ quan liên quan",
            "Các cơ quan, đơn vị liên quan",
            "Cơ quan, đơn vị có liên quan",
            kind="group",
        ),
    ]
    return entries


def default_directory(level: str | None, province: str | None = None) -> AgencyDirectory:
    """A directory for a unit of the given level when the unit's own directory is not configured."""
    if level == "province":
        return AgencyDirectory(province_entries(province))
    return AgencyDirectory(commune_entries())
