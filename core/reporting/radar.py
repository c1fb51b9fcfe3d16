"""A radar (spider) chart as server-rendered SVG: one axis per lĩnh vực, 0-100% from the centre.

Like ``chart.trend_svg``: no script, no inline style (the CSP forbids both), readable without
colour (the second polygon is dashed, and the axes carry their numbers, explained in a legend
beside the chart). Values are percentages of each area's applicable maximum; None (an area that
does not apply) is drawn at the centre and labelled "—".
"""

from __future__ import annotations

import math
from html import escape

from core.reporting.targets import number

SIZE, RADIUS = 360, 125
STYLES = [
    {"stroke": "#0b4f8a", "fill": "#0b4f8a", "fill-opacity": "0.18", "stroke-width": "2"},
    {"stroke": "#9a6700", "fill": "none", "stroke-dasharray": "6 4", "stroke-width": "2"},
    {"stroke": "#1a7f37", "fill": "none", "stroke-dasharray": "2 3", "stroke-width": "2"},
]


def _point(i: int, n: int, share: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * i / n
    c = SIZE / 2
    return round(c + RADIUS * share * math.cos(angle), 1), round(c + RADIUS * share * math.sin(angle), 1)


def _attrs(style: dict) -> str:
    return " ".join(f'{k}="{v}"' for k, v in style.items())


def _bars(labels: list[str], polygons, label: str) -> str:
    """Fewer than three axes make no polygon: one horizontal bar per area and series instead."""
    row, height = 18, 18 * max(1, len(labels) * len(polygons)) + 8
    parts = [
        f'<svg class="radar bars" viewBox="0 0 {SIZE} {height}" role="img" aria-label="{label}"><title>{label}</title>'
    ]
    y = 4
    for i in range(len(labels)):
        for k, (name, values) in enumerate(polygons):
            v = values[i]
            width = round(2.4 * max(0.0, min(100.0, v or 0)), 1)
            style = STYLES[k % len(STYLES)]
            parts.append(f'<text x="0" y="{y + 12}" font-size="11">{i + 1}</text>')
            parts.append(
                f'<rect x="16" y="{y}" width="{width}" height="{row - 4}" fill="{style["stroke"]}" '
                f'fill-opacity="{0.8 if k == 0 else 0.4}"><title>{escape(name)}</title></rect>'
            )
            text = "—" if v is None else number(round(v, 1), "%")
            parts.append(f'<text x="{20 + width}" y="{y + 12}" font-size="11">{text}</text>')
            y += row
    parts.append("</svg>")
    return "".join(parts)


def radar_svg(labels: list[str], polygons: list[tuple[str, list[float | None]]], *, title: str = "") -> str:
    """``labels`` name the axes (shown as their numbers 1..n); each polygon is (name, values)."""
    n = len(labels)
    label = escape(title or "Chỉ số theo lĩnh vực")
    if n < 3:
        return _bars(labels, polygons, label)
    parts = [
        f'<svg class="radar" viewBox="0 0 {SIZE} {SIZE}" role="img" aria-label="{label}"><title>{label}</title>'
    ]
    for ring in (0.25, 0.5, 0.75, 1.0):
        ring_points = " ".join(f"{x},{y}" for x, y in (_point(i, n, ring) for i in range(n)))
        parts.append(f'<polygon points="{ring_points}" fill="none" stroke="#d8dee4"/>')
        x, y = _point(0, n, ring)
        parts.append(f'<text x="{x + 3}" y="{y + 4}" font-size="9" fill="#5f6b76">{int(ring * 100)}%</text>')
    for i in range(n):
        x, y = _point(i, n, 1.0)
        parts.append(f'<line x1="{SIZE / 2}" y1="{SIZE / 2}" x2="{x}" y2="{y}" stroke="#d8dee4"/>')
        lx, ly = _point(i, n, 1.13)
        anchor = "middle" if abs(lx - SIZE / 2) < 8 else ("start" if lx > SIZE / 2 else "end")
        parts.append(
            f'<text x="{lx}" y="{ly + 4}" text-anchor="{anchor}" font-size="12" font-weight="bold">'
            f"{i + 1}<title>{escape(labels[i])}</title></text>"
        )
    for k, (name, values) in enumerate(polygons):
        style = STYLES[k % len(STYLES)]
        pts = [_point(i, n, max(0.0, min(1.0, (v or 0) / 100))) for i, v in enumerate(values)]
        parts.append(
            f'<polygon points="{" ".join(f"{x},{y}" for x, y in pts)}" {_attrs(style)}><title>{escape(name)}</title></polygon>'
        )
        if k == 0:
            for (x, y), v in zip(pts, values, strict=True):
                text = "—" if v is None else number(round(v, 1), "%")
                parts.append(
                    f'<circle cx="{x}" cy="{y}" r="3" fill="{style["stroke"]}"><title>{text}</title></circle>'
                )
    parts.append("</svg>")
    return "".join(parts)
