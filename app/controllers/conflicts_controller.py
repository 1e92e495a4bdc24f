"""Connects the 冲突 page: lists sync conflicts and keeps the value the user picks."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import SQLAlchemyError

from app.models.db import Database
from app.sync.conflicts import ConflictError, list_conflicts, resolve_conflict

TICKET_ENTITY = "ticket"  # app.sync.conflicts names entities by table



class ConflictsController(QObject):
    """Owns the ConflictsPage (app.views.conflicts_page); `bus` and `user` are the shared ones."""

    conflictsChanged = Signal()  # a conflict was resolved here: the status count follows
    errorOccurred = Signal(str)

    def __init__(self, db: Database, page, bus, user, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.page = page
        self.bus = bus
        self.user = user
        self._shown: dict[int, object] = {}  # conflict id → the ConflictRow on the page
        page.filterChanged.connect(lambda _f: self.refresh())
        page.keepRequested.connect(self.keep)
        page.shown.connect(self.refresh)

    def refresh(self) -> None:
        choice = self.page.filter()
        try:
            with self.db.sessions() as session:
                rows = list_conflicts(session, open_only=choice == "open")
        except SQLAlchemyError as error:
            self.page.show_message(
                self.tr("The conflicts cannot be read: %1").replace("%1", str(error)), ok=False)
            return
        if choice == "resolved":
            rows = [row for row in rows if row.resolved]
        self._shown = {row.id: row for row in rows}
        self.page.set_rows(rows)

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
