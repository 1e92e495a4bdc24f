"""Report charts as ReportLab vector drawings (bars, lines, pie) set in the bundled CJK font.

Every text of a drawing names the CJK font: ReportLab's default Helvetica is never embedded.
Axes have explicit, round scales; labels that could collide are shortened, rotated or placed
in a legend, never printed over each other.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.fonts import register_reportlab_font

BLUE = colors.HexColor("#2f6db5")
ORANGE = colors.HexColor("#e08a2c")
GREY = colors.HexColor("#8c8c8c")
GREEN = colors.HexColor("#3a9a5b")
RED = colors.HexColor("#c0392b")
LIGHT = colors.HexColor("#d9d9d9")
INK = colors.HexColor("#222222")
SCORE_COLOURS = (
    RED,
    colors.HexColor("#e67e22"),
    colors.HexColor("#f1c40f"),
    colors.HexColor("#7fb3d5"),
    BLUE,
)

LABEL_SIZE = 7.5
LEGEND_SIZE = 8


def _font() -> str:
    return register_reportlab_font()


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose texts start in the CJK font (ReportLab would start in Helvetica and
    reference it in the PDF, unembedded, even when no text uses it)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = _font()
    return drawing


def nice_scale(maximum: float, steps: int = 5) -> tuple[float, float]:
    """(top, step) of a value axis from 0: a round step (1, 2, 2.5, 5 × 10ⁿ) and its multiple."""
    if maximum <= 0:
        return 1.0, 1.0 if steps <= 1 else 0.2
    raw = maximum / steps
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if step < 1 and maximum >= 1:
        step = 1.0
    top = step * math.ceil(maximum / step)
    return top, step


def fit_text(text: str, width: float, size: float = LABEL_SIZE) -> str:
    """The text, shortened with … so that it fits `width` points."""
    font = _font()
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _legend(
    drawing: Drawing, items: Sequence[tuple[colors.Color, str, str]], y: float, x: float = 0
) -> None:
    """A one-line legend: (colour, text, "box"|"line") laid left to right, measured, no overlap."""
    font = _font()
    cursor = x
    for colour, text, shape in items:
        if shape == "line":
            drawing.add(
                Line(
                    cursor,
                    y + 3,
                    cursor + 14,
                    y + 3,
                    strokeColor=colour,
                    strokeWidth=1.5,
                    strokeDashArray=[3, 2],
                )
            )
            drawing.add(Circle(cursor + 7, y + 3, 1.8, fillColor=colour, strokeColor=colour))
            cursor += 18
        else:
            drawing.add(Rect(cursor, y, 9, 7, fillColor=colour, strokeColor=None))
            cursor += 12
        drawing.add(String(cursor, y, text, fontName=font, fontSize=LEGEND_SIZE, fillColor=INK))
        cursor += stringWidth(text, font, LEGEND_SIZE) + 14


def empty_chart(width: float, height: float, text: str = "本期无数据") -> Drawing:
    """A framed box saying there is nothing to draw."""
    height = min(height, 60)  # an empty frame need not take a chart's room
    drawing = _drawing(width, height)
    drawing.add(
        Rect(0, 0, width, height, fillColor=None, strokeColor=LIGHT, strokeDashArray=[3, 2])
    )
    drawing.add(
        String(
            width / 2,
            height / 2 - 4,
            text,
            fontName=_font(),
            fontSize=10,
            fillColor=GREY,
            textAnchor="middle",
        )
    )
    return drawing


def _style_axes(chart, value_format: str = "{:g}") -> None:
    font = _font()
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labelTextFormat = lambda v: value_format.format(v)
    chart.valueAxis.gridStrokeColor = LIGHT
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.strokeColor = INK
    chart.valueAxis.strokeColor = INK


def trend_chart(
    width: float,
    height: float,
    months: Sequence[str],
    received: Sequence[int],
    closed: Sequence[int],
    received_before: Sequence[int] | None,
    before_label: str = "上年同期收单",
) -> Drawing:
    """收单 and 结案 per month as bars, last year's 收单 as a dashed line over them."""
    if not any(received) and not any(closed) and not any(received_before or ()):
        return empty_chart(width, height)
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 26
    chart.width, chart.height = width - 44, height - 52
    chart.data = [list(received), list(closed)]
    chart.categoryAxis.categoryNames = list(months)
    top, step = nice_scale(max([*received, *closed, *(received_before or [0])]))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.bars[0].fillColor, chart.bars[1].fillColor = BLUE, ORANGE
    chart.bars.strokeColor = None
    chart.groupSpacing, chart.barSpacing = 4, 0.5
    _style_axes(chart, "{:,.0f}")
    slot = chart.width / max(1, len(months))
    if max(stringWidth(m, _font(), LABEL_SIZE) for m in months) > slot - 2:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    drawing.add(chart)
    legend = [(BLUE, "收单", "box"), (ORANGE, "结案", "box")]
    if received_before is not None:
        points = []
        for i, value in enumerate(received_before):
            points += [chart.x + (i + 0.5) * slot, chart.y + value / top * chart.height]
        drawing.add(PolyLine(points, strokeColor=GREY, strokeWidth=1.3, strokeDashArray=[3, 2]))
        for i in range(0, len(points), 2):
            drawing.add(Circle(points[i], points[i + 1], 1.8, fillColor=GREY, strokeColor=GREY))
        legend.append((GREY, before_label, "line"))
    _legend(drawing, legend, height - 12, x=chart.x)
    return drawing


