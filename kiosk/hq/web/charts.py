"""Server-rendered SVG charts for the staff pages: line, bars, heat map, stacked bar.

Pure functions from numbers to SVG text; no scripts, nothing fetched. Every label goes
through :func:`kiosk.hq.web.render.e`. Each mark carries ``data-value`` (and a
``<title>`` tooltip) so a test in a browser can read back what was drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.hq.web.render import e

WIDTH, HEIGHT = 640, 200
_PAD_L, _PAD_R, _PAD_T, _PAD_B = 48, 12, 12, 36
_BLUE, _GREY = "#2b6cb0", "#999"


def _frame(css: str, title: str, body: str, width: int = WIDTH, height: int = HEIGHT) -> str:
    return (
        f'<svg class="chart {e(css)}" role="img" aria-label="{e(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><title>{e(title)}</title>{body}</svg>'
    )


def _number(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e6 else f"{value:.3g}"


def _axis(top: float, bottom: float = 0.0) -> str:
    """Y axis labels (``bottom`` and ``top``) and the base line."""
    y0, y1 = HEIGHT - _PAD_B, _PAD_T
    return (
        f'<line x1="{_PAD_L}" y1="{y0}" x2="{WIDTH - _PAD_R}" y2="{y0}" stroke="{_GREY}"/>'
        f'<text x="{_PAD_L - 4}" y="{y0}" font-size="10" text-anchor="end">'
        f"{e(_number(bottom))}</text>"
        f'<text x="{_PAD_L - 4}" y="{y1 + 8}" font-size="10" text-anchor="end">'
        f"{e(_number(top))}</text>"
    )


def _x_labels(labels: Sequence[str], xs: Sequence[float]) -> str:
    step = max(1, len(labels) // 8)  # at most ~8 labels
    return "".join(
        f'<text x="{x:.1f}" y="{HEIGHT - _PAD_B + 14}" font-size="10" text-anchor="middle">'
        f"{e(label)}</text>"
        for n, (label, x) in enumerate(zip(labels, xs, strict=True))
        if n % step == 0
    )


def _scale(values: Sequence[float | None], floor: float | None) -> tuple[float, float]:
    known = [v for v in values if v is not None]
    low = min([*known, 0.0]) if floor is None else floor
    high = max([*known, low + 1e-9])
    return low, high if high > low else low + 1


def line_chart(css: str, title: str, labels: Sequence[str], values: Sequence[float | None]) -> str:
    """A trend line: one point (``<circle class="point">``) per label with a value."""
    low, high = _scale(values, None)
    inner_w = WIDTH - _PAD_L - _PAD_R
    inner_h = HEIGHT - _PAD_T - _PAD_B
    n = max(1, len(labels) - 1)
    xs = [_PAD_L + inner_w * (i / n if len(labels) > 1 else 0.5) for i in range(len(labels))]
    points = []
    marks = []
    for label, x, value in zip(labels, xs, values, strict=True):
        if value is None:
            continue
        y = _PAD_T + inner_h * (1 - (value - low) / (high - low))
        points.append(f"{x:.1f},{y:.1f}")
        marks.append(
            f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{_BLUE}" '
            f'data-label="{e(label)}" data-value="{e(value)}">'
            f"<title>{e(label)}: {e(_number(value))}</title></circle>"
        )
    line = (
        f'<polyline fill="none" stroke="{_BLUE}" stroke-width="2" points="{" ".join(points)}"/>'
        if len(points) > 1
        else ""
    )
    return _frame(css, title, _axis(high, low) + _x_labels(labels, xs) + line + "".join(marks))


def bar_chart(css: str, title: str, labels: Sequence[str], values: Sequence[float]) -> str:
    """Vertical bars (``<rect class="bar">``), one per label, from zero."""
    low, high = _scale(values, 0.0)
    inner_w = WIDTH - _PAD_L - _PAD_R
    inner_h = HEIGHT - _PAD_T - _PAD_B
    width = inner_w / max(1, len(labels))
    xs = [_PAD_L + width * (i + 0.5) for i in range(len(labels))]
    bars = []
    for label, x, value in zip(labels, xs, values, strict=True):
        h = inner_h * (value - low) / (high - low)
        bars.append(
            f'<rect class="bar" x="{x - width * 0.4:.1f}" y="{_PAD_T + inner_h - h:.1f}" '
            f'width="{width * 0.8:.1f}" height="{h:.1f}" fill="{_BLUE}" '
            f'data-label="{e(label)}" data-value="{e(value)}">'
            f"<title>{e(label)}: {e(_number(value))}</title></rect>"
        )
    return _frame(css, title, _axis(high) + _x_labels(labels, xs) + "".join(bars))


def heat_map(
    css: str,
    title: str,
    rows: Sequence[str],
    columns: Sequence[str],
    counts: dict[tuple[str, str], int],
) -> str:
    """A grid of ``<rect class="cell">`` (rows x columns), darker for larger counts."""
    cell, left, top = 22, 150, 16
    width = left + cell * len(columns) + 8
    height = top + cell * len(rows) + 8
    peak = max([*counts.values(), 1])
    parts = [
        f'<text x="{left + cell * i + cell / 2}" y="{top - 4}" font-size="9" '
        f'text-anchor="middle">{e(c)}</text>'
        for i, c in enumerate(columns)
    ]
    for j, row in enumerate(rows):
        y = top + cell * j
        parts.append(
            f'<text x="{left - 4}" y="{y + cell * 0.7}" font-size="10" text-anchor="end">'
            f"{e(row)}</text>"
        )
        for i, column in enumerate(columns):
            n = counts.get((row, column), 0)
            shade = 240 - round(200 * n / peak)  # an empty cell is pale, not white
            parts.append(
                f'<rect class="cell" x="{left + cell * i}" y="{y}" width="{cell - 1}" '
                f'height="{cell - 1}" fill="rgb({shade},{shade},255)" data-row="{e(row)}" '
                f'data-column="{e(column)}" data-value="{n}">'
                f"<title>{e(row)} {e(column)}:00 - {n}</title></rect>"
            )
    return _frame(css, title, "".join(parts), width, height)


def stacked_bar(css: str, title: str, parts: Sequence[tuple[str, int, str]]) -> str:
    """One horizontal bar split into ``(label, count, colour)`` parts (``rect.part``)."""
    total = sum(n for _, n, _ in parts) or 1
    x, out = 10.0, []
    inner = WIDTH - 20
    for label, n, colour in parts:
        w = inner * n / total
        out.append(
            f'<rect class="part" x="{x:.1f}" y="10" width="{w:.1f}" height="30" '
            f'fill="{e(colour)}" data-label="{e(label)}" data-value="{n}">'
            f"<title>{e(label)}: {n}</title></rect>"
        )
        if w > 60:
            out.append(f'<text x="{x + 4:.1f}" y="30" font-size="11">{e(label)} {n}</text>')
        x += w
    return _frame(css, title, "".join(out), WIDTH, 50)
