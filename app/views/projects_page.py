"""The 项目 page: the project list with its editor and location tree, and 组织与人员."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.views.labels import project_type_label
from app.views.location_tree_panel import LocationTreePanel
from app.views.master_form_support import CloseGuard, may_discard
from app.views.project_editor import ProjectEditor
from app.views.staff_panel import StaffPanel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
LOCATIONS_TAB = 4


class ProjectsPage(QWidget):
    """Lays out the page; ProjectsController fills it and saves what the clerk changes."""

    projectSelected = Signal(object)  # project id
    newProjectRequested = Signal()
    shown = Signal()  # the page became visible (the controller loads it the first time)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Projects"))
        title.setObjectName("pageTitle")

        self.filter_edit = QLineEdit(objectName="projectFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter by code or name"))
        self.project_table = QTableWidget(0, 4, objectName="projectTable")
        self.project_table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Name"), self.tr("Type"), self.tr("Places")]
        )
        self.project_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.project_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.project_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.project_table.verticalHeader().setVisible(False)
        self.project_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.project_table.setWordWrap(False)
        header = self.project_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.new_button = QPushButton(
            self.tr("New project (Ctrl+Shift+N)"), objectName="newProject"
        )
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.filter_edit)
        left_column.addWidget(self.project_table, 1)
        left_column.addWidget(self.new_button)

        self.editor = ProjectEditor()
        self.locations = LocationTreePanel()
        self.editor.tabs.addTab(self.locations, self.tr("Locations"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([380, 900])

        self.staff = StaffPanel()
        self.tabs = QTabWidget(objectName="projectsPageTabs")
        self.tabs.addTab(splitter, self.tr("Projects"))
        self.tabs.addTab(self.staff, self.tr("Organisation and staff"))

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.close_guard = CloseGuard(self, self.may_leave)
        self.project_table.currentCellChanged.connect(self._row_changed)
        self.new_button.clicked.connect(self._new_project)
        self.filter_edit.textChanged.connect(self._filter)
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+N"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._new_project)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.close_guard.attach()
        self.shown.emit()

    # -- the list ----------------------------------------------------------------------------------
    def set_projects(self, rows: list, select: uuid.UUID | None = None) -> None:
        table = self.project_table
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for row, project in enumerate(rows):
            values = (
                project.code,
                project.name,
                project_type_label(project.type),
                f"{project.places:,}",
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, project.id)
                item.setToolTip(f"{project.name}\n{project.dept_name} · {project.handover_date}")
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, item)
        table.blockSignals(False)
        self._select_quietly(select)
        self._filter(self.filter_edit.text())

    def selected_project(self) -> uuid.UUID | None:
        row = self.project_table.currentRow()
        return self.project_table.item(row, 0).data(ID_ROLE) if row >= 0 else None

    def _filter(self, text: str) -> None:
        text = text.strip().lower()
        for row in range(self.project_table.rowCount()):
            shown = not text or any(
                text in self.project_table.item(row, column).text().lower() for column in (0, 1)
            )
            self.project_table.setRowHidden(row, not shown)

    def _row_changed(self, row: int, _column: int, previous: int, _prev_column: int) -> None:
        if row < 0 or row == previous:
            return
        target = self.project_table.item(row, 0).data(ID_ROLE)
        previous_id = self.project_table.item(previous, 0).data(ID_ROLE) if previous >= 0 else None
        leave = self._may_leave_project()  # saving may reload (and reorder) the list
        self._select_quietly(target if leave else previous_id)
        if leave:
            self.projectSelected.emit(target)

    def select_project(self, project_id: uuid.UUID | None) -> None:
        """Select a row without asking or announcing (the controller opens the project)."""
        self._select_quietly(project_id)

    def _select_quietly(self, project_id: uuid.UUID | None) -> None:
        table = self.project_table
        table.blockSignals(True)
        table.clearSelection()
        table.setCurrentCell(-1, -1)
        for row in range(table.rowCount()):
            if table.item(row, 0).data(ID_ROLE) == project_id:
                table.setCurrentCell(row, 1)
        table.blockSignals(False)

    def _new_project(self) -> None:
        if self._may_leave_project():
            self.tabs.setCurrentIndex(0)
            self._select_quietly(None)
            self.newProjectRequested.emit()
            self.editor.tabs.setCurrentIndex(0)
            self.editor.code_edit.setFocus()

    # -- unsaved changes -------------------------------------------------------------------------
    def _may_leave_project(self) -> bool:
        return may_discard(
            self, self.editor.tracker, self.tr("This project"), self.editor.saveRequested.emit
        )

    def may_leave(self) -> bool:
        """Asked before the window closes: every editor on this page is saved or discarded."""
        staff = self.staff
        return (
            self._may_leave_project()
            and may_discard(
                self, staff.org_tracker, self.tr("This unit"), staff.saveOrgRequested.emit
            )
            and may_discard(
                self, staff.staff_tracker, self.tr("This person"), staff.saveStaffRequested.emit
            )
        )

    def show_locations_enabled(self, enabled: bool) -> None:
        """A new project has no places until it is saved."""
        self.editor.tabs.setTabEnabled(LOCATIONS_TAB, enabled)
