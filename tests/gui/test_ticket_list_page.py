"""The 报修单 page as a clerk uses it: quick and saved filters, columns, bulk assignment,
copying to Excel, opening tickets, ageing colours and following changes made elsewhere."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox, QPushButton
from sqlalchemy import func, select

from app.demo.generator import REFERENCE_NOW
from app.models import Staff, Ticket, TicketEvent
from app.models.sla import TIMER_FIELDS, Timer, age_band, is_overdue
from app.models.ticket_actions import assign_owner, cancel
from app.models.ticket_list import OPEN_STATE_VALUES, end_of_local_day
from app.models.workflow import Action, check
from app.views.ticket_table_model import AGE_BAR_COLOURS, AGE_TINTS, OVERDUE_RED, TicketTableModel
from tests.gui.typing_helpers import type_chinese

M = TicketTableModel


@pytest.fixture
def page(ui):
    """The list page with the controller's clock at the demo data's "now"."""
    controller = ui.controller.tickets
    controller.clock = lambda: REFERENCE_NOW
    controller.apply_filters()
    return controller.page


def _load_all(page) -> list:
    model = page.model
    while model.canFetchMore():
        model.fetchMore()
    return [model.row_at(r) for r in range(model.rowCount())]


def _wait_for_count(qtbot, page, expected: int) -> None:
    qtbot.waitUntil(lambda: page.count_label.text() == f"共 {expected} 张报修单", timeout=5000)


def _click_quick(qtbot, page, key: str) -> None:
    qtbot.mouseClick(page.quick_buttons[key], Qt.MouseButton.LeftButton)
    assert page.quick_filter() == key


def _tickets(db) -> list[Ticket]:
    with db.sessions() as session:
        return list(session.scalars(select(Ticket)))


def _click_row(qtbot, page, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    table = page.table
    rect = table.visualRect(page.model.index(row, M.COL_DESCRIPTION))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


# ---------------------------------------------------------------------------------------------
# Quick filters
# ---------------------------------------------------------------------------------------------


def test_quick_filters_show_exactly_their_tickets(ui, page, demo_db, qtbot) -> None:
    tickets = _tickets(demo_db)
    open_tickets = [t for t in tickets if t.state in OPEN_STATE_VALUES]
    eod = end_of_local_day(REFERENCE_NOW)

    def due_today(t: Ticket) -> bool:
        if any(is_overdue(t, timer, REFERENCE_NOW) for timer in Timer):
            return True
        return t.paused_since is None and any(
            getattr(t, met) is None and getattr(t, due) is not None and getattr(t, due) < eod
            for due, met in TIMER_FIELDS.values()
        )

    expected = {
        "open": {t.id for t in open_tickets},
        "urgent": {t.id for t in open_tickets if t.urgency in (1, 2)},
        "acceptance": {t.id for t in tickets if t.state == "acceptance"},
        "overdue_today": {t.id for t in open_tickets if due_today(t)},
        "all": {t.id for t in tickets},
    }
    assert all(expected.values()) and expected["overdue_today"] != expected["open"]
    for key, ids in expected.items():
        _click_quick(qtbot, page, key)
        assert {row.id for row in _load_all(page)} == ids, key
        _wait_for_count(qtbot, page, len(ids))


def test_my_open_tickets_follow_the_current_user(ui, page, demo_db, qtbot) -> None:
    tickets = _tickets(demo_db)
    mine = {}
    for t in tickets:
        if t.state in OPEN_STATE_VALUES and t.owner_id is not None:
            mine.setdefault(t.owner_id, set()).add(t.id)
    busiest = max(mine, key=lambda owner: len(mine[owner]))
    _click_quick(qtbot, page, "mine")
    ui.controller.user.choose(busiest)  # as the settings page does
    assert {row.id for row in _load_all(page)} == mine[busiest]
    _wait_for_count(qtbot, page, len(mine[busiest]))


def test_a_quick_filter_and_the_state_chooser_narrow_together(ui, page, demo_db, qtbot) -> None:
    _click_quick(qtbot, page, "urgent")
    page.state_combo.setCurrentIndex(page.state_combo.findText("维修实施"))
    rows = _load_all(page)
    expected = {t.id for t in _tickets(demo_db) if t.state == "in_repair" and t.urgency in (1, 2)}
    assert rows and {r.id for r in rows} == expected


# ---------------------------------------------------------------------------------------------
# Saved filters
# ---------------------------------------------------------------------------------------------


def _trigger_menu_item(qtbot, menu, text: str) -> None:
    """Open a menu and click one of its items, as the clerk does."""
    menu.popup(QPoint(100, 100))
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    action = next(a for a in menu.actions() if a.text() == text or a.data() == text)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_saving_applying_and_removing_a_named_filter(chinese_app, demo_db, qtbot) -> None:
    from app.gui import build_main_ui

    first = build_main_ui(demo_db, "zh_CN", QSettings())
    qtbot.addWidget(first.window)
    first.controller.start()
    page = first.controller.tickets.page
    _click_quick(qtbot, page, "urgent")
    page.state_combo.setCurrentIndex(page.state_combo.findText("未关闭"))
    type_chinese(page.search_edit, "水")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    wanted = {r.id for r in _load_all(page)}
    assert wanted and all("水" in page.model.row_at(r).description for r in range(page.model.rowCount()))

    save = next(a for a in page.saved_menu.actions() if a.objectName() == "saveFilterAction")
    _trigger_menu_item(qtbot, page.saved_menu, save.text())
    dialog = page.name_dialog
    assert dialog is not None and dialog.isVisible()
    edit = dialog.findChild(QLineEdit)
    edit.clear()
    type_chinese(edit, "紧急维修中")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert page.saved_filter_names() == ["紧急维修中"]
    first.window.close()

    second = build_main_ui(demo_db, "zh_CN", QSettings())
    qtbot.addWidget(second.window)
    second.controller.start()
    page = second.controller.tickets.page
    assert page.saved_filter_names() == ["紧急维修中"]
    assert page.quick_filter() == "all" and page.search_text() == ""
    _trigger_menu_item(qtbot, page.saved_menu, "紧急维修中")
    assert page.quick_filter() == "urgent"
    assert page.state_combo.currentText() == "未关闭"
    assert page.search_text() == "水"
    assert {r.id for r in _load_all(page)} == wanted

    remove_menu = next(a.menu() for a in page.saved_menu.actions() if a.menu() is not None)
    page.saved_menu.popup(QPoint(100, 100))
    qtbot.waitUntil(page.saved_menu.isVisible, timeout=2000)
    _trigger_menu_item(qtbot, remove_menu, "紧急维修中")
    assert page.saved_filter_names() == []
    assert "紧急维修中" not in str(QSettings().value("tickets/saved_filters"))


# ---------------------------------------------------------------------------------------------
# Columns
# ---------------------------------------------------------------------------------------------


def _open_header_menu(qtbot, page):
    header = page.table.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(M.COL_NUMBER) + 20, header.height() // 2)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, header.viewport().mapToGlobal(pos))
    QApplication.sendEvent(header.viewport(), event)
    qtbot.waitUntil(page.column_menu.isVisible, timeout=2000)
    return page.column_menu


def _click_column_item(qtbot, menu, column: int) -> None:
    action = next(a for a in menu.actions() if a.data() == column)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_column_chooser_choices_survive_a_restart(chinese_app, demo_db, qtbot) -> None:
    from app.gui import build_main_ui

    first = build_main_ui(demo_db, "zh_CN", QSettings())
    qtbot.addWidget(first.window)
    first.controller.start()
    page = first.controller.tickets.page
    header = page.table.horizontalHeader()
    assert header.isSectionHidden(M.COL_CUSTOMER) and not header.isSectionHidden(M.COL_CATEGORY)

    menu = _open_header_menu(qtbot, page)
    titles = [a.text() for a in menu.actions() if a.isCheckable()]
    names = page.model.column_titles()
    assert names[M.COL_CATEGORY] == "缺陷类别"
    assert sorted(titles) == sorted(names) and titles[0] == "报修单号"
    _click_column_item(qtbot, menu, M.COL_CUSTOMER)  # show 业主
    menu = _open_header_menu(qtbot, page)
    _click_column_item(qtbot, menu, M.COL_CATEGORY)  # hide 缺陷类别
    header.moveSection(header.visualIndex(M.COL_OWNER), 1)  # 责任人 right after the number
    shown = page.visible_columns()
    assert M.COL_CUSTOMER in shown and M.COL_CATEGORY not in shown and shown[1] == M.COL_OWNER
    # The number column cannot be hidden: it says which ticket a row is.
    menu = _open_header_menu(qtbot, page)
    assert not next(a for a in menu.actions() if a.data() == M.COL_NUMBER).isEnabled()
    menu.close()
    first.window.close()

    second = build_main_ui(demo_db, "zh_CN", QSettings())
    qtbot.addWidget(second.window)
    second.controller.start()
    assert second.controller.tickets.page.visible_columns() == shown

    # Restore default columns puts the foundation's defaults back.
    page = second.controller.tickets.page
    menu = _open_header_menu(qtbot, page)
    restore = next(a for a in menu.actions() if a.text() == "Restore default columns" or a.text() == "恢复默认列")
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(restore).center())
    assert M.COL_CATEGORY in page.visible_columns() and M.COL_CUSTOMER not in page.visible_columns()


def test_a_column_without_an_index_does_not_sort(ui, page, qtbot) -> None:
    header = page.table.horizontalHeader()
    before = [page.model.row_at(r).id for r in range(10)]
    x = header.sectionViewportPosition(M.COL_DESCRIPTION) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == M.COL_REPORTED_AT
    assert [page.model.row_at(r).id for r in range(10)] == before
    # The age sorts (by report time, youngest first), an indexed order.
    x = header.sectionViewportPosition(M.COL_AGE) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == M.COL_AGE
    reported = [page.model.row_at(r).reported_at for r in range(page.model.rowCount())]
    assert reported == sorted(reported, reverse=header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    oldest = [page.model.row_at(r).reported_at for r in range(page.model.rowCount())]
    assert oldest == sorted(oldest) and oldest[0] < reported[0]


# ---------------------------------------------------------------------------------------------
# Bulk assignment
# ---------------------------------------------------------------------------------------------


def _assignment_events(db, ticket_ids) -> dict:
    with db.sessions() as session:
        rows = session.execute(
            select(TicketEvent.ticket_id, func.count())
            .where(TicketEvent.ticket_id.in_(ticket_ids), TicketEvent.kind == "assignment")
            .group_by(TicketEvent.ticket_id)
        ).all()
    return {ticket_id: n for ticket_id, n in rows}


def _technician(db, exclude=()) -> Staff:
    with db.sessions() as session:
        return session.scalars(
            select(Staff).where(Staff.role == "technician", Staff.active.is_(True), Staff.id.not_in(exclude))
            .order_by(Staff.name)
        ).first()


def test_bulk_assign_gives_the_selected_tickets_to_one_owner(ui, page, demo_db, qtbot) -> None:
    _click_quick(qtbot, page, "open")
    _click_row(qtbot, page, 0)
    _click_row(qtbot, page, 2, Qt.KeyboardModifier.ShiftModifier)
    _click_row(qtbot, page, 5, Qt.KeyboardModifier.ControlModifier)
    chosen = page.selected_ids()
    assert len(chosen) == 4
    owners = {page.model.row_at(r).owner_id for r in page.selected_rows()}
    technician = _technician(demo_db, exclude=[o for o in owners if o])
    before = _assignment_events(demo_db, chosen)

    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    dialog = page.assign_dialog
    assert dialog is not None and dialog.isVisible()
    assert "4" in dialog.summary.text()
    type_chinese(dialog.filter_edit, technician.name)
    visible = [dialog.people.topLevelItem(i) for i in range(dialog.people.topLevelItemCount())
               if not dialog.people.topLevelItem(i).isHidden()]
    item = next(i for i in visible if i.text(0) == technician.name)
    rect = dialog.people.visualItemRect(item)
    qtbot.mouseClick(dialog.people.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    type_chinese(dialog.reason_edit, "片区调整")
    with qtbot.waitSignal(ui.controller.bus.ticketsChanged, timeout=10000) as changed:
        qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    assert set(changed.args[0]) == set(chosen)
    qtbot.waitUntil(lambda: page.assign_dialog is None, timeout=5000)

    with demo_db.sessions() as session:
        assert {session.get(Ticket, i).owner_id for i in chosen} == {technician.id}
        notes = session.scalars(
            select(TicketEvent.note).where(TicketEvent.ticket_id.in_(chosen), TicketEvent.kind == "assignment",
                                           TicketEvent.field == "owner_id")
        ).all()
    after = _assignment_events(demo_db, chosen)
    assert all(after[i] == before.get(i, 0) + 1 for i in chosen)
    assert "片区调整" in notes
    # The list followed the change (through the bus) without a reload.
    shown = {page.model.row_at(r).id: page.model.row_at(r).owner_name for r in range(page.model.rowCount())}
    assert {shown[i] for i in chosen if i in shown} == {technician.name}
    assert technician.name in page.message_label.text()


def test_bulk_assign_with_a_refused_ticket_writes_nothing_until_the_clerk_agrees(
    ui, page, demo_db, qtbot
) -> None:
    model = page.model
    rows = [model.row_at(r) for r in range(min(model.rowCount(), 20))]
    closed = next(r for r, row in enumerate(rows) if row.state in ("archived", "cancelled", "not_covered"))
    opened = [r for r, row in enumerate(rows) if row.state in OPEN_STATE_VALUES and row.owner_id is None][:1]
    opened += [r for r, row in enumerate(rows) if row.state in OPEN_STATE_VALUES and row.owner_id][:1]
    _click_row(qtbot, page, closed)
    for r in opened:
        _click_row(qtbot, page, r, Qt.KeyboardModifier.ControlModifier)
    chosen = page.selected_ids()
    assert len(chosen) == 1 + len(opened)
    with demo_db.sessions() as session:
        owners_before = {i: session.get(Ticket, i).owner_id for i in chosen}
    technician = _technician(demo_db, exclude=[o for o in owners_before.values() if o])

    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    dialog = page.assign_dialog
    assert dialog.choose_owner(technician.id)
    type_chinese(dialog.reason_edit, "人员调整")
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible(), timeout=10000)

    box = page.question
    closed_number, closed_id = model.row_at(closed).number, model.row_at(closed).id
    with demo_db.sessions() as session:  # nothing half-written; the engine's own words shown
        assert {i: session.get(Ticket, i).owner_id for i in chosen} == owners_before
        messages = check(session.get(Ticket, closed_id), Action.ASSIGN_OWNER, ui.controller.user.actor(session),
                         {"owner_id": technician.id, "reason": "人员调整"})
    assert messages and closed_number in box.informativeText()
    assert all(m in box.informativeText() for m in messages)
    assert closed_number in dialog.problems.text()

    rest = box.findChild(QPushButton, "assignRestButton")
    with qtbot.waitSignal(ui.controller.bus.ticketsChanged, timeout=10000) as changed:
        qtbot.mouseClick(rest, Qt.MouseButton.LeftButton)
    assert closed_id not in changed.args[0] and len(changed.args[0]) == len(opened)
    with demo_db.sessions() as session:
        after = {i: session.get(Ticket, i).owner_id for i in chosen}
    assert [after[i] for i in chosen if owners_before[i] != after[i]] == [technician.id] * len(opened)
    assert sum(1 for i in chosen if after[i] == owners_before[i]) == 1  # the closed one


def test_a_refusal_for_every_ticket_only_explains(ui, page, demo_db, qtbot) -> None:
    _click_quick(qtbot, page, "open")
    _click_row(qtbot, page, 0)
    row = page.model.row_at(0)
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    dialog = page.assign_dialog
    if row.owner_id is not None and dialog.choose_owner(row.owner_id):
        expected = "已是本单的责任人"
    else:
        assert dialog.choose_owner(_technician(demo_db).id)
        expected = ""
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    if not expected:  # no owner yet: assigned, nothing to refuse
        qtbot.waitUntil(lambda: page.assign_dialog is None, timeout=5000)
        return
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible(), timeout=10000)
    assert expected in page.question.informativeText()
    assert page.question.findChild(QPushButton, "assignRestButton") is None
    assert page.question.button(QMessageBox.StandardButton.Ok) is not None
    assert dialog.isVisible()  # the clerk can choose someone else


# ---------------------------------------------------------------------------------------------
# Copy, open, new
# ---------------------------------------------------------------------------------------------


def test_ctrl_c_copies_the_selected_rows_for_excel(ui, page, qtbot) -> None:
    _click_row(qtbot, page, 1)
    _click_row(qtbot, page, 3, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    data = QGuiApplication.clipboard().mimeData()
    lines = data.text().rstrip("\r\n").split("\r\n")
    columns = page.visible_columns()
    titles = page.model.column_titles()
    assert lines[0].split("\t") == [titles[c] for c in columns]
    assert len(lines) == 3
    first = lines[1].split("\t")
    assert len(first) == len(columns)
    assert first[0] == page.model.row_at(1).number
    assert lines[2].split("\t")[0] == page.model.row_at(3).number
    html = data.html()
    assert "<table" in html and page.model.row_at(3).number in html and "mso-number-format" in html
    # Hidden columns stay out.
    page.set_column_visible(M.COL_DESCRIPTION, False)
    qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    header = QGuiApplication.clipboard().text().split("\r\n")[0].split("\t")
    assert titles[M.COL_DESCRIPTION] not in header and len(header) == len(columns) - 1


def test_double_click_and_enter_open_the_ticket(ui, page, qtbot) -> None:
    bus = ui.controller.bus
    rect = page.table.visualRect(page.model.index(2, M.COL_LOCATION))
    with qtbot.waitSignal(bus.openRequested, timeout=2000) as opened:
        # A real double click: press and release, then the double-click press.
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [page.model.row_at(2).id]

    _click_row(qtbot, page, 4)
    with qtbot.waitSignal(bus.openRequested, timeout=2000) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [page.model.row_at(4).id]


def test_new_ticket_button_and_ctrl_n(ui, page, qtbot) -> None:
    with qtbot.waitSignal(ui.controller.tickets.newTicketRequested, timeout=2000):
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    # Ctrl+N in the list asks once: the page's own shortcut, or the main window's when it
    # offers one everywhere (two owners of one key would make Qt run neither).
    requests = []
    page.newTicketRequested.connect(lambda: requests.append("page"))
    if hasattr(ui.window, "newTicketRequested"):
        ui.window.newTicketRequested.connect(lambda: requests.append("window"))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(requests) == 1, timeout=2000)
    assert len(requests) == 1


# ---------------------------------------------------------------------------------------------
# Ageing colours and the overdue badge
# ---------------------------------------------------------------------------------------------


def test_ageing_and_overdue_roles_follow_the_sla_rules(ui, page, demo_db, qtbot) -> None:
    _click_quick(qtbot, page, "open")
    model = page.model
    rows = _load_all(page)
    with demo_db.sessions() as session:
        tickets = {t.id: t for t in session.scalars(select(Ticket).where(Ticket.id.in_([r.id for r in rows])))}
    bands, overdue = set(), 0
    for number, row in enumerate(rows):
        ticket = tickets[row.id]
        band = int(age_band(ticket.reported_at, REFERENCE_NOW))
        late = any(is_overdue(ticket, t, REFERENCE_NOW) for t in Timer)
        assert model.index(number, M.COL_AGE).data(M.AgeBandRole) == band
        assert model.index(number, M.COL_AGE).data(Qt.ItemDataRole.BackgroundRole).color() == AGE_TINTS[band]
        assert model.index(number, M.COL_STATE).data(M.OverdueRole) == late
        due_colour = model.index(number, M.COL_DUE).data(Qt.ItemDataRole.ForegroundRole)
        if late:
            assert due_colour.color() == OVERDUE_RED
            assert model.index(number, M.COL_DUE).data().startswith("超时") or "Overdue" in model.index(
                number, M.COL_DUE).data()
        bands.add(band)
        overdue += late
    assert len(bands) >= 3 and overdue  # the demo data shows several bands and some overdue

    # Closed tickets get no ageing colour.
    _click_quick(qtbot, page, "all")
    page.state_combo.setCurrentIndex(page.state_combo.findText("已归档"))
    assert model.rowCount()
    assert model.index(0, M.COL_AGE).data(M.AgeBandRole) is None
    assert model.index(0, M.COL_AGE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert not model.index(0, M.COL_STATE).data(M.OverdueRole)


def test_the_ageing_bar_and_badge_are_painted(ui, page, qtbot) -> None:
    _click_quick(qtbot, page, "overdue_today")
    model, table = page.model, page.table
    row = next(r for r in range(model.rowCount()) if model.row_at(r).overdue)
    table.scrollTo(model.index(row, 0))
    image = table.viewport().grab().toImage()
    cell = table.visualRect(model.index(row, M.COL_NUMBER))
    band = model.row_at(row).age_band
    assert image.pixelColor(cell.left() + 3, cell.center().y()) == AGE_BAR_COLOURS[band]
    state = table.visualRect(model.index(row, M.COL_STATE))
    reds = [image.pixelColor(x, state.center().y()) for x in range(state.left(), state.right())]
    assert OVERDUE_RED in reds


# ---------------------------------------------------------------------------------------------
# Live: changes made elsewhere
# ---------------------------------------------------------------------------------------------


def test_the_list_follows_changes_announced_on_the_bus(ui, page, demo_db, qtbot) -> None:
    _click_quick(qtbot, page, "open")
    model = page.model
    rows = [model.row_at(r) for r in range(model.rowCount())]
    cancellable = next(r for r in rows if r.state in ("received", "diagnosing", "planning"))
    other = next(r for r in rows if r.id != cancellable.id and r.owner_id is not None)
    technician = _technician(demo_db, exclude=[other.owner_id])
    _click_row(qtbot, page, model.row_of(other.id))
    total = model.rowCount()

    with demo_db.transaction() as session:
        actor = ui.controller.user.actor(session)
        cancel(session, session.get(Ticket, cancellable.id), actor, reason="业主撤回报修",
               now=REFERENCE_NOW)
        assign_owner(session, session.get(Ticket, other.id), actor, technician.id, reason="调整",
                     now=REFERENCE_NOW)
    ui.controller.bus.changed([cancellable.id, other.id])

    assert model.row_of(cancellable.id) == -1  # cancelled: no longer open
    assert model.rowCount() == total - 1
    assert model.row_at(model.row_of(other.id)).owner_name == technician.name
    assert page.selected_ids() == [other.id]  # the selection stayed on its ticket
    with demo_db.sessions() as session:
        open_total = session.scalar(
            select(func.count()).select_from(Ticket).where(Ticket.state.in_(OPEN_STATE_VALUES))
        )
    _wait_for_count(qtbot, page, open_total)


def test_refresh_keeps_the_loaded_rows(ui, page, qtbot) -> None:
    model = page.model
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 200, timeout=3000)
    loaded = model.rowCount()
    page.table.setFocus()
    with qtbot.waitSignal(model.modelReset, timeout=2000):
        qtbot.keyClick(page.table, Qt.Key.Key_F5)
    assert model.rowCount() >= loaded


def test_countdown_text_and_ages_use_whole_units(ui, page) -> None:
    model = page.model
    model.set_now(REFERENCE_NOW)
    row = next(model.row_at(r) for r in range(model.rowCount())
               if model.row_at(r).next_due and not model.row_at(r).overdue and not model.row_at(r).paused)
    number = model.row_of(row.id)
    text = model.index(number, M.COL_DUE).data()
    assert text.startswith("剩") or text.endswith("left")
    days = (REFERENCE_NOW - row.reported_at) // dt.timedelta(days=1)
    assert str(days) in model.index(number, M.COL_AGE).data()


def test_a_page_on_its_own_answers_ctrl_n(chinese_app, qtbot) -> None:
    from app.views.ticket_list_page import TicketListPage

    page = TicketListPage(TicketTableModel())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.windowHandle().requestActivate()  # shortcuts work in the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    page.table.setFocus()
    with qtbot.waitSignal(page.newTicketRequested, timeout=2000):
        qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)


def test_a_layout_saved_before_the_new_columns_keeps_them_hidden(chinese_app, demo_db, qtbot) -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from app.gui import build_main_ui

    # The foundation's table had 11 columns; the clerk had hidden 电话 and moved 责任人 first.
    old = QTableView()
    old.setModel(QStandardItemModel(0, 11, old))
    old.horizontalHeader().setSectionHidden(M.COL_PHONE, True)
    old.horizontalHeader().moveSection(M.COL_OWNER, 0)
    QSettings().setValue("tickets/header", old.horizontalHeader().saveState())

    for _restart in range(2):
        ui = build_main_ui(demo_db, "zh_CN", QSettings())
        qtbot.addWidget(ui.window)
        ui.controller.start()
        shown = ui.controller.tickets.page.visible_columns()
        assert shown[0] == M.COL_OWNER and M.COL_PHONE not in shown
        assert M.COL_REPORTER in shown  # the old layout showed it
        assert not {M.COL_CUSTOMER, M.COL_CHANNEL, M.COL_COVERAGE, M.COL_REWORK} & set(shown)
        assert {M.COL_AGE, M.COL_DUE} <= set(shown)
        ui.window.close()


def test_the_minute_tick_marks_rows_that_fell_overdue(ui, page, qtbot) -> None:
    controller, model = ui.controller.tickets, page.model
    _click_quick(qtbot, page, "open")
    row = next(model.row_at(r) for r in range(min(model.rowCount(), 15))
               if model.row_at(r).next_due and not model.row_at(r).overdue and not model.row_at(r).paused)
    assert row.id in page.visible_row_ids()
    later = row.next_due + dt.timedelta(minutes=1)
    controller.clock = lambda: later
    controller.tick()
    number = model.row_of(row.id)
    assert model.index(number, M.COL_STATE).data(M.OverdueRole)
    assert model.index(number, M.COL_DUE).data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_RED
