"""工作台 (dashboard) chart aggregates, each one grouped SQL query per chart; docs/kpi.md has the rules."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from app.analytics.kpi import hours_between
from app.analytics.periods import Period, months_of
from app.models.base import to_local
from app.models.location import Location
from app.models.project import DefectCategory, Project
from app.models.sla import AgeBand, age_band_expr, any_overdue_expr
from app.models.ticket import Ticket
from app.models.vocabulary import OPEN_STATES, LocationKind, TicketState

LOCAL_ZONE = "Asia/Shanghai"
UNCATEGORISED = "未分类"
OPEN_STATE_VALUES = tuple(s.value for s in OPEN_STATES)

# Upper bounds (included) of the distribution buckets; the last bucket is open-ended.
RESPONSE_BUCKET_HOURS: tuple[float, ...] = (0.5, 1, 2, 4, 8, 24)
REPAIR_BUCKET_DAYS: tuple[float, ...] = (1, 3, 7, 14, 30)


def _within(column: ColumnElement[dt.datetime], period: Period) -> ColumnElement[bool]:
    return and_(column >= period.utc_start, column < period.utc_end)


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _scoped(query, project_id: uuid.UUID | None, department_id: uuid.UUID | None):
    """Narrow a query that selects from Ticket to one project and/or one project department."""
    if project_id is not None:
        query = query.where(Ticket.project_id == project_id)
    if department_id is not None:
        # A subquery keeps the FROM list of the caller untouched (no join to thread through).
        query = query.where(Ticket.project_id.in_(
            select(Project.id).where(Project.project_dept_id == department_id)
        ))
    return query


# ---------------------------------------------------------------------------------------------
# 1. Received and closed per month, with the same months one year earlier
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthTrend:
    month: dt.date  # the first day of the calendar month (local)
    received: int  # reported in the month (within the period)
    closed: int  # archived (归档) in the month
    received_year_before: int  # the same days one year earlier
    closed_year_before: int


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February → 28 February
        return day.replace(year=day.year - 1, day=28)


def _month_index(column: ColumnElement[dt.datetime], months: list[Period]) -> ColumnElement[int]:
    """CASE giving the index of the month a stored time falls in (bounds are parameters)."""
    return case(*[(column < m.utc_end, i) for i, m in enumerate(months)], else_=None)


def _monthly_counts(session: Session, column, months: list[Period], project_id, department_id):
    covered = Period(months[0].first, months[-1].last)
    index = _month_index(column, months).label("month")
    query = select(index, func.count()).select_from(Ticket).where(_within(column, covered))
    query = _scoped(query, project_id, department_id).group_by(index)
    return {int(i): n for i, n in session.execute(query) if i is not None}


def monthly_trend(
    session: Session, period: Period, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> list[MonthTrend]:
    """Tickets received and closed per calendar month of the period, year over year."""
    months = months_of(period)
    earlier = [Period(_year_before(m.first), _year_before(m.last)) for m in months]
    counts = {}
    for name, column in (("received", Ticket.reported_at), ("closed", Ticket.archived_at)):
        counts[name] = _monthly_counts(session, column, months, project_id, department_id)
        counts[name + "_before"] = _monthly_counts(session, column, earlier, project_id,
                                                   department_id)
    return [
        MonthTrend(
            month=m.first.replace(day=1),
            received=counts["received"].get(i, 0),
            closed=counts["closed"].get(i, 0),
            received_year_before=counts["received_before"].get(i, 0),
            closed_year_before=counts["closed_before"].get(i, 0),
        )
        for i, m in enumerate(months)
    ]


# ---------------------------------------------------------------------------------------------
# 2. Defect-category Pareto
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParetoBar:
    category_id: uuid.UUID | None  # None: not yet categorised
    name: str
    count: int
    share: float  # 0–1 of all tickets counted
    cumulative_share: float  # 0–1, this bar and every bar before it


def category_pareto(
    session: Session, period: Period, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> list[ParetoBar]:
    """Tickets reported in the period per defect category, most first, with cumulative share."""
    query = (
        select(Ticket.defect_category_id, DefectCategory.name, func.count().label("n"))
        .select_from(Ticket)
        .outerjoin(DefectCategory, DefectCategory.id == Ticket.defect_category_id)
        .where(_within(Ticket.reported_at, period))
        .group_by(Ticket.defect_category_id, DefectCategory.name)
    )
    rows = session.execute(_scoped(query, project_id, department_id)).all()
    # Ties keep a stable order by name so the chart does not reshuffle between redraws.
    rows.sort(key=lambda r: (-r.n, r.name or UNCATEGORISED, str(r.defect_category_id)))
    total = sum(r.n for r in rows)
    bars, running = [], 0
    for r in rows:
        running += r.n
        bars.append(ParetoBar(r.defect_category_id, r.name or UNCATEGORISED, r.n, r.n / total,
                              running / total))
    return bars


# ---------------------------------------------------------------------------------------------
# 3. High-incidence locations
# ---------------------------------------------------------------------------------------------

# The location trees are at most four levels deep (building → unit → floor → room).
_TREE_DEPTH = 4


@dataclass(frozen=True)
class LocationCount:
    location_id: uuid.UUID
    name: str  # full_name of the building / section / system
    count: int


def location_counts(
    session: Session, period: Period, kind: LocationKind = LocationKind.BUILDING, *,
    project_id: uuid.UUID | None = None, department_id: uuid.UUID | None = None,
) -> list[LocationCount]:
    """Tickets reported in the period per ancestor location of `kind`, most first.

    BUILDING for housing, SECTION for roads, SYSTEM for MEP. A ticket counts for the nearest
    location of that kind on its location's parent chain (itself included); tickets without a
    location or without such an ancestor are not counted.
    """
    levels = [aliased(Location) for _ in range(_TREE_DEPTH)]
    wanted = str(kind)
    ancestor = case(*[(level.kind == wanted, level.id) for level in levels], else_=None)
    query = select(ancestor.label("ancestor"), func.count().label("n")).select_from(Ticket)
    query = query.join(levels[0], levels[0].id == Ticket.location_id)
    for child, parent in zip(levels, levels[1:], strict=False):
        query = query.outerjoin(parent, parent.id == child.parent_id)
    query = query.where(_within(Ticket.reported_at, period))
    query = _scoped(query, project_id, department_id).group_by(ancestor)
    counts = {a: n for a, n in session.execute(query) if a is not None}
    if not counts:
        return []
    names = dict(session.execute(
        select(Location.id, Location.full_name).where(Location.id.in_(list(counts)))
    ).all())
    rows = [LocationCount(a, names.get(a, ""), n) for a, n in counts.items()]
    return sorted(rows, key=lambda r: (-r.count, r.name, str(r.location_id)))


# ---------------------------------------------------------------------------------------------
# 4. Response and repair time distributions against the SLA
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DurationBucket:
    label: str  # "≤0.5小时", "1–3天", ">30天"
    upper: float | None  # the bucket's upper bound (included), hours or days; None = open-ended
    met: int  # within the SLA limit
    late: int  # after the due time

    @property
    def total(self) -> int:
        return self.met + self.late


def _bucket_labels(bounds: tuple[float, ...], unit: str) -> list[str]:
    def fmt(x: float) -> str:
        return f"{x:g}"

    labels = [f"≤{fmt(bounds[0])}{unit}"]
    labels += [f"{fmt(a)}–{fmt(b)}{unit}" for a, b in zip(bounds, bounds[1:], strict=False)]
    labels.append(f">{fmt(bounds[-1])}{unit}")
    return labels


def _distribution(session, period, met_col, due_col, per_unit_hours, bounds, unit,
                  project_id, department_id) -> list[DurationBucket]:
    length = hours_between(session, Ticket.reported_at, met_col) / per_unit_hours
    bucket = case(*[(length <= b, i) for i, b in enumerate(bounds)], else_=len(bounds))
    bucket = bucket.label("bucket")
    late = and_(due_col.is_not(None), met_col > due_col)
    query = (
        select(bucket, _count_if(late).label("late"), func.count().label("n"))
        .select_from(Ticket)
        .where(_within(met_col, period))
    )
    query = _scoped(query, project_id, department_id).group_by(bucket)
    found = {int(b): (int(n), int(lt)) for b, lt, n in session.execute(query)}
    labels = _bucket_labels(bounds, unit)
    result = []
    for i, label in enumerate(labels):
        n, lt = found.get(i, (0, 0))
        result.append(DurationBucket(label, bounds[i] if i < len(bounds) else None, n - lt, lt))
    return result


def response_time_distribution(
    session: Session, period: Period, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> list[DurationBucket]:
    """Tickets responded to in the period, by hours from report to response, met / late."""
    return _distribution(session, period, Ticket.responded_at, Ticket.response_due_at, 1.0,
                         RESPONSE_BUCKET_HOURS, "小时", project_id, department_id)


def repair_time_distribution(
    session: Session, period: Period, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> list[DurationBucket]:
    """Tickets whose completion was reported in the period, by days from report, met / late."""
    return _distribution(session, period, Ticket.completed_at, Ticket.completion_due_at, 24.0,
                         REPAIR_BUCKET_DAYS, "天", project_id, department_id)


# ---------------------------------------------------------------------------------------------
# 5. Open tickets by ageing band, overdue follow-ups
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgeingBar:
    band: AgeBand
    open: int  # open tickets of this age
    overdue: int  # of them, with a response timer past due (sla.any_overdue_expr)


@dataclass(frozen=True)
class OpenTickets:
    """A snapshot at `now`: open tickets by age and follow-up visits past their day."""

    bands: list[AgeingBar]
    overdue_follow_ups: int  # in 回访, follow_up_due_on before today (local), not followed up


def open_tickets(
    session: Session, now: dt.datetime, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> OpenTickets:
    """Open tickets per ageing band at `now` (naive UTC) and overdue follow-ups, in SQL.

    A snapshot, not a period figure: which tickets are open is only known for the present
    (states are not kept per day), so the dashboard passes the current time.
    """
    band = age_band_expr(now).label("band")
    query = select(
        band, func.count().label("n"),
        _count_if(any_overdue_expr(now, check_state=False)).label("overdue"),
    ).select_from(Ticket).where(Ticket.state.in_(OPEN_STATE_VALUES))
    query = _scoped(query, project_id, department_id).group_by(band)
    found = {AgeBand(b): (int(n), int(o)) for b, n, o in session.execute(query)}
    bands = [AgeingBar(b, *found.get(b, (0, 0))) for b in AgeBand]

    today = to_local(now, LOCAL_ZONE).date()
    follow_ups = select(func.count()).select_from(Ticket).where(
        Ticket.state == TicketState.FOLLOW_UP.value,
        Ticket.followed_up_at.is_(None),
        Ticket.follow_up_due_on < literal(today),
    )
    late = session.execute(_scoped(follow_ups, project_id, department_id)).scalar_one()
    return OpenTickets(bands, int(late))


__all__ = [
    "AgeingBar", "DurationBucket", "LocationCount", "MonthTrend", "OpenTickets", "ParetoBar",
    "category_pareto", "location_counts", "monthly_trend", "open_tickets",
    "repair_time_distribution", "response_time_distribution",
]
