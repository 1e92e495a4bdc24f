"""The 项目 and 客户 pages driven as a clerk would, asserting on the database after each step."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QTableWidget
from sqlalchemy import func, select

from app.models import Customer, Location, OrgUnit, Project, Staff, Ticket, UnitOwnership
from app.models.vocabulary import OPEN_STATES
from tests.gui.typing_helpers import type_chinese

PATTERN = "1-18栋, 1-2单元, 1-33层, 01-04室"


def _projects(ui):
    ui.window.show_page("projects")
    return ui.controller.projects.page


def _customers(ui):
    ui.window.show_page("customers")
    return ui.controller.customers.page


def _scalar(db, query):
    with db.sessions() as session:
        return session.scalar(query)


def _click(qtbot, widget) -> None:
    assert widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _click_row(qtbot, table: QTableWidget, row: int, column: int = 0) -> None:
    index = table.model().index(row, column)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )


def _row_with(table: QTableWidget, column: int, text: str) -> int:
    rows = [row for row in range(table.rowCount()) if table.item(row, column).text() == text]
    assert rows, f"{text} not in the table"
    return rows[0]


def _answer_prompt(qtbot, button: str) -> list[str]:
    """Click `button` of the unsaved-changes prompt as soon as it shows; returns its text."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != "unsavedPrompt":
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        qtbot.mouseClick(box.findChild(QPushButton, button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)
    return seen


def _type_over(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_create_project_refuse_short_term_then_bulk_create_rooms(ui, demo_db, qtbot) -> None:
    page = _projects(ui)
    editor = page.editor
    _click(qtbot, page.new_button)
    assert editor.title.text() and editor.project_id() is None
    qtbot.keyClicks(editor.code_edit, "ZZ-2026-009")
    type_chinese(editor.name_edit, "翠湖花园二期")
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("residential"))
    qtbot.keyClicks(editor.handover_edit, "2026/5/20")
    editor.dept_combo.setCurrentIndex(1)
    assert editor.is_dirty()

    # A roof waterproofing term of 3 years is below the law's 5: said at once, and not saved.
    editor.tabs.setCurrentIndex(2)
    roof = editor.term_periods["roof_waterproofing"]
    _type_over(qtbot, roof, "3")
    problem = editor.problems["term:roof_waterproofing"]
    assert problem.isVisible() and "不得短于法定最低期限 5 年" in problem.text()
    _click(qtbot, editor.save_button)
    assert "不得短于法定最低期限 5 年" in problem.text()
    assert _scalar(demo_db, select(func.count()).where(Project.code == "ZZ-2026-009")) == 0

    _type_over(qtbot, roof, "8")
    assert not problem.isVisible()
    editor.tabs.setCurrentIndex(3)
    _click(qtbot, editor.add_link_button)
    _click(qtbot, editor.add_link_button)
    assert editor.subcontractor_table.rowCount() == 2
    _click(qtbot, editor.remove_link_button)  # the second, unsaved row goes again
    assert editor.subcontractor_table.rowCount() == 1
    unit_combo = editor.subcontractor_table.cellWidget(0, 0)
    unit_combo.setCurrentIndex(1)
    trade_combo = editor.subcontractor_table.cellWidget(0, 1)
    trade_combo.lineEdit().selectAll()
    type_chinese(trade_combo.lineEdit(), "防水")
    subcontractor = unit_combo.currentData()
    _click(qtbot, editor.save_button)
    assert not editor.is_dirty()
    with demo_db.sessions() as session:
        project = session.scalars(select(Project).where(Project.code == "ZZ-2026-009")).one()
        assert project.name == "翠湖花园二期" and project.handover_date.isoformat() == "2026-05-20"
        assert {t.building_part: t.period for t in project.warranty_terms}[
            "roof_waterproofing"
        ] == 8
        assert [(s.org_unit_id, s.trade) for s in project.subcontractors] == [
            (subcontractor, "防水")
        ]
        project_id = project.id
    assert page.selected_project() == project_id
    assert editor.project_id() == project_id

    # Bulk creation from the pattern dialog: preview, then one transaction off the GUI thread.
    editor.tabs.setCurrentIndex(4)
    panel = page.locations
    dialog = None
    _click(qtbot, panel.bulk_button)
    dialog = panel.bulk_dialog
    qtbot.waitExposed(dialog)
    type_chinese(dialog.pattern_edit, PATTERN)
    qtbot.waitUntil(lambda: "4,752 个房间" in dialog.preview_label.text(), timeout=3000)
    assert "5,994 个位置" in dialog.preview_label.text()
    _click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: "已新建 5,994 个位置" in dialog.preview_label.text(), timeout=10_000)
    rooms = select(func.count()).where(Location.project_id == project_id, Location.kind == "room")
    assert _scalar(demo_db, rooms) == 4752
    assert (
        _scalar(
            demo_db,
            select(func.count()).where(
                Location.full_name == "3栋2单元1502室", Location.project_id == project_id
            ),
        )
        == 1
    )
    assert panel.model.rowCount() == 18  # the tree shows the new buildings
    # The same pattern again creates nothing.
    _click(qtbot, dialog.close_button)
    _click(qtbot, panel.bulk_button)
    dialog = panel.bulk_dialog
    type_chinese(dialog.pattern_edit, PATTERN)
    qtbot.waitUntil(lambda: "均已存在" in dialog.preview_label.text(), timeout=3000)
    assert not dialog.create_button.isEnabled()
    _click(qtbot, dialog.close_button)

    # One place by hand at the top level, then renamed.
    _click(qtbot, panel.top_button)
    type_chinese(panel.name_edit, "地下车库")
    _click(qtbot, panel.add_button)
    garage = select(Location).where(Location.project_id == project_id, Location.name == "地下车库")
    with demo_db.sessions() as session:
        place = session.scalars(garage).one()
        assert (place.kind, place.parent_id) == ("building", None)
    item = panel._items[place.id]
    item.setText("地下车库A区")  # what the in-place editor commits
    with demo_db.sessions() as session:
        assert session.get(Location, place.id).full_name == "地下车库A区"


