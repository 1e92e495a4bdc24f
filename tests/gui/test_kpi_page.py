"""The 报表 page driven as a manager would: choose a period and grouping, sort, read the
tooltips, export to Excel, follow a ticket change, and make a monthly report — each checked
against the database (the KPI queries) or the written files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from app.analytics import periods
from app.analytics.kpi import KPI_DEFINITIONS, kpi_totals, kpis_by_department, kpis_by_person
from app.analytics.kpi_workbook import HEADER_ROW, TABLE_SHEET
from app.controllers.reports_controller import ReportsPageController, last_complete
from app.controllers.ticket_bus import TicketBus
from app.demo.generator import REFERENCE_NOW
from app.models import Staff, Ticket
from app.models.ticket_actions import reopen
from app.models.vocabulary import Role
from app.views.kpi_page import EMPTY, KPI_COLUMNS, KpiPage, KpiTableModel
from app.views.reports_page import ReportsPage

KPI_IDS = [identifier for identifier, _title in KPI_COLUMNS]
LOAD_MS = 20_000


class ReportsUi:
    def __init__(self, db, qtbot) -> None:
        self.db, self.qtbot = db, qtbot
        self.bus = TicketBus()
        self.page = ReportsPage()
        self.page.resize(1234, 708)
        qtbot.addWidget(self.page)
        self.controller = ReportsPageController(db, self.page, self.bus,
                                                clock=lambda: REFERENCE_NOW)
        self.kpi_page: KpiPage = self.page.kpi
        self.kpi = self.controller.kpi

    def start(self) -> None:
        self.loaded_after(lambda: (self.controller.start(), self.page.show()))

    def loaded_after(self, action, signal=None) -> object:
        """Do `action` and wait for the table and its trends on screen; the KpiTable."""
        with self.qtbot.waitSignal(signal or self.kpi.trendsLoaded, timeout=LOAD_MS) as blocker:
            action()
        return blocker.args[0]

    # -- what the table shows, in view order -----------------------------------------------
    def rows(self) -> list:
        proxy = self.kpi_page.proxy
        return [proxy.index(r, 0).data(KpiTableModel.RowRole) for r in range(proxy.rowCount())]

    def column_values(self, kpi: str) -> list:
        return [getattr(row, kpi) for row in self.rows()]

    def click_header(self, column: int) -> None:
        header = self.kpi_page.table.horizontalHeader()
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        self.qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                              pos=QPoint(x, header.height() // 2))


@pytest.fixture
def reports(chinese_app, demo_db, qtbot) -> ReportsUi:
    ui = ReportsUi(demo_db, qtbot)
    ui.start()
    return ui


def _choose_year(ui: ReportsUi, year: int) -> None:
    """年度 in the period kind combo (keyboard), then type the year into the spin box."""
    chooser = ui.kpi_page.period_chooser
    ui.qtbot.keyClick(chooser.kind_combo, Qt.Key.Key_End)  # 月度 → … → 年度
    assert chooser.kind_combo.currentData() == "year"
    chooser.year_spin.selectAll()
    ui.qtbot.keyClicks(chooser.year_spin, str(year))
    ui.qtbot.keyClick(chooser.year_spin, Qt.Key.Key_Return)


def _same(a, b) -> bool:
    return a == pytest.approx(b) if a is not None and b is not None else a is b


def test_opens_on_this_month_with_the_numbers_of_the_queries(reports):
    assert reports.kpi_page.period_chooser.selection() == ("month", 2026, 11)
    with reports.db.sessions() as session:
        expected = kpis_by_person(session, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
        totals = kpi_totals(session, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert {row.key: row for row in reports.rows()} == {row.key: row for row in expected}
    assert reports.kpi_page.totals_label.text().startswith("合计") or "Totals" in \
        reports.kpi_page.totals_label.text()
    assert str(totals.handled) in reports.kpi_page.totals_label.text()


def test_choose_a_year_and_group_by_department(reports):
    year = REFERENCE_NOW.year - 1
    table = reports.loaded_after(lambda: _choose_year(reports, year))
    assert table.period == periods.year(year)
    with reports.db.sessions() as session:
        expected = kpis_by_person(session, dt.date(year, 1, 1), dt.date(year, 12, 31))
    assert len(expected) > 3
    shown = {row.key: row for row in reports.rows()}
    for row in expected:
        assert all(_same(getattr(shown[row.key], k), getattr(row, k)) for k in KPI_IDS)
    # The cells show what the rows hold: 80.0%, 3.4, 4.21, 12.
    model = reports.kpi_page.model
    first = model.row_object(0)
    rate_cell = model.index(0, KpiTableModel.FIRST_KPI + KPI_IDS.index("on_time_rate"))
    assert rate_cell.data() == (f"{first.on_time_rate * 100:.1f}%" if first.on_time_rate is not None
                                else EMPTY)

    grouping = reports.kpi_page.grouping_combo
    reports.loaded_after(lambda: reports.qtbot.keyClick(grouping, Qt.Key.Key_Down))
    with reports.db.sessions() as session:
        departments = kpis_by_department(session, dt.date(year, 1, 1), dt.date(year, 12, 31))
    assert sorted(row.name for row in reports.rows()) == sorted(row.name for row in departments)
    assert model.headerData(0, Qt.Orientation.Horizontal) in ("项目部", "Project department")


def test_sorting_by_a_column_is_numeric_and_keeps_empty_values_last(reports):
    reports.loaded_after(lambda: _choose_year(reports, REFERENCE_NOW.year - 1))
    column = KpiTableModel.FIRST_KPI + KPI_IDS.index("mean_response_hours")
    reports.click_header(column)
    first_order = reports.column_values("mean_response_hours")
    reports.click_header(column)
    second_order = reports.column_values("mean_response_hours")
    numbers = [v for v in first_order if v is not None]
    assert len(numbers) > 3
    orders = {tuple(first_order), tuple(second_order)}
    assert tuple(sorted(numbers) + [None] * (len(first_order) - len(numbers))) in orders
    assert tuple(sorted(numbers, reverse=True) + [None] * (len(first_order) - len(numbers))) in orders
    # Handled sorts as numbers, not as text ("9" after "12").
    handled = KpiTableModel.FIRST_KPI + KPI_IDS.index("handled")
    reports.click_header(handled)
    values = reports.column_values("handled")
    assert values in (sorted(values), sorted(values, reverse=True))


def test_empty_values_stay_last_in_both_directions(chinese_app, qtbot):
    """A person with responses only has no rates: “—”, sorted after every number."""
    page = KpiPage()
    qtbot.addWidget(page)
    page.set_definitions([(d.identifier, d.name, d.unit, d.definition) for d in KPI_DEFINITIONS])

    def row(name: str, rate: float | None) -> SimpleNamespace:
        values = dict.fromkeys(KPI_IDS, 0)
        values.update(name=name, key=name, on_time_rate=rate)
        return SimpleNamespace(**values)

    rows = [row("甲", 0.5), row("乙", None), row("丙", 0.9), row("丁", 0.1), row("戊", None)]
    page.model.set_rows(rows, "person")
    column = KpiTableModel.FIRST_KPI + KPI_IDS.index("on_time_rate")
    names = []
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        page.table.sortByColumn(column, order)
        names.append([page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())])
    assert names[0][:3] == ["丁", "甲", "丙"] and set(names[0][3:]) == {"乙", "戊"}
    assert names[1][:3] == ["丙", "甲", "丁"] and set(names[1][3:]) == {"乙", "戊"}
    cell = page.proxy.index(4, column)
    assert cell.data() == EMPTY


def test_header_tooltips_give_each_definition(reports):
    model = reports.kpi_page.proxy
    for offset, definition in enumerate(KPI_DEFINITIONS):
        tip = model.headerData(KpiTableModel.FIRST_KPI + offset, Qt.Orientation.Horizontal,
                               Qt.ItemDataRole.ToolTipRole)
        assert definition.definition in tip and definition.name in tip
    trend_tip = model.headerData(KpiTableModel.COL_TREND, Qt.Orientation.Horizontal,
                                 Qt.ItemDataRole.ToolTipRole)
    assert "处理量" in trend_tip and "2026-06" in trend_tip and "2026-11" in trend_tip
    # A rate cell says what it is made of.
    rows = reports.rows()
    index = next(i for i, row in enumerate(rows) if row.completed)
    cell = model.index(index, KpiTableModel.FIRST_KPI + KPI_IDS.index("on_time_rate"))
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert str(rows[index].completed) in tip and str(rows[index].completed_on_time) in tip


def test_trend_column_follows_the_chosen_indicator(reports):
    combo = reports.kpi_page.trend_combo
    rows_before = reports.rows()
    with reports.qtbot.assertNotEmitted(reports.kpi.loaded):  # only the trends are computed
        table = reports.loaded_after(
            lambda: reports.qtbot.keyClick(combo, Qt.Key.Key_End))  # the last: 投诉数
    assert reports.rows() == rows_before
    assert table.trend_kpi == "complaints" and len(table.trend_months) == 6
    model = reports.kpi_page.model
    for r, row in enumerate(reports.kpi_page.model._rows):
        values = model.index(r, KpiTableModel.COL_TREND).data(Qt.ItemDataRole.UserRole + 20)
        # The last month of the trend is the table's own month.
        assert values[-1] == row.complaints
    assert reports.kpi_page.table.grab().width() > 0  # the sparkline delegate paints


def test_export_to_excel_writes_the_numbers_shown(reports, tmp_path, monkeypatch):
    reports.loaded_after(lambda: _choose_year(reports, REFERENCE_NOW.year - 1))
    target = tmp_path / "绩效表.xlsx"
    asked = []

    def choose(_parent, _caption, name, _filter):
        asked.append(name)
        return str(target.with_suffix("")), ""  # the suffix is added when missing

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    with reports.qtbot.waitSignal(reports.kpi.exported, timeout=LOAD_MS):
        reports.qtbot.mouseClick(reports.kpi_page.export_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith(".xlsx") and "2025年" in asked[0]
    sheet = load_workbook(target)[TABLE_SHEET]
    model = reports.kpi_page.model
    written = {}
    for cells in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if cells[0] is None:
            break
        written[cells[0]] = cells[1:]
    assert written.pop("合计")[0] == reports.kpi.table.totals.handled
    assert len(written) == model.rowCount()
    for r in range(model.rowCount()):
        row = model.row_object(r)
        for c, kpi in enumerate(KPI_IDS):
            shown = model.index(r, KpiTableModel.FIRST_KPI + c).data(KpiTableModel.SortRole)
            assert _same(written[row.name][c], shown), (row.name, kpi)


def test_a_reopened_ticket_leaves_the_table_after_the_change(reports):
    """Reopening an accepted ticket of this month takes it out of 处理量 and adds a complaint."""
    period = periods.month(2026, 11)
    with reports.db.transaction() as session:
        ticket = session.scalars(select(Ticket).where(
            Ticket.state == "archived", Ticket.accepted_at >= period.utc_start,
            Ticket.owner_id.is_not(None)).limit(1)).first()
        if ticket is None:
            pytest.skip("no archived ticket accepted this month in the demo data")
        manager = session.scalars(select(Staff).where(Staff.role == Role.PROJECT_MANAGER.value,
                                                      Staff.active.is_(True))).first()
        owner = ticket.owner_id
        before = next(row for row in reports.rows() if row.key == owner)
        reopen(session, ticket, manager, reason="业主反映问题复发", now=REFERENCE_NOW)
        ticket_id = ticket.id
    reports.loaded_after(lambda: reports.bus.changed([ticket_id]))
    after = next(row for row in reports.rows() if row.key == owner)
    assert after.handled == before.handled - 1
    assert after.reopenings == before.reopenings + 1
    with reports.db.sessions() as session:
        assert session.get(Ticket, ticket_id).state == "in_repair"


def test_report_tab_generates_a_monthly_report_and_saves_it(reports, tmp_path, monkeypatch):
    panel = reports.page.report
    reports.page.tabs.setCurrentWidget(panel)
    # The last whole month is offered: October 2026 on 24 November.
    assert panel.selection() == ("monthly", 2026, 10)
    assert last_complete("quarterly", dt.date(2026, 11, 24)) == (2026, 3)
    assert last_complete("quarterly", dt.date(2026, 2, 1)) == (2025, 4)
    controller = reports.controller.reports
    pdfs = []
    controller.rendered.connect(pdfs.append)
    with reports.qtbot.waitSignal(controller.previewShown, timeout=60_000) as shown:
        reports.qtbot.mouseClick(panel.generate_button, Qt.MouseButton.LeftButton)
    dialog = shown.args[0]
    assert pdfs[0].startswith(b"%PDF-") and dialog.page_count() >= 2
    assert "月度保修工作总结" in dialog.windowTitle()
    assert not dialog.code_label.isVisible()
    assert panel.generate_button.isEnabled()
    dialog.close()

    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_args: (str(target), "")))
    reports.qtbot.keyClick(panel.kind_combo, Qt.Key.Key_Down)  # 季度总结
    assert panel.selection()[0] == "quarterly"
    with reports.qtbot.waitSignal(controller.saved, timeout=60_000):
        reports.qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    data = Path(target).read_bytes()
    assert data.startswith(b"%PDF-") and data == pdfs[-1]
