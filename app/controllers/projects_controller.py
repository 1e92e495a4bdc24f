"""Connects the 项目 page: project list and editor, warranty terms, location tree, org and staff."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import SQLAlchemyError

from app.controllers.location_tree_controller import LocationTreeBinder
from app.controllers.master_saving import database_refusal, read_form, save_form
from app.controllers.staff_controller import StaffController
from app.models.db import Database
from app.models.master_data import (
    list_org_units,
    list_projects,
    load_project,
    manager_choices,
    new_project_form,
    org_choices,
    save_project,
    split_trades,
    term_problem,
)
from app.models.master_forms import Choice, TermForm
from app.models.vocabulary import OrgKind, PeriodUnit
from app.models.warranty_terms import STATUTORY_MINIMUMS, describe_period


class ProjectsController(QObject):
    """Owns the ProjectsPage (app.views.projects_page); `bus` and `user` are the app's shared ones.

    `projectsChanged` fires after a project was created or changed, or its places changed, so
    pages with project lists (ticket filters, intake) can reload them; `staffChanged` after
    staff or org units changed (owner pickers).
    """

    projectsChanged = Signal()
    staffChanged = Signal()
    errorOccurred = Signal(str)

    def __init__(self, db: Database, page, bus, user, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.page = page
        self.bus = bus
        self.user = user
        self._dept_ids: list[uuid.UUID] = []
        self.editor = page.editor
        self.locations = LocationTreeBinder(db, page.locations, self)
        self.staff = StaffController(db, page.staff, user, self)

        page.projectSelected.connect(self.open_project)
        page.newProjectRequested.connect(self.new_project)
        self.editor.saveRequested.connect(self.save)
        self.editor.revertRequested.connect(self.revert)
        self.editor.termEdited.connect(self._check_term)
        self.locations.placesChanged.connect(self._places_changed)
        self.staff.orgUnitsChanged.connect(self._org_units_changed)
        self.staff.staffChanged.connect(self._staff_changed)
        self.staff.errorOccurred.connect(self.errorOccurred)

    def start(self) -> None:
        """Load the page now if it is on screen, else the first time it is shown (faster start)."""
        self._loaded = False
        if self.page.isVisible():
            self._load()
        else:
            self.page.shown.connect(self._load)

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        self.editor.set_term_minimums(self._minimums())
        self._load_choices()
        rows = self._reload_list()
        if rows:
            self.open_project(rows[0].id, select=True)
        else:
            self.new_project()
        self.staff.start()

    # -- lists and choices ----------------------------------------------------------------------
    def _reload_list(self, select: uuid.UUID | None = None) -> list:
        try:
            with self.db.sessions() as session:
                rows = list_projects(session)
        except SQLAlchemyError as error:
            self.errorOccurred.emit(database_refusal(error))
            return []
        self.page.set_projects(rows, select)
        return rows

    def _load_choices(self) -> None:
        try:
            with self.db.sessions() as session:
                depts = org_choices(session, OrgKind.PROJECT_DEPT)
                managers = manager_choices(session)
                subcontractors = [
                    (Choice(row.id, row.name), split_trades(row.trades))
                    for row in list_org_units(session, OrgKind.SUBCONTRACTOR)
                ]
        except SQLAlchemyError as error:
            self.errorOccurred.emit(database_refusal(error))
            return
        self._dept_ids = [choice.id for choice in depts]
        self.editor.set_choices(depts, managers, subcontractors)

    def _minimums(self) -> dict[str, str]:
        texts = {}
        for part, minimum in STATUTORY_MINIMUMS.items():
            if minimum.unit == PeriodUnit.DESIGN_LIFE:
                texts[part.value] = describe_period(0, minimum.unit)
            elif minimum.period == 0:
                texts[part.value] = self.tr("set by the contract")
            else:
                texts[part.value] = self.tr("at least %1").replace(
                    "%1", describe_period(minimum.period, minimum.unit)
                )
        return texts

    # -- one project ------------------------------------------------------------------------------
    def open_project(self, project_id: uuid.UUID, select: bool = False) -> None:
        form = read_form(self.db, load_project, project_id, self.errorOccurred.emit)
        if form is None:
            return
        if select:
            self.page.select_project(project_id)
        self.editor.set_form(form)
        self.page.show_locations_enabled(True)
        self.locations.set_project(project_id)

    def new_project(self) -> None:
        form = new_project_form()
        if len(self._dept_ids) == 1:
            form.project_dept_id = self._dept_ids[0]  # the usual case: one project department
        self.editor.set_form(form)
        self.page.show_locations_enabled(False)
        self.locations.set_project(None)

    def revert(self) -> None:
        project_id = self.editor.project_id()
        if project_id is None:
            self.new_project()
        else:
            self.open_project(project_id)

    def save(self) -> None:
        """One transaction: the project, its terms and subcontractors, or nothing."""
        form = self.editor.form()
        project_id = save_form(self.db, save_project, form, self.editor.show_problems)
        if project_id is None:
            return
        self.editor.mark_saved()
        self._reload_list(project_id)
        self.open_project(project_id)
        self.projectsChanged.emit()

    def _check_term(self, part: str, period: int, unit: str) -> None:
        problem = term_problem(TermForm(part, period, unit))
        self.editor.show_term_problem(part, problem.message if problem else "")

    # -- changes elsewhere on the page ------------------------------------------------------------
    def _places_changed(self, _project_id) -> None:
        self._reload_list(self.editor.project_id())
        self.projectsChanged.emit()

    def _org_units_changed(self) -> None:
        self._load_choices()
        self.staffChanged.emit()

    def _staff_changed(self) -> None:
        self._load_choices()
        self.staffChanged.emit()
