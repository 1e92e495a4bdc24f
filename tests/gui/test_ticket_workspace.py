"""A ticket walked from the phone call to the archive through the real widgets.

Each step types and clicks as a clerk or technician would and then checks the database.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from app.controllers.current_user import CurrentUser
from app.controllers.ticket_bus import TicketBus
from app.controllers.ticket_windows import TicketViews, TicketWindows
from app.models import Attachment, Signature, Ticket, TicketEvent, WorkLog
from app.models.location import Location
from app.models.people import Staff
from app.models.project import Project
from app.models.ticket_invariants import ticket_problems
from app.views.intake_dialog import IntakeDialog
from app.views.main_window import MainWindow
from app.views.stage_form import find_data
from app.views.stage_forms import ticket_forms
from app.views.ticket_detail_window import TicketDetailWindow
from tests.gui.typing_helpers import type_chinese


@dataclass
class Desk:
    window: MainWindow
    tickets: TicketWindows
    user: CurrentUser


@pytest.fixture
def desk(chinese_app, demo_db, qtbot) -> Desk:
    """The main window's ticket desk: Ctrl+N, intake dialog, detail windows (no other pages)."""
    window = MainWindow()
    qtbot.addWidget(window)
    bus = TicketBus(window)
    user = CurrentUser(QSettings(), window)
    with demo_db.sessions() as session:
        user.restore(session)
    views = TicketViews(
        intake_dialog=lambda: IntakeDialog(window),
        detail_window=lambda choices: TicketDetailWindow(ticket_forms(choices), window),
    )
    tickets = TicketWindows(demo_db, bus, user, views, window.show_error, parent=window)
    window.newTicketRequested.connect(tickets.new_ticket)
    window.show()
    qtbot.waitExposed(window)
    yield Desk(window, tickets, user)
    for controller in list(tickets.details.values()):
        controller.window._allow_close = True
    tickets.close_all()
    tickets.thumbnails.shutdown()


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """A warning box would block the test: fail with its text instead."""

    def warned(_parent, _title, text, *args, **kwargs):
        raise AssertionError(f"unexpected message box: {text}")

    monkeypatch.setattr(QMessageBox, "warning", warned)
    monkeypatch.setattr(QMessageBox, "critical", warned)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "渗水照片.jpg"
    Image.new("RGB", (640, 480), (180, 140, 90)).save(path, quality=80)
    return path


def _ticket(db, ticket_id: uuid.UUID) -> Ticket:
    with db.sessions() as session:
        ticket = session.get(Ticket, ticket_id)
        session.expunge(ticket)
        return ticket


def _count(db, model, *where) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def _choose(combo, data) -> None:
    index = find_data(combo, data)
    assert index >= 0, f"{data} not offered"
    combo.setCurrentIndex(index)


