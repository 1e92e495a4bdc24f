"""The 客户 page: find customers by name, phone or unit; edit them and the units they own."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.master_forms import Choice, CustomerForm, OwnershipForm
from app.views.location_tree_panel import LocationTreePanel
from app.views.master_form_support import CloseGuard, DirtyTracker, ProblemLabel, may_discard

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_PAUSE_MS = 250


class UnitPickerDialog(QDialog):
    """Pick a unit from a project's location tree (searchable), with the date it was taken over."""

    projectChosen = Signal(object)  # project id
    unitPicked = Signal(object, str, str)  # location id, label (项目 · 3栋2单元1502室), since

    def __init__(self, projects: list[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitPicker")
        self.setWindowTitle(self.tr("Add a unit the customer owns"))
        self.resize(620, 560)
        self.project_combo = QComboBox(objectName="pickerProject")
        for choice in projects:
            self.project_combo.addItem(choice.label, choice.id)
        self.panel = LocationTreePanel(pick_only=True)
        self.since_edit = QLineEdit(objectName="pickerSince")
        self.since_edit.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        self.chosen_label = QLabel(objectName="pickerChosen")
        form = QFormLayout()
        form.addRow(self.tr("Project"), self.project_combo)
        form.addRow(self.tr("Owned since"), self.since_edit)
        buttons = QDialogButtonBox()
        self.pick_button = buttons.addButton(
            self.tr("Add this unit"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.pick_button.setObjectName("pickUnit")
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.chosen_label)
        layout.addWidget(buttons)
        self.project_combo.currentIndexChanged.connect(
            lambda: self.projectChosen.emit(self.project_combo.currentData())
        )
        self.panel.tree.selectionModel().currentChanged.connect(lambda *_: self._show_choice())
        self.panel.placeActivated.connect(lambda *_: self._pick())
        self.pick_button.clicked.connect(self._pick)
        cancel.clicked.connect(self.reject)
        self._show_choice()

    def _show_choice(self) -> None:
        place_id, _kind, full = self.panel.selected_place()
        self.pick_button.setEnabled(place_id is not None)
        self.chosen_label.setText(full)

    def _pick(self) -> None:
        place_id, _kind, full = self.panel.selected_place()
        if place_id is None:
            return
        label = f"{self.project_combo.currentText()} · {full}"
        self.unitPicked.emit(place_id, label, self.since_edit.text().strip())
        self.accept()


class CustomersPage(QWidget):
    """Lays out the search list and the editor; CustomersController loads, checks and saves."""

    searchRequested = Signal(str)
    customerSelected = Signal(object)  # customer id
    newCustomerRequested = Signal()
    saveRequested = Signal()
    revertRequested = Signal()
    addUnitRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracker = DirtyTracker(self)
        self.problems: dict[str, ProblemLabel] = {}
        self._customer_id: uuid.UUID | None = None
        self._unit_ids: list[tuple[uuid.UUID, uuid.UUID | None]] = []  # (location id, ownership id)
        self.picker: UnitPickerDialog | None = None

        title = QLabel(self.tr("Customers"))
        title.setObjectName("pageTitle")
        self.search_edit = QLineEdit(objectName="customerSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Search name, phone or unit (e.g. 1502)  (Ctrl+F)")
        )
        self.result_table = QTableWidget(0, 3, objectName="customerTable")
        self.result_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Phone"), self.tr("Units")]
        )
        self.result_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.result_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.result_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.result_table.verticalHeader().setVisible(False)
        self.result_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.result_table.setWordWrap(False)
        header = self.result_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.count_label = QLabel(objectName="customerCount")
        self.new_button = QPushButton(
            self.tr("New customer (Ctrl+Shift+N)"), objectName="newCustomer"
        )
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.search_edit)
        left_column.addWidget(self.result_table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.new_button)
        left_column.addLayout(bottom)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self._editor())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 640])

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

        self.close_guard = CloseGuard(self, self.may_leave)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._search_now)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._search_now)
        self.result_table.currentCellChanged.connect(self._row_changed)
        self.new_button.clicked.connect(self._new_customer)
        for keys, slot in (
            ("Ctrl+Shift+N", self._new_customer),
            (QKeySequence.StandardKey.Find, self.search_edit.setFocus),
            (QKeySequence.StandardKey.Save, self._save_if_dirty),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.tracker.dirtyChanged.connect(self._show_dirty)
        self._show_dirty(False)

    def _editor(self) -> QWidget:
        box = QGroupBox(self.tr("Customer"))
        self.editor_box = box
        form = QFormLayout()
        self.name_edit = QLineEdit(objectName="customerName")
        self.name_edit.setMaxLength(50)
        self.phone_edit = QLineEdit(objectName="customerPhone")
        self.phone_edit.setPlaceholderText(self.tr("Mobile 13912345678 or landline 0531-88886666"))
        self.alt_phone_edit = QLineEdit(objectName="customerAltPhone")
        self.preferences_edit = QLineEdit(objectName="customerPreferences")
        self.preferences_edit.setPlaceholderText(self.tr("e.g. 工作日晚上联系"))
        self.notes_edit = QPlainTextEdit(objectName="customerNotes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().height() * 4)
        for label, widget, key in (
            (self.tr("Name"), self.name_edit, "name"),
            (self.tr("Phone"), self.phone_edit, "phone"),
            (self.tr("Second phone"), self.alt_phone_edit, "alt_phone"),
            (self.tr("Preferences"), self.preferences_edit, "preferences"),
            (self.tr("Notes"), self.notes_edit, "notes"),
        ):
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            problem = ProblemLabel()
            problem.setObjectName(f"{key}Problem")
            column.addWidget(problem)
            self.problems[key] = problem
            form.addRow(label, cell)
            self.tracker.watch(widget)

        self.unit_table = QTableWidget(0, 2, objectName="unitTable")
        self.unit_table.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Owned since")])
        self.unit_table.verticalHeader().setVisible(False)
        self.unit_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.unit_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unit_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.unit_table.horizontalHeader().resizeSection(1, 120)
        self.tracker.watch(self.unit_table)
        self.units_problem = ProblemLabel()
        self.units_problem.setObjectName("unitsProblem")
        self.add_unit_button = QPushButton(self.tr("Add unit…"), objectName="addUnit")
        self.remove_unit_button = QPushButton(
            self.tr("Remove unsaved unit"), objectName="removeUnit"
        )
        self.add_unit_button.clicked.connect(self.addUnitRequested)
        self.remove_unit_button.clicked.connect(self._remove_new_unit)
        unit_buttons = QHBoxLayout()
        unit_buttons.addWidget(self.add_unit_button)
        unit_buttons.addWidget(self.remove_unit_button)
        unit_buttons.addStretch(1)

        self.summary = ProblemLabel()
        self.summary.setObjectName("customerProblems")
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), objectName="saveCustomer")
        self.revert_button = QPushButton(self.tr("Discard changes"), objectName="revertCustomer")
        self.save_button.clicked.connect(self.saveRequested)
        self.revert_button.clicked.connect(self.revertRequested)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addStretch(1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)

        self.editor_title = QLabel(objectName="editorTitle")
        column = QVBoxLayout(box)
        column.addWidget(self.editor_title)
        column.addLayout(form)
        column.addWidget(QLabel(self.tr("Units owned (never removed once saved)")))
        column.addWidget(self.unit_table, 1)
        column.addWidget(self.units_problem)
        column.addLayout(unit_buttons)
        column.addLayout(bar)
        return box

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.close_guard.attach()

    # -- the list --------------------------------------------------------------------------------
    def _search_now(self) -> None:
        self._search_timer.stop()
        self.searchRequested.emit(self.search_edit.text().strip())

    def search_text(self) -> str:
        return self.search_edit.text().strip()

    def set_results(self, rows: list, select: uuid.UUID | None = None) -> None:
        table = self.result_table
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for row, customer in enumerate(rows):
            for column, value in enumerate((customer.name, customer.phone, customer.units)):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, customer.id)
                if column == 2:
                    item.setToolTip(value)
                table.setItem(row, column, item)
        table.blockSignals(False)
        self._select_quietly(select)
        self.count_label.setText(self.tr("%n customer(s) shown", "", len(rows)))

    def _select_quietly(self, customer_id: uuid.UUID | None) -> None:
        table = self.result_table
        table.blockSignals(True)
        table.clearSelection()
        table.setCurrentCell(-1, -1)
        for row in range(table.rowCount()):
            if table.item(row, 0).data(ID_ROLE) == customer_id:
                table.setCurrentCell(row, 0)
        table.blockSignals(False)

    def _row_changed(self, row: int, _column: int, previous: int, _prev_column: int) -> None:
        if row < 0 or row == previous:
            return
        target = self.result_table.item(row, 0).data(ID_ROLE)
        leave = self._may_leave_customer()  # saving may reload the list
        self._select_quietly(target if leave else self._customer_id)
        if leave:
            self.customerSelected.emit(target)

    def _new_customer(self) -> None:
        if self._may_leave_customer():
            self._select_quietly(None)
            self.newCustomerRequested.emit()
            self.name_edit.setFocus()

    # -- the editor ------------------------------------------------------------------------------
    def set_form(self, form: CustomerForm) -> None:
        with self.tracker.quiet():
            self._customer_id = form.id
            self.name_edit.setText(form.name)
            self.phone_edit.setText(form.phone)
            self.alt_phone_edit.setText(form.alt_phone)
            self.preferences_edit.setText(form.preferences)
            self.notes_edit.setPlainText(form.notes)
            self.unit_table.setRowCount(0)
            self._unit_ids = []
            for unit in form.units:
                self._append_unit(unit)
        self.editor_title.setText(form.name if form.id else self.tr("New customer"))
        self.show_problems([])
        self.tracker.set_dirty(False)

    def _append_unit(self, unit: OwnershipForm) -> None:
        row = self.unit_table.rowCount()
        self.unit_table.insertRow(row)
        label = QTableWidgetItem(unit.label)
        label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
        label.setToolTip(unit.label)
        self.unit_table.setItem(row, 0, label)
        self.unit_table.setItem(row, 1, QTableWidgetItem(unit.since))
        self._unit_ids.append((unit.location_id, unit.id))

    def add_unit(self, location_id: uuid.UUID, label: str, since: str) -> None:
        """A unit picked in the dialog: part of the unsaved form until the clerk saves."""
        self._append_unit(OwnershipForm(location_id, since, None, label))
        self.unit_table.setCurrentCell(self.unit_table.rowCount() - 1, 0)
        self.tracker.touch()

    def _remove_new_unit(self) -> None:
        row = self.unit_table.currentRow()
        if row >= 0 and self._unit_ids[row][1] is None:  # saved ownerships are never removed
            self.unit_table.removeRow(row)
            del self._unit_ids[row]
            self.tracker.touch()

    def form(self) -> CustomerForm:
        units = [
            OwnershipForm(
                location_id,
                self.unit_table.item(row, 1).text(),
                own_id,
                self.unit_table.item(row, 0).text(),
            )
            for row, (location_id, own_id) in enumerate(self._unit_ids)
        ]
        return CustomerForm(
            id=self._customer_id,
            name=self.name_edit.text(),
            phone=self.phone_edit.text(),
            alt_phone=self.alt_phone_edit.text(),
            preferences=self.preferences_edit.text(),
            notes=self.notes_edit.toPlainText(),
            units=units,
        )

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        for label in self.problems.values():
            label.show_message("")
        loose, unit_messages = [], []
        for field, message in problems:
            if field in self.problems:
                self.problems[field].show_message(message)
            elif field.startswith("unit:"):
                unit_messages.append(message)
            else:
                loose.append(message)
        self.units_problem.show_message("\n".join(unit_messages))
        if problems:
            self.summary.show_message(" ".join([self.tr("Not saved."), *loose]))
        else:
            self.summary.show_message("")

    def mark_saved(self) -> None:
        self.tracker.set_dirty(False)

    def customer_id(self) -> uuid.UUID | None:
        return self._customer_id

    def open_unit_picker(self, projects: list[Choice]) -> UnitPickerDialog:
        if self.picker is not None:
            self.picker.deleteLater()
        self.picker = UnitPickerDialog(projects, self)
        self.picker.unitPicked.connect(self.add_unit)
        self.picker.open()
        return self.picker

    # -- unsaved changes ---------------------------------------------------------------------------
    def _save_if_dirty(self) -> None:
        if self.tracker.dirty:
            self.saveRequested.emit()

    def _may_leave_customer(self) -> bool:
        return may_discard(self, self.tracker, self.tr("This customer"), self.saveRequested.emit)

    def may_leave(self) -> bool:
        return self._may_leave_customer()

    def is_dirty(self) -> bool:
        return self.tracker.dirty

    def _show_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
