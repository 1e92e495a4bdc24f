"""Connects the 典型案例 tab of the 知识库 page: search, a case with photos, publishing from a
closed meeting, and the ticket window's link to the cases of its defect category."""

from __future__ import annotations

import uuid
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.config import attachments_dir
from app.controllers.background import run_in_background
from app.controllers.current_user import CurrentUser
from app.controllers.ticket_bus import TicketBus
from app.models.attachment import Attachment
from app.models.attachment_store import AttachmentStore
from app.models.base import utcnow
from app.models.db import Database
from app.models.escalation_terms import CaseData, RetroRefused
from app.models.project import DefectCategory, Project
from app.models.retrospective import RetrospectiveMeeting
from app.models.ticket import Ticket
from app.models.typical_case import (
    case_count_for_category,
    case_detail,
    case_prefill,
    publish_case,
    search_cases,
)

SEARCH_DELAY_MS = 250  # search after a pause in typing, not at every key
PHOTO_SIZE = QSize(220, 165)
CHOICE_SIZE = QSize(120, 90)


def _scaled(data: bytes, size: QSize) -> QImage:
    image = QImage.fromData(data)
    if image.isNull():
        return image
    return image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


class CaseLibraryController(QObject):
    """Owns the CaseLibraryPage (app.views.case_library_page); `publish_dialog()` makes a
    PublishCaseDialog. `pageRequested(key)` asks the main window to show the 知识库 page."""

    errorOccurred = Signal(str)
    statusMessage = Signal(str)
    pageRequested = Signal(str)
    casePublished = Signal(object)  # the new case id
    casesShown = Signal()  # a search or category list is on screen

    def __init__(self, db: Database, page, bus: TicketBus, user: CurrentUser, publish_dialog,
                 parent: QObject | None = None, clock=utcnow) -> None:
        super().__init__(parent)
        self.db = db
        self.page = page
        self.bus = bus
        self.user = user
        self.make_publish_dialog = publish_dialog
        self.clock = clock
        self.store = AttachmentStore(attachments_dir(db.path))
        self.category: tuple[uuid.UUID, str] | None = None
        self.dialog: Any = None
        self._generation = 0
        self._loaded = False
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        page.shown.connect(self._first_show)
        page.searchChanged.connect(lambda _text: self._search_timer.start())
        page.categoryCleared.connect(self.clear_category)
        page.caseSelected.connect(self.show_case)

    def _first_show(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.search()

    # -- the list -------------------------------------------------------------------------------
    def search(self, select_id: uuid.UUID | None = None) -> None:
        """Search the cases off the GUI thread (2-character terms work); newest first."""
        self._loaded = True
        self._search_timer.stop()
        self._generation += 1
        generation = self._generation
        text = self.page.search_edit.text().strip()
        category = self.category

        def work():
            with self.db.sessions() as session:  # within a category the words still narrow it
                return search_cases(session, text,
                                    defect_category_id=category[0] if category else None)

        def done(rows) -> None:
            if generation == self._generation:
                self.page.set_cases(rows, select_id)
                self.casesShown.emit()

        run_in_background(work, done, self._failed)

    def _failed(self, error: Exception) -> None:
        self.errorOccurred.emit(self.tr("The database could not be read: %1").replace("%1", str(error)))

    def clear_category(self) -> None:
        self.category = None
        self.page.set_category_filter("")
        self.search()

    # -- one case -------------------------------------------------------------------------------
    def show_case(self, case_id: uuid.UUID | None) -> None:
        if case_id is None:
            self.page.show_case(None)
            return

        def work():
            with self.db.sessions() as session:
                return case_detail(session, case_id)

        def done(detail) -> None:
            if self.page.selected_case() == case_id:
                self.page.show_case(detail)
                self._load_photos([p.sha256 for p in detail.photos], self.page, PHOTO_SIZE)

        run_in_background(work, done, self._failed)

    def _load_photos(self, hashes: list[str], receiver: QObject, size: QSize) -> None:
        """Read and scale the photos off the GUI thread; each arrives as it is ready (dropped
        when the page or dialog that asked is gone by then)."""
        store = self.store

        def deliver(result: tuple[str, QImage]) -> None:
            if shiboken6.isValid(receiver):
                receiver.set_photo(*result)

        for sha256 in hashes:
            def work(sha256: str = sha256) -> tuple[str, QImage]:
                try:
                    return sha256, _scaled(store.read(sha256), size)
                except (OSError, ValueError):
                    return sha256, QImage()  # missing or damaged: the tile says so

            run_in_background(work, deliver, self._failed)

    # -- publishing -----------------------------------------------------------------------------
    def publish(self, meeting_id: uuid.UUID | None) -> Any:
        """发布为典型案例: the dialog prefilled from the closed meeting; returns it (shown)."""
        if meeting_id is None:
            return None
        try:
            with self.db.sessions() as session:
                data = case_prefill(session, meeting_id)
                meeting = session.get(RetrospectiveMeeting, meeting_id)
                categories = self._categories(session, meeting.project_id if meeting else None)
                photos = [(a.id, a.sha256, f"{number} {a.caption}".strip()) for a, number in session.execute(
                    select(Attachment, Ticket.number).join(Ticket, Ticket.id == Attachment.ticket_id)
                    .where(Attachment.id.in_(data.photo_ids)))]
        except (RetroRefused, SQLAlchemyError) as error:
            self.errorOccurred.emit(str(error))
            return None
        dialog = self.make_publish_dialog()
        dialog.set_values(data, categories, photos)
        dialog.publishRequested.connect(lambda values: self._publish(dialog, meeting_id, values))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.dialog = dialog
        dialog.show()
        self._load_photos([sha for _i, sha, _c in photos], dialog, CHOICE_SIZE)
        return dialog

    @staticmethod
    def _categories(session, project_id: uuid.UUID | None) -> list[tuple[uuid.UUID, str]]:
        query = select(DefectCategory.id, DefectCategory.name).order_by(DefectCategory.sort_key)
        if project_id is not None:
            query = query.where(DefectCategory.project_type == select(Project.type).where(
                Project.id == project_id).scalar_subquery())
        return [tuple(row) for row in session.execute(query)]

    def _publish(self, dialog, meeting_id: uuid.UUID, data: CaseData) -> None:
        try:
            with self.db.transaction() as session:
                meeting = session.get(RetrospectiveMeeting, meeting_id)
                case = publish_case(session, meeting, self.user.actor(session), data, now=self.clock())
                case_id, number = case.id, case.number
        except RetroRefused as refused:
            dialog.show_problems([(p.field, p.message) for p in refused.problems])
            return
        except (LookupError, SQLAlchemyError) as error:
            dialog.show_problems([("", str(error))])
            return
        dialog.accept()
        self.statusMessage.emit(self.tr("Published as typical case %1").replace("%1", number))
        self.casePublished.emit(case_id)
        self.category = None
        self.page.set_category_filter("")
        self.page.search_edit.clear()
        self.search(case_id)

    # -- from a ticket --------------------------------------------------------------------------
    def case_count_for_ticket(self, ticket_id: uuid.UUID) -> int:
        """N of 同类典型案例 (N): the cases of the ticket's defect category."""
        with self.db.sessions() as session:
            category = session.scalar(select(Ticket.defect_category_id).where(Ticket.id == ticket_id))
            return case_count_for_category(session, category)

    def show_cases_for_ticket(self, ticket_id: uuid.UUID) -> None:
        """The link in the ticket window: the 知识库 page listing the cases of its category."""
        with self.db.sessions() as session:
            row = session.execute(
                select(DefectCategory.id, DefectCategory.name).join(
                    Ticket, Ticket.defect_category_id == DefectCategory.id).where(Ticket.id == ticket_id)
            ).first()
        if row is None:
            return
        self.category = (row.id, row.name)
        self.page.set_category_filter(row.name)
        self.page.search_edit.blockSignals(True)
        self.page.search_edit.clear()
        self.page.search_edit.blockSignals(False)
        self.pageRequested.emit("knowledge")
        self.search()
