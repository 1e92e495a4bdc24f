"""The 绩效 table as an Excel workbook (.xlsx via openpyxl): the page's numbers and the definitions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from app.analytics.kpi import BY_PERSON, KPI_DEFINITIONS, KpiRow, KpiTable
from app.analytics.periods import Period, month, quarter, year
from app.models.base import to_local

TABLE_SHEET = "绩效"
DEFINITIONS_SHEET = "指标定义"
HEADER_ROW = 4  # title, subtitle, a blank row, then the header
# Excel's own formats: rates stay numbers (0.8 shown as 80.0%), so they sum and chart.
NUMBER_FORMATS = {"%": "0.0%", "小时": "0.0", "分": "0.00", "单": "0", "次": "0"}
_HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
_TOTALS_FILL = PatternFill("solid", fgColor="E3EBF5")
_THIN = Side(style="thin", color="C8D2E0")


def period_name(period: Period) -> str:
    """2026年10月, 2026年第3季度, 2026年, or 2026-01-15 至 2026-03-02."""
    first = period.first
    if period == month(first.year, first.month):
        return f"{first.year}年{first.month}月"
    if first.month % 3 == 1 and period == quarter(first.year, (first.month + 2) // 3):
        return f"{first.year}年第{(first.month + 2) // 3}季度"
    if period == year(first.year):
        return f"{first.year}年"
    return f"{period.first.isoformat()} 至 {period.last.isoformat()}"


def grouping_name(by: str) -> str:
    return "按人员" if by == BY_PERSON else "按项目部"


def write_kpi_workbook(table: KpiTable, path: Path | str, *,
                       generated_at: dt.datetime | None = None) -> Path:
    """Write the table (rows, then the totals row) and the definitions sheet to `path`.

    `generated_at` is stored UTC (naive) and printed in local time; the file name is the
    caller's. Returns the path written.
    """
    book = Workbook()
    sheet = book.active
    sheet.title = TABLE_SHEET
    _table_sheet(sheet, table, generated_at)
    _definitions_sheet(book.create_sheet(DEFINITIONS_SHEET))
    target = Path(path)
    book.save(target)
    return target


def _table_sheet(sheet, table: KpiTable, generated_at: dt.datetime | None) -> None:
    columns = len(KPI_DEFINITIONS) + 1
    sheet["A1"] = f"保修绩效统计 {period_name(table.period)}（{grouping_name(table.by)}）"
    sheet["A1"].font = Font(size=14, bold=True, color="1F3A5F")
    subtitle = (f"统计期 {table.period.first.isoformat()} 至 {table.period.last.isoformat()}"
                f"（北京时间）　范围：{table.scope}")
    if generated_at is not None:
        subtitle += f"　生成于 {to_local(generated_at):%Y-%m-%d %H:%M}"
    sheet["A2"] = subtitle
    sheet["A2"].font = Font(color="555555")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=columns)

    headers = ["人员" if table.by == BY_PERSON else "项目部"]
    headers += [d.name if d.unit == "%" else f"{d.name}（{d.unit}）" for d in KPI_DEFINITIONS]
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(HEADER_ROW, column, text)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    # The header's comment-free tooltip in Excel is the definitions sheet; freeze it in view.
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 2)

    row_number = HEADER_ROW
    for row in [*table.rows, table.totals]:
        row_number += 1
        _write_row(sheet, row_number, row)
    for column in range(1, columns + 1):
        cell = sheet.cell(row_number, column)
        cell.font = Font(bold=True)
        cell.fill = _TOTALS_FILL
    if table.rows:
        sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(columns)}{row_number - 1}"

    sheet.column_dimensions["A"].width = 18
    for column in range(2, columns + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 14
    sheet.row_dimensions[HEADER_ROW].height = 32
    note_row = row_number + 2
    sheet.cell(note_row, 1, "空白表示统计期内无可计算的数据（分母为 0），不是 0。"
               "各指标的口径见“指标定义”工作表。").font = Font(color="777777", italic=True)


def _write_row(sheet, row_number: int, row: KpiRow) -> None:
    sheet.cell(row_number, 1, row.name)
    for column, definition in enumerate(KPI_DEFINITIONS, start=2):
        value = getattr(row, definition.identifier)
        cell = sheet.cell(row_number, column, value)
        cell.number_format = NUMBER_FORMATS.get(definition.unit, "General")
        cell.border = Border(bottom=_THIN)


def _definitions_sheet(sheet) -> None:
    sheet.append(["指标", "单位", "定义", "字段"])
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _HEADER_FILL
    for definition in KPI_DEFINITIONS:
        sheet.append([definition.name, definition.unit, definition.definition,
                      definition.identifier])
    sheet.append([])
    sheet.append(["说明", "", "统计期按北京时间的自然日计算；完整口径见 docs/kpi.md。", ""])
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 8
    sheet.column_dimensions["C"].width = 80
    sheet.column_dimensions["D"].width = 22
    for row in sheet.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
