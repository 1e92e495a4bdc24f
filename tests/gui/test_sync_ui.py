"""设置 → 同步, the status indicator and the 冲突 page, driven as a user would."""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMainWindow

from app.controllers.conflicts_controller import ConflictsController
from app.controllers.current_user import CurrentUser
from app.controllers.sync_controller import SyncController
from app.controllers.sync_settings_controller import SyncSettingsController
from app.controllers.sync_settings_store import KEYRING_SERVICE, SyncSettingsStore
from app.controllers.ticket_bus import TicketBus
from app.models import Staff, Ticket
from app.models.db import open_database
from app.models.ticket_actions import edit_field
from app.sync.conflicts import list_conflicts
from app.sync.service import SyncResult, pending_changes, run_sync
from app.sync.settings import SyncSettings
from app.views.conflicts_page import ConflictsPage
from app.views.settings_page import SettingsPage
from app.views.sync_settings_panel import PROJECT_ID_ROLE
from app.views.sync_status_widget import SyncStatusWidget, ask_sync_password
from tests.sync.pg_fixtures import pg_database, pg_server, pg_url  # noqa: F401  (fixtures)
from tests.unit.lifecycle_world import build_world, register

PASSWORD = "Pa55-word!"


class MemoryKeyring(KeyringBackend):
    """An OS keyring stand-in: the store talks to it exactly as to the real backends."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("not stored")


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring():
    """This Linux box and CI: no secret service, keyring falls back to its "fail" backend."""
    before = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def server_url(request) -> str:
    """A fresh database on the real test PostgreSQL, with the server schema (sync-core's)."""
    return request.getfixturevalue("pg_url")


@pytest.fixture
def laptop(tmp_path: Path):
    """A second local store: the laptop that was offline while the office edited."""
    folder = tmp_path / "laptop"
    folder.mkdir()
    store = open_database(folder / "laptop.db", create=True)
    yield store
    store.close()


@dataclass
class SyncScreens:
    """The sync pieces wired as app/gui.py wires them, on a window of their own."""

    window: QMainWindow
    settings_page: SettingsPage
    status: SyncStatusWidget
    conflicts_page: ConflictsPage
    store: SyncSettingsStore
    settings_controller: SyncSettingsController
    sync: SyncController
    conflicts: ConflictsController
    bus: TicketBus
    asked: list[str]


def _screens(db, qtbot, answer: str | None = None, minute_ms: int = 60_000) -> SyncScreens:
    qsettings = QSettings()
    window = QMainWindow()
    window.resize(1366, 768)
    qtbot.addWidget(window)
    settings_page = SettingsPage()
    window.setCentralWidget(settings_page)
    status = SyncStatusWidget()
    window.statusBar().addPermanentWidget(status)
    conflicts_page = ConflictsPage()
    qtbot.addWidget(conflicts_page)
    bus = TicketBus(window)
    user = CurrentUser(qsettings, window)
    with db.sessions() as session:
        user.restore(session)
    store = SyncSettingsStore(qsettings)
    asked: list[str] = []

    def ask(account: str) -> str | None:
        asked.append(account)
        return answer

    settings_controller = SyncSettingsController(db, settings_page.sync_panel, store, window)
    sync = SyncController(db, status, store, bus, ask_password=ask, parent=window,
                          minute_ms=minute_ms)
    conflicts = ConflictsController(db, conflicts_page, bus, user, window)
    settings_controller.settingsSaved.connect(sync.reload)
    sync.syncFinished.connect(lambda _result: conflicts.refresh())
    conflicts.conflictsChanged.connect(sync.refresh_counts)
    settings_controller.load()
    sync.start()
    window.show()
    settings_page.show_sync_tab()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):  # window shortcuts (F9) work in the active window only
        window.activateWindow()
    return SyncScreens(window, settings_page, status, conflicts_page, store, settings_controller,
                       sync, conflicts, bus, asked)


