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


@dataclass(frozen=True)
class HomePanel:
    """A card on the home page: a template and a function giving its context (None hides it)."""

    template: str
    context: Callable  # (user) -> dict | None
    order: int = 100


_PANELS: list[HomePanel] = []


def register_home_panel(template: str, context: Callable, order: int = 100) -> None:
    if any(panel.template == template for panel in _PANELS):
        return
    _PANELS.append(HomePanel(template, context, order))
    _PANELS.sort(key=lambda panel: panel.order)


def home_panels_for(user) -> list[dict]:
    panels = []
    for panel in _PANELS:
        context = panel.context(user)
        if context is not None:
            panels.append({"template": panel.template, **context})
    return panels
