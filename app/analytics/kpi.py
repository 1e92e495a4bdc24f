"""Performance indicators (绩效) per person and per project department, aggregated in SQL.

docs/kpi.md is the contract: every number here follows the definition written there. Each
indicator counts the tickets whose *deciding event* falls in the period (local calendar days,
Asia/Shanghai): the acceptance for handled / rework / satisfaction / first-time fix, the
response for the response time, the completion report for the on-time rate, and each failed
acceptance, reopening or low score for complaints. A person is the ticket's current owner
(责任人); a department is the project department of the ticket's project.

Two queries per call whatever the number of tickets: one grouped pass over `ticket` with
conditional aggregates, one over the rework transitions in `ticket_event`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import Float, and_, case, cast, func, literal, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.analytics.periods import Period
from app.models.people import OrgUnit, Staff
from app.models.project import Project
from app.models.ticket import Ticket, TicketEvent
from app.models.vocabulary import EventKind, TicketState

# A score at or below this is a complaint (1 很不满意, 2 不满意).
LOW_SATISFACTION = 2

# The two rework transitions (rework_count + 1): failed acceptance and reopening.
_REJECTED_FROM = TicketState.ACCEPTANCE.value
_REOPENED_FROM = TicketState.ARCHIVED.value


@dataclass(frozen=True)
class KpiDefinition:
    identifier: str  # KpiRow attribute
    name: str  # 中文名称, the column header
    unit: str
    definition: str  # one sentence for the tooltip; docs/kpi.md has the full rule


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


def kpis_by_person(
    session: Session, start: dt.date, end: dt.date, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> list[KpiRow]:
    """Indicators per responsible owner for local days start … end (both included), by name."""
    rows = _kpis(session, Period(start, end), Ticket.owner_id, project_id, department_id)
    names = _names(session, Staff, rows)
    return _named(rows, names)


def kpis_by_department(
    session: Session, start: dt.date, end: dt.date, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> list[KpiRow]:
    """Indicators per project department (of the ticket's project), by name."""
    rows = _kpis(session, Period(start, end), Project.project_dept_id, project_id, department_id)
    names = _names(session, OrgUnit, rows)
    return _named(rows, names)


def kpi_totals(
    session: Session, start: dt.date, end: dt.date, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> KpiRow:
    """The same indicators over the whole scope (all tickets, one project or one department)."""
    rows = _kpis(session, Period(start, end), None, project_id, department_id)
    return _row(None, "合计", rows.get(None))


# ---------------------------------------------------------------------------------------------
# The queries
# ---------------------------------------------------------------------------------------------


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


def _scoped(query, by_department: bool, project_id, department_id):
    query = query.select_from(Ticket)
    if by_department or department_id is not None:
        query = query.join(Project, Project.id == Ticket.project_id)
    if project_id is not None:
        query = query.where(Ticket.project_id == project_id)
    if department_id is not None:
        query = query.where(Project.project_dept_id == department_id)
    return query


def _group_key(key) -> ColumnElement:
    if key is None:
        return literal(None).label("key")
    # COALESCE(k, k) is k, but SQLite can no longer walk an index on k to avoid sorting: that
    # walk reads the ticket table in index order, page by page at random, 3× slower than a
    # scan followed by a small sort of the groups.
    return type_coerce(func.coalesce(key, key), key.type).label("key")


def _kpis(session: Session, period: Period, key, project_id, department_id) -> dict:
    by_department = key is not None and key.class_ is Project
    group = _group_key(key)
    accepted = _within(Ticket.accepted_at, period)
    responded = _within(Ticket.responded_at, period)
    completed = _within(Ticket.completed_at, period)
    response_hours = hours_between(session, Ticket.reported_at, Ticket.responded_at)
    ticket_query = select(
        group,
        _count_if(accepted).label("handled"),
        _count_if(responded).label("responded"),
        func.avg(case((responded, response_hours), else_=None)).label("mean_response_hours"),
        _count_if(completed).label("completed"),
        _count_if(and_(completed, Ticket.completed_at <= Ticket.completion_due_at)).label("on_time"),
        _count_if(and_(accepted, Ticket.rework_count >= 1)).label("reworked"),
        _count_if(and_(accepted, Ticket.satisfaction.is_not(None))).label("rated"),
        func.avg(case((accepted, cast(Ticket.satisfaction, Float)), else_=None)).label("satisfaction"),
        _count_if(and_(accepted, Ticket.rework_count == 0)).label("first_time"),
        _count_if(and_(accepted, Ticket.satisfaction <= LOW_SATISFACTION)).label("low_scores"),
    ).where(
        # Every deciding event comes after the report: the reported_at index cuts the scan.
        Ticket.reported_at < period.utc_end,
        accepted | responded | completed,
    )
    ticket_query = _scoped(ticket_query, by_department, project_id, department_id)
    if key is not None:
        ticket_query = ticket_query.group_by(group)
    facts = {row.key: row._asdict() for row in session.execute(ticket_query)}

    for row in session.execute(_rework_events_query(period, group, by_department, project_id,
                                                    department_id)):
        if row.failed_acceptances or row.reopenings or row.key in facts:
            facts.setdefault(row.key, {}).update(row._asdict())
    return facts


def _rework_events_query(period: Period, group, by_department: bool, project_id, department_id):
    """Failed acceptances and reopenings in the period, per group key.

    Rework transitions only exist on tickets with rework_count ≥ 1: start from those and count
    their events through the (ticket_id, seq) index (a correlated count per ticket) instead of
    scanning every event, which a plain join makes SQLite do.
    """

    def transitions_from(state: str) -> ColumnElement[int]:
        return select(func.count()).where(
            TicketEvent.ticket_id == Ticket.id,
            TicketEvent.kind == EventKind.STATE.value,
            TicketEvent.field == "state",
            TicketEvent.old_value == state,
            TicketEvent.new_value == TicketState.IN_REPAIR.value,
            _within(TicketEvent.at, period),
        ).scalar_subquery()

    per_ticket = select(
        group,
        transitions_from(_REJECTED_FROM).label("failed"),
        transitions_from(_REOPENED_FROM).label("reopened"),
    ).where(Ticket.rework_count >= 1, Ticket.reported_at < period.utc_end)
    per_ticket = _scoped(per_ticket, by_department, project_id, department_id).subquery()
    # No HAVING on the sums: SQLite would run both correlated counts again for it.
    return select(
        per_ticket.c.key.label("key"),
        func.sum(per_ticket.c.failed).label("failed_acceptances"),
        func.sum(per_ticket.c.reopened).label("reopenings"),
    ).group_by(per_ticket.c.key)


# ---------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------


def _names(session: Session, entity, facts: dict) -> dict[uuid.UUID, str]:
    ids = [key for key in facts if key is not None]
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

    def n(field: str) -> int:
        return int(v.get(field) or 0)

    handled, completed = n("handled"), n("completed")
    low, failed, reopened = n("low_scores"), n("failed_acceptances"), n("reopenings")
    hours, score = v.get("mean_response_hours"), v.get("satisfaction")
    return KpiRow(
        key=key,
        name=name,
        handled=handled,
        responded=n("responded"),
        mean_response_hours=float(hours) if hours is not None else None,
        completed=completed,
        completed_on_time=n("on_time"),
        on_time_rate=_ratio(n("on_time"), completed),
        reworked=n("reworked"),
        rework_rate=_ratio(n("reworked"), handled),
        rated=n("rated"),
        mean_satisfaction=float(score) if score is not None else None,
        first_time_fixed=n("first_time"),
        first_time_fix_rate=_ratio(n("first_time"), handled),
        low_scores=low,
        failed_acceptances=failed,
        reopenings=reopened,
        complaints=low + failed + reopened,
    )
