"""The main window driven as a clerk would: filters, search, sorting, paging, settings."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt
from sqlalchemy import func, select

from app.models import Ticket
from app.views.ticket_table_model import TicketTableModel
from tests.gui.typing_helpers import type_chinese


def _page(ui):
    return ui.controller.tickets.page


def _wait_for_count(qtbot, ui) -> None:
    qtbot.waitUntil(lambda: "共" in _page(ui).count_label.text(), timeout=5000)


def _db_count(db, *where) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(Ticket).where(*where))


def test_window_lists_demo_tickets_in_chinese(ui, demo_db, qtbot) -> None:
    window = ui.window
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == ["工作台", "报修单", "看板", "项目", "客户", "回访", "复盘", "报表", "知识库", "设置", "冲突"]
    assert window.current_page() == "tickets"
    assert str(demo_db.path) in window.db_label.text()
    assert demo_db.installation_code in window.installation_label.text()
    model = _page(ui).table.model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "报修单号"
    assert 0 < model.rowCount() <= 200  # one page, not every row
    _wait_for_count(qtbot, ui)
    assert _page(ui).count_label.text() == f"共 {_db_count(demo_db)} 张报修单"


def test_state_filter_shows_only_that_state(ui, demo_db, qtbot) -> None:
    page = _page(ui)
    index = page.state_combo.findText("维修实施")
    page.state_combo.setCurrentIndex(index)
    _wait_for_count(qtbot, ui)
    model = page.table.model()
    states = {model.row_at(r).state for r in range(model.rowCount())}
    assert states == {"in_repair"}
    assert model.index(0, TicketTableModel.COL_STATE).data().startswith("维修实施")
    expected = _db_count(demo_db, Ticket.state == "in_repair")
    assert page.count_label.text() == f"共 {expected} 张报修单"


def test_typing_a_two_character_term_searches(ui, demo_db, qtbot) -> None:
    page = _page(ui)
    type_chinese(page.search_edit, "渗")
    type_chinese(page.search_edit, "水")
    assert page.search_text() == "渗水"
    model = page.table.model()
    qtbot.waitUntil(
        lambda: "共" in page.count_label.text()
        and all("渗水" in model.row_at(r).description for r in range(model.rowCount())),
        timeout=5000,
    )
    expected = _db_count(demo_db, Ticket.description.contains("渗水"))
    assert expected > 0
    assert page.count_label.text() == f"共 {expected} 张报修单"


def test_clicking_the_number_header_sorts_by_number(ui, qtbot) -> None:
    page = _page(ui)
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(TicketTableModel.COL_NUMBER) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    model = page.table.model()
    numbers = [model.row_at(r).number for r in range(model.rowCount())]
    assert numbers == sorted(numbers) or numbers == sorted(numbers, reverse=True)
    assert header.sortIndicatorSection() == TicketTableModel.COL_NUMBER


def test_scrolling_to_the_end_fetches_the_next_page(ui, demo_db, qtbot) -> None:
    page = _page(ui)
    model = page.table.model()
    first = model.rowCount()
    total = _db_count(demo_db)
    assert first < total
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > first, timeout=3000)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total
    assert len({model.row_at(r).id for r in range(total)}) == total


def test_placeholder_pages_say_they_are_not_there_yet(ui, qtbot) -> None:
    ui.window.show_page("followups")  # 回访 comes with a later issue
    page = ui.window.pages.currentWidget()
    texts = " ".join(label.text() for label in page.findChildren(type(ui.window.db_label)))
    assert "本版本尚未提供此功能" in texts


def test_choosing_who_works_here_is_remembered(ui, demo_db, qtbot) -> None:
    from app.models.people import Staff

    ui.window.show_page("settings")
    combo = ui.window.page("settings").user_combo
    assert combo.count() > 1
    target = next(i for i in range(combo.count()) if combo.itemData(i) != ui.controller.user.staff_id)
    combo.setCurrentIndex(target)
    combo.activated.emit(target)
    chosen = combo.itemData(target)
    assert ui.controller.user.staff_id == chosen
    assert QSettings().value("user/staff_id") == str(chosen)
    with demo_db.sessions() as session:
        assert session.get(Staff, chosen).name in ui.window.user_label.text()


def test_choosing_english_is_remembered_and_asks_for_a_restart(ui, qtbot) -> None:
    ui.window.show_page("settings")
    settings_page = ui.window.page("settings")
    combo = settings_page.language_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # 简体中文 → English
    assert combo.currentData() == "en"
    assert QSettings().value("ui/language") == "en"
    assert settings_page.restart_button.isVisibleTo(settings_page)


def test_window_geometry_is_remembered(chinese_app, demo_db, qtbot) -> None:
    from app.gui import build_main_ui

    first = build_main_ui(demo_db, "zh_CN", QSettings())
    qtbot.addWidget(first.window)
    first.controller.start()
    first.window.resize(1111, 777)
    first.window.show_page("settings")
    first.window.close()

    second = build_main_ui(demo_db, "zh_CN", QSettings())
    qtbot.addWidget(second.window)
    second.controller.start()
    assert (second.window.width(), second.window.height()) == (1111, 777)
    assert second.window.current_page() == "settings"


def test_conflicts_entry_appears_once_sync_is_set_up(ui) -> None:
    window = ui.window
    entry = window.sidebar.item(window.sidebar.count() - 1)
    assert entry.text() == "冲突" and entry.isHidden()  # no shared server on this desk
    ui.sync.stateShown.emit(False, 2)  # conflicts left from an earlier server: still shown
    assert not entry.isHidden() and entry.text() == "冲突 (2)"
    ui.sync.stateShown.emit(True, 0)
    assert not entry.isHidden() and entry.text() == "冲突"
    ui.sync.stateShown.emit(False, 0)
    assert entry.isHidden()
