"""Wires the main window: pages, status bar, remembered layout and the language setting."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QSettings
from sqlalchemy import select

from app import __version__
from app.controllers.current_user import CurrentUser
from app.controllers.customers_controller import CustomersController
from app.controllers.kanban_controller import KanbanController
from app.controllers.projects_controller import ProjectsController
from app.controllers.ticket_bus import TicketBus
from app.controllers.ticket_list_controller import TicketListController
from app.models.db import Database
from app.models.people import Staff

LANGUAGE_KEY = "ui/language"
DEFAULT_LANGUAGE = "zh_CN"


class MainController(QObject):
    """Owns the main window (app.views.main_window.MainWindow) and the page controllers."""

    def __init__(self, db: Database, window, ticket_page, settings_page, settings: QSettings,
                 language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.window = window
        self.settings = settings
        self.language = language
        # Shared by every page controller: who works here, and the notice that tickets changed.
        self.bus = TicketBus(self)
        self.user = CurrentUser(settings, self)
        with db.sessions() as session:
            self.user.restore(session)
        self.tickets = TicketListController(db, ticket_page, self.bus, self.user, self)
        self.tickets.errorOccurred.connect(window.show_error)
        self.kanban = KanbanController(db, window.page("kanban"), self.bus, self.user, settings, self)
        self.kanban.errorOccurred.connect(window.show_error)
        self.projects = ProjectsController(db, window.page("projects"), self.bus, self.user, self)
        self.projects.errorOccurred.connect(window.show_error)
        self.customers = CustomersController(db, window.page("customers"), self.bus, self.user, self)
        self.customers.errorOccurred.connect(window.show_error)
        self.settings_page = settings_page

        window.show_store(
            self.tr("Database: %1").replace("%1", str(db.path)),
            self.tr("Installation code: %1").replace("%1", db.installation_code),
        )
        settings_page.show_installation(str(db.path), db.installation_code, __version__)
        settings_page.set_language(language)
        settings_page.languageChosen.connect(self._choose_language)
        settings_page.restartRequested.connect(self._restart)
        settings_page.userChosen.connect(self._choose_user)
        self._show_users()
        window.closing.connect(self._remember_layout)

    def start(self) -> None:
        self._restore_layout()
        self.tickets.start()
        self.kanban.start()
        self.projects.start()
        self.customers.start()
        self.window.show()

    # -- remembered layout -------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.window.restoreGeometry(geometry):
            self.window.resize(1280, 800)
        state = self.settings.value("window/state")
        if state is not None:
            self.window.restoreState(state)
        header = self.settings.value("tickets/header")
        if header is not None:
            self.tickets.page.table.horizontalHeader().restoreState(header)
        self.window.show_page(str(self.settings.value("window/page", "tickets")))

    def _remember_layout(self) -> None:
        self.settings.setValue("window/geometry", self.window.saveGeometry())
        self.settings.setValue("window/state", self.window.saveState())
        self.settings.setValue("window/page", self.window.current_page())
        self.settings.setValue("tickets/header", self.tickets.page.table.horizontalHeader().saveState())
        self.settings.sync()

    # -- who works here ----------------------------------------------------------------
    def _show_users(self) -> None:
        with self.db.sessions() as session:
            rows = session.execute(
                select(Staff.id, Staff.name, Staff.role).where(Staff.active.is_(True)).order_by(Staff.role, Staff.name)
            ).all()
        self.settings_page.set_users([tuple(row) for row in rows], self.user.staff_id)
        current = next((row for row in rows if row[0] == self.user.staff_id), None)
        self.window.show_user(current[1] if current else "", current[2] if current else "")

    def _choose_user(self, staff_id) -> None:
        if staff_id is not None:
            self.user.choose(staff_id)
            self._show_users()

    # -- language ----------------------------------------------------------------------
    def _choose_language(self, code: str) -> None:
        self.settings.setValue(LANGUAGE_KEY, code)
        self.settings.sync()
        self.settings_page.show_restart_needed(code != self.language)

    def _restart(self) -> None:
        if getattr(sys, "frozen", False):
            program, arguments = sys.executable, sys.argv[1:]
        else:
            program, arguments = sys.executable, ["-m", "app", *sys.argv[1:]]
        self.window.close()
        if QProcess.startDetached(program, arguments)[0]:
            QCoreApplication.quit()