def _closed_port() -> int:
    """A port on 127.0.0.1 that nobody listens on: bound once, then released."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _type_over(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def _tick_project(qtbot, panel, row: int) -> None:
    """Click the item's check box, as a user ticks it."""
    view = panel.project_list
    rect = view.visualItemRect(view.item(row))
    # The check box sits at the left edge of the item, as wide as the row is high.
    pos = rect.topLeft()
    pos.setX(rect.left() + rect.height() // 2 + 2)
    pos.setY(rect.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert view.item(row).checkState() == Qt.CheckState.Checked


def _settings_file() -> str:
    QSettings().sync()
    path = Path(QSettings().fileName())
    return path.read_text(encoding="utf-8") if path.exists() else ""


# -- 设置 → 同步 ----------------------------------------------------------------------------
def test_settings_are_saved_with_the_password_in_the_keyring_only(
    demo_db, qtbot, memory_keyring
) -> None:
    screens = _screens(demo_db, qtbot)
    panel = screens.settings_page.sync_panel
    assert screens.status.state == "unconfigured"

    qtbot.keyClicks(panel.url_edit, "postgresql://sync.example.cn:5432/warrantydesk")
    qtbot.keyClicks(panel.user_edit, "jinan01")
    qtbot.keyClicks(panel.password_edit, PASSWORD)
    panel.tls_combo.setFocus()
    qtbot.keyClick(panel.tls_combo, Qt.Key.Key_Down)  # prefer → require
    _tick_project(qtbot, panel, 1)
    ticked = panel.project_list.item(1).data(PROJECT_ID_ROLE)
    _type_over(qtbot, panel.interval_spin, "15")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    stored = QSettings()
    assert stored.value("sync/url") == "postgresql://sync.example.cn:5432/warrantydesk"
    assert stored.value("sync/user") == "jinan01"
    assert stored.value("sync/tls_mode") == "require"
    assert stored.value("sync/scope_project_ids") == str(ticked)
    assert int(stored.value("sync/interval_minutes")) == 15
    assert PASSWORD not in _settings_file()
    account = "jinan01@postgresql://sync.example.cn:5432/warrantydesk"
    assert memory_keyring.passwords == {(KEYRING_SERVICE, account): PASSWORD}
    assert panel.password_edit.text() == ""  # the password does not stay in a widget
    assert panel.password_edit.placeholderText()  # …but the form says one is stored

    # A new session (a new store object) reads it all back, the password from the keyring.
    loaded = SyncSettingsStore(QSettings()).load()
    assert loaded == SyncSettings(
        url="postgresql://sync.example.cn:5432/warrantydesk", user="jinan01",
        password=PASSWORD, tls_mode="require", scope_project_ids=(ticked,),
        interval_minutes=15,
    )
    # Saving again with the password field empty keeps the stored password.
    _type_over(qtbot, panel.interval_spin, "0")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert SyncSettingsStore(QSettings()).load().password == PASSWORD
    assert SyncSettingsStore(QSettings()).load().interval_minutes == 0


def test_a_password_pasted_in_the_address_goes_to_the_keyring(db, qtbot, memory_keyring) -> None:
    screens = _screens(db, qtbot)
    panel = screens.settings_page.sync_panel
    qtbot.keyClicks(panel.url_edit, f"postgresql://bob:{PASSWORD}@10.0.0.5:5432/wd")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert QSettings().value("sync/url") == "postgresql://10.0.0.5:5432/wd"
    assert QSettings().value("sync/user") == "bob"
    assert PASSWORD not in _settings_file()
    assert memory_keyring.passwords == {
        (KEYRING_SERVICE, "bob@postgresql://10.0.0.5:5432/wd"): PASSWORD
    }
    assert panel.url_edit.text() == "postgresql://10.0.0.5:5432/wd"


def test_without_a_keyring_the_password_is_never_written_and_asked_next_session(
    db, qtbot, no_keyring
) -> None:
    screens = _screens(db, qtbot, answer=PASSWORD)
    panel = screens.settings_page.sync_panel
    assert panel.password_note.text()  # says at once that no password store exists
    url = f"postgresql://127.0.0.1:{_closed_port()}/wd"
    qtbot.keyClicks(panel.url_edit, url)
    qtbot.keyClicks(panel.user_edit, "jinan01")
    qtbot.keyClicks(panel.password_edit, PASSWORD)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.result_label.property("kind") == "syncOk"
    assert "keyring" in panel.result_label.text()  # the user is told, in the message
    assert PASSWORD not in _settings_file()
    assert screens.store.load().password == PASSWORD  # for this session, in memory
    qtbot.waitUntil(lambda: screens.status.state == "offline", timeout=10_000)

    # The next session knows no password: the indicator says so, and 同步 asks for it.
    screens.window.close()
    later = _screens(db, qtbot, answer=None)
    assert later.store.load().password == ""
    assert later.status.state == "needs_password"
    qtbot.mouseClick(later.status.sync_button, Qt.MouseButton.LeftButton)
    assert later.asked == [f"jinan01@{url}"]
    assert later.status.state == "needs_password" and not later.sync.running


def test_an_empty_address_switches_sync_off(db, qtbot, memory_keyring) -> None:
    screens = _screens(db, qtbot)
    panel = screens.settings_page.sync_panel
    qtbot.keyClicks(panel.url_edit, "postgresql://10.0.0.5:5432/wd")
    qtbot.keyClicks(panel.user_edit, "bob")
    qtbot.keyClicks(panel.password_edit, PASSWORD)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert screens.status.state != "unconfigured"
    _type_over(qtbot, panel.url_edit, "")
    panel.url_edit.clear()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert QSettings().value("sync/url") is None
    assert memory_keyring.passwords == {}
    assert screens.status.state == "unconfigured"


def test_a_wrong_address_is_refused_before_connecting(db, qtbot, memory_keyring) -> None:
    screens = _screens(db, qtbot)
    panel = screens.settings_page.sync_panel
    qtbot.keyClicks(panel.url_edit, "http://10.0.0.5/wd")
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    assert panel.result_label.property("kind") == "syncFailed"
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert QSettings().value("sync/url") is None


def test_the_password_prompt_hides_what_is_typed(chinese_app, qtbot) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        field = dialog.findChild(QLineEdit)
        seen.append(field.echoMode())
        qtbot.keyClicks(field, PASSWORD)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    seen: list = []
    QTimer.singleShot(0, answer)
    assert ask_sync_password(None, "jinan01@postgresql://10.0.0.5:5432/wd") == PASSWORD
    assert seen == [QLineEdit.EchoMode.Password]


# -- test connection -----------------------------------------------------------------------
def test_test_connection_says_why_an_unreachable_server_fails(db, qtbot, memory_keyring) -> None:
    screens = _screens(db, qtbot)
    panel = screens.settings_page.sync_panel
    qtbot.keyClicks(panel.url_edit, f"postgresql://bob:x@127.0.0.1:{_closed_port()}/wd")
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    assert not panel.test_button.isEnabled()  # one test at a time, off the GUI thread
    qtbot.waitUntil(lambda: panel.result_label.property("kind") != "syncBusy", timeout=20_000)
    assert panel.result_label.property("kind") == "syncFailed"
    assert _has_chinese(panel.result_label.text())
    assert panel.test_button.isEnabled()


def test_test_connection_succeeds_against_the_real_server(db, qtbot, memory_keyring, server_url) -> None:
    screens = _screens(db, qtbot)
    panel = screens.settings_page.sync_panel
    qtbot.keyClicks(panel.url_edit, server_url)
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result_label.property("kind") != "syncBusy", timeout=20_000)
    assert panel.result_label.property("kind") == "syncOk", panel.result_label.text()


# -- the status indicator ------------------------------------------------------------------
def _save_server(qtbot, screens: SyncScreens, url: str) -> None:
    panel = screens.settings_page.sync_panel
    _type_over(qtbot, panel.url_edit, url)
    _type_over(qtbot, panel.interval_spin, "0")  # no automatic sync inside a test
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)


