"""The 绩效 (KPI) page: period, grouping and scope choosers, the sortable KPI table with a
trend sparkline per row, the totals line and 导出 Excel. The controller fills it."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.views.sparkline_delegate import RANGE_ROLE, VALUES_ROLE, SparklineDelegate

EMPTY = "—"  # a rate or mean with nothing to divide by: no value, never 0
MONTH, QUARTER, YEAR = "month", "quarter", "year"
PERIOD_KINDS = (
    (MONTH, QT_TRANSLATE_NOOP("PeriodChooser", "Month")),
    (QUARTER, QT_TRANSLATE_NOOP("PeriodChooser", "Quarter")),
    (YEAR, QT_TRANSLATE_NOOP("PeriodChooser", "Year")),
)
GROUPINGS = (
    ("person", QT_TRANSLATE_NOOP("KpiPage", "Per person")),
    ("department", QT_TRANSLATE_NOOP("KpiPage", "Per project department")),
)
# The indicator columns, in order: (KpiRow attribute, English header).
KPI_COLUMNS = (
    ("handled", QT_TRANSLATE_NOOP("KpiTableModel", "Handled")),
    ("mean_response_hours", QT_TRANSLATE_NOOP("KpiTableModel", "Mean response (h)")),
    ("on_time_rate", QT_TRANSLATE_NOOP("KpiTableModel", "On-time rate")),
    ("rework_rate", QT_TRANSLATE_NOOP("KpiTableModel", "Rework rate")),
    ("mean_satisfaction", QT_TRANSLATE_NOOP("KpiTableModel", "Mean satisfaction")),
    ("first_time_fix_rate", QT_TRANSLATE_NOOP("KpiTableModel", "First-time fix rate")),
    ("complaints", QT_TRANSLATE_NOOP("KpiTableModel", "Complaints")),
)


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class KpiDefinitionText:
    """What the page knows of one indicator: name, unit and definition (from the analytics)."""

    def __init__(self, identifier: str, name: str, unit: str, definition: str) -> None:
        self.identifier, self.name, self.unit, self.definition = identifier, name, unit, definition

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"


def format_value(value: Any, unit: str) -> str:
    """The cell text: counts as integers, rates as percentages, means with decimals."""
    if value is None:
        return EMPTY
    if unit == "%":
        return QLocale().toString(float(value) * 100, "f", 1) + "%"
    if unit == "小时":
        return QLocale().toString(float(value), "f", 1)
    if unit == "分":
        return QLocale().toString(float(value), "f", 2)
    return QLocale().toString(int(value))


# ---------------------------------------------------------------------------------------------
# Period chooser (shared with the 报告 tab)
# ---------------------------------------------------------------------------------------------


def _convert_part(part: int, old_kind: str, kind: str) -> int:
    """The month or quarter holding the same moment after the kind changed."""
    if old_kind == MONTH and kind == QUARTER:
        return (part - 1) // 3 + 1
    if old_kind == QUARTER and kind == MONTH:
        return 3 * (part - 1) + 1
    return part if kind != YEAR else 1


class PeriodChooser(QWidget):
    """Month / quarter / year, the year, and which month or quarter; ◀ ▶ step through."""

    periodChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("periodKind")
        for key, text in PERIOD_KINDS:
            self.kind_combo.addItem(_t("PeriodChooser", text), key)
        self.previous_button = QToolButton()
        self.previous_button.setObjectName("previousPeriod")
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip(self.tr("Previous period"))
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("periodYear")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(dt.date.today().year)
        self.year_spin.setSuffix(self.tr(" (year)"))
        self.part_combo = QComboBox()
        self.part_combo.setObjectName("periodPart")
        self.next_button = QToolButton()
        self.next_button.setObjectName("nextPeriod")
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Next period"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.year_spin)
        layout.addWidget(self.part_combo)
        layout.addWidget(self.next_button)
        self._fill_parts(MONTH, 1)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.year_spin.valueChanged.connect(lambda _v: self.periodChanged.emit())
        self.part_combo.currentIndexChanged.connect(lambda _i: self.periodChanged.emit())
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))

    def _fill_parts(self, kind: str, part: int) -> None:
        self.part_combo.blockSignals(True)
        self.part_combo.clear()
        if kind == MONTH:
            for number in range(1, 13):
                self.part_combo.addItem(self.tr("%1 (month)").replace("%1", str(number)), number)
        elif kind == QUARTER:
            for number in range(1, 5):
                self.part_combo.addItem(self.tr("Q%1").replace("%1", str(number)), number)
        self.part_combo.setVisible(kind != YEAR)
        index = self.part_combo.findData(part)
        self.part_combo.setCurrentIndex(max(index, 0))
        self.part_combo.blockSignals(False)

    def _kind_changed(self) -> None:
        # Keep the same moment in view: October becomes Q4, Q4 becomes October.
        old_kind = {12: MONTH, 4: QUARTER}.get(self.part_combo.count(), YEAR)
        kind = str(self.kind_combo.currentData())
        self._fill_parts(kind, _convert_part(self.part_combo.currentData() or 1, old_kind, kind))
        self.periodChanged.emit()

    def selection(self) -> tuple[str, int, int]:
        """(kind, year, month 1–12 or quarter 1–4; 1 for a year)."""
        kind = str(self.kind_combo.currentData())
        part = int(self.part_combo.currentData() or 1) if kind != YEAR else 1
        return kind, self.year_spin.value(), part

    def set_selection(self, kind: str, year: int, part: int = 1) -> None:
        """Show a period without announcing it (the caller loads)."""
        for widget in (self.kind_combo, self.year_spin, self.part_combo):
            widget.blockSignals(True)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        self.year_spin.setValue(year)
        for widget in (self.kind_combo, self.year_spin):
            widget.blockSignals(False)
        self._fill_parts(kind, part)

    def set_kind_fixed(self, kind: str) -> None:
        """The report tab decides the kind: hide the kind combo and follow the given one."""
        self.kind_combo.setVisible(False)
        old_kind, year, part = self.selection()
        self.set_selection(kind, year, _convert_part(part, old_kind, kind))

    def step(self, direction: int) -> None:
        kind, year, part = self.selection()
        per_year = {MONTH: 12, QUARTER: 4, YEAR: 1}[kind]
        position = year * per_year + (part - 1) + direction
        self.set_selection(kind, position // per_year, position % per_year + 1)
        self.periodChanged.emit()


# ---------------------------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------------------------


class KpiTableModel(QAbstractTableModel):
    """One row per person or department; the numbers are the analytics' KpiRow values."""

    COL_NAME = 0
    FIRST_KPI = 1
    COL_TREND = FIRST_KPI + len(KPI_COLUMNS)
    COLUMN_COUNT = COL_TREND + 1
    SortRole = Qt.ItemDataRole.UserRole + 1  # the raw number (None sorts last) or the name
    RowRole = Qt.ItemDataRole.UserRole + 2  # the KpiRow
    KeyRole = Qt.ItemDataRole.UserRole + 3  # the person's / department's id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._trends: dict[Any, list[float | None]] = {}
        self._definitions: dict[str, KpiDefinitionText] = {}
        self._by = "person"
        self._trend_kpi = "handled"
        self._month_labels: list[str] = []

    # -- filled by the page ------------------------------------------------------------------
    def set_definitions(self, definitions: Sequence[KpiDefinitionText]) -> None:
        self._definitions = {d.identifier: d for d in definitions}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)

    def set_rows(self, rows: Sequence[Any], by: str) -> None:
        """New rows; their trends follow (set_trends) — until then the trend cells are empty."""
        self.beginResetModel()
        self._rows = list(rows)
        self._trends = {}
        self._by = by
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)

    def set_trends(self, trends: dict[Any, list[float | None]], trend_kpi: str,
                   month_labels: Sequence[str]) -> None:
        self._trends = dict(trends)
        self._trend_kpi = trend_kpi
        self._month_labels = list(month_labels)
        if self._rows:
            self.dataChanged.emit(self.index(0, self.COL_TREND),
                                  self.index(len(self._rows) - 1, self.COL_TREND))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.COL_TREND, self.COL_TREND)

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def kpi_of_column(self, column: int) -> str | None:
        if self.FIRST_KPI <= column < self.COL_TREND:
            return KPI_COLUMNS[column - self.FIRST_KPI][0]
        return None

    def trend_of(self, key: Any) -> list[float | None]:
        return self._trends.get(key) or [None] * len(self._month_labels)

    def unit(self, identifier: str) -> str:
        definition = self._definitions.get(identifier)
        return definition.unit if definition else ""

    # -- Qt ----------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt's name)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        kpi = self.kpi_of_column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.COL_NAME:
                return self.tr("Person") if self._by == "person" else self.tr("Project department")
            if section == self.COL_TREND:
                return self.tr("Trend: %1").replace("%1", self._trend_name())
            return _t("KpiTableModel", KPI_COLUMNS[section - self.FIRST_KPI][1])
        if role == Qt.ItemDataRole.ToolTipRole:
            if kpi is not None and kpi in self._definitions:
                definition = self._definitions[kpi]
                return f"{definition.name}（{definition.unit}）：{definition.definition}"
            if section == self.COL_TREND:
                months = (f"{self._month_labels[0]} – {self._month_labels[-1]}"
                          if self._month_labels else "")
                return self.tr("%1 per month, %2. The last point is the latest month.").replace(
                    "%1", self._trend_name()).replace("%2", months)
        if role == Qt.ItemDataRole.TextAlignmentRole and section != self.COL_NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _trend_name(self) -> str:
        definition = self._definitions.get(self._trend_kpi)
        return definition.name if definition else self._trend_kpi

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        kpi = self.kpi_of_column(column)
        if role == self.RowRole:
            return row
        if role == self.KeyRole:
            return row.key
        if column == self.COL_NAME:
            if role in (Qt.ItemDataRole.DisplayRole, self.SortRole):
                return row.name
            return None
        if column == self.COL_TREND:
            values = self.trend_of(row.key)
            if role == VALUES_ROLE:
                return values
            if role == RANGE_ROLE:
                return {"%": (0.0, 1.0), "分": (1.0, 5.0)}.get(self.unit(self._trend_kpi))
            if role == self.SortRole:
                return next((v for v in reversed(values) if v is not None), None)
            if role == Qt.ItemDataRole.ToolTipRole:
                unit = self.unit(self._trend_kpi)
                return "\n".join(f"{label}：{format_value(value, unit)}"
                                 for label, value in zip(self._month_labels, values, strict=False))
            return None
        value = getattr(row, kpi)
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(value, self.unit(kpi))
        if role == self.SortRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tip(row, kpi)
        return None

    def _cell_tip(self, row: Any, kpi: str) -> str:
        """The counts behind a rate or a mean, so "80%" is seen as "4 of 5"."""
        tips = {
            "handled": lambda: self.tr("%1 tickets accepted").replace("%1", str(row.handled)),
            "mean_response_hours": lambda: self.tr("%1 tickets responded to").replace(
                "%1", str(row.responded)),
            "on_time_rate": lambda: self.tr("%1 of %2 completion reports on time").replace(
                "%1", str(row.completed_on_time)).replace("%2", str(row.completed)),
            "rework_rate": lambda: self.tr("%1 of %2 accepted tickets were reworked").replace(
                "%1", str(row.reworked)).replace("%2", str(row.handled)),
            "mean_satisfaction": lambda: self.tr("%1 scores").replace("%1", str(row.rated)),
            "first_time_fix_rate": lambda: self.tr(
                "%1 of %2 accepted tickets fixed the first time").replace(
                "%1", str(row.first_time_fixed)).replace("%2", str(row.handled)),
            "complaints": lambda: self.tr(
                "%1 low scores, %2 failed acceptances, %3 reopenings").replace(
                "%1", str(row.low_scores)).replace("%2", str(row.failed_acceptances)).replace(
                "%3", str(row.reopenings)),
        }
        return tips[kpi]()


