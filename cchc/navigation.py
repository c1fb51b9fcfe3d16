"""Navigation that later features plug into: each app registers its menu entries in ``ready()``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    allowed: Callable  # (user) -> bool
    order: int = 100


_ITEMS: list[MenuItem] = []


def register(label: str, url_name: str, allowed: Callable, order: int = 100) -> None:
    if any(item.url_name == url_name for item in _ITEMS):
        return
    _ITEMS.append(MenuItem(label, url_name, allowed, order))
    _ITEMS.sort(key=lambda item: item.order)


def menu_for(user) -> list[dict]:
    return [{"label": i.label, "url": reverse(i.url_name)} for i in _ITEMS if i.allowed(user)]
