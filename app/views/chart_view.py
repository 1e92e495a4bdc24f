"""ChartView: one matplotlib figure in Qt, with PNG/SVG export, copy and clickable elements.

Usage (a view draws; the OO API only, never pyplot)::

    chart = ChartView(self.tr("Tickets per month"))
    figure = chart.clear()                  # an empty Figure; forgets the old keys
    ax = figure.add_subplot()
    for i, bar in enumerate(ax.bar(labels, values)):
        chart.set_key(bar, ("month", i), tip=f"{labels[i]}: {values[i]}")
    chart.redraw()
    chart.elementClicked.connect(lambda key: ...)   # ("month", 3) when that bar is clicked

`set_key` accepts any artist (bars, line markers, an image); for an image or a mesh the key
and tip may be callables of the pointer's data coordinates in the artist's axes, returning
the key of the cell under the pointer (or None). Clicks are hit-tested against the registered
artists themselves, so a twin axis drawn on top (a Pareto's cumulative line) never hides
the bars below it. `save_png`, `save_svg` and `copy_to_clipboard` do what the buttons and
the context menu do, without a dialog. Chinese text renders with the bundled font.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from matplotlib.artist import Artist
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.fonts import configure_matplotlib
from app.views.chart_layout import place_plot

# A key or tip, or a function of the pointer's data coordinates (x, y) giving one (cells).
KeySource = Any | Callable[[float, float], Any]
# (caption, file filter, suggested file name) -> the chosen path, "" when cancelled.
FileChooser = Callable[[str, str, str], str]
EXPORT_DPI = 150  # PNG files and the clipboard: sharp enough for a report or a slide


class ChartView(QWidget):
    """A titled chart: header with the export buttons, the canvas, a right-click menu."""

    elementClicked = Signal(object)  # the key given to set_key for the clicked element
    exported = Signal(str)  # the path of a saved file

    def __init__(self, title: str = "", parent: QWidget | None = None, *,
                 file_stem: str = "chart") -> None:
        super().__init__(parent)
        configure_matplotlib()
        self.setObjectName("chartView")
        self.file_stem = file_stem  # suggested file name, without extension
        self.file_chooser: FileChooser = self._ask_file_name
        self._keys: dict[Artist, tuple[KeySource, KeySource]] = {}

        # Laid out by place_plot before each draw (constrained layout measures every tick twice).
        self.figure = Figure(figsize=(5, 3), layout="none")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setObjectName("chartCanvas")
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(220)
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.canvas.customContextMenuRequested.connect(self._show_menu)
        self.canvas.mpl_connect("button_press_event", self._on_press)
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("resize_event", lambda _event: self._place())

        self.title_label = QLabel(title)
        self.title_label.setObjectName("chartTitle")
        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 0, 0)
        self.header.addWidget(self.title_label)
        self.header.addStretch(1)
        self._extra_at = self.header.count()  # header widgets go before the buttons
        self.png_button = self._button(self.tr("PNG"), self.tr("Save as PNG…"), self.ask_save_png)
        self.png_button.setObjectName("savePngButton")
        self.svg_button = self._button(self.tr("SVG"), self.tr("Save as SVG…"), self.ask_save_svg)
        self.svg_button.setObjectName("saveSvgButton")
        self.copy_button = self._button(self.tr("Copy"), self.tr("Copy to clipboard"),
                                        self.copy_to_clipboard)
        self.copy_button.setObjectName("copyChartButton")

        self.menu = QMenu(self)
        self.menu.setObjectName("chartMenu")
        self.menu.addAction(self.tr("Save as PNG…"), self.ask_save_png)
        self.menu.addAction(self.tr("Save as SVG…"), self.ask_save_svg)
        self.menu.addAction(self.tr("Copy to clipboard"), self.copy_to_clipboard)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(self.header)
        layout.addWidget(self.canvas, 1)

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(lambda _checked=False: slot())
        self.header.addWidget(button)
        return button

    # -- drawing ----------------------------------------------------------------------------
    def title(self) -> str:
        return self.title_label.text()

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)

    def add_header_widget(self, widget: QWidget) -> None:
        """Put a control (a chooser) in the header, left of the export buttons."""
        self.header.insertWidget(self._extra_at, widget)
        self._extra_at += 1

    def clear(self) -> Figure:
        """Empty the figure for a new drawing; the clickable elements are forgotten."""
        self._keys.clear()
        self.figure.clear()
        return self.figure

    def set_key(self, artist: Artist, key: KeySource, tip: KeySource = None) -> None:
        """Make an artist clickable: a click emits elementClicked(key); hovering shows tip."""
        self._keys[artist] = (key, tip)

    def keys(self) -> list[Any]:
        """The keys of the clickable elements (callable keys are left out)."""
        return [key for key, _tip in self._keys.values() if not callable(key)]

    def redraw(self) -> None:
        """Render the figure now (call after drawing)."""
        self._place()
        self.canvas.draw()

    def _place(self, top_extra: float = 0.0) -> None:
        """Fit the plot to its labels; figures of another shape get constrained layout."""
        if not self.figure.axes:
            return
        if not place_plot(self.figure, self.canvas.get_renderer(), top_extra):
            ConstrainedLayoutEngine().execute(self.figure)

    def element_position(self, key: Any) -> QPoint | None:
        """Where the element with this key is on the canvas (widget pixels), or None.

        For keyboard help and tests that click an element as a user does.
        """
        artist = next((a for a, (k, _t) in self._keys.items() if not callable(k) and k == key),
                      None)
        if artist is None:
            return None
        self.canvas.draw()
        box = artist.get_window_extent(self.canvas.get_renderer())
        ratio = self.canvas.device_pixel_ratio or 1
        x, y = box.x0 + box.width / 2, box.y0 + box.height / 2
        return QPoint(round(x / ratio), round((self.figure.bbox.height - y) / ratio))

    @staticmethod
    def _resolve(source: KeySource, artist: Artist, event: MouseEvent) -> Any:
        if not callable(source):
            return source
        x, y = artist.axes.transData.inverted().transform((event.x, event.y))
        return source(float(x), float(y))

    def _hit(self, event: MouseEvent) -> tuple[Artist, KeySource, KeySource] | None:
        """The registered artist under the pointer (the last drawn when they overlap)."""
        for artist, (key, tip) in reversed(self._keys.items()):
            if artist.get_visible() and artist.axes is not None and artist.contains(event)[0]:
                return artist, key, tip
        return None

    def _on_press(self, event: MouseEvent) -> None:
        hit = self._hit(event) if event.button == 1 else None
        if hit is None:
            return
        key = self._resolve(hit[1], hit[0], event)
        if key is not None:
            self.elementClicked.emit(key)

    def _on_motion(self, event: MouseEvent) -> None:
        hit = self._hit(event)
        key = self._resolve(hit[1], hit[0], event) if hit is not None else None
        text = self._resolve(hit[2], hit[0], event) if key is not None else None
        self.canvas.setCursor(Qt.CursorShape.PointingHandCursor if key is not None
                              else Qt.CursorShape.ArrowCursor)
        if text:
            QToolTip.showText(QCursor.pos(), str(text), self.canvas)
        else:
            QToolTip.hideText()

    # -- export -----------------------------------------------------------------------------
    def _titled(self, save: Callable[[], None]) -> None:
        """Save with the chart's title drawn in the figure (the screen shows it above)."""
        title = self.figure.suptitle(self.title(), fontsize="medium") if self.title() else None
        if title is not None:
            renderer = self.canvas.get_renderer()
            self._place(title.get_window_extent(renderer).height + 6)
        try:
            save()
        finally:
            if title is not None:
                title.remove()
                self._place()

    def save_png(self, path: str | Path, dpi: int = EXPORT_DPI) -> Path:
        path = Path(path)
        self._titled(lambda: self.figure.savefig(path, format="png", dpi=dpi, facecolor="white"))
        self.exported.emit(str(path))
        return path

    def save_svg(self, path: str | Path) -> Path:
        path = Path(path)
        self._titled(lambda: self.figure.savefig(path, format="svg", facecolor="white"))
        self.exported.emit(str(path))
        return path

    def image(self, dpi: int = EXPORT_DPI) -> QImage:
        buffer = io.BytesIO()
        self._titled(lambda: self.figure.savefig(buffer, format="png", dpi=dpi, facecolor="white"))
        return QImage.fromData(buffer.getvalue(), "PNG")

    def copy_to_clipboard(self) -> QImage:
        """Put the chart on the clipboard as an image (paste into WPS, Word, WeChat)."""
        image = self.image()
        QGuiApplication.clipboard().setImage(image)
        return image

    def ask_save_png(self) -> Path | None:
        path = self.file_chooser(self.tr("Save chart as PNG"), self.tr("PNG image (*.png)"),
                                 f"{self.file_stem}.png")
        return self.save_png(_with_suffix(path, ".png")) if path else None

    def ask_save_svg(self) -> Path | None:
        path = self.file_chooser(self.tr("Save chart as SVG"), self.tr("SVG image (*.svg)"),
                                 f"{self.file_stem}.svg")
        return self.save_svg(_with_suffix(path, ".svg")) if path else None

    def _ask_file_name(self, caption: str, file_filter: str, suggested: str) -> str:
        path, _chosen = QFileDialog.getSaveFileName(self, caption, suggested, file_filter)
        return path

    def _show_menu(self, pos: QPoint) -> None:
        self.menu.popup(self.canvas.mapToGlobal(pos))


def _with_suffix(path: str, suffix: str) -> Path:
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)
