"""Agency resolution: printed names, typos and collective names to directory entries."""

from __future__ import annotations

import pytest

from core.agencies import AgencyDirectory, AgencyEntry, default_directory, normalize


@pytest.fixture(scope="module")
def commune() -> AgencyDirectory:
    return default_directory("commune")


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("Phòng VHXH", "vhxh"),
        ("Phòng VH-XH", "vhxh"),
        ("Phòng Văn hoá - Xã hội", "vhxh"),
        ("VP HĐND & UBND xã", "vp"),
        ("Văn phòng HĐND-UBND xã", "vp"),
        ("Văn phòng HĐND &UBND", "vp"),
        ("Trung tâm phục vụ HCC", "ttpvhcc"),
        ("Trung tâm Phục vụ hành chính công.", "ttpvhcc"),
        ("Bộ phận Một cửa", "ttpvhcc"),
        ("Công chức Tư pháp - HT", "cc_tu_phap"),
    ],
)
def test_exact_after_normalization(commune, printed, key):
    resolution = commune.resolve(printed)
    assert resolution.entry is not None and resolution.entry.key == key and resolution.exact


@pytest.mark.parametrize("printed", ["Phòng VHXXH", "Phòng VHXX"])
def test_typos_resolve_fuzzily(commune, printed):
    resolution = commune.resolve(printed)
    assert resolution.entry is not None and resolution.entry.key == "vhxh" and not resolution.exact
    assert resolution.candidates[0][0].key == "vhxh"


@pytest.mark.parametrize(
    "printed",
    [
        "Các phòng, ban, đơn vị cấp xã",
        "Các phòng, Trung tâm, đơn vị",
        "Các phòng, ban, ngành, đơn vị cấp xã.",
    ],
)
def test_collective_names_are_groups(commune, printed):
    assert commune.resolve(printed).entry.kind == "group"


def test_province_groups():
    province = default_directory("province", "Thanh Hóa")
    assert province.resolve("UBND cấp xã").entry.key == "ubnd_xa"
    assert province.resolve("Các sở, ban, ngành cấp tỉnh").entry.kind == "group"
    assert province.resolve("Đài PT&TH tỉnh").entry.key == "dai_ptth"
    assert province.resolve("UBND cấp huyện").entry.key != province.resolve("UBND cấp xã").entry.key


def test_unknown_and_ambiguous_names_resolve_to_none(commune):
    assert commune.resolve("Sở Ngoại vụ").entry is None
    twins = AgencyDirectory([AgencyEntry("a", "Phòng Kinh tế A"), AgencyEntry("b", "Phòng Kinh tế B")])
    resolution = twins.resolve("Phòng Kinh tế C")
    assert resolution.entry is None and len(resolution.candidates) == 2


def test_level_suffix_is_dropped_except_after_cap():
    assert normalize("VP HĐND và UBND xã") == normalize("Văn phòng HĐND và UBND")
    assert normalize("UBND cấp xã") != normalize("UBND cấp tỉnh")
