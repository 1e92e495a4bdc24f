"""Runs sync off the GUI thread (button, F9, every N minutes) and drives the status indicator."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.controllers.background import run_in_background
from app.controllers.sync_settings_store import SyncSettingsStore, split_credentials
from app.models.db import Database
from app.sync.service import open_conflict_count, pending_changes, run_sync, test_connection
from app.sync.settings import SyncSettings

# While offline, try again every minute: the outbox drains within a minute of the network
# returning (DESIGN.md "Nothing lost"), whatever the configured interval.
OFFLINE_RETRY_MINUTES = 1
MINUTE_MS = 60_000
FIRST_SYNC_DELAY_MS = 3_000  # let the window show before the first automatic sync
RECOUNT_DELAY_MS = 500  # pending changes recounted once after a burst of local edits
RECOUNT_EVERY_MS = 30_000  # master data edits do not pass the ticket bus
PROGRESS_EVERY_S = 0.1  # at most ten progress updates a second cross to the GUI thread



class _ProgressRelay(QObject):
    """Lives on the GUI thread; emitted from the sync thread, delivered queued."""

    progressed = Signal(str, int, int)


class SyncController(QObject):
    """Owns the SyncStatusWidget (app.views.sync_status_widget); never two syncs at once.

    `ask_password(account)` asks the user for a password that could not be stored (it
    returns None when cancelled); it is only called for a sync the user started.
    `minute_ms` is how long a minute of the sync interval lasts (tests shorten it).
    """

    syncFinished = Signal(object)  # app.sync.service.SyncResult
    conflictsRequested = Signal()  # the user clicked 有冲突: show the 冲突 page
    settingsRequested = Signal()  # the user clicked 未配置 / 需要密码: show 设置 → 同步
    stateShown = Signal(bool, int)  # a server is set up; open conflicts (the 冲突 page's entry)

    def __init__(self, db: Database, status, store: SyncSettingsStore, bus,
                 ask_password: Callable[[str], str | None] | None = None,
                 parent: QObject | None = None, minute_ms: int = MINUTE_MS) -> None:
        super().__init__(parent)
        self.minute_ms = minute_ms
        self.db = db
        self.status = status
        self.store = store
        self.bus = bus
        self.ask_password = ask_password
        self.settings: SyncSettings | None = None
        self.running = False
        self.online: bool | None = None  # None: not known yet
        self.needs_password = False
        self.pending = 0
        self.conflicts = 0
        self.last_detail = ""
        self._counting = False  # the counts are being read off the GUI thread
        self._count_again = False  # asked for again meanwhile: that newer count is shown
        self._stop = threading.Event()
        # A job may finish after the window closed: its callbacks then touch nothing of Qt.
        self._alive = [True]
        alive = self._alive
        for owner in (status, self):
            owner.destroyed.connect(lambda *_args: alive.__setitem__(0, False))
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(status.show_progress)
        self._auto = QTimer(self)
        self._auto.timeout.connect(lambda: self.sync_now(manual=False))
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(RECOUNT_DELAY_MS)
        self._recount.timeout.connect(self.refresh_counts)
        self._recount_every = QTimer(self)
        self._recount_every.setInterval(RECOUNT_EVERY_MS)
        self._recount_every.timeout.connect(self.refresh_counts)
        status.syncRequested.connect(lambda: self.sync_now(manual=True))
        status.stopRequested.connect(self.stop)
        status.detailsRequested.connect(self._details)
        bus.ticketsChanged.connect(lambda _ids: self._recount.start())

    # -- configuration -------------------------------------------------------------------
    def start(self) -> None:
        """Read the settings; sync soon when automatic sync is on, else check the server."""
        self.reload(first=True)

    def reload(self, first: bool = False) -> None:
        """The settings changed (or the program started): timer, status and a quick check."""
        self.settings = self.store.load()
        self.needs_password = False
        self.online = None
        self.last_detail = ""
        self._auto.stop()
        if self.settings is None:
            self._recount_every.stop()
            self._show()
            return
        self._recount_every.start()
        self.refresh_counts()
        if self.settings.interval_minutes > 0:
            self._auto.start(self._interval_ms())
            if first:
                QTimer.singleShot(FIRST_SYNC_DELAY_MS, self, lambda: self.sync_now(manual=False))
        if not self._password_ready(self.settings):
            self.needs_password = True
            self._show()
            return
        self._show()
        if self.running:
            return
        settings = self.settings
        run_in_background(lambda: test_connection(settings), self._probed,
                          lambda error: self._probed(str(error)))

    def _probed(self, reason: str | None) -> None:
        if not self._alive[0]:
            return
        if self.running:
            return  # a sync started meanwhile; its result says more
        self.online = reason is None
        self.last_detail = self.tr("The server answers.") if reason is None else reason
        self._show()

    # -- syncing -------------------------------------------------------------------------
    def sync_now(self, manual: bool = True) -> bool:
        """Start a sync unless one runs; False when it did not start (and why is shown)."""
        if self.running:
            return False
        # self.settings is current: reload() reads the store (and keyring) whenever it is saved.
        if self.settings is None:
            self._show()
            if manual:
                self.settingsRequested.emit()
            return False
        settings = self._with_password(self.settings, manual)
        if settings is None:
            self.needs_password = True
            self._show()
            return False
        self.settings = settings  # a password typed in the prompt serves the automatic syncs too
        self.needs_password = False
        self.running = True
        self._stop.clear()
        self._show()
        self.status.show_progress(self.tr("Connecting…"), 0, 0)
        relay = self._relay
        last = [0.0]

        def progress(text: str, done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_EVERY_S or done >= total:
                last[0] = now
                relay.progressed.emit(text, done, total)

        def work() -> Any:
            return run_sync(self.db, settings, progress=progress, should_stop=self._stop.is_set)

        run_in_background(work, self._finished, self._crashed)
        return True

    def stop(self) -> None:
        """Ask the running sync to stop after its current step (what is done stays done)."""
        if self.running:
            self._stop.set()
            self.status.show_progress(self.tr("Stopping…"), 0, 0)

    def shutdown(self) -> None:
        """The window closes: no new sync, and the running one stops at its next step."""
        self._alive[0] = False
        self._auto.stop()
        self._recount.stop()
        self._recount_every.stop()
        self._stop.set()

    def _finished(self, result: Any) -> None:
        if not self._alive[0]:
            return
        self.running = False
        when = dt.datetime.now().strftime("%H:%M")
        if result.error is None:
            self.online = True
            self.last_detail = (
                self.tr("Last sync %1: %2 sent, %3 received, %4 new conflicts.")
                .replace("%1", when).replace("%2", str(result.pushed))
                .replace("%3", str(result.pulled)).replace("%4", str(result.conflicts_new))
            )
            if result.quarantined:
                self.last_detail += " " + self.tr(
                    "%1 changes were refused by the server and set aside; please tell the "
                    "administrator."
                ).replace("%1", str(result.quarantined))
            # Warnings of the sync itself (references to missing records) are Chinese already.
            for warning in getattr(result, "warnings", ()):
                self.last_detail += " " + warning
        elif self._stop.is_set():
            # Stopped by the user: the server was reachable, and what was done stays done.
            self.online = True if self.online is None else self.online
            self.last_detail = result.error
        else:
            self.online = False
            self.last_detail = self.tr("Sync at %1 failed: %2").replace("%1", when).replace(
                "%2", result.error)
        self._restart_timer()
        self._show()  # the outcome at once; the counts follow when read
        self.bus.changed(list(result.changed_ticket_ids))
        self.refresh_counts()
        self.syncFinished.emit(result)

    def _crashed(self, error: Exception) -> None:
        if not self._alive[0]:
            return
        # run_sync reports network trouble in SyncResult.error; this is an unexpected fault.
        self.running = False
        self.online = False
        self.last_detail = self.tr("Sync stopped by an error: %1").replace("%1", str(error))
        self._restart_timer()
        self._show()
        self.refresh_counts()

    def _restart_timer(self) -> None:
        if self.settings is None or self.settings.interval_minutes <= 0:
            self._auto.stop()
            return
        interval = self._interval_ms()
        retry = OFFLINE_RETRY_MINUTES * self.minute_ms
        self._auto.start(interval if self.online else min(interval, retry))

    # -- status --------------------------------------------------------------------------
    def refresh_counts(self) -> None:
        """Pending changes and open conflicts, counted off the GUI thread.

        One count at a time: a request while one runs makes it count again when it ends, and
        only that newer result is shown (the figures never step back to an older state).
        """
        if not self._alive[0]:
            return
        if self.settings is None:
            self._show()
            return
        if self._counting:
            self._count_again = True
            return
        self._counting, self._count_again = True, False
        db = self.db

        def work() -> tuple[int, int]:
            with db.sessions() as session:
                return pending_changes(session), open_conflict_count(session)

        def counted(counts: tuple[int, int]) -> None:
            if self._count_ended():
                self.pending, self.conflicts = counts
                self._show()

        def failed(_error: Exception) -> None:
            # A store without the sync tables yet (or a locked file): keep the last counts.
            if self._count_ended():
                self._show()

        run_in_background(work, counted, failed)

    def is_counting(self) -> bool:
        return self._counting

    def _count_ended(self) -> bool:
        """True when this count may be shown: the window is open and nothing newer was asked."""
        self._counting = False
        if not self._alive[0]:
            return False
        if self._count_again:
            self.refresh_counts()
            return False
        return True

    def state(self) -> str:
        if self.running:
            return "syncing"
        if self.settings is None:
            return "unconfigured"
        if self.needs_password:
            return "needs_password"
        if self.online is False:
            return "offline"
        if self.conflicts:
            return "conflicts"
        if self.online:
            return "online"
        return "offline"  # not reached the server yet

    def _show(self) -> None:
        detail = self.last_detail
        if self.settings is None:
            detail = self.tr("No shared server is set up: Settings → Sync.")
        elif self.needs_password:
            detail = self.tr("The password is not stored on this computer: press Sync to enter it.")
        elif self.online is None and not self.running:
            detail = self.tr("Not connected to the server yet.")
        if self.conflicts and self.state() != "conflicts":
            detail += " " + self.tr("Open conflicts: %1.").replace("%1", str(self.conflicts))
        self.status.show_status(self.state(), pending=self.pending, conflicts=self.conflicts,
                                detail=detail.strip())
        self.stateShown.emit(self.settings is not None, self.conflicts)

    def _details(self) -> None:
        """A click on the state: go where something can be done about it."""
        state = self.state()
        if state == "needs_password" and self.ask_password is not None:
            self.sync_now(manual=True)
        elif state == "syncing":
            return
        elif self.conflicts:
            self.conflictsRequested.emit()
        else:
            self.settingsRequested.emit()  # 未配置, or to look at the server settings

    # -- helpers -------------------------------------------------------------------------
    def _interval_ms(self) -> int:
        return max(1, self.settings.interval_minutes if self.settings else 0) * self.minute_ms

    def _password_ready(self, settings: SyncSettings) -> bool:
        """A password is known, or the keyring works and the user saved none on purpose."""
        return bool(settings.password) or bool(split_credentials(settings.url)[2]) \
            or self.store.keyring_available()

    def _with_password(self, settings: SyncSettings, manual: bool) -> SyncSettings | None:
        if self._password_ready(settings):
            return settings
        if not manual or self.ask_password is None:
            return None
        account = self.store.account(settings.url, settings.user)
        password = self.ask_password(account)
        if not password:
            return None
        self.store.remember_for_session(settings.url, settings.user, password)
        return replace(settings, password=password)
