"""Binds a location tree panel to one project's places: loading, search, adds, bulk creation."""

from __future__ import annotations

import time
import uuid

from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import SQLAlchemyError

from app.controllers.background import run_in_background
from app.controllers.master_saving import database_refusal
from app.models.db import Database
from app.models.location import Location
from app.models.location_patterns import (
    PatternError,
    add_place,
    children_of,
    count_places_of,
    create_bulk,
    plan_bulk,
    rename_place,
    search_places,
)


class LocationTreeBinder(QObject):
    """Answers a LocationTreePanel (app.views.location_tree_panel) for the current project."""

    placesChanged = Signal(object)  # project id: places were added or renamed

    def __init__(self, db: Database, panel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.panel = panel
        self.project_id: uuid.UUID | None = None
        self.creating = False
        self._preview_generation = 0
        panel.childrenRequested.connect(self._children)
        panel.searchRequested.connect(self._search)
        panel.addRequested.connect(self._add)
        panel.renameRequested.connect(self._rename)
        panel.bulkPreviewRequested.connect(self._preview)
        panel.bulkCreateRequested.connect(self._create)

    def set_project(self, project_id: uuid.UUID | None) -> None:
        self.project_id = project_id
        self.panel.clear()
        if project_id is not None:
            self._children(None)

    def _children(self, parent_id: uuid.UUID | None) -> None:
        if self.project_id is None:
            return
        try:
            with self.db.sessions() as session:
                rows = children_of(session, self.project_id, parent_id)
                total = count_places_of(session, self.project_id) if parent_id is None else None
        except SQLAlchemyError as error:
            self.panel.show_message(database_refusal(error))
            return
        self.panel.set_children(parent_id, rows)
        if total is not None:
            self.panel.show_count(self.tr("%n place(s) in this project", "", total))

    def _search(self, text: str) -> None:
        if self.project_id is None:
            return
        try:
            with self.db.sessions() as session:
                rows = search_places(session, self.project_id, text)
        except SQLAlchemyError as error:
            self.panel.show_message(database_refusal(error))
            return
        self.panel.show_search_results(rows)
        self.panel.show_count(self.tr("%n place(s) found (at most 200 shown)", "", len(rows)))

    def _add(self, parent_id: uuid.UUID | None, kind: str, name: str) -> None:
        try:
            with self.db.transaction() as session:
                place = add_place(session, self.project_id, parent_id, kind, name)
                place_id = place.id
        except PatternError as error:
            self.panel.show_message(str(error))
            return
        except SQLAlchemyError as error:
            self.panel.show_message(database_refusal(error))
            return
        self.panel.show_message("")
        self._refresh(parent_id)
        self.panel.select_place(place_id)
        self.panel.added()

    def _rename(self, place_id: uuid.UUID, name: str) -> None:
        parent_id = None
        try:
            with self.db.transaction() as session:
                place = rename_place(session, place_id, name)
                parent_id = place.parent_id
        except PatternError as error:
            self.panel.show_message(str(error))
        except SQLAlchemyError as error:
            self.panel.show_message(database_refusal(error))
        else:
            self.panel.show_message("")
        # Refresh in every case: a refused name goes back to the stored one.
        try:
            with self.db.sessions() as session:
                place = session.get(Location, place_id)
                parent_id = place.parent_id if place else parent_id
        except SQLAlchemyError as error:
            self.panel.show_message(database_refusal(error))
            return
        self._refresh(parent_id)
        self.panel.select_place(place_id)

    def _refresh(self, parent_id: uuid.UUID | None) -> None:
        self._children(parent_id)
        if parent_id is not None:
            self._count()
        self.placesChanged.emit(self.project_id)

    def _count(self) -> None:
        try:
            with self.db.sessions() as session:
                total = count_places_of(session, self.project_id)
        except SQLAlchemyError:
            return  # the count is a courtesy; the tree already said what failed
        self.panel.show_count(self.tr("%n place(s) in this project", "", total))

    def _preview(self, parent_id: uuid.UUID | None, pattern: str) -> None:
        """Count what the pattern makes, off the GUI thread (a large estate takes half a second)."""
        if self.project_id is None or self.creating:
            return
        self._preview_generation += 1
        generation, project_id = self._preview_generation, self.project_id

        def work():
            with self.db.sessions() as session:
                return plan_bulk(session, project_id, parent_id, pattern)

        def shown(plan) -> None:
            if generation != self._preview_generation:
                return  # the clerk typed on; a newer preview is coming
            text = plan.summary()
            if len(plan.samples) == 2:
                first, last = plan.samples
                text += "\n" + self.tr("From %1 to %2").replace("%1", first).replace("%2", last)
            elif plan.samples:
                text += "\n" + self.tr("For example: %1").replace("%1", plan.samples[0])
            self.panel.show_bulk_preview(text, plan.new > 0)

        def failed(error: Exception) -> None:
            if generation != self._preview_generation:
                return
            message = str(error) if isinstance(error, PatternError) else database_refusal(error)
            self.panel.show_bulk_preview(message, False)

        run_in_background(work, shown, failed)

    def _create(self, parent_id: uuid.UUID | None, pattern: str) -> None:
        project_id = self.project_id
        if project_id is None or self.creating:
            return
        self.creating = True
        self._preview_generation += 1  # a preview still running must not enable 生成 again
        started = time.perf_counter()

        def work():
            with self.db.transaction() as session:  # all places or none
                return create_bulk(session, project_id, parent_id, pattern)

        def done(plan) -> None:
            self.creating = False
            seconds = time.perf_counter() - started
            self.panel.show_bulk_finished(
                plan.done_summary() + " " + self.tr("(%1 s)").replace("%1", f"{seconds:.2f}")
            )
            if project_id == self.project_id:
                self._refresh(parent_id)

        def failed(error: Exception) -> None:
            self.creating = False
            if isinstance(error, PatternError):
                self.panel.show_bulk_finished(str(error))
            else:
                self.panel.show_bulk_finished(database_refusal(error))

        run_in_background(work, done, failed)
