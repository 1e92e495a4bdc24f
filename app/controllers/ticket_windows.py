"""Opens tickets: the intake dialog for a new request and one detail window per open ticket."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject
from sqlalchemy.exc import SQLAlchemyError

from app.controllers.current_user import CurrentUser
from app.controllers.intake_controller import IntakeController
from app.controllers.thumbnail_loader import ThumbnailLoader
from app.controllers.ticket_bus import TicketBus
from app.controllers.ticket_detail_controller import TicketDetailController
from app.models.base import utcnow
from app.models.db import Database
from app.models.ticket_detail import form_choices
from app.models.workflow import Action

# Which form of the detail window does an action's work (a Kanban drop that needs input).
FORM_OF_ACTION = {
    Action.ASSIGN_OWNER: "assign", Action.TAKE: "assign", Action.DIAGNOSE: "diagnose",
    Action.RULE_NOT_COVERED: "not_covered", Action.SAVE_PLAN: "plan", Action.START_REPAIR: "plan",
    Action.LOG_WORK: "work_log", Action.SUBMIT_FOR_ACCEPTANCE: "work_log", Action.ACCEPT: "acceptance",
    Action.REJECT: "acceptance", Action.RECORD_FOLLOW_UP: "follow_up", Action.ARCHIVE: "follow_up",
    Action.CANCEL: "cancel", Action.REOPEN: "reopen", Action.PAUSE_TIMER: "pause",
    Action.RESUME_TIMER: "resume", Action.COMMENT: "comment",
}


@dataclass
class TicketViews:
    """How to make the views (the composition root knows the classes; controllers do not)."""

    intake_dialog: Callable[[], Any]
    detail_window: Callable[[Any], Any]  # FormChoices → TicketDetailWindow
    retro_bar: Callable[[], Any] | None = None  # the header's escalation / typical-case bar


class TicketWindows(QObject):
    """Keeps one detail window per ticket and the intake dialog; reacts to `bus.open`."""

    def __init__(self, db: Database, bus: TicketBus, user: CurrentUser, views: TicketViews,
                 report: Callable[[str], None], clock: Callable[[], dt.datetime] = utcnow,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.bus = bus
        self.user = user
        self.views = views
        self.report = report
        self.clock = clock
        self.thumbnails = ThumbnailLoader(self)
        self.details: dict[uuid.UUID, TicketDetailController] = {}
        self.intake: IntakeController | None = None
        self.document_handler: Callable[[uuid.UUID, str, str], None] | None = None
        self.retro_links: Any = None  # TicketRetroLinks: fills the header bar of each window
        bus.openRequested.connect(self.open)
        user.changed.connect(self._user_changed)

    def new_ticket(self) -> Any:
        """Show the intake dialog (one at a time); the saved ticket opens."""
        if self.intake is not None and self.intake.dialog.isVisible():
            self.intake.dialog.raise_()
            self.intake.dialog.activateWindow()
            return self.intake.dialog
        dialog = self.views.intake_dialog()
        self.thumbnails.attach(dialog.photos)
        self.intake = IntakeController(self.db, self.bus, self.user, dialog, self.clock, self)
        self.intake.registered.connect(self.open)
        self.intake.start()
        dialog.show()
        return dialog

    def open(self, ticket_id: uuid.UUID) -> Any:
        """Show the ticket's detail window (raised if already open)."""
        existing = self.details.get(ticket_id)
        if existing is not None:
            existing.window.show()
            existing.window.raise_()
            existing.window.activateWindow()
            return existing.window
        try:
            with self.db.sessions() as session:
                choices = form_choices(session, ticket_id)
        except SQLAlchemyError as error:
            self.report(self.tr("The database could not be read: %1").replace("%1", str(error)))
            return None
        window = self.views.detail_window(choices)
        self.thumbnails.attach(window.gallery)
        self.thumbnails.attach(window.forms["work_log"].photos)
        controller = TicketDetailController(self.db, self.bus, self.user, window, ticket_id, self.clock, self)
        if not controller.reload():
            window.deleteLater()
            controller.deleteLater()
            return None
        if self.views.retro_bar is not None and self.retro_links is not None:
            bar = self.views.retro_bar()
            window.add_header_widget(bar)
            self.retro_links.attach(ticket_id, bar)
        controller.closed.connect(self._closed)
        controller.documentRequested.connect(self._document)
        self.details[ticket_id] = controller
        window.resize(1240, 820)
        window.show()
        return window

    def open_stage_form(self, ticket_id: uuid.UUID, action: str) -> bool:
        """A move that needs input (a Kanban drop): open the ticket on the form that does it.

        Returns False: the move happens when the clerk completes the form (the board follows
        the change through the bus), never half-done here.
        """
        window = self.open(ticket_id)
        if window is None:
            return False
        key = FORM_OF_ACTION.get(Action(action))
        if key is not None:
            window.focus_form(key)
        return False

    def _user_changed(self, _staff_id) -> None:
        # What may be done depends on who does it: re-check every open ticket.
        for controller in self.details.values():
            controller.reload(reset_forms=False)

    def _closed(self, ticket_id: uuid.UUID) -> None:
        controller = self.details.pop(ticket_id, None)
        if controller is not None:
            controller.window.deleteLater()
            controller.deleteLater()

    def _document(self, ticket_id: uuid.UUID, what: str, kind: str) -> None:
        if self.document_handler is not None:
            self.document_handler(ticket_id, what, kind)

    def close_all(self) -> None:
        for controller in list(self.details.values()):
            controller.window.close()
