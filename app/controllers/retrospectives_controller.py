"""Connects the 复盘 page: escalations, meetings and my actions; the meeting windows; manual
escalation from a ticket; the periodic evaluation that notices new escalations."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.controllers.background import run_in_background
from app.controllers.current_user import CurrentUser
from app.controllers.meeting_controller import MeetingController
from app.controllers.ticket_bus import TicketBus
from app.models.base import to_local, utcnow
from app.models.db import Database
from app.models.escalation import Escalation
from app.models.escalation_engine import (
    close_escalation,
    escalate,
    escalation_check,
    escalation_detail,
    evaluate_all,
    list_escalations,
    open_escalation_count,
    open_escalations_of,
    raise_level,
    set_type_thresholds,
    type_thresholds,
)
from app.models.escalation_terms import MeetingData, RetroRefused
from app.models.project import Project
from app.models.retrospective_service import (
    actions_for_owner,
    list_meetings,
    meeting_prefill,
    overdue_action_count,
)
from app.models.ticket import Ticket

OPEN_FILTER = "open"  # the page's "all open states" filter value
EVALUATE_EVERY_MS = 5 * 60_000  # SLA breaches appear as time passes, not only on a change
RELOAD_DELAY_MS = 300  # several ticket changes in a row reload the page once


@dataclass
class RetroViews:
    """How to make the windows (the composition root knows the classes; controllers do not)."""

    meeting_editor: Callable[[], Any]  # → app.views.meeting_editor.MeetingEditor
    escalate_dialog: Callable[[], Any]  # → app.views.escalate_dialog.EscalateDialog
    publish_dialog: Callable[[], Any]  # → app.views.case_library_page.PublishCaseDialog
    documents: Any  # app.views.document_preview_dialog.DocumentDialogs
    settings_dialog: Callable[[], Any] | None = None  # → EscalationSettingsDialog


@dataclass
class _Snapshot:
    projects: list[tuple[uuid.UUID, str]]
    escalations: list
    meetings: list
    actions: list
    open_escalations: int
    overdue_actions: int
    today: dt.date
    generation: int = 0
    detail: Any = None
    blocked: dict[str, list[str]] = field(default_factory=dict)


class RetrospectivesController(QObject):
    """Owns the RetrospectivesPage (app.views.retrospectives_page) and the meeting windows.

    `badgeChanged(n)`: open escalations + overdue actions, for the sidebar entry.
    `publishRequested(meeting_id)`: the page's 发布为典型案例 (CaseLibraryController.publish).
    """

    badgeChanged = Signal(int)
    errorOccurred = Signal(str)
    statusMessage = Signal(str)
    publishRequested = Signal(object)
    meetingOpened = Signal(object)  # the MeetingController of a window just shown
    loaded = Signal()  # the page shows the database as it is now
    escalated = Signal(object)  # the id of an escalation raised by hand

    def __init__(self, db: Database, page, bus: TicketBus, user: CurrentUser, views: RetroViews,
                 parent: QObject | None = None, clock: Callable[[], dt.datetime] = utcnow,
                 evaluate_every_ms: int = EVALUATE_EVERY_MS) -> None:
        super().__init__(parent)
        self.db = db
        self.page = page
        self.bus = bus
        self.user = user
        self.views = views
        self.clock = clock
        self.meetings: dict[uuid.UUID | None, MeetingController] = {}
        self.escalate_dialog: Any = None
        self._generation = 0
        self._evaluating = False
        self._started = False
        self._badge = -1
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._evaluate_timer = QTimer(self)
        self._evaluate_timer.setInterval(evaluate_every_ms)
        self._evaluate_timer.timeout.connect(self.evaluate)

        page.shown.connect(self._first_show)
        page.refreshRequested.connect(self.evaluate)
        page.filtersChanged.connect(self.reload)
        page.actionsFilterChanged.connect(self.reload)
        page.escalationSelected.connect(self._escalation_selected)
        page.ticketActivated.connect(bus.open)
        page.raiseLevelRequested.connect(self.raise_level)
        page.scheduleMeetingRequested.connect(self.schedule_meeting)
        page.closeEscalationRequested.connect(self.close_escalation)
        page.newMeetingRequested.connect(self.new_meeting)
        page.thresholdsRequested.connect(self.edit_thresholds)
        page.meetingActivated.connect(self.open_meeting)
        page.publishCaseRequested.connect(self.publishRequested.emit)
        bus.ticketsChanged.connect(lambda _ids: self._reload_timer.start())
        user.changed.connect(lambda _id: self._reload_timer.start())

    # -- start and periodic evaluation ----------------------------------------------------------
    def start(self) -> None:
        """Evaluate the escalation rules now and every few minutes; the badge follows."""
        self._started = True
        self._evaluate_timer.start()
        self.evaluate()

    def stop(self) -> None:
        self._evaluate_timer.stop()
        self._reload_timer.stop()

    def evaluate(self) -> None:
        """Run evaluate_all off the GUI thread (its own transaction), then reload the page."""
        if self._evaluating:
            return
        self._evaluating = True
        now = self.clock()

        def work():
            with self.db.transaction() as session:
                return evaluate_all(session, now)

        def done(result) -> None:
            self._evaluating = False
            found = result.created + result.joined + result.reopened + result.raised
            if found:
                self.statusMessage.emit(
                    self.tr("Escalation check: %1 new, %2 tickets joined, %3 reopened")
                    .replace("%1", str(result.created)).replace("%2", str(result.joined))
                    .replace("%3", str(result.reopened)))
            self.reload()

        def failed(error: Exception) -> None:
            self._evaluating = False
            if "database is locked" in str(error):
                # Someone else was writing: the next check (in a few minutes) catches up.
                self.statusMessage.emit(self.tr("The escalation check waits: the database is busy"))
            else:
                self.errorOccurred.emit(
                    self.tr("The escalation check failed: %1").replace("%1", str(error)))
            self.reload()

        run_in_background(work, done, failed)

    def _first_show(self) -> None:
        if not self._started:
            self.start()
        else:
            self.reload()

    # -- reading --------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the page's lists and counts off the GUI thread; a newer read wins."""
        self._generation += 1
        generation = self._generation
        filters = self.page.filters()
        mine, include_closed = self.page.actions_filter()
        owner = self.user.staff_id
        now = self.clock()
        selected = self.page.shown_escalation()

        def work() -> _Snapshot:
            with self.db.sessions() as session:
                state = filters["state"]
                escalations = list_escalations(
                    session, project_id=filters["project_id"], level=filters["level"],
                    state=None if state == OPEN_FILTER else state, open_only=state == OPEN_FILTER)
                if mine:
                    actions = actions_for_owner(session, owner, now, include_closed) if owner else []
                else:
                    actions = actions_for_owner(session, None, now, include_closed)  # everyone's
                snapshot = _Snapshot(
                    projects=[(row.id, row.name) for row in session.execute(
                        select(Project.id, Project.name).order_by(Project.name))],
                    escalations=escalations,
                    meetings=list_meetings(session),
                    actions=actions,
                    open_escalations=open_escalation_count(session),
                    overdue_actions=overdue_action_count(session, now),
                    today=to_local(now).date(),
                    generation=generation,
                )
                if selected is not None:
                    snapshot.detail, snapshot.blocked = self._detail(session, selected)
                return snapshot

        run_in_background(work, self._show, self._failed)

    def _show(self, snapshot: _Snapshot) -> None:
        if snapshot.generation != self._generation:
            return  # a newer read is on its way
        self.page.set_projects(snapshot.projects)
        self.page.set_meetings(snapshot.meetings)
        self.page.set_actions(snapshot.actions, snapshot.today)
        self.page.show_summary(snapshot.open_escalations, snapshot.overdue_actions)
        if snapshot.detail is not None:
            self.page.show_escalation(snapshot.detail, snapshot.blocked)
        self.page.set_escalations(snapshot.escalations)
        badge = snapshot.open_escalations + snapshot.overdue_actions
        if badge != self._badge:
            self._badge = badge
            self.badgeChanged.emit(badge)
        self.loaded.emit()

    def _failed(self, error: Exception) -> None:
        self.errorOccurred.emit(self.tr("The database could not be read: %1").replace("%1", str(error)))

    def _detail(self, session, escalation_id: uuid.UUID):
        detail = escalation_detail(session, escalation_id)
        escalation = session.get(Escalation, escalation_id)
        try:
            actor = self.user.actor(session)
        except LookupError as error:
            return detail, {a: [str(error)] for a in ("raise_level", "schedule_meeting", "close")}
        blocked = {action: escalation_check(escalation, action, actor, open_actions=detail.open_action_count)
                   for action in ("raise_level", "schedule_meeting", "close")}
        return detail, blocked

    def _escalation_selected(self, escalation_id: uuid.UUID | None) -> None:
        if escalation_id is None:
            self.page.show_escalation(None)
            return
        if self.page.shown_escalation() == escalation_id:
            return  # already shown (a reload re-selected it)
        generation = self._generation

        def work():
            with self.db.sessions() as session:
                return self._detail(session, escalation_id)

        def done(result) -> None:
            if generation == self._generation and self.page.selected_escalation() == escalation_id:
                self.page.show_escalation(*result)

        run_in_background(work, done, self._failed)

    # -- writing --------------------------------------------------------------------------------
    def _change(self, escalation_id: uuid.UUID | None, change: Callable) -> bool:
        if escalation_id is None:
            return False
        try:
            with self.db.transaction() as session:
                escalation = session.get(Escalation, escalation_id)
                if escalation is None:
                    raise LookupError("找不到该升级事项（可能已被删除）")
                change(session, escalation, self.user.actor(session))
        except RetroRefused as refused:
            self.page.show_refusal(refused.messages)
            return False
        except (LookupError, SQLAlchemyError) as error:
            self.page.show_refusal([str(error)])
            return False
        self.page.clear_note()
        self._refresh_selected(escalation_id)
        return True

    def _refresh_selected(self, escalation_id: uuid.UUID) -> None:
        with self.db.sessions() as session:
            self.page.show_escalation(*self._detail(session, escalation_id))
        self.reload()

    def raise_level(self, escalation_id: uuid.UUID | None, reason: str) -> bool:
        now = self.clock()
        return self._change(escalation_id, lambda s, e, actor: raise_level(s, e, actor, reason=reason, now=now))

    def close_escalation(self, escalation_id: uuid.UUID | None, note: str) -> bool:
        now = self.clock()
        return self._change(escalation_id, lambda s, e, actor: close_escalation(s, e, actor, note=note, now=now))

    # -- meetings -------------------------------------------------------------------------------
    def _editor(self, meeting_id: uuid.UUID | None) -> MeetingController:
        editor = self.views.meeting_editor()
        controller = MeetingController(self.db, self.bus, self.user, editor, self.views.documents,
                                       self.clock, self)
        controller.saved.connect(lambda new_id, c=controller: self._meeting_saved(c, new_id))
        controller.closed.connect(lambda _id, c=controller: self._meeting_closed(c))
        controller.statusMessage.connect(self.statusMessage)
        self.meetings[meeting_id] = controller
        editor.resize(1240, 760)
        return controller

    def open_meeting(self, meeting_id: uuid.UUID | None) -> Any:
        """Show the meeting's window (raised if already open); returns the editor."""
        if meeting_id is None:
            return None
        existing = self.meetings.get(meeting_id)
        if existing is not None:
            existing.editor.show()
            existing.editor.raise_()
            existing.editor.activateWindow()
            return existing.editor
        controller = self._editor(meeting_id)
        if not controller.open_meeting(meeting_id):
            self.errorOccurred.emit(self.tr("The meeting could not be opened."))
            self._meeting_closed(controller)
            controller.editor.deleteLater()
            return None
        controller.editor.show()
        self.meetingOpened.emit(controller)
        return controller.editor

    def new_meeting(self) -> Any:
        controller = self._editor(None)
        controller.new_meeting(MeetingData(title="", held_at=None), [])
        controller.editor.show()
        self.meetingOpened.emit(controller)
        return controller.editor

    def schedule_meeting(self, escalation_id: uuid.UUID | None) -> Any:
        """安排复盘会议: a new meeting record prefilled with the escalation and its tickets."""
        if escalation_id is None:
            return None
        try:
            with self.db.sessions() as session:
                data = meeting_prefill(session, escalation_id)
                tickets = escalation_detail(session, escalation_id).tickets
        except (RetroRefused, LookupError, SQLAlchemyError) as error:
            self.errorOccurred.emit(str(error))
            return None
        wanted = set(data.ticket_ids)
        controller = self._editor(None)
        controller.new_meeting(data, [t for t in tickets if t.ticket_id in wanted] or tickets)
        controller.editor.show()
        self.meetingOpened.emit(controller)
        return controller.editor

    def _meeting_saved(self, controller: MeetingController, meeting_id: uuid.UUID) -> None:
        # A new record gets its id on the first save: file the window under it.
        for key, value in list(self.meetings.items()):
            if value is controller and key != meeting_id:
                del self.meetings[key]
        self.meetings[meeting_id] = controller
        self.reload()

    def _meeting_closed(self, controller: MeetingController) -> None:
        for key, value in list(self.meetings.items()):
            if value is controller:
                del self.meetings[key]
        controller.editor.deleteLater()
        controller.deleteLater()

    def close_all(self, discard: bool = False) -> None:
        """Close every meeting window (each asks about unsaved changes unless `discard`)."""
        for controller in list(self.meetings.values()):
            if discard:
                controller.editor.close_without_asking()
            else:
                controller.editor.close()

    # -- manual escalation from a ticket --------------------------------------------------------
    def escalate_tickets(self, ticket_ids: list[uuid.UUID]) -> Any:
        """升级处理…: the dialog for escalating tickets by hand; returns it (shown)."""
        with self.db.sessions() as session:
            numbers = list(session.scalars(select(Ticket.number).where(Ticket.id.in_(ticket_ids))
                                           .order_by(Ticket.number)))
            existing = [f"{number} {title}" for _id, number, title in
                        open_escalations_of(session, list(ticket_ids))]
        dialog = self.views.escalate_dialog()
        dialog.set_tickets(numbers, existing)
        dialog.escalateRequested.connect(
            lambda level, reason: self._escalate(dialog, list(ticket_ids), level, reason))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.escalate_dialog = dialog
        dialog.show()
        return dialog

    def edit_thresholds(self) -> Any:
        """升级阈值…: the recurrence thresholds and watch window of each project type."""
        if self.views.settings_dialog is None:
            return None
        try:
            with self.db.sessions() as session:
                values = type_thresholds(session)
        except SQLAlchemyError as error:
            self.errorOccurred.emit(str(error))
            return None
        dialog = self.views.settings_dialog()
        dialog.set_values(values)
        dialog.saveRequested.connect(lambda chosen: self._save_thresholds(dialog, chosen))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.settings_dialog = dialog
        dialog.show()
        return dialog

    def _save_thresholds(self, dialog, chosen: dict[str, tuple[int, int, int]]) -> None:
        try:
            with self.db.transaction() as session:  # all types or none
                for project_type, (threshold, days, watch) in chosen.items():
                    set_type_thresholds(session, project_type, threshold, days, watch)
        except RetroRefused as refused:
            dialog.show_problems(refused.messages)
            return
        except SQLAlchemyError as error:
            dialog.show_problems([str(error)])
            return
        dialog.accept()
        self.statusMessage.emit(self.tr("Escalation thresholds saved"))
        self.evaluate()  # new thresholds may raise (or stop raising) escalations now

    def _escalate(self, dialog, ticket_ids: list[uuid.UUID], level: str, reason: str) -> None:
        try:
            with self.db.transaction() as session:
                escalation = escalate(session, ticket_ids, self.user.actor(session), reason, level,
                                      now=self.clock())
                escalation_id, number = escalation.id, escalation.number
        except RetroRefused as refused:
            dialog.show_problems(refused.messages)
            return
        except (LookupError, SQLAlchemyError) as error:
            dialog.show_problems([str(error)])
            return
        dialog.accept()
        self.statusMessage.emit(self.tr("Escalated as %1").replace("%1", number))
        self.escalated.emit(escalation_id)
        self.bus.changed(ticket_ids)  # ticket windows show the escalation they belong to
        self.reload()

    def ticket_escalations(self, ticket_id: uuid.UUID) -> list[str]:
        """Numbers of the open escalations a ticket belongs to (for the ticket window)."""
        with self.db.sessions() as session:
            return [number for _id, number, _title in open_escalations_of(session, [ticket_id])]