def _pending(db) -> int:
    with db.sessions() as session:
        return pending_changes(session)


def test_indicator_goes_online_syncs_and_counts_pending_changes(
    db, qtbot, memory_keyring, server_url
) -> None:
    world = build_world(db)
    ticket_id = register(db, world)
    screens = _screens(db, qtbot)
    _save_server(qtbot, screens, server_url)
    qtbot.waitUntil(lambda: screens.status.state == "online", timeout=20_000)
    # The counts are read off the GUI thread: they arrive a moment after the state.
    qtbot.waitUntil(lambda: screens.sync.pending == _pending(db) > 0, timeout=5_000)
    assert str(screens.sync.pending) in screens.status.pending_label.text()

    with qtbot.waitSignal(screens.sync.syncFinished, timeout=60_000) as finished:
        qtbot.mouseClick(screens.status.sync_button, Qt.MouseButton.LeftButton)
        assert screens.status.state == "syncing"  # at once, while the sync thread works
        assert screens.status.progress.isVisible()
    assert finished.args[0].error is None
    assert screens.status.state == "online"
    assert _pending(db) == 0
    qtbot.waitUntil(lambda: screens.sync.pending == 0, timeout=5_000)
    assert screens.status.pending_label.text() == ""

    # A local change (as the ticket window makes it) shows up as one change to upload.
    with db.transaction() as session:
        edit_field(session, world.ticket(session, ticket_id), world.actor(session, "clerk"),
                   "description", "卫生间顶部渗水，墙角发霉")
    screens.bus.changed([ticket_id])
    qtbot.waitUntil(lambda: screens.sync.pending == _pending(db) > 0, timeout=5_000)
    assert str(_pending(db)) in screens.status.pending_label.text()


