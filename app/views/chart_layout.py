"""Placing a chart's plot to fit its labels, measured once with the renderer's own fonts.

matplotlib's constrained layout computes every tick of every axis twice per draw (once to
measure, once to draw): on the 工作台 that was a third of the drawing time. The charts drawn
here have one shape — a plot, perhaps a twin sharing its place (a Pareto's cumulative line)
and a colour bar on its right (a heat map) — so the margins can be worked out from the tick
texts the locators and formatters will give, the axis labels and the titles. `place_plot`
does that and returns False for any other shape, which the caller lays out the usual way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import matplotlib
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure

PAD_PX = 4.0  # around the figure's edge
COLORBAR_WIDTH = 0.025  # of the figure's width
COLORBAR_GAP_PX = 6.0
COLORBAR_SHRINK = 0.8  # of the plot's height, centred


@dataclass
class _Label:
    text: str
    width: float  # pixels, unrotated
    height: float
    rotation: float  # degrees
    ha: str
    loc: float  # data position along the axis


def _points(value: float, figure: Figure) -> float:
    return value * figure.dpi / 72.0


def _measure(renderer, text: str, fontproperties) -> tuple[float, float]:
    width, height, _descent = renderer.get_text_width_height_descent(
        text, fontproperties, ismath=False)
    return width, height


def _tick_labels(axis: Axis, renderer, second: bool = False) -> list[_Label]:
    """The tick labels the axis will draw inside its view: their texts, sizes and places."""
    low, high = sorted(axis.get_view_interval())
    locs = list(axis.get_major_locator()())
    texts = axis.get_major_formatter().format_ticks(locs)
    ticks = axis.get_major_ticks(len(locs)) if locs else []
    slack = (high - low) * 1e-9
    found = []
    for i, (loc, text) in enumerate(zip(locs, texts, strict=True)):
        label = (ticks[i].label2 if second else ticks[i].label1) if i < len(ticks) else None
        if not text or not low - slack <= loc <= high + slack:
            continue
        if label is not None and not label.get_visible():
            continue
        props = label.get_fontproperties() if label is not None else None
        width, height = _measure(renderer, text, props or matplotlib.font_manager.FontProperties())
        rotation = label.get_rotation() if label is not None else 0.0
        ha = label.get_horizontalalignment() if label is not None else "center"
        found.append(_Label(text, width, height, rotation, ha, loc))
    return found


def _tick_space(axis: Axis, figure: Figure) -> float:
    """The tick line and the gap before its label, in pixels."""
    name = "xtick" if axis.axis_name == "x" else "ytick"
    rc = matplotlib.rcParams
    return _points(rc[f"{name}.major.size"] + rc[f"{name}.major.pad"], figure)


def _axis_label(axis: Axis, renderer, figure: Figure) -> float:
    """The room an axis label takes across its axis (text height plus its pad), or 0."""
    label = axis.label
    if not label.get_text() or not label.get_visible():
        return 0.0
    _width, height = _measure(renderer, label.get_text(), label.get_fontproperties())
    return height + _points(axis.labelpad, figure)


def _title_room(ax: Axes, renderer, figure: Figure) -> float:
    heights = [
        _measure(renderer, title.get_text(), title.get_fontproperties())[1]
        for title in (ax.title, ax._left_title, ax._right_title)  # noqa: SLF001
        if title.get_text() and title.get_visible()
    ]
    if not heights:
        return 0.0
    return max(heights) + _points(matplotlib.rcParams["axes.titlepad"], figure)


def _across(label: _Label) -> float:
    """How far a label reaches away from its axis (rotated labels reach further)."""
    angle = math.radians(label.rotation % 180)
    return abs(label.width * math.sin(angle)) + abs(label.height * math.cos(angle))


def _along(label: _Label) -> tuple[float, float]:
    """How far a label reaches before and after its tick along the axis, in pixels."""
    angle = math.radians(label.rotation % 180)
    extent = abs(label.width * math.cos(angle)) + abs(label.height * math.sin(angle))
    if label.ha == "right":
        return extent, 0.0
    if label.ha == "left":
        return 0.0, extent
    return extent / 2, extent / 2


def place_plot(figure: Figure, renderer, top_extra: float = 0.0) -> bool:
    """Position the figure's plot, its twin and its colour bar so every label fits.

    `top_extra` leaves that many pixels above (a title drawn into exported files). Returns
    False, touching nothing, when the figure holds any other arrangement of axes.
    """
    axes = [a for a in figure.axes if a.get_visible()]
    colorbars = [a for a in axes if hasattr(a, "_colorbar")]
    plots = [a for a in axes if a not in colorbars]
    if not plots or len(colorbars) > 1:
        return False
    main = plots[0]
    twins = [a for a in plots[1:] if a in main._twinned_axes.get_siblings(main)]  # noqa: SLF001
    if len(twins) != len(plots) - 1 or len(twins) > 1:
        return False
    width, height = figure.bbox.width, figure.bbox.height
    if not main.axison:
        main.set_position([0, 0, 1, 1])
        return True

    left = right = bottom = PAD_PX
    top = PAD_PX + top_extra + _title_room(main, renderer, figure)
    y_labels = _tick_labels(main.yaxis, renderer)
    if y_labels:
        left += max(label.width for label in y_labels) + _tick_space(main.yaxis, figure)
        top = max(top, PAD_PX + top_extra + max(label.height for label in y_labels) / 2)
    left += _axis_label(main.yaxis, renderer, figure)
    x_labels = _tick_labels(main.xaxis, renderer)
    if x_labels:
        bottom += max(_across(label) for label in x_labels) + _tick_space(main.xaxis, figure)
    bottom += _axis_label(main.xaxis, renderer, figure)
    for twin in twins:
        twin_labels = _tick_labels(twin.yaxis, renderer, second=True)
        if twin_labels:
            right += max(label.width for label in twin_labels) + _tick_space(twin.yaxis, figure)
        right += _axis_label(twin.yaxis, renderer, figure)
    bar = colorbars[0] if colorbars else None
    bar_width = 0.0
    if bar is not None:
        bar_width = COLORBAR_WIDTH * width
        bar_labels = _tick_labels(bar.yaxis, renderer, second=True)
        right += COLORBAR_GAP_PX + bar_width + _axis_label(bar.yaxis, renderer, figure)
        if bar_labels:
            right += max(label.width for label in bar_labels) + _tick_space(bar.yaxis, figure)

    # Tick labels at the ends may reach past the plot's sides (a rotated first category).
    low, high = sorted(main.xaxis.get_view_interval())
    for _pass in range(2):
        plot_width = max(width - left - right, 1.0)
        for label in x_labels:
            before, after = _along(label)
            at = (label.loc - low) / (high - low) * plot_width if high > low else 0.0
            left = max(left, PAD_PX + before - at)
            right = max(right, PAD_PX + after - (plot_width - at))

    plot_width, plot_height = max(width - left - right, 1.0), max(height - top - bottom, 1.0)
    box = [left / width, bottom / height, plot_width / width, plot_height / height]
    for ax in (main, *twins):
        ax.set_position(box)
    if bar is not None:
        bar_height = plot_height * COLORBAR_SHRINK
        bar.set_position([(left + plot_width + COLORBAR_GAP_PX) / width,
                          (bottom + (plot_height - bar_height) / 2) / height,
                          bar_width / width, bar_height / height])
    return True
