"""QĐ 766/QĐ-TTg: the indicators of service to citizens and businesses, their points, as data.

Each indicator has a numerator and a denominator, a value (percent, two decimals) and points: full
points at its threshold and proportional below it (3.1 ≥ 80%, 3.3 ≥ 50%, 4.2 and 4.3 ≥ 80%,
5.4 ≥ 90%; without a threshold, rate × max). A commune gets full points for a criterion that does
not apply to communes. Weights, thresholds and groups are versioned by year (``SCHEMES``), with
both views of the groups: the decision's five and the national portal's six (it splits online
services from online payment). Sources: reference notes §2.2-2.4 and §9.

Not every indicator comes from dossiers: 1.x need the catalogue and the national counts, 4.4-4.6
the national data stores, 5.x petitions and ratings. Those are entered or imported, and each result
says where its numbers came from (``source``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

# Where an indicator's numbers come from.
DOSSIERS, CATALOGUE, NATIONAL, PETITIONS, RATINGS = (
    "dossiers",
    "catalogue",
    "national",
    "petitions",
    "ratings",
)
SOURCE_LABELS = {
    DOSSIERS: "Tính từ hồ sơ TTHC",
    CATALOGUE: "Tính từ danh mục TTHC và hồ sơ",
    NATIONAL: "Nhập tay hoặc nhập từ số liệu quốc gia (CSDL TTHC, Cổng DVCQG)",
    PETITIONS: "Nhập tay hoặc từ dữ liệu phản ánh, kiến nghị",
    RATINGS: "Nhập tay hoặc từ dữ liệu đánh giá",
}

# The portal's six groups (codes of its API) and the decision's five.
PORTAL_GROUPS: dict[str, tuple[str, int]] = {
    "CKMB": ("Công khai, minh bạch", 18),
    "TDGQ": ("Tiến độ, kết quả giải quyết", 20),
    "CLGQ": ("Cung cấp dịch vụ công trực tuyến", 12),
    "TTTT": ("Thanh toán trực tuyến", 10),
    "MDSH": ("Mức độ số hóa hồ sơ", 22),
    "MDHL": ("Mức độ hài lòng", 18),
}
DECISION_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "cong_khai": ("Công khai, minh bạch", ("CKMB",)),
    "tien_do": ("Tiến độ, kết quả giải quyết", ("TDGQ",)),
    "so_hoa": ("Số hóa hồ sơ", ("MDSH",)),
    "truc_tuyen": ("Cung cấp dịch vụ trực tuyến", ("CLGQ", "TTTT")),
    "hai_long": ("Mức độ hài lòng", ("MDHL",)),
}


@dataclass(frozen=True)
class Definition:
    key: str  # number in the 766 specification ("2.1")
    code: str  # CCHC's indicator code (the plan schema's where one exists)
    name: str
    group: str  # portal group code
    max_points: float
    threshold: float | None = None  # percent giving full points; None: proportional to 100%
    source: str = DOSSIERS
    commune_applies: bool = True
    unit: str = "%"


def _d(*args, **kwargs) -> Definition:
    return Definition(*args, **kwargs)


_BASE: tuple[Definition, ...] = (
    _d("1.1", "procedure_published_on_time_rate", "Tỷ lệ TTHC công bố đúng hạn", "CKMB", 6, source=NATIONAL),
    _d("1.2", "procedure_disclosed_on_time_rate", "Tỷ lệ TTHC được cập nhật, công khai đúng hạn", "CKMB", 4,
       source=NATIONAL),
    _d("1.3", "procedure_disclosed_fully_rate", "Tỷ lệ TTHC công khai đầy đủ các bộ phận", "CKMB", 2,
       source=NATIONAL),
    _d("1.4", "dossier_sync_rate", "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG", "CKMB", 6, source=NATIONAL),
    _d("2.1", "on_time_rate", "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", "TDGQ", 20),
    _d("2.2", "average_processing_time", "Thời gian giải quyết trung bình", "TDGQ", 0, unit="ngày làm việc"),
    _d("3.1", "online_service_rate", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến", "CLGQ", 4, 80,
       source=CATALOGUE, commune_applies=False),
    _d("3.2", "online_service_usage_rate", "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ", "CLGQ", 4,
       source=CATALOGUE, commune_applies=False),
    _d("3.3", "online_dossier_rate", "Tỷ lệ hồ sơ nộp trực tuyến", "CLGQ", 4, 50),
    _d("3.5", "online_payment_service_rate", "Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến",
       "TTTT", 0, 80, source=CATALOGUE),
    _d("3.6", "online_payment_rate", "Tỷ lệ hồ sơ thanh toán trực tuyến", "TTTT", 10),
    _d("4.1", "digitized_result_rate", "Tỷ lệ hồ sơ có kết quả giải quyết TTHC điện tử", "MDSH", 6),
    _d("4.2", "digitized_dossier_rate", "Tỷ lệ hồ sơ thực hiện số hóa", "MDSH", 4, 80),
    _d("4.3", "data_reuse_rate", "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa", "MDSH", 2, 80),
    _d("4.4", "shared_data_rate", "Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng", "MDSH", 2,
       source=NATIONAL),
    _d("4.5a", "population_data_procedure_rate", "Tỷ lệ TTHC kết nối, chia sẻ dữ liệu dân cư", "MDSH", 4,
       source=NATIONAL, commune_applies=False),
    _d("4.5b", "population_data_dossier_rate", "Tỷ lệ hồ sơ sử dụng dữ liệu dân cư", "MDSH", 2,
       source=NATIONAL, commune_applies=False),
    _d("4.6", "e_certified_copy_rate", "Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính", "MDSH", 2,
       source=NATIONAL),
    _d("5.2", "petition_on_time_rate", "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn", "MDHL", 6, source=PETITIONS),
    _d("5.3", "petition_satisfaction_rate", "Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị", "MDHL", 6,
       source=PETITIONS),
    _d("5.4", "satisfaction_rate", "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC", "MDHL", 6, 90, source=RATINGS),
)  # fmt: skip


@dataclass(frozen=True)
class Scheme:
    """The indicators, weights and thresholds in force from ``year_from`` on."""

    year_from: int
    label: str
    basis: str  # where the weights come from (Vietnamese, shown on the dashboard)
    definitions: tuple[Definition, ...]

    def by_code(self) -> dict[str, Definition]:
        return {d.code: d for d in self.definitions}

    @property
    def max_total(self) -> float:
        return sum(d.max_points for d in self.definitions)


def _key_order(key: str) -> tuple:
    group, _, rest = key.partition(".")
    number = "".join(ch for ch in rest if ch.isdigit())
    return int(group), int(number or 0), rest


def _with(defs: tuple[Definition, ...], changes: dict[str, dict], extra: tuple[Definition, ...] = ()):
    """A scheme's definitions: another's with some changed and some added, in the specification's order."""
    out = [replace(d, **changes[d.key]) if d.key in changes else d for d in defs] + list(extra)
    return tuple(sorted(out, key=lambda d: _key_order(d.key)))