def test_customer_phone_is_checked_then_saved_with_a_unit(ui, demo_db, qtbot) -> None:
    page = _customers(ui)
    before = _scalar(demo_db, select(func.count()).select_from(Customer))
    _click(qtbot, page.new_button)
    type_chinese(page.name_edit, "欧阳娜娜")
    qtbot.keyClicks(page.phone_edit, "0531-888")
    _click(qtbot, page.save_button)
    assert page.problems["phone"].isVisible()
    assert "带区号的固定电话" in page.problems["phone"].text()
    assert _scalar(demo_db, select(func.count()).select_from(Customer)) == before

    _type_over(qtbot, page.phone_edit, "139 1234 5678")
    _click(qtbot, page.add_unit_button)
    picker = page.picker
    qtbot.waitExposed(picker)
    with demo_db.sessions() as session:
        project = session.scalars(
            select(Project).where(Project.type == "residential").order_by(Project.code)
        ).first()
        room = session.scalars(
            select(Location)
            .where(Location.project_id == project.id, Location.kind == "room")
            .order_by(Location.full_name)
        ).first()
    picker.project_combo.setCurrentIndex(picker.project_combo.findText(project.name))
    type_chinese(picker.panel.search_edit, room.full_name)
    qtbot.waitUntil(
        lambda: (
            picker.panel.model.rowCount() >= 1
            and picker.panel.model.item(0).text() == room.full_name
        ),
        timeout=3000,
    )
    tree = picker.panel.tree
    index = picker.panel.model.index(0, 0)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
    )
    qtbot.keyClicks(picker.since_edit, "2025-03-01")
    _click(qtbot, picker.pick_button)
    assert page.unit_table.rowCount() == 1
    assert page.unit_table.item(0, 0).text() == f"{project.name} · {room.full_name}"
    _click(qtbot, page.save_button)
    assert not page.is_dirty()
    with demo_db.sessions() as session:
        customer = session.scalars(select(Customer).where(Customer.name == "欧阳娜娜")).one()
        assert customer.phone == "13912345678"
        owned = session.scalars(
            select(UnitOwnership).where(UnitOwnership.customer_id == customer.id)
        ).all()
        assert [(o.location_id, o.since.isoformat()) for o in owned] == [(room.id, "2025-03-01")]
    # Discarding an edit puts the saved values back.
    type_chinese(page.notes_edit, "临时备注")
    assert page.is_dirty()
    _click(qtbot, page.revert_button)
    assert not page.is_dirty() and page.notes_edit.toPlainText() == ""
    # Found again by the unit's number.
    type_chinese(page.search_edit, room.name.removesuffix("室"))
    qtbot.waitUntil(
        lambda: any(
            page.result_table.item(r, 0).text() == "欧阳娜娜"
            for r in range(page.result_table.rowCount())
        ),
        timeout=3000,
    )


def test_unsaved_changes_are_asked_about(ui, demo_db, qtbot) -> None:
    page = _projects(ui)
    editor = page.editor
    first = editor.project_id()
    original = editor.name_edit.text()
    type_chinese(editor.name_edit, "（改）")
    assert editor.is_dirty()
    other = 1 if page.project_table.item(0, 0).data(Qt.ItemDataRole.UserRole + 1) == first else 0

    shown = _answer_prompt(qtbot, "unsavedCancel")
    _click_row(qtbot, page.project_table, other)
    assert shown and editor.project_id() == first and editor.is_dirty()
    assert page.selected_project() == first

    _answer_prompt(qtbot, "unsavedDiscard")
    _click_row(qtbot, page.project_table, other)
    assert editor.project_id() != first and not editor.is_dirty()
    assert _scalar(demo_db, select(Project.name).where(Project.id == first)) == original

    # Save from the prompt: the change is written, then the other project opens.
    type_chinese(editor.name_edit, "（改）")
    second = editor.project_id()
    second_name = editor.name_edit.text()
    _answer_prompt(qtbot, "unsavedSave")
    _click_row(qtbot, page.project_table, _row_with(page.project_table, 1, original))
    assert editor.project_id() == first
    assert _scalar(demo_db, select(Project.name).where(Project.id == second)) == second_name

    # Closing the window with an unsaved customer: 取消 keeps it open, 放弃 lets it close.
    customers = _customers(ui)
    _click(qtbot, customers.new_button)
    type_chinese(customers.name_edit, "未保存的客户")
    _answer_prompt(qtbot, "unsavedCancel")
    ui.window.close()
    assert ui.window.isVisible() and customers.is_dirty()
    _answer_prompt(qtbot, "unsavedDiscard")
    ui.window.close()
    assert not ui.window.isVisible()
    assert _scalar(demo_db, select(func.count()).where(Customer.name == "未保存的客户")) == 0