def _drop_files(qtbot, widget, paths: list[Path]) -> None:
    """Drop files from the file manager onto `widget`."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(widget.rect().center())
    for kind in ("enter", "drop"):
        from PySide6.QtGui import QDragEnterEvent

        if kind == "enter":
            event = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime,
                                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        else:
            event = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                               Qt.KeyboardModifier.NoModifier)
        widget.event(event) if kind == "enter" else widget.dropEvent(event)


def _sign(qtbot, pad) -> None:
    """A signature stroke drawn with the mouse."""
    width, height = pad.width(), pad.height()
    start = QPoint(int(width * 0.2), int(height * 0.6))
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 25):
        x = int(width * (0.2 + 0.025 * step))
        y = int(height * (0.6 - 0.25 * ((step % 6) / 6)))
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(int(width * 0.8), int(height * 0.5)))


def _click(qtbot, form, action: str) -> None:
    button = form.buttons[action]
    try:
        qtbot.waitUntil(button.isEnabled, timeout=3000)
    except qtbot.TimeoutError:
        raise AssertionError(f"{action} stays disabled: {button.toolTip()}") from None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _wait_state(qtbot, db, ticket_id, state: str) -> None:
    qtbot.waitUntil(lambda: _ticket(db, ticket_id).state == state, timeout=3000)


def test_a_ticket_from_phone_call_to_archive(desk, demo_db, qtbot, photo) -> None:
    db = demo_db
    with db.sessions() as session:
        # A room of the most recently handed-over project: its warranty still runs.
        room = session.scalars(
            select(Location).join(Project, Project.id == Location.project_id)
            .where(Location.kind == "room").order_by(Project.handover_date.desc(), Location.full_name)
        ).first()
        room_id, room_name, project_id = room.id, room.full_name, room.project_id
        me = session.get(Staff, desk.user.staff_id)
        my_id, my_name = me.id, me.name
    before = _count(db, Ticket)

    # 1. Intake: Ctrl+N opens the form; the clerk types what the caller says.
    qtbot.keyClick(desk.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = desk.tickets.intake.dialog
    qtbot.waitExposed(dialog)
    _choose(dialog.project.widget, project_id)
    type_chinese(dialog.reporter.widget, "王女士")
    qtbot.keyClicks(dialog.phone.widget, "13912345678")
    fragment = room_name[-6:]
    type_chinese(dialog.location_edit, fragment)
    dialog.location_edit.textEdited.emit(fragment)  # an input method commit edits the text
    completer = dialog.location_edit.completer()
    qtbot.waitUntil(lambda: room_name in dialog._completion.stringList(), timeout=5000)
    completer.activated[str].emit(room_name)  # the clerk picks the place from the list
    type_chinese(dialog.description.widget, "卫生间顶棚渗水，滴到地板")
    _drop_files(qtbot, dialog.photos, [photo])
    assert dialog.photos.files() == [photo]
    with qtbot.waitSignal(desk.tickets.intake.registered, timeout=5000) as registered:
        _click(qtbot, dialog.form, "register")
    ticket_id = registered.args[0]
    ticket = _ticket(db, ticket_id)
    assert _count(db, Ticket) == before + 1
    assert (ticket.state, ticket.location_id, ticket.reporter_phone) == ("received", room_id, "13912345678")
    assert _count(db, Attachment, Attachment.ticket_id == ticket_id, Attachment.stage == "before") == 1

    # 2. The new ticket opens; dispatch it to me and take it.
    window = desk.tickets.details[ticket_id].window
    qtbot.waitExposed(window)
    assign = window.forms["assign"]
    _choose(assign.fields["owner_id"].widget, my_id)
    _click(qtbot, assign, "assign_owner")
    qtbot.waitUntil(lambda: _ticket(db, ticket_id).owner_id == my_id, timeout=3000)
    assert my_name in window.owner_label.text()
    _click(qtbot, assign, "take")
    _wait_state(qtbot, db, ticket_id, "diagnosing")

    # 3. Diagnosis: cause, category, building part, responsible party.
    diagnosis = window.forms["diagnose"]
    assert not diagnosis.isHidden()
    _choose(diagnosis.fields["cause"].widget, "construction_defect")
    category = diagnosis.fields["defect_category_id"].widget
    category.setCurrentIndex(1)
    _choose(diagnosis.fields["building_part"].widget, "waterproof_rooms")
    _choose(diagnosis.fields["responsible_party"].widget, "own_team")
    _click(qtbot, diagnosis, "diagnose")
    _wait_state(qtbot, db, ticket_id, "planning")
    assert _ticket(db, ticket_id).coverage is not None

    # 4. Plan: a start needs people, duration and safety measures — the button says so first.
    plan = window.forms["plan"]
    qtbot.waitUntil(lambda: not plan.buttons["start_repair"].isEnabled(), timeout=3000)
    assert "人员安排" in plan.buttons["start_repair"].toolTip()
    type_chinese(plan.fields["plan_people"].widget, "王师傅、刘师傅")
    plan.fields["plan_duration_hours"].widget.setValue(4)
    type_chinese(plan.fields["plan_safety_measures"].widget, "断电作业，地面铺设防护")
    qtbot.mouseClick(plan.findChild(type(plan.buttons["save_plan"]), "addMaterial"), Qt.MouseButton.LeftButton)
    table = plan.materials.table
    for column, text in enumerate(["聚氨酯防水涂料", "JS-II", "2", "桶"]):
        table.item(table.rowCount() - 1, column).setText(text)
    _click(qtbot, plan, "start_repair")
    _wait_state(qtbot, db, ticket_id, "in_repair")
    ticket = _ticket(db, ticket_id)
    assert (ticket.plan_people, ticket.plan_duration_hours) == ("王师傅、刘师傅", 4)
    with db.sessions() as session:
        assert [m.name for m in session.get(Ticket, ticket_id).materials] == ["聚氨酯防水涂料"]

    # 5. Repair: a work log with an after-photo, then request acceptance in one go.
    work = window.forms["work_log"]
    type_chinese(work.fields["description"].widget, "铲除旧防水层，重做聚氨酯防水两遍，闭水试验24小时")
    _drop_files(qtbot, work.photos, [photo])
    _click(qtbot, work, "submit_for_acceptance")
    _wait_state(qtbot, db, ticket_id, "acceptance")
    assert _count(db, WorkLog, WorkLog.ticket_id == ticket_id) == 1
    assert _count(db, Attachment, Attachment.ticket_id == ticket_id, Attachment.stage == "after") == 1

    # 6. Acceptance: the owner signs on screen and scores 5.
    acceptance = window.forms["acceptance"]
    qtbot.waitUntil(lambda: not acceptance.buttons["accept"].isEnabled(), timeout=3000)
    _sign(qtbot, acceptance.pad)
    assert acceptance.pad.has_enough_ink()
    qtbot.mouseClick(acceptance.findChild(type(acceptance.buttons["accept"]), "satisfaction_5"),
                     Qt.MouseButton.LeftButton)
    _click(qtbot, acceptance, "accept")
    _wait_state(qtbot, db, ticket_id, "follow_up")
    assert _count(db, Signature, Signature.ticket_id == ticket_id, Signature.method == "on_screen") == 1
    assert _ticket(db, ticket_id).satisfaction == 5

    # 7. Follow-up and archive.
    follow_up = window.forms["follow_up"]
    type_chinese(follow_up.fields["follow_up_result"].widget, "回访业主，未再渗漏，满意")
    _click(qtbot, follow_up, "archive")
    _wait_state(qtbot, db, ticket_id, "archived")

    # Every step is in the history, and the history explains the ticket.
    with db.sessions() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket_problems(session, ticket, strict_replay=True) == []
        kinds = session.scalars(select(TicketEvent.kind).where(TicketEvent.ticket_id == ticket_id)).all()
    assert {"created", "assignment", "state", "attachment", "work_log", "signature"} <= set(kinds)
    assert window.timeline.topLevelItemCount() == len(kinds)
    assert window.side_tabs.indexOf(window.forms["reopen"]) >= 0  # archived: only reopening is offered
    assert window.forms["follow_up"].isHidden()


def test_intake_shows_the_engines_messages_and_saves_nothing(desk, demo_db, qtbot) -> None:
    before = _count(demo_db, Ticket)
    dialog = desk.tickets.new_ticket()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.phone.widget, "12345")
    qtbot.waitUntil(lambda: dialog.phone.message.isVisible(), timeout=3000)
    assert "手机号" in dialog.phone.message.text()
    assert not dialog.save_button.isEnabled()
    assert "缺少问题描述" in dialog.save_button.toolTip()
    assert _count(demo_db, Ticket) == before


def test_closing_an_unsaved_form_asks_first(desk, demo_db, qtbot, monkeypatch) -> None:
    dialog = desk.tickets.new_ticket()
    qtbot.waitExposed(dialog)
    type_chinese(dialog.description.widget, "阳台门关不严")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    dialog.close()
    assert asked and dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog.close()
    assert not dialog.isVisible()


def test_linking_a_repeated_call_as_duplicate(desk, demo_db, qtbot) -> None:
    db = demo_db
    with db.sessions() as session:
        original = session.scalars(select(Ticket).where(
            Ticket.state.in_(["received", "diagnosing"]), Ticket.location_id.is_not(None))).first()
        original_id, project_id, location_id = original.id, original.project_id, original.location_id
        place = session.get(Location, location_id).full_name
    dialog = desk.tickets.new_ticket()
    qtbot.waitExposed(dialog)
    _choose(dialog.project.widget, project_id)
    dialog.set_location(location_id, place)
    dialog.locationPicked.emit(location_id)
    type_chinese(dialog.reporter.widget, "邻居李先生")
    type_chinese(dialog.description.widget, "同一处又来电反映")
    duplicates = dialog.duplicates
    qtbot.waitUntil(lambda: any(duplicates.item(i).data(Qt.ItemDataRole.UserRole) == original_id
                                for i in range(duplicates.count())), timeout=5000)
    row = next(i for i in range(duplicates.count())
               if duplicates.item(i).data(Qt.ItemDataRole.UserRole) == original_id)
    duplicates.setCurrentRow(row)
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    with db.sessions() as session:
        copy = session.scalars(select(Ticket).where(Ticket.duplicate_of_id == original_id)).one()
        assert (copy.state, copy.reporter_name) == ("cancelled", "邻居李先生")
    assert original_id in desk.tickets.details  # the original opens


def test_print_menu_saves_the_confirmation_form(ui, demo_db, qtbot, tmp_path, monkeypatch) -> None:
    """The detail's 打印/导出 menu offers the forms the ticket's state allows and saves a PDF."""
    from app.views.document_preview_dialog import DocumentDialogs

    with demo_db.sessions() as session:
        ticket_id, number = session.execute(
            select(Ticket.id, Ticket.number).where(Ticket.state == "archived").limit(1)).one()
    target = tmp_path / "确认单.pdf"
    monkeypatch.setattr(DocumentDialogs, "ask_save_pdf", lambda self, name: str(target))
    window = ui.tickets.open(ticket_id)
    qtbot.waitExposed(window)
    texts = [action.text() for action in window.print_menu.actions()]
    assert any("保修完成确认单" in text for text in texts)
    assert not any("不予保修告知书" in text for text in texts)
    save = next(a for a in window.print_menu.actions() if "保修完成确认单" in a.text() and "PDF" in a.text())
    save.trigger()
    qtbot.waitUntil(lambda: target.is_file() and target.stat().st_size > 1000, timeout=15000)
    assert target.read_bytes().startswith(b"%PDF")


def test_batch_export_of_the_selected_tickets(ui, demo_db, qtbot, tmp_path, monkeypatch) -> None:
    """报修单 → 导出表单: one PDF per selected ticket, made off the GUI thread."""
    from PySide6.QtWidgets import QFileDialog

    page = ui.window.page("tickets")
    ui.window.show_page("tickets")
    combo = page.state_combo
    combo.setCurrentIndex(find_data(combo, ("archived",)))
    qtbot.waitUntil(lambda: page.model.rowCount() > 2, timeout=5000)
    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.model.index(1, 0), page.table.selectionModel().SelectionFlag.Select
        | page.table.selectionModel().SelectionFlag.Rows)
    assert len(page.selected_ids()) == 2
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    action = next(a for a in page.export_menu.actions() if "确认单" in a.text())
    action.trigger()
    qtbot.waitUntil(lambda: len(list(tmp_path.glob("*.pdf"))) == 2, timeout=30000)


def test_double_click_in_the_list_opens_the_ticket(ui, demo_db, qtbot) -> None:
    page = ui.window.page("tickets")
    ui.window.show_page("tickets")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    rect = page.table.visualRect(page.model.index(0, 0))
    number = page.model.index(0, 0).data()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: len(ui.tickets.details) == 1, timeout=5000)
    window = next(iter(ui.tickets.details.values())).window
    assert window.number_label.text() == number


def test_a_kanban_move_that_needs_input_opens_the_form_that_supplies_it(ui, demo_db, qtbot) -> None:
    with demo_db.sessions() as session:
        ticket_id = session.scalar(select(Ticket.id).where(Ticket.state == "diagnosing").limit(1))
    opener = ui.controller.kanban.stage_form_opener
    assert opener == ui.tickets.open_stage_form
    assert opener(ticket_id, "diagnose") is False  # the card moves only when the form is done
    window = ui.tickets.details[ticket_id].window
    qtbot.waitExposed(window)
    assert window.tabs.currentIndex() == 0 and window.forms["diagnose"].isVisible()
    assert _ticket(demo_db, ticket_id).state == "diagnosing"
