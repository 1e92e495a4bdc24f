"""Connects the 看板 page to the board query and the lifecycle engine: load, filter, move.

A drop asks the engine: `actions_between` names the action, `check_details` its missing
items. An action that needs no form runs at once in one transaction; one that needs data
goes to the stage form (an injected `stage_form_opener(ticket_id, action) -> bool`); a refused
one leaves the card where it was and shows the engine's reasons. The board changes only
through `TicketBus.ticketsChanged`, so a move made here, in a form or by a sync looks the same.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from sqlalchemy.exc import SQLAlchemyError

from app.controllers.background import run_in_background
from app.controllers.current_user import CurrentUser
from app.controllers.ticket_bus import TicketBus
from app.models.base import utcnow
from app.models.board import BoardFilter, card_order, fetch_board, fetch_cards, filter_choices
from app.models.db import Database
from app.models.ticket import Ticket
from app.models.ticket_actions import (
    archive,
    diagnose,
    start_repair,
    submit_for_acceptance,
    take_ticket,
)
from app.models.vocabulary import MAIN_LINE, TICKET_STATE_ZH, TicketState
from app.models.workflow import ACTION_ZH, Action, actions_between, check_details

StageFormOpener = Callable[[uuid.UUID, Action], bool]

# Actions a drop can take without a form: everything they need is already on the ticket.
DIRECT_ACTIONS: dict[Action, Callable[..., Any]] = {
    Action.TAKE: take_ticket,
    Action.DIAGNOSE: diagnose,  # when the diagnosis was filled in before (edits)
    Action.START_REPAIR: start_repair,
    Action.SUBMIT_FOR_ACCEPTANCE: submit_for_acceptance,
    Action.ARCHIVE: archive,  # when the follow-up result is recorded
}
REFUSAL_FIELDS = frozenset({"actor", "state"})  # role or state: no form can help
UNASSIGNED = "__unassigned__"  # the owner filter's "nobody" entry (KanbanPage.UNASSIGNED)
FULL_RELOAD_ABOVE = 500  # a change to more tickets than this reloads the whole board
TICK_MS = 60_000  # countdowns and overdue counts follow the clock


class KanbanController(QObject):
    """Owns the Kanban page (app.views.kanban_page.KanbanPage) and its board model."""

    errorOccurred = Signal(str)
    boardLoaded = Signal()  # a full (re)load is on screen
    moveFinished = Signal(object, bool)  # ticket id, moved

    def __init__(
        self,
        db: Database,
        page,
        bus: TicketBus,
        user: CurrentUser,
        settings: QSettings,
        parent: QObject | None = None,
        stage_form_opener: StageFormOpener | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.page = page
        self.board = page.board
        self.bus = bus
        self.user = user
        self.settings = settings
        self.stage_form_opener = stage_form_opener
        self.clock = clock
        self.board.set_order(card_order)
        self._filter = BoardFilter()
        self._generation = 0
        self._loading = False
        self._pending: set[uuid.UUID] = set()  # changed while a full load was running

        page.filtersChanged.connect(self._on_filters_changed)
        page.laneModeChanged.connect(lambda _mode: self._remember())
        page.cardDropped.connect(self.request_move)
        page.moveRequested.connect(self.move_by_step)
        page.openRequested.connect(bus.open)
        page.exportRequested.connect(self.export)
        bus.ticketsChanged.connect(self.refresh_tickets)
        user.changed.connect(lambda _staff_id: self._restore_filters_and_reload())
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(lambda: self.page.tick(self.clock()))
        # The page may go before this controller (a closing window deletes its children in
        # order): no tick may reach a deleted view.
        page.destroyed.connect(self._ticker.stop)

    def start(self) -> None:
        """Fill the filter lists, restore this user's filters and load the board."""
        try:
            with self.db.sessions() as session:
                choices = filter_choices(session)
        except SQLAlchemyError as error:
            self._report(error)
        else:
            self.page.set_choices(choices.projects, choices.owners, choices.categories)
        self._restore_filters_and_reload()
        self._ticker.start()

    # -- filters, remembered per user ---------------------------------------------------
    def _settings_key(self) -> str:
        return f"kanban/{self.user.staff_id or 'nobody'}/filters"

    def _remember(self) -> None:
        self.settings.setValue(self._settings_key(), json.dumps(self.page.filter_state()))

    def _restore_filters_and_reload(self) -> None:
        raw = self.settings.value(self._settings_key())
        try:
            state = json.loads(str(raw)) if raw else {}
        except ValueError:
            state = {}
        self.page.set_filter_state(state if isinstance(state, dict) else {})
        self._filter = self._read_filter()
        self.reload()

    def _on_filters_changed(self) -> None:
        self._remember()
        self._filter = self._read_filter()
        self.reload()

    def _read_filter(self) -> BoardFilter:
        state = self.page.filter_state()
        owner = state.get("owner")
        return BoardFilter(
            project_id=_uuid(state.get("project")),
            owner_id=None if owner == UNASSIGNED else _uuid(owner),
            unassigned=owner == UNASSIGNED,
            urgency=state.get("urgency"),
            category=state.get("category") or None,
            overdue_only=bool(state.get("overdue_only")),
            search=str(state.get("search") or ""),
            show_closed=bool(state.get("show_closed")),
        )

    @property
    def filter(self) -> BoardFilter:
        return self._filter

    # -- loading ------------------------------------------------------------------------
    def reload(self, background: bool = True) -> None:
        """Read every card the filter shows; off the GUI thread unless asked otherwise."""
        self._generation += 1
        generation, flt, now = self._generation, self._filter, self.clock()
        self._loading = True
        self.page.set_loading(True)

        def work():
            with self.db.sessions() as session:
                return fetch_board(session, flt, now)

        def shown(board) -> None:
            if generation != self._generation:
                return  # a newer filter superseded this load
            self._loading = False
            self.board.set_cards(board.cards, board.totals, now)
            self.boardLoaded.emit()
            if self._pending:
                pending, self._pending = list(self._pending), set()
                self.refresh_tickets(pending)

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self._loading = False
            self._report(error)

        if background:
            run_in_background(work, shown, failed)
        else:
            try:
                result = work()
            except SQLAlchemyError as error:
                failed(error)
            else:
                shown(result)

    def refresh_tickets(self, ticket_ids: list[uuid.UUID]) -> None:
        """Re-read only these cards (moved, edited, new, closed) and update them in place."""
        if self._loading:
            self._pending.update(ticket_ids)
            return
        if len(ticket_ids) > FULL_RELOAD_ABOVE:
            self.reload()
            return
        now = self.clock()
        try:
            with self.db.sessions() as session:
                cards = fetch_cards(session, self._filter, now, ticket_ids)
        except SQLAlchemyError as error:
            self._report(error)
            return
        found = {c.id for c in cards}
        self.board.set_now(now)
        self.board.update_cards(cards, [i for i in ticket_ids if i not in found])

    # -- moving cards -------------------------------------------------------------------
    def move_by_step(self, ticket_id: uuid.UUID, step: int) -> bool:
        """Ctrl+→ / Ctrl+←: the next (or previous) state of the main line."""
        state = self.board.column_of(ticket_id)
        line = [s.value for s in MAIN_LINE]
        if state not in line or not 0 <= line.index(state) + step < len(line):
            self.page.show_message(self.tr("This card has no next state to move to."))
            return False
        return self.request_move(ticket_id, line[line.index(state) + step])

    def request_move(self, ticket_id: uuid.UUID, target: str) -> bool:
        """Ask the engine to move a ticket to `target`; True when it moved."""
        try:
            decision = self._try_direct(ticket_id, target)
        except SQLAlchemyError as error:
            self._report(error)
            self.moveFinished.emit(ticket_id, False)
            return False
        kind, payload = decision
        moved = False
        if kind == "moved":
            self.page.clear_message()
            self.bus.changed([ticket_id])
            moved = True
        elif kind == "form":
            action, messages, number = payload
            if self.stage_form_opener is not None:
                if self.stage_form_opener(ticket_id, action):
                    self.bus.changed([ticket_id])
                    moved = self._state_of(ticket_id) == target
            else:
                self._refused(number, target, messages)
        elif kind == "refused":
            number, messages = payload
            self._refused(number, target, messages)
        if moved:
            self.page.select_ticket(ticket_id)
        self.moveFinished.emit(ticket_id, moved)
        return moved

    def _try_direct(self, ticket_id: uuid.UUID, target: str) -> tuple[str, Any]:
        """In one transaction: run the action if it needs no form; else say why not."""
        with self.db.transaction() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                return "refused", ("", [self.tr("The ticket no longer exists.")])
            try:
                actor = self.user.actor(session)
            except LookupError as error:
                return "refused", (ticket.number, [str(error)])
            if ticket.state == target:
                return "same", None
            actions = actions_between(ticket.state, target)
            if not actions:
                text = self.tr("There is no step from “%1” straight to “%2”.")
                text = text.replace("%1", _state_zh(ticket.state)).replace("%2", _state_zh(target))
                return "refused", (ticket.number, [text])
            action = actions[0]
            problems = check_details(ticket, action, actor)
            messages = [p.message for p in problems]
            if any(p.field in REFUSAL_FIELDS for p in problems):
                return "refused", (ticket.number, messages)
            if problems or action not in DIRECT_ACTIONS:
                if not messages:
                    messages = [
                        self.tr("“%1” needs its form: open the ticket to fill it in.").replace(
                            "%1", ACTION_ZH[action]
                        )
                    ]
                return "form", (action, messages, ticket.number)
            DIRECT_ACTIONS[action](session, ticket, actor)
            return "moved", None

    def _state_of(self, ticket_id: uuid.UUID) -> str | None:
        with self.db.sessions() as session:
            ticket = session.get(Ticket, ticket_id)
            return None if ticket is None else ticket.state

    def _refused(self, number: str, target: str, messages: list[str]) -> None:
        text = self.tr("%1 cannot move to “%2”: %3")
        self.page.show_message(
            text.replace("%1", number)
            .replace("%2", _state_zh(target))
            .replace("%3", "；".join(messages))
        )

    # -- export -------------------------------------------------------------------------
    def export(self, kind: str, path: str) -> None:
        writer = self.page.write_pdf if kind == "pdf" else self.page.write_png
        try:
            ok = writer(path)
        except OSError as error:
            ok, detail = False, str(error)
        else:
            detail = ""
        if ok:
            self.page.show_message(self.tr("Saved %1").replace("%1", path), error=False)
        else:
            self.errorOccurred.emit(
                self.tr("The board could not be written to %1 %2")
                .replace("%1", path)
                .replace("%2", detail)
                .strip()
            )

    def _report(self, error: Exception) -> None:
        self.errorOccurred.emit(
            self.tr("The database could not be read: %1").replace("%1", str(error))
        )


def _uuid(value: Any) -> uuid.UUID | None:
    if not value:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _state_zh(code: str) -> str:
    # The engine's messages are Chinese; the state names inside ours match them.
    try:
        return TICKET_STATE_ZH[TicketState(code)]
    except ValueError:
        return code