class KpiSortProxy(QSortFilterProxyModel):
    """Numeric sort on the raw values; rows without a value stay last in either direction."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(KpiTableModel.SortRole)
        self._collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,  # noqa: N802 (Qt's name)
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        a, b = left.data(self.sortRole()), right.data(self.sortRole())
        if a is None or b is None:
            if a is None and b is None:
                return False
            # Qt reverses lessThan for a descending sort: answer so that None ends up last.
            none_is_less = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return (a is None) == none_is_less
        if isinstance(a, str) or isinstance(b, str):
            return self._collator.compare(str(a), str(b)) < 0
        return a < b


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------


class KpiPage(QWidget):
    """Lays out the KPI table and its choosers; the controller loads and exports."""

    optionsChanged = Signal()  # period, grouping or scope
    trendChanged = Signal()  # the indicator the trend column follows
    refreshRequested = Signal()
    exportRequested = Signal(str)  # the chosen .xlsx path
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiPage")
        title = QLabel(self.tr("KPIs"))
        title.setObjectName("pageTitle")
        self.period_chooser = PeriodChooser()
        self.grouping_combo = QComboBox()
        self.grouping_combo.setObjectName("kpiGrouping")
        for key, text in GROUPINGS:
            self.grouping_combo.addItem(_t("KpiPage", text), key)
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("kpiScope")
        self.scope_combo.setMinimumContentsLength(12)
        self.scope_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope_combo.addItem(self.tr("All projects"), None)
        self.trend_combo = QComboBox()
        self.trend_combo.setObjectName("kpiTrend")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("kpiRefresh")
        self.export_button = QPushButton(self.tr("Export Excel…"))
        self.export_button.setObjectName("kpiExport")
        self.export_button.setEnabled(False)
        self.status_label = QLabel()
        self.status_label.setObjectName("kpiStatus")
        self.status_label.setStyleSheet("color: #5f6b7a;")

        self.model = KpiTableModel(self)
        self.proxy = KpiSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("kpiTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(KpiTableModel.FIRST_KPI, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(KpiTableModel.COL_TREND, SparklineDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(64)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter)
        self.table.setColumnWidth(KpiTableModel.COL_NAME, 150)
        for column in range(KpiTableModel.FIRST_KPI, KpiTableModel.COL_TREND):
            self.table.setColumnWidth(column, 104)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("kpiTotals")
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.period_chooser)
        bar.addSpacing(12)
        bar.addWidget(self.grouping_combo)
        bar.addWidget(QLabel(self.tr("Scope")))
        bar.addWidget(self.scope_combo)
        bar.addStretch(1)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Trend of")))
        tools.addWidget(self.trend_combo)
        tools.addSpacing(12)
        tools.addWidget(self.status_label, 1)
        tools.addWidget(self.refresh_button)
        tools.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals_label)

        self.period_chooser.periodChanged.connect(self.optionsChanged.emit)
        for combo in (self.grouping_combo, self.scope_combo):
            combo.currentIndexChanged.connect(lambda _i: self.optionsChanged.emit())
        self.trend_combo.currentIndexChanged.connect(lambda _i: self.trendChanged.emit())
        self.refresh_button.clicked.connect(self.refreshRequested.emit)
        self.export_button.clicked.connect(self._ask_export)
        self._definitions: list[KpiDefinitionText] = []
        self._sized = False
        self._export_name = "绩效.xlsx"

    # -- filled by the controller ------------------------------------------------------------
    def set_definitions(self, definitions: Sequence[tuple[str, str, str, str]]) -> None:
        """(identifier, 中文名称, unit, definition) per indicator: header tooltips, trend list."""
        self._definitions = [KpiDefinitionText(*d) for d in definitions]
        self.model.set_definitions(self._definitions)
        self.trend_combo.blockSignals(True)
        current = self.trend_combo.currentData()
        self.trend_combo.clear()
        for definition in self._definitions:
            self.trend_combo.addItem(definition.name, definition.identifier)
        self.trend_combo.setCurrentIndex(max(self.trend_combo.findData(current), 0))
        self.trend_combo.blockSignals(False)

    def set_projects(self, projects: Sequence[tuple[uuid.UUID, str]]) -> None:
        self.scope_combo.blockSignals(True)
        current = self.scope_combo.currentData()
        while self.scope_combo.count() > 1:
            self.scope_combo.removeItem(1)
        for project_id, name in projects:
            self.scope_combo.addItem(name, project_id)
        self.scope_combo.setCurrentIndex(max(self.scope_combo.findData(current), 0))
        self.scope_combo.blockSignals(False)

    def set_period(self, kind: str, year: int, part: int = 1) -> None:
        self.period_chooser.set_selection(kind, year, part)

    def options(self) -> dict[str, Any]:
        """What to show: period kind, year, month/quarter, grouping, project id, trend KPI."""
        kind, year, part = self.period_chooser.selection()
        return {
            "kind": kind, "year": year, "part": part,
            "by": self.grouping_combo.currentData(),
            "project_id": self.scope_combo.currentData(),
            "trend_kpi": self.trend_combo.currentData() or "handled",
        }

    def show_loading(self) -> None:
        self.status_label.setText(self.tr("Calculating…"))
        self.refresh_button.setEnabled(False)

    def show_table(self, rows: Sequence[Any], totals: Any, by: str, description: str,
                   export_name: str) -> None:
        """Show a loaded table; `description` names the period and scope for the status line."""
        self.model.set_rows(rows, by)
        if not self._sized:  # once: later the user's own widths stay
            self._sized = True
            for column in range(KpiTableModel.FIRST_KPI, KpiTableModel.COL_TREND):
                self.table.setColumnWidth(column, max(
                    96, self.table.horizontalHeader().sectionSizeHint(column) + 8))
        self.table.sortByColumn(self.table.horizontalHeader().sortIndicatorSection(),
                                self.table.horizontalHeader().sortIndicatorOrder())
        self.totals_label.setText(self._totals_text(totals))
        count = len(rows)
        what = (self.tr("People: %1") if by == "person" else self.tr("Departments: %1")).replace(
            "%1", str(count))
        self.status_label.setText(f"{description} · {what}")
        self.refresh_button.setEnabled(True)
        self.export_button.setEnabled(True)
        self._export_name = export_name

    def show_trends(self, trends: dict[Any, list[float | None]], trend_kpi: str,
                    month_labels: Sequence[str]) -> None:
        """Each row's values of `trend_kpi`, one per month of `month_labels` (2026-06 …)."""
        self.model.set_trends(trends, trend_kpi, month_labels)
        if self.table.horizontalHeader().sortIndicatorSection() == KpiTableModel.COL_TREND:
            self.proxy.invalidate()

    def show_failure(self, message: str) -> None:
        self.status_label.setText(message)
        self.refresh_button.setEnabled(True)

    def _totals_text(self, totals: Any) -> str:
        parts = []
        for definition in self._definitions:
            value = format_value(getattr(totals, definition.identifier), definition.unit)
            unit = "" if definition.unit == "%" or value == EMPTY else definition.unit
            parts.append(f"{definition.name} {value}{unit}")
        return self.tr("Totals: %1").replace("%1", " · ".join(parts))

    # -- export ------------------------------------------------------------------------------
    def ask_export_path(self, file_name: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export KPIs to Excel"), file_name, self.tr("Excel workbooks (*.xlsx)"))
        if path and not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return path

    def _ask_export(self) -> None:
        path = self.ask_export_path(self._export_name)
        if path:
            self.exportRequested.emit(path)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.shown.emit()
