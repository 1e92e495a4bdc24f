"""Performance indicators (绩效) per person and per project department, aggregated in SQL.

docs/kpi.md is the contract: every number here follows the definition written there. Each
indicator counts the tickets whose *deciding event* falls in the period (local calendar days,
Asia/Shanghai): the acceptance for handled / rework / satisfaction / first-time fix, the
response for the response time, the completion report for the on-time rate, and each failed
acceptance, reopening or low score for complaints. A person is the ticket's current owner
(责任人); a department is the project department of the ticket's project.

At most four grouped queries per call whatever the number of tickets or people, one per
deciding time, each over that time's month figures (app/analytics/month_stats.py: stored per
whole month, counted from the tickets for a month cut by the period). The same queries,
grouped by calendar month as well, give the per-row trend (`kpi_trends`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Float, cast, func, literal_column, null, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.analytics.month_stats import (
    COMPLETION_ON_TIME,
    REWORK_FAILED_ACCEPTANCE,
    REWORK_REOPENED,
    REWORKED,
    Source,
    month_index,
    refresh,
    source_rows,
    sum_if,
)
from app.analytics.periods import Period, month, months_of
from app.models.people import OrgUnit, Staff
from app.models.project import Project

# A score at or below this is a complaint (1 很不满意, 2 不满意).
LOW_SATISFACTION = 2

BY_PERSON, BY_DEPARTMENT = "person", "department"
GROUPINGS = (BY_PERSON, BY_DEPARTMENT)
ALL_PROJECTS = "全部项目"
TOTALS_NAME = "合计"
# A period shorter than this many months gets a trend over the months ending with it.
MIN_TREND_MONTHS = 3
TREND_MONTHS_BEFORE = 6


@dataclass(frozen=True)
class KpiDefinition:
    identifier: str  # KpiRow attribute
    name: str  # 中文名称, the column header
    unit: str
    definition: str  # one sentence for the tooltip; docs/kpi.md has the full rule

    @property
    def is_rate(self) -> bool:
        """A fraction 0–1, shown as a percentage."""
        return self.unit == "%"


KPI_DEFINITIONS: tuple[KpiDefinition, ...] = (
    KpiDefinition("handled", "处理量", "单",
                  "统计期内验收通过的报修单数（按验收通过时间归期，归属当前责任人）。"),
    KpiDefinition("mean_response_hours", "平均响应时长", "小时",
                  "统计期内接单响应的报修单，从报修时间到接单响应时间的平均小时数（含暂停时间）。"),
    KpiDefinition("on_time_rate", "按时完工率", "%",
                  "统计期内完工报验的报修单中，完工时间不晚于完工时限的比例。"),
    KpiDefinition("rework_rate", "返修率", "%",
                  "统计期内验收通过的报修单中，曾经返修（验收不通过或重新打开）的比例。"),
    KpiDefinition("mean_satisfaction", "平均满意度", "分",
                  "统计期内验收通过的报修单的业主满意度评分（1–5 分）平均值。"),
    KpiDefinition("first_time_fix_rate", "一次修复率", "%",
                  "统计期内验收通过的报修单中，从未返修、从未重新打开即一次验收通过的比例。"),
    KpiDefinition("complaints", "投诉数", "次",
                  "统计期内发生的：满意度 ≤ 2 分的验收、验收不通过、已归档后重新打开，每次计 1 次。"),
)
KPI_IDS: tuple[str, ...] = tuple(d.identifier for d in KPI_DEFINITIONS)


def kpi_definition(identifier: str) -> KpiDefinition:
    """The definition of one indicator by its KpiRow attribute name."""
    for definition in KPI_DEFINITIONS:
        if definition.identifier == identifier:
            return definition
    raise KeyError(f"unknown KPI {identifier!r}; known: {', '.join(KPI_IDS)}")


@dataclass(frozen=True)
class KpiRow:
    """One person's or department's indicators for a period; None where nothing was counted.

    The counts beside each rate are its numerator and denominator, so a table can show
    "3/4" and a chart can weigh rows.
    """

    key: uuid.UUID | None  # staff id, department (org unit) id, or None for the totals
    name: str
    handled: int  # accepted in the period
    responded: int
    mean_response_hours: float | None
    completed: int  # completion reported in the period
    completed_on_time: int
    on_time_rate: float | None  # 0–1
    reworked: int  # of `handled`, rework_count ≥ 1
    rework_rate: float | None  # 0–1
    rated: int  # of `handled`, with a score
    mean_satisfaction: float | None  # 1–5
    first_time_fixed: int  # of `handled`, rework_count = 0
    first_time_fix_rate: float | None  # 0–1
    low_scores: int  # accepted in the period with a score ≤ LOW_SATISFACTION
    failed_acceptances: int  # 验收不通过 in the period
    reopenings: int  # 重新打开 in the period
    complaints: int  # low_scores + failed_acceptances + reopenings


@dataclass(frozen=True)
class KpiTable:
    """Everything the 绩效 page and its Excel export show for one period and scope."""

    period: Period
    by: str  # BY_PERSON or BY_DEPARTMENT
    scope: str  # ALL_PROJECTS or the project's name
    rows: list[KpiRow]
    totals: KpiRow
    trend_kpi: str  # the KpiRow attribute the trends follow
    trend_months: list[Period]  # the months of the trend, oldest first
    trends: dict[uuid.UUID, list[float | None]] = field(default_factory=dict)

    def trend(self, key: uuid.UUID | None) -> list[float | None]:
        """The trend of one row (no value in every month when nothing was counted)."""
        return self.trends.get(key) or [None] * len(self.trend_months)


def kpis_by_person(
    session: Session, start: dt.date, end: dt.date, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> list[KpiRow]:
    """Indicators per responsible owner for local days start … end (both included), by name."""
    facts = _per_key(_facts(session, Period(start, end), BY_PERSON, project_id, department_id))
    return _named(facts, _names(session, BY_PERSON, facts))


def kpis_by_department(
    session: Session, start: dt.date, end: dt.date, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> list[KpiRow]:
    """Indicators per project department (of the ticket's project), by name."""
    facts = _per_key(_facts(session, Period(start, end), BY_DEPARTMENT, project_id, department_id))
    return _named(facts, _names(session, BY_DEPARTMENT, facts))


def kpi_totals(
    session: Session, start: dt.date, end: dt.date, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> KpiRow:
    """The same indicators over the whole scope (all tickets, one project or one department)."""
    facts = _facts(session, Period(start, end), None, project_id, department_id)
    return _row(None, TOTALS_NAME, _per_key(facts).get(None))


def monthly_kpis(
    session: Session, period: Period, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> list[KpiRow]:
    """The totals' indicators for each calendar month of the period (cut to it), in order."""
    months = months_of(period)
    facts = _facts(session, period, None, project_id, department_id, months=months)
    return [_row(None, TOTALS_NAME, facts.get((None, i))) for i in range(len(months))]


def trend_months(period: Period) -> list[Period]:
    """The months a row's trend covers: the period's own months, or — for a period shorter
    than MIN_TREND_MONTHS (a month) — the TREND_MONTHS_BEFORE whole months ending with it,
    since one point is no trend."""
    months = months_of(period)
    if len(months) >= MIN_TREND_MONTHS:
        return months
    last = month(period.last.year, period.last.month)
    first_index = period.last.year * 12 + period.last.month - 1 - (TREND_MONTHS_BEFORE - 1)
    first = month(first_index // 12, first_index % 12 + 1)
    return months_of(Period(first.first, last.last))


def kpi_trends(
    session: Session, period: Period, by: str | None = BY_PERSON, kpi: str = "handled", *,
    project_id: uuid.UUID | None = None, department_id: uuid.UUID | None = None,
) -> dict[uuid.UUID | None, list[float | None]]:
    """One indicator per person or department and calendar month of `period` (cut to it).

    {key: [value of months_of(period)[0], …]}; a month with nothing counted has 0 for a count
    and None for a rate or mean. Keys with nothing counted in the whole period are absent.
    Only the queries the indicator needs run, each grouped by (key, month) in one pass.
    """
    kpi_definition(kpi)  # refuse an unknown name before any query
    months = months_of(period)
    facts = _facts(session, period, by, project_id, department_id, months=months,
                   sources=_SOURCES[kpi])
    keys = {key for key, _index in facts if key is not None or by is None}
    return {
        key: [getattr(_row(key, "", facts.get((key, index))), kpi) for index in range(len(months))]
        for key in keys
    }


def kpi_table(
    session: Session, period: Period, by: str = BY_PERSON, *, project_id: uuid.UUID | None = None,
    trend_kpi: str | None = "handled",
) -> KpiTable:
    """The rows and the totals (from one set of grouped queries: the totals are the sum of
    every group, the owner-less tickets' included) and, unless `trend_kpi` is None, each row's
    trend of `trend_kpi` over `trend_months(period)`."""
    if by not in GROUPINGS:
        raise ValueError(f"group by one of {GROUPINGS}, not {by!r}")
    months = trend_months(period)
    refresh(session, period, Period(months[0].first, months[-1].last))  # before any read
    facts = _per_key(_facts(session, period, by, project_id, None))
    rows = _named(facts, _names(session, by, facts))
    totals = _row(None, TOTALS_NAME, _combined(facts.values()))
    trends = {}
    if trend_kpi is not None:
        trends = kpi_trends(session, Period(months[0].first, months[-1].last), by, trend_kpi,
                            project_id=project_id)
    scope = ALL_PROJECTS
    if project_id is not None:
        scope = session.scalar(select(Project.name).where(Project.id == project_id)) or ""
    return KpiTable(period, by, scope, rows, totals, trend_kpi or "", months, trends)


# ---------------------------------------------------------------------------------------------
# The queries
# ---------------------------------------------------------------------------------------------

# One query per deciding time (month_stats.Source); which of them each indicator needs.
_ACCEPTED, _RESPONDED, _COMPLETED, _REWORK = (
    Source.ACCEPTED, Source.RESPONDED, Source.COMPLETED, Source.REWORK)
_ALL_SOURCES = frozenset({_ACCEPTED, _RESPONDED, _COMPLETED, _REWORK})
_SOURCES: dict[str, frozenset[Source]] = {
    "handled": frozenset({_ACCEPTED}),
    "mean_response_hours": frozenset({_RESPONDED}),
    "on_time_rate": frozenset({_COMPLETED}),
    "rework_rate": frozenset({_ACCEPTED}),
    "mean_satisfaction": frozenset({_ACCEPTED}),
    "first_time_fix_rate": frozenset({_ACCEPTED}),
    "complaints": frozenset({_ACCEPTED, _REWORK}),
}

FactKey = tuple[Any, int]  # (person / department id or None, month index or 0)


def _measures(source: Source, rows) -> list[ColumnElement]:
    """The additive measures one source gives (sums, not means: facts of several groups or
    months then add up, for totals and periods)."""
    c = rows.c
    if source == _ACCEPTED:
        return [
            func.sum(c.n).label("handled"),
            sum_if(rows, c.status == REWORKED).label("reworked"),
            sum_if(rows, c.score.is_not(None)).label("rated"),
            func.sum(cast(c.score * c.n, Float)).label("satisfaction_sum"),
            sum_if(rows, c.status != REWORKED).label("first_time"),
            sum_if(rows, c.score <= LOW_SATISFACTION).label("low_scores"),
        ]
    if source == _RESPONDED:
        return [func.sum(c.n).label("responded"), func.sum(c.hours).label("response_hours")]
    if source == _COMPLETED:
        return [func.sum(c.n).label("completed"),
                sum_if(rows, c.status == COMPLETION_ON_TIME).label("on_time")]
    return [sum_if(rows, c.status == REWORK_FAILED_ACCEPTANCE).label("failed_acceptances"),
            sum_if(rows, c.status == REWORK_REOPENED).label("reopenings")]


def _source_query(session: Session, source: Source, period: Period, by: str | None, months,
                  project_id, department_id):
    """One source's measures per key (and month of `months`), from the month figures."""
    rows = source_rows(session, source, period, by_month=bool(months))
    index = month_index(rows, months)
    if by == BY_PERSON:
        key = rows.c.owner_id
    elif by == BY_DEPARTMENT:
        key = Project.project_dept_id
    elif by is None:
        key = None
    else:
        raise ValueError(f"group by one of {GROUPINGS}, not {by!r}")
    query = select((key if key is not None else null()).label("key"), index.label("month"),
                   *_measures(source, rows)).select_from(rows)
    if by == BY_DEPARTMENT or department_id is not None:
        query = query.join(Project, Project.id == rows.c.project_id)
    if project_id is not None:
        query = query.where(rows.c.project_id == project_id)
    if department_id is not None:
        query = query.where(Project.project_dept_id == department_id)
    groups = [] if key is None else [key]
    if months and len(months) > 1:  # one month: the index is the constant 0
        groups.append(literal_column("month"))
    return query.group_by(*groups) if groups else query


def _facts(
    session: Session, period: Period, by: str | None, project_id, department_id, *,
    months: list[Period] | None = None, sources: Iterable[Source] = _ALL_SOURCES,
) -> dict[FactKey, dict[str, Any]]:
    """{(key, month index): {measure: value}} from the month figures of `sources`."""
    refresh(session, period)
    facts: dict[FactKey, dict[str, Any]] = {}
    for source in sorted(set(sources)):
        query = _source_query(session, source, period, by, months, project_id, department_id)
        for row in session.execute(query):
            values = row._asdict()
            facts.setdefault((values.pop("key"), int(values.pop("month"))), {}).update(values)
    return facts


# ---------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------


def _per_key(facts: dict[FactKey, dict[str, Any]]) -> dict[Any, dict[str, Any]]:
    """Facts without months (month index 0) keyed by person / department alone."""
    return {key: values for (key, _index), values in facts.items()}


def _combined(groups: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The facts of several groups as one: every measure is a count or a sum, so they add."""
    total: dict[str, Any] = {}
    for values in groups:
        for name, value in values.items():
            if value is not None:
                total[name] = total.get(name, 0) + value
    return total


def _names(session: Session, by: str, keys: Iterable[Any]) -> dict[uuid.UUID, str]:
    entity = Staff if by == BY_PERSON else OrgUnit
    ids = [key for key in set(keys) if key is not None]
    if not ids:
        return {}
    return dict(session.execute(select(entity.id, entity.name).where(entity.id.in_(ids))).all())


def _named(facts: dict, names: dict[uuid.UUID, str]) -> list[KpiRow]:
    # Tickets without an owner (still waiting for dispatch) count only in totals and departments.
    rows = [_row(key, names.get(key, ""), values) for key, values in facts.items() if key is not None]
    return sorted(rows, key=lambda row: (row.name, str(row.key)))


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _row(key: uuid.UUID | None, name: str, values: dict | None) -> KpiRow:
    v = values or {}

    def n(name: str) -> int:
        return int(v.get(name) or 0)

    def mean(total: str, count: int) -> float | None:
        value = v.get(total)
        return float(value) / count if count and value is not None else None

    handled, completed = n("handled"), n("completed")
    low, failed, reopened = n("low_scores"), n("failed_acceptances"), n("reopenings")
    responded, rated = n("responded"), n("rated")
    return KpiRow(
        key=key,
        name=name,
        handled=handled,
        responded=responded,
        mean_response_hours=mean("response_hours", responded),
        completed=completed,
        completed_on_time=n("on_time"),
        on_time_rate=_ratio(n("on_time"), completed),
        reworked=n("reworked"),
        rework_rate=_ratio(n("reworked"), handled),
        rated=rated,
        mean_satisfaction=mean("satisfaction_sum", rated),
        first_time_fixed=n("first_time"),
        first_time_fix_rate=_ratio(n("first_time"), handled),
        low_scores=low,
        failed_acceptances=failed,
        reopenings=reopened,
        complaints=low + failed + reopened,
    )
