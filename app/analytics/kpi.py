"""Performance indicators (绩效) per person and per project department, aggregated in SQL.

docs/kpi.md is the contract: every number here follows the definition written there. Each
indicator counts the tickets whose *deciding event* falls in the period (local calendar days,
Asia/Shanghai): the acceptance for handled / rework / satisfaction / first-time fix, the
response for the response time, the completion report for the on-time rate, and each failed
acceptance, reopening or low score for complaints. A person is the ticket's current owner
(责任人); a department is the project department of the ticket's project.

Four grouped queries per call whatever the number of tickets or people, one per deciding
time, each a range scan of that time's index (`ix_ticket_accepted_at`, `…_responded_at`,
`…_completed_at`; the rework transitions through the events of the few reworked tickets).
The same queries, grouped by calendar month as well, give the per-row trend (`kpi_trends`).
"""

from __future__ import annotations

import datetime as dt
import uuid
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Float,
    String,
    and_,
    case,
    cast,
    func,
    inspect,
    literal_column,
    null,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.analytics.periods import Period, month, months_of
from app.models.people import OrgUnit, Staff
from app.models.project import Project
from app.models.ticket import Ticket, TicketEvent
from app.models.vocabulary import EventKind, TicketState

# A score at or below this is a complaint (1 很不满意, 2 不满意).
LOW_SATISFACTION = 2

# The two rework transitions (rework_count + 1): failed acceptance and reopening.
_REJECTED_FROM = TicketState.ACCEPTANCE.value
_REOPENED_FROM = TicketState.ARCHIVED.value

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
    facts = _per_key(_facts(session, period, by, project_id, None))
    rows = _named(facts, _names(session, by, facts))
    totals = _row(None, TOTALS_NAME, _combined(facts.values()))
    months = trend_months(period)
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

# One query per deciding time; which of them each indicator needs.
_ACCEPTED, _RESPONDED, _COMPLETED, _REWORK = "accepted", "responded", "completed", "rework"
_ALL_SOURCES = frozenset({_ACCEPTED, _RESPONDED, _COMPLETED, _REWORK})
_SOURCES: dict[str, frozenset[str]] = {
    "handled": frozenset({_ACCEPTED}),
    "mean_response_hours": frozenset({_RESPONDED}),
    "on_time_rate": frozenset({_COMPLETED}),
    "rework_rate": frozenset({_ACCEPTED}),
    "mean_satisfaction": frozenset({_ACCEPTED}),
    "first_time_fix_rate": frozenset({_ACCEPTED}),
    "complaints": frozenset({_ACCEPTED, _REWORK}),
}

FactKey = tuple[Any, int]  # (person / department id or None, month index or 0)


def _within(column: ColumnElement[dt.datetime], period: Period) -> ColumnElement[bool]:
    return and_(column >= period.utc_start, column < period.utc_end)


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def hours_between(session: Session, start: ColumnElement, end: ColumnElement) -> ColumnElement[float]:
    """end − start in hours, in the database's own date arithmetic."""
    if session.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", end - start) / 3600.0
    # SQLite stores "YYYY-MM-DD HH:MM:SS.ffffff", which julianday reads (days, fractional).
    return (func.julianday(end) - func.julianday(start)) * 24.0


def _key_column(by: str | None) -> ColumnElement | None:
    if by is None:
        return None
    if by == BY_PERSON:
        return Ticket.owner_id
    if by == BY_DEPARTMENT:
        return Project.project_dept_id
    raise ValueError(f"group by one of {GROUPINGS}, not {by!r}")


def _month_index(column: ColumnElement[dt.datetime], months: list[Period] | None) -> ColumnElement:
    """Which month of `months` a stored time (already inside them) falls in; 0 without months."""
    if not months or len(months) == 1:
        return literal_column("0")
    return case(*[(column < m.utc_end, i) for i, m in enumerate(months[:-1])],
                else_=len(months) - 1)


def _grouped(query, key: ColumnElement | None, index: ColumnElement, months) -> Any:
    """Select and group by the key and the month index (constants are not grouped by)."""
    groups = []
    if key is not None:
        # COALESCE(k, k) is k, but SQLite can no longer walk an index on k to avoid sorting:
        # that walk reads the ticket table in index order, at random, 3× slower than a range
        # scan followed by a small sort of the groups.
        groups.append(type_coerce(func.coalesce(key, key), key.type))
    if months and len(months) > 1:  # one month: the index is the constant 0
        groups.append(index)
    return query.group_by(*groups) if groups else query


def _scope(query, by: str | None, project_id, department_id):
    """Join the project when the grouping or the scope needs it, and narrow to the scope."""
    if by == BY_DEPARTMENT or department_id is not None:
        query = query.join(Project, Project.id == Ticket.project_id)
    if project_id is not None:
        query = query.where(Ticket.project_id == project_id)
    if department_id is not None:
        query = query.where(Project.project_dept_id == department_id)
    return query


def _key_label(key: ColumnElement | None) -> ColumnElement:
    if key is None:
        return null().label("key")
    return type_coerce(func.coalesce(key, key), key.type).label("key")


def _ticket_query(period: Period, moment: ColumnElement[dt.datetime], measures: list,
                  by: str | None, months, project_id, department_id):
    key = _key_column(by)
    index = _month_index(moment, months)
    query = select(_key_label(key), index.label("month"), *measures).select_from(Ticket)
    query = _scope(query, by, project_id, department_id).where(_within(moment, period))
    return _grouped(query, key, index, months)


