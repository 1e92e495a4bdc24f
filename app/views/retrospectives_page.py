"""The 复盘 page: escalations with their tickets and log, retrospective meetings, my actions."""

from __future__ import annotations

import datetime as dt
import html
import uuid
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.escalation_terms import (
    ActionRow,
    EscalationDetail,
    EscalationRow,
    MeetingRow,
)
from app.views import labels
from app.views.master_form_support import ProblemLabel
from app.views.retro_labels import (
    ESCALATION_LEVELS,
    ESCALATION_STATES,
    action_kind_label,
    action_status_label,
    escalation_event_label,
    escalation_kind_label,
    escalation_level_label,
    escalation_state_label,
    local_text,
    meeting_status_label,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
OPEN_FILTER = "open"  # the state filter's "all open" entry
OVERDUE = QColor("#b3261e")
ESCALATIONS_TAB, MEETINGS_TAB, ACTIONS_TAB = range(3)


class _Item(QTableWidgetItem):
    """A cell that sorts by its SORT_ROLE value when it has one (dates, counts)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is not None and theirs is not None:
            return mine < theirs
        # Not super().__lt__: PySide routes it back here (endless recursion).
        return self.text() < other.text()


def _table(name: str, headers: list[str], stretch: int, widths: list[int] | None = None) -> QTableWidget:
    """A read-only row table; `widths` (in characters) fix the columns so long names elide
    instead of pushing the last columns off screen."""
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    if widths:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        char = table.fontMetrics().horizontalAdvance("中")
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width * char + 12)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    return table


def _fill_row(table: QTableWidget, row: int, row_id: Any, values: list[Any],
              tooltip: str = "", color: QColor | None = None, bold: bool = False) -> None:
    for column, value in enumerate(values):
        text, sort = value if isinstance(value, tuple) else (value, None)
        item = _Item(str(text))
        item.setData(ID_ROLE, row_id)
        if sort is not None:
            item.setData(SORT_ROLE, sort)
        if tooltip:
            item.setToolTip(tooltip)
        if color is not None:
            item.setForeground(QBrush(color))
        if bold:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        table.setItem(row, column, item)


def _row_id(table: QTableWidget) -> Any:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return item.data(ID_ROLE) if item is not None else None


def _select_id(table: QTableWidget, row_id: Any) -> bool:
    for row in range(table.rowCount()):
        if table.item(row, 0).data(ID_ROLE) == row_id:
            table.setCurrentCell(row, 0)
            return True
    return False


class RetrospectivesPage(QWidget):
    """Lays out the page; RetrospectivesController fills it and runs what it asks for."""

    shown = Signal()
    refreshRequested = Signal()
    filtersChanged = Signal()
    escalationSelected = Signal(object)  # escalation id or None
    ticketActivated = Signal(object)  # ticket id (open the ticket window)
    raiseLevelRequested = Signal(object, str)  # escalation id, reason
    scheduleMeetingRequested = Signal(object)  # escalation id
    closeEscalationRequested = Signal(object, str)  # escalation id, note
    newMeetingRequested = Signal()
    thresholdsRequested = Signal()  # 升级阈值…
    meetingActivated = Signal(object)  # meeting id (open the editor)
    publishCaseRequested = Signal(object)  # meeting id
    actionsFilterChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retrospectivesPage")
        title = QLabel(self.tr("Retrospectives"))
        title.setObjectName("pageTitle")
        self.summary_label = QLabel(objectName="retroSummary")
        self.summary_label.setObjectName("stageHint")
        refresh = QPushButton(self.tr("Refresh"), objectName="retroRefresh")
        refresh.setToolTip(self.tr("Read again and check for new escalations (F5)"))
        refresh.clicked.connect(self.refreshRequested.emit)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.summary_label)
        top.addStretch(1)
        thresholds = QPushButton(self.tr("Thresholds…"), objectName="retroThresholds")
        thresholds.setToolTip(self.tr("When a recurring defect becomes an escalation, per project type"))
        thresholds.clicked.connect(self.thresholdsRequested.emit)
        top.addWidget(thresholds)
        top.addWidget(refresh)

        self.tabs = QTabWidget(objectName="retroTabs")
        self.tabs.addTab(self._escalations_tab(), self.tr("Escalations"))
        self.tabs.addTab(self._meetings_tab(), self.tr("Meetings"))
        self.tabs.addTab(self._actions_tab(), self.tr("My actions"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.refreshRequested.emit)
        self._detail: EscalationDetail | None = None
        self.show_escalation(None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    # -- building -------------------------------------------------------------------------------
    def _escalations_tab(self) -> QWidget:
        self.project_filter = QComboBox(objectName="escalationProjectFilter")
        self.project_filter.addItem(self.tr("All projects"), None)
        self.level_filter = QComboBox(objectName="escalationLevelFilter")
        self.level_filter.addItem(self.tr("All levels"), None)
        for code in ESCALATION_LEVELS:
            self.level_filter.addItem(escalation_level_label(code), code)
        self.state_filter = QComboBox(objectName="escalationStateFilter")
        self.state_filter.addItem(self.tr("All open"), OPEN_FILTER)
        self.state_filter.addItem(self.tr("All states"), None)
        for code in ESCALATION_STATES:
            self.state_filter.addItem(escalation_state_label(code), code)
        for combo in (self.project_filter, self.level_filter, self.state_filter):
            combo.currentIndexChanged.connect(lambda _i: self.filtersChanged.emit())
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Project")))
        filters.addWidget(self.project_filter, 2)
        filters.addWidget(QLabel(self.tr("Level")))
        filters.addWidget(self.level_filter, 1)
        filters.addWidget(QLabel(self.tr("State")))
        filters.addWidget(self.state_filter, 1)
        self.escalation_count = QLabel(objectName="escalationCount")
        filters.addWidget(self.escalation_count)
        filters.addStretch(1)

        self.escalation_table = _table("escalationTable", [
            self.tr("Number"), self.tr("Kind"), self.tr("Level"), self.tr("State"),
            self.tr("Project"), self.tr("Cluster"), self.tr("Tickets"), self.tr("Owner"),
            self.tr("Raised"), self.tr("Why"),
        ], stretch=9, widths=[10, 8, 6, 6, 10, 10, 3, 4, 8, 10])
        # Unsorted until the clerk clicks a header: the service's order (open first, newest
        # first) is the useful one.
        self.escalation_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.escalation_table.setSortingEnabled(True)
        self.escalation_table.currentCellChanged.connect(
            lambda *_: self.escalationSelected.emit(_row_id(self.escalation_table)))

        # Detail: why, what can be done, and the tickets / log / meetings of the escalation.
        self.detail_title = QLabel(objectName="escalationTitle")
        self.detail_title.setObjectName("sectionTitle")
        self.detail_title.setWordWrap(True)
        self.explanation = QTextBrowser(objectName="escalationExplanation")
        self.explanation.setOpenLinks(False)
        self.note_edit = QLineEdit(objectName="escalationNote")
        self.note_edit.setPlaceholderText(self.tr("Reason or note (needed to raise the level or to "
                                                  "close without a meeting)"))
        self.raise_button = QPushButton(self.tr("Escalate to company management"),
                                        objectName="raiseLevel")
        self.schedule_button = QPushButton(self.tr("Schedule a retrospective meeting"),
                                           objectName="scheduleMeeting")
        self.schedule_button.setProperty("primary", True)
        self.close_button = QPushButton(self.tr("Close"), objectName="closeEscalation")
        self.blocked_label = QLabel(objectName="escalationBlocked")
        self.blocked_label.setObjectName("blockedReason")
        self.blocked_label.setWordWrap(True)
        self.raise_button.clicked.connect(self._raise)
        self.schedule_button.clicked.connect(
            lambda: self.scheduleMeetingRequested.emit(self._current_escalation()))
        self.close_button.clicked.connect(self._close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.schedule_button)
        buttons.addWidget(self.raise_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.detail_title)
        left_column.addWidget(self.explanation, 1)
        left_column.addWidget(self.note_edit)
        left_column.addLayout(buttons)
        left_column.addWidget(self.blocked_label)
        self.refusal_label = ProblemLabel()
        self.refusal_label.setObjectName("escalationRefusal")
        left_column.addWidget(self.refusal_label)

        self.ticket_tree = QTreeWidget(objectName="escalationTickets")
        self.ticket_tree.setHeaderLabels([self.tr("Number"), self.tr("State"), self.tr("Reported"),
                                          self.tr("Place"), self.tr("Problem"), self.tr("Joined because")])
        self.ticket_tree.setRootIsDecorated(False)
        self.ticket_tree.setAlternatingRowColors(True)
        self.ticket_tree.itemActivated.connect(
            lambda item, _c: self.ticketActivated.emit(item.data(0, ID_ROLE)))
        self.event_tree = QTreeWidget(objectName="escalationEvents")
        self.event_tree.setHeaderLabels([self.tr("Time"), self.tr("By"), self.tr("What happened")])
        self.event_tree.setRootIsDecorated(False)
        self.event_tree.setWordWrap(True)
        self.event_tree.setAlternatingRowColors(True)
        self.escalation_meetings = QTreeWidget(objectName="escalationMeetings")
        self.escalation_meetings.setHeaderLabels([self.tr("Number"), self.tr("Held"), self.tr("Subject"),
                                                  self.tr("Status"), self.tr("Open actions")])
        self.escalation_meetings.setRootIsDecorated(False)
        self.escalation_meetings.itemActivated.connect(
            lambda item, _c: self.meetingActivated.emit(item.data(0, ID_ROLE)))
        self.detail_tabs = QTabWidget(objectName="escalationDetailTabs")
        self.detail_tabs.addTab(self.ticket_tree, self.tr("Tickets"))
        self.detail_tabs.addTab(self.event_tree, self.tr("Log"))
        self.detail_tabs.addTab(self.escalation_meetings, self.tr("Meetings"))

        detail = QSplitter()
        detail.addWidget(left)
        detail.addWidget(self.detail_tabs)
        detail.setSizes([480, 800])
        frame = QFrame(objectName="escalationDetail")
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(0, 4, 0, 0)
        frame_layout.addWidget(detail)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.escalation_table)
        splitter.addWidget(frame)
        splitter.setSizes([300, 340])
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        return page

    def _meetings_tab(self) -> QWidget:
        self.meeting_table = _table("meetingTable", [
            self.tr("Number"), self.tr("Held"), self.tr("Subject"), self.tr("Project"), self.tr("Host"),
            self.tr("Status"), self.tr("Actions"), self.tr("Open"), self.tr("Overdue"),
        ], stretch=2, widths=[10, 8, 20, 10, 4, 4, 3, 3, 3])
        self.meeting_table.setSortingEnabled(True)
        self.meeting_table.cellDoubleClicked.connect(
            lambda *_: self.meetingActivated.emit(_row_id(self.meeting_table)))
        self.meeting_table.currentCellChanged.connect(lambda *_: self._meeting_buttons())
        self.new_meeting_button = QPushButton(self.tr("New meeting"), objectName="newMeeting")
        self.open_meeting_button = QPushButton(self.tr("Open"), objectName="openMeeting")
        self.publish_button = QPushButton(self.tr("Publish as typical case…"), objectName="publishCase")
        self.publish_button.setToolTip(self.tr("A closed meeting becomes a typical case in the "
                                               "knowledge base"))
        self.new_meeting_button.clicked.connect(self.newMeetingRequested.emit)
        self.open_meeting_button.clicked.connect(
            lambda: self.meetingActivated.emit(_row_id(self.meeting_table)))
        self.publish_button.clicked.connect(
            lambda: self.publishCaseRequested.emit(_row_id(self.meeting_table)))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_meeting_button)
        buttons.addWidget(self.open_meeting_button)
        buttons.addWidget(self.publish_button)
        buttons.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.meeting_table, 1)
        layout.addLayout(buttons)
        self._meeting_status: dict[uuid.UUID, str] = {}
        return page

    def _actions_tab(self) -> QWidget:
        self.mine_check = QCheckBox(self.tr("Only actions I own"), objectName="actionsMine")
        self.mine_check.setChecked(True)
        self.closed_check = QCheckBox(self.tr("Include closed actions"), objectName="actionsClosed")
        for box in (self.mine_check, self.closed_check):
            box.toggled.connect(lambda _c: self.actionsFilterChanged.emit())
        self.action_count = QLabel(objectName="actionCount")
        row = QHBoxLayout()
        row.addWidget(self.mine_check)
        row.addWidget(self.closed_check)
        row.addSpacing(12)
        row.addWidget(self.action_count)
        row.addStretch(1)
        self.action_table = _table("myActionsTable", [
            self.tr("Due"), self.tr("Status"), self.tr("Action"), self.tr("Kind"), self.tr("Owner"),
            self.tr("Department"), self.tr("Meeting"), self.tr("Evidence"),
        ], stretch=2, widths=[10, 4, 20, 3, 4, 9, 18, 3])
        self.action_table.cellDoubleClicked.connect(self._action_activated)
        hint = QLabel(self.tr("Overdue actions come first, in red. Double-click opens the meeting "
                              "where the status and evidence are recorded."))
        hint.setObjectName("stageHint")
        hint.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.action_table, 1)
        layout.addWidget(hint)
        self._action_meetings: dict[uuid.UUID, uuid.UUID] = {}
        return page

    # -- filters --------------------------------------------------------------------------------
    def set_projects(self, projects: list[tuple[uuid.UUID, str]]) -> None:
        current = self.project_filter.currentData()
        self.project_filter.blockSignals(True)
        self.project_filter.clear()
        self.project_filter.addItem(self.tr("All projects"), None)
        for project_id, name in projects:
            self.project_filter.addItem(name, project_id)
        index = next((i for i in range(self.project_filter.count())
                      if self.project_filter.itemData(i) == current), 0)
        self.project_filter.setCurrentIndex(index)
        self.project_filter.blockSignals(False)

    def filters(self) -> dict[str, Any]:
        """project_id, level, state (None: any; OPEN_FILTER: every open state)."""
        return {"project_id": self.project_filter.currentData(), "level": self.level_filter.currentData(),
                "state": self.state_filter.currentData()}

    def actions_filter(self) -> tuple[bool, bool]:
        """(only mine, include closed)."""
        return self.mine_check.isChecked(), self.closed_check.isChecked()

    # -- escalations ----------------------------------------------------------------------------
    def set_escalations(self, rows: list[EscalationRow], select: uuid.UUID | None = None) -> None:
        table = self.escalation_table
        keep = select or _row_id(table)
        table.blockSignals(True)
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            urgent = row.state == "reopened" or row.level == "management"
            _fill_row(table, index, row.id, [
                row.number, escalation_kind_label(row.kind), escalation_level_label(row.level),
                escalation_state_label(row.state), row.project_name, row.cluster,
                (row.ticket_count, row.ticket_count), row.owner_name or self.tr("—"),
                (local_text(row.raised_at), row.raised_at), row.explanation.splitlines()[0]
                if row.explanation else row.title,
            ], tooltip=row.explanation, color=OVERDUE if row.state == "reopened" else None, bold=urgent)
            table.item(index, 6).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setSortingEnabled(True)
        found = _select_id(table, keep) if keep is not None else False
        if keep is None and rows:
            table.setCurrentCell(0, 0)  # the newest open escalation, so the detail is never empty
            found = True
        table.blockSignals(False)
        self.escalation_count.setText(self.tr("%1 escalations").replace("%1", str(len(rows))))
        if not found:
            table.setCurrentCell(-1, -1)
            self.show_escalation(None)
        self.escalationSelected.emit(_row_id(table))

    def select_escalation(self, escalation_id: uuid.UUID) -> bool:
        self.tabs.setCurrentIndex(ESCALATIONS_TAB)
        return _select_id(self.escalation_table, escalation_id)

    def _current_escalation(self) -> uuid.UUID | None:
        return self._detail.row.id if self._detail is not None else None

    def shown_escalation(self) -> uuid.UUID | None:
        """The escalation whose detail is shown."""
        return self._current_escalation()

    def selected_escalation(self) -> uuid.UUID | None:
        """The escalation selected in the table."""
        return _row_id(self.escalation_table)

    def show_escalation(self, detail: EscalationDetail | None,
                        blocked: dict[str, list[str]] | None = None) -> None:
        """Show one escalation; `blocked` says per action (raise_level, schedule_meeting, close)
        what stops it (the engine's messages)."""
        if detail is None or self._detail is None or detail.row.id != self._detail.row.id:
            self.refusal_label.show_message("")
        self._detail = detail
        blocked = blocked or {}
        buttons = {"raise_level": self.raise_button, "schedule_meeting": self.schedule_button,
                   "close": self.close_button}
        if detail is None:
            self.detail_title.setText(self.tr("Choose an escalation above"))
            self.explanation.clear()
            self.ticket_tree.clear()
            self.event_tree.clear()
            self.escalation_meetings.clear()
            for button in buttons.values():
                button.setEnabled(False)
            self.blocked_label.hide()
            return
        row = detail.row
        self.detail_title.setText(f"{row.number}  {row.title}")
        facts = [
            (self.tr("Kind"), escalation_kind_label(row.kind)),
            (self.tr("Level"), escalation_level_label(row.level)),
            (self.tr("State"), escalation_state_label(row.state)),
            (self.tr("Project"), row.project_name),
            (self.tr("Cluster"), row.cluster),
            (self.tr("Owner"), row.owner_name or self.tr("—")),
            (self.tr("Raised"), local_text(row.raised_at)),
            (self.tr("Watched until"), local_text(row.watch_until)),
            (self.tr("Open actions"), str(detail.open_action_count)),
        ]
        table = "".join(f"<tr><th align='right'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
                        for k, v in facts if v)
        why = html.escape(row.explanation).replace("\n", "<br>")
        self.explanation.setHtml(f"<p>{why}</p><table cellspacing='3'>{table}</table>")
        self._show_tickets(detail)
        self._show_events(detail)
        self._show_meetings_of(detail)
        reasons = []
        for action, button in buttons.items():
            messages = blocked.get(action, [])
            button.setEnabled(not messages)
            button.setToolTip("；".join(messages))
            if messages and row.state != "closed":
                reasons.append(f"{button.text()}：{'；'.join(messages)}")
        self.blocked_label.setText("\n".join(reasons))
        self.blocked_label.setVisible(bool(reasons))

    def _show_tickets(self, detail: EscalationDetail) -> None:
        self.ticket_tree.clear()
        for ticket in detail.tickets:
            item = QTreeWidgetItem([ticket.number, labels.state_label(ticket.state),
                                    local_text(ticket.reported_at), ticket.location,
                                    ticket.description, ticket.reason])
            item.setData(0, ID_ROLE, ticket.ticket_id)
            item.setToolTip(4, ticket.description)
            item.setToolTip(5, ticket.reason)
            self.ticket_tree.addTopLevelItem(item)
        for column in range(4):
            self.ticket_tree.resizeColumnToContents(column)
        self.detail_tabs.setTabText(0, self.tr("Tickets (%1)").replace("%1", str(len(detail.tickets))))

    def _show_events(self, detail: EscalationDetail) -> None:
        self.event_tree.clear()
        for event in reversed(detail.events):  # newest first
            what = escalation_event_label(event.kind)
            change = " → ".join(v for v in (event.old_value, event.new_value) if v)
            text = "：".join(p for p in (what, change) if p)
            if event.note:
                text += f"（{event.note}）"
            item = QTreeWidgetItem([local_text(event.at), event.actor_name, text])
            item.setToolTip(2, text)
            self.event_tree.addTopLevelItem(item)
        self.event_tree.resizeColumnToContents(0)
        self.event_tree.resizeColumnToContents(1)

    def _show_meetings_of(self, detail: EscalationDetail) -> None:
        self.escalation_meetings.clear()
        for meeting in detail.meetings:
            item = QTreeWidgetItem([meeting.number, local_text(meeting.held_at), meeting.title,
                                    meeting_status_label(meeting.status), str(meeting.open_action_count)])
            item.setData(0, ID_ROLE, meeting.id)
            self.escalation_meetings.addTopLevelItem(item)
        self.detail_tabs.setTabText(2, self.tr("Meetings (%1)").replace("%1", str(len(detail.meetings))))

    def _raise(self) -> None:
        self.raiseLevelRequested.emit(self._current_escalation(), self.note_edit.text().strip())

    def _close(self) -> None:
        self.closeEscalationRequested.emit(self._current_escalation(), self.note_edit.text().strip())

    def clear_note(self) -> None:
        self.note_edit.clear()
        self.refusal_label.show_message("")

    def show_refusal(self, messages: list[str]) -> None:
        """Why the last button press was refused (the engine's Chinese messages)."""
        self.refusal_label.show_message("\n".join(messages))

    # -- meetings -------------------------------------------------------------------------------
    def set_meetings(self, rows: list[MeetingRow], select: uuid.UUID | None = None) -> None:
        table = self.meeting_table
        keep = select or _row_id(table)
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        self._meeting_status = {row.id: row.status for row in rows}
        for index, row in enumerate(rows):
            _fill_row(table, index, row.id, [
                row.number, (local_text(row.held_at), row.held_at), row.title, row.project_name,
                row.host_name, meeting_status_label(row.status), (row.action_count, row.action_count),
                (row.open_action_count, row.open_action_count),
                (row.overdue_action_count, row.overdue_action_count),
            ], color=OVERDUE if row.overdue_action_count else None)
        table.sortItems(1, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        if keep is not None:
            _select_id(table, keep)
        self.tabs.setTabText(MEETINGS_TAB, self.tr("Meetings (%1)").replace("%1", str(len(rows))))
        self._meeting_buttons()

    def selected_meeting(self) -> uuid.UUID | None:
        return _row_id(self.meeting_table)

    def select_meeting(self, meeting_id: uuid.UUID) -> bool:
        self.tabs.setCurrentIndex(MEETINGS_TAB)
        return _select_id(self.meeting_table, meeting_id)

    def _meeting_buttons(self) -> None:
        meeting = _row_id(self.meeting_table)
        self.open_meeting_button.setEnabled(meeting is not None)
        closed = self._meeting_status.get(meeting) == "closed"
        self.publish_button.setEnabled(closed)
        self.publish_button.setToolTip(
            self.tr("A closed meeting becomes a typical case in the knowledge base") if closed
            else self.tr("Only a closed meeting (every action closed) can be published"))

    # -- actions --------------------------------------------------------------------------------
    def set_actions(self, rows: list[ActionRow], today: dt.date) -> None:
        """The actions (already ordered: overdue first, then by due date); overdue in red."""
        table = self.action_table
        table.setRowCount(len(rows))
        self._action_meetings = {row.id: row.meeting_id for row in rows}
        overdue = 0
        for index, row in enumerate(rows):
            late = row.overdue
            overdue += late
            due = row.due_on.isoformat() if row.due_on else ""
            if late and row.due_on:
                due += self.tr(" (%1 d overdue)").replace("%1", str((today - row.due_on).days))
            _fill_row(table, index, row.id, [
                due, action_status_label(row.status), row.description, action_kind_label(row.kind),
                row.owner_name, row.department, f"{row.meeting_number} {row.meeting_title}",
                str(len(row.evidence)),
            ], tooltip=row.note or row.description, color=OVERDUE if late else None, bold=late)
        self.action_count.setText(self.tr("%1 actions, %2 overdue").replace("%1", str(len(rows)))
                                  .replace("%2", str(overdue)))
        self.tabs.setTabText(ACTIONS_TAB, self.tr("My actions (%1)").replace("%1", str(overdue))
                             if overdue else self.tr("My actions"))

    def _action_activated(self, row: int, _column: int) -> None:
        action_id = self.action_table.item(row, 0).data(ID_ROLE)
        meeting_id = self._action_meetings.get(action_id)
        if meeting_id is not None:
            self.meetingActivated.emit(meeting_id)

    # -- badge ----------------------------------------------------------------------------------
    def show_summary(self, open_escalations: int, overdue_actions: int) -> None:
        self.summary_label.setText(
            self.tr("%1 open escalations · %2 overdue actions")
            .replace("%1", str(open_escalations)).replace("%2", str(overdue_actions)))
