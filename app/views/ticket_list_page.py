"""The 报修单 page: filter bar, search box and the lazily loaded ticket table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.vocabulary import OPEN_STATES
from app.views.labels import TICKET_STATES, URGENCIES, state_label, urgency_label
from app.views.ticket_table_model import TicketTableModel

SEARCH_PAUSE_MS = 250


class TicketListPage(QWidget):
    """Lays out the list; the controller reads the filters and feeds the model."""

    filtersChanged = Signal()
    ticketActivated = Signal(object)  # the row object of the double-clicked ticket

    def __init__(self, model: TicketTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

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
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("State")))
        filters.addWidget(self.state_combo)
        filters.addWidget(QLabel(self.tr("Project")))
        filters.addWidget(self.project_combo, 1)
        filters.addWidget(QLabel(self.tr("Urgency")))
        filters.addWidget(self.urgency_combo)
        filters.addWidget(self.search_edit, 2)

        self.table = QTableView()
        self.table.setObjectName("ticketTable")
        self.table.setModel(model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            TicketTableModel.COL_REPORTED_AT, Qt.SortOrder.DescendingOrder
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in {
            TicketTableModel.COL_NUMBER: 170,
            TicketTableModel.COL_STATE: 90,
            TicketTableModel.COL_URGENCY: 60,
            TicketTableModel.COL_PROJECT: 150,
            TicketTableModel.COL_LOCATION: 150,
            TicketTableModel.COL_CATEGORY: 100,
            TicketTableModel.COL_REPORTER: 70,
            TicketTableModel.COL_PHONE: 110,
            TicketTableModel.COL_DESCRIPTION: 300,
            TicketTableModel.COL_OWNER: 70,
            TicketTableModel.COL_REPORTED_AT: 130,
        }.items():
            header.resizeSection(column, width)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.filtersChanged)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._apply_search_now)
        for combo in (self.state_combo, self.project_combo, self.urgency_combo):
            combo.currentIndexChanged.connect(self.filtersChanged)
        self.table.doubleClicked.connect(self._on_double_click)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_edit.setFocus)

    def _apply_search_now(self) -> None:
        self._search_timer.stop()
        self.filtersChanged.emit()

    def _on_double_click(self, index: QModelIndex) -> None:
        self.ticketActivated.emit(self.model.row_at(index.row()))

    # -- what the controller reads and sets ----------------------------------------------
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

    def show_count(self, total: int | None) -> None:
        if total is None:
            self.count_label.setText(self.tr("Counting…"))
        else:
            self.count_label.setText(self.tr("%n ticket(s)", "", total))
