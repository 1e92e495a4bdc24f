"""Connects the 报修单 page to the ticket list queries: filters, sorting, paging, counts."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.controllers.background import run_in_background
from app.models.db import Database
from app.models.project import Project
from app.models.ticket_list import SortKey, TicketFilter, count_tickets, fetch_page


class TicketListController(QObject):
    """Owns the ticket list page (app.views.ticket_list_page.TicketListPage)."""

    errorOccurred = Signal(str)  # a message for the clerk
    ticketOpened = Signal(object)  # the id of a ticket to open

    def __init__(self, db: Database, page, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.page = page
        self.model = page.model
        self.model.set_fetcher(self._fetch)
        self._filter = TicketFilter()
        self._count_generation = 0
        self.page.filtersChanged.connect(self.apply_filters)
        self.page.ticketActivated.connect(lambda row: self.ticketOpened.emit(row.id))

    def start(self) -> None:
        """Fill the project filter and show the first page."""
        try:
            with self.db.sessions() as session:
                projects = session.execute(select(Project.id, Project.name).order_by(Project.code)).all()
        except SQLAlchemyError as error:
            self._report(error)
            projects = []
        self.page.set_projects([(project_id, name) for project_id, name in projects])
        self.apply_filters()

    def apply_filters(self) -> None:
        self._filter = TicketFilter(
            states=self.page.selected_states(),
            project_id=self.page.selected_project(),
            urgency=self.page.selected_urgency(),
            search=self.page.search_text(),
        )
        self.model.reload()
        self._recount()

    def _fetch(self, sort_key: str, descending: bool, cursor: Any) -> tuple[list, Any]:
        flt = dataclasses.replace(self._filter, sort=SortKey(sort_key), descending=descending)
        try:
            with self.db.sessions() as session:
                page = fetch_page(session, flt, cursor)
        except SQLAlchemyError as error:
            self._report(error)
            return [], None
        return page.rows, page.cursor

    def _recount(self) -> None:
        self._count_generation += 1
        generation, flt = self._count_generation, self._filter
        self.page.show_count(None)

        def work() -> int:
            with self.db.sessions() as session:
                return count_tickets(session, flt)

        def shown(total: int) -> None:
            if generation == self._count_generation:  # a newer filter may have superseded it
                self.page.show_count(total)

        run_in_background(work, shown, self._report)

    def _report(self, error: Exception) -> None:
        self.errorOccurred.emit(self.tr("The database could not be read: %1").replace("%1", str(error)))