def horizontal_bars(
    width: float,
    height: float | None,
    names: Sequence[str],
    values: Sequence[float],
    *,
    colour: colors.Color = BLUE,
    value_format: str = "{:,.0f}",
    label_width: float | None = None,
) -> Drawing:
    """Ranked horizontal bars, the first name on top, each value printed at its bar's end."""
    if not names or not any(values):
        return empty_chart(width, height or 60)
    font = _font()
    bar_pitch = 15
    height = height or bar_pitch * len(names) + 26
    longest = max(stringWidth(n, font, LABEL_SIZE) for n in names)
    label_width = label_width or min(longest + 8, width * 0.42)
    shown = [fit_text(n, label_width - 8) for n in names]
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 16
    # Room on the right for the largest value's label.
    value_room = stringWidth(value_format.format(max(values)), font, LABEL_SIZE) + 8
    chart.width, chart.height = width - label_width - value_room, height - 22
    # ReportLab draws the first category at the bottom: reverse so the largest is on top.
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(shown))
    top, step = nice_scale(max(values))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.bars[0].fillColor = colour
    chart.bars.strokeColor = None
    chart.barLabelFormat = lambda v: value_format.format(v)
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.groupSpacing = 3
    _style_axes(chart, "{:,.0f}" if step >= 1 else "{:g}")
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.tickLeft = 0
    drawing.add(chart)
    return drawing


def stacked_bars(
    width: float,
    height: float,
    buckets: Sequence[str],
    met: Sequence[int],
    late: Sequence[int],
    *,
    met_label: str = "达标",
    late_label: str = "超时",
) -> Drawing:
    """Buckets of a duration as stacked bars: within the limit below, late on top."""
    if not any(met) and not any(late):
        return empty_chart(width, height)
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 20
    chart.width, chart.height = width - 46, height - 44
    chart.data = [list(met), list(late)]
    chart.categoryAxis.categoryNames = list(buckets)
    chart.categoryAxis.style = "stacked"
    top, step = nice_scale(max(m + lt for m, lt in zip(met, late, strict=True)))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.bars[0].fillColor, chart.bars[1].fillColor = GREEN, RED
    chart.bars.strokeColor = None
    chart.groupSpacing = 8
    _style_axes(chart, "{:,.0f}")
    drawing.add(chart)
    _legend(drawing, [(GREEN, met_label, "box"), (RED, late_label, "box")], height - 12, x=chart.x)
    return drawing


def rate_lines(
    width: float,
    height: float,
    months: Sequence[str],
    series: Sequence[tuple[str, colors.Color, Sequence[float | None]]],
) -> Drawing:
    """Rates (0–1) per month as lines on a 0–100 % axis; months without a value leave a gap."""
    if not any(v is not None for _n, _c, values in series for v in values):
        return empty_chart(width, height)
    drawing = _drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 34, 24
    chart.width, chart.height = width - 44, height - 48
    chart.data = [[None if v is None else v * 100 for v in values] for _n, _c, values in series]
    chart.categoryAxis.categoryNames = list(months)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    for i, (_name, colour, _values) in enumerate(series):
        chart.lines[i].strokeColor = colour
        chart.lines[i].strokeWidth = 1.5
        chart.lines[i].symbol = None
    _style_axes(chart, "{:.0f}%")
    slot = chart.width / max(1, len(months))
    if max(stringWidth(m, _font(), LABEL_SIZE) for m in months) > slot - 2:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    drawing.add(chart)
    # Points as dots (a lone month between gaps would otherwise be invisible).
    for _name, colour, values in series:
        for j, value in enumerate(values):
            if value is not None:
                drawing.add(
                    Circle(
                        chart.x + (j + 0.5) * slot,
                        chart.y + value * chart.height,
                        1.8,
                        fillColor=colour,
                        strokeColor=colour,
                    )
                )
    _legend(
        drawing, [(colour, name, "line") for name, colour, _v in series], height - 12, x=chart.x
    )
    return drawing


def score_pie(
    width: float, height: float, counts: dict[int, int], names: dict[int, str]
) -> Drawing:
    """Satisfaction scores as a pie, the numbers in a legend beside it (no labels on slices)."""
    total = sum(counts.values())
    if not total:
        return empty_chart(width, height)
    font = _font()
    drawing = _drawing(width, height)
    size = min(height - 10, width * 0.4)
    pie = Pie()
    pie.x, pie.y = 6, (height - size) / 2
    pie.width = pie.height = size
    scores = [s for s in sorted(counts, reverse=True)]
    pie.data = [counts[s] or 0.0001 for s in scores]  # a zero slice would break the drawing
    pie.labels = None
    pie.startAngle, pie.direction = 90, "clockwise"
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.8
    for i, score in enumerate(scores):
        pie.slices[i].fillColor = SCORE_COLOURS[score - 1]
    drawing.add(pie)
    x = pie.x + size + 18
    line = 15
    y = height / 2 + line * (len(scores) / 2) - 10
    for score in scores:
        n = counts[score]
        drawing.add(Rect(x, y, 9, 7, fillColor=SCORE_COLOURS[score - 1], strokeColor=None))
        text = f"{names.get(score, f'{score}分')}　{n:,} 单　{n / total * 100:.1f}%"
        drawing.add(
            String(x + 13, y, text, fontName=font, fontSize=LEGEND_SIZE + 0.5, fillColor=INK)
        )
        y -= line
    return drawing


def divider(width: float) -> Drawing:
    drawing = _drawing(width, 4)
    drawing.add(Line(0, 2, width, 2, strokeColor=LIGHT, strokeWidth=0.5))
    return drawing
