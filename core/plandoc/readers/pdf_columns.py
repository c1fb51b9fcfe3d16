"""Tables printed without ruling lines: rebuild columns from the header row's x-ranges."""

from __future__ import annotations


def rebuild_positional_tables(items: list) -> list:
    return items
