"""The app-wide notice that tickets changed, so every open page (list, board, detail) follows."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal


class TicketBus(QObject):
    """One instance per main window, passed to each controller that shows or changes tickets.

    A controller that commits a change calls `changed([...ids])` after the commit; every
    controller that shows tickets listens to `ticketsChanged` and refreshes just those rows.
    `openRequested` asks the main controller to open a ticket's detail.
    """

    ticketsChanged = Signal(list)  # list[uuid.UUID]
    openRequested = Signal(object)  # uuid.UUID

    def changed(self, ticket_ids: list[uuid.UUID]) -> None:
        if ticket_ids:
            self.ticketsChanged.emit(list(ticket_ids))

    def open(self, ticket_id: uuid.UUID) -> None:
        self.openRequested.emit(ticket_id)