def test_indicator_is_offline_when_the_server_cannot_be_reached(db, qtbot, memory_keyring) -> None:
    build_world(db)
    screens = _screens(db, qtbot)
    _save_server(qtbot, screens, f"postgresql://bob:x@127.0.0.1:{_closed_port()}/wd")
    qtbot.waitUntil(lambda: screens.status.state == "offline", timeout=20_000)
    with qtbot.waitSignal(screens.sync.syncFinished, timeout=60_000) as finished:
        qtbot.keyClick(screens.window, Qt.Key.Key_F9)  # the shortcut works like the button
    assert finished.args[0].error
    assert screens.status.state == "offline"
    assert finished.args[0].error in screens.status.state_button.toolTip()
    assert _pending(db) > 0  # nothing is lost: the outbox waits for the server


def test_one_sync_at_a_time_with_progress_and_stop(db, qtbot, memory_keyring, monkeypatch) -> None:
    """The sync thread is held until the user presses 停止, to look at it while it runs."""
    import app.controllers.sync_controller as sync_controller

    calls = []

    def held_sync(database, settings, progress=None, should_stop=None):
        calls.append(settings)
        progress("上传修改", 1, 2)
        while not should_stop():
            time.sleep(0.01)
        return SyncResult(pushed=1, error="同步已停止；已完成的部分已保存，下次同步会继续。")

    monkeypatch.setattr(sync_controller, "run_sync", held_sync)
    monkeypatch.setattr(sync_controller, "test_connection", lambda settings: None)
    screens = _screens(db, qtbot)
    _save_server(qtbot, screens, "postgresql://bob:x@10.255.255.1:5432/wd")
    qtbot.waitUntil(lambda: screens.status.state == "online", timeout=5_000)

    qtbot.mouseClick(screens.status.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screens.status.progress.value() == 1, timeout=5_000)
    assert screens.status.progress.maximum() == 2
    assert screens.status.state == "syncing"
    assert screens.sync.sync_now() is False  # a timer tick during a sync starts nothing
    with qtbot.waitSignal(screens.sync.syncFinished, timeout=5_000):
        qtbot.mouseClick(screens.status.sync_button, Qt.MouseButton.LeftButton)  # now 停止
    assert len(calls) == 1
    # Stopping is not a failure: still online, and the tooltip says what happened.
    assert screens.status.state == "online" and not screens.status.progress.isVisible()
    assert "停止" in screens.status.state_button.toolTip()


