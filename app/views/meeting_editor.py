"""The 专项复盘会议 record: facts, attendees, links, problem, 5-why or fishbone, conclusions, CAPA."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models.escalation_terms import ActionRow, LinkedTicketRow, MeetingData
from app.views import labels
from app.views.master_form_support import DirtyTracker, ProblemLabel
from app.views.retro_labels import (
    ACTION_KINDS,
    ACTION_STATUSES,
    ATTENDEE_ROLES,
    CLOSED_ACTION_STATUSES,
    FISHBONE_CATEGORIES,
    action_kind_label,
    action_status_label,
    attendee_role_label,
    fishbone_label,
)
from app.views.stage_form import discard_confirmed, find_data

ID_ROLE = Qt.ItemDataRole.UserRole + 1
FIVE_WHY, FISHBONE = "five_why", "fishbone"


@dataclass
class ActionValues:
    """One CAPA row as the editor holds it (the controller maps it to the service)."""

    id: uuid.UUID | None = None
    kind: str = "corrective"
    description: str = ""
    owner_id: uuid.UUID | None = None
    department: str = ""
    due_date: dt.date | None = None
    status: str = "not_started"
    note: str = ""
    evidence: list[str] = field(default_factory=list)  # names already stored
    stored_status: str = ""  # the status in the database ("" for a new action)
    new_files: list[Path] = field(default_factory=list)  # files to attach on save


@dataclass
class MeetingValues:
    """Everything the meeting record holds, as plain values."""

    id: uuid.UUID | None = None
    title: str = ""
    held_at: dt.datetime | None = None  # local, naive
    place: str = ""
    host_id: uuid.UUID | None = None
    staff_ids: list[uuid.UUID] = field(default_factory=list)
    externals: list[tuple[str, str, str]] = field(default_factory=list)  # name, org, role code
    escalation_ids: list[uuid.UUID] = field(default_factory=list)
    ticket_ids: list[uuid.UUID] = field(default_factory=list)
    problem: str = ""
    method: str = FIVE_WHY
    whys: list[str] = field(default_factory=list)
    fishbone: dict[str, list[str]] = field(default_factory=dict)
    root_cause: str = ""
    conclusions: str = ""
    actions: list[ActionValues] = field(default_factory=list)


@dataclass(frozen=True)
class Option:
    id: uuid.UUID
    text: str


class FiveWhyEditor(QWidget):
    """为什么1…N: an ordered list of answers, each row editable, movable and removable."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fiveWhyEditor")
        self._rows: list[tuple[QWidget, QLabel, QLineEdit]] = []
        self._box = QVBoxLayout()
        self._box.setSpacing(4)
        self.add_button = QPushButton(self.tr("Ask why again"), objectName="addWhy")
        self.add_button.clicked.connect(lambda: self.add_row("", focus=True))
        hint = QLabel(self.tr("Ask “why?” until the root cause is reached; the last answer is "
                              "the root cause."))
        hint.setObjectName("stageHint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addLayout(self._box)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        layout.addStretch(1)
        self.set_values([])

    def edits(self) -> list[QLineEdit]:
        return [edit for _row, _label, edit in self._rows]

    def add_row(self, text: str = "", focus: bool = False) -> QLineEdit:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel()
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance("为什么10") + 8)
        edit = QLineEdit(text)
        edit.setObjectName(f"why{len(self._rows) + 1}")
        edit.textEdited.connect(lambda _t: self.changed.emit())
        up, down, remove = QToolButton(), QToolButton(), QToolButton()
        up.setText("↑")
        up.setToolTip(self.tr("Move up"))
        down.setText("↓")
        down.setToolTip(self.tr("Move down"))
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this answer"))
        for widget in (label, edit, up, down, remove):
            line.addWidget(widget, 1 if widget is edit else 0)
        up.clicked.connect(lambda: self._move(row, -1))
        down.clicked.connect(lambda: self._move(row, 1))
        remove.clicked.connect(lambda: self._remove(row))
        self._rows.append((row, label, edit))
        self._box.addWidget(row)
        self._renumber()
        if focus:
            edit.setFocus()
            self.changed.emit()
        return edit

    def _index(self, row: QWidget) -> int:
        return next(i for i, (r, _l, _e) in enumerate(self._rows) if r is row)

    def _move(self, row: QWidget, step: int) -> None:
        index = self._index(row)
        target = index + step
        if 0 <= target < len(self._rows):
            # Swap the texts: the row widgets stay where they are, the order is in the texts.
            a, b = self._rows[index][2], self._rows[target][2]
            text_a, text_b = a.text(), b.text()
            a.setText(text_b)
            b.setText(text_a)
            b.setFocus()
            self.changed.emit()

    def _remove(self, row: QWidget) -> None:
        index = self._index(row)
        self._rows.pop(index)
        self._drop(row)
        if not self._rows:
            self.add_row("")
        self._renumber()
        self.changed.emit()

    def _drop(self, row: QWidget) -> None:
        row.hide()
        self._box.removeWidget(row)
        row.setParent(None)  # no longer found among the editor's children
        row.deleteLater()

    def _renumber(self) -> None:
        for number, (_row, label, edit) in enumerate(self._rows, start=1):
            label.setText(self.tr("Why %1").replace("%1", str(number)))
            edit.setObjectName(f"why{number}")
            edit.setPlaceholderText(
                self.tr("Why did it happen?") if number == 1 else self.tr("And why was that?"))

    def values(self) -> list[str]:
        return [edit.text().strip() for edit in self.edits() if edit.text().strip()]

    def set_values(self, whys: list[str]) -> None:
        for row, _label, _edit in self._rows:
            self._drop(row)
        self._rows = []
        for text in whys or []:
            self.add_row(text)
        while len(self._rows) < 5:  # the five questions are offered; fewer may be filled
            self.add_row("")


