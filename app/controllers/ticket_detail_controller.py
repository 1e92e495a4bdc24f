"""Owns one ticket detail window: fills it from a snapshot, checks and runs its forms' actions."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from sqlalchemy.exc import SQLAlchemyError

from app.config import attachments_dir
from app.controllers.current_user import CurrentUser
from app.controllers.ticket_bus import TicketBus
from app.documents import DOCUMENT_TITLE_ZH, available_documents
from app.models.attachment_store import AttachmentStore, DryRunStore
from app.models.base import to_local, utcnow
from app.models.db import Database
from app.models.ticket import Ticket
from app.models.ticket_detail import TicketDetail, load_detail
from app.models.ticket_forms import problems_of, submit
from app.models.vocabulary import TicketState
from app.models.workflow import RULES, Action

S = TicketState
# The forms of each state: shown on top (the stage's work) and as side tabs when allowed.
STAGE_FORMS: dict[str, tuple[list[str], list[str]]] = {
    S.RECEIVED: (["assign"], ["pause", "resume", "comment", "cancel"]),
    S.DIAGNOSING: (["diagnose"], ["assign", "not_covered", "pause", "resume", "comment", "cancel"]),
    S.PLANNING: (["plan"], ["assign", "pause", "resume", "comment", "cancel"]),
    S.IN_REPAIR: (["work_log"], ["plan", "assign", "pause", "resume", "comment"]),
    S.ACCEPTANCE: (["acceptance"], ["assign", "comment"]),
    S.FOLLOW_UP: (["follow_up"], ["comment"]),
    S.ARCHIVED: ([], ["reopen"]),
    S.NOT_COVERED: ([], ["comment"]),
    S.CANCELLED: ([], ["comment"]),
}
# The action that decides whether a side form is offered at all.
FORM_GATE = {
    "assign": Action.ASSIGN_OWNER, "not_covered": Action.RULE_NOT_COVERED, "pause": Action.PAUSE_TIMER,
    "resume": Action.RESUME_TIMER, "comment": Action.COMMENT, "cancel": Action.CANCEL,
    "reopen": Action.REOPEN, "plan": Action.SAVE_PLAN,
}


class TicketDetailController(QObject):
    """Fills a TicketDetailWindow (app.views.ticket_detail_window) and runs its forms."""

    closed = Signal(object)  # the ticket id
    documentRequested = Signal(object, str, str)  # ticket id, what, kind

    def __init__(self, db: Database, bus: TicketBus, user: CurrentUser, window, ticket_id: uuid.UUID,
                 clock: Callable[[], dt.datetime] = utcnow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.bus = bus
        self.user = user
        self.window = window
        self.ticket_id = ticket_id
        self.clock = clock
        self.store = AttachmentStore(attachments_dir(db.path))
        self.detail: TicketDetail | None = None
        self._touched: set[str] = set()  # forms the user typed in: their field messages show
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(150)
        self._recheck.timeout.connect(self._check_pending)
        self._pending: set[str] = set()
        self._own_change = False
        self._filling = False  # pre-filling a form is not the user editing it

        window.actionRequested.connect(self.perform)
        window.formEdited.connect(self._form_edited)
        window.refreshRequested.connect(self.reload)
        window.relatedActivated.connect(bus.open)
        window.openExternally.connect(lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        window.documentRequested.connect(lambda what, kind: self.documentRequested.emit(ticket_id, what, kind))
        window.closed.connect(lambda: self.closed.emit(ticket_id))
        bus.ticketsChanged.connect(self._tickets_changed)

    # -- loading -------------------------------------------------------------------------
    def reload(self, reset_forms: bool = True) -> bool:
        """Read the ticket again and show it; False when it cannot be read."""
        try:
            with self.db.sessions() as session:
                actor = self._actor(session)
                detail = load_detail(session, self.ticket_id, actor, self.clock(), self.store)
                ticket = session.get(Ticket, self.ticket_id)
                documents = [(kind.value, DOCUMENT_TITLE_ZH[kind]) for kind in available_documents(ticket)] if ticket else []
        except SQLAlchemyError as error:
            self.window.show_message(self.tr("The database could not be read: %1").replace("%1", str(error)))
            return False
        if detail is None:
            self.window.show_message(self.tr("This ticket no longer exists."))
            return False
        self.detail = detail
        self._show(detail, reset_forms)
        self.window.set_documents(documents)
        return True

    def _actor(self, session):
        try:
            return self.user.actor(session)
        except LookupError:
            return None

    def _show(self, detail: TicketDetail, reset_forms: bool) -> None:
        self.window.show_detail(detail)
        main, side = STAGE_FORMS.get(detail.state, ([], []))
        side = [key for key in side if FORM_GATE[key].value in detail.actions]
        side = [key for key in side if not (key == "pause" and detail.paused)]
        side = [key for key in side if not (key == "resume" and not detail.paused)]
        hint = "" if main else self.tr("This ticket is closed; its history is read-only.")
        self.window.show_stage(main, side, hint)
        if reset_forms:
            self._touched.clear()
            self._filling = True
            try:
                for key in main + side:
                    self._prefill(key, detail)
            finally:
                self._filling = False
        for key in main + side:
            self._offer_actions_of_state(self.window.forms[key], detail.state)
        self._pending.update(main + side)
        self._check_pending()

    @staticmethod
    def _offer_actions_of_state(form, state: str) -> None:
        """Hide buttons whose action the state does not have (taking a ticket once it is taken).
        The acceptance form switches its own two buttons (passed / failed)."""
        if form.key == "acceptance":
            return
        for action, button in form.buttons.items():
            button.setVisible(state in RULES[Action(action)].states)

    def _prefill(self, key: str, detail: TicketDetail) -> None:
        form = self.window.forms[key]
        values: dict[str, Any] = dict(detail.values)
        appointment = values.get("plan_appointment_at")
        values["plan_appointment_at"] = to_local(appointment).replace(tzinfo=None) if appointment else None
        now_local = to_local(self.clock()).replace(tzinfo=None, second=0, microsecond=0)
        values.update({"reason": "", "text": "", "note": "", "owner_id": None, "started_at": now_local, "ended_at": None,
                       "people": detail.values.get("plan_people") or "", "description": "",
                       "materials_used": "", "signer_name": detail.customer or detail.reporter_name})
        form.set_values(values)
        if key == "plan":
            form.materials.set_lines(detail.materials)
        for name, field in form.fields.items():
            if values.get(name) is None and hasattr(field, "suggest"):
                field.suggest(now_local)  # an empty optional time offers the clerk's local now
        if key == "work_log":
            form.photos.clear()
        if key == "acceptance":
            form.pad.clear()
            form.set_scan(None)
        form.mark_clean()
        form.show_problems([])

    # -- checking and running ------------------------------------------------------------
    def _form_edited(self, key: str) -> None:
        if self._filling:
            return
        self._touched.add(key)
        self._pending.add(key)
        self._recheck.start()

    def _check_pending(self) -> None:
        keys, self._pending = self._pending, set()
        for key in keys:
            form = self.window.forms[key]
            values = form.values()
            shown: list[tuple[str, str]] = []
            for action, button in form.buttons.items():
                problems = self._problems(key, action, values)
                form.set_blocked(action, [m for _f, m in problems])
                if not button.isHidden():
                    shown += [p for p in problems if p not in shown]
            if key in self._touched:
                form.show_problems(shown)

    def _problems(self, key: str, action: str, values: dict[str, Any]) -> list[tuple[str, str]]:
        """What stops `action` now. A form nobody has typed in holds the ticket's own values:
        the snapshot's check already answered for its main actions, no dry run needed."""
        if key not in self._touched and self.detail is not None and action in self.detail.blocked:
            return [("", message) for message in self.detail.blocked[action]]
        return self._dry_run(action, values)

    def _dry_run(self, action: str, values: dict[str, Any]) -> list[tuple[str, str]]:
        """What the action would refuse with these values: run it, then roll back."""
        try:
            with self.db.sessions() as session, session.begin():
                try:
                    self._submit(session, DryRunStore(self.store.root), action, values)
                except Exception as error:  # noqa: BLE001  (refusals become messages)
                    return [(p.field, p.message) for p in problems_of(error)]
                finally:
                    session.rollback()
        except LookupError as error:
            return [("actor", str(error))]
        except SQLAlchemyError as error:
            return [("database", self.tr("The database could not be read: %1").replace("%1", str(error)))]
        return []

    def _submit(self, session, store, action: str, values: dict[str, Any]) -> None:
        ticket = session.get(Ticket, self.ticket_id)
        submit(session, store, ticket, self.user.actor(session), action, values, now=self.clock())

    def perform(self, action: str, values: dict[str, Any]) -> bool:
        """Run one user action in one transaction; on refusal show why and write nothing."""
        form = self._form_of(action)
        try:
            with self.db.transaction() as session:
                self._submit(session, self.store, action, values)
        except LookupError as error:
            self.window.show_message(str(error))
            return False
        except SQLAlchemyError as error:
            self.window.show_message(self.tr("Nothing was saved: the database reported %1").replace("%1", str(error)))
            return False
        except Exception as error:  # noqa: BLE001
            problems = [(p.field, p.message) for p in problems_of(error)]
            if form is not None:
                self._touched.add(form.key)
                form.show_problems(problems)
                form.set_blocked(action, [m for _f, m in problems])
            return False
        self._own_change = True
        self.bus.changed([self.ticket_id])  # our own reload follows from the bus
        return True

    def _form_of(self, action: str):
        for form in self.window.forms.values():
            if action in form.buttons and form.isVisible():
                return form
        return next((f for f in self.window.forms.values() if action in f.buttons), None)

    def _tickets_changed(self, ids: list) -> None:
        if self.ticket_id in ids:
            # Our own action resets the forms; a change from elsewhere keeps what is typed.
            own, self._own_change = self._own_change, False
            self.reload(reset_forms=own or not self.window.unsaved_forms())
