"""Connects the 冲突 page: lists sync conflicts (read off the GUI thread) and keeps the value
the user picks."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import SQLAlchemyError

from app.controllers.background import run_in_background
from app.models.db import Database
from app.sync.conflicts import ConflictError, list_conflicts, resolve_conflict

TICKET_ENTITY = "ticket"  # app.sync.conflicts names entities by table


class ConflictsController(QObject):
    """Owns the ConflictsPage (app.views.conflicts_page); `bus` and `user` are the shared ones."""

    conflictsChanged = Signal()  # a conflict was resolved here: the status count follows
    errorOccurred = Signal(str)
    rowsShown = Signal(int)  # a listing is on the page (how many rows)

    def __init__(self, db: Database, page, bus, user, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.page = page
        self.bus = bus
        self.user = user
        self._shown: dict[int, object] = {}  # conflict id → the ConflictRow on the page
        self._generation = 0  # of the newest request; older listings are dropped
        self._running = False
        self._queued = False  # a newer request waits for the running read
        # A read may end after the page or this controller is gone: it then touches nothing.
        self._alive = [True]
        alive = self._alive
        for owner in (page, self):
            owner.destroyed.connect(lambda *_args: alive.__setitem__(0, False))
        page.filterChanged.connect(lambda _f: self.refresh())
        page.keepRequested.connect(self.keep)
        page.shown.connect(self.refresh)

    def refresh(self) -> None:
        """Read the listing the filter asks for off the GUI thread; a newer request supersedes
        an older one (one read at a time: the newest starts when the running one ends)."""
        if not self._alive[0]:
            return
        self._generation += 1
        self.page.set_loading(True)
        if self._running:
            self._queued = True
            return
        self._start_read()

    def is_loading(self) -> bool:
        return self._running

    def _start_read(self) -> None:
        self._running, self._queued = True, False
        generation, choice, db = self._generation, self.page.filter(), self.db

        def work() -> list[Any]:
            with db.sessions() as session:
                rows = list_conflicts(session, open_only=choice == "open")
            return [row for row in rows if row.resolved] if choice == "resolved" else rows

        def done(rows: list[Any]) -> None:
            if self._read_ended() and generation == self._generation:
                self._shown = {row.id: row for row in rows}
                self.page.set_rows(rows)
                self.rowsShown.emit(len(rows))

        def failed(error: Exception) -> None:
            if self._read_ended() and generation == self._generation:
                self.page.set_loading(False)
                self.page.show_message(
                    self.tr("The conflicts cannot be read: %1").replace("%1", str(error)),
                    ok=False)

        run_in_background(work, done, failed)

    def _read_ended(self) -> bool:
        """True when the result may be shown (the page is there); starts a queued read."""
        self._running = False
        if not self._alive[0]:
            return False
        if self._queued:
            self._start_read()
        return True

    def keep(self, conflict_ids: list[int], side: str) -> None:
        """One transaction for the click: every chosen conflict resolved, or none."""
        try:
            with self.db.transaction() as session:
                actor = self.user.actor(session)
                for conflict_id in conflict_ids:
                    resolve_conflict(session, conflict_id, side, actor)
        except (LookupError, ConflictError, SQLAlchemyError) as error:
            # LookupError: nobody is chosen at this desk; ConflictError: the engine says why not.
            self.page.show_message(self.tr("Nothing was changed: %1").replace("%1", str(error)),
                                   ok=False)
            self.refresh()
            return
        # A kept ticket value changes the ticket: the list, board and detail follow.
        ticket_ids = [_uuid(self._shown[i].row_id) for i in conflict_ids
                      if i in self._shown and self._shown[i].entity == TICKET_ENTITY]
        restored = [i for i in conflict_ids if i in self._shown
                    and getattr(self._shown[i], "restore_side", None) == side]
        if restored:
            # The record's last values are on the server: it comes back with the next sync.
            kept = self.tr("The record will be restored with the kept change")
        else:
            kept = self.tr("Kept my value") if side == "mine" else self.tr("Kept their value")
        self.page.show_message(
            self.tr("%1 (conflicts: %2). Every computer receives it at its next sync.")
            .replace("%1", kept).replace("%2", str(len(conflict_ids)))
        )
        self.refresh()
        self.conflictsChanged.emit()
        self.bus.changed([ticket_id for ticket_id in ticket_ids if ticket_id is not None])


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None
