"""The GUI thread stays free: the 冲突 listing, the sync counts, the ticket list after a burst of
changes and the meeting save are read or written off it, newest request first, and the screens
show what the database holds afterwards."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import func, select, update

from app.controllers import conflicts_controller, meeting_controller, sync_controller
from app.controllers import ticket_list_controller as ticket_list
from app.controllers.conflicts_controller import ConflictsController
from app.controllers.current_user import CurrentUser
from app.controllers.meeting_controller import MeetingController
from app.controllers.sync_controller import SyncController
from app.controllers.sync_settings_store import SyncSettingsStore
from app.controllers.ticket_bus import TicketBus
from app.demo.generator import REFERENCE_NOW
from app.models import Ticket
from app.models.escalation_terms import MeetingData
from app.models.outbox import SyncConflict
from app.models.retrospective import RetrospectiveMeeting
from app.models.ticket_list import OPEN_STATE_VALUES
from app.sync.service import open_conflict_count, pending_changes
from app.views.conflicts_page import ConflictsPage
from app.views.meeting_editor import MeetingEditor
from app.views.sync_status_widget import SyncStatusWidget
from app.views.ticket_table_model import TicketTableModel
from tests.gui.test_documents_dialogs import RecordingDialogs
from tests.gui.typing_helpers import type_chinese
from tests.unit.lifecycle_world import build_world, register

HOLD_SECONDS = 3  # a held job gives up after this, so a job run on the GUI thread cannot hang


class Held:
    """Wraps a function so that calls wait for `release()`; records the thread of each call."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        self.gate = threading.Event()
        self.calls: list[tuple[bool, tuple, dict]] = []  # (on the GUI thread, args, kwargs)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append((threading.current_thread() is threading.main_thread(), args, kwargs))
        self.gate.wait(HOLD_SECONDS)
        return self.function(*args, **kwargs)

    def release(self) -> None:
        self.gate.set()

    def on_gui_thread(self) -> list[bool]:
        return [on_gui for on_gui, _args, _kwargs in self.calls]


