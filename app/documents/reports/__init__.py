"""Summary reports (保修工作总结, monthly / quarterly) and the annual white paper as PDF."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.analytics.periods import Period
from app.documents.reports import summary, white_paper
from app.documents.reports.gather import ReportData, gather
from app.documents.reports.kinds import (
    REPORT_TITLE_ZH,
    PeriodError,
    ReportKind,
    check_period,
    default_file_name,
    parse_month,
    parse_quarter,
    parse_year,
    period_label,
)
from app.documents.reports.template import ReportHeader, build_report, report_styles
from app.models.base import to_local


def render_data(data: ReportData) -> bytes:
    """Lay out a gathered report (no database needed)."""
    st = report_styles()
    annual = data.kind == ReportKind.ANNUAL
    story = white_paper.story(data, st) if annual else summary.story(data, st)
    title = REPORT_TITLE_ZH[data.kind]
    header = ReportHeader(
        title=title,
        period_label=data.label,
        company=data.company,
        created=to_local(data.now).replace(tzinfo=None),
        subject=f"{title} {data.label}",
        keywords=f"{title} {data.label} 保修 报表",
    )
    return build_report(header, story, cover_page=annual)


def render_report(session: Session, kind: str, period: Period, now: dt.datetime) -> bytes:
    """The report of `kind` ("monthly", "quarterly", "annual") for `period` as PDF bytes.

    `now` (naive UTC) is when the report is made: the open-ticket snapshot and the PDF's date
    are taken at it, so the same data and `now` give byte-identical PDFs.
    """
    kind = ReportKind(kind)
    check_period(kind, period)
    return render_data(gather(session, kind, period, now))


__all__ = [
    "REPORT_TITLE_ZH",
    "PeriodError",
    "ReportKind",
    "default_file_name",
    "parse_month",
    "parse_quarter",
    "parse_year",
    "period_label",
    "render_data",
    "render_report",
]
