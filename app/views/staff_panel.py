"""The 组织与人员 tab: organisation units (HQ, project departments, subcontractors) and staff."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.master_forms import Choice, OrgUnitForm, StaffForm
from app.views.labels import ORG_KINDS, ROLES, org_kind_label, role_label
from app.views.master_form_support import DirtyTracker, ProblemLabel, may_discard
from app.views.stage_form import find_data

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _table(object_name: str, headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=object_name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(False)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _select_row_with(table: QTableWidget, row_id: uuid.UUID | None) -> None:
    for row in range(table.rowCount()):
        if table.item(row, 0).data(ID_ROLE) == row_id:
            table.setCurrentCell(row, 0)
            return


class StaffPanel(QWidget):
    """Lays out both lists and their forms; the controller loads, checks and saves."""

    orgSelected = Signal(object)  # org unit id
    newOrgRequested = Signal()
    saveOrgRequested = Signal()
    staffSelected = Signal(object)  # staff id
    newStaffRequested = Signal()
    saveStaffRequested = Signal()
    activeToggleRequested = Signal(object, bool)  # staff id, new active flag
    staffFilterChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.org_tracker = DirtyTracker(self)
        self.staff_tracker = DirtyTracker(self)
        self._org_id: uuid.UUID | None = None
        self._staff_id: uuid.UUID | None = None
        self._staff_active = True
        self.org_problems: dict[str, ProblemLabel] = {}
        self.staff_problems: dict[str, ProblemLabel] = {}

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._org_box())
        splitter.addWidget(self._staff_box())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.org_tracker.dirtyChanged.connect(self.save_org_button.setEnabled)
        self.staff_tracker.dirtyChanged.connect(self.save_staff_button.setEnabled)
        self.save_org_button.setEnabled(False)
        self.save_staff_button.setEnabled(False)

    def _field(
        self,
        form: QFormLayout,
        label: str,
        widget: QWidget,
        key: str,
        problems: dict[str, ProblemLabel],
        tracker: DirtyTracker,
    ) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        problem = ProblemLabel()
        column.addWidget(problem)
        problems[key] = problem
        form.addRow(label, box)
        tracker.watch(widget)

    def _org_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Organisation units"))
        self.org_table = _table(
            "orgTable",
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Trades"),
                self.tr("Contact"),
                self.tr("Phone"),
                self.tr("Active staff"),
            ],
            0,
        )
        self.org_name_edit = QLineEdit(objectName="orgName")
        self.org_kind_combo = QComboBox(objectName="orgKind")
        for code in ORG_KINDS:
            self.org_kind_combo.addItem(org_kind_label(code), code)
        self.org_trades_edit = QLineEdit(objectName="orgTrades")
        self.org_trades_edit.setPlaceholderText(self.tr("Subcontractors: trades, e.g. 防水、堵漏"))
        self.org_contact_edit = QLineEdit(objectName="orgContact")
        self.org_phone_edit = QLineEdit(objectName="orgPhone")
        form = QFormLayout()
        tracker, problems = self.org_tracker, self.org_problems
        self._field(form, self.tr("Name"), self.org_name_edit, "name", problems, tracker)
        self._field(form, self.tr("Kind"), self.org_kind_combo, "kind", problems, tracker)
        self._field(form, self.tr("Trades"), self.org_trades_edit, "trades", problems, tracker)
        self._field(
            form, self.tr("Contact"), self.org_contact_edit, "contact_name", problems, tracker
        )
        self._field(
            form, self.tr("Contact phone"), self.org_phone_edit, "contact_phone", problems, tracker
        )
        self.org_summary = ProblemLabel()
        self.new_org_button = QPushButton(self.tr("New unit"), objectName="newOrg")
        self.save_org_button = QPushButton(self.tr("Save unit"), objectName="saveOrg")
        buttons = QHBoxLayout()
        buttons.addWidget(self.org_summary, 1)
        buttons.addWidget(self.new_org_button)
        buttons.addWidget(self.save_org_button)
        column = QVBoxLayout(box)
        column.addWidget(self.org_table, 1)
        column.addLayout(form)
        column.addLayout(buttons)
        self.org_table.currentCellChanged.connect(self._org_row_changed)
        self.new_org_button.clicked.connect(self._new_org)
        self.save_org_button.clicked.connect(self.saveOrgRequested)
        return box

    def _staff_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Staff"))
        self.staff_search = QLineEdit(objectName="staffSearch")
        self.staff_search.setClearButtonEnabled(True)
        self.staff_search.setPlaceholderText(self.tr("Search name, phone or unit"))
        self.show_inactive = QCheckBox(self.tr("Show deactivated"), objectName="showInactive")
        self.show_inactive.setChecked(True)
        filters = QHBoxLayout()
        filters.addWidget(self.staff_search, 1)
        filters.addWidget(self.show_inactive)
        self.staff_table = _table(
            "staffTable",
            [
                self.tr("Name"),
                self.tr("Phone"),
                self.tr("Role"),
                self.tr("Unit"),
                self.tr("Status"),
            ],
            3,
        )
        self.staff_name_edit = QLineEdit(objectName="staffName")
        self.staff_phone_edit = QLineEdit(objectName="staffPhone")
        self.staff_role_combo = QComboBox(objectName="staffRole")
        for code in ROLES:
            self.staff_role_combo.addItem(role_label(code), code)
        self.staff_org_combo = QComboBox(objectName="staffOrg")
        form = QFormLayout()
        tracker, problems = self.staff_tracker, self.staff_problems
        self._field(form, self.tr("Name"), self.staff_name_edit, "name", problems, tracker)
        self._field(form, self.tr("Phone"), self.staff_phone_edit, "phone", problems, tracker)
        self._field(form, self.tr("Role"), self.staff_role_combo, "role", problems, tracker)
        self._field(form, self.tr("Unit"), self.staff_org_combo, "org_unit_id", problems, tracker)
        self.staff_summary = ProblemLabel()
        self.staff_summary.setObjectName("staffProblems")
        self.new_staff_button = QPushButton(self.tr("New person"), objectName="newStaff")
        self.save_staff_button = QPushButton(self.tr("Save person"), objectName="saveStaff")
        self.active_button = QPushButton(self.tr("Deactivate"), objectName="toggleActive")
        self.active_button.setToolTip(
            self.tr("People are never deleted: deactivated staff keep their history")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.staff_summary, 1)
        buttons.addWidget(self.active_button)
        buttons.addWidget(self.new_staff_button)
        buttons.addWidget(self.save_staff_button)
        column = QVBoxLayout(box)
        column.addLayout(filters)
        column.addWidget(self.staff_table, 1)
        column.addLayout(form)
        column.addLayout(buttons)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self.staffFilterChanged)
        self.staff_search.textChanged.connect(self._filter_timer.start)
        self.show_inactive.toggled.connect(self.staffFilterChanged)
        self.staff_table.currentCellChanged.connect(self._staff_row_changed)
        self.new_staff_button.clicked.connect(self._new_staff)
        self.save_staff_button.clicked.connect(self.saveStaffRequested)
        self.active_button.clicked.connect(self._toggle_active)
        return box

    # -- organisation units ---------------------------------------------------------------------
    def set_org_units(self, rows: list, select: uuid.UUID | None = None) -> None:
        table = self.org_table
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for row, unit in enumerate(rows):
            values = (
                unit.name,
                org_kind_label(unit.kind),
                unit.trades,
                unit.contact_name,
                unit.contact_phone,
                str(unit.staff),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, unit.id)
                table.setItem(row, column, item)
        _select_row_with(table, select)
        table.blockSignals(False)

    def _org_row_changed(self, row: int, _column: int, previous: int, _prev_column: int) -> None:
        table = self.org_table
        if row < 0 or row == previous:
            return
        target = table.item(row, 0).data(ID_ROLE)
        previous_id = table.item(previous, 0).data(ID_ROLE) if previous >= 0 else None
        leave = may_discard(
            self, self.org_tracker, self.tr("This unit"), self.saveOrgRequested.emit
        )
        table.blockSignals(True)  # saving may have reloaded the list
        _select_row_with(table, target if leave else previous_id)
        table.blockSignals(False)
        if leave:
            self.orgSelected.emit(target)

    def _new_org(self) -> None:
        if may_discard(self, self.org_tracker, self.tr("This unit"), self.saveOrgRequested.emit):
            self.org_table.blockSignals(True)
            self.org_table.clearSelection()
            self.org_table.setCurrentCell(-1, -1)
            self.org_table.blockSignals(False)
            self.newOrgRequested.emit()
            self.org_name_edit.setFocus()

    def set_org_form(self, form: OrgUnitForm) -> None:
        with self.org_tracker.quiet():
            self._org_id = form.id
            self.org_name_edit.setText(form.name)
            self.org_kind_combo.setCurrentIndex(max(0, find_data(self.org_kind_combo, form.kind)))
            self.org_trades_edit.setText(form.trades)
            self.org_contact_edit.setText(form.contact_name)
            self.org_phone_edit.setText(form.contact_phone)
        self._org_parent = form.parent_id
        self.show_org_problems([])
        self.org_tracker.set_dirty(False)

    def org_form(self) -> OrgUnitForm:
        return OrgUnitForm(
            id=self._org_id,
            name=self.org_name_edit.text(),
            kind=self.org_kind_combo.currentData(),
            parent_id=getattr(self, "_org_parent", None),
            trades=self.org_trades_edit.text(),
            contact_name=self.org_contact_edit.text(),
            contact_phone=self.org_phone_edit.text(),
        )

    def show_org_problems(self, problems: list[tuple[str, str]]) -> None:
        _show(self.org_problems, self.org_summary, problems, self.tr("Not saved."))

    def org_saved(self) -> None:
        self.org_tracker.set_dirty(False)

    # -- staff -------------------------------------------------------------------------------------
    def set_org_choices(self, choices: list[Choice]) -> None:
        with self.staff_tracker.quiet():
            current = self.staff_org_combo.currentData()
            self.staff_org_combo.clear()
            self.staff_org_combo.addItem(self.tr("(choose)"), None)
            for choice in choices:
                self.staff_org_combo.addItem(choice.label, choice.id)
            self.staff_org_combo.setCurrentIndex(max(0, find_data(self.staff_org_combo, current)))

    def staff_filter(self) -> tuple[str, bool]:
        return self.staff_search.text().strip(), self.show_inactive.isChecked()

    def set_staff(self, rows: list, select: uuid.UUID | None = None) -> None:
        table = self.staff_table
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for row, person in enumerate(rows):
            status = self.tr("Active") if person.active else self.tr("Deactivated")
            values = (
                person.name,
                person.phone,
                role_label(person.role),
                person.org_unit_name,
                status,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, person.id)
                if not person.active:
                    item.setForeground(Qt.GlobalColor.gray)
                table.setItem(row, column, item)
        _select_row_with(table, select)
        table.blockSignals(False)

    def _staff_row_changed(self, row: int, _column: int, previous: int, _prev_column: int) -> None:
        table = self.staff_table
        if row < 0 or row == previous:
            return
        target = table.item(row, 0).data(ID_ROLE)
        previous_id = table.item(previous, 0).data(ID_ROLE) if previous >= 0 else None
        leave = may_discard(
            self, self.staff_tracker, self.tr("This person"), self.saveStaffRequested.emit
        )
        table.blockSignals(True)  # saving may have reloaded the list
        _select_row_with(table, target if leave else previous_id)
        table.blockSignals(False)
        if leave:
            self.staffSelected.emit(target)

    def _new_staff(self) -> None:
        if may_discard(
            self, self.staff_tracker, self.tr("This person"), self.saveStaffRequested.emit
        ):
            self.staff_table.blockSignals(True)
            self.staff_table.clearSelection()
            self.staff_table.setCurrentCell(-1, -1)
            self.staff_table.blockSignals(False)
            self.newStaffRequested.emit()
            self.staff_name_edit.setFocus()

    def set_staff_form(self, form: StaffForm) -> None:
        with self.staff_tracker.quiet():
            self._staff_id = form.id
            self._staff_active = form.active
            self.staff_name_edit.setText(form.name)
            self.staff_phone_edit.setText(form.phone)
            self.staff_role_combo.setCurrentIndex(
                max(0, find_data(self.staff_role_combo, form.role))
            )
            self.staff_org_combo.setCurrentIndex(
                max(0, find_data(self.staff_org_combo, form.org_unit_id))
            )
        self.active_button.setEnabled(form.id is not None)
        self.show_active(form.active)
        self.show_staff_problems([])
        self.staff_tracker.set_dirty(False)

    def show_active(self, active: bool) -> None:
        self._staff_active = active
        self.active_button.setText(self.tr("Deactivate") if active else self.tr("Reactivate"))

    def staff_form(self) -> StaffForm:
        return StaffForm(
            id=self._staff_id,
            name=self.staff_name_edit.text(),
            phone=self.staff_phone_edit.text(),
            role=self.staff_role_combo.currentData(),
            org_unit_id=self.staff_org_combo.currentData(),
            active=self._staff_active,
        )

    def show_staff_problems(self, problems: list[tuple[str, str]]) -> None:
        _show(self.staff_problems, self.staff_summary, problems, self.tr("Not saved."))

    def staff_saved(self) -> None:
        self.staff_tracker.set_dirty(False)

    def _toggle_active(self) -> None:
        if self._staff_id is not None:
            self.activeToggleRequested.emit(self._staff_id, not self._staff_active)

    def is_dirty(self) -> bool:
        return self.org_tracker.dirty or self.staff_tracker.dirty


def _show(
    labels: dict[str, ProblemLabel],
    summary: ProblemLabel,
    problems: list[tuple[str, str]],
    prefix: str,
) -> None:
    for label in labels.values():
        label.show_message("")
    loose = []
    for field, message in problems:
        if field in labels:
            labels[field].show_message(message)
        else:
            loose.append(message)
    if problems:
        summary.show_message(" ".join([prefix, *loose]))
    else:
        summary.show_message("")
