"""Collective names ("các cơ quan, đơn vị thuộc UBND xã") resolve to the group of offices of the level
they name, however they are worded — a rule, not an alias per wording."""

import pytest

from core.agencies import AgencyDirectory, AgencyEntry, collective_level, default_directory


@pytest.mark.parametrize(
    "printed, level",
    [
        ("Các cơ quan, đơn vị thuộc UBND xã", "xa"),
        ("Các cơ quan, đơn vị cấp xã", "xa"),
        ("Các phòng chuyên môn, đơn vị thuộc Ủy ban nhân dân phường", "xa"),
        ("Các phòng, ban, đơn vị trực thuộc HĐND và UBND xã", "xa"),
        ("các phòng, ban chuyên môn thuộc UBND huyện", "huyen"),
        ("Các cơ quan chuyên môn thuộc UBND cấp huyện", "huyen"),
        ("Các phòng, ban thuộc UBND thị xã", "huyen"),
        ("Các sở, ban, ngành", "tinh"),
        ("Các cơ quan, đơn vị trực thuộc UBND tỉnh", "tinh"),
        ("CÁC SỞ, BAN, NGÀNH CẤP TỈNH", "tinh"),
    ],
)
def test_collective_phrasings_name_their_level(printed, level):
    assert collective_level(printed) == level


@pytest.mark.parametrize(
    "printed",
    [
        "Phòng Kinh tế",
        "UBND các xã, phường",  # the communes themselves, not offices
        "Các cơ quan, đơn vị có liên quan",
        "Các đơn vị sự nghiệp công lập",
        "Các cơ quan, đơn vị thuộc diện sắp xếp",
        "Các trạm Y tế",
        "Các phòng, ban, đơn vị",  # no level: left to aliases and fuzzy matching
        "Văn phòng HĐND và UBND xã",
    ],
)
def test_not_collective_offices(printed):
    assert collective_level(printed) is None


@pytest.mark.parametrize(
    "printed",
    [
        "Các cơ quan, đơn vị thuộc UBND xã",
        "Các cơ quan, đơn vị trực thuộc Ủy ban nhân dân xã",
        "Các phòng chuyên môn, đơn vị cấp xã",
        "các bộ phận, đơn vị thuộc UBND xã",
    ],
)
def test_commune_collectives_resolve_to_the_commune_offices_group(printed):
    result = default_directory("commune").resolve(printed)
    assert result.entry is not None and result.entry.key == "phong_ban" and result.entry.kind == "group"


def test_level_picks_the_group_of_that_level_in_a_mixed_directory():
    """A commune's directory holds its own groups and its province's: each phrase finds its level."""
    directory = AgencyDirectory(
        [
            AgencyEntry("group:1", "Các phòng, ban, đơn vị cấp xã", [], "group"),
            AgencyEntry("agency:2", "Phòng Kinh tế", [], "agency"),
            AgencyEntry("group:3", "Các sở, ban, ngành cấp tỉnh", [], "group"),
        ]
    )
    assert directory.resolve("Các cơ quan, đơn vị thuộc UBND xã").entry.key == "group:1"
    assert directory.resolve("Các cơ quan, đơn vị trực thuộc UBND tỉnh").entry.key == "group:3"
    assert directory.resolve("Các sở, ngành").entry.key == "group:3"
    # no district group here: a district phrase stays unresolved rather than guessing another level
    assert directory.resolve("Các phòng, ban thuộc UBND huyện").entry is None


def test_exact_alias_still_wins_over_the_rule():
    directory = AgencyDirectory(
        [
            AgencyEntry("group:1", "Các phòng, ban, đơn vị cấp xã", [], "group"),
            AgencyEntry("group:9", "Khối cơ quan xã", ["Các cơ quan, đơn vị thuộc UBND xã"], "group"),
        ]
    )
    assert directory.resolve("Các cơ quan, đơn vị thuộc UBND xã").entry.key == "group:9"