def test_staff_are_deactivated_never_deleted(ui, demo_db, qtbot) -> None:
    page = _projects(ui)
    page.tabs.setCurrentIndex(1)
    panel = page.staff
    open_states = [s.value for s in OPEN_STATES]
    with demo_db.sessions() as session:
        busy = select(Ticket.owner_id).where(
            Ticket.state.in_(open_states), Ticket.owner_id.is_not(None)
        )
        idle = session.scalars(
            select(Staff)
            .where(
                Staff.active.is_(True),
                Staff.id.not_in(busy),
                Staff.id != ui.controller.user.staff_id,
            )
            .order_by(Staff.name)
        ).first()
        owner = session.get(Staff, session.scalar(busy.limit(1)))
        staff_total = session.scalar(select(func.count()).select_from(Staff))

    _click_row(qtbot, panel.staff_table, _row_with(panel.staff_table, 1, owner.phone))
    _click(qtbot, panel.active_button)
    assert "请先改派后再停用" in panel.staff_summary.text()
    assert _scalar(demo_db, select(Staff.active).where(Staff.id == owner.id)) is True

    _click_row(qtbot, panel.staff_table, _row_with(panel.staff_table, 1, idle.phone))
    _click(qtbot, panel.active_button)
    assert _scalar(demo_db, select(Staff.active).where(Staff.id == idle.id)) is False
    assert _scalar(demo_db, select(func.count()).select_from(Staff)) == staff_total
    assert panel.active_button.text() != "" and panel.staff_form().active is False

    # A new subcontractor company with its trades.
    _click(qtbot, panel.new_org_button)
    type_chinese(panel.org_name_edit, "东方防水堵漏有限公司")
    panel.org_kind_combo.setCurrentIndex(panel.org_kind_combo.findData("subcontractor"))
    type_chinese(panel.org_trades_edit, "防水，堵漏")
    qtbot.keyClicks(panel.org_phone_edit, "0551-6288 1234")
    _click(qtbot, panel.save_org_button)
    with demo_db.sessions() as session:
        unit = session.scalars(select(OrgUnit).where(OrgUnit.name == "东方防水堵漏有限公司")).one()
        assert (unit.kind, unit.trades, unit.contact_phone) == (
            "subcontractor",
            "防水、堵漏",
            "055162881234",
        )
    assert any(
        panel.org_table.item(r, 0).text() == "东方防水堵漏有限公司"
        for r in range(panel.org_table.rowCount())
    )

    # A new person: a bad phone is refused next to the field, a good one is saved.
    _click(qtbot, panel.new_staff_button)
    type_chinese(panel.staff_name_edit, "新来的保修员")
    qtbot.keyClicks(panel.staff_phone_edit, "12345")
    panel.staff_org_combo.setCurrentIndex(1)
    _click(qtbot, panel.save_staff_button)
    assert "电话" in panel.staff_problems["phone"].text()
    _type_over(qtbot, panel.staff_phone_edit, "13800001111")
    _click(qtbot, panel.save_staff_button)
    assert (
        _scalar(demo_db, select(Staff.phone).where(Staff.name == "新来的保修员")) == "13800001111"
    )


def test_a_locked_database_is_reported_and_nothing_is_written(ui, demo_db, qtbot) -> None:
    page = _projects(ui)
    editor = page.editor
    project_id = editor.project_id()
    original = editor.name_edit.text()
    type_chinese(editor.name_edit, "（改）")
    editor.tabs.setCurrentIndex(2)
    _type_over(qtbot, editor.term_periods["exterior_wall"], "9")
    # Another program holds the write lock (a backup tool, a second window) while we save.
    blocker = sqlite3.connect(demo_db.path, timeout=0, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        _click(qtbot, editor.save_button)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert "locked" in editor.summary.text() and editor.is_dirty()
    with demo_db.sessions() as session:
        project = session.get(Project, project_id)
        assert project.name == original
        assert {t.building_part: t.period for t in project.warranty_terms}["exterior_wall"] == 5
    _click(qtbot, editor.save_button)  # the lock is gone: the same edit saves whole
    assert not editor.is_dirty()
    with demo_db.sessions() as session:
        project = session.get(Project, project_id)
        assert project.name == original + "（改）"
        assert {t.building_part: t.period for t in project.warranty_terms}["exterior_wall"] == 9