def test_automatic_sync_every_interval_and_every_minute_while_offline(
    db, qtbot, memory_keyring, monkeypatch
) -> None:
    """A "minute" lasts 100 ms here; the server answers the second attempt only."""
    import app.controllers.sync_controller as sync_controller

    started: list[float] = []

    def flaky_sync(database, settings, progress=None, should_stop=None):
        started.append(time.monotonic())
        return SyncResult(error="无法连接服务器：连接超时") if len(started) == 1 else SyncResult()

    monkeypatch.setattr(sync_controller, "run_sync", flaky_sync)
    monkeypatch.setattr(sync_controller, "test_connection", lambda settings: None)
    screens = _screens(db, qtbot, minute_ms=100)
    panel = screens.settings_page.sync_panel
    qtbot.keyClicks(panel.url_edit, "postgresql://bob:x@10.255.255.1:5432/wd")
    _type_over(qtbot, panel.interval_spin, "5")  # every 5 "minutes": 500 ms
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(started) >= 3, timeout=10_000)
    offline_gap, online_gap = started[1] - started[0], started[2] - started[1]
    assert online_gap >= 0.45  # the configured interval after a good sync
    assert offline_gap < online_gap  # retried after one "minute" while offline
    qtbot.waitUntil(lambda: screens.status.state == "online", timeout=5_000)

    _type_over(qtbot, panel.interval_spin, "0")  # 关闭: no more automatic syncs
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    count = len(started)
    qtbot.wait(800)
    assert len(started) == count


# -- the 冲突 page -----------------------------------------------------------------------------
def test_keep_theirs_resolves_the_conflict_as_a_new_change(
    db, laptop, qtbot, memory_keyring, server_url
) -> None:
    # Office A and laptop B share one ticket through the server…
    world = build_world(db)
    ticket_id = register(db, world)
    server = SyncSettings(url=server_url, interval_minutes=0)
    assert run_sync(db, server).error is None
    assert run_sync(laptop, server).error is None
    # …and both change its description while apart: A first, B later.
    for store, text in ((db, "A：卫生间顶部渗水，已约周四上门"), (laptop, "B：卫生间顶部渗水，业主催修")):
        with store.transaction() as session:
            edit_field(session, session.get(Ticket, ticket_id),
                       session.get(Staff, world.staff["clerk"]), "description", text)
    assert run_sync(db, server).error is None
    assert run_sync(laptop, server).error is None

    screens = _screens(laptop, qtbot)
    _save_server(qtbot, screens, server_url)
    qtbot.waitUntil(lambda: screens.status.state == "conflicts", timeout=20_000)
    assert "1" in screens.status.state_button.text()
    with qtbot.waitSignal(screens.sync.conflictsRequested):
        qtbot.mouseClick(screens.status.state_button, Qt.MouseButton.LeftButton)

    page = screens.conflicts_page
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5_000)
    assert "A：" in page.table.item(0, 4).text() and "B：" in page.table.item(0, 2).text()
    assert not page.keep_theirs_button.isEnabled()  # nothing chosen yet
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.visualRect(page.table.model().index(0, 0)).center())
    assert page.theirs_text.toPlainText().startswith("A：")
    before = _pending(laptop)
    with qtbot.waitSignal(screens.bus.ticketsChanged) as changed:  # list, board, detail follow
        qtbot.mouseClick(page.keep_theirs_button, Qt.MouseButton.LeftButton)
    assert changed.args[0] == [ticket_id]

    with laptop.sessions() as session:
        assert session.get(Ticket, ticket_id).description.startswith("A：")
        assert list_conflicts(session, open_only=True) == []
        assert [c.resolution for c in list_conflicts(session, open_only=False)] == ["theirs"]
    assert _pending(laptop) > before  # the kept value is a new change to send
    # The listing is read again off the GUI thread after the commit.
    qtbot.waitUntil(lambda: page.table.rowCount() == 0 and page.empty_label.isVisible(),
                    timeout=5_000)
    qtbot.waitUntil(lambda: screens.status.state == "online", timeout=5_000)

    # It travels like any change: B sends it, A receives it.
    with qtbot.waitSignal(screens.sync.syncFinished, timeout=60_000) as finished:
        qtbot.mouseClick(screens.status.sync_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].error is None
    assert run_sync(db, server).error is None
    with db.sessions() as session:
        assert session.get(Ticket, ticket_id).description.startswith("A：")
    with qtbot.waitSignal(screens.conflicts.rowsShown, timeout=5_000):
        page.filter_combo.setCurrentIndex(page.filter_combo.findData("resolved"))
    assert page.table.rowCount() == 1
    assert page.keep_mine_button.isEnabled() is False


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)
