"""The project editor: general facts, limits and seasons, warranty terms, subcontractors."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.master_forms import Choice, ProjectForm, SubcontractForm, TermForm
from app.views.labels import (
    BUILDING_PARTS,
    PERIOD_UNITS,
    PROJECT_TYPES,
    building_part_label,
    period_unit_label,
    project_type_label,
)
from app.views.master_form_support import DirtyTracker, ProblemLabel
from app.views.stage_form import find_data

# (form attribute, English label, range, suffix) of the limits tab's number fields.
_LIMITS = (
    ("sla_emergency_hours", QT_TRANSLATE_NOOP("ProjectEditor", "Emergency"), (1, 720), "h"),
    ("sla_urgent_hours", QT_TRANSLATE_NOOP("ProjectEditor", "Urgent"), (1, 720), "h"),
    ("sla_normal_hours", QT_TRANSLATE_NOOP("ProjectEditor", "Normal"), (1, 720), "h"),
    (
        "sla_emergency_response_minutes",
        QT_TRANSLATE_NOOP("ProjectEditor", "Emergency"),
        (1, 10_080),
        "min",
    ),
    (
        "sla_urgent_response_minutes",
        QT_TRANSLATE_NOOP("ProjectEditor", "Urgent"),
        (1, 10_080),
        "min",
    ),
    (
        "sla_normal_response_minutes",
        QT_TRANSLATE_NOOP("ProjectEditor", "Normal"),
        (1, 10_080),
        "min",
    ),
    ("repair_days", QT_TRANSLATE_NOOP("ProjectEditor", "Repair within"), (1, 365), "d"),
    (
        "recurrence_threshold",
        QT_TRANSLATE_NOOP("ProjectEditor", "Same defect category at least"),
        (2, 100),
        "times",
    ),
    ("recurrence_window_days", QT_TRANSLATE_NOOP("ProjectEditor", "within"), (1, 3650), "d"),
)
_SEASONS = (
    "heating_season_start",
    "heating_season_end",
    "cooling_season_start",
    "cooling_season_end",
)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class ProjectEditor(QWidget):
    """Lays out one project's fields; the controller fills it, reads `form()` and shows problems."""

    saveRequested = Signal()
    revertRequested = Signal()
    termEdited = Signal(str, int, str)  # building part, period, unit: checked as the clerk types
    dirtyChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracker = DirtyTracker(self)
        self.tracker.dirtyChanged.connect(self.dirtyChanged)
        self.problems: dict[str, ProblemLabel] = {}
        self._project_id: uuid.UUID | None = None
        self._subcontractor_choices: list[tuple[Choice, list[str]]] = []
        self._link_ids: list[uuid.UUID | None] = []

        self.title = QLabel()
        self.title.setObjectName("editorTitle")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("projectTabs")
        self.tabs.addTab(_scrolled(self._general_tab()), self.tr("General"))
        self.tabs.addTab(_scrolled(self._limits_tab()), self.tr("Limits and seasons"))
        self.tabs.addTab(_scrolled(self._terms_tab()), self.tr("Warranty terms"))
        self.tabs.addTab(self._subcontractors_tab(), self.tr("Subcontractors"))

        self.summary = ProblemLabel()
        self.summary.setObjectName("projectProblems")
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setObjectName("saveProject")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Discard changes"))
        self.revert_button.setObjectName("revertProject")
        self.save_bar = QWidget()
        bar = QHBoxLayout(self.save_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.summary, 1)
        bar.addStretch(1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.save_bar)

        self.save_button.clicked.connect(self.saveRequested)
        self.revert_button.clicked.connect(self.revertRequested)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._save_if_dirty)
        self.tabs.currentChanged.connect(self._on_tab)
        self.dirtyChanged.connect(self._show_dirty)
        self._show_dirty(False)

    # -- layout -------------------------------------------------------------------------------
    def _field(self, form: QFormLayout, label: str, widget: QWidget, key: str) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        problem = ProblemLabel()
        column.addWidget(problem)
        self.problems[key] = problem
        form.addRow(label, box)
        self.tracker.watch(widget)

    def _general_tab(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.code_edit = QLineEdit(objectName="projectCode")
        self.code_edit.setMaxLength(30)
        self.code_edit.setPlaceholderText(self.tr("e.g. ZZ-2025-001"))
        self.name_edit = QLineEdit(objectName="projectName")
        self.name_edit.setMaxLength(100)
        self.type_combo = QComboBox(objectName="projectType")
        for code in PROJECT_TYPES:
            self.type_combo.addItem(project_type_label(code), code)
        self.address_edit = QLineEdit(objectName="projectAddress")
        self.handover_edit = QLineEdit(objectName="handoverDate")
        self.handover_edit.setPlaceholderText(self.tr("YYYY-MM-DD, e.g. 2024-06-01"))
        self.delivery_edit = QLineEdit(objectName="deliveryDate")
        self.delivery_edit.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        self.dept_combo = QComboBox(objectName="projectDept")
        self.manager_combo = QComboBox(objectName="projectManager")
        self.life_spin = QSpinBox(objectName="designLife")
        self.life_spin.setRange(1, 200)
        self.life_spin.setSuffix(self.tr(" years"))
        self.cost_rule_edit = QPlainTextEdit(objectName="costRule")
        self.cost_rule_edit.setTabChangesFocus(True)
        self.cost_rule_edit.setFixedHeight(self.fontMetrics().height() * 4)
        self.retention_edit = QLineEdit(objectName="retentionAmount")
        self.retention_edit.setPlaceholderText(self.tr("yuan, e.g. 120000"))
        self.retention_date_edit = QLineEdit(objectName="retentionDate")
        self.retention_date_edit.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        self._field(form, self.tr("Project code"), self.code_edit, "code")
        self._field(form, self.tr("Project name"), self.name_edit, "name")
        self._field(form, self.tr("Project type"), self.type_combo, "type")
        self._field(form, self.tr("Address"), self.address_edit, "address")
        self._field(
            form, self.tr("Completion acceptance date"), self.handover_edit, "handover_date"
        )
        self._field(form, self.tr("Delivery date"), self.delivery_edit, "delivery_date")
        self._field(form, self.tr("Project department"), self.dept_combo, "project_dept_id")
        self._field(form, self.tr("Project manager"), self.manager_combo, "manager_id")
        self._field(
            form, self.tr("Design service life"), self.life_spin, "design_service_life_years"
        )
        self._field(form, self.tr("Cost-bearing rule"), self.cost_rule_edit, "cost_rule")
        self._field(form, self.tr("Retention money"), self.retention_edit, "retention_amount")
        self._field(
            form,
            self.tr("Retention release date"),
            self.retention_date_edit,
            "retention_release_date",
        )
        return page

    def _limits_tab(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.limit_spins: dict[str, QSpinBox] = {}
        groups = (
            (self.tr("On-site arrival limit"), _LIMITS[0:3]),
            (self.tr("First response limit"), _LIMITS[3:6]),
            (self.tr("Repair"), _LIMITS[6:7]),
            (self.tr("Recurring problem signal"), _LIMITS[7:9]),
        )
        suffixes = {
            "h": self.tr(" hours"),
            "min": self.tr(" minutes"),
            "d": self.tr(" days"),
            "times": self.tr(" times"),
        }
        for title, fields in groups:
            box = QGroupBox(title)
            form = QFormLayout(box)
            for name, label, (low, high), suffix in fields:
                spin = QSpinBox(objectName=name)
                spin.setRange(low, high)
                spin.setSuffix(suffixes[suffix])
                spin.setMinimumWidth(120)
                spin.setMaximumWidth(220)
                self.limit_spins[name] = spin
                self._field(form, self.tr(label), spin, name)
            column.addWidget(box)
        seasons = QGroupBox(self.tr("Heating and cooling seasons (month-day)"))
        form = QFormLayout(seasons)
        self.season_edits: dict[str, QLineEdit] = {}
        labels = (
            self.tr("Heating season starts"),
            self.tr("Heating season ends"),
            self.tr("Cooling season starts"),
            self.tr("Cooling season ends"),
        )
        for name, label in zip(_SEASONS, labels, strict=True):
            edit = QLineEdit(objectName=name)
            edit.setPlaceholderText("11-15")
            edit.setMaxLength(5)
            edit.setMaximumWidth(120)
            self.season_edits[name] = edit
            self._field(form, label, edit, name)
        column.addWidget(seasons)
        column.addStretch(1)
        return page

    def _terms_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        note = QLabel(
            self.tr(
                "Contract warranty periods per building part. They may be longer than the "
                "statutory "
                "minimum, never shorter."
            )
        )
        note.setWordWrap(True)
        grid.addWidget(note, 0, 0, 1, 4)
        for column, text in enumerate(
            (
                self.tr("Building part"),
                self.tr("Period"),
                self.tr("Counted in"),
                self.tr("Statutory minimum"),
            )
        ):
            header = QLabel(text)
            header.setObjectName("gridHeader")
            grid.addWidget(header, 1, column)
        self.term_periods: dict[str, QSpinBox] = {}
        self.term_units: dict[str, QComboBox] = {}
        self.term_minimums: dict[str, QLabel] = {}
        row = 2
        for part in BUILDING_PARTS:
            spin = QSpinBox(objectName=f"termPeriod_{part}")
            spin.setRange(0, 100)
            unit = QComboBox(objectName=f"termUnit_{part}")
            for code in PERIOD_UNITS:
                unit.addItem(period_unit_label(code), code)
            minimum = QLabel()
            problem = ProblemLabel()
            problem.setObjectName(f"termProblem_{part}")
            self.problems[f"term:{part}"] = problem
            grid.addWidget(QLabel(building_part_label(part)), row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(unit, row, 2)
            grid.addWidget(minimum, row, 3)
            grid.addWidget(problem, row + 1, 0, 1, 4)
            self.term_periods[part], self.term_units[part], self.term_minimums[part] = (
                spin,
                unit,
                minimum,
            )
            self.tracker.watch(spin, unit)
            spin.valueChanged.connect(lambda _v, part=part: self._term_changed(part))
            unit.currentIndexChanged.connect(lambda _i, part=part: self._term_changed(part))
            row += 2
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(row, 1)
        return page

    def _subcontractors_tab(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        note = QLabel(
            self.tr(
                "Subcontractors on this project and the trade each answers for. "
                "Links are never removed; "
                "add subcontractor companies on the Organisation and staff tab."
            )
        )
        note.setWordWrap(True)
        self.subcontractor_table = QTableWidget(0, 2, objectName="subcontractorTable")
        self.subcontractor_table.setHorizontalHeaderLabels(
            [self.tr("Subcontractor"), self.tr("Trade")]
        )
        self.subcontractor_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.subcontractor_table.horizontalHeader().resizeSection(1, 180)
        self.subcontractor_table.verticalHeader().setVisible(False)
        self.subcontractor_table.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.add_link_button = QPushButton(
            self.tr("Add subcontractor"), objectName="addSubcontractor"
        )
        self.remove_link_button = QPushButton(
            self.tr("Remove unsaved row"), objectName="removeSubcontractor"
        )
        self.add_link_button.clicked.connect(lambda: self._add_link_row(None, ""))
        self.remove_link_button.clicked.connect(self._remove_new_row)
        self.subcontractor_problem = ProblemLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_link_button)
        buttons.addWidget(self.remove_link_button)
        buttons.addStretch(1)
        column.addWidget(note)
        column.addWidget(self.subcontractor_table, 1)
        column.addWidget(self.subcontractor_problem)
        column.addLayout(buttons)
        return page

    # -- subcontractor rows ---------------------------------------------------------------------
    def _add_link_row(self, link: SubcontractForm | None, trade: str) -> None:
        row = self.subcontractor_table.rowCount()
        self.subcontractor_table.insertRow(row)
        unit_combo = QComboBox()
        unit_combo.addItem(self.tr("(choose a subcontractor)"), None)
        for choice, _trades in self._subcontractor_choices:
            unit_combo.addItem(choice.label, choice.id)
        trade_combo = QComboBox()
        trade_combo.setEditable(True)
        self.subcontractor_table.setCellWidget(row, 0, unit_combo)
        self.subcontractor_table.setCellWidget(row, 1, trade_combo)
        self._link_ids.append(link.id if link else None)
        unit_combo.currentIndexChanged.connect(
            lambda _i, units=unit_combo, trades=trade_combo: self._fill_trades(units, trades)
        )
        if link is not None:
            unit_combo.setCurrentIndex(max(0, find_data(unit_combo, link.org_unit_id)))
        trade_combo.setEditText(trade)
        self.tracker.watch(unit_combo, trade_combo)
        if link is None:
            self.tracker.touch()
            self.subcontractor_table.setCurrentCell(row, 0)

    def _fill_trades(self, unit_combo: QComboBox, trade_combo: QComboBox) -> None:
        typed = trade_combo.currentText()
        trades = next(
            (t for c, t in self._subcontractor_choices if c.id == unit_combo.currentData()), []
        )
        trade_combo.clear()
        trade_combo.addItems(trades)
        trade_combo.setEditText(typed or (trades[0] if trades else ""))

    def _remove_new_row(self) -> None:
        row = self.subcontractor_table.currentRow()
        if row >= 0 and self._link_ids[row] is None:  # saved links are never removed
            self.subcontractor_table.removeRow(row)
            del self._link_ids[row]

    # -- what the controller sets -------------------------------------------------------------
    def set_choices(
        self,
        depts: list[Choice],
        managers: list[Choice],
        subcontractors: list[tuple[Choice, list[str]]],
    ) -> None:
        with self.tracker.quiet():
            for combo, choices, blank in (
                (self.dept_combo, depts, self.tr("(choose)")),
                (self.manager_combo, managers, self.tr("(none)")),
            ):
                current = combo.currentData()
                combo.clear()
                combo.addItem(blank, None)
                for choice in choices:
                    combo.addItem(choice.label, choice.id)
                combo.setCurrentIndex(max(0, find_data(combo, current)))
        self._subcontractor_choices = subcontractors

    def set_term_minimums(self, minimums: dict[str, str]) -> None:
        for part, text in minimums.items():
            if part in self.term_minimums:
                self.term_minimums[part].setText(text)

    def set_form(self, form: ProjectForm) -> None:
        """Show a project (or a blank new one) and forget unsaved changes."""
        with self.tracker.quiet():
            self._project_id = form.id
            self.code_edit.setText(form.code)
            self.name_edit.setText(form.name)
            self.type_combo.setCurrentIndex(max(0, find_data(self.type_combo, form.type)))
            self.address_edit.setText(form.address)
            self.handover_edit.setText(form.handover_date)
            self.delivery_edit.setText(form.delivery_date)
            self.dept_combo.setCurrentIndex(max(0, find_data(self.dept_combo, form.project_dept_id)))
            self.manager_combo.setCurrentIndex(
                max(0, find_data(self.manager_combo, form.manager_id))
            )
            self.life_spin.setValue(form.design_service_life_years)
            self.cost_rule_edit.setPlainText(form.cost_rule)
            self.retention_edit.setText(form.retention_amount)
            self.retention_date_edit.setText(form.retention_release_date)
            for name, spin in self.limit_spins.items():
                spin.setValue(getattr(form, name))
            for name, edit in self.season_edits.items():
                edit.setText(getattr(form, name))
            for term in form.terms:
                if term.building_part in self.term_periods:
                    self.term_periods[term.building_part].setValue(term.period)
                    unit = self.term_units[term.building_part]
                    unit.setCurrentIndex(max(0, find_data(unit, term.unit)))
                    self._term_changed(term.building_part)
            self.subcontractor_table.setRowCount(0)
            self._link_ids = []
            for link in form.subcontractors:
                self._add_link_row(link, link.trade)
            self.show_problems([])
        if form.id is None:
            self.title.setText(self.tr("New project"))
        else:
            self.title.setText(f"{form.code}  {form.name}")
        self.tracker.set_dirty(False)

    def form(self) -> ProjectForm:
        """The project as the clerk typed it (checked by the model, not here)."""
        form = ProjectForm(
            id=self._project_id,
            code=self.code_edit.text(),
            name=self.name_edit.text(),
            type=self.type_combo.currentData(),
            address=self.address_edit.text(),
            handover_date=self.handover_edit.text(),
            delivery_date=self.delivery_edit.text(),
            project_dept_id=self.dept_combo.currentData(),
            manager_id=self.manager_combo.currentData(),
            design_service_life_years=self.life_spin.value(),
            cost_rule=self.cost_rule_edit.toPlainText(),
            retention_amount=self.retention_edit.text(),
            retention_release_date=self.retention_date_edit.text(),
        )
        for name, spin in self.limit_spins.items():
            setattr(form, name, spin.value())
        for name, edit in self.season_edits.items():
            setattr(form, name, edit.text())
        form.terms = [
            TermForm(part, self.term_periods[part].value(), self.term_units[part].currentData())
            for part in BUILDING_PARTS
        ]
        form.subcontractors = []
        for row, link_id in enumerate(self._link_ids):
            unit_combo = self.subcontractor_table.cellWidget(row, 0)
            trade_combo = self.subcontractor_table.cellWidget(row, 1)
            form.subcontractors.append(
                SubcontractForm(unit_combo.currentData(), trade_combo.currentText(), link_id)
            )
        return form

    def project_id(self) -> uuid.UUID | None:
        return self._project_id

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        """Each (field, Chinese message) next to its field; the rest in the bar at the bottom."""
        for label in self.problems.values():
            label.show_message("")
        self.subcontractor_problem.show_message("")
        loose = []
        for field, message in problems:
            if field in self.problems:
                self.problems[field].show_message(message)
            elif field.startswith("subcontractor:"):
                self.subcontractor_problem.show_message(
                    "\n".join(filter(None, [self.subcontractor_problem.text(), message]))
                )
            else:
                loose.append(message)
        if problems:
            self.summary.show_message(
                self.tr("Not saved: %n problem(s) to correct.", "", len(problems))
                + ("  " + "；".join(loose) if loose else "")
            )
            self._show_first_problem_tab(problems[0][0])
        else:
            self.summary.show_message("")

    def show_term_problem(self, part: str, message: str) -> None:
        self.problems[f"term:{part}"].show_message(message)

    def _show_first_problem_tab(self, field: str) -> None:
        if field.startswith("term:"):
            self.tabs.setCurrentIndex(2)
        elif field.startswith("subcontractor:"):
            self.tabs.setCurrentIndex(3)
        elif field in self.limit_spins or field in self.season_edits:
            self.tabs.setCurrentIndex(1)
        elif field in self.problems:
            self.tabs.setCurrentIndex(0)

    def _save_if_dirty(self) -> None:
        if self.save_button.isEnabled() and self.save_bar.isVisible():
            self.saveRequested.emit()

    def is_dirty(self) -> bool:
        return self.tracker.dirty

    def mark_saved(self) -> None:
        self.tracker.set_dirty(False)

    def _term_changed(self, part: str) -> None:
        # A period in years or seasons needs a number; the design service life does not.
        self.term_periods[part].setEnabled(self.term_units[part].currentData() != "design_life")
        if not self.tracker.filling:
            self.termEdited.emit(
                part, self.term_periods[part].value(), self.term_units[part].currentData()
            )

    def _on_tab(self, index: int) -> None:
        # The location tab (added by the page) saves each change at once: no save bar there.
        self.save_bar.setVisible(index < 4)

    def _show_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
