"""Which unit, procedure, sector and agency each distinct text of the file names.

A file names a few hundred units and procedures in a million rows: each distinct text is resolved
once in Python (accent-insensitive names, aliases), the answers go to small map tables, and SQL
joins them back to every row. Rows naming something unknown, or a unit the importer may not write
for, get a Vietnamese message in ``errs``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from apps.dossiers.models import Procedure, Sector
from apps.dossiers.pipeline.dialect import Dialect
from apps.dossiers.pipeline.tables import write_rows
from apps.orgs.models import Agency, Alias, OrgUnit
from core.text import fold


@dataclass
class Maps:
    units: dict[str, int]  # raw text -> unit id (resolved ones only)
    bad: dict[str, list[tuple[str, str]]]  # clean column -> [(raw text, message)]


def _unit_index() -> dict[str, list[OrgUnit]]:
    index: dict[str, list[OrgUnit]] = defaultdict(list)
    for unit in OrgUnit.objects.all():
        keys = {fold(unit.name), fold(unit.short_name)} | ({fold(unit.code)} if unit.code else set())
        for key in keys:
            index[key].append(unit)
    return index


def resolve_unit(raw: str, index, scope: set[int] | None) -> tuple[int | None, str]:
    name = " ".join((raw or "").split())
    if not name:
        return None, ""  # reported as a missing value by the row checks
    found = index.get(fold(name), [])
    if len(found) > 1:
        active = [u for u in found if u.valid_to is None] or found
        exact = [u for u in active if fold(u.name) == fold(name)] or active
        found = [u for u in exact if scope is None or u.pk in scope] or exact
    if not found:
        return (
            None,
            f"đơn vị “{name}” không có trong hệ thống (ghi đúng tên đơn vị hành chính, ví dụ “xã Ngọc Liên”).",
        )
    if len(found) > 1:
        return None, f"tên đơn vị “{name}” trùng {len(found)} đơn vị; ghi đầy đủ tên hoặc mã đơn vị."
    unit = found[0]
    if scope is not None and unit.pk not in scope:
        return None, f"bạn không có quyền nhập hồ sơ của {unit.name}."
    return unit.pk, ""


def build_maps(cursor, d: Dialect, distinct: dict[str, list], scope: set[int] | None) -> Maps:
    """Fill m_unit, m_proc, m_sector from the distinct texts (clean column -> values)."""
    bad: dict[str, list[tuple[str, str]]] = defaultdict(list)
    index = _unit_index()
    units: dict[str, int] = {}
    for raw in distinct.get("unit_name", []):
        raw = raw or ""
        pk, message = resolve_unit(raw, index, scope)
        if pk is not None:
            units[raw] = pk
        elif message:
            bad["unit_name"].append((raw, message))
    cursor.execute(f"CREATE {d.work_table} m_unit (raw text, id bigint)")
    write_rows(cursor, d, "m_unit", ["raw", "id"], list(units.items()))

    procedures = {p.code.strip().upper(): p for p in Procedure.objects.all()}
    proc_rows = []
    for raw in distinct.get("proc_code", []):
        raw = raw or ""
        p = procedures.get(raw.strip().upper())
        if p is not None:
            unit = float(p.processing_time) if p.processing_time is not None else None
            proc_rows.append((raw, p.pk, p.sector_id, unit, p.time_unit))
        elif raw.strip():
            bad["proc_code"].append(
                (raw, f"thủ tục mã “{raw.strip()}” chưa có trong danh mục TTHC (nhập danh mục trước).")
            )
    cursor.execute(
        f"CREATE {d.work_table} m_proc (raw text, id bigint, sector_id bigint, amount double precision, unit text)"
    )
    write_rows(cursor, d, "m_proc", ["raw", "id", "sector_id", "amount", "unit"], proc_rows)

    sectors = {s.code.strip().upper(): s.pk for s in Sector.objects.all()}
    sector_rows = []
    for raw in distinct.get("sector_code", []):
        raw = raw or ""
        pk = sectors.get(raw.strip().upper())
        if pk is not None:
            sector_rows.append((raw, pk))
        elif raw.strip():
            bad["sector_code"].append(
                (raw, f"lĩnh vực mã “{raw.strip()}” chưa có trong danh mục lĩnh vực TTHC.")
            )
    cursor.execute(f"CREATE {d.work_table} m_sector (raw text, id bigint)")
    write_rows(cursor, d, "m_sector", ["raw", "id"], sector_rows)
    return Maps(units, bad)


def build_agency_map(cursor, d: Dialect, maps: Maps, names: list[str | None]) -> None:
    """Agencies named by ``DonViXuLy`` in each unit of the file: by name, short name or alias.
    A name that matches no agency of its unit stays as printed text on the dossier."""
    cursor.execute(f"CREATE {d.work_table} m_agency (unit_id bigint, raw text, id bigint)")
    names = [n for n in names if n and n.strip()]
    unit_ids = set(maps.units.values())
    if not names or not unit_ids:
        return
    known: dict[tuple[int, str], int] = {}
    for a in Agency.objects.filter(org_unit_id__in=unit_ids):
        known[(a.org_unit_id, fold(a.name))] = a.pk
        if a.short_name:
            known.setdefault((a.org_unit_id, fold(a.short_name)), a.pk)
    for alias in Alias.objects.filter(org_unit_id__in=unit_ids, agency__isnull=False):
        known.setdefault((alias.org_unit_id, alias.key), alias.agency_id)
    rows = [(u, raw, known[(u, fold(raw))]) for u in unit_ids for raw in names if (u, fold(raw)) in known]
    write_rows(cursor, d, "m_agency", ["unit_id", "raw", "id"], rows)
