"""Owns one meeting record window: fills it, saves it in one transaction, prints the minutes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import mimetypes
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.config import attachments_dir
from app.controllers.background import run_in_background
from app.controllers.current_user import CurrentUser
from app.controllers.documents_controller import page_image
from app.controllers.ticket_bus import TicketBus
from app.documents.minutes import MinutesRefused, RenderedMinutes, render_minutes
from app.documents.pages import PdfPages
from app.models.attachment_store import AttachmentStore
from app.models.base import from_local, to_local, utcnow
from app.models.db import Database
from app.models.escalation_engine import escalation_detail, list_escalations
from app.models.escalation_terms import (
    CLOSED_ACTION_STATUSES,
    MEETING_STATUS_ZH,
    ActionData,
    AttendeeData,
    LinkedTicketRow,
    MeetingData,
    MeetingDetail,
    MeetingStatus,
    RetroRefused,
)
from app.models.people import OrgUnit, Staff
from app.models.retrospective import CorrectiveAction, RetrospectiveMeeting
from app.models.retrospective_service import (
    add_evidence,
    close_meeting,
    mark_meeting_held,
    meeting_detail,
    save_meeting_record,
    set_action_status,
)
from app.models.ticket import Ticket

# Service field names → the editor's problem labels (anything else shows under the form).
FIELD_OF = {
    "title": "title", "held_at": "held_at", "place": "place", "host_id": "host", "host": "host",
    "attendees": "attendees", "ticket_ids": "tickets", "tickets": "tickets",
    "escalation_ids": "tickets", "problem": "problem", "root_cause": "root_cause",
    "five_whys": "root_cause", "fishbone": "root_cause", "analysis_method": "root_cause",
    "analysis": "root_cause",
    "conclusions": "conclusions", "actions": "actions",
}


@dataclasses.dataclass(frozen=True)
class _Choices:
    """The editor's lists, read off the GUI thread and shown on it."""

    staff: list[tuple[uuid.UUID, str]]
    departments: list[str]
    escalations: list[tuple[uuid.UUID, str]]


@dataclasses.dataclass(frozen=True)
class _Committed:
    """A committed save or status change, with the record read back to show it."""

    meeting_id: uuid.UUID
    detail: MeetingDetail
    choices: _Choices


class _Unreadable(Exception):
    """An evidence file could not be read: nothing was saved."""


def _field(name: str) -> str:
    key = name.split(".")[0].split("[")[0]
    if key.startswith("action"):
        return "actions"
    return FIELD_OF.get(key, name)


