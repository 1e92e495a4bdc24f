"""The 报修单 page: quick filters, filter bar, search box and the lazily loaded ticket table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QDataStream,
    QMimeData,
    QModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models.vocabulary import OPEN_STATES
from app.views.assign_dialog import AssignDialog, OwnerChoice
from app.views.labels import TICKET_STATES, URGENCIES, state_label, urgency_label
from app.views.ticket_table_model import (
    AGE_BANDS,
    AGE_BAR_COLOURS,
    OVERDUE_RED,
    TicketTableModel,
)

SEARCH_PAUSE_MS = 250

# The built-in quick filters, in the order shown: (key, title). The controller turns a key
# into the SQL conditions; "all" adds none.
QUICK_FILTERS = [
    ("all", QT_TRANSLATE_NOOP("TicketListPage", "All")),
    ("mine", QT_TRANSLATE_NOOP("TicketListPage", "My open tickets")),
    ("overdue_today", QT_TRANSLATE_NOOP("TicketListPage", "Overdue today")),
    ("urgent", QT_TRANSLATE_NOOP("TicketListPage", "Urgent")),
    ("acceptance", QT_TRANSLATE_NOOP("TicketListPage", "Awaiting acceptance")),
    ("open", QT_TRANSLATE_NOOP("TicketListPage", "All open")),
]
QUICK_TIPS = {
    "all": QT_TRANSLATE_NOOP("TicketListPage", "Every ticket (the filters below still apply)"),
    "mine": QT_TRANSLATE_NOOP("TicketListPage", "Open tickets I am responsible for"),
    "overdue_today": QT_TRANSLATE_NOOP(
        "TicketListPage", "Open tickets already overdue or with a timer due before midnight"
    ),
    "urgent": QT_TRANSLATE_NOOP("TicketListPage", "Open emergency and urgent tickets"),
    "acceptance": QT_TRANSLATE_NOOP("TicketListPage", "Tickets waiting for the owner's acceptance"),
    "open": QT_TRANSLATE_NOOP("TicketListPage", "Every ticket not yet closed"),
}

_DEFAULT_WIDTHS = {
    TicketTableModel.COL_NUMBER: 150,
    TicketTableModel.COL_STATE: 112,
    TicketTableModel.COL_URGENCY: 64,
    TicketTableModel.COL_PROJECT: 118,
    TicketTableModel.COL_LOCATION: 118,
    TicketTableModel.COL_CATEGORY: 80,
    TicketTableModel.COL_REPORTER: 70,
    TicketTableModel.COL_PHONE: 110,
    TicketTableModel.COL_DESCRIPTION: 200,
    TicketTableModel.COL_OWNER: 60,
    TicketTableModel.COL_REPORTED_AT: 122,
    TicketTableModel.COL_AGE: 52,
    TicketTableModel.COL_DUE: 96,
    TicketTableModel.COL_COVERAGE: 100,
    TicketTableModel.COL_CHANNEL: 90,
    TicketTableModel.COL_CUSTOMER: 70,
    TicketTableModel.COL_REWORK: 56,
    TicketTableModel.COL_BUILDING_PART: 130,
}
# Shown left to right in this order until the clerk drags the columns.
_DEFAULT_ORDER = [
    TicketTableModel.COL_NUMBER,
    TicketTableModel.COL_STATE,
    TicketTableModel.COL_URGENCY,
    TicketTableModel.COL_AGE,
    TicketTableModel.COL_DUE,
    TicketTableModel.COL_PROJECT,
    TicketTableModel.COL_LOCATION,
    TicketTableModel.COL_CATEGORY,
    TicketTableModel.COL_DESCRIPTION,
    TicketTableModel.COL_OWNER,
    TicketTableModel.COL_REPORTED_AT,
    TicketTableModel.COL_REPORTER,
    TicketTableModel.COL_PHONE,
    TicketTableModel.COL_CUSTOMER,
    TicketTableModel.COL_CHANNEL,
    TicketTableModel.COL_COVERAGE,
    TicketTableModel.COL_BUILDING_PART,
    TicketTableModel.COL_REWORK,
]
_AGE_BAR_WIDTH = 4



# The forms a batch export can make: (kind, title).
DOCUMENT_KINDS = [
    ("confirmation", QT_TRANSLATE_NOOP("TicketListPage", "Completion confirmation forms…")),
    ("work-order", QT_TRANSLATE_NOOP("TicketListPage", "Work orders…")),
    ("not-covered", QT_TRANSLATE_NOOP("TicketListPage", "Not-covered notices…")),
]

class TicketDelegate(QStyledItemDelegate):
    """Draws the ageing bar beside the ticket number and the red 超时 badge in the state cell."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        column = index.column()
        band = index.data(TicketTableModel.AgeBandRole)
        overdue = bool(index.data(TicketTableModel.OverdueRole))
        badge = self._badge_text() if column == TicketTableModel.COL_STATE and overdue else ""
        bar = column == TicketTableModel.COL_NUMBER and band is not None
        if not badge and not bar:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        # Background and selection over the whole cell, then the text in what is left.
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        full = QRect(opt.rect)
        metrics = opt.fontMetrics
        badge_rect = QRect()
        if badge:
            width = metrics.horizontalAdvance(badge) + 10
            height = metrics.height() + 2
            badge_rect = QRect(full.right() - width - 3, full.center().y() - height // 2, width, height)
            opt.rect = full.adjusted(0, 0, -(width + 6), 0)
        if bar:
            opt.rect = opt.rect.adjusted(_AGE_BAR_WIDTH + 3, 0, 0, 0)
        opt.backgroundBrush = Qt.BrushStyle.NoBrush
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if bar:
            painter.fillRect(
                QRect(full.left() + 1, full.top() + 3, _AGE_BAR_WIDTH, full.height() - 6),
                AGE_BAR_COLOURS[band],
            )
        if badge:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(OVERDUE_RED)
            painter.drawRoundedRect(badge_rect, 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.restore()

    @staticmethod
    def _badge_text() -> str:
        return QCoreApplication.translate("TicketListPage", "Overdue")


def saved_section_count(state: QByteArray) -> int | None:
    """How many columns a saved header state (QHeaderView.saveState) describes, or None.

    Reads the head of Qt's format (marker, version, orientation, sort, visual and logical
    indices, hidden bits, hidden sizes, length, then the count).
    """
    stream = QDataStream(QByteArray(state))
    if stream.readInt32() != 0xFF or stream.readInt32() != 0:
        return None
    stream.readInt32(), stream.readInt32(), stream.readInt32(), stream.readBool()
    for _ in range(2):
        for _index in range(max(stream.readInt32(), 0)):
            stream.readInt32()
    stream.skipRawData((stream.readUInt32() + 7) // 8)
    for _pair in range(2 * stream.readUInt32()):
        stream.readInt32()
    stream.readInt32()
    count = stream.readInt32()
    return count if stream.status() == QDataStream.Status.Ok else None


class TicketHeader(QHeaderView):
    """The table header; a layout saved before columns were added keeps the new ones hidden."""

    def restoreState(self, state: QByteArray) -> bool:  # noqa: N802 (Qt's name)
        count = saved_section_count(state)
        restored = super().restoreState(state)
        if not restored or count is None or count >= self.count():
            return restored
        # Qt shows the columns the saved layout did not know, and keeps inner data that its
        # next restore refuses: rebuild the layout on a fresh header and take its state.
        probe = QHeaderView(self.orientation())
        probe.setModel(self.model())
        order = [self.logicalIndex(visual) for visual in range(self.count())]
        for visual, logical in enumerate(order):
            probe.moveSection(probe.visualIndex(logical), visual)
        for logical in range(self.count()):
            probe.resizeSection(logical, self.sectionSize(logical) or _DEFAULT_WIDTHS[logical])
            new = logical >= count and logical in TicketTableModel.HIDDEN_BY_DEFAULT
            probe.setSectionHidden(logical, new or self.isSectionHidden(logical))
        probe.setSortIndicator(self.sortIndicatorSection(), self.sortIndicatorOrder())
        return super().restoreState(probe.saveState())


class TicketTableView(QTableView):
    """The table, with Ctrl+C copying whole rows (not the one current cell) and Enter opening."""

    copyRequested = Signal()
    openRequested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copyRequested.emit()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.openRequested.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class TicketListPage(QWidget):
    """Lays out the list; the controller reads the filters, feeds the model and runs actions."""

    filtersChanged = Signal()
    ticketActivated = Signal(object)  # the row object of the double-clicked ticket
    newTicketRequested = Signal()
    assignRequested = Signal(list)  # ids of the selected tickets
    assignChosen = Signal(object, str)  # staff id, reason (from the assign dialog)
    assignRestConfirmed = Signal()  # "assign the others" after some tickets were refused
    saveFilterRequested = Signal(str)  # a name for the current filter
    savedFilterChosen = Signal(str)
    savedFilterRemoved = Signal(str)
    refreshRequested = Signal()
    exportRequested = Signal(str, str, list)  # document kind, folder, selected ids (empty: the filter)
    drillDownCleared = Signal()  # the clerk removed the dashboard's drill-down chip

    def __init__(self, model: TicketTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketListPage")
        self.model = model
        self.assign_dialog: AssignDialog | None = None
        self.question: QMessageBox | None = None  # the open "assign the others?" question
        self.name_dialog: QInputDialog | None = None

        # -- toolbar: actions, quick filters, saved filters, columns ------------------------
        self.new_button = QPushButton(self.tr("New ticket"))
        self.new_button.setObjectName("newTicketButton")
        self.new_button.setProperty("primary", True)
        self.new_button.setToolTip(self.tr("Register a new repair request (Ctrl+N)"))
        self.new_button.clicked.connect(self.newTicketRequested)
        self.assign_button = QPushButton(self.tr("Assign owner…"))
        self.assign_button.setObjectName("assignOwnerButton")
        self.assign_button.setToolTip(self.tr("Assign the selected tickets to one person (Ctrl+Shift+A)"))
        self.assign_button.clicked.connect(self.request_assignment)

        self.quick_group = QButtonGroup(self)
        self.quick_group.setExclusive(True)
        self.quick_buttons: dict[str, QToolButton] = {}
        quick = QHBoxLayout()
        quick.setSpacing(2)
        for key, title in QUICK_FILTERS:
            button = QToolButton()
            button.setObjectName("quickFilter")
            button.setProperty("filterKey", key)
            button.setText(QCoreApplication.translate("TicketListPage", title))
            button.setToolTip(QCoreApplication.translate("TicketListPage", QUICK_TIPS[key]))
            button.setCheckable(True)
            button.setAutoRaise(True)
            self.quick_group.addButton(button)
            self.quick_buttons[key] = button
            quick.addWidget(button)
        self.quick_buttons["all"].setChecked(True)
        self.quick_group.buttonToggled.connect(self._on_quick_toggled)

        self.saved_menu = QMenu(self)
        self.saved_menu.setObjectName("savedFilterMenu")
        self.saved_button = QToolButton()
        self.saved_button.setObjectName("savedFiltersButton")
        self.saved_button.setText(self.tr("Saved filters"))
        self.saved_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.saved_button.setMenu(self.saved_menu)
        self._saved_names: list[str] = []
        self.set_saved_filters([])

        self.column_menu = QMenu(self)
        self.column_menu.setObjectName("columnMenu")
        self.column_menu.aboutToShow.connect(self._fill_column_menu)
        self.columns_button = QToolButton()
        self.columns_button.setObjectName("columnsButton")
        self.columns_button.setText(self.tr("Columns"))
        self.columns_button.setToolTip(self.tr("Choose the columns shown (also: right-click the header)"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_button.setMenu(self.column_menu)

        self.export_menu = QMenu(self)
        self.export_menu.setObjectName("exportMenu")
        for kind, title in DOCUMENT_KINDS:
            self.export_menu.addAction(QCoreApplication.translate("TicketListPage", title),
                                       lambda kind=kind: self._choose_export_folder(kind))
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportButton")
        self.export_button.setText(self.tr("Export forms"))
        self.export_button.setToolTip(self.tr("Save a form as PDF for each selected ticket, or for every "
                                              "ticket of the filter when none is selected"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setMenu(self.export_menu)

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.new_button)
        toolbar.addWidget(self.assign_button)
        toolbar.addSpacing(12)
        toolbar.addLayout(quick)
        toolbar.addWidget(self.saved_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.export_button)
        toolbar.addWidget(self.columns_button)

        # -- filter bar ---------------------------------------------------------------------
        self.state_combo = QComboBox()
        self.state_combo.setObjectName("stateFilter")
        # Each entry carries the tuple of state codes it shows (empty: all).
        self.state_combo.addItem(self.tr("All states"), ())
        self.state_combo.addItem(self.tr("Open (not closed)"), tuple(s.value for s in OPEN_STATES))
        for code in TICKET_STATES:
            self.state_combo.addItem(state_label(code), (code,))

        self.project_combo = QComboBox()
        self.project_combo.setObjectName("projectFilter")
        self.project_combo.setMinimumContentsLength(12)
        self.project_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.project_combo.addItem(self.tr("All projects"), None)

        self.urgency_combo = QComboBox()
        self.urgency_combo.setObjectName("urgencyFilter")
        self.urgency_combo.addItem(self.tr("All urgencies"), None)
        for code in URGENCIES:
            self.urgency_combo.addItem(urgency_label(code), code)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Search number, description, location, reporter, phone…  (Ctrl+F)")
        )

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("State")))
        filters.addWidget(self.state_combo)
        filters.addWidget(QLabel(self.tr("Project")))
        filters.addWidget(self.project_combo, 1)
        filters.addWidget(QLabel(self.tr("Urgency")))
        filters.addWidget(self.urgency_combo)
        filters.addWidget(self.search_edit, 2)

        # A drill-down from a dashboard chart: what it shows, and ✕ to go back to all tickets.
        self.drill_chip = QFrame()
        self.drill_chip.setObjectName("drillDownChip")
        self.drill_chip.setStyleSheet(
            "QFrame#drillDownChip { background: #e3ebf5; border: 1px solid #b8c7da;"
            " border-radius: 10px; }"
        )
        self.drill_label = QLabel()
        self.drill_label.setObjectName("drillDownLabel")
        self.drill_close = QToolButton()
        self.drill_close.setObjectName("drillDownClose")
        self.drill_close.setText("✕")
        self.drill_close.setAutoRaise(True)
        self.drill_close.setToolTip(self.tr("Remove this chart filter"))
        self.drill_close.clicked.connect(self.drillDownCleared)
        chip = QHBoxLayout(self.drill_chip)
        chip.setContentsMargins(10, 1, 2, 1)
        chip.addWidget(self.drill_label, 1)
        chip.addWidget(self.drill_close)
        self.drill_chip.hide()

        # -- table --------------------------------------------------------------------------
        self.table = TicketTableView()
        self.table.setObjectName("ticketTable")
        self.table.setHorizontalHeader(TicketHeader(Qt.Orientation.Horizontal, self.table))
        self.table.setModel(model)
        self.table.setItemDelegate(TicketDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            TicketTableModel.COL_REPORTED_AT, Qt.SortOrder.DescendingOrder
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)  # a replaced header is not, unlike the table's own
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_column_menu)
        self._sort_section = header.sortIndicatorSection()
        self._sort_order = header.sortIndicatorOrder()
        header.sortIndicatorChanged.connect(self._keep_sortable_indicator)
        self.reset_columns()

        self.row_menu = QMenu(self)
        self.row_menu.setObjectName("rowMenu")
        self.open_action = self.row_menu.addAction(self.tr("Open ticket"))
        self.open_action.triggered.connect(self._open_current)
        self.assign_action = self.row_menu.addAction(self.tr("Assign owner…"))
        self.assign_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.assign_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.assign_action.triggered.connect(self.request_assignment)
        self.copy_action = self.row_menu.addAction(self.tr("Copy rows (for Excel)"))
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_selection)
        self.table.customContextMenuRequested.connect(self._show_row_menu)

        # -- status line: count, messages and the colour legend -------------------------------
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.message_label = QLabel()
        self.message_label.setObjectName("listMessage")
        self.legend = QLabel(self._legend_html())
        self.legend.setObjectName("ageLegend")
        status = QHBoxLayout()
        status.addWidget(self.count_label)
        status.addSpacing(16)
        status.addWidget(self.message_label, 1)
        status.addWidget(self.legend)

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.drill_chip, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table, 1)
        layout.addLayout(status)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.filtersChanged)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._apply_search_now)
        for combo in (self.state_combo, self.project_combo, self.urgency_combo):
            combo.currentIndexChanged.connect(self.filtersChanged)
        self.table.doubleClicked.connect(self._on_activated)
        self.table.openRequested.connect(self._on_activated)
        self.table.copyRequested.connect(self.copy_selection)

        QShortcut(QKeySequence.StandardKey.Find, self, self.search_edit.setFocus)
        self.new_action = QAction(self.tr("New ticket"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self.newTicketRequested)
        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.triggered.connect(self.refreshRequested)
        self.addActions([self.new_action, self.refresh_action, self.assign_action])
        self.table.addAction(self.copy_action)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._defer_to_window_shortcut()

    def _defer_to_window_shortcut(self) -> None:
        """Leave Ctrl+N to the main window when it offers it everywhere.

        Two shortcuts for one key in reach of the focus make Qt run neither, so the page keeps
        its own Ctrl+N only while nothing outside the page claims the key.
        """
        new = QKeySequence(QKeySequence.StandardKey.New)
        outside = [
            item for item in (*self.window().findChildren(QShortcut), *self.window().findChildren(QAction))
            if item is not self.new_action and not self._owns(item.parent())
        ]
        claimed = any(
            (item.key() if isinstance(item, QShortcut) else item.shortcut()) == new and item.isEnabled()
            for item in outside
        )
        self.new_action.setShortcut(QKeySequence() if claimed else new)

    def _owns(self, widget) -> bool:
        return widget is self or (isinstance(widget, QWidget) and self.isAncestorOf(widget))

    # -- filters ---------------------------------------------------------------------------
    def _apply_search_now(self) -> None:
        self._search_timer.stop()
        self.filtersChanged.emit()

    def _on_quick_toggled(self, button: QToolButton, checked: bool) -> None:
        if checked:
            self.filtersChanged.emit()

    def quick_filter(self) -> str:
        button = self.quick_group.checkedButton()
        return str(button.property("filterKey")) if button is not None else "all"

    def set_projects(self, projects: list[tuple[object, str]]) -> None:
        current = self.project_combo.currentData()
        self.project_combo.blockSignals(True)
        while self.project_combo.count() > 1:
            self.project_combo.removeItem(1)
        for project_id, name in projects:
            self.project_combo.addItem(name, project_id)
        index = self.project_combo.findData(current)
        self.project_combo.setCurrentIndex(max(index, 0))
        self.project_combo.blockSignals(False)

    def selected_states(self) -> tuple[str, ...]:
        return tuple(self.state_combo.currentData() or ())

    def selected_project(self):
        return self.project_combo.currentData()

    def selected_urgency(self):
        return self.urgency_combo.currentData()

    def search_text(self) -> str:
        return self.search_edit.text().strip()

    def filter_state(self) -> dict[str, Any]:
        """Everything the clerk chose, as plain values (what a saved filter stores)."""
        project = self.selected_project()
        return {
            "quick": self.quick_filter(),
            "states": list(self.selected_states()),
            "project": None if project is None else str(project),
            "urgency": self.selected_urgency(),
            "search": self.search_text(),
        }

    def apply_filter_state(self, state: dict[str, Any]) -> None:
        """Set every filter at once (a saved filter), then ask for one reload."""
        widgets = [self.state_combo, self.project_combo, self.urgency_combo, self.search_edit, self.quick_group]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            button = self.quick_buttons.get(str(state.get("quick") or "all"), self.quick_buttons["all"])
            button.setChecked(True)
            states = tuple(state.get("states") or ())
            index = next(
                (i for i in range(self.state_combo.count()) if tuple(self.state_combo.itemData(i)) == states), 0
            )
            self.state_combo.setCurrentIndex(index)
            project = state.get("project")
            index = next(
                (i for i in range(1, self.project_combo.count())
                 if str(self.project_combo.itemData(i)) == str(project)),
                0,
            )
            self.project_combo.setCurrentIndex(index)
            self.urgency_combo.setCurrentIndex(max(self.urgency_combo.findData(state.get("urgency")), 0))
            self.search_edit.setText(str(state.get("search") or ""))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._search_timer.stop()
        self.filtersChanged.emit()

    # -- drill-down from the dashboard -----------------------------------------------------
    def show_drill_down(self, title: str, project_id: Any = None) -> None:
        """Show the chip of a chart drill-down; the other filters go back to "all" (the
        project chooser shows the drill-down's project). The controller then reloads."""
        widgets = [self.state_combo, self.project_combo, self.urgency_combo, self.search_edit,
                   self.quick_group]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.quick_buttons["all"].setChecked(True)
            self.state_combo.setCurrentIndex(0)
            self.urgency_combo.setCurrentIndex(0)
            self.search_edit.clear()
            index = self.project_combo.findData(project_id) if project_id is not None else 0
            self.project_combo.setCurrentIndex(max(index, 0))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._search_timer.stop()
        self.drill_label.setText(self.tr("Chart filter: %1").replace("%1", title))
        self.drill_chip.setToolTip(title)
        self.drill_chip.show()

    def hide_drill_down(self) -> None:
        self.drill_chip.hide()
        self.drill_label.clear()

    def drill_down_text(self) -> str:
        return self.drill_label.text() if self.drill_chip.isVisibleTo(self) else ""

    # -- saved filters ---------------------------------------------------------------------
    def set_saved_filters(self, names: list[str]) -> None:
        """Rebuild the saved-filters menu: each name applies it; "Remove" lists them again."""
        self._saved_names = list(names)
        menu = self.saved_menu
        menu.clear()
        for name in names:
            action = menu.addAction(name)
            action.setObjectName("applySavedFilter")
            action.triggered.connect(lambda _checked=False, name=name: self.savedFilterChosen.emit(name))
        if names:
            menu.addSeparator()
        save = menu.addAction(self.tr("Save current filter as…"))
        save.setObjectName("saveFilterAction")
        save.triggered.connect(self.ask_filter_name)
        remove = menu.addMenu(self.tr("Remove saved filter"))
        remove.setObjectName("removeSavedFilterMenu")
        remove.setEnabled(bool(names))
        for name in names:
            action = remove.addAction(name)
            action.triggered.connect(lambda _checked=False, name=name: self.savedFilterRemoved.emit(name))

    def saved_filter_names(self) -> list[str]:
        return list(self._saved_names)

    def ask_filter_name(self) -> None:
        """Ask for a name (not modal: the list stays usable); OK emits saveFilterRequested."""
        dialog = QInputDialog(self)
        dialog.setObjectName("filterNameDialog")
        dialog.setWindowTitle(self.tr("Save filter"))
        dialog.setLabelText(self.tr("Name of this filter (quick filter, state, project, urgency, search):"))
        dialog.setTextValue(self._suggested_name())
        dialog.setOkButtonText(self.tr("Save"))

        def chosen(text: str) -> None:
            name = " ".join(text.split())
            if name:
                self.saveFilterRequested.emit(name)

        dialog.textValueSelected.connect(chosen)
        dialog.finished.connect(lambda _result: setattr(self, "name_dialog", None))
        self.name_dialog = dialog
        dialog.open()

    def _suggested_name(self) -> str:
        parts = []
        if self.quick_filter() != "all":
            parts.append(self.quick_buttons[self.quick_filter()].text())
        for combo in (self.state_combo, self.project_combo, self.urgency_combo):
            if combo.currentIndex() > 0:
                parts.append(combo.currentText())
        if self.search_text():
            parts.append(self.search_text())
        return " · ".join(parts)

    # -- columns ---------------------------------------------------------------------------
    def reset_columns(self) -> None:
        """The default columns, order and widths (also the "Restore default columns" item)."""
        header = self.table.horizontalHeader()
        for visual, logical in enumerate(_DEFAULT_ORDER):
            header.moveSection(header.visualIndex(logical), visual)
        for logical in range(TicketTableModel.COLUMN_COUNT):
            header.setSectionHidden(logical, False)
            header.resizeSection(logical, _DEFAULT_WIDTHS[logical])
        for logical in TicketTableModel.HIDDEN_BY_DEFAULT:
            header.setSectionHidden(logical, True)

    def visible_columns(self) -> list[int]:
        """Logical columns shown, left to right as the clerk arranged them."""
        header = self.table.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return [c for c in logical if not header.isSectionHidden(c)]

    def set_column_visible(self, column: int, visible: bool) -> None:
        header = self.table.horizontalHeader()
        if not visible and (column == TicketTableModel.COL_NUMBER or len(self.visible_columns()) <= 1):
            return  # the number says which ticket a row is; it always stays
        header.setSectionHidden(column, not visible)
        if visible and header.sectionSize(column) < 30:
            header.resizeSection(column, _DEFAULT_WIDTHS[column])

    def _fill_column_menu(self) -> None:
        menu = self.column_menu
        menu.clear()
        header = self.table.horizontalHeader()
        titles = self.model.column_titles()
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            action = menu.addAction(titles[column])
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setData(column)
            action.setEnabled(column != TicketTableModel.COL_NUMBER)
            action.toggled.connect(lambda on, column=column: self.set_column_visible(column, on))
        menu.addSeparator()
        menu.addAction(self.tr("Restore default columns")).triggered.connect(self.reset_columns)

    def _show_column_menu(self, pos: QPoint) -> None:
        self._fill_column_menu()
        # popup, not exec: no nested event loop, and the menu stays testable.
        self.column_menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def _keep_sortable_indicator(self, section: int, order: Qt.SortOrder) -> None:
        """Only indexed columns sort (a sort over a million rows must not scan them all)."""
        header = self.table.horizontalHeader()
        if self.model.is_sortable(section):
            self._sort_section, self._sort_order = section, order
            return
        header.blockSignals(True)
        header.setSortIndicator(self._sort_section, self._sort_order)
        header.blockSignals(False)
        self.show_message(self.tr("This column cannot be sorted"))

    # -- rows ------------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def selected_ids(self) -> list[Any]:
        return [self.model.row_at(r).id for r in self.selected_rows()]

    def visible_row_ids(self) -> list[Any]:
        """Ids of the rows on screen now (the minute tick refreshes just those)."""
        first = self.table.rowAt(0)
        if first < 0:
            return []
        last = self.table.rowAt(self.table.viewport().height() - 1)
        last = self.model.rowCount() - 1 if last < 0 else last
        return [self.model.row_at(r).id for r in range(first, last + 1)]

    def first_visible_row(self) -> int:
        return max(self.table.rowAt(0), 0)

    def scroll_to_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.ticketActivated.emit(self.model.row_at(index.row()))

    def _open_current(self) -> None:
        self._on_activated(self.table.currentIndex())

    def _show_row_menu(self, pos: QPoint) -> None:
        has_rows = bool(self.selected_rows())
        for action in (self.open_action, self.assign_action, self.copy_action):
            action.setEnabled(has_rows)
        self.row_menu.popup(self.table.viewport().mapToGlobal(pos))

    def copy_selection(self) -> None:
        """Selected rows, shown columns only, as text and as an HTML table (Excel, WPS)."""
        rows = self.selected_rows()
        if not rows:
            return
        text, html = self.model.table_text(rows, self.visible_columns())
        data = QMimeData()
        data.setText(text)
        data.setHtml(html)
        QGuiApplication.clipboard().setMimeData(data)
        self.show_message(self.tr("%n row(s) copied", "", len(rows)))

    # -- assigning -------------------------------------------------------------------------
    def _choose_export_folder(self, kind: str) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the PDF files"))
        if folder:
            self.exportRequested.emit(kind, folder, self.selected_ids())

    def request_assignment(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.show_message(self.tr("Select the tickets to assign first"))
            return
        self.assignRequested.emit(ids)

    def show_assign_dialog(self, choices: list[OwnerChoice], numbers: list[str]) -> AssignDialog:
        self.close_assign_dialog()
        dialog = AssignDialog(choices, numbers, self)
        dialog.assignChosen.connect(self.assignChosen)
        dialog.rejected.connect(lambda: self._forget_assign_dialog(dialog))
        self.assign_dialog = dialog
        dialog.open()
        return dialog

    def _forget_assign_dialog(self, dialog: AssignDialog) -> None:
        if self.assign_dialog is dialog:  # cancelled by the clerk
            self.assign_dialog = None
            dialog.deleteLater()

    def close_assign_dialog(self) -> None:
        if self.assign_dialog is not None:
            self.assign_dialog.done(QDialog.DialogCode.Accepted)
            self.assign_dialog.deleteLater()
            self.assign_dialog = None

    def show_assign_refused(self, refusals: list[tuple[str, list[str]]], assignable: int) -> None:
        """Which tickets the engine refused and why; offer to assign the others if any."""
        lines = [f"{number}：{'；'.join(messages)}" for number, messages in refusals]
        details = "\n".join(lines[:12])
        if len(lines) > 12:
            details += "\n" + self.tr("… and %n more", "", len(lines) - 12)
        if self.assign_dialog is not None:
            self.assign_dialog.set_busy(False)
            self.assign_dialog.show_problems(details)
        box = QMessageBox(self.assign_dialog or self)
        box.setObjectName("assignRefusedBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Assign responsible owner"))
        box.setText(self.tr("%n ticket(s) cannot be assigned. Nothing has been changed.", "", len(refusals)))
        box.setInformativeText(details)
        if assignable:
            rest = box.addButton(
                self.tr("Assign the other %n", "", assignable), QMessageBox.ButtonRole.AcceptRole
            )
            rest.setObjectName("assignRestButton")
            rest.clicked.connect(self.assignRestConfirmed)
            box.addButton(self.tr("Back"), QMessageBox.ButtonRole.RejectRole)
        else:
            box.addButton(QMessageBox.StandardButton.Ok)
        box.finished.connect(lambda _result: setattr(self, "question", None))
        self.question = box
        box.open()

    def set_assign_busy(self, busy: bool) -> None:
        if self.assign_dialog is not None:
            self.assign_dialog.set_busy(busy)

    # -- messages --------------------------------------------------------------------------
    def show_count(self, total: int | None) -> None:
        if total is None:
            self.count_label.setText(self.tr("Counting…"))
        else:
            self.count_label.setText(self.tr("%n ticket(s)", "", total))

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)

    def _legend_html(self) -> str:
        swatches = "".join(
            f'<span style="color:{AGE_BAR_COLOURS[band].name()}">■</span>&nbsp;'
            f"{QCoreApplication.translate('TicketTableModel', AGE_BANDS[band])}&nbsp;&nbsp;"
            for band in range(len(AGE_BANDS))
        )
        overdue = self.tr("Overdue")
        badge = f'<span style="background:{OVERDUE_RED.name()};color:white">&nbsp;{overdue}&nbsp;</span>'
        age = self.tr("Age:")
        return f"{age}&nbsp;{swatches}{badge}"