class TicketRetroLinks(QObject):
    """Fills a ticket window's TicketRetroBar (app.views.escalate_dialog): the escalations the
    ticket is in, 升级处理… and 同类典型案例 (N); follows the ticket's changes."""

    def __init__(self, retro: RetrospectivesController, cases, bus: TicketBus,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.retro = retro
        self.cases = cases
        self.bars: dict[uuid.UUID, Any] = {}
        bus.ticketsChanged.connect(self._changed)
        cases.casePublished.connect(lambda _id: self._changed(list(self.bars)))

    def attach(self, ticket_id: uuid.UUID, bar) -> None:
        self.bars[ticket_id] = bar
        bar.escalateRequested.connect(lambda: self.retro.escalate_tickets([ticket_id]))
        bar.casesRequested.connect(lambda: self.cases.show_cases_for_ticket(ticket_id))
        bar.destroyed.connect(lambda _o=None: self.bars.pop(ticket_id, None))
        self._fill(ticket_id, bar)

    def _fill(self, ticket_id: uuid.UUID, bar) -> None:
        try:
            bar.set_escalations(self.retro.ticket_escalations(ticket_id))
            bar.set_case_count(self.cases.case_count_for_ticket(ticket_id))
        except SQLAlchemyError:
            pass  # the window shows the ticket without the extras; its own reload reports errors

    def _changed(self, ids: list) -> None:
        for ticket_id in ids:
            bar = self.bars.get(ticket_id)
            if bar is not None:
                self._fill(ticket_id, bar)


@dataclass
class RetroControllers:
    retrospectives: RetrospectivesController
    cases: Any  # CaseLibraryController
    ticket_links: TicketRetroLinks

    def start(self) -> None:
        self.retrospectives.start()


def build_retro_controllers(db: Database, bus: TicketBus, user: CurrentUser, retro_page, case_page,
                            views: RetroViews, parent: QObject | None = None,
                            clock: Callable[[], dt.datetime] = utcnow) -> RetroControllers:
    """The 复盘 and 知识库 controllers, connected to each other (publishing a closed meeting)."""
    from app.controllers.case_library_controller import CaseLibraryController

    retro = RetrospectivesController(db, retro_page, bus, user, views, parent, clock)
    cases = CaseLibraryController(db, case_page, bus, user, views.publish_dialog, parent, clock)
    retro.publishRequested.connect(cases.publish)
    cases.casePublished.connect(lambda _id: retro.reload())
    return RetroControllers(retro, cases, TicketRetroLinks(retro, cases, bus, parent))