class FishboneEditor(QTabWidget):
    """人/机/料/法/环/测: the causes of each category, one per line."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fishboneEditor")
        self.edits: dict[str, QPlainTextEdit] = {}
        for code in FISHBONE_CATEGORIES:
            edit = QPlainTextEdit()
            edit.setObjectName(f"fishbone_{code}")
            edit.setPlaceholderText(self.tr("One cause per line"))
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._edited)
            self.edits[code] = edit
            self.addTab(edit, fishbone_label(code))

    def _edited(self) -> None:
        self._retitle()
        self.changed.emit()

    def _retitle(self) -> None:
        for index, (code, edit) in enumerate(self.edits.items()):
            count = len(self._lines(edit))
            title = fishbone_label(code)
            self.setTabText(index, f"{title} ({count})" if count else title)

    @staticmethod
    def _lines(edit: QPlainTextEdit) -> list[str]:
        return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]

    def values(self) -> dict[str, list[str]]:
        return {code: self._lines(edit) for code, edit in self.edits.items() if self._lines(edit)}

    def set_values(self, causes: dict[str, list[str]]) -> None:
        for code, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setPlainText("\n".join((causes or {}).get(code, [])))
            edit.blockSignals(False)
        self._retitle()


class ActionTable(QTableWidget):
    """The CAPA table: one row of real input widgets per action; files dropped on a row become
    its evidence."""

    (COL_KIND, COL_TEXT, COL_OWNER, COL_DEPT, COL_DUE, COL_STATUS, COL_NOTE,
     COL_EVIDENCE) = range(8)
    changed = Signal()
    filesRefused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 8, parent)
        self.setObjectName("actionTable")
        self.setHorizontalHeaderLabels([
            self.tr("Kind"), self.tr("Action"), self.tr("Owner"), self.tr("Department"),
            self.tr("Due"), self.tr("Status"), self.tr("Note"), self.tr("Evidence"),
        ])
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((self.COL_KIND, 66), (self.COL_OWNER, 150), (self.COL_DEPT, 140),
                              (self.COL_DUE, 104), (self.COL_STATUS, 80), (self.COL_NOTE, 160),
                              (self.COL_EVIDENCE, 92)):
            self.setColumnWidth(column, width)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 16)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self._owners: list[Option] = []
        self._departments: list[str] = []
        self._rows: list[ActionValues] = []
        self._today = dt.date.today()

    def set_choices(self, owners: list[Option], departments: list[str], today: dt.date) -> None:
        self._owners, self._departments, self._today = list(owners), list(departments), today

    # -- rows -----------------------------------------------------------------------------------
    def add_action(self, values: ActionValues | None = None) -> int:
        values = values or ActionValues(due_date=self._today + dt.timedelta(days=30))
        row = self.rowCount()
        self.insertRow(row)
        self._rows.append(values)
        kind = QComboBox(objectName=f"actionKind{row}")
        for code in ACTION_KINDS:
            kind.addItem(action_kind_label(code), code)
        kind.setCurrentIndex(max(0, find_data(kind, values.kind)))
        text = QLineEdit(values.description, objectName=f"actionText{row}")
        text.setPlaceholderText(self.tr("What will be done"))
        text.setToolTip(values.description)
        owner = QComboBox(objectName=f"actionOwner{row}")
        owner.addItem("—", None)
        for option in self._owners:
            owner.addItem(option.text, option.id)
        if values.owner_id is not None and find_data(owner, values.owner_id) < 0:
            owner.addItem(self.tr("(no longer available)"), values.owner_id)
        owner.setCurrentIndex(max(0, find_data(owner, values.owner_id)))
        dept = QComboBox(objectName=f"actionDept{row}")
        dept.setEditable(True)  # a department outside the list (设计院, 采购部) may be typed
        dept.addItems(self._departments)
        dept.setCurrentText(values.department)
        due = QDateEdit(objectName=f"actionDue{row}")
        due.setCalendarPopup(True)
        due.setDisplayFormat("yyyy-MM-dd")
        when = values.due_date or self._today + dt.timedelta(days=30)
        due.setDate(QDate(when.year, when.month, when.day))
        status = QComboBox(objectName=f"actionStatus{row}")
        for code in ACTION_STATUSES:
            status.addItem(action_status_label(code), code)
        status.setCurrentIndex(max(0, find_data(status, values.status)))
        note = QLineEdit(values.note, objectName=f"actionNote{row}")
        note.setPlaceholderText(self.tr("Result, or why cancelled"))
        evidence = QToolButton(objectName=f"actionEvidence{row}")
        evidence.clicked.connect(lambda _c=False, r=values: self._choose_files(r))
        for column, widget in ((self.COL_KIND, kind), (self.COL_TEXT, text), (self.COL_OWNER, owner),
                               (self.COL_DEPT, dept), (self.COL_DUE, due), (self.COL_STATUS, status),
                               (self.COL_NOTE, note), (self.COL_EVIDENCE, evidence)):
            self.setCellWidget(row, column, widget)
        for combo in (kind, owner, status):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        dept.currentTextChanged.connect(lambda _t: self.changed.emit())
        for edit in (text, note):
            edit.textEdited.connect(lambda _t: self.changed.emit())
        due.dateChanged.connect(lambda _d: self.changed.emit())
        for signal in (due.dateChanged, status.currentIndexChanged):
            signal.connect(lambda _v, r=values: self._show_overdue(self._rows.index(r)))
        self._show_evidence(row)
        self._show_overdue(row)
        return row

    def _show_overdue(self, row: int) -> None:
        """An open action past its due date: the date in red, as on the 复盘 page."""
        due = self.widget(row, self.COL_DUE)
        late = (self.widget(row, self.COL_STATUS).currentData() not in CLOSED_ACTION_STATUSES
                and due.date().toPython() < self._today)
        due.setStyleSheet("QDateEdit { color: #b3261e; font-weight: bold; }" if late else "")
        due.setToolTip(self.tr("Overdue") if late else "")

    def remove_current(self) -> None:
        row = self.currentRow()
        if 0 <= row < self.rowCount() and self._rows[row].id is None:
            self.removeRow(row)
            self._rows.pop(row)
            self.changed.emit()

    def widget(self, row: int, column: int) -> Any:
        return self.cellWidget(row, column)

    def values(self) -> list[ActionValues]:
        result = []
        for row, stored in enumerate(self._rows):
            due = self.widget(row, self.COL_DUE).date()
            result.append(ActionValues(
                id=stored.id,
                kind=self.widget(row, self.COL_KIND).currentData(),
                description=self.widget(row, self.COL_TEXT).text().strip(),
                owner_id=self.widget(row, self.COL_OWNER).currentData(),
                department=self.widget(row, self.COL_DEPT).currentText().strip(),
                due_date=dt.date(due.year(), due.month(), due.day()),
                status=self.widget(row, self.COL_STATUS).currentData(),
                note=self.widget(row, self.COL_NOTE).text().strip(),
                evidence=list(stored.evidence),
                new_files=list(stored.new_files),
                stored_status=stored.stored_status,
            ))
        return result

    def set_values(self, actions: list[ActionValues]) -> None:
        self.setRowCount(0)
        self._rows = []
        for values in actions:
            self.add_action(values)

    def mark_row_problem(self, row: int, message: str) -> None:
        """Outline the row of a refused action and say why in its tooltip."""
        for column in range(self.columnCount()):
            widget = self.widget(row, column)
            if widget is not None:
                widget.setProperty("problem", bool(message))
                widget.setStyleSheet("border: 1px solid #b3261e;" if message else "")

    # -- evidence -------------------------------------------------------------------------------
    def add_files(self, row: int, paths: list[str | Path]) -> list[Path]:
        """Evidence files for one action (attached when the meeting is saved)."""
        if not 0 <= row < len(self._rows):
            return []
        stored = self._rows[row]
        added = []
        for raw in paths:
            path = Path(raw)
            if not path.is_file():
                self.filesRefused.emit(self.tr("%1 is not a file").replace("%1", path.name))
                continue
            if path not in stored.new_files:
                stored.new_files.append(path)
                added.append(path)
        if added:
            self._show_evidence(row)
            self.changed.emit()
        return added

    def _choose_files(self, stored: ActionValues) -> None:
        row = self._rows.index(stored)
        names, _f = QFileDialog.getOpenFileNames(self, self.tr("Evidence files"), "",
                                                 self.tr("All files (*)"))
        if names:
            self.add_files(row, names)

    def _show_evidence(self, row: int) -> None:
        stored = self._rows[row]
        count = len(stored.evidence) + len(stored.new_files)
        button = self.widget(row, self.COL_EVIDENCE)
        button.setText(self.tr("Files (%1)…").replace("%1", str(count)) if count else self.tr("Add…"))
        names = stored.evidence + [self.tr("%1 (not saved yet)").replace("%1", p.name)
                                   for p in stored.new_files]
        button.setToolTip("\n".join(names) or self.tr("Add evidence files (or drop files on this row)"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001  (QDragMoveEvent)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            super().dropEvent(event)
            return
        row = self.rowAt(event.position().toPoint().y())
        if row < 0:
            row = self.currentRow()
        if row < 0:
            self.filesRefused.emit(self.tr("Drop the files on the row of the action they prove."))
        else:
            self.add_files(row, paths)
        event.acceptProposedAction()


class _TicketListWatcher(QObject):
    """Delete on the linked-ticket list unlinks the selected ticket."""

    def __init__(self, editor: MeetingEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Delete:
            self.editor.remove_selected_ticket()
            return True
        return False


class MeetingEditor(QDialog):
    """The meeting record window; MeetingController fills it, saves it and prints the minutes."""

    saveRequested = Signal()
    markHeldRequested = Signal()
    closeMeetingRequested = Signal()
    previewRequested = Signal()
    printRequested = Signal()
    savePdfRequested = Signal()
    ticketLookupRequested = Signal(str)  # a ticket number typed to link
    ticketActivated = Signal(object)  # a linked ticket's id (open it)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("meetingEditor")
        self.setWindowTitle(self.tr("Retrospective meeting"))
        self.setMinimumSize(980, 640)
        self.tracker = DirtyTracker(self)
        self.problems: dict[str, ProblemLabel] = {}
        self._meeting_id: uuid.UUID | None = None
        self._allow_close = False

        # -- facts ----------------------------------------------------------------------------
        self.title_label = QLabel(self.tr("Retrospective meeting"))
        self.title_label.setObjectName("pageTitle")
        self.status_label = QLabel()
        self.status_label.setObjectName("stageHint")
        self.subject_edit = QLineEdit(objectName="meetingTitle")
        self.subject_edit.setPlaceholderText(self.tr("e.g. Recurring leaks at exterior walls, building 3"))
        self.held_at_edit = QDateTimeEdit(objectName="meetingHeldAt")
        self.held_at_edit.setCalendarPopup(True)
        self.held_at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.place_edit = QLineEdit(objectName="meetingPlace")
        self.place_edit.setPlaceholderText(self.tr("e.g. Project office meeting room"))
        self.host_combo = QComboBox(objectName="meetingHost")
        facts = QGridLayout()
        facts.addWidget(QLabel(self.tr("Subject")), 0, 0)
        facts.addLayout(self._with_problem("title", self.subject_edit), 0, 1, 1, 3)
        facts.addWidget(QLabel(self.tr("Date and time")), 1, 0)
        facts.addLayout(self._with_problem("held_at", self.held_at_edit), 1, 1)
        facts.addWidget(QLabel(self.tr("Place")), 1, 2)
        facts.addLayout(self._with_problem("place", self.place_edit), 1, 3)
        facts.addWidget(QLabel(self.tr("Host")), 2, 0)
        facts.addLayout(self._with_problem("host", self.host_combo), 2, 1)
        facts.setColumnStretch(1, 1)
        facts.setColumnStretch(3, 2)

        # -- tabs -----------------------------------------------------------------------------
        self.tabs = QTabWidget(objectName="meetingTabs")
        self.tabs.addTab(self._people_tab(), self.tr("Attendees"))
        self.tabs.addTab(self._links_tab(), self.tr("Escalations and tickets"))
        self.tabs.addTab(self._analysis_tab(), self.tr("Problem and root cause"))
        self.tabs.addTab(self._actions_tab(), self.tr("Actions (CAPA)"))

        # -- bottom ---------------------------------------------------------------------------
        self.form_message = ProblemLabel()
        self.form_message.setObjectName("meetingMessage")
        self.save_button = QPushButton(self.tr("Save"), objectName="saveMeeting")
        self.save_button.setProperty("primary", True)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("Save the meeting record (Ctrl+S)"))
        self.preview_button = QPushButton(self.tr("Preview"), objectName="previewMinutes")
        self.print_button = QPushButton(self.tr("Print minutes"), objectName="printMinutes")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.pdf_button = QPushButton(self.tr("Save PDF…"), objectName="saveMinutesPdf")
        self.close_button = QPushButton(self.tr("Close"), objectName="closeWindow")
        self.held_button = QPushButton(self.tr("Mark as held"), objectName="markMeetingHeld")
        self.held_button.setToolTip(self.tr("The meeting took place: its actions are now tracked"))
        self.close_meeting_button = QPushButton(self.tr("Close meeting"), objectName="closeMeeting")
        self.close_meeting_button.setToolTip(self.tr("Every action is closed: close the record"))
        self.held_button.clicked.connect(self.markHeldRequested.emit)
        self.close_meeting_button.clicked.connect(self.closeMeetingRequested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.held_button)
        buttons.addWidget(self.close_meeting_button)
        buttons.addWidget(self.form_message, 1)
        buttons.addStretch(0 if self.form_message.isVisible() else 1)
        for button in (self.preview_button, self.print_button, self.pdf_button, self.save_button,
                       self.close_button):
            buttons.addWidget(button)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addWidget(self.status_label)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(facts)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.saveRequested.emit)
        self.preview_button.clicked.connect(self.previewRequested.emit)
        self.print_button.clicked.connect(self.printRequested.emit)
        self.pdf_button.clicked.connect(self.savePdfRequested.emit)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        self.tracker.watch(self.subject_edit, self.place_edit, self.host_combo, self.problem_edit,
                           self.conclusions_edit, self.root_cause_edit)
        self.held_at_edit.dateTimeChanged.connect(self.tracker.touch)
        for widget in (self.five_why, self.fishbone, self.actions):
            widget.changed.connect(self.tracker.touch)
        self.staff_list.itemChanged.connect(self._attendee_ticked)
        self.escalation_list.itemChanged.connect(self.tracker.touch)
        self.tracker.dirtyChanged.connect(self._show_dirty)
        self._show_dirty(False)

    # -- building -------------------------------------------------------------------------------
    def _with_problem(self, name: str, widget: QWidget) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        label = ProblemLabel()
        label.setObjectName(f"problem_{name}")
        self.problems[name] = label
        box.addWidget(label)
        return box

    def _people_tab(self) -> QWidget:
        self.staff_filter = QLineEdit(objectName="attendeeFilter")
        self.staff_filter.setPlaceholderText(self.tr("Find staff by name or unit"))
        self.staff_filter.setClearButtonEnabled(True)
        self.staff_filter.textChanged.connect(self._filter_staff)
        self.staff_list = QListWidget(objectName="attendeeStaff")
        self.attendee_count = QLabel()
        self.attendee_count.setObjectName("stageHint")
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Our staff (tick who attends)")))
        column.addWidget(self.staff_filter)
        column.addWidget(self.staff_list, 1)
        column.addWidget(self.attendee_count)

        self.external_table = QTableWidget(0, 3, objectName="externalAttendees")
        self.external_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Organisation"), self.tr("Role")])
        self.external_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.external_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 16)
        add = QPushButton(self.tr("Add an external attendee"), objectName="addExternal")
        add.clicked.connect(lambda: self.add_external("", "", "", focus=True))
        remove = QPushButton(self.tr("Remove"), objectName="removeExternal")
        remove.clicked.connect(self._remove_external)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("External attendees: designer, subcontractor, supervisor, "
                                        "owner…")))
        column.addWidget(self.external_table, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        column.addLayout(row)

        page = QWidget()
        layout = QVBoxLayout(page)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([360, 600])
        layout.addWidget(splitter, 1)
        problem = ProblemLabel()
        problem.setObjectName("problem_attendees")
        self.problems["attendees"] = problem
        layout.addWidget(problem)
        return page

    def _links_tab(self) -> QWidget:
        self.escalation_list = QListWidget(objectName="linkedEscalations")
        self.ticket_list = QTableWidget(0, 3, objectName="linkedTickets")
        self.ticket_list.setHorizontalHeaderLabels([self.tr("Number"), self.tr("State"), self.tr("Problem")])
        self.ticket_list.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.ticket_list.setColumnWidth(0, 170)
        self.ticket_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ticket_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ticket_list.verticalHeader().setVisible(False)
        self.ticket_list.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.ticket_list.cellDoubleClicked.connect(
            lambda row, _c: self.ticketActivated.emit(self.ticket_list.item(row, 0).data(ID_ROLE)))
        self.ticket_list.installEventFilter(_TicketListWatcher(self))
        self.ticket_number_edit = QLineEdit(objectName="linkTicketNumber")
        self.ticket_number_edit.setPlaceholderText(self.tr("Ticket number, e.g. BX-…-00042"))
        self.ticket_number_edit.returnPressed.connect(self._lookup_ticket)
        link = QPushButton(self.tr("Link ticket"), objectName="linkTicket")
        link.clicked.connect(self._lookup_ticket)
        unlink = QPushButton(self.tr("Unlink selected"), objectName="unlinkTicket")
        unlink.clicked.connect(self.remove_selected_ticket)
        row = QHBoxLayout()
        row.addWidget(self.ticket_number_edit, 1)
        row.addWidget(link)
        row.addWidget(unlink)
        self.ticket_problem = ProblemLabel()
        self.ticket_problem.setObjectName("problem_tickets")
        self.problems["tickets"] = self.ticket_problem

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Escalations discussed (tick to link)")))
        layout.addWidget(self.escalation_list, 1)
        layout.addWidget(QLabel(self.tr("Tickets discussed (double-click opens the ticket)")))
        layout.addWidget(self.ticket_list, 2)
        layout.addLayout(row)
        layout.addWidget(self.ticket_problem)
        return page

    def _analysis_tab(self) -> QWidget:
        self.problem_edit = QPlainTextEdit(objectName="meetingProblem")
        self.problem_edit.setPlaceholderText(self.tr("What happened, where, how often, what it cost"))
        self.problem_edit.setTabChangesFocus(True)
        self.five_why_radio = QRadioButton(self.tr("5-why"), objectName="methodFiveWhy")
        self.fishbone_radio = QRadioButton(self.tr("Fishbone (man, machine, material, method, "
                                                   "environment, measurement)"),
                                           objectName="methodFishbone")
        self.method_group = QButtonGroup(self)
        self.method_group.addButton(self.five_why_radio)
        self.method_group.addButton(self.fishbone_radio)
        self.five_why_radio.setChecked(True)
        self.five_why = FiveWhyEditor()
        self.fishbone = FishboneEditor()
        self.method_stack = QStackedWidget(objectName="rootCauseStack")
        self.method_stack.addWidget(self.five_why)
        self.method_stack.addWidget(self.fishbone)
        self.five_why_radio.toggled.connect(self._method_changed)
        self.conclusions_edit = QPlainTextEdit(objectName="meetingConclusions")
        self.conclusions_edit.setPlaceholderText(self.tr("What the meeting decided"))
        self.conclusions_edit.setTabChangesFocus(True)

        methods = QHBoxLayout()
        methods.addWidget(QLabel(self.tr("Root-cause analysis:")))
        methods.addWidget(self.five_why_radio)
        methods.addWidget(self.fishbone_radio)
        methods.addStretch(1)
        cause = QWidget()
        cause_layout = QVBoxLayout(cause)
        cause_layout.setContentsMargins(0, 0, 0, 0)
        cause_layout.addLayout(methods)
        cause_layout.addWidget(self.method_stack, 1)
        self.root_cause_edit = QLineEdit(objectName="meetingRootCause")
        self.root_cause_edit.setPlaceholderText(
            self.tr("Root cause in one sentence (empty: the last answer of the 5-why)"))
        root_row = QHBoxLayout()
        root_row.addWidget(QLabel(self.tr("Root cause")))
        root_row.addWidget(self.root_cause_edit, 1)
        cause_layout.addLayout(root_row)
        root_problem = ProblemLabel()
        root_problem.setObjectName("problem_root_cause")
        self.problems["root_cause"] = root_problem
        cause_layout.addWidget(root_problem)

        left = QWidget()
        form = QFormLayout(left)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Problem statement"), self._boxed("problem", self.problem_edit))
        form.addRow(self.tr("Conclusions"), self._boxed("conclusions", self.conclusions_edit))
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(cause)
        splitter.setSizes([420, 540])
        page = QWidget()
        QVBoxLayout(page).addWidget(splitter)
        return page

    def _boxed(self, name: str, widget: QWidget) -> QWidget:
        holder = QWidget()
        holder.setLayout(self._with_problem(name, widget))
        holder.layout().setContentsMargins(0, 0, 0, 0)
        return holder

    def _actions_tab(self) -> QWidget:
        self.actions = ActionTable()
        self.actions.filesRefused.connect(lambda text: self.show_field_problem("actions", text))
        add = QPushButton(self.tr("Add an action"), objectName="addAction")
        add.clicked.connect(self._add_action)
        remove = QPushButton(self.tr("Remove the new action"), objectName="removeAction")
        remove.setToolTip(self.tr("Saved actions are never deleted: set them to Cancelled"))
        remove.clicked.connect(self.actions.remove_current)
        hint = QLabel(self.tr("Corrective actions fix this problem, preventive actions stop it "
                              "coming back. Closing an action needs evidence: drop files on its row "
                              "or use its Evidence button."))
        hint.setObjectName("stageHint")
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        problem = ProblemLabel()
        problem.setObjectName("problem_actions")
        self.problems["actions"] = problem
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.actions, 1)
        layout.addWidget(problem)
        layout.addLayout(row)
        return page

    # -- filling --------------------------------------------------------------------------------
    def set_choices(self, staff: list[tuple[uuid.UUID, str]], departments: list[str],
                    escalations: list[tuple[uuid.UUID, str]], today: dt.date) -> None:
        """The people, departments and escalations the record can name: (id, text) pairs."""
        staff = [Option(*pair) for pair in staff]
        escalations = [Option(*pair) for pair in escalations]
        with self.tracker.quiet():
            current_host = self.host_combo.currentData()
            self.host_combo.clear()
            self.host_combo.addItem(self.tr("— choose —"), None)
            for option in staff:
                self.host_combo.addItem(option.text, option.id)
            self.host_combo.setCurrentIndex(max(0, find_data(self.host_combo, current_host)))
            ticked = set(self._ticked(self.staff_list))
            self.staff_list.clear()
            for option in staff:
                item = QListWidgetItem(option.text)
                item.setData(ID_ROLE, option.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if option.id in ticked else Qt.CheckState.Unchecked)
                self.staff_list.addItem(item)
            linked = set(self._ticked(self.escalation_list))
            self.escalation_list.clear()
            for option in escalations:
                self._add_escalation_item(option, option.id in linked)
            self.actions.set_choices(staff, departments, today)
        self._count_attendees()

    def _add_escalation_item(self, option: Option, checked: bool) -> None:
        item = QListWidgetItem(option.text)
        item.setData(ID_ROLE, option.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.escalation_list.addItem(item)

    def set_record(self, meeting_id: uuid.UUID | None, data: MeetingData, actions: list[ActionRow],
                   tickets: list[LinkedTicketRow], status: str = "") -> None:
        """Show a meeting as the services read it (`data.held_at` already in local time)."""
        values = MeetingValues(
            id=meeting_id, title=data.title, held_at=data.held_at, place=data.place,
            host_id=data.host_id,
            staff_ids=[a.staff_id for a in data.attendees if a.staff_id is not None],
            externals=[(a.name, a.organisation, a.role) for a in data.attendees if a.staff_id is None],
            escalation_ids=list(data.escalation_ids), ticket_ids=list(data.ticket_ids),
            problem=data.problem, method=data.analysis_method, whys=list(data.five_whys),
            fishbone=dict(data.fishbone), root_cause=data.root_cause, conclusions=data.conclusions,
            actions=[ActionValues(
                id=a.id, kind=a.kind, description=a.description, owner_id=a.owner_id,
                department=a.department, due_date=a.due_on, status=a.status, note=a.note,
                evidence=[e.original_name for e in a.evidence], stored_status=a.status,
            ) for a in actions],
        )
        self.set_values(values, tickets, status)

    def set_values(self, values: MeetingValues, tickets: list[LinkedTicketRow], status: str = "") -> None:
        """Show a meeting (new: id None) and mark it as saved."""
        with self.tracker.quiet():
            self._meeting_id = values.id
            self.title_label.setText(
                self.tr("Retrospective meeting") if values.id else self.tr("New retrospective meeting"))
            self.status_label.setText(status)
            self.subject_edit.setText(values.title)
            held = values.held_at or dt.datetime.now().replace(second=0, microsecond=0)
            self.held_at_edit.setDateTime(QDateTime(QDate(held.year, held.month, held.day),
                                                    QTime(held.hour, held.minute)))
            self.place_edit.setText(values.place)
            self.host_combo.setCurrentIndex(max(0, find_data(self.host_combo, values.host_id)))
            for index in range(self.staff_list.count()):
                item = self.staff_list.item(index)
                item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in values.staff_ids
                                   else Qt.CheckState.Unchecked)
            # Who attended first, in the list order; the rest below to tick more.
            attending = [self.staff_list.takeItem(i) for i in reversed(range(self.staff_list.count()))
                         if self.staff_list.item(i).checkState() == Qt.CheckState.Checked]
            for item in attending:
                self.staff_list.insertItem(0, item)
            self.external_table.setRowCount(0)
            for name, org, role in values.externals:
                self.add_external(name, org, role)
            known = {self.escalation_list.item(i).data(ID_ROLE) for i in range(self.escalation_list.count())}
            for index in range(self.escalation_list.count()):
                item = self.escalation_list.item(index)
                item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in values.escalation_ids
                                   else Qt.CheckState.Unchecked)
            for missing in [e for e in values.escalation_ids if e not in known]:
                self._add_escalation_item(Option(missing, str(missing)), True)
            linked = [self.escalation_list.takeItem(i) for i in reversed(range(self.escalation_list.count()))
                      if self.escalation_list.item(i).checkState() == Qt.CheckState.Checked]
            for item in linked:
                self.escalation_list.insertItem(0, item)
            self.ticket_list.setRowCount(0)
            for ticket in tickets:
                self.add_ticket(ticket)
            self.problem_edit.setPlainText(values.problem)
            self.five_why.set_values(values.whys)
            self.fishbone.set_values(values.fishbone)
            (self.fishbone_radio if values.method == FISHBONE else self.five_why_radio).setChecked(True)
            self._method_changed()
            self.root_cause_edit.setText(values.root_cause)
            self.conclusions_edit.setPlainText(values.conclusions)
            self.actions.set_values(values.actions)
        self._count_attendees()
        self.show_problems([])
        self.tracker.set_dirty(False)
        self._show_dirty(False)

    def add_external(self, name: str, org: str, role: str, focus: bool = False) -> None:
        row = self.external_table.rowCount()
        self.external_table.insertRow(row)
        name_edit = QLineEdit(name, objectName=f"externalName{row}")
        org_edit = QLineEdit(org, objectName=f"externalOrg{row}")
        role_combo = QComboBox(objectName=f"externalRole{row}")
        for code in ATTENDEE_ROLES:
            role_combo.addItem(attendee_role_label(code), code)
        role_combo.setCurrentIndex(max(0, find_data(role_combo, role or "design")))
        for column, widget in enumerate((name_edit, org_edit, role_combo)):
            self.external_table.setCellWidget(row, column, widget)
        name_edit.textEdited.connect(self.tracker.touch)
        org_edit.textEdited.connect(self.tracker.touch)
        role_combo.currentIndexChanged.connect(self.tracker.touch)
        if focus:
            name_edit.setFocus()
            self.tracker.touch()
        self._count_attendees()

    def _remove_external(self) -> None:
        row = self.external_table.currentRow()
        if row < 0:
            row = self.external_table.rowCount() - 1
        if row >= 0:
            self.external_table.removeRow(row)
            self.tracker.touch()
            self._count_attendees()

    def add_ticket(self, ticket: LinkedTicketRow) -> bool:
        """Link a ticket (shown once); False when it was already linked."""
        if ticket.ticket_id in self.ticket_ids():
            return False
        row = self.ticket_list.rowCount()
        self.ticket_list.insertRow(row)
        for column, text in enumerate((ticket.number, labels.state_label(ticket.state), ticket.description)):
            item = QTableWidgetItem(text)
            item.setData(ID_ROLE, ticket.ticket_id)
            item.setToolTip(text)
            self.ticket_list.setItem(row, column, item)
        self.tabs.setTabText(1, self.tr("Escalations and tickets (%1)").replace("%1", str(row + 1)))
        return True

    def ticket_linked(self, ticket: LinkedTicketRow) -> None:
        """The controller found the typed number: link it as the clerk's change."""
        self.show_field_problem("tickets", "")
        if self.add_ticket(ticket):
            self.ticket_number_edit.clear()
            self.tracker.touch()

    def remove_selected_ticket(self) -> None:
        row = self.ticket_list.currentRow()
        if row >= 0:
            self.ticket_list.removeRow(row)
            self.tracker.touch()
            self.tabs.setTabText(1, self.tr("Escalations and tickets (%1)").replace(
                "%1", str(self.ticket_list.rowCount())))

    def ticket_ids(self) -> list[uuid.UUID]:
        return [self.ticket_list.item(row, 0).data(ID_ROLE) for row in range(self.ticket_list.rowCount())]

    def _lookup_ticket(self) -> None:
        number = self.ticket_number_edit.text().strip()
        if number:
            self.ticketLookupRequested.emit(number)

    # -- reading --------------------------------------------------------------------------------
    def meeting_id(self) -> uuid.UUID | None:
        return self._meeting_id

    def values(self) -> MeetingValues:
        held = self.held_at_edit.dateTime().toPython().replace(second=0, microsecond=0)
        externals = []
        for row in range(self.external_table.rowCount()):
            name = self.external_table.cellWidget(row, 0).text().strip()
            org = self.external_table.cellWidget(row, 1).text().strip()
            role = self.external_table.cellWidget(row, 2).currentData()
            if name or org:
                externals.append((name, org, role))
        return MeetingValues(
            id=self._meeting_id,
            title=self.subject_edit.text().strip(),
            held_at=held,
            place=self.place_edit.text().strip(),
            host_id=self.host_combo.currentData(),
            staff_ids=self._ticked(self.staff_list),
            externals=externals,
            escalation_ids=self._ticked(self.escalation_list),
            ticket_ids=self.ticket_ids(),
            problem=self.problem_edit.toPlainText().strip(),
            method=FISHBONE if self.fishbone_radio.isChecked() else FIVE_WHY,
            whys=self.five_why.values(),
            fishbone=self.fishbone.values(),
            root_cause=self.root_cause_edit.text().strip(),
            conclusions=self.conclusions_edit.toPlainText().strip(),
            actions=self.actions.values(),
        )

    @staticmethod
    def _ticked(widget: QListWidget) -> list[uuid.UUID]:
        return [widget.item(i).data(ID_ROLE) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    # -- messages -------------------------------------------------------------------------------
    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        """Each refusal next to its field (title, held_at, place, host, attendees, tickets,
        problem, root_cause, conclusions, actions); others under the form."""
        by_field: dict[str, list[str]] = {}
        general: list[str] = []
        for name, message in problems:
            key = name.split(".")[0].split("[")[0]
            if key in self.problems:
                by_field.setdefault(key, []).append(message)
            else:
                general.append(message)
        for key, label in self.problems.items():
            label.show_message("\n".join(by_field.get(key, [])))
        self.form_message.show_message("\n".join(general))
        # Bring the first tab with a refusal forward, so the clerk sees what to fix.
        tab_of = {"attendees": 0, "tickets": 1, "problem": 2, "root_cause": 2, "conclusions": 2,
                  "actions": 3}
        for key in by_field:
            if key in tab_of:
                self.tabs.setCurrentIndex(tab_of[key])
                break

    def show_field_problem(self, name: str, message: str) -> None:
        label = self.problems.get(name, self.form_message)
        label.show_message(message)

    def show_message(self, text: str) -> None:
        self.form_message.show_message(text)

    def set_meeting_state(self, status: str, held_blocked: list[str] | None,
                          close_blocked: list[str] | None) -> None:
        """The record's status chip and its two status buttons: None hides a button, a list of
        Chinese messages disables it and says why."""
        self.status_label.setText(status)
        for button, blocked in ((self.held_button, held_blocked),
                                (self.close_meeting_button, close_blocked)):
            button.setVisible(blocked is not None)
            button.setEnabled(not blocked)
            button.setToolTip("；".join(blocked or []))
        locked = close_blocked is None and held_blocked is None and self._meeting_id is not None
        # A closed record is history: it can be printed, not edited.
        for widget in (self.subject_edit, self.held_at_edit, self.place_edit, self.host_combo,
                       self.tabs):
            widget.setEnabled(not locked)

    def mark_saved(self, meeting_id: uuid.UUID, status: str = "") -> None:
        self._meeting_id = meeting_id
        self.title_label.setText(self.tr("Retrospective meeting"))
        if status:
            self.status_label.setText(status)
        self.tracker.set_dirty(False)
        self._show_dirty(False)

    # -- state ----------------------------------------------------------------------------------
    def _method_changed(self, *_args) -> None:
        self.method_stack.setCurrentIndex(1 if self.fishbone_radio.isChecked() else 0)
        self.tracker.touch()

    def _attendee_ticked(self, _item: QListWidgetItem) -> None:
        self.tracker.touch()
        self._count_attendees()

    def _count_attendees(self) -> None:
        staff = len(self._ticked(self.staff_list))
        external = self.external_table.rowCount()
        self.attendee_count.setText(
            self.tr("%1 of our staff, %2 external").replace("%1", str(staff)).replace("%2", str(external)))

    def _filter_staff(self, text: str) -> None:
        text = text.strip().lower()
        for index in range(self.staff_list.count()):
            item = self.staff_list.item(index)
            item.setHidden(bool(text) and text not in item.text().lower())

    def _add_action(self) -> None:
        row = self.actions.add_action()
        self.actions.setCurrentCell(row, ActionTable.COL_TEXT)
        self.actions.cellWidget(row, ActionTable.COL_TEXT).setFocus()
        self.tracker.touch()

    def _show_dirty(self, dirty: bool) -> None:
        title = self.subject_edit.text() or self.tr("Retrospective meeting")
        self.setWindowTitle(("* " if dirty else "") + title)
        self.save_button.setEnabled(dirty or self._meeting_id is None)

    def is_dirty(self) -> bool:
        return self.tracker.dirty

    def close_without_asking(self) -> None:
        self._allow_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._allow_close and self.tracker.dirty and not discard_confirmed(
            self, self.tr("Unsaved changes"),
            self.tr("This meeting record has changes that are not saved. Close and discard them?"),
        ):
            event.ignore()
            return
        self.closed.emit()
        super().closeEvent(event)

