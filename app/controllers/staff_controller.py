"""Connects the 组织与人员 tab to the org unit and staff services (add, edit, deactivate)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import SQLAlchemyError

from app.controllers.master_saving import database_refusal, read_form, save_form
from app.models.db import Database
from app.models.master_data import (
    MasterDataRefused,
    list_org_units,
    list_staff,
    org_choices,
    org_unit_form,
    save_org_unit,
    save_staff,
    set_staff_active,
    staff_form,
)
from app.models.master_forms import OrgUnitForm, StaffForm


class StaffController(QObject):
    """Owns a StaffPanel (app.views.staff_panel); `user` is the CurrentUser of this desk."""

    orgUnitsChanged = Signal()
    staffChanged = Signal()
    errorOccurred = Signal(str)

    def __init__(self, db: Database, panel, user, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.panel = panel
        self.user = user
        panel.orgSelected.connect(self.open_org)
        panel.newOrgRequested.connect(lambda: panel.set_org_form(OrgUnitForm()))
        panel.saveOrgRequested.connect(self.save_org)
        panel.staffSelected.connect(self.open_staff)
        panel.newStaffRequested.connect(self._new_staff)
        panel.saveStaffRequested.connect(self.save_staff)
        panel.activeToggleRequested.connect(self.set_active)
        panel.staffFilterChanged.connect(lambda: self.reload_staff(self.panel.staff_form().id))

    def start(self) -> None:
        self.reload_orgs()
        self.reload_staff()
        self.panel.set_org_form(OrgUnitForm())
        self._new_staff()

    def reload_orgs(self, select: uuid.UUID | None = None) -> None:
        try:
            with self.db.sessions() as session:
                rows = list_org_units(session)
                choices = org_choices(session)
        except SQLAlchemyError as error:
            self.errorOccurred.emit(database_refusal(error))
            return
        self.panel.set_org_units(rows, select)
        self.panel.set_org_choices(choices)

    def reload_staff(self, select: uuid.UUID | None = None) -> None:
        text, include_inactive = self.panel.staff_filter()
        try:
            with self.db.sessions() as session:
                rows = list_staff(session, include_inactive, text)
        except SQLAlchemyError as error:
            self.errorOccurred.emit(database_refusal(error))
            return
        self.panel.set_staff(rows, select)

    # -- org units ------------------------------------------------------------------------------
    def open_org(self, unit_id: uuid.UUID) -> None:
        form = read_form(self.db, org_unit_form, unit_id, self.errorOccurred.emit)
        if form is None:
            return
        self.panel.set_org_form(form)

    def save_org(self) -> None:
        form = self.panel.org_form()
        unit_id = save_form(self.db, save_org_unit, form, self.panel.show_org_problems)
        if unit_id is None:
            return
        self.panel.org_saved()
        self.reload_orgs(unit_id)
        self.open_org(unit_id)
        self.reload_staff(self.panel.staff_form().id)  # unit names in the staff list
        self.orgUnitsChanged.emit()

    # -- staff ----------------------------------------------------------------------------------
    def _new_staff(self) -> None:
        self.panel.set_staff_form(StaffForm())

    def open_staff(self, staff_id: uuid.UUID) -> None:
        form = read_form(self.db, staff_form, staff_id, self.errorOccurred.emit)
        if form is None:
            return
        self.panel.set_staff_form(form)

    def save_staff(self) -> None:
        form = self.panel.staff_form()
        staff_id = save_form(self.db, save_staff, form, self.panel.show_staff_problems)
        if staff_id is None:
            return
        self.panel.staff_saved()
        self.reload_staff(staff_id)
        self.reload_orgs(self.panel.org_form().id)  # active staff counts
        self.open_staff(staff_id)
        self.staffChanged.emit()

    def set_active(self, staff_id: uuid.UUID, active: bool) -> None:
        try:
            with self.db.transaction() as session:
                set_staff_active(session, staff_id, active, current_staff_id=self.user.staff_id)
        except MasterDataRefused as refused:
            self.panel.show_staff_problems([(p.field, p.message) for p in refused.problems])
            return
        except SQLAlchemyError as error:
            self.panel.show_staff_problems([("", database_refusal(error))])
            return
        self.reload_staff(staff_id)
        self.reload_orgs(self.panel.org_form().id)
        if self.panel.staff_tracker.dirty:  # keep the clerk's unsaved edits of this person
            self.panel.show_active(active)
            self.panel.show_staff_problems([])
        else:
            self.open_staff(staff_id)
        self.staffChanged.emit()
