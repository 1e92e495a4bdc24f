"""The 冲突 page with conflicts that travel: a choice made on another computer is shown as
such, and "恢复此记录" brings a deleted record back (real PostgreSQL, real widgets)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.controllers.conflicts_controller import ConflictsController
from app.controllers.ticket_bus import TicketBus
from app.models import Customer, Staff
from app.models.outbox import SyncConflict
from app.sync.conflicts import list_conflicts, resolve_conflict
from app.views.conflicts_page import ConflictsPage
from tests.sync.helpers import diff, dump, sync_ok
from tests.sync.test_conflicts import _conflict_world, _delete_vs_edit


@pytest.fixture(scope="module")
def chinese_app(qapp):
    from app.gui import prepare_application

    app, _language = prepare_application([], "zh_CN")
    return app


class _Desk:
    """The person at the desk (CurrentUser without the remembered settings)."""

    def __init__(self, staff_id=None) -> None:
        self.staff_id = staff_id

    def actor(self, session):
        return session.get(Staff, self.staff_id) if self.staff_id else None


def _page(db, qtbot, user) -> tuple[ConflictsPage, ConflictsController]:
    page = ConflictsPage()
    page.resize(1366, 768)
    qtbot.addWidget(page)
    controller = ConflictsController(db, page, TicketBus(page), user, page)
    with qtbot.waitSignal(controller.rowsShown, timeout=10_000):
        page.show()
    return page, controller


def _click_row(qtbot, page: ConflictsPage, row: int = 0) -> None:
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.visualRect(page.table.model().index(row, 0)).center())


def test_a_choice_made_on_another_computer_is_shown_as_such(chinese_app, make_store, pg_url,
                                                            qtbot, tmp_path):
    a, b, world, _ticket_id = _conflict_world(make_store, pg_url)
    with a.transaction() as session:
        conflict = list_conflicts(session)[0]
        resolve_conflict(session, conflict.id, "mine", session.get(Staff, world.staff["clerk"]))
    sync_ok(a, pg_url)
    page, controller = _page(b, qtbot, _Desk())
    assert page.table.rowCount() == 1  # still open on B until it syncs
    sync_ok(b, pg_url)
    controller.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=10_000)
    with qtbot.waitSignal(controller.rowsShown, timeout=10_000):
        page.filter_combo.setCurrentIndex(page.filter_combo.findData("resolved"))
    assert page.table.rowCount() == 1
    assert page.table.item(0, 6).text() in ("Theirs", "对方的")  # A's value is in use now
    status = page.table.item(0, 7).text()
    assert a.installation_code in status and "A：渗水面积扩大" in status
    _click_row(qtbot, page)
    assert page.resolved_note.isVisible() and a.installation_code in page.resolved_note.text()
    assert "李资料" in page.resolved_note.text()  # who decided, on computer A
    assert not page.keep_mine_button.isEnabled() and not page.keep_theirs_button.isEnabled()
    page.grab().save(str(tmp_path / "conflicts_resolved_elsewhere.png"))


def test_restore_button_brings_the_deleted_record_back(chinese_app, make_store, pg_url, qtbot,
                                                       tmp_path):
    a, b, customer_id = _delete_vs_edit(make_store, pg_url)
    page, controller = _page(b, qtbot, _Desk())
    assert page.table.rowCount() == 1
    _click_row(qtbot, page)
    assert page.keep_mine_button.text() != page.keep_theirs_button.text()
    restore = page.keep_mine_button  # B's side is the edit: keeping it restores the record
    assert restore.text() in ("Restore this record", "恢复此记录")
    page.grab().save(str(tmp_path / "conflicts_restore.png"))
    with qtbot.waitSignal(controller.rowsShown, timeout=10_000):
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 0
    with b.sessions() as session:
        settled = session.query(SyncConflict).one()
        assert settled.resolved_keep == "loser"
    sync_ok(b, pg_url)
    sync_ok(a, pg_url)
    for db in (a, b):
        with db.sessions() as session:
            assert session.get(Customer, customer_id).notes == "周末在家"
    assert diff(dump(a, ["customer"]), dump(b, ["customer"])) == []
