"""Connects the 客户 page: search, the customer editor and the units they own (picked from a tree)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.controllers.location_tree_controller import LocationTreeBinder
from app.controllers.master_saving import database_refusal, read_form, save_form
from app.models.db import Database
from app.models.master_data import load_customer, save_customer, search_customers
from app.models.master_forms import Choice, CustomerForm
from app.models.project import Project


class CustomersController(QObject):
    """Owns the CustomersPage (app.views.customers_page); `bus` and `user` are the shared ones."""

    customersChanged = Signal()
    errorOccurred = Signal(str)

    def __init__(self, db: Database, page, bus, user, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.page = page
        self.bus = bus
        self.user = user
        self.picker_binder: LocationTreeBinder | None = None
        page.searchRequested.connect(lambda _text: self.search())
        page.customerSelected.connect(self.open_customer)
        page.newCustomerRequested.connect(self.new_customer)
        page.saveRequested.connect(self.save)
        page.revertRequested.connect(self.revert)
        page.addUnitRequested.connect(self.pick_unit)

    def start(self) -> None:
        self.search()
        self.new_customer()

    def search(self, select_id: uuid.UUID | None = None) -> None:
        try:
            with self.db.sessions() as session:
                rows = search_customers(session, self.page.search_text())
        except SQLAlchemyError as error:
            self.errorOccurred.emit(database_refusal(error))
            return
        self.page.set_results(rows, select_id)

    def open_customer(self, customer_id: uuid.UUID) -> None:
        form = read_form(self.db, load_customer, customer_id, self.errorOccurred.emit)
        if form is None:
            return
        self.page.set_form(form)

    def new_customer(self) -> None:
        self.page.set_form(CustomerForm())

    def revert(self) -> None:
        customer_id = self.page.customer_id()
        if customer_id is None:
            self.new_customer()
        else:
            self.open_customer(customer_id)

    def save(self) -> None:
        """One transaction: the customer and every unit added, or nothing."""
        form = self.page.form()
        customer_id = save_form(self.db, save_customer, form, self.page.show_problems)
        if customer_id is None:
            return
        self.page.mark_saved()
        self.search(customer_id)
        self.open_customer(customer_id)
        self.customersChanged.emit()

    # -- picking a unit ---------------------------------------------------------------------------
    def pick_unit(self) -> None:
        try:
            with self.db.sessions() as session:
                projects = [
                    Choice(project_id, name)
                    for project_id, name in session.execute(
                        select(Project.id, Project.name).order_by(Project.code)
                    )
                ]
        except SQLAlchemyError as error:
            self.errorOccurred.emit(database_refusal(error))
            return
        dialog = self.page.open_unit_picker(projects)
        self.picker_binder = LocationTreeBinder(self.db, dialog.panel, dialog)
        dialog.projectChosen.connect(self.picker_binder.set_project)
        if projects:
            self.picker_binder.set_project(projects[0].id)