class MeetingController(QObject):
    """Owns a MeetingEditor (app.views.meeting_editor); `views` makes the preview dialog and
    asks for file names (app.views.document_preview_dialog.DocumentDialogs)."""

    saved = Signal(object)  # the meeting id, after every committed change
    closed = Signal(object)  # the meeting id (None if never saved)
    previewShown = Signal(object)  # the preview dialog
    minutesRendered = Signal(object)  # RenderedMinutes (printed or saved)
    statusMessage = Signal(str)

    def __init__(self, db: Database, bus: TicketBus, user: CurrentUser, editor, views: Any,
                 clock: Callable[[], dt.datetime] = utcnow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.bus = bus
        self.user = user
        self.editor = editor
        self.views = views
        self.clock = clock
        self.store = AttachmentStore(attachments_dir(db.path))
        self.status = ""
        self.busy = False  # a change is being written: the editor is disabled
        self._open = [True]  # False once the window closed or self is gone: a late result
        opened = self._open  # touches nothing
        self.destroyed.connect(lambda *_args: opened.__setitem__(0, False))
        self._focus: Any = None  # the widget that had the focus before the editor was disabled
        self._previews: list[Any] = []
        editor.saveRequested.connect(self.save)
        editor.markHeldRequested.connect(self.mark_held)
        editor.closeMeetingRequested.connect(self.close_meeting)
        editor.previewRequested.connect(lambda: self.render("preview"))
        editor.printRequested.connect(lambda: self.render("print"))
        editor.savePdfRequested.connect(lambda: self.render("save"))
        editor.ticketLookupRequested.connect(self.link_ticket)
        editor.ticketActivated.connect(bus.open)
        editor.closed.connect(self._editor_closed)

    def _editor_closed(self) -> None:
        self._open[0] = False
        self.closed.emit(self.editor.meeting_id())

    # -- loading --------------------------------------------------------------------------------
    def load_choices(self, session, linked: list[uuid.UUID]) -> None:
        """Staff, departments and the escalations the record may name."""
        self._set_choices(self._read_choices(session, linked))

    def _read_choices(self, session, linked: list[uuid.UUID]) -> _Choices:
        """What load_choices shows, read in `session` (any thread)."""
        staff = [(row.id, f"{row.name}（{row.unit}）") for row in session.execute(
            select(Staff.id, Staff.name, OrgUnit.name.label("unit")).join(OrgUnit)
            .where(Staff.active.is_(True)).order_by(Staff.name))]
        departments = list(session.scalars(select(OrgUnit.name).order_by(OrgUnit.kind, OrgUnit.name)))
        escalations = {row.id: row for row in list_escalations(session, open_only=True)}
        for escalation_id in linked:
            if escalation_id not in escalations:
                row = escalation_detail(session, escalation_id).row
                escalations[row.id] = row
        options = [(row.id, f"{row.number} {row.title}")
                   for row in escalations.values()]
        return _Choices(staff, departments, options)

    def _set_choices(self, choices: _Choices) -> None:
        self.editor.set_choices(choices.staff, choices.departments, choices.escalations,
                                to_local(self.clock()).date())

    def open_meeting(self, meeting_id: uuid.UUID) -> bool:
        try:
            with self.db.sessions() as session:
                detail = meeting_detail(session, meeting_id)
                self.load_choices(session, detail.data.escalation_ids)
        except (RetroRefused, LookupError) as error:
            self.editor.show_message(str(error))
            return False
        except SQLAlchemyError as error:
            self.editor.show_message(self.tr("The database could not be read: %1").replace("%1", str(error)))
            return False
        self._show(detail)
        return True

    def new_meeting(self, data: MeetingData, tickets: list[LinkedTicketRow]) -> None:
        """A new record, prefilled (from an escalation) or empty."""
        with self.db.sessions() as session:
            self.load_choices(session, data.escalation_ids)
        if data.held_at is None:
            # The next full hour: meetings are called for a time, not for now.
            now = to_local(self.clock()).replace(tzinfo=None, second=0, microsecond=0)
            held_at = now.replace(minute=0) + dt.timedelta(hours=1)
        else:
            held_at = to_local(data.held_at).replace(tzinfo=None)
        attendees = list(data.attendees)
        if not attendees and self.user.staff_id is not None:
            attendees = [AttendeeData(name="", staff_id=self.user.staff_id)]
        local = dataclasses.replace(data, held_at=held_at, attendees=attendees,
                                    host_id=data.host_id or self.user.staff_id)
        status = self.tr("New, not saved yet")
        self.editor.set_record(None, local, [], tickets, status)
        self.editor.set_meeting_state(status, [self.tr("Save the record first")], None)
        # Prefilled from an escalation: unsaved until the clerk saves it.
        self.editor.tracker.set_dirty(bool(data.escalation_ids or tickets))

    def _show(self, detail: MeetingDetail) -> None:
        data = detail.data
        local = dataclasses.replace(
            data, held_at=to_local(data.held_at).replace(tzinfo=None) if data.held_at else None)
        self.status = detail.status
        status = f"{detail.number} · {MEETING_STATUS_ZH.get(MeetingStatus(detail.status), detail.status)}"
        self.editor.set_record(detail.id, local, detail.actions, detail.tickets, status)
        open_actions = [a for a in detail.actions if a.status not in CLOSED_ACTION_STATUSES]
        held: list[str] | None = None
        close: list[str] | None = None
        if detail.status == MeetingStatus.PLANNED:
            held = []
        elif detail.status == MeetingStatus.HELD:
            close = [self.tr("%1 actions are not closed yet").replace("%1", str(len(open_actions)))] \
                if open_actions else []
        if close:
            status += f"（{close[0]}）"
        self.editor.set_meeting_state(status, held, close)

    def reload(self) -> None:
        meeting_id = self.editor.meeting_id()
        if meeting_id is not None:
            self.open_meeting(meeting_id)

    # -- saving ---------------------------------------------------------------------------------
    def _data(self, session, values: Any) -> tuple[MeetingData, list]:
        """The record as the service takes it, from the editor's values (names read in `session`)."""
        attendees = [AttendeeData(name=name, staff_id=staff_id, role="construction")
                     for staff_id, name in self._staff_names(session, values.staff_ids)]
        attendees += [AttendeeData(name=name, organisation=org, role=role or "other")
                      for name, org, role in values.externals]
        root_cause = values.root_cause
        if not root_cause and values.method == "five_why" and values.whys:
            root_cause = values.whys[-1]  # the last answer of the chain is the root cause
        held_at = from_local(values.held_at).replace(tzinfo=None) if values.held_at else None
        data = MeetingData(
            title=values.title, held_at=held_at, place=values.place, host_id=values.host_id,
            problem=values.problem, analysis_method=values.method, five_whys=values.whys,
            fishbone=values.fishbone, root_cause=root_cause, conclusions=values.conclusions,
            attendees=attendees, escalation_ids=values.escalation_ids, ticket_ids=values.ticket_ids,
        )
        return data, values.actions

    @staticmethod
    def _staff_names(session, ids: list[uuid.UUID]) -> list[tuple[uuid.UUID, str]]:
        if not ids:
            return []
        names = dict(session.execute(select(Staff.id, Staff.name).where(Staff.id.in_(ids))).all())
        return [(staff_id, names.get(staff_id, "")) for staff_id in ids]

    def save(self, then: Callable[[uuid.UUID], None] | None = None) -> bool:
        """The whole record, its actions, their new evidence and status changes: one transaction,
        off the GUI thread with the editor disabled. `then(meeting_id)` runs after the commit
        (a status change or the minutes wait for it). False when no save started."""
        if self.busy:
            return False
        values = self.editor.values()  # widgets are read here, on the GUI thread
        meeting_id = self.editor.meeting_id()
        db, user, store, now = self.db, self.user, self.store, self.clock()
        action_label = self.tr("Action %1: %2")
        unreadable = self.tr("Cannot read %1: %2")

        def work() -> _Committed:
            files: dict[int, list[tuple[Path, bytes]]] = {}
            for index, action in enumerate(values.actions):
                for path in action.new_files:
                    try:
                        files.setdefault(index, []).append((path, path.read_bytes()))
                    except OSError as error:
                        raise _Unreadable(unreadable.replace("%1", path.name).replace(
                            "%2", error.strerror or str(error))) from error
            with db.transaction() as session:
                actor = user.actor(session)
                data, actions = self._data(session, values)
                meeting = session.get(RetrospectiveMeeting, meeting_id) if meeting_id else None
                rows = [(a.id, ActionData(a.kind, a.description, a.owner_id, a.department, a.due_date))
                        for a in actions]
                meeting = save_meeting_record(session, meeting, actor, data, rows, now=now)
                session.flush()
                stored = list(session.scalars(
                    select(CorrectiveAction).where(CorrectiveAction.meeting_id == meeting.id)
                    .order_by(CorrectiveAction.seq)))
                by_id = {a.id: a for a in stored}
                new_ones = iter([a for a in stored if a.id not in {x.id for x in actions if x.id}])
                for index, action_values in enumerate(actions):
                    action = by_id.get(action_values.id) if action_values.id else next(new_ones, None)
                    if action is None:
                        continue
                    try:
                        for path, content in files.get(index, []):
                            add_evidence(session, store, action, actor, data=content,
                                         original_name=path.name, now=now,
                                         mime_type=mimetypes.guess_type(path.name)[0]
                                         or "application/octet-stream")
                        if action_values.status and action_values.status != (action.status or ""):
                            set_action_status(session, action, actor, action_values.status,
                                              note=action_values.note, now=now)
                    except RetroRefused as refused:
                        # Name the row: the table has no field labels of its own.
                        raise RetroRefused([
                            type(p)("actions", action_label.replace("%1", str(index + 1))
                                    .replace("%2", p.message)) for p in refused.problems
                        ]) from refused
                saved_id = meeting.id
            return self._read_back(saved_id)

        return self._run(work, self.tr("Meeting record saved"), then)

    def _read_back(self, meeting_id: uuid.UUID) -> _Committed:
        """The committed record and the editor's lists, read in a session of its own."""
        with self.db.sessions() as session:
            detail = meeting_detail(session, meeting_id)
            return _Committed(meeting_id, detail,
                              self._read_choices(session, detail.data.escalation_ids))

    def _run(self, work: Callable[[], _Committed], message: str,
             then: Callable[[uuid.UUID], None] | None) -> bool:
        """Run a writing `work` off the GUI thread with the editor disabled, then show the
        record it committed (or why nothing was written)."""
        if self.busy:
            return False
        self._set_busy(True)

        def done(committed: _Committed) -> None:
            if self._set_busy(False):
                self._set_choices(committed.choices)
                self._show(committed.detail)
                if message:
                    self.statusMessage.emit(message)
                self.saved.emit(committed.meeting_id)
                if then is not None:
                    then(committed.meeting_id)

        def failed(error: Exception) -> None:
            if self._set_busy(False):
                self._show_refusal(error)

        run_in_background(work, done, failed)
        return True

    def _set_busy(self, busy: bool) -> bool:
        """Disable the editor while a change is written; False when the window is gone."""
        self.busy = busy
        if not self._open[0]:
            return False
        if busy:
            self._focus = self.editor.focusWidget()
            self.editor.setCursor(Qt.CursorShape.BusyCursor)
            self.editor.setEnabled(False)
        else:
            self.editor.setEnabled(True)
            self.editor.unsetCursor()
            if self._focus is not None:
                self._focus.setFocus()  # the clerk types on where they were
            self._focus = None
        return True

    def _show_refusal(self, error: Exception) -> None:
        """Why nothing was written, in Chinese, where the clerk looks."""
        if isinstance(error, RetroRefused):
            self.editor.show_problems([(_field(p.field), p.message) for p in error.problems])
        elif isinstance(error, _Unreadable):
            self.editor.show_field_problem("actions", str(error))
        elif isinstance(error, LookupError):
            self.editor.show_message(str(error))  # the engine's and CurrentUser's, in Chinese
        elif isinstance(error, SQLAlchemyError):
            self.editor.show_message(self.tr("Nothing was saved: the database reported %1")
                                     .replace("%1", str(error)))
        else:
            self.editor.show_message(self.tr("Nothing was saved: %1").replace("%1", str(error)))

    def _saved_first(self, then: Callable[[uuid.UUID], None]) -> bool:
        """Run `then(meeting id)`, saving the record first when it has unsaved changes."""
        if self.busy:
            return False
        if self.editor.is_dirty() or self.editor.meeting_id() is None:
            return self.save(then)
        then(self.editor.meeting_id())
        return True

    def _status_change(self, change: Callable) -> bool:
        def run(meeting_id: uuid.UUID) -> None:
            db, user, now = self.db, self.user, self.clock()

            def work() -> _Committed:
                with db.transaction() as session:
                    meeting = session.get(RetrospectiveMeeting, meeting_id)
                    change(session, meeting, user.actor(session), now=now)
                return self._read_back(meeting_id)

            self._run(work, "", None)

        return self._saved_first(run)

    def mark_held(self) -> bool:
        return self._status_change(mark_meeting_held)

    def close_meeting(self) -> bool:
        return self._status_change(close_meeting)

    # -- linking tickets ------------------------------------------------------------------------
    def link_ticket(self, number: str) -> None:
        with self.db.sessions() as session:
            ticket = session.scalars(select(Ticket).where(Ticket.number == number.strip().upper())).first()
            if ticket is None:
                self.editor.show_field_problem("tickets", f"找不到报修单 {number}")
                return
            now = self.clock()
            self.editor.ticket_linked(LinkedTicketRow(
                ticket.id, ticket.number, ticket.state, ticket.reported_at, "", "",
                ticket.description, now, "会议中关联"))

    # -- minutes --------------------------------------------------------------------------------
    def render(self, purpose: str) -> None:
        """preview / print / save: make the minutes PDF off the GUI thread (after saving)."""
        self._saved_first(lambda meeting_id: self._render(purpose, meeting_id))

    def _render(self, purpose: str, meeting_id: uuid.UUID) -> None:
        path = ""
        if purpose == "save":
            path = self.views.ask_save_pdf(self._file_name(meeting_id))
            if not path:
                return
        printed_by = self.user.staff_id
        now = self.clock()

        def work() -> RenderedMinutes:
            with self.db.transaction() as session:
                document = render_minutes(session, self.store, meeting_id, printed_by_id=printed_by, now=now)
            if path:
                Path(path).write_bytes(document.pdf)
            return document

        def done(document: RenderedMinutes) -> None:
            self.minutesRendered.emit(document)
            if document.warnings:
                self.views.show_error("以下文件未能打印：\n" + "\n".join(document.warnings))
            if purpose == "save":
                self.statusMessage.emit(f"已保存《{document.title}》{document.meeting_number} → {path}")
            else:
                self._show_preview(document, print_now=purpose == "print")

        run_in_background(work, done, self._report)

    def _file_name(self, meeting_id: uuid.UUID) -> str:
        with self.db.sessions() as session:
            number = session.scalar(select(RetrospectiveMeeting.number).where(
                RetrospectiveMeeting.id == meeting_id)) or ""
        return f"专项复盘会议纪要-{number}.pdf"

    def _show_preview(self, document: RenderedMinutes, print_now: bool) -> None:
        pages = PdfPages(document.pdf)
        dialog = self.views.preview()
        dialog.saveRequested.connect(lambda path: self._write(document, path))
        dialog.finished.connect(lambda _result: self._close_preview(dialog, pages))
        self._previews.append(dialog)
        dialog.show_document(f"{document.title} {document.meeting_number}", document.code, pages.sizes,
                             lambda index, dpi: page_image(pages, index, dpi), document.file_name)
        dialog.show()
        self.previewShown.emit(dialog)
        if print_now:
            # The system print dialog over the preview: the clerk sees what is printed.
            QTimer.singleShot(0, dialog.print_document)

    def _close_preview(self, dialog: Any, pages: PdfPages) -> None:
        if dialog in self._previews:
            self._previews.remove(dialog)
        pages.close()

    def _write(self, document: RenderedMinutes, path: str) -> None:
        try:
            Path(path).write_bytes(document.pdf)
        except OSError as error:
            self.views.show_error(f"无法写入文件 {path}（{error.strerror or error}）")
            return
        self.statusMessage.emit(f"已保存《{document.title}》{document.meeting_number} → {path}")

    def _report(self, error: Exception) -> None:
        if isinstance(error, MinutesRefused | RetroRefused | LookupError):
            self.views.show_error(str(error))
        elif isinstance(error, OSError):
            self.views.show_error(f"无法写入文件（{error.strerror or error}）")
        else:
            self.views.show_error(f"生成会议纪要失败：{error}")