SCHEMES: tuple[Scheme, ...] = (
    Scheme(
        2022,
        "QĐ 766/QĐ-TTg (điểm áp dụng từ 2022)",
        "Điểm tối đa theo bảng METRICS của “Công thức 766” (nhóm: Cổng DVCQG); 12 điểm nhóm dịch vụ công "
        "trực tuyến chia đều cho 3.1-3.3 (bảng gốc không chia).",
        _BASE,
    ),
    Scheme(
        2025,
        "QĐ 766/QĐ-TTg (Cổng DVCQG năm 2025)",
        "Như 2022, trừ nhóm thanh toán (3.5 2 điểm, TTHC có giao dịch thanh toán trực tuyến 2 điểm, 3.6 "
        "6 điểm) và số hóa (4.4 4 điểm, 4.5a, 4.5b mỗi chỉ tiêu 2 điểm) theo đối soát với Cổng DVCQG; cấp "
        "xã không áp dụng 3.1, 3.2, 4.5a, 4.5b.",
        _with(
            _BASE,
            {
                "3.5": {"max_points": 2},
                "3.6": {"max_points": 6},
                "4.4": {"max_points": 4},
                "4.5a": {"max_points": 2},
            },
            (
                _d(
                    "3.5b",
                    "online_payment_procedure_rate",
                    "Tỷ lệ TTHC có giao dịch thanh toán trực tuyến",
                    "TTTT",
                    2,
                    source=CATALOGUE,
                ),
            ),  # fmt: skip
        ),
    ),
)


def scheme_for(year: int) -> Scheme:
    """The scheme in force in ``year`` (the earliest one for years before it)."""
    chosen = SCHEMES[0]
    for scheme in SCHEMES:
        if scheme.year_from <= year:
            chosen = scheme
    return chosen


def rate(numerator: float | None, denominator: float | None) -> float | None:
    """A percentage with two decimals; None (no data, not 0%) when nothing was counted."""
    if numerator is None or not denominator:
        return None
    return round(100.0 * numerator / denominator, 2)


def points(value: float | None, definition: Definition, *, applies: bool = True) -> float | None:
    """Full points at the threshold, proportional below it; full points when the criterion does not
    apply to the unit; None when there is no value to score."""
    if not applies:
        return float(definition.max_points)
    if value is None:
        return None
    if definition.max_points == 0:
        return 0.0
    full_at = definition.threshold or 100.0
    return round(definition.max_points * min(1.0, max(0.0, value) / full_at), 2)


@dataclass
class Result:
    """One indicator of one unit over one period, with the numbers behind it."""

    definition: Definition
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None
    points: float | None = None
    applies: bool = True
    source: str = ""  # where the numbers came from, when not the dossiers (an entry, an import)
    note: str = ""

    @property
    def code(self) -> str:
        return self.definition.code

    @property
    def max_points(self) -> float:
        return float(self.definition.max_points)