def _accepted_query(period: Period, by, months, project_id, department_id):
    accepted = [
        func.count().label("handled"),
        _count_if(Ticket.rework_count >= 1).label("reworked"),
        func.count(Ticket.satisfaction).label("rated"),
        # Sums, not means: facts of several groups or months then add up (totals, periods).
        func.sum(cast(Ticket.satisfaction, Float)).label("satisfaction_sum"),
        _count_if(Ticket.rework_count == 0).label("first_time"),
        _count_if(Ticket.satisfaction <= LOW_SATISFACTION).label("low_scores"),
    ]
    return _ticket_query(period, Ticket.accepted_at, accepted, by, months, project_id, department_id)


def _responded_query(session: Session, period: Period, by, months, project_id, department_id):
    responded = [
        func.count().label("responded"),
        func.sum(hours_between(session, Ticket.reported_at, Ticket.responded_at))
        .label("response_hours"),
    ]
    return _ticket_query(period, Ticket.responded_at, responded, by, months, project_id,
                         department_id)


def _completed_query(period: Period, by, months, project_id, department_id):
    completed = [
        func.count().label("completed"),
        _count_if(Ticket.completed_at <= Ticket.completion_due_at).label("on_time"),
    ]
    return _ticket_query(period, Ticket.completed_at, completed, by, months, project_id,
                         department_id)


def _sql_text(value: str) -> ColumnElement[str]:
    """A string constant rendered inline as a SQL literal (our own identifiers only)."""
    assert value.isidentifier(), value
    return literal_column(f"'{value}'", String)


# The partial index of the rework transitions (docs/kpi.md, 性能). With it, the events of a
# period are one short index range; without it they are found through their tickets.
REWORK_EVENT_INDEX = "ix_ticket_event_rework"
_has_rework_index: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def rework_index_present(session: Session) -> bool:
    """Whether the store has REWORK_EVENT_INDEX (looked up once per engine)."""
    engine = session.get_bind().engine
    if engine not in _has_rework_index:
        names = {ix["name"] for ix in inspect(session.connection()).get_indexes("ticket_event")}
        _has_rework_index[engine] = REWORK_EVENT_INDEX in names
    return _has_rework_index[engine]


def _rework_query(session: Session, period: Period, by, months, project_id, department_id):
    """Failed acceptances and reopenings in the period, per key (and month of the event)."""
    key = _key_column(by)
    index = _month_index(TicketEvent.at, months)
    counts = select(
        _key_label(key),
        index.label("month"),
        _count_if(TicketEvent.old_value == _REJECTED_FROM).label("failed_acceptances"),
        _count_if(TicketEvent.old_value == _REOPENED_FROM).label("reopenings"),
    )
    rework_events = (
        # Constants written into the SQL, not bound: only then can SQLite use the partial
        # index, whose WHERE names these very values.
        TicketEvent.kind == _sql_text(EventKind.STATE.value),
        TicketEvent.field == _sql_text("state"),
        TicketEvent.new_value == _sql_text(TicketState.IN_REPAIR.value),
        TicketEvent.old_value.in_([_sql_text(_REJECTED_FROM), _sql_text(_REOPENED_FROM)]),
        _within(TicketEvent.at, period),
    )
    if rework_index_present(session):
        query = counts.select_from(TicketEvent).join(Ticket, Ticket.id == TicketEvent.ticket_id)
        query = _scope(query, by, project_id, department_id).where(*rework_events)
        return _grouped(query, key, index, months)
    # Both transitions lead to 维修实施 and clear `completed_at`; from there the only way on
    # is a new completion report. So a ticket with such an event in the period is either
    # still in repair or was completed after the event — at or after the period's start.
    # That bound (two index scans, ORed) names the candidate tickets, and their events are
    # read through the (ticket_id, seq) index. As a plain join SQLite scans every event
    # instead, and with a `reported_at` bound beside the OR it walks that index: hence the
    # IN and no such bound.
    candidates = select(Ticket.id).where(
        or_(Ticket.completed_at >= period.utc_start, Ticket.state == TicketState.IN_REPAIR.value),
        Ticket.rework_count >= 1,
    )
    query = counts.select_from(Ticket).join(TicketEvent, TicketEvent.ticket_id == Ticket.id)
    query = _scope(query, by, project_id, department_id).where(
        TicketEvent.ticket_id.in_(candidates), *rework_events)
    return _grouped(query, key, index, months)


def _facts(
    session: Session, period: Period, by: str | None, project_id, department_id, *,
    months: list[Period] | None = None, sources: Iterable[str] = _ALL_SOURCES,
) -> dict[FactKey, dict[str, Any]]:
    """{(key, month index): {measure: value}} from the queries of `sources`."""
    wanted = set(sources)
    queries = []
    if _ACCEPTED in wanted:
        queries.append(_accepted_query(period, by, months, project_id, department_id))
    if _RESPONDED in wanted:
        queries.append(_responded_query(session, period, by, months, project_id, department_id))
    if _COMPLETED in wanted:
        queries.append(_completed_query(period, by, months, project_id, department_id))
    if _REWORK in wanted:
        queries.append(_rework_query(session, period, by, months, project_id, department_id))
    facts: dict[FactKey, dict[str, Any]] = {}
    for query in queries:
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
