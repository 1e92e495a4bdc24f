"""Connects the 报修单 page to the ticket list queries and actions: filters, quick and saved
filters, sorting, paging, counts, live refresh, bulk assignment, opening a ticket."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.controllers.background import run_in_background
from app.controllers.current_user import CurrentUser
from app.controllers.ticket_bus import TicketBus
from app.models.base import utcnow
from app.models.db import Database
from app.models.people import OrgUnit, Staff
from app.models.project import Project
from app.models.ticket import Ticket
from app.models.ticket_actions import assign_owner
from app.models.ticket_list import (
    OPEN_STATE_VALUES,
    SortKey,
    TicketFilter,
    count_tickets,
    end_of_local_day,
    fetch_page,
    fetch_rows,
    matching_ids,
    open_load_by_owner,
)
from app.models.vocabulary import TicketState, Urgency
from app.models.workflow import OWNER_ROLES, TransitionRefused

SAVED_FILTERS_KEY = "tickets/saved_filters"
TICK_MS = 60_000  # countdowns and overdue flags of the rows on screen follow the clock
# Changes come in bursts (a sync applying hundreds of tickets, an import, a bulk assignment):
# the changed ids are collected until the bus has been quiet this long, then read once.
SETTLE_MS = 150
SETTLE_MAX_MS = 1_000  # a stream of changes that never pauses is still shown once a second
# Up to this many changed rows are read on the GUI thread (a few milliseconds, so a clerk's own
# edit shows at once); a larger set is read off it.
SYNC_READ_LIMIT = 50


EXPORT_LIMIT = 5000  # forms per batch export of a whole filter (about five minutes of work)


@dataclasses.dataclass(frozen=True)
class OwnerChoice:
    """A person the tickets can be given to (the fields app.views.assign_dialog shows)."""

    staff_id: uuid.UUID
    name: str
    role: str
    org_name: str
    open_tickets: int


@dataclasses.dataclass(frozen=True)
class AssignOutcome:
    assigned: list[uuid.UUID]  # written (empty when anything was refused)
    refused: list[tuple[uuid.UUID, str, list[str]]]  # (id, number, engine messages)
    checked: list[uuid.UUID]  # every ticket tried


class _Refused(Exception):
    """Rolls the whole assignment back when any ticket refuses."""

    def __init__(self, refused: list[tuple[uuid.UUID, str, list[str]]]) -> None:
        super().__init__(f"{len(refused)} refused")
        self.refused = refused


def assign_all(
    db: Database, user: CurrentUser, ticket_ids: list[uuid.UUID], owner_id: uuid.UUID, reason: str,
    now: dt.datetime | None = None,
) -> AssignOutcome:
    """Give every ticket to one owner in ONE transaction, through the lifecycle engine.

    Every ticket is tried so that all refusals are known; if any refuses, nothing is written
    (the transaction rolls back) and the refusals are returned.
    """
    refused: list[tuple[uuid.UUID, str, list[str]]] = []
    try:
        with db.transaction() as session:
            actor = user.actor(session)
            tickets: list[Ticket] = []
            for start in range(0, len(ticket_ids), 500):
                chunk = ticket_ids[start : start + 500]
                tickets.extend(session.scalars(select(Ticket).where(Ticket.id.in_(chunk))))
            tickets.sort(key=lambda t: t.number)
            for ticket in tickets:
                try:
                    assign_owner(session, ticket, actor, owner_id, reason=reason, now=now)
                except TransitionRefused as refusal:
                    refused.append((ticket.id, ticket.number, refusal.messages))
            missing = set(ticket_ids) - {t.id for t in tickets}
            refused.extend((ticket_id, str(ticket_id), ["报修单不存在"]) for ticket_id in missing)
            if refused:
                raise _Refused(refused)
    except _Refused:
        return AssignOutcome([], refused, list(ticket_ids))
    return AssignOutcome(list(ticket_ids), [], list(ticket_ids))


_PAGE_FIELDS = {"states", "project_id", "urgency", "search", "sort", "descending"}


def _narrowed(chosen: TicketFilter, drill: TicketFilter) -> TicketFilter:
    """The page's filter with a drill-down's conditions added (both must hold)."""
    default = TicketFilter()
    extra = {}
    for item in dataclasses.fields(TicketFilter):
        name = item.name
        value = getattr(drill, name)
        if name in _PAGE_FIELDS or value == getattr(default, name):
            continue
        mine = getattr(chosen, name)
        if name == "scope_states" and mine:
            value = tuple(s for s in mine if s in value) or ("-",)  # "-": no state, empty list
        elif name == "overdue_only":
            value = value or mine
        extra[name] = value
    return dataclasses.replace(chosen, **extra)


class TicketListController(QObject):
    """Owns the ticket list page (app.views.ticket_list_page.TicketListPage)."""

    errorOccurred = Signal(str)  # a message for the clerk
    ticketOpened = Signal(object)  # the id of a ticket to open (also sent as bus.open)
    newTicketRequested = Signal()  # the page's 新建报修 button or Ctrl+N
    exportRequested = Signal(list, str, str)  # ticket ids, document kind, folder

    def __init__(
        self,
        db: Database,
        page,
        bus: TicketBus | None = None,
        user: CurrentUser | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.page = page
        self.model = page.model
        self.bus = bus or TicketBus(self)
        self.user = user
        self.clock: Callable[[], dt.datetime] = utcnow  # tests and screenshots pin it
        self.model.set_fetcher(self._fetch)
        self._filter = TicketFilter()
        self._drill: TicketFilter | None = None  # a chart's drill-down shown (show_filter)
        self._count_generation = 0
        self._sort = TicketFilter().sort  # the order the model shows (it asks _fetch for pages)
        self._rows_generation = 0  # bumped by every reload: an older read of changed rows is dropped
        self._changed: dict[uuid.UUID, None] = {}  # changed ids waiting for the burst to settle
        self._reading = False  # changed rows are being read off the GUI thread
        self._alive = [True]  # False once the page is gone: late results touch nothing
        self._assign_ids: list[uuid.UUID] = []
        self._assign_owner: tuple[uuid.UUID, str] | None = None
        self._assignable: list[uuid.UUID] = []

        self.page.filtersChanged.connect(self.apply_filters)
        self.page.refreshRequested.connect(self.refresh)
        self.page.exportRequested.connect(self._export)
        self.page.ticketActivated.connect(self._open)
        self.page.newTicketRequested.connect(self.newTicketRequested)
        self.page.assignRequested.connect(self.begin_assignment)
        self.page.assignChosen.connect(self._assign_chosen)
        self.page.assignRestConfirmed.connect(self._assign_rest)
        self.page.saveFilterRequested.connect(self.save_filter)
        self.page.savedFilterChosen.connect(self.apply_saved_filter)
        self.page.savedFilterRemoved.connect(self.remove_saved_filter)
        self.page.drillDownCleared.connect(self.clear_drill_down)
        self.bus.ticketsChanged.connect(self.follow_changes)
        if user is not None:
            user.changed.connect(self._user_changed)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.tick)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._flush_changes)
        self._settle_cap = QTimer(self)
        self._settle_cap.setSingleShot(True)
        self._settle_cap.setInterval(SETTLE_MAX_MS)
        self._settle_cap.timeout.connect(self._flush_changes)
        alive = self._alive
        # Never tick, settle or show a late read into a deleted page (or from a deleted self).
        for owner in (self.page, self):
            owner.destroyed.connect(lambda *_args: alive.__setitem__(0, False))
        for timer in (self._tick, self._settle, self._settle_cap):
            self.page.destroyed.connect(timer.stop)

    def start(self) -> None:
        """Fill the project filter and the saved filters, and show the first page."""
        try:
            with self.db.sessions() as session:
                projects = session.execute(select(Project.id, Project.name).order_by(Project.code)).all()
        except SQLAlchemyError as error:
            self._report(error)
            projects = []
        self.page.set_projects([(project_id, name) for project_id, name in projects])
        self.page.set_saved_filters(list(self._saved_filters()))
        self.apply_filters()
        self._tick.start()

    # -- filters -----------------------------------------------------------------------------
    def _quick_conditions(self, key: str, now: dt.datetime) -> dict[str, Any]:
        """What each built-in quick filter adds to the chosen filters (SQL conditions)."""
        open_states = OPEN_STATE_VALUES
        if key == "mine":
            # Nobody chosen yet: an id no one has, so the list is empty rather than everything.
            staff_id = self.user.staff_id if self.user is not None else None
            return {"owner_id": staff_id or uuid.UUID(int=0), "scope_states": open_states}
        if key == "overdue_today":
            return {"due_before": end_of_local_day(now)}
        if key == "urgent":
            return {"urgencies": (int(Urgency.EMERGENCY), int(Urgency.URGENT)), "scope_states": open_states}
        if key == "acceptance":
            return {"scope_states": (TicketState.ACCEPTANCE.value,)}
        if key == "open":
            return {"scope_states": open_states}
        return {}

    def current_filter(self) -> TicketFilter:
        chosen = TicketFilter(
            states=self.page.selected_states(),
            project_id=self.page.selected_project(),
            urgency=self.page.selected_urgency(),
            search=self.page.search_text(),
            **self._quick_conditions(self.page.quick_filter(), self.clock()),
        )
        return chosen if self._drill is None else _narrowed(chosen, self._drill)

    # -- drill-downs from the dashboard ------------------------------------------------------
    def show_filter(self, flt: TicketFilter, title: str) -> None:
        """Show the tickets of a chart element: the page's own filters start from "all" (the
        project shows in its chooser) and a removable chip names the drill-down; the clerk
        may narrow it further with the usual filters."""
        self._drill = flt
        self.page.show_drill_down(title, flt.project_id)
        self.apply_filters()

    def clear_drill_down(self) -> None:
        if self._drill is not None:
            self._drill = None
            self.page.hide_drill_down()
            self.apply_filters()

    def drill_down(self) -> TicketFilter | None:
        return self._drill

    def apply_filters(self) -> None:
        self._filter = self.current_filter()
        self.model.set_now(self.clock())
        self.model.reload()
        self._recount()
        if self.page.quick_filter() == "mine" and (self.user is None or self.user.staff_id is None):
            self.page.show_message(self.tr("No current user is chosen (Settings): “My open tickets” is empty"))

    def refresh(self) -> None:
        """Reload keeping the rows loaded so far and the scroll position (F5)."""
        first, loaded = self.page.first_visible_row(), self.model.rowCount()
        self._filter = self.current_filter()
        self.model.set_now(self.clock())
        self.model.reload(at_least=loaded)
        self.page.scroll_to_row(first)
        self._recount()

    def _user_changed(self, _staff_id: object) -> None:
        if self.page.quick_filter() == "mine":
            self.apply_filters()

    def _fetch(self, sort_key: str, descending: bool, cursor: Any) -> tuple[list, Any]:
        # Changed rows are read in the order the model shows, so their cursors compare.
        self._sort = SortKey(sort_key)
        if cursor is None:
            self._rows_generation += 1  # a reload reads every row afresh
        flt = dataclasses.replace(self._filter, sort=SortKey(sort_key), descending=descending)
        try:
            with self.db.sessions() as session:
                page = fetch_page(session, flt, cursor, now=self.clock())
        except SQLAlchemyError as error:
            self._report(error)
            return [], None
        return page.rows, page.cursor

    def _recount(self) -> None:
        self._count_generation += 1
        generation, flt, now = self._count_generation, self._filter, self.clock()
        self.page.show_count(None)

        def work() -> int:
            with self.db.sessions() as session:
                return count_tickets(session, flt, now=now)

        def shown(total: int) -> None:
            if generation == self._count_generation:  # a newer filter may have superseded it
                self.page.show_count(total)

        run_in_background(work, shown, self._report)

    # -- saved filters (QSettings) ------------------------------------------------------------
    def _settings(self):
        return self.user.settings if self.user is not None else None

    def _saved_filters(self) -> dict[str, dict[str, Any]]:
        settings = self._settings()
        raw = settings.value(SAVED_FILTERS_KEY) if settings is not None else None
        try:
            entries = json.loads(str(raw)) if raw else []
        except ValueError:
            entries = []  # a damaged entry must not stop the list from opening
        return {e["name"]: e["filter"] for e in entries if isinstance(e, dict) and e.get("name")}

    def _store_filters(self, filters: dict[str, dict[str, Any]]) -> None:
        settings = self._settings()
        if settings is not None:
            entries = [{"name": name, "filter": state} for name, state in filters.items()]
            settings.setValue(SAVED_FILTERS_KEY, json.dumps(entries, ensure_ascii=False))
            settings.sync()
        self.page.set_saved_filters(list(filters))

    def save_filter(self, name: str) -> None:
        """Remember what the clerk chose under a name (the same name replaces the old one)."""
        filters = self._saved_filters()
        filters[name] = self.page.filter_state()
        self._store_filters(filters)
        self.page.show_message(self.tr("Filter “%1” saved").replace("%1", name))

    def apply_saved_filter(self, name: str) -> None:
        state = self._saved_filters().get(name)
        if state is not None:
            self.page.apply_filter_state(state)

    def remove_saved_filter(self, name: str) -> None:
        filters = self._saved_filters()
        if filters.pop(name, None) is not None:
            self._store_filters(filters)
            self.page.show_message(self.tr("Filter “%1” removed").replace("%1", name))

    # -- live changes --------------------------------------------------------------------------
    def follow_changes(self, ticket_ids: list) -> None:
        """Tickets changed somewhere (this page, the detail, the board, a sync): update their rows.

        Only the changed tickets are read (by id), so this costs the same on a million tickets.
        A change after a quiet spell (the clerk's own edit) shows at once; what follows within
        SETTLE_MS is collected and read once when the burst settles, off the GUI thread when
        it is more than SYNC_READ_LIMIT tickets.
        """
        ids = [ticket_id for ticket_id in ticket_ids if ticket_id is not None]
        if not ids or not self._alive[0]:
            return
        quiet = not (self._settle.isActive() or self._changed or self._reading)
        if quiet and len(ids) <= SYNC_READ_LIMIT:
            self._refresh_rows(ids)
            self._recount()
            self._settle.start()  # a burst behind this change waits for it to settle
            return
        self._changed.update(dict.fromkeys(ids))
        self._settle.start()  # restarts: one read after the burst
        if not self._settle_cap.isActive():
            self._settle_cap.start()

    def _flush_changes(self) -> None:
        """The burst settled: read the collected rows once, and count once."""
        self._settle.stop()
        self._settle_cap.stop()
        if self._reading or not self._changed or not self._alive[0]:
            return  # a running read flushes what came in meanwhile when it ends
        ids = list(self._changed)
        self._changed.clear()
        if len(ids) <= SYNC_READ_LIMIT:
            self._refresh_rows(ids)
        else:
            self._read_rows_in_background(ids)
        self._recount()

    def _row_filter(self) -> TicketFilter:
        return dataclasses.replace(self._filter, sort=self._sort)

    def _refresh_rows(self, ticket_ids: list) -> None:
        if not ticket_ids:
            return
        try:
            with self.db.sessions() as session:
                fresh = fetch_rows(session, self._row_filter(), ticket_ids, now=self.clock())
        except SQLAlchemyError as error:
            self._report(error)
            return
        self._show_rows(ticket_ids, fresh)

    def _read_rows_in_background(self, ticket_ids: list) -> None:
        self._reading = True
        generation, flt, now, db = self._rows_generation, self._row_filter(), self.clock(), self.db

        def work() -> list:
            with db.sessions() as session:
                return fetch_rows(session, flt, ticket_ids, now=now)

        def done(fresh: list) -> None:
            self._reading = False
            if not self._alive[0]:
                return
            if generation == self._rows_generation:  # else a reload has read them all since
                self._show_rows(ticket_ids, fresh)
            self._read_ended()

        def failed(error: Exception) -> None:
            self._reading = False
            if not self._alive[0]:
                return
            self._report(error)
            self._read_ended()

        run_in_background(work, done, failed)

    def _read_ended(self) -> None:
        if self._changed and not self._settle.isActive():
            self._flush_changes()  # changes that came in while reading, already settled

    def is_following_changes(self) -> bool:
        """Changed tickets are waiting to be read or being read (tests and the status bar)."""
        return bool(self._changed) or self._reading

    def _show_rows(self, ticket_ids: list, fresh: list) -> None:
        if self.model.rowCount() and len(self.model.row_at(0).cursor) == 1:
            # Rows streamed from the search index are ordered by index document: keep each
            # loaded one where it is, and let a new match wait for the next search.
            loaded = {row_id: self.model.row_at(self.model.row_of(row_id)).cursor
                      for row_id in ticket_ids if self.model.row_of(row_id) >= 0}
            fresh = [dataclasses.replace(row, cursor=loaded[row.id]) for row in fresh if row.id in loaded]
            ticket_ids = list(loaded)
        self.model.refresh_rows(ticket_ids, fresh)

    def tick(self) -> None:
        """The minute tick: countdowns follow the clock, rows on screen get fresh flags."""
        if not self.page.isVisible() or self._reading:
            return  # nobody looks, or a read of changed rows runs: the next tick follows
        self.model.set_now(self.clock())
        self._refresh_rows(self.page.visible_row_ids())

    # -- opening -------------------------------------------------------------------------------
    def _export(self, kind: str, folder: str, selected: list) -> None:
        """Export a form for the selected tickets, or for those the filter shows."""
        ids = list(selected)
        if not ids:
            try:
                with self.db.sessions() as session:
                    ids = matching_ids(session, self.current_filter(), limit=EXPORT_LIMIT)
            except SQLAlchemyError as error:
                self._report(error)
                return
        if ids:
            self.exportRequested.emit(ids, kind, folder)

    def _open(self, row: Any) -> None:
        self.ticketOpened.emit(row.id)
        self.bus.open(row.id)

    # -- bulk assignment -----------------------------------------------------------------------
    def owner_choices(self) -> list[OwnerChoice]:
        """Active people who may own tickets (the engine's owner roles), least busy first."""
        with self.db.sessions() as session:
            load = open_load_by_owner(session)
            people = session.execute(
                select(Staff.id, Staff.name, Staff.role, OrgUnit.name)
                .join(OrgUnit, OrgUnit.id == Staff.org_unit_id)
                .where(Staff.active.is_(True), Staff.role.in_([r.value for r in OWNER_ROLES]))
            ).all()
        choices = [OwnerChoice(i, name, role, org, load.get(i, 0)) for i, name, role, org in people]
        return sorted(choices, key=lambda c: (c.open_tickets, c.name))

    def begin_assignment(self, ticket_ids: list) -> None:
        self._assign_ids = list(ticket_ids)
        try:
            choices = self.owner_choices()
            with self.db.sessions() as session:
                numbers = list(
                    session.scalars(
                        select(Ticket.number).where(Ticket.id.in_(self._assign_ids[:50])).order_by(Ticket.number)
                    )
                )
        except SQLAlchemyError as error:
            self._report(error)
            return
        numbers += [""] * (len(self._assign_ids) - len(numbers))  # counted, not all listed
        self.page.show_assign_dialog(choices, numbers)

    def _assign_chosen(self, owner_id: uuid.UUID, reason: str) -> None:
        self._assign_owner = (owner_id, reason)
        self._run_assignment(self._assign_ids, ask_about_rest=True)

    def _assign_rest(self) -> None:
        if self._assignable and self._assign_owner is not None:
            self._run_assignment(self._assignable, ask_about_rest=False)

    def _run_assignment(self, ticket_ids: list[uuid.UUID], *, ask_about_rest: bool) -> None:
        assert self._assign_owner is not None
        owner_id, reason = self._assign_owner
        db, user, now = self.db, self.user, self.clock()
        self.page.set_assign_busy(True)

        def work() -> AssignOutcome:
            if user is None:
                raise LookupError("尚未选择当前用户")
            return assign_all(db, user, ticket_ids, owner_id, reason, now)

        def done(outcome: AssignOutcome) -> None:
            if outcome.refused:
                refused_ids = {ticket_id for ticket_id, _n, _m in outcome.refused}
                self._assignable = [t for t in outcome.checked if t not in refused_ids]
                rest = len(self._assignable) if ask_about_rest else 0
                self.page.show_assign_refused([(n, m) for _i, n, m in outcome.refused], rest)
                return
            self.page.close_assign_dialog()
            name = self._staff_name(owner_id)
            self.page.show_message(
                self.tr("%n ticket(s) assigned to %1", "", len(outcome.assigned)).replace("%1", name)
            )
            self.bus.changed(outcome.assigned)

        def failed(error: Exception) -> None:
            self.page.set_assign_busy(False)
            self._report(error)

        run_in_background(work, done, failed)

    def _staff_name(self, staff_id: uuid.UUID) -> str:
        with self.db.sessions() as session:
            return session.scalar(select(Staff.name).where(Staff.id == staff_id)) or ""

    def _report(self, error: Exception) -> None:
        if isinstance(error, LookupError):  # no current user: the message is the clerk's
            self.errorOccurred.emit(str(error))
            return
        self.errorOccurred.emit(self.tr("The database could not be read: %1").replace("%1", str(error)))