class Counted:
    """Wraps a function and records the thread and arguments of each call (never waits)."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        self.calls: list[tuple[bool, tuple, dict]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append((threading.current_thread() is threading.main_thread(), args, kwargs))
        return self.function(*args, **kwargs)


def _user(db) -> CurrentUser:
    user = CurrentUser(QSettings())
    with db.sessions() as session:
        user.restore(session)
    return user


# -- the 冲突 page ------------------------------------------------------------------------------
def _ticket_ids(db, count: int, states: tuple[str, ...] | None = None) -> list[uuid.UUID]:
    query = select(Ticket.id).order_by(Ticket.number).limit(count)
    if states:
        query = query.where(Ticket.state.in_(states))
    with db.sessions() as session:
        return list(session.scalars(query))


def _description(db, ticket_id: uuid.UUID) -> str:
    with db.sessions() as session:
        return session.get(Ticket, ticket_id).description


def _add_conflict(db, ticket_id: uuid.UUID, theirs: str, *, kind: str = "field",
                  resolved: bool = False) -> int:
    """A conflict as the sync keeps it: the record holds the winner, the loser is kept."""
    with db.transaction() as session:
        conflict = SyncConflict(
            entity="ticket", row_id=ticket_id, field="description", kind=kind,
            winner_value=session.get(Ticket, ticket_id).description, winner_hlc=2 << 16,
            winner_client="office", winner_label="office", loser_value=theirs,
            loser_hlc=1 << 16, loser_client="laptop", loser_label="laptop",
            resolved_at=REFERENCE_NOW if resolved else None,
            resolution="theirs" if resolved else None,
        )
        session.add(conflict)
        session.flush()
        return conflict.id


def _conflicts_page(db, qtbot) -> tuple[ConflictsPage, ConflictsController, TicketBus]:
    page = ConflictsPage()
    page.resize(1366, 768)
    qtbot.addWidget(page)
    bus = TicketBus(page)
    controller = ConflictsController(db, page, bus, _user(db), page)
    return page, controller, bus


def test_conflicts_are_listed_off_the_gui_thread_and_the_newest_request_wins(
    chinese_app, demo_db, qtbot, monkeypatch
) -> None:
    first, second, third = _ticket_ids(demo_db, 3)
    _add_conflict(demo_db, first, "笔记本上改的：卫生间渗水")
    _add_conflict(demo_db, second, "笔记本上改的：外墙开裂")
    _add_conflict(demo_db, third, "早已处理", resolved=True)
    held = Held(conflicts_controller.list_conflicts)
    monkeypatch.setattr(conflicts_controller, "list_conflicts", held)
    page, controller, _bus = _conflicts_page(demo_db, qtbot)

    page.show()  # the page asks for its listing when shown
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: bool(held.calls))
    assert held.on_gui_thread() == [False]
    assert controller.is_loading() and page.is_loading()
    # The read takes a while: the page says so instead of showing an empty list.
    qtbot.waitUntil(lambda: page.empty_label.isVisible() and page.empty_label.text() != "")
    assert page.table.rowCount() == 0

    # The clerk changes the filter three times while the first read runs: only the last counts.
    for choice in ("all", "resolved", "all"):
        page.filter_combo.setCurrentIndex(page.filter_combo.findData(choice))
    with qtbot.waitSignal(controller.rowsShown, timeout=10_000) as shown:
        held.release()
    assert shown.args == [3]
    assert [kwargs["open_only"] for _gui, _args, kwargs in held.calls] == [True, False]
    assert held.on_gui_thread() == [False, False]
    assert not page.is_loading() and page.table.isVisible()
    listed = {page.table.item(row, 0).data(Qt.ItemDataRole.UserRole + 1)
              for row in range(page.table.rowCount())}
    with demo_db.sessions() as session:
        assert listed == set(session.scalars(select(SyncConflict.id)))


def test_a_quick_read_keeps_the_rows_on_screen_without_a_loading_flash(
    chinese_app, demo_db, qtbot
) -> None:
    ticket_id, other = _ticket_ids(demo_db, 2)
    _add_conflict(demo_db, ticket_id, "笔记本上改的：卫生间渗水")
    page, controller, _bus = _conflicts_page(demo_db, qtbot)
    with qtbot.waitSignal(controller.rowsShown, timeout=10_000):
        page.show()
    count_text = page.count_label.text()
    texts: list[str] = []
    page.count_label.setText = _recorder(page.count_label.setText, texts)  # type: ignore[method-assign]
    visible: list[int] = []
    page.table.setRowCount = _recorder(page.table.setRowCount, visible)  # type: ignore[method-assign]

    _add_conflict(demo_db, other, "笔记本上改的：外墙开裂")
    with qtbot.waitSignal(controller.rowsShown, timeout=10_000):
        controller.refresh()
    # The old rows stayed until the new listing replaced them in one go: no empty table, and
    # the count went from one listing's to the next.
    assert visible == [2]
    assert texts[-1] == count_text.replace("1", "2") and "" not in texts


def _recorder(method: Callable[[Any], None], seen: list) -> Callable[[Any], None]:
    def record(value: Any) -> None:
        seen.append(value)
        method(value)

    return record


def test_keep_theirs_is_one_transaction_and_the_list_follows(chinese_app, demo_db, qtbot) -> None:
    first, second = _ticket_ids(demo_db, 2, states=tuple(OPEN_STATE_VALUES))
    before = {first: _description(demo_db, first), second: _description(demo_db, second)}
    kept = _add_conflict(demo_db, first, "笔记本上改的：卫生间渗水")
    # The other computer deleted `second`'s edit: that side cannot be brought back.
    _add_conflict(demo_db, second, "笔记本上改的：外墙开裂", kind="delete")
    page, controller, bus = _conflicts_page(demo_db, qtbot)
    with qtbot.waitSignal(controller.rowsShown, timeout=10_000):
        page.show()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(page.selected_ids()) == 2

    # Both chosen, one refused: nothing changes, and the clerk reads why.
    qtbot.mouseClick(page.keep_theirs_button, Qt.MouseButton.LeftButton)
    assert "不能恢复" in page.message_label.text()
    assert {first: _description(demo_db, first),
            second: _description(demo_db, second)} == before
    with demo_db.sessions() as session:
        assert open_conflict_count(session) == 2

    # Only the one that can be kept: written, resolved, announced, and the list reads again.
    row = next(row for row in range(page.table.rowCount())
               if page.table.item(row, 0).data(Qt.ItemDataRole.UserRole + 1) == kept)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.visualRect(page.table.model().index(row, 0)).center())
    assert page.selected_ids() == [kept]
    with qtbot.waitSignal(bus.ticketsChanged) as changed, \
            qtbot.waitSignal(controller.rowsShown, timeout=10_000) as shown:
        qtbot.mouseClick(page.keep_theirs_button, Qt.MouseButton.LeftButton)
    assert changed.args == [[first]]
    assert shown.args == [1] and page.table.rowCount() == 1
    assert _description(demo_db, first) == "笔记本上改的：卫生间渗水"
    with demo_db.sessions() as session:
        assert session.get(SyncConflict, kept).resolution == "theirs"
        assert open_conflict_count(session) == 1


# -- the sync status counts ---------------------------------------------------------------------
def test_sync_counts_are_read_off_the_gui_thread_and_only_the_newest_is_shown(
    chinese_app, db, qtbot, monkeypatch
) -> None:
    world = build_world(db)
    register(db, world)
    held = Held(sync_controller.pending_changes)
    monkeypatch.setattr(sync_controller, "pending_changes", held)
    monkeypatch.setattr(sync_controller, "test_connection", lambda settings: None)
    # A server is set up, its password typed for this session (no keyring asked), no timer.
    settings = QSettings()
    settings.setValue("sync/url", "postgresql://10.255.255.1:5432/wd")
    settings.setValue("sync/user", "bob")
    settings.setValue("sync/interval_minutes", 0)
    store = SyncSettingsStore(settings)
    store.remember_for_session("postgresql://10.255.255.1:5432/wd", "bob", "secret")
    status = SyncStatusWidget()
    qtbot.addWidget(status)
    bus = TicketBus(status)
    sync = SyncController(db, status, store, bus, parent=status)

    sync.start()
    qtbot.waitUntil(lambda: bool(held.calls))
    assert held.on_gui_thread() == [False]
    assert sync.is_counting() and sync.pending == 0  # the last counts stay until the new ones
    for _request in range(3):  # a resolved conflict, a finished sync, the periodic recount
        sync.refresh_counts()
    held.release()
    with db.sessions() as session:
        expected = pending_changes(session)
    qtbot.waitUntil(lambda: not sync.is_counting() and sync.pending == expected > 0)
    assert held.on_gui_thread() == [False, False]  # three requests while counting: one recount
    assert str(expected) in status.pending_label.text()


# -- the ticket list after a burst of changes ---------------------------------------------------
@pytest.fixture
def tickets(ui):
    """The ticket list controller of the main window, its clock at the demo data's "now"."""
    controller = ui.controller.tickets
    controller.clock = lambda: REFERENCE_NOW
    controller.apply_filters()
    model = controller.page.model
    while model.rowCount() < 150 and model.canFetchMore():
        model.fetchMore()
    return controller


