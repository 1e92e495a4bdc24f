"""Connects 设置 → 同步: fills the panel, tests the connection off the GUI thread, saves."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.controllers.background import run_in_background
from app.controllers.sync_settings_store import SyncSettingsStore, split_credentials
from app.models.db import Database
from app.models.project import Project
from app.sync.service import test_connection
from app.sync.settings import SettingsError, SyncSettings


class SyncSettingsController(QObject):
    """Owns the SyncSettingsPanel (app.views.sync_settings_panel) of the settings page."""

    settingsSaved = Signal()  # SyncController reloads: timer, status, scope

    def __init__(self, db: Database, panel, store: SyncSettingsStore,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.panel = panel
        self.store = store
        self._testing = False
        # A test may answer after the window closed: then there is nothing left to show it in.
        self._alive = [True]
        alive = self._alive
        panel.destroyed.connect(lambda *_args: alive.__setitem__(0, False))
        panel.testRequested.connect(self.test)
        panel.saveRequested.connect(self.save)
        panel.shown.connect(self.refresh_projects)

    def load(self) -> None:
        """Fill the panel: every project to choose from, then what is saved."""
        self.refresh_projects()
        saved = self.store.load()
        self.panel.set_values(saved)
        self._show_password_state(saved)

    def refresh_projects(self) -> None:
        """Read the projects again (one may have been added), keeping what is ticked."""
        if not self._alive[0]:
            return
        try:
            with self.db.sessions() as session:
                projects = session.execute(
                    select(Project.id, Project.code, Project.name).order_by(Project.code)
                ).all()
        except SQLAlchemyError as error:
            self.panel.show_result(False, str(error))
            return
        self.panel.set_projects([tuple(row) for row in projects], self.panel.ticked_projects())

    # -- test connection -----------------------------------------------------------------
    def test(self) -> None:
        if self._testing:
            return
        settings = self._settings_from_panel()
        if settings is None:
            return
        self._testing = True
        self.panel.show_busy(self.tr("Connecting to the server…"))
        run_in_background(lambda: test_connection(settings), self._tested, self._test_failed)

    def _tested(self, reason: str | None) -> None:
        if not self._alive[0]:
            return
        self._testing = False
        if reason is None:
            self.panel.show_result(
                True, self.tr("Connected: the server answers and is ready to sync."))
        else:
            self.panel.show_result(False, self.tr("Cannot connect: %1").replace("%1", reason))

    def _test_failed(self, error: Exception) -> None:
        if not self._alive[0]:
            return
        self._testing = False
        self.panel.show_result(False, self.tr("Cannot connect: %1").replace("%1", str(error)))

    # -- save ----------------------------------------------------------------------------
    def save(self) -> None:
        values = self.panel.values()
        if not values["url"]:
            # An empty address switches sync off (未配置) and forgets the stored password.
            self.store.clear()
            self.panel.show_result(True, self.tr("Sync is switched off."))
            self.load()
            self.settingsSaved.emit()
            return
        settings = self._settings_from_panel(with_stored_password=False)
        if settings is None:
            return
        outcome = self.store.save(settings)
        self.load()
        self.panel.show_result(True, outcome.message)
        self.settingsSaved.emit()

    # -- helpers -------------------------------------------------------------------------
    def _settings_from_panel(self, with_stored_password: bool = True) -> SyncSettings | None:
        """The form as SyncSettings; None (and the engine's reason shown) when unusable."""
        values = self.panel.values()
        if with_stored_password and not values["password"]:
            bare, url_user, url_password = split_credentials(values["url"])
            stored = self.store.password(bare, values["user"] or url_user)
            values["password"] = url_password or stored or ""
        settings = SyncSettings(**values)
        try:
            settings.sqlalchemy_url()  # the sync engine decides what a usable address is
        except SettingsError as refused:
            self.panel.show_result(False, str(refused))
            return None
        return settings

    def _show_password_state(self, saved: SyncSettings | None) -> None:
        if not self.store.keyring_available():
            note = self.tr("This computer has no system password store: the password is not saved "
                       "and is asked once each time the program starts.")
        else:
            note = ""
        if saved is not None and saved.password:
            placeholder = self.tr("Stored — leave empty to keep it")
        else:
            placeholder = ""
        self.panel.show_password_state(placeholder, note)
