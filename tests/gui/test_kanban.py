"""The 看板 page driven as a clerk would: drag cards, keyboard moves, filters, swimlanes, live
updates and export — each checked against the database."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from sqlalchemy import func, select

from app.controllers.current_user import CurrentUser
from app.controllers.kanban_controller import KanbanController
from app.controllers.ticket_bus import TicketBus
from app.models import Ticket, TicketEvent
from app.models.board import BOARD_STATES
from app.models.ticket_actions import save_plan, start_repair, take_ticket
from app.models.vocabulary import Urgency
from app.models.workflow import Action
from app.views.kanban_model import KanbanBoardModel, RowKind
from app.views.kanban_page import KanbanPage
from tests.gui.typing_helpers import type_chinese
from tests.unit.lifecycle_world import DIAGNOSIS, PLAN, build_world, register, walk

NOW = dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Board:
    def __init__(self, db, world, qtbot, user: str, opener=None, settings=None) -> None:
        self.db, self.world, self.qtbot = db, world, qtbot
        self.settings = settings or QSettings()
        self.bus = TicketBus()
        self.user = CurrentUser(self.settings)
        self.user.staff_id = world.staff[user]
        self.page = KanbanPage(KanbanBoardModel([s.value for s in BOARD_STATES]))
        self.page.resize(1366, 768)
        qtbot.addWidget(self.page)
        self.page.show()
        qtbot.waitExposed(self.page)
        self.controller = KanbanController(
            db, self.page, self.bus, self.user, self.settings, stage_form_opener=opener
        )
        with qtbot.waitSignal(self.controller.boardLoaded, timeout=5000):
            self.controller.start()

    def column(self, ticket_id) -> str | None:
        return self.page.board.column_of(ticket_id)

    def wait_loaded(self, action) -> None:
        with self.qtbot.waitSignal(self.controller.boardLoaded, timeout=5000):
            action()

    def drag(self, ticket_id, target: str) -> None:
        source = self.page.views[self.column(ticket_id)]
        start = source.card_rect(ticket_id).center()
        QTest.mousePress(
            source.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start
        )
        QTest.mouseMove(source.viewport(), start + QPoint(0, 40))
        destination = self.page.views[target].viewport()
        end = destination.rect().center()
        QTest.mouseMove(destination, end)
        QTest.mouseRelease(
            destination, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end
        )

    def ids_shown(self) -> set:
        return {c.id for model in self.page.board.columns.values() for c in model.cards()}


def _state(db, ticket_id) -> str:
    with db.sessions() as session:
        return session.get(Ticket, ticket_id).state


def _events(db, ticket_id) -> int:
    with db.sessions() as session:
        return session.scalar(
            select(func.count()).select_from(TicketEvent).where(TicketEvent.ticket_id == ticket_id)
        )


@pytest.fixture
def world(db):
    return build_world(db)


def test_dragging_a_card_moves_the_ticket_and_writes_the_event(
    chinese_app, db, world, qtbot
) -> None:
    ticket_id = register(db, world, at=NOW - dt.timedelta(minutes=5))
    board = Board(db, world, qtbot, "tech")
    assert board.column(ticket_id) == "received"
    before = _events(db, ticket_id)
    board.drag(ticket_id, "diagnosing")
    assert _state(db, ticket_id) == "diagnosing"
    with db.sessions() as session:
        last = session.scalars(
            select(TicketEvent).where(
                TicketEvent.ticket_id == ticket_id, TicketEvent.kind == "state"
            )
        ).all()[-1]
        assert (last.old_value, last.new_value, last.actor_id) == (
            "received",
            "diagnosing",
            world.staff["tech"],
        )
    assert _events(db, ticket_id) > before
    assert board.column(ticket_id) == "diagnosing"  # the card followed, without a reload
    assert board.page.views["diagnosing"].selected_ticket() == ticket_id
    assert board.page.message() == ""


def test_a_drop_whose_preconditions_fail_leaves_the_card_and_says_why(
    chinese_app, db, world, qtbot
) -> None:
    ticket_id = register(db, world, at=NOW - dt.timedelta(hours=1))
    walk(db, world, ticket_id, "diagnosing", start=NOW - dt.timedelta(hours=1))
    with db.transaction() as session:  # diagnosed, but no repair plan yet
        from app.models.ticket_actions import diagnose

        diagnose(session, session.get(Ticket, ticket_id), world.actor(session, "tech"), **DIAGNOSIS)
    board = Board(db, world, qtbot, "tech")
    before = _events(db, ticket_id)
    board.drag(ticket_id, "in_repair")
    assert _state(db, ticket_id) == "planning"
    assert _events(db, ticket_id) == before  # nothing written
    assert board.column(ticket_id) == "planning"  # the card went back
    message = board.page.message()
    assert "维修计划缺少人员安排" in message and "维修计划缺少安全措施" in message
    assert board.page.notice_box.isVisible()


def test_a_drop_the_role_may_not_make_is_refused(chinese_app, db, world, qtbot) -> None:
    ticket_id = register(db, world, at=NOW - dt.timedelta(minutes=5))
    board = Board(db, world, qtbot, "clerk")
    before = _events(db, ticket_id)
    board.drag(ticket_id, "diagnosing")
    assert "无此权限" in board.page.message()
    board.drag(ticket_id, "in_repair")  # no step goes there straight from 报修受理
    assert board.page.message()
    assert (_state(db, ticket_id), _events(db, ticket_id), board.column(ticket_id)) == (
        "received",
        before,
        "received",
    )


def test_missing_data_opens_the_stage_form_and_the_card_moves_only_if_it_succeeds(
    chinese_app, db, world, qtbot
) -> None:
    ticket_id = register(db, world, at=NOW - dt.timedelta(hours=1))
    walk(db, world, ticket_id, "planning", start=NOW - dt.timedelta(hours=1))
    with db.transaction() as session:  # clear the plan the walk made
        ticket = session.get(Ticket, ticket_id)
        save_plan(
            session,
            ticket,
            world.actor(session, "tech"),
            materials=None,
            plan_people="",
            plan_safety_measures="",
        )
    calls = []
    answers = [False, True]

    def opener(opened_id, action) -> bool:
        calls.append((opened_id, action))
        if not answers.pop(0):
            return False  # the clerk closed the form
        with db.transaction() as session:  # what the form does when saved
            ticket, tech = session.get(Ticket, opened_id), world.actor(session, "tech")
            save_plan(session, ticket, tech, materials=None, **PLAN)
            start_repair(session, ticket, tech)
        return True

    board = Board(db, world, qtbot, "tech", opener=opener)
    board.drag(ticket_id, "in_repair")
    assert calls == [(ticket_id, Action.START_REPAIR)]
    assert (_state(db, ticket_id), board.column(ticket_id)) == ("planning", "planning")
    board.drag(ticket_id, "in_repair")
    assert len(calls) == 2
    assert (_state(db, ticket_id), board.column(ticket_id)) == ("in_repair", "in_repair")


def test_keyboard_moves_the_selected_card_and_enter_opens_it(chinese_app, db, world, qtbot) -> None:
    ticket_id = register(db, world, at=NOW - dt.timedelta(minutes=5))
    board = Board(db, world, qtbot, "tech")
    view = board.page.views["received"]
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.card_rect(ticket_id).center()
    )
    assert view.selected_ticket() == ticket_id
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert _state(db, ticket_id) == "diagnosing"
    assert board.column(ticket_id) == "diagnosing"
    moved_to = board.page.views["diagnosing"]
    assert moved_to.hasFocus() and moved_to.selected_ticket() == ticket_id
    QTest.keyClick(
        moved_to, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier
    )  # no diagnosis yet
    assert _state(db, ticket_id) == "diagnosing"
    assert "缺少诊断信息" in board.page.message()
    with qtbot.waitSignal(board.bus.openRequested, timeout=1000) as opened:
        QTest.keyClick(moved_to, Qt.Key.Key_Return)
    assert opened.args == [ticket_id]
    centre = moved_to.card_rect(ticket_id).center()
    qtbot.mouseClick(moved_to.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # a double
    with qtbot.waitSignal(board.bus.openRequested, timeout=1000) as opened:  # click's first press
        qtbot.mouseDClick(
            moved_to.viewport(),
            Qt.MouseButton.LeftButton,
            pos=moved_to.card_rect(ticket_id).center(),
        )
    assert opened.args == [ticket_id]


def test_filters_and_swimlanes_are_applied_and_remembered(chinese_app, db, world, qtbot) -> None:
    at = NOW - dt.timedelta(minutes=30)
    leak = register(db, world, at=at)
    crack = register(db, world, at=at, urgency=Urgency.URGENT, description="客厅墙体出现裂缝")
    other = register(db, world, at=at, owner_id=world.staff["tech2"])
    road = register(
        db,
        world,
        at=at,
        project_id=world.other_project_id,
        location_id=None,
        location_label="K3+200 北侧",
        defect_category_id=None,
    )
    walk(db, world, leak, "diagnosing", start=at)
    board = Board(db, world, qtbot, "clerk")
    page = board.page
    assert board.ids_shown() == {leak, crack, other, road}

    board.wait_loaded(
        lambda: page.urgency_combo.setCurrentIndex(page.urgency_combo.findData(int(Urgency.URGENT)))
    )
    assert board.ids_shown() == {crack}
    board.wait_loaded(lambda: page.urgency_combo.setCurrentIndex(0))
    board.wait_loaded(
        lambda: page.project_combo.setCurrentIndex(page.project_combo.findText("经十路改造"))
    )
    assert board.ids_shown() == {road}
    board.wait_loaded(lambda: page.project_combo.setCurrentIndex(0))
    board.wait_loaded(lambda: page.owner_combo.setCurrentIndex(page.owner_combo.findText("赵师傅")))
    assert board.ids_shown() == {other}
    board.wait_loaded(lambda: page.owner_combo.setCurrentIndex(0))
    type_chinese(page.search_edit, "裂缝")
    board.wait_loaded(lambda: QTest.keyClick(page.search_edit, Qt.Key.Key_Return))
    assert board.ids_shown() == {crack}
    page.search_edit.clear()
    board.wait_loaded(lambda: QTest.keyClick(page.search_edit, Qt.Key.Key_Return))

    # Swimlanes by owner: a lane per owner, the same rows in every column.
    page.lane_combo.setCurrentIndex(page.lane_combo.findData("owner"))
    counts = {model.rowCount() for model in board.page.board.columns.values()}
    assert len(counts) == 1
    received = page.board.columns["received"]
    lanes = [
        received.row_at(r).title
        for r in range(received.rowCount())
        if received.kind_at(r) == RowKind.LANE
    ]
    assert lanes == sorted(["王师傅", "赵师傅"])
    diagnosing = page.board.columns["diagnosing"]
    assert diagnosing.kind_at(diagnosing.row_of(leak) - 1) == RowKind.LANE
    assert page.views["received"].verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    page.lane_combo.setCurrentIndex(page.lane_combo.findData("project"))
    lanes = [
        received.row_at(r).title
        for r in range(received.rowCount())
        if received.kind_at(r) == RowKind.LANE
    ]
    assert lanes == ["阳光花园", "经十路改造"]
    board.wait_loaded(lambda: page.overdue_check.setChecked(True))
    assert board.ids_shown() == set()  # nobody is late yet

    # Another page for the same user remembers the choices; another user starts clean.
    again = Board(db, world, qtbot, "clerk", settings=board.settings)
    assert again.page.lane_mode() == "project"
    assert again.page.overdue_check.isChecked()
    assert again.controller.filter.overdue_only
    fresh = Board(db, world, qtbot, "pm", settings=board.settings)
    assert fresh.page.lane_mode() == "none" and not fresh.controller.filter.overdue_only


def test_closed_columns_show_on_request(chinese_app, db, world, qtbot) -> None:
    done = register(db, world, at=NOW - dt.timedelta(hours=5))
    walk(db, world, done, "archived", start=NOW - dt.timedelta(hours=5))
    board = Board(db, world, qtbot, "clerk")
    assert board.page.columns["archived"].isHidden() and done not in board.ids_shown()
    board.wait_loaded(lambda: board.page.closed_check.setChecked(True))
    assert not board.page.columns["archived"].isHidden()
    assert board.column(done) == "archived"


def test_a_change_made_elsewhere_updates_only_that_card(chinese_app, db, world, qtbot) -> None:
    first = register(db, world, at=NOW - dt.timedelta(minutes=5))
    second = register(db, world, at=NOW - dt.timedelta(minutes=4))
    board = Board(db, world, qtbot, "clerk")
    untouched = board.page.board.card(second)
    with db.transaction() as session:  # e.g. the ticket workspace's 接单 button
        take_ticket(session, session.get(Ticket, first), world.actor(session, "tech"))
    with qtbot.assertNotEmitted(board.controller.boardLoaded):
        board.bus.changed([first])
    assert board.column(first) == "diagnosing"
    assert board.page.board.card(second) is untouched  # not re-read
    new = register(db, world)
    board.bus.changed([new])
    assert board.column(new) == "received"
    assert "报修受理" in board.page.columns["received"].header.text()


def test_export_png_and_a3_pdf(chinese_app, db, world, qtbot, tmp_path, monkeypatch) -> None:
    for n in range(12):
        register(db, world, at=NOW - dt.timedelta(hours=n), urgency=Urgency(1 + n % 3))
    board = Board(db, world, qtbot, "clerk")
    targets = {"png": tmp_path / "board.png", "pdf": tmp_path / "board.pdf"}
    monkeypatch.setattr(board.page, "choose_export_path", lambda kind: str(targets[kind]))
    qtbot.mouseClick(board.page.png_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(board.page.pdf_button, Qt.MouseButton.LeftButton)
    image = QImage(str(targets["png"]))
    assert not image.isNull() and image.width() > image.height()
    pdf = targets["pdf"].read_bytes()
    assert pdf.startswith(b"%PDF")
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    width, height = float(box.group(1)), float(box.group(2))
    assert abs(width - 1190.6) < 1 and abs(height - 841.9) < 1  # A3 landscape (420 × 297 mm)
    assert "board.pdf" in board.page.message()


def test_the_main_window_has_the_board(ui, demo_db, qtbot) -> None:
    ui.window.show_page("kanban")
    page = ui.window.page("kanban")
    assert isinstance(page, KanbanPage)
    kanban = ui.controller.kanban
    qtbot.waitUntil(lambda: not kanban._loading, timeout=5000)
    with demo_db.sessions() as session:
        open_count = session.scalar(
            select(func.count())
            .select_from(Ticket)
            .where(
                Ticket.state.in_(
                    ["received", "diagnosing", "planning", "in_repair", "acceptance", "follow_up"]
                )
            )
        )
    assert page.board.card_count() == open_count
    assert open_count > 0
    card = next(c for m in page.board.columns.values() for c in m.cards())
    view = page.views[card.state]
    centre = view.card_rect(card.id).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    with qtbot.waitSignal(ui.controller.bus.openRequested, timeout=1000) as opened:
        qtbot.mouseDClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.card_rect(card.id).center()
        )
    assert opened.args == [card.id]


def _card(n: int, state: str, owner: str = "王师傅", hours: int = 1):
    import uuid

    from app.models.board import Card

    owner_id = uuid.uuid5(uuid.NAMESPACE_DNS, owner)
    return Card(
        uuid.UUID(int=n),
        f"BX-T-2026-{n:05d}",
        state,
        3,
        uuid.UUID(int=1),
        "P1",
        "阳光花园",
        "3栋",
        "渗漏",
        owner_id,
        owner,
        NOW + dt.timedelta(hours=hours),
        "response",
        None,
        False,
        0,
        0,
        NOW,
        NOW,
    )


def test_column_models_change_row_by_row_never_by_reset(qapp, qtmodeltester, qtbot) -> None:
    from app.models.board import card_order

    board = KanbanBoardModel([s.value for s in BOARD_STATES], order=card_order)
    cards = [_card(n, "received", hours=n) for n in range(1, 6)] + [_card(9, "diagnosing")]
    board.set_cards(cards, {}, NOW)
    received, diagnosing = board.columns["received"], board.columns["diagnosing"]
    qtmodeltester.check(received)
    assert [c.id.int for c in received.cards()] == [1, 2, 3, 4, 5]
    moved = _card(3, "diagnosing", hours=3)
    with qtbot.assertNotEmitted(received.modelReset), qtbot.assertNotEmitted(diagnosing.modelReset):
        with qtbot.waitSignal(received.rowsRemoved), qtbot.waitSignal(diagnosing.rowsInserted):
            board.update_cards([moved])
        later = _card(1, "received", hours=10)  # its deadline moved: it goes down the column
        with qtbot.waitSignal(received.rowsMoved):
            board.update_cards([later])
        board.update_cards([], gone=[moved.id])
    assert [c.id.int for c in received.cards()] == [2, 4, 5, 1]
    assert [c.id.int for c in diagnosing.cards()] == [9]
    # Swimlanes keep every lane on the same rows in every column.
    board.update_cards(
        [_card(7, "diagnosing", owner="赵师傅"), _card(8, "diagnosing", owner="赵师傅")]
    )
    board.set_lane_mode("owner")
    qtmodeltester.check(diagnosing)
    rows = {s: [m.kind_at(r) for r in range(m.rowCount())] for s, m in board.columns.items()}
    assert len({len(kinds) for kinds in rows.values()}) == 1
    assert rows["received"].count(RowKind.LANE) == 2
    board.update_cards([_card(6, "received", owner="赵师傅")])
    assert len({m.rowCount() for m in board.columns.values()}) == 1