def _loaded(controller, count: int) -> list[uuid.UUID]:
    model = controller.page.model
    return [model.row_at(row).id for row in range(min(count, model.rowCount()))]


def _apply_as_sync(db, ticket_ids: list[uuid.UUID], text: str) -> None:
    """Change the tickets as an applied sync page does: rows written directly, one commit."""
    with db.transaction() as session:
        session.execute(update(Ticket).where(Ticket.id.in_(ticket_ids)).values(description=text))


def _shown_description(controller, ticket_id: uuid.UUID) -> str | None:
    model = controller.page.model
    row = model.row_of(ticket_id)
    return model.row_at(row).description if row >= 0 else None


def test_a_burst_of_changes_is_read_once_after_it_settles(ui, tickets, demo_db, qtbot, monkeypatch) -> None:
    changed = _loaded(tickets, 120)
    assert len(changed) == 120
    reads = Counted(ticket_list.fetch_rows)
    counts = Counted(ticket_list.count_tickets)
    monkeypatch.setattr(ticket_list, "fetch_rows", reads)
    monkeypatch.setattr(ticket_list, "count_tickets", counts)
    _apply_as_sync(demo_db, changed, "导入时更新的描述")

    for ticket_id in changed:  # an import announces each ticket as it goes
        ui.controller.bus.changed([ticket_id])
    qtbot.waitUntil(lambda: not tickets.is_following_changes(), timeout=10_000)

    assert {_shown_description(tickets, ticket_id) for ticket_id in changed} == {"导入时更新的描述"}
    # The first change showed at once (it may be the clerk's own edit); the other 119 were read
    # together once the burst settled, off the GUI thread, and counted once.
    assert [(on_gui, len(args[2])) for on_gui, args, _kw in reads.calls] == [(True, 1), (False, 119)]
    assert len(counts.calls) == 2


def test_a_clerks_own_change_shows_at_once(ui, tickets, demo_db, qtbot) -> None:
    ticket_id = _loaded(tickets, 1)[0]
    _apply_as_sync(demo_db, [ticket_id], "业主补充：阳台也渗水")
    ui.controller.bus.changed([ticket_id])  # no waiting: the row is already redrawn
    assert _shown_description(tickets, ticket_id) == "业主补充：阳台也渗水"


