"""The 绩效 Excel export (app/analytics/kpi_workbook.py), read back with openpyxl."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.analytics import periods
from app.analytics.kpi import (
    BY_DEPARTMENT,
    BY_PERSON,
    KPI_DEFINITIONS,
    kpi_table,
    kpis_by_department,
    kpis_by_person,
)
from app.analytics.kpi_workbook import (
    DEFINITIONS_SHEET,
    HEADER_ROW,
    TABLE_SHEET,
    period_name,
    write_kpi_workbook,
)
from app.analytics.periods import Period
from app.models import Project, Ticket


def _latest_year(session) -> int:
    return session.scalar(select(func.max(Ticket.reported_at))).year


def test_workbook_has_the_numbers_of_kpis_by_person(demo_db, tmp_path):
    with demo_db.sessions() as session:
        period = periods.year(_latest_year(session) - 1)
        table = kpi_table(session, period, BY_PERSON)
        expected = kpis_by_person(session, period.first, period.last)
    path = write_kpi_workbook(table, tmp_path / "绩效.xlsx",
                              generated_at=dt.datetime(2026, 11, 24, 2, 5))

    book = load_workbook(path)
    assert book.sheetnames == [TABLE_SHEET, DEFINITIONS_SHEET]
    sheet = book[TABLE_SHEET]
    assert sheet["A1"].value == f"保修绩效统计 {period.first.year}年（按人员）"
    assert "范围：全部项目" in sheet["A2"].value and "生成于 2026-11-24 10:05" in sheet["A2"].value
    header = [cell.value for cell in sheet[HEADER_ROW]]
    assert header[0] == "人员"
    assert header[1:] == [d.name if d.unit == "%" else f"{d.name}（{d.unit}）" for d in KPI_DEFINITIONS]

    body = list(sheet.iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + len(expected)))
    assert len(expected) > 5
    for cells, row in zip(body, expected, strict=True):
        assert cells[0].value == row.name
        for cell, definition in zip(cells[1:], KPI_DEFINITIONS, strict=True):
            value = getattr(row, definition.identifier)
            if value is None:
                assert cell.value is None  # no value is an empty cell, never 0
            else:
                assert isinstance(cell.value, int | float)  # numbers, not text
                assert cell.value == pytest.approx(value)
            if definition.unit == "%":
                assert cell.number_format == "0.0%"  # a percentage in Excel's own format
    totals = [cell.value for cell in sheet[HEADER_ROW + len(expected) + 1]]
    assert totals[0] == "合计"
    assert totals[1] == table.totals.handled == sum(row.handled for row in expected)
    assert totals[7] == table.totals.complaints

    definitions = list(book[DEFINITIONS_SHEET].iter_rows(min_row=2, max_row=1 + len(KPI_DEFINITIONS),
                                                         values_only=True))
    assert [(r[0], r[1], r[2], r[3]) for r in definitions] == [
        (d.name, d.unit, d.definition, d.identifier) for d in KPI_DEFINITIONS]


def test_workbook_per_department_for_one_project_and_empty_period(demo_db, tmp_path):
    with demo_db.sessions() as session:
        project_id, name = session.execute(select(Project.id, Project.name).limit(1)).one()
        period = periods.quarter(_latest_year(session), 1)
        table = kpi_table(session, period, BY_DEPARTMENT, project_id=project_id)
        expected = kpis_by_department(session, period.first, period.last, project_id=project_id)
        empty = kpi_table(session, periods.month(2001, 1), BY_PERSON)
    sheet = load_workbook(write_kpi_workbook(table, tmp_path / "dept.xlsx"))[TABLE_SHEET]
    assert sheet["A1"].value.endswith("第1季度（按项目部）")
    assert f"范围：{name}" in sheet["A2"].value
    assert sheet.cell(HEADER_ROW, 1).value == "项目部"
    assert [sheet.cell(HEADER_ROW + 1 + i, 1).value for i in range(len(expected))] == [
        row.name for row in expected]

    sheet = load_workbook(write_kpi_workbook(empty, tmp_path / "empty.xlsx"))[TABLE_SHEET]
    totals = [cell.value for cell in sheet[HEADER_ROW + 1]]
    assert totals == ["合计", 0, None, None, None, None, None, 0]


def test_period_names():
    assert period_name(periods.month(2026, 10)) == "2026年10月"
    assert period_name(periods.quarter(2026, 3)) == "2026年第3季度"
    assert period_name(periods.year(2026)) == "2026年"
    assert period_name(Period(dt.date(2026, 1, 15), dt.date(2026, 3, 2))) == "2026-01-15 至 2026-03-02"
