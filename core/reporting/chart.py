"""A trend chart as server-rendered SVG: no JavaScript, no CDN (the CSP allows neither inline
scripts nor third-party code), readable without colour (points are labelled with their values).
"""

from __future__ import annotations

from html import escape

from core.reporting.targets import number

WIDTH, HEIGHT = 520, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40


def trend_svg(
    points: list[tuple[str, float]], *, target: float | None = None, unit: str = "%", title: str = ""
) -> str:
    """A line chart of ``points`` (label, value), oldest first, with the target as a dashed line."""
    label = escape(title or "Diễn biến chỉ số qua các kỳ")
    if not points:
        return (
            f'<svg class="trend" viewBox="0 0 {WIDTH} 60" role="img" aria-label="{label}">'
            f'<title>{label}</title><text x="8" y="34" class="trend-empty">Chưa có số liệu qua các kỳ.</text></svg>'
        )
    values = [v for _, v in points] + ([target] if target is not None else [])
    top = max(values)
    low = min(0.0, min(values))
    if unit == "%":
        top, low = max(top, 100.0), min(low, 0.0)
    span = (top - low) or 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(points) - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        x = LEFT + (i * step if len(points) > 1 else plot_w / 2)
        return round(x, 1), round(TOP + plot_h * (1 - (v - low) / span), 1)

    parts = [
        f'<svg class="trend" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}">',
        f"<title>{label}</title>",
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" stroke="#5f6b76"/>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#5f6b76"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end" font-size="11">{escape(number(top, unit))}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end" font-size="11">{escape(number(low, unit))}</text>',
    ]
    if target is not None:
        _, ty = xy(0, target)
        parts.append(
            f'<line class="target" x1="{LEFT}" y1="{ty}" x2="{WIDTH - RIGHT}" y2="{ty}" '
            f'stroke="#9a6700" stroke-dasharray="6 4"/>'
        )
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="{ty - 4}" text-anchor="end" font-size="11" fill="#9a6700">'
            f"Chỉ tiêu {escape(number(target, unit))}</text>"
        )
    coords = [xy(i, v) for i, (_, v) in enumerate(points)]
    if len(coords) > 1:
        path = " ".join(f"{x},{y}" for x, y in coords)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#0b4f8a" stroke-width="2"/>')
    for (name, value), (x, y) in zip(points, coords, strict=True):
        parts.append(f'<circle cx="{x}" cy="{y}" r="4" fill="#0b4f8a"/>')
        parts.append(
            f'<text x="{x}" y="{y - 8}" text-anchor="middle" font-size="11">{escape(number(value, unit))}</text>'
        )
        parts.append(
            f'<text x="{x}" y="{HEIGHT - 14}" text-anchor="middle" font-size="11">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