@dataclass
class Counts:
    """Sums over the dossiers received in a period (from the roll-ups), and catalogue counts."""

    received: int = 0
    online: int = 0
    fee_due: int = 0
    paid_online: int = 0
    finished: int = 0
    on_time: int = 0  # finished on time + unfinished whose appointment is not before the period's end
    completed: int = 0
    completed_days: int = 0
    e_result: int = 0
    e_result_known: int = 0
    digitized: int = 0
    digitized_known: int = 0
    reused: int = 0
    reused_known: int = 0
    procedures: int = 0  # procedures of the unit's level in the catalogue
    procedures_online: int = 0  # ... with an online service (partial or full)
    procedures_online_used: int = 0  # ... of those, with at least one online dossier in the period
    fee_procedures: int = 0  # procedures with a fee
    fee_procedures_synced: int = 0  # ... with dossiers carrying fee data in the period
    fee_procedures_paid_online: int = 0  # ... with at least one dossier paid online


@dataclass(frozen=True)
class External:
    """A figure entered or imported for an indicator that dossiers cannot give."""

    numerator: float | None
    denominator: float | None
    value: float | None
    source: str


def _fractions(c: Counts) -> dict[str, tuple[float | None, float | None]]:
    return {
        "on_time_rate": (c.on_time, c.received),
        "average_processing_time": (c.completed_days, c.completed),
        "online_dossier_rate": (c.online, c.received),
        "online_payment_rate": (c.paid_online, c.fee_due),
        "digitized_result_rate": (c.e_result, c.e_result_known),
        "digitized_dossier_rate": (c.digitized, c.digitized_known),
        "data_reuse_rate": (c.reused, c.reused_known),
        "online_service_rate": (c.procedures_online, c.procedures),
        "online_service_usage_rate": (c.procedures_online_used, c.procedures_online),
        "online_payment_service_rate": (c.fee_procedures_synced, c.fee_procedures),
        "online_payment_procedure_rate": (c.fee_procedures_paid_online, c.fee_procedures),
    }


def evaluate(
    scheme: Scheme, counts: Counts, *, commune: bool, external: dict[str, External] | None = None
) -> list[Result]:
    """Every indicator of the scheme for one unit and period: from the counts where dossiers and the
    catalogue give it, else from an entered or imported figure, else without data."""
    external = external or {}
    fractions = _fractions(counts)
    sync = external.get("dossier_sync_rate")
    sync_rate = (
        None
        if sync is None
        else (sync.value if sync.value is not None else rate(sync.numerator, sync.denominator))
    )
    sync_factor = min(1.0, sync_rate / 100.0) if sync_rate is not None else 1.0
    out: list[Result] = []
    for d in scheme.definitions:
        applies = d.commune_applies or not commune
        r = Result(d, applies=applies)
        ext = external.get(d.code)
        if ext is not None:
            r.numerator, r.denominator, r.source = ext.numerator, ext.denominator, ext.source
            r.value = ext.value if ext.value is not None else rate(ext.numerator, ext.denominator)
        elif d.code in fractions:
            r.numerator, r.denominator = fractions[d.code]
            if d.unit == "%":
                r.value = rate(r.numerator, r.denominator)
            elif r.denominator:
                r.value = round(r.numerator / r.denominator, 2)
            if d.code == "online_dossier_rate" and r.value is not None and sync_factor < 1.0:
                r.value = round(r.value * sync_factor, 2)
                r.note = f"nhân tỷ lệ đồng bộ {sync_factor * 100:.2f}%"
        r.points = points(r.value, d, applies=applies)
        out.append(r)
    return out


@dataclass
class GroupTotal:
    code: str
    name: str
    points: float = 0.0
    max_points: float = 0.0
    missing: list[str] = field(default_factory=list)  # indicators without data


def group_totals(results: list[Result], *, view: str = "portal") -> list[GroupTotal]:
    """Points per group, in the portal's six groups or the decision's five."""
    portal: dict[str, GroupTotal] = {
        code: GroupTotal(code, name) for code, (name, _max) in PORTAL_GROUPS.items()
    }
    for r in results:
        g = portal[r.definition.group]
        g.max_points += r.max_points
        if r.points is None:
            if r.max_points:
                g.missing.append(r.definition.key)
        else:
            g.points = round(g.points + r.points, 2)
    if view == "portal":
        return list(portal.values())
    out = []
    for code, (name, members) in DECISION_GROUPS.items():
        total = GroupTotal(code, name)
        for m in members:
            total.points = round(total.points + portal[m].points, 2)
            total.max_points += portal[m].max_points
            total.missing += portal[m].missing
        out.append(total)
    return out


def total_points(results: list[Result]) -> float:
    """The sum of the points that could be scored (indicators without data add nothing)."""
    return round(sum(r.points for r in results if r.points is not None), 2)
