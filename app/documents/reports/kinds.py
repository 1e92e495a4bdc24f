"""The three reports, their periods as people write them (2026-10, 2026Q3, 2026) and names."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from app.analytics import periods
from app.analytics.periods import Period


class ReportKind(StrEnum):
    MONTHLY = "monthly"  # 月度保修工作总结
    QUARTERLY = "quarterly"  # 季度保修工作总结
    ANNUAL = "annual"  # 年度保修白皮书


REPORT_TITLE_ZH = {
    ReportKind.MONTHLY: "月度保修工作总结",
    ReportKind.QUARTERLY: "季度保修工作总结",
    ReportKind.ANNUAL: "年度保修白皮书",
}

# What the period before is called in comparisons ("较上月").
PREVIOUS_ZH = {
    ReportKind.MONTHLY: "上月",
    ReportKind.QUARTERLY: "上季度",
    ReportKind.ANNUAL: "上年",
}
_QUARTER_ZH = ("一", "二", "三", "四")
_UNIT_ZH = {ReportKind.MONTHLY: "月", ReportKind.QUARTERLY: "季度", ReportKind.ANNUAL: "年度"}


class PeriodError(ValueError):
    """A period argument that cannot be read; the message is Chinese."""


def parse_month(text: str) -> Period:
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise PeriodError(f"月份格式应为 YYYY-MM（如 2026-10），而不是 {text!r}")
    return periods.month(int(match.group(1)), int(match.group(2)))


def parse_quarter(text: str) -> Period:
    match = re.fullmatch(r"\s*(\d{4})\s*[Qq]([1-4])\s*", text or "")
    if not match:
        raise PeriodError(f"季度格式应为 YYYYQn（如 2026Q3，n 为 1–4），而不是 {text!r}")
    return periods.quarter(int(match.group(1)), int(match.group(2)))


def parse_year(text: str) -> Period:
    match = re.fullmatch(r"\s*(\d{4})\s*", text or "")
    if not match or int(match.group(1)) < 1900:
        raise PeriodError(f"年份格式应为 YYYY（如 2026），而不是 {text!r}")
    return periods.year(int(match.group(1)))


def check_period(kind: ReportKind | str, period: Period) -> None:
    """Refuse a period that is not a whole month / quarter / year of its kind."""
    kind = ReportKind(kind)
    first = period.first
    expected = {
        ReportKind.MONTHLY: lambda: periods.month(first.year, first.month),
        ReportKind.QUARTERLY: lambda: periods.quarter(first.year, (first.month - 1) // 3 + 1),
        ReportKind.ANNUAL: lambda: periods.year(first.year),
    }[kind]()
    if period != expected:
        raise PeriodError(f"统计期 {period.first} 至 {period.last} 不是一个完整的{_UNIT_ZH[kind]}")


def period_label(kind: ReportKind | str, period: Period) -> str:
    """2026年10月 / 2026年第三季度 / 2026年度."""
    kind = ReportKind(kind)
    if kind == ReportKind.MONTHLY:
        return f"{period.first.year}年{period.first.month}月"
    if kind == ReportKind.QUARTERLY:
        return f"{period.first.year}年第{_QUARTER_ZH[(period.first.month - 1) // 3]}季度"
    return f"{period.first.year}年度"


def period_range(period: Period) -> str:
    """2026年10月1日至2026年10月31日."""

    def day(d: dt.date) -> str:
        return f"{d.year}年{d.month}月{d.day}日"

    return f"{day(period.first)}至{day(period.last)}"


def previous_period(kind: ReportKind | str, period: Period) -> Period:
    """The month, quarter or year before."""
    kind = ReportKind(kind)
    day_before = period.first - dt.timedelta(days=1)
    if kind == ReportKind.MONTHLY:
        return periods.month(day_before.year, day_before.month)
    if kind == ReportKind.QUARTERLY:
        return periods.quarter(day_before.year, (day_before.month - 1) // 3 + 1)
    return periods.year(day_before.year)


def year_before(kind: ReportKind | str, period: Period) -> Period:
    """The same month, quarter or year one year earlier."""
    kind = ReportKind(kind)
    first = period.first
    if kind == ReportKind.MONTHLY:
        return periods.month(first.year - 1, first.month)
    if kind == ReportKind.QUARTERLY:
        return periods.quarter(first.year - 1, (first.month - 1) // 3 + 1)
    return periods.year(first.year - 1)


def default_file_name(kind: ReportKind | str, period: Period) -> str:
    """年度保修白皮书-2026年度.pdf"""
    kind = ReportKind(kind)
    return f"{REPORT_TITLE_ZH[kind]}-{period_label(kind, period)}.pdf"
