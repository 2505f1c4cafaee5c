"""The charts of the cooperation report (`reports.cooperation.Chart`): inline SVG for the HTML
report (no script; `role="img"`, a `<title>`, and a `<title>` on every mark) and PNG images drawn
by matplotlib for the DOCX (and the PDF made of it). Two kinds: a matrix (heat map with the count
in each cell) and grouped bars (one group per row, one bar per column)."""

from __future__ import annotations

import io
from html import escape
from typing import TYPE_CHECKING

from intersector.reports.cooperation import Chart

if TYPE_CHECKING:
    from matplotlib.axes import Axes

PALETTE = ("#0a5fb4", "#2e7d32", "#9a6700", "#6f42c1", "#c62828", "#57606a")
_CELL, _ROW_LABEL, _HEAD = 90, 230, 40


def _shade(value: int, top: int) -> str:
    """White to ITU blue by `value / top`."""
    if value <= 0 or top <= 0:
        return "#ffffff"
    share = 0.2 + 0.8 * value / top
    r, g, b = (int(255 - share * (255 - c)) for c in (0x0A, 0x5F, 0xB4))
    return f"#{r:02x}{g:02x}{b:02x}"


def matrix_svg(chart: Chart) -> str:
    """A heat map: rows × columns, each cell tinted by its count and showing it."""
    width = _ROW_LABEL + _CELL * len(chart.columns)
    height = _HEAD + 28 * len(chart.rows) + 4
    top = max((v for row in chart.values for v in row), default=0)
    out = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f"<title>{escape(chart.title)}</title>",
    ]
    for j, column in enumerate(chart.columns):
        x = _ROW_LABEL + _CELL * j + _CELL / 2
        out.append(
            f'<text x="{x:.0f}" y="{_HEAD - 12}" text-anchor="middle" font-weight="bold">'
            f"{escape(column)}</text>"
        )
    for i, (row, values) in enumerate(zip(chart.rows, chart.values, strict=True)):
        y = _HEAD + 28 * i
        out.append(f'<text x="4" y="{y + 18}">{escape(row[:34])}</text>')
        for j, value in enumerate(values):
            x = _ROW_LABEL + _CELL * j
            fill, ink = _shade(value, top), "#ffffff" if value * 2 > top else "#1f2328"
            out.append(
                f"<g><title>{escape(row)}, {escape(chart.columns[j])}: {value}</title>"
                f'<rect x="{x + 2}" y="{y + 2}" width="{_CELL - 4}" height="24" fill="{fill}" '
                f'stroke="#d0d7de"/><text x="{x + _CELL / 2:.0f}" y="{y + 19}" '
                f'text-anchor="middle" fill="{ink}">{value}</text></g>'
            )
    out.append("</svg>")
    return "\n".join(out)


def bars_svg(chart: Chart) -> str:
    """Grouped bars: a group per row, a bar per column (coloured, with a legend)."""
    top = max((v for row in chart.values for v in row), default=0) or 1
    bar, gap, plot = 18, 26, 160
    group_width = bar * len(chart.columns) + gap
    width = max(60 + group_width * len(chart.rows), 420)
    height = plot + 70 + 18 * ((len(chart.columns) + 2) // 3)
    out = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f"<title>{escape(chart.title)}</title>",
        f'<line x1="40" y1="{plot + 10}" x2="{width - 10}" y2="{plot + 10}" stroke="#57606a"/>',
    ]
    for i, (row, values) in enumerate(zip(chart.rows, chart.values, strict=True)):
        x0 = 50 + group_width * i
        for j, value in enumerate(values):
            h = plot * value / top
            x, y = x0 + bar * j, plot + 10 - h
            out.append(
                f"<g><title>{escape(row)}, {escape(chart.columns[j])}: {value}</title>"
                f'<rect x="{x}" y="{y:.1f}" width="{bar - 2}" height="{h:.1f}" '
                f'fill="{PALETTE[j % len(PALETTE)]}"/>'
                f'<text x="{x + bar / 2 - 1:.0f}" y="{y - 3:.1f}" text-anchor="middle" '
                f'font-size="11">{value}</text></g>'
            )
        out.append(
            f'<text x="{x0 + (group_width - gap) / 2:.0f}" y="{plot + 28}" text-anchor="middle" '
            f'font-size="12">{escape(row[:28])}</text>'
        )
    for j, column in enumerate(chart.columns):
        x, y = 40 + 150 * (j % 3), plot + 50 + 18 * (j // 3)
        out.append(
            f'<rect x="{x}" y="{y - 10}" width="12" height="10" '
            f'fill="{PALETTE[j % len(PALETTE)]}"/><text x="{x + 16}" y="{y}" font-size="12">'
            f"{escape(column)}</text>"
        )
    out.append("</svg>")
    return "\n".join(out)


def chart_svg(chart: Chart) -> str:
    return matrix_svg(chart) if chart.kind == "matrix" else bars_svg(chart)


def chart_png(chart: Chart) -> bytes:
    """The chart as a PNG image (matplotlib, Agg: no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    figure = plt.figure(figsize=(6.5, max(2.6, 0.42 * len(chart.rows) + 1.4)), dpi=150)
    try:
        axes = figure.add_subplot()
        if chart.kind == "matrix":
            _png_matrix(axes, chart)
        else:
            _png_bars(axes, chart)
        axes.set_title(chart.title, fontsize=10)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(figure)


def _png_matrix(axes: Axes, chart: Chart) -> None:
    values = [list(row) for row in chart.values] or [[0] * len(chart.columns)]
    top = max((v for row in values for v in row), default=0)
    axes.imshow(values, cmap="Blues", aspect="auto", vmin=0, vmax=max(top, 1))
    axes.set_xticks(range(len(chart.columns)), chart.columns, fontsize=8)
    axes.set_yticks(range(len(chart.rows)), [r[:34] for r in chart.rows], fontsize=8)
    for i, row in enumerate(chart.values):
        for j, value in enumerate(row):
            ink = "white" if value * 2 > top else "black"
            axes.text(j, i, str(value), ha="center", va="center", color=ink, fontsize=8)


def _png_bars(axes: Axes, chart: Chart) -> None:
    from matplotlib.ticker import MaxNLocator

    width = 0.8 / max(len(chart.columns), 1)
    for j, column in enumerate(chart.columns):
        xs = [i + j * width for i in range(len(chart.rows))]
        heights = [row[j] for row in chart.values]
        axes.bar(xs, heights, width, label=column, color=PALETTE[j % len(PALETTE)])
    middle = 0.4 - width / 2
    axes.set_xticks([i + middle for i in range(len(chart.rows))], chart.rows, fontsize=8)
    axes.legend(fontsize=7, ncols=3)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
