"""Owns the intake dialog: pick lists, place search, coverage and duplicate preview, saving."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.exc import SQLAlchemyError

from app.config import attachments_dir
from app.controllers.background import run_in_background
from app.controllers.current_user import CurrentUser
from app.controllers.ticket_bus import TicketBus
from app.models import intake_lookup as lookup
from app.models.attachment_store import AttachmentStore
from app.models.base import utcnow
from app.models.db import Database
from app.models.ticket import Ticket
from app.models.ticket_actions import mark_duplicate, register_ticket
from app.models.ticket_detail import local_text
from app.models.ticket_forms import attach_paths, problems_of
from app.models.vocabulary import COVERAGE_ZH, PhotoStage
from app.models.workflow import Intake, check_intake

PREVIEW_DELAY_MS = 250  # after the last keystroke; lookups run off the GUI thread


class IntakeController(QObject):
    """Drives an IntakeDialog (app.views.intake_dialog)."""

    registered = Signal(object)  # the new ticket's id

    def __init__(self, db: Database, bus: TicketBus, user: CurrentUser, dialog,
                 clock: Callable[[], dt.datetime] = utcnow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.bus = bus
        self.user = user
        self.dialog = dialog
        self.clock = clock
        self.store = AttachmentStore(attachments_dir(db.path))
        self._generation = 0
        self._touched = False
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._refresh)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self._search_locations)
        self._typed = ""
        self._alive = True  # results of lookups still running are dropped once the dialog is gone
        dialog.destroyed.connect(self._dialog_gone)
        dialog.finished.connect(self._dialog_gone)

        dialog.projectChanged.connect(self._project_changed)
        dialog.locationTyped.connect(self._location_typed)
        dialog.locationPicked.connect(lambda _id: self._preview_timer.start())
        dialog.edited.connect(self._edited)
        dialog.saveRequested.connect(self.save)
        dialog.linkDuplicateRequested.connect(self.save_as_duplicate)

    def start(self, project_id: uuid.UUID | None = None) -> None:
        try:
            with self.db.sessions() as session:
                projects = lookup.projects(session)
                owners = lookup.owners_for_tickets(session)
        except SQLAlchemyError as error:
            self.dialog.show_message(self.tr("The database could not be read: %1").replace("%1", str(error)))
            return
        self.dialog.set_choices("project_id", [(p.id, p.text) for p in projects], keep=False)
        self.dialog.set_choices("owner_id", [(o.id, o.text) for o in owners], keep=False)
        if project_id is None and len(projects) == 1:
            project_id = projects[0].id
        if project_id is not None:
            self.dialog.project.set(project_id)
            self._project_changed(project_id)
        self.dialog.form.mark_clean()
        self._refresh()

    # -- lookups -------------------------------------------------------------------------
    def _project_changed(self, project_id: uuid.UUID | None) -> None:
        categories = []
        if project_id is not None:
            with self.db.sessions() as session:
                categories = [(c.id, c.text) for c in lookup.categories(session, project_id)]
        self.dialog.set_choices("defect_category_id", categories, keep=False)
        self.dialog.set_choices("customer_id", [], keep=False)
        self.dialog.set_location(None, self.dialog.values().get("location_label", ""))
        self._preview_timer.start()

    def _location_typed(self, text: str) -> None:
        self._typed = text
        self._search_timer.start()

    def _search_locations(self) -> None:
        project_id, text = self.dialog.values().get("project_id"), self._typed.strip()
        if project_id is None or not text:
            self.dialog.set_location_suggestions([])
            return
        self._generation += 1
        generation = self._generation

        def work() -> list[tuple[Any, str]]:
            with self.db.sessions() as session:
                return [(c.id, c.text) for c in lookup.search_locations(session, project_id, text)]

        def shown(found: list[tuple[Any, str]]) -> None:
            if self._alive and generation == self._generation:
                self.dialog.set_location_suggestions(found)

        run_in_background(work, shown, self._report)

    def _edited(self) -> None:
        self._touched = True
        self._preview_timer.start()

    def _refresh(self) -> None:
        """Preview the verdict and duplicates and re-check the form, off the GUI thread."""
        values = self.dialog.values()
        self._generation += 1
        generation = self._generation
        now = self.clock()

        def work() -> tuple[Any, list[tuple[str, str]]]:
            with self.db.sessions() as session:
                preview = lookup.preview(
                    session, values.get("project_id"), location_id=values.get("location_id"),
                    location_label=values.get("location_label") or "",
                    defect_category_id=values.get("defect_category_id"), reported_at=now,
                )
                try:
                    actor = self.user.actor(session)
                except LookupError as error:
                    return preview, [("actor", str(error))]
                problems = [(p.field, p.message) for p in check_intake(session, actor, self._intake(values))]
                return preview, problems

        def shown(result: tuple[Any, list[tuple[str, str]]]) -> None:
            if not self._alive or generation != self._generation:
                return  # a newer keystroke superseded this preview, or the dialog is closed
            preview, problems = result
            self._show_preview(preview)
            self.dialog.set_blocked([m for _f, m in problems])
            if self._touched:
                self.dialog.show_problems(problems)

        run_in_background(work, shown, self._report)

    def _show_preview(self, preview: lookup.IntakePreview) -> None:
        if preview.verdict is None:
            text = self.tr("Choose the project and the defect category to see the verdict.")
            coverage = None
        else:
            verdict = preview.verdict
            name = COVERAGE_ZH[verdict.coverage]
            text = f"<b>{name}</b><br>{verdict.reason}"
            if preview.building_part is None:
                text += "<br>" + self.tr("(preliminary: choose the defect category for the building part)")
            coverage = verdict.coverage.value
        duplicates = [
            (d.id, f"{d.number}  {local_text(d.reported_at)}  {d.location}\n{d.description[:60]}")
            for d in preview.duplicates
        ]
        self.dialog.show_preview(text, coverage, duplicates)
        if preview.owners:
            self.dialog.set_choices("customer_id", [(o.id, f"{o.text} {o.extra}") for o in preview.owners])
            if self.dialog.customer.get() is None:
                self.dialog.customer.set(preview.owners[0].id)

    # -- saving --------------------------------------------------------------------------
    def _intake(self, values: dict[str, Any]) -> Intake:
        return Intake(
            project_id=values.get("project_id"), channel=values.get("channel"),
            description=values.get("description") or "", reporter_name=values.get("reporter_name") or "",
            reporter_phone=values.get("reporter_phone") or "", urgency=values.get("urgency") or 3,
            location_id=values.get("location_id"), location_label=values.get("location_label") or "",
            customer_id=values.get("customer_id"), defect_category_id=values.get("defect_category_id"),
            owner_id=values.get("owner_id"), structural_safety=bool(values.get("structural_safety")),
        )

    def save(self, values: dict[str, Any], duplicate_of: uuid.UUID | None = None) -> uuid.UUID | None:
        """Register the request (and its photos) in one transaction; the new ticket opens."""
        now = self.clock()
        try:
            with self.db.transaction() as session:
                actor = self.user.actor(session)
                ticket = register_ticket(session, actor, self._intake(values), now=now)
                attach_paths(session, self.store, ticket, actor, [Path(p) for p in values.get("photos") or []],
                             PhotoStage.BEFORE, now=now)
                if duplicate_of is not None:
                    mark_duplicate(session, ticket, session.get(Ticket, duplicate_of), actor, now=now)
                ticket_id = ticket.id
        except LookupError as error:
            self.dialog.show_message(str(error))
            return None
        except SQLAlchemyError as error:
            self.dialog.show_message(self.tr("Nothing was saved: the database reported %1").replace("%1", str(error)))
            return None
        except Exception as error:  # noqa: BLE001  (the engine's refusals)
            self._touched = True
            self.dialog.show_problems([(p.field, p.message) for p in problems_of(error)])
            return None
        changed = [ticket_id] + ([duplicate_of] if duplicate_of is not None else [])
        self.dialog.finish()
        self.bus.changed(changed)
        self.registered.emit(duplicate_of or ticket_id)
        return ticket_id

    def save_as_duplicate(self, values: dict[str, Any], original_id: uuid.UUID) -> uuid.UUID | None:
        """Register the call and link it to the open ticket it repeats (cancelled with a link,
        its reporter kept); the original opens."""
        return self.save(values, duplicate_of=original_id)

    def _dialog_gone(self, *_args) -> None:
        self._alive = False
        self._preview_timer.stop()
        self._search_timer.stop()

    def _report(self, error: Exception) -> None:
        if not self._alive:
            return
        self.dialog.show_message(self.tr("The database could not be read: %1").replace("%1", str(error)))

