"""The 工作台 page: period and scope choosers, KPI tiles and the grid of clickable charts.

The page draws what the controller hands it (a `DashboardSnapshot` of app.analytics.dashboard,
read here only by attribute) and emits the key of a clicked chart element; which tickets a
key means is the controller's business.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

import matplotlib
import numpy
from matplotlib.ticker import PercentFormatter
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.collector import collector_paused
from app.views.chart_view import ChartView

_C = "DashboardPage"
PERIOD_KINDS = [
    ("month", QT_TRANSLATE_NOOP("DashboardPage", "Month")),
    ("quarter", QT_TRANSLATE_NOOP("DashboardPage", "Quarter")),
    ("year", QT_TRANSLATE_NOOP("DashboardPage", "Year")),
    ("custom", QT_TRANSLATE_NOOP("DashboardPage", "Custom range")),
]
# app.analytics.dashboard.HeatLayout values, in its order.
HEAT_TITLES = {
    "building_floor": QT_TRANSLATE_NOOP("DashboardPage", "Buildings × floors"),
    "building_system": QT_TRANSLATE_NOOP("DashboardPage", "Plant buildings × systems"),
    "section_category": QT_TRANSLATE_NOOP("DashboardPage", "Sections × defect categories"),
    "system_category": QT_TRANSLATE_NOOP("DashboardPage", "Systems × defect categories"),
}
AGE_BAND_NAMES = (
    QT_TRANSLATE_NOOP("DashboardPage", "0–7 days"),
    QT_TRANSLATE_NOOP("DashboardPage", "8–14 days"),
    QT_TRANSLATE_NOOP("DashboardPage", "15–30 days"),
    QT_TRANSLATE_NOOP("DashboardPage", "Over 30 days"),
)
# (key, title); the controller gives each tile its definition as a tooltip.
TILES = [
    ("on_time_rate", QT_TRANSLATE_NOOP("DashboardPage", "On-time completion")),
    ("rework_rate", QT_TRANSLATE_NOOP("DashboardPage", "Rework rate")),
    ("first_time_fix_rate", QT_TRANSLATE_NOOP("DashboardPage", "First-time fix")),
    ("mean_satisfaction", QT_TRANSLATE_NOOP("DashboardPage", "Mean satisfaction")),
    ("complaints", QT_TRANSLATE_NOOP("DashboardPage", "Complaints")),
    ("follow_ups", QT_TRANSLATE_NOOP("DashboardPage", "Overdue follow-ups")),
    ("overdue_actions", QT_TRANSLATE_NOOP("DashboardPage", "Overdue actions")),
]

BLUE, GREEN, RED, GREY, ORANGE = "#1f5fa8", "#2e7d32", "#c62828", "#9e9e9e", "#ef8a00"
LIGHT_BLUE, LIGHT_GREEN = "#8fb3de", "#8cc79a"
SCORE_COLOURS = ("#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32", "#9e9e9e")
CHART_STYLE = {
    "font.size": 8, "axes.titlesize": 9, "axes.labelsize": 8, "xtick.labelsize": 8,
    "ytick.labelsize": 8, "legend.fontsize": 7.5, "axes.spines.top": False,
    "axes.spines.right": False, "axes.edgecolor": "#9aa5b1", "axes.grid": True,
    "axes.grid.axis": "y", "grid.color": "#e3e7ec", "axes.axisbelow": True,
}
PARETO_BARS = 12  # categories shown; the rest become one "others" bar
ANNOTATE_CELLS = 300  # write the count in each heat-map cell up to this many cells


def _t(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _short(text: str, width: int = 8) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class Tile(QFrame):
    """One KPI: a big number, its name and the count behind it; clickable when it lists."""

    clicked = Signal()

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.setObjectName("kpiTile")
        self.setProperty("tileKey", key)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value_label = QLabel("—")
        self.value_label.setObjectName("tileValue")
        self.value_label.setStyleSheet("font-size: 17pt; font-weight: bold; color: #1f3a5f;")
        self.title_label = QLabel(title)
        self.title_label.setObjectName("tileTitle")
        self.detail_label = QLabel("")
        self.detail_label.setObjectName("tileDetail")
        self.detail_label.setStyleSheet("color: #5f6b7a;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail_label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._clickable = False

    def set_value(self, value: str, detail: str = "", *, alert: bool = False) -> None:
        self.value_label.setText(value)
        colour = "#b3261e" if alert else "#1f3a5f"
        self.value_label.setStyleSheet(f"font-size: 17pt; font-weight: bold; color: {colour};")
        self.detail_label.setText(detail)

    def set_clickable(self, clickable: bool) -> None:
        self._clickable = clickable
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class DashboardPage(QWidget):
    """Lays out the dashboard; the controller loads the figures and answers the clicks."""

    selectionChanged = Signal()  # the period or the scope changed
    refreshRequested = Signal()
    elementClicked = Signal(object)  # a chart key (see app.analytics.dashboard.drill_down)

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self._today = today or dt.date.today()
        self._anchor = self._today  # a day inside the shown period (month, quarter, year)
        self._snapshot: Any = None
        self._heat_layout: str | None = None  # chosen by the clerk, kept across reloads

        # -- choosers -----------------------------------------------------------------------
        title = QLabel(self.tr("Dashboard"))
        title.setObjectName("pageTitle")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("periodKind")
        for key, text in PERIOD_KINDS:
            self.kind_combo.addItem(_t(text), key)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData("year"))
        self.previous_button = QToolButton()
        self.previous_button.setObjectName("previousPeriod")
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip(self.tr("Previous period"))
        self.next_button = QToolButton()
        self.next_button.setObjectName("nextPeriod")
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Next period"))
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        self.period_label.setMinimumWidth(110)
        self.period_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.period_label.setStyleSheet("font-weight: bold;")
        self.from_edit = QDateEdit()
        self.from_edit.setObjectName("periodFrom")
        self.to_edit = QDateEdit()
        self.to_edit.setObjectName("periodTo")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.to_label = QLabel(self.tr("to"))
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("scopeFilter")
        self.scope_combo.setMinimumContentsLength(14)
        self.scope_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope_combo.addItem(self.tr("All projects"), None)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refreshDashboard")
        self.status_label = QLabel()
        self.status_label.setObjectName("dashboardStatus")
        self.status_label.setStyleSheet("color: #5f6b7a;")

        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.kind_combo)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.period_label)
        bar.addWidget(self.next_button)
        bar.addWidget(self.from_edit)
        bar.addWidget(self.to_label)
        bar.addWidget(self.to_edit)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Scope")))
        bar.addWidget(self.scope_combo, 1)
        bar.addWidget(self.refresh_button)

        # -- tiles ----------------------------------------------------------------------------
        self.tiles: dict[str, Tile] = {}
        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        for key, text in TILES:
            tile = Tile(key, _t(text))
            self.tiles[key] = tile
            tiles.addWidget(tile)
        self.tiles["follow_ups"].set_clickable(True)
        self.tiles["follow_ups"].clicked.connect(lambda: self.elementClicked.emit(("follow_ups",)))
        self.tiles["follow_ups"].setToolTip(
            self.tr("Accepted tickets whose follow-up visit is past its day and not done; click to list them"))
        self.tiles["overdue_actions"].hide()  # shown once corrective actions are recorded

        # -- charts ---------------------------------------------------------------------------
        self.trend_chart = ChartView(self.tr("Received and closed per month"), file_stem="trend")
        self.pareto_chart = ChartView(self.tr("Defect categories (Pareto)"), file_stem="pareto")
        self.heat_chart = ChartView(self.tr("High-incidence locations"), file_stem="locations")
        self.heat_combo = QComboBox()
        self.heat_combo.setObjectName("heatKind")
        self.heat_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.heat_chart.add_header_widget(self.heat_combo)
        self.response_chart = ChartView(self.tr("Response time against the SLA"),
                                        file_stem="response")
        self.repair_chart = ChartView(self.tr("Repair time against the SLA"), file_stem="repair")
        self.satisfaction_chart = ChartView(self.tr("Owner satisfaction"),
                                            file_stem="satisfaction")
        self.ageing_chart = ChartView(self.tr("Open tickets by age"), file_stem="ageing")
        self.charts = {
            "trend": self.trend_chart, "pareto": self.pareto_chart, "heat": self.heat_chart,
            "response": self.response_chart, "repair": self.repair_chart,
            "satisfaction": self.satisfaction_chart, "ageing": self.ageing_chart,
        }
        grid = QGridLayout()
        grid.setSpacing(8)
        placement = {
            "trend": (0, 0, 1, 1), "pareto": (0, 1, 1, 1), "heat": (1, 0, 1, 2),
            "response": (2, 0, 1, 1), "repair": (2, 1, 1, 1),
            "satisfaction": (3, 0, 1, 1), "ageing": (3, 1, 1, 1),
        }
        for key, chart in self.charts.items():
            chart.setMinimumHeight(300 if key != "heat" else 420)
            chart.elementClicked.connect(self.elementClicked)
            grid.addWidget(chart, *placement[key])
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        content = QWidget()
        content.setObjectName("dashboardContent")
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 4, 0)
        inner.addLayout(tiles)
        inner.addLayout(grid)
        inner.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("dashboardScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.scroll, 1)

        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.previous_button.clicked.connect(lambda: self.step_period(-1))
        self.next_button.clicked.connect(lambda: self.step_period(1))
        self.from_edit.dateChanged.connect(self._on_custom_changed)
        self.to_edit.dateChanged.connect(self._on_custom_changed)
        self.scope_combo.currentIndexChanged.connect(lambda _i: self.selectionChanged.emit())
        self.refresh_button.clicked.connect(self.refreshRequested)
        self.heat_combo.currentIndexChanged.connect(self._on_heat_layout_chosen)
        self._set_custom_range(*self._range_of("year", self._anchor))
        self._show_period_controls()

    # -- the period ------------------------------------------------------------------------
    def set_today(self, today: dt.date) -> None:
        """The day the choosers count from (the controller's clock); resets to this period."""
        self._today = self._anchor = today
        self._show_period_controls()

    def period_kind(self) -> str:
        return str(self.kind_combo.currentData())

    def period_range(self) -> tuple[dt.date, dt.date]:
        """The chosen local days, first and last included."""
        kind = self.period_kind()
        if kind == "custom":
            first, last = self.from_edit.date().toPython(), self.to_edit.date().toPython()
            return (first, last) if first <= last else (last, first)
        return self._range_of(kind, self._anchor)

    @staticmethod
    def _range_of(kind: str, day: dt.date) -> tuple[dt.date, dt.date]:
        if kind == "month":
            return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
        if kind == "quarter":
            first_month = 3 * ((day.month - 1) // 3) + 1
            last_month = first_month + 2
            return (dt.date(day.year, first_month, 1),
                    dt.date(day.year, last_month, calendar.monthrange(day.year, last_month)[1]))
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)

    def set_period(self, kind: str, day: dt.date | None = None,
                   last: dt.date | None = None) -> None:
        """Choose a period as the clerk would: kind and a day in it (custom: first and last)."""
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.kind_combo.blockSignals(False)
        if kind == "custom" and day is not None and last is not None:
            self._set_custom_range(day, last)
        elif day is not None:
            self._anchor = day
        self._show_period_controls()
        self.selectionChanged.emit()

    def step_period(self, steps: int) -> None:
        """Move to the previous (−1) or next (+1) month, quarter or year."""
        kind = self.period_kind()
        if kind == "custom":
            return
        months = {"month": 1, "quarter": 3, "year": 12}[kind] * steps
        index = self._anchor.year * 12 + self._anchor.month - 1 + months
        self._anchor = dt.date(index // 12, index % 12 + 1, 1)
        self._show_period_controls()
        self.selectionChanged.emit()

    def period_text(self) -> str:
        first, last = self.period_range()
        kind = self.period_kind()
        if kind == "year":
            return self.tr("Year %1").replace("%1", str(first.year))
        if kind == "quarter":
            return (self.tr("Q%2 %1").replace("%1", str(first.year))
                    .replace("%2", str((first.month - 1) // 3 + 1)))
        if kind == "month":
            return (self.tr("%2/%1").replace("%1", str(first.year))
                    .replace("%2", str(first.month)))
        return self.tr("%1 to %2").replace("%1", first.isoformat()).replace("%2", last.isoformat())

    def _on_kind_changed(self, _index: int) -> None:
        if self.period_kind() == "custom":
            # Start the custom range from what was shown, so it can be narrowed from there.
            self._set_custom_range(*self._range_of("year", self._anchor))
        self._show_period_controls()
        self.selectionChanged.emit()

    def _set_custom_range(self, first: dt.date, last: dt.date) -> None:
        for edit, day in ((self.from_edit, first), (self.to_edit, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _on_custom_changed(self, _date: QDate) -> None:
        if self.period_kind() == "custom":
            self._show_period_controls()
            self.selectionChanged.emit()

    def _show_period_controls(self) -> None:
        custom = self.period_kind() == "custom"
        for widget in (self.from_edit, self.to_label, self.to_edit):
            widget.setVisible(custom)
        for widget in (self.previous_button, self.period_label, self.next_button):
            widget.setVisible(not custom)
        self.period_label.setText(self.period_text())

    # -- the scope -------------------------------------------------------------------------
    def set_scopes(self, departments: list[tuple[Any, str]], projects: list[tuple[Any, str]]) -> None:
        """Fill the scope chooser: all, each project department, each project."""
        current = self.scope_combo.currentData()
        self.scope_combo.blockSignals(True)
        while self.scope_combo.count() > 1:
            self.scope_combo.removeItem(1)
        if departments:
            self.scope_combo.insertSeparator(self.scope_combo.count())
        for dept_id, name in departments:
            label = self.tr("Department: %1").replace("%1", name)
            self.scope_combo.addItem(label, ("department", dept_id))
        if projects:
            self.scope_combo.insertSeparator(self.scope_combo.count())
        for project_id, name in projects:
            self.scope_combo.addItem(self.tr("Project: %1").replace("%1", name),
                                     ("project", project_id))
        index = self.scope_combo.findData(current) if current is not None else 0
        self.scope_combo.setCurrentIndex(max(index, 0))
        self.scope_combo.blockSignals(False)

    def scope(self) -> tuple[str, Any] | None:
        """("project", id), ("department", id) or None for everything."""
        data = self.scope_combo.currentData()
        return tuple(data) if data else None

    def set_scope(self, scope: tuple[str, Any] | None) -> None:
        index = 0 if scope is None else self.scope_combo.findData(scope)
        self.scope_combo.setCurrentIndex(max(index, 0))

    def scope_text(self) -> str:
        return self.scope_combo.currentText()

    # -- state -----------------------------------------------------------------------------
    def show_loading(self) -> None:
        self.status_label.setText(self.tr("Calculating…"))

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def set_tile_tips(self, tips: dict[str, str]) -> None:
        for key, tip in tips.items():
            if key in self.tiles:
                self.tiles[key].setToolTip(tip)

    def snapshot(self) -> Any:
        return self._snapshot

    # -- drawing ---------------------------------------------------------------------------
    def show_snapshot(self, snapshot: Any) -> None:
        """Draw every tile and chart of a DashboardSnapshot (app.analytics.dashboard)."""
        self._snapshot = snapshot
        self._show_tiles(snapshot)
        # Clearing seven figures frees thousands of artists tied in reference cycles: a cyclic
        # collection in the middle of drawing would cost a tenth of a second.
        with matplotlib.rc_context(CHART_STYLE), collector_paused():
            self._draw_trend(snapshot.trend)
            self._draw_pareto(snapshot.pareto)
            self._fill_heat_layouts(snapshot)
            self._draw_heat()
            self._draw_distribution(self.response_chart, "response", snapshot.response,
                                    self.tr("Hours from report to response"))
            self._draw_distribution(self.repair_chart, "repair", snapshot.repair,
                                    self.tr("Days from report to completion"))
            self._draw_satisfaction(snapshot.satisfaction)
            self._draw_ageing(snapshot.open)

    def _show_tiles(self, snap: Any) -> None:
        k = self.tiles
        kpis = snap.kpis
        of = self.tr("%1 of %2")

        def share(part: int, whole: int) -> str:
            return of.replace("%1", str(part)).replace("%2", str(whole)) if whole else ""

        k["on_time_rate"].set_value(_percent(kpis.on_time_rate),
                                    share(kpis.completed_on_time, kpis.completed))
        k["rework_rate"].set_value(_percent(kpis.rework_rate), share(kpis.reworked, kpis.handled))
        k["first_time_fix_rate"].set_value(_percent(kpis.first_time_fix_rate),
                                           share(kpis.first_time_fixed, kpis.handled))
        mean = kpis.mean_satisfaction
        k["mean_satisfaction"].set_value(
            "—" if mean is None else f"{mean:.2f}",
            self.tr("%n rated", "", kpis.rated) if kpis.rated else "")
        k["complaints"].set_value(
            str(kpis.complaints),
            self.tr("%1 low · %2 failed · %3 reopened")
            .replace("%1", str(kpis.low_scores)).replace("%2", str(kpis.failed_acceptances))
            .replace("%3", str(kpis.reopenings)),
            alert=kpis.complaints > 0)
        late = snap.open.overdue_follow_ups
        k["follow_ups"].set_value(str(late), self.tr("Click to list") if late else "",
                                  alert=late > 0)
        actions = getattr(snap, "overdue_actions", None)
        k["overdue_actions"].setVisible(actions is not None)
        if actions is not None:
            k["overdue_actions"].set_value(str(actions), alert=actions > 0)

    @staticmethod
    def _empty(chart: ChartView, text: str) -> None:
        ax = chart.figure.add_subplot()
        ax.set_axis_off()
        ax.text(0.5, 0.5, text, ha="center", va="center", color=GREY, fontsize=10,
                transform=ax.transAxes)
        chart.redraw()

    def _month_labels(self, months: list[dt.date]) -> list[str]:
        several_years = len({m.year for m in months}) > 1
        if several_years:
            return [f"{m.year % 100:02d}/{m.month}" for m in months]
        return [self.tr("M%1").replace("%1", str(m.month)) for m in months]

    def _draw_trend(self, trend: list) -> None:
        chart = self.trend_chart
        figure = chart.clear()
        if not trend:
            self._empty(chart, self.tr("No data in this period"))
            return
        ax = figure.add_subplot()
        labels = self._month_labels([m.month for m in trend])
        xs = list(range(len(trend)))
        width = 0.38
        series = [
            ("received", [m.received for m in trend], -width / 2, BLUE, self.tr("Received")),
            ("closed", [m.closed for m in trend], width / 2, GREEN, self.tr("Closed")),
        ]
        for name, values, offset, colour, label in series:
            bars = ax.bar([x + offset for x in xs], values, width, color=colour, label=label)
            for i, bar in enumerate(bars):
                chart.set_key(bar, ("trend", name, i), tip=f"{labels[i]} {label}: {values[i]}")
        before = [
            ("received_before", [m.received_year_before for m in trend], -width / 2, LIGHT_BLUE,
             self.tr("Received a year before")),
            ("closed_before", [m.closed_year_before for m in trend], width / 2, LIGHT_GREEN,
             self.tr("Closed a year before")),
        ]
        for name, values, offset, colour, label in before:
            points = [x + offset for x in xs]
            ax.plot(points, values, linestyle="--", color=colour, linewidth=1.4, label=label)
            for i, (x, y) in enumerate(zip(points, values, strict=True)):
                (marker,) = ax.plot([x], [y], marker="o", markersize=3.5, color=colour,
                                    linestyle="none")
                chart.set_key(marker, ("trend", name, i), tip=f"{labels[i]} {label}: {y}")
        ax.set_xticks(xs, labels)
        if len(xs) > 14:
            for i, tick in enumerate(ax.get_xticklabels()):
                tick.set_visible(i % 2 == 0)
        ax.set_ylabel(self.tr("Tickets"))
        ax.legend(loc="upper left", ncols=2, frameon=False)
        ax.margins(y=0.25)
        chart.redraw()

    def _draw_pareto(self, bars: list) -> None:
        chart = self.pareto_chart
        figure = chart.clear()
        if not bars:
            self._empty(chart, self.tr("No data in this period"))
            return
        ax = figure.add_subplot()
        shown = bars[:PARETO_BARS]
        names = [_short(b.name, 6) for b in shown]
        counts = [b.count for b in shown]
        cumulative = [b.cumulative_share * 100 for b in shown]
        rest = bars[PARETO_BARS:]
        if rest:
            names.append(self.tr("Others"))
            counts.append(sum(b.count for b in rest))
            cumulative.append(100.0)
        xs = list(range(len(names)))
        drawn = ax.bar(xs, counts, color=BLUE, width=0.65)
        for i, bar in enumerate(drawn):
            if i < len(shown):
                b = shown[i]
                chart.set_key(bar, ("pareto", b.category_id),
                              tip=f"{b.name}: {b.count} ({b.share * 100:.1f}%)")
            else:
                bar.set_color(GREY)
        ax.set_xticks(xs, names, rotation=35, ha="right", rotation_mode="anchor")
        ax.set_ylabel(self.tr("Tickets"))
        line = ax.twinx()
        line.plot(xs, cumulative, color=ORANGE, marker="o", markersize=3, linewidth=1.4)
        line.axhline(80, color=ORANGE, linestyle=":", linewidth=0.9)
        line.set_ylim(0, 105)
        line.yaxis.set_major_formatter(PercentFormatter())
        line.spines["right"].set_visible(True)
        line.grid(False)
        line.set_ylabel(self.tr("Cumulative share"))
        chart.redraw()

    # -- heat map --------------------------------------------------------------------------
    def _fill_heat_layouts(self, snapshot: Any) -> None:
        available = [layout for layout in HEAT_TITLES if layout in snapshot.heat_maps]
        wanted = self._heat_layout if self._heat_layout in available else snapshot.heat_layout
        self.heat_combo.blockSignals(True)
        self.heat_combo.clear()
        for layout in available:
            self.heat_combo.addItem(_t(HEAT_TITLES[layout]), layout)
        self.heat_combo.setCurrentIndex(max(self.heat_combo.findData(
            str(wanted) if wanted else None), 0))
        self.heat_combo.setVisible(len(available) > 1)
        self.heat_combo.blockSignals(False)

    def heat_layout(self) -> str | None:
        data = self.heat_combo.currentData()
        return str(data) if data else None

    def _on_heat_layout_chosen(self, _index: int) -> None:
        self._heat_layout = self.heat_layout()
        if self._snapshot is not None:
            with matplotlib.rc_context(CHART_STYLE):
                self._draw_heat()

    def _draw_heat(self) -> None:
        chart = self.heat_chart
        figure = chart.clear()
        layout = self.heat_layout()
        heat = self._snapshot.heat_maps.get(layout) if layout else None
        if heat is None or not heat.rows:
            chart.set_title(self.tr("High-incidence locations"))
            self._empty(chart, self.tr("No located tickets in this period"))
            return
        chart.set_title(self.tr("High-incidence locations: %1").replace(
            "%1", _t(HEAT_TITLES[str(heat.layout)])))
        by_floor = str(heat.layout) == "building_floor"
        ax = figure.add_subplot()
        # Empty cells stay white: a floor without tickets reads apart from a floor with few.
        colours = matplotlib.colormaps["YlOrRd"].with_extremes(bad="white")
        image = ax.imshow(numpy.ma.masked_equal(numpy.array(heat.counts), 0), cmap=colours,
                          aspect="auto", interpolation="nearest", vmin=0)
        rows = [_short(r.name, 16) for r in heat.rows]
        # Floors read as numbers along the axis (1层 … 33层 would collide).
        columns = [c.label.removesuffix("层") if by_floor else _short(c.label, 7)
                   for c in heat.columns]
        ax.set_yticks(range(len(rows)), rows)
        # Many floors: every other one is named (and ticked: a tick costs as much to draw
        # hidden as shown), and the top floor.
        named = [i for i in range(len(columns))
                 if not (by_floor and len(columns) > 24) or i % 2 == 0 or i == len(columns) - 1]
        ax.set_xticks(named, [columns[i] for i in named], rotation=0 if by_floor else 30,
                      ha="center" if by_floor else "right", rotation_mode="anchor")
        if by_floor:
            ax.set_xlabel(self.tr("Floor"))
        ax.tick_params(axis="x", labelsize=7)
        ax.grid(False)
        for spine in ax.spines.values():
            spine.set_visible(False)
        peak = max((max(r) for r in heat.counts), default=0)
        if len(rows) * len(columns) <= ANNOTATE_CELLS:
            for i, counts in enumerate(heat.counts):
                for j, n in enumerate(counts):
                    if n:
                        ax.text(j, i, str(n), ha="center", va="center", fontsize=7,
                                color="white" if n > peak * 0.6 else "#333333")
        figure.colorbar(image, ax=ax, shrink=0.8, pad=0.01, label=self.tr("Tickets"))
        if heat.other_rows:
            ax.set_title(self.tr("The busiest %1 shown; %2 more places with %3 tickets")
                         .replace("%1", str(len(heat.rows))).replace("%2", str(heat.other_rows))
                         .replace("%3", str(heat.other_tickets)), loc="right", color=GREY)

        def cell(x: float, y: float) -> tuple[int, int] | None:
            i, j = round(y), round(x)
            if 0 <= i < len(heat.rows) and 0 <= j < len(heat.columns) and heat.counts[i][j]:
                return i, j
            return None

        def key(x: float, y: float) -> tuple | None:
            found = cell(x, y)
            if found is None:
                return None
            i, j = found
            return ("heat", str(heat.layout), heat.rows[i].location_id, heat.columns[j].key)

        def tip(x: float, y: float) -> str | None:
            found = cell(x, y)
            if found is None:
                return None
            i, j = found
            return f"{heat.rows[i].name} · {heat.columns[j].label}: {heat.counts[i][j]}"

        chart.set_key(image, key, tip)
        chart.redraw()

    # -- distributions, satisfaction, ageing -------------------------------------------------
    def _draw_distribution(self, chart: ChartView, name: str, buckets: list, xlabel: str) -> None:
        figure = chart.clear()
        total = sum(b.total for b in buckets)
        if not total:
            self._empty(chart, self.tr("No data in this period"))
            return
        ax = figure.add_subplot()
        xs = list(range(len(buckets)))
        labels = [b.label for b in buckets]
        met = [b.met for b in buckets]
        late = [b.late for b in buckets]
        on_time, late_text = self.tr("Within the SLA"), self.tr("Late")
        for part, values, bottom, colour, label in (
            ("met", met, None, GREEN, on_time), ("late", late, met, RED, late_text),
        ):
            bars = ax.bar(xs, values, 0.65, bottom=bottom, color=colour, label=label)
            for i, bar in enumerate(bars):
                if values[i]:
                    chart.set_key(bar, (name, i, part), tip=f"{labels[i]} {label}: {values[i]}")
        ax.set_xticks(xs, labels, rotation=20, ha="right", rotation_mode="anchor")
        ax.set_xlabel(xlabel)
        ax.set_ylabel(self.tr("Tickets"))
        share = sum(met) / total
        ax.set_title(self.tr("%1 within the SLA (%2 of %3)").replace("%1", _percent(share))
                     .replace("%2", str(sum(met))).replace("%3", str(total)), loc="right",
                     color=GREEN if share >= 0.9 else RED)
        ax.legend(loc="upper right", frameon=False, bbox_to_anchor=(1, 0.92))
        chart.redraw()

    def _draw_satisfaction(self, bars: list) -> None:
        chart = self.satisfaction_chart
        figure = chart.clear()
        if not sum(b.count for b in bars):
            self._empty(chart, self.tr("No acceptances in this period"))
            return
        ax = figure.add_subplot()
        labels = [self.tr("%1 pts").replace("%1", str(b.score)) if b.score else
                  self.tr("No score") for b in bars]
        counts = [b.count for b in bars]
        drawn = ax.bar(range(len(bars)), counts, 0.6, color=SCORE_COLOURS[: len(bars)])
        for i, bar in enumerate(drawn):
            if counts[i]:
                chart.set_key(bar, ("satisfaction", bars[i].score),
                              tip=f"{labels[i]}: {counts[i]}")
            ax.annotate(str(counts[i]), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        ha="center", va="bottom", fontsize=7, xytext=(0, 1),
                        textcoords="offset points")
        ax.set_xticks(range(len(bars)), labels)
        ax.set_ylabel(self.tr("Accepted tickets"))
        ax.margins(y=0.15)
        chart.redraw()

    def _draw_ageing(self, snapshot_open: Any) -> None:
        chart = self.ageing_chart
        figure = chart.clear()
        bands = snapshot_open.bands
        if not sum(b.open for b in bands):
            self._empty(chart, self.tr("No open tickets"))
            return
        ax = figure.add_subplot()
        labels = [_t(AGE_BAND_NAMES[int(b.band)]) for b in bands]
        calm = [b.open - b.overdue for b in bands]
        overdue = [b.overdue for b in bands]
        xs = list(range(len(bands)))
        in_time = ax.bar(xs, calm, 0.6, color=BLUE, label=self.tr("Not overdue"))
        late = ax.bar(xs, overdue, 0.6, bottom=calm, color=RED, label=self.tr("Overdue"))
        for i, band in enumerate(bands):
            tip = (self.tr("%1: %2 open, %3 overdue").replace("%1", labels[i])
                   .replace("%2", str(band.open)).replace("%3", str(band.overdue)))
            if calm[i]:
                chart.set_key(in_time[i], ("ageing", int(band.band), "in_time"), tip=tip)
            if overdue[i]:
                chart.set_key(late[i], ("ageing", int(band.band), "overdue"), tip=tip)
            ax.annotate(str(band.open), (i, band.open), ha="center", va="bottom", fontsize=7,
                        xytext=(0, 1), textcoords="offset points")
        ax.set_xticks(xs, labels)
        ax.set_xlabel(self.tr("Days since the report (now)"))
        ax.set_ylabel(self.tr("Open tickets"))
        ax.legend(loc="upper right", frameon=False)
        ax.margins(y=0.15)
        chart.redraw()

    def chart_views(self) -> dict[str, ChartView]:
        return dict(self.charts)
