"""Charts as inline SVG, drawn in Python: no script library, nothing fetched, and every
label passes through the same escaping as the page text.

Colours are SVG presentation attributes, not `style` attributes, so the report's
Content-Security-Policy can forbid inline styles other than its one hashed stylesheet.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

PALETTE = ("#1b6ca8", "#d1495b", "#2e8b57", "#edae49", "#6a4c93", "#00798c", "#8d6a9f", "#c05805",
           "#4d908e", "#9e2a2b", "#577590", "#90be6d")
INK, GRID, MUTED = "#1f2933", "#d9dee3", "#52606d"
Format = Callable[[float | None], str]


def e(s: object) -> str:
    return escape(str(s), quote=True)


def color(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def _open(width: int, height: int, label: str, cls: str = "chart") -> str:
    return (f'<svg class="{cls}" viewBox="0 0 {width} {height}" role="img" aria-label="{e(label)}" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{e(label)}</title>')


def _short(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def bars(items: Sequence[tuple[str, float | None, str | None]], scale: float, label: str,
         fmt: Format = str) -> str:
    """Horizontal bars, one per organisation: (name, value on the scale, link or None)."""
    left, width, row = 190, 640, 22
    plot = width - left - 50
    height = 28 + row * len(items)
    out = [_open(width, height, label)]
    for tick in range(int(scale) + 1):
        x = left + plot * tick / scale
        out.append(f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{height - 20}" stroke="{GRID}"/>'
                   f'<text x="{x:.1f}" y="{height - 6}" font-size="11" text-anchor="middle" fill="{MUTED}">{tick}</text>')
    for i, (name, value, href) in enumerate(items):
        y = 6 + i * row
        text = f'<text x="{left - 6}" y="{y + 14}" font-size="12" text-anchor="end" fill="{INK}">{e(_short(name, 28))}</text>'
        if href:
            text = f'<a href="{e(href)}">{text}</a>'
        out.append(text)
        if value is None:
            out.append(f'<text x="{left + 4}" y="{y + 14}" font-size="11" fill="{MUTED}">–</text>')
            continue
        w = max(0.0, min(1.0, value / scale)) * plot
        out.append(f'<rect class="bar" x="{left}" y="{y + 2}" width="{w:.1f}" height="{row - 6}" fill="{color(0)}">'
                   f'<title>{e(name)}: {e(fmt(value))}</title></rect>'
                   f'<text x="{left + w + 4:.1f}" y="{y + 14}" font-size="11" fill="{INK}">{e(fmt(value))}</text>')
    out.append("</svg>")
    return "".join(out)


def histogram(values: Sequence[float | None], scale: float, label: str, bins: int = 10) -> str:
    """How many organisations fall in each band of the scale (for long lists)."""
    counts = [0] * bins
    for v in values:
        if v is not None:
            counts[min(bins - 1, int(max(0.0, v) / scale * bins))] += 1
    width, height, left, bottom = 640, 220, 40, 30
    plot_w, plot_h = width - left - 10, height - bottom - 10
    top = max(counts) or 1
    out = [_open(width, height, label)]
    bw = plot_w / bins
    for i, n in enumerate(counts):
        h = plot_h * n / top
        x = left + i * bw
        out.append(f'<rect class="bar" x="{x + 2:.1f}" y="{10 + plot_h - h:.1f}" width="{bw - 4:.1f}" height="{h:.1f}" '
                   f'fill="{color(0)}"><title>{i * scale / bins:.1f}–{(i + 1) * scale / bins:.1f}: {n}</title></rect>')
        if n:
            out.append(f'<text x="{x + bw / 2:.1f}" y="{10 + plot_h - h - 3:.1f}" font-size="11" text-anchor="middle" '
                       f'fill="{INK}">{n}</text>')
    for tick in range(int(scale) + 1):
        x = left + plot_w * tick / scale
        out.append(f'<text x="{x:.1f}" y="{height - 10}" font-size="11" text-anchor="middle" fill="{MUTED}">{tick}</text>')
    out.append("</svg>")
    return "".join(out)


def radar(values: Sequence[tuple[str, float | None]], scale: float, label: str, size: int = 300,
          fmt: Format = str) -> str:
    """A profile over the dimensions; an unmeasured dimension sits at the centre, marked "–"."""
    pad = 150
    cx = cy = size / 2 + pad
    r = size / 2 - 10
    n = len(values)
    full_w, full_h = size + 2 * pad, size + 90
    cy = size / 2 + 40
    out = [_open(int(full_w), int(full_h), label, "chart radar")]

    def point(i: int, v: float) -> tuple[float, float]:
        a = -math.pi / 2 + 2 * math.pi * i / n
        return cx + r * v * math.cos(a), cy + r * v * math.sin(a)

    for ring in range(1, int(scale) + 1):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, ring / scale) for i in range(n)))
        out.append(f'<polygon points="{pts}" fill="none" stroke="{GRID}"/>')
    for i, (name, v) in enumerate(values):
        x, y = point(i, 1.0)
        out.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        lx, ly = point(i, 1.08)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        dy = -8 if ly < cy - 5 else (18 if ly > cy + 5 else 4)
        out.append(f'<text x="{lx:.1f}" y="{ly + dy:.1f}" font-size="14" text-anchor="{anchor}" fill="{INK}">'
                   f'<tspan x="{lx:.1f}">{e(_short(name, 20))}</tspan>'
                   f'<tspan x="{lx:.1f}" dy="17" font-weight="700">{e(fmt(v))}</tspan></text>')
    pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in
                   (point(i, max(0.0, min(1.0, (v or 0.0) / scale))) for i, (_, v) in enumerate(values)))
    out.append(f'<polygon class="profile" points="{pts}" fill="{color(0)}" fill-opacity="0.25" '
               f'stroke="{color(0)}" stroke-width="2"/>')
    out.append("</svg>")
    return "".join(out)


def lines(series: Sequence[tuple[str, Sequence[float | None]]], x_labels: Sequence[str], scale: float,
          label: str) -> str:
    """One line per series over the crawls; a gap where a crawl has no score."""
    width, height, left, bottom, right = 640, 260, 34, 40, 14
    plot_w, plot_h = width - left - right, height - bottom - 12
    n = max(1, len(x_labels) - 1)
    out = [_open(width, height, label)]
    for tick in range(int(scale) + 1):
        y = 12 + plot_h * (1 - tick / scale)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID}"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="{MUTED}">{tick}</text>')
    step = max(1, len(x_labels) // 6)
    for i, xl in enumerate(x_labels):
        if i % step == 0 or i == len(x_labels) - 1:
            x = left + plot_w * (i / n if len(x_labels) > 1 else 0.5)
            out.append(f'<text x="{x:.1f}" y="{height - 18}" font-size="11" text-anchor="middle" fill="{MUTED}">'
                       f'{e(xl)}</text>')
    for si, (name, values) in enumerate(series):
        pts = [(left + plot_w * (i / n if len(x_labels) > 1 else 0.5), 12 + plot_h * (1 - max(0.0, min(scale, v)) / scale))
               if v is not None else None for i, v in enumerate(values)]
        runs: list[list[tuple[float, float]]] = [[]]
        for p in pts:
            if p is None:
                runs.append([])
            else:
                runs[-1].append(p)
        c = color(si)
        for run in runs:
            if len(run) > 1:
                out.append(f'<polyline class="series" points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in run)}" '
                           f'fill="none" stroke="{c}" stroke-width="2"><title>{e(name)}</title></polyline>')
            for x, y in run:
                out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{c}"><title>{e(name)}</title></circle>')
    out.append("</svg>")
    return "".join(out)


def swatch(i: int) -> str:
    """A legend colour key (an SVG square: no inline style needed)."""
    return (f'<svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">'
            f'<rect width="12" height="12" fill="{color(i)}"/></svg>')