def test_a_reload_drops_an_older_read_of_changed_rows(ui, tickets, demo_db, qtbot, monkeypatch) -> None:
    changed = _loaded(tickets, 80)  # mostly archived tickets
    held = Held(ticket_list.fetch_rows)
    monkeypatch.setattr(ticket_list, "fetch_rows", held)
    _apply_as_sync(demo_db, changed, "同步下来的描述")
    ui.controller.bus.changed(changed)  # a sync applied 80 tickets in one go
    qtbot.waitUntil(lambda: bool(held.calls), timeout=5_000)
    assert held.on_gui_thread() == [False]

    # Meanwhile the clerk asks for the open tickets only: that reload reads every row afresh.
    qtbot.mouseClick(tickets.page.quick_buttons["open"], Qt.MouseButton.LeftButton)
    held.release()
    qtbot.waitUntil(lambda: not tickets.is_following_changes(), timeout=10_000)
    model = tickets.page.model
    states = {model.row_at(row).state for row in range(model.rowCount())}
    assert states and states <= set(OPEN_STATE_VALUES)  # no row of the older "all" read crept in
    with demo_db.sessions() as session:
        open_total = session.scalar(select(func.count()).select_from(Ticket)
                                    .where(Ticket.state.in_(OPEN_STATE_VALUES)))
    assert model.rowCount() == open_total


def test_a_change_in_a_list_sorted_by_state_keeps_its_place(ui, tickets, demo_db, qtbot) -> None:
    page, model = tickets.page, tickets.page.model
    # The changed row is read in the order on screen, so its place compares with the others'.
    page.table.sortByColumn(TicketTableModel.COL_STATE, Qt.SortOrder.AscendingOrder)
    before = [model.row_at(row).id for row in range(model.rowCount())]
    ticket_id = before[3]
    _apply_as_sync(demo_db, [ticket_id], "按状态排序时修改")
    ui.controller.bus.changed([ticket_id])
    assert [model.row_at(row).id for row in range(model.rowCount())] == before
    assert _shown_description(tickets, ticket_id) == "按状态排序时修改"


# -- the meeting record ---------------------------------------------------------------------------
@pytest.fixture
def meeting(chinese_app, demo_db, qtbot):
    """A new meeting record window with its controller, as the 复盘 page opens it."""
    editor = MeetingEditor()  # not qtbot's: its close would ask about unsaved changes
    editor.resize(1240, 760)
    controller = MeetingController(demo_db, TicketBus(editor), _user(demo_db), editor,
                                   RecordingDialogs(), parent=editor)
    controller.new_meeting(MeetingData(title="", held_at=None), [])
    editor.show()
    qtbot.waitExposed(editor)
    type_chinese(editor.subject_edit, "地下室渗水专项复盘")
    yield controller
    editor.close_without_asking()
    editor.deleteLater()


def _meetings(db, title: str) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(RetrospectiveMeeting)
                              .where(RetrospectiveMeeting.title == title))


def test_saving_a_meeting_runs_off_the_gui_thread_with_the_editor_disabled(
    meeting, demo_db, qtbot, monkeypatch
) -> None:
    editor = meeting.editor
    held = Held(meeting_controller.save_meeting_record)
    monkeypatch.setattr(meeting_controller, "save_meeting_record", held)
    with qtbot.waitActive(editor):  # window shortcuts (Ctrl+S) work in the active window only
        editor.activateWindow()
    editor.subject_edit.setFocus()

    qtbot.keyClick(editor.subject_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(held.calls))
    assert held.on_gui_thread() == [False]
    assert not editor.isEnabled() and meeting.busy  # no typing into a record being written
    assert _meetings(demo_db, "地下室渗水专项复盘") == 0
    with qtbot.waitSignal(meeting.saved, timeout=10_000) as saved:
        held.release()
    assert editor.isEnabled() and not meeting.busy and not editor.is_dirty()
    assert editor.meeting_id() == saved.args[0]
    assert editor.focusWidget() is editor.subject_edit  # the clerk types on where they were
    with demo_db.sessions() as session:
        record = session.get(RetrospectiveMeeting, saved.args[0])
        assert record.title == "地下室渗水专项复盘"
        assert [a.staff_id for a in record.attendees] == [meeting.user.staff_id]


def test_a_meeting_save_that_fails_says_why_in_chinese_and_writes_nothing(
    meeting, demo_db, qtbot
) -> None:
    editor = meeting.editor
    # Another program holds the write lock (a backup tool, a second window) while we save.
    blocker = sqlite3.connect(demo_db.path, timeout=0, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert not editor.isEnabled()  # the window waits for the lock, the program does not
        qtbot.waitUntil(lambda: editor.isEnabled(), timeout=15_000)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert "未保存任何内容" in editor.form_message.text() and "locked" in editor.form_message.text()
    assert editor.is_dirty() and editor.meeting_id() is None
    assert _meetings(demo_db, "地下室渗水专项复盘") == 0

    with qtbot.waitSignal(meeting.saved, timeout=10_000):  # the lock is gone: it saves whole
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert _meetings(demo_db, "地下室渗水专项复盘") == 1
