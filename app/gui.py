"""The composition root of the desktop app: QApplication, fonts, language, store, main window."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from app import APP_NAME, ORG_NAME
from app.config import DEMO_TICKETS_ON_FIRST_START, default_db_path
from app.controllers.conflicts_controller import ConflictsController
from app.controllers.dashboard_controller import DashboardController
from app.controllers.documents_controller import DocumentActions, DocumentsController
from app.controllers.main_controller import DEFAULT_LANGUAGE, LANGUAGE_KEY, MainController
from app.controllers.reports_controller import ReportsPageController
from app.controllers.retrospectives_controller import (
    RetroControllers,
    RetroViews,
    build_retro_controllers,
)
from app.controllers.sync_controller import SyncController
from app.controllers.sync_settings_controller import SyncSettingsController
from app.controllers.sync_settings_store import SyncSettingsStore
from app.controllers.ticket_windows import TicketViews, TicketWindows
from app.controllers.translations import install_translators
from app.models.db import Database, DatabaseOpenError, open_database
from app.resource_locator import resource_path
from app.views.case_library_page import CaseLibraryPage, PublishCaseDialog
from app.views.conflicts_page import ConflictsPage
from app.views.customers_page import CustomersPage
from app.views.dashboard_page import DashboardPage
from app.views.document_preview_dialog import DocumentDialogs
from app.views.escalate_dialog import EscalateDialog, TicketRetroBar
from app.views.escalation_settings_dialog import EscalationSettingsDialog
from app.views.fonts import install_application_font
from app.views.intake_dialog import IntakeDialog
from app.views.kanban_page import KanbanPage
from app.views.main_window import NAVIGATION, MainWindow, page_title
from app.views.meeting_editor import MeetingEditor
from app.views.placeholder_page import PlaceholderPage
from app.views.placeholders import planned
from app.views.projects_page import ProjectsPage
from app.views.reports_page import ReportsPage
from app.views.retrospectives_page import RetrospectivesPage
from app.views.settings_page import SettingsPage
from app.views.stage_forms import ticket_forms
from app.views.sync_status_widget import SyncStatusWidget, ask_sync_password
from app.views.ticket_detail_window import TicketDetailWindow
from app.views.ticket_list_page import TicketListPage
from app.views.ticket_table_model import TicketTableModel


@dataclass
class MainUi:
    window: MainWindow
    controller: MainController
    tickets: TicketWindows
    retro: RetroControllers
    dashboard: DashboardController
    reports: ReportsPageController
    sync: SyncController

    def start(self) -> None:
        """Load the pages and start the background checks (after the window is built)."""
        self.controller.start()
        self.dashboard.start()
        self.reports.start()
        self.sync.start()
        self.retro.start()
        # What is built so far lives as long as the app: keep it out of the cyclic collector's
        # scans, which would otherwise walk every Qt wrapper and module each full collection.
        gc.collect()
        gc.freeze()


def prepare_application(argv: list[str], language: str | None = None) -> tuple[QApplication, str]:
    """Create (or reuse) the QApplication with our font, style and translation."""
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    install_application_font(app)
    app.setWindowIcon(QIcon(str(resource_path("icons/warrantydesk.svg"))))
    style = resource_path("styles/app.qss")
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    if language is None:
        language = str(QSettings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE))
    install_translators(app, language)
    return app, language


def build_main_ui(db: Database, language: str, settings: QSettings | None = None) -> MainUi:
    """Build the main window with every page and wire its controllers."""
    window = MainWindow()
    ticket_page = TicketListPage(TicketTableModel())
    settings_page = SettingsPage()
    working = {"tickets": ticket_page, "settings": settings_page}
    working["kanban"], working["dashboard"] = KanbanPage(), DashboardPage()
    working["projects"], working["customers"] = ProjectsPage(), CustomersPage()
    working["retrospectives"], working["knowledge"] = RetrospectivesPage(), CaseLibraryPage()
    working["reports"], working["conflicts"] = ReportsPage(), ConflictsPage()
    for key, _source in NAVIGATION:
        title = page_title(key)
        window.add_page(key, title, working.get(key) or PlaceholderPage(title, planned(key)))
    settings = settings or QSettings()
    controller = MainController(db, window, ticket_page, settings_page, settings, language, window)
    views = TicketViews(
        intake_dialog=lambda: IntakeDialog(window),
        detail_window=lambda choices: TicketDetailWindow(ticket_forms(choices), window),
        retro_bar=TicketRetroBar,
    )
    tickets = TicketWindows(db, controller.bus, controller.user, views, window.show_error, parent=controller)
    window.newTicketRequested.connect(tickets.new_ticket)
    controller.tickets.newTicketRequested.connect(tickets.new_ticket)
    # A Kanban drop that needs input opens the ticket on the form that does it.
    controller.kanban.stage_form_opener = tickets.open_stage_form
    documents = DocumentsController(db, controller.bus, controller.user, controller,
                                    views=DocumentDialogs(window))
    tickets.document_handler = DocumentActions(documents)
    documents.statusMessage.connect(lambda text: window.statusBar().showMessage(text, 8000))
    window.verifyRequested.connect(documents.show_verify_dialog)
    controller.tickets.exportRequested.connect(documents.export_batch)
    retro = _wire_retrospectives(db, window, controller, tickets, working)
    dashboard = DashboardController(db, working["dashboard"], controller.bus,
                                    controller.tickets.show_filter, parent=controller)
    dashboard.navigate.connect(window.show_page)
    dashboard.errorOccurred.connect(window.show_error)
    reports = ReportsPageController(db, working["reports"], controller.bus, controller)
    reports.errorOccurred.connect(window.show_error)
    reports.statusMessage.connect(lambda text: window.statusBar().showMessage(text, 8000))
    sync = _wire_sync(db, window, controller, settings_page, working["conflicts"], settings)
    return MainUi(window, controller, tickets, retro, dashboard, reports, sync)


def _wire_sync(db: Database, window: MainWindow, controller: MainController, settings_page: SettingsPage,
               conflicts_page: ConflictsPage, settings: QSettings) -> SyncController:
    """设置 → 同步, the status-bar indicator (F9 syncs) and the 冲突 page."""
    store = SyncSettingsStore(settings)
    sync_settings = SyncSettingsController(db, settings_page.sync_panel, store, controller)
    status = SyncStatusWidget()
    window.statusBar().addPermanentWidget(status)
    sync = SyncController(db, status, store, controller.bus,
                          ask_password=lambda account: ask_sync_password(window, account), parent=controller)
    conflicts = ConflictsController(db, conflicts_page, controller.bus, controller.user, controller)
    sync_settings.settingsSaved.connect(sync.reload)
    # A hidden page refreshes when shown; an open one after each sync that may have changed it.
    sync.syncFinished.connect(lambda _result: conflicts.refresh() if conflicts_page.isVisible() else None)
    conflicts.conflictsChanged.connect(sync.refresh_counts)
    sync.conflictsRequested.connect(lambda: window.show_page("conflicts"))
    sync.settingsRequested.connect(lambda: (window.show_page("settings"), settings_page.show_sync_tab()))
    window.closing.connect(sync.shutdown)  # a running sync stops before waitForDone()
    # 冲突 is in the sidebar once a server is set up (or conflicts are left from one), with a count.
    window.set_page_hidden("conflicts", True)
    sync.stateShown.connect(lambda configured, open_conflicts: (
        window.set_page_hidden("conflicts", not configured and open_conflicts == 0),
        window.set_badge("conflicts", open_conflicts)))
    sync_settings.load()
    return sync


def _wire_retrospectives(db: Database, window: MainWindow, controller: MainController,
                         tickets: TicketWindows, pages: dict) -> RetroControllers:
    """复盘 (escalations, meetings, actions) and 知识库 (typical cases), and their ticket bar."""
    views = RetroViews(
        meeting_editor=lambda: MeetingEditor(window),
        escalate_dialog=lambda: EscalateDialog(window),
        publish_dialog=lambda: PublishCaseDialog(window),
        documents=DocumentDialogs(window),
        settings_dialog=lambda: EscalationSettingsDialog(window),
    )
    retro = build_retro_controllers(db, controller.bus, controller.user, pages["retrospectives"],
                                    pages["knowledge"], views, controller)
    for room in (retro.retrospectives, retro.cases):
        room.errorOccurred.connect(window.show_error)
        room.statusMessage.connect(lambda text: window.statusBar().showMessage(text, 8000))
    retro.cases.pageRequested.connect(window.show_page)
    retro.retrospectives.badgeChanged.connect(lambda n: window.set_badge("retrospectives", n))
    window.closing.connect(retro.retrospectives.stop)
    window.closing.connect(retro.retrospectives.close_all)
    tickets.retro_links = retro.ticket_links
    return retro


def _open_store(args: argparse.Namespace) -> Database:
    path = Path(args.db) if args.db else default_db_path()
    if args.demo and not path.exists():
        return _create_demo_store(path)
    # The default store is created on first start; a path given explicitly must exist.
    return open_database(path, create=args.db is None)


def _create_demo_store(path: Path) -> Database:
    from app.demo.generator import generate_demo

    db = open_database(path, create=True)
    dialog = QProgressDialog(
        QApplication.translate("Startup", "Creating the demo database…"), "", 0, DEMO_TICKETS_ON_FIRST_START
    )
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()

    # Up to this hour, so the open tickets' timers and ageing look like a live office.
    now = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
    generate_demo(db, tickets=DEMO_TICKETS_ON_FIRST_START, seed=1, progress=progress, now=now)
    dialog.close()
    return db


def _peak_memory_mb() -> float:
    """This process's peak resident memory. ru_maxrss would also count a parent's peak on
    Linux (it survives exec), so read the kernel's per-process high-water mark instead."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _report_shown_and_quit(app: QApplication) -> None:
    print(f"shown-at {time.time():.6f} peak-rss-mb {_peak_memory_mb():.1f}", flush=True)
    app.quit()


def run_gui(args: argparse.Namespace) -> int:
    app, language = prepare_application(sys.argv, args.lang)
    try:
        db = _open_store(args)
    except DatabaseOpenError as error:
        QMessageBox.critical(None, QApplication.translate("Startup", "WarrantyDesk"), str(error))
        return 1
    ui = build_main_ui(db, language)
    ui.start()
    if os.environ.get("WARRANTYDESK_EXIT_WHEN_SHOWN"):  # benchmarks: time to a shown window
        QTimer.singleShot(0, lambda: _report_shown_and_quit(app))
    code = app.exec()
    QThreadPool.globalInstance().waitForDone()  # a count may still be running
    db.close()
    return code
