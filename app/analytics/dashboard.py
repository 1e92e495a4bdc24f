"""工作台 (dashboard) chart aggregates, each one grouped SQL query per chart; docs/kpi.md has the rules."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from enum import StrEnum
from types import SimpleNamespace

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from app.analytics.kpi import KpiRow, hours_between, kpi_totals
from app.analytics.periods import Period, months_of
from app.models import retrospective_service
from app.models.base import to_local, utcnow
from app.models.location import Location
from app.models.project import DefectCategory, Project
from app.models.retrospective import CorrectiveAction, RetrospectiveMeeting
from app.models.sla import OPEN_STATE_VALUES, AgeBand, age_band_expr, any_overdue_expr
from app.models.ticket import Ticket
from app.models.ticket_list import NO_CATEGORY, TicketFilter
from app.models.vocabulary import LocationKind, TicketState

LOCAL_ZONE = "Asia/Shanghai"
UNCATEGORISED = "未分类"

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


def _monthly_counts(session: Session, column, months: list[Period], project_id, department_id):
    """One count per month, each an index range count (a GROUP BY over a year's tickets would
    sort them all first: 30× slower on a million tickets)."""
    counts = [
        _scoped(select(func.count()).select_from(Ticket).where(_within(column, m)), project_id,
                department_id).scalar_subquery()
        for m in months
    ]
    row = session.execute(select(*counts)).one()
    return {i: n for i, n in enumerate(row) if n}


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
    """Tickets reported in the period per defect category, most first, with cumulative share.

    Counted per (project, category) pair on ix_ticket_project_category_reported: a thousand
    short index range counts instead of sorting a year of tickets by category.
    """
    project, category = aliased(Project), aliased(DefectCategory)
    in_period = _within(Ticket.reported_at, period)

    def count(category_id) -> ColumnElement[int]:
        matches = (Ticket.defect_category_id.is_(None) if category_id is None
                   else Ticket.defect_category_id == category_id)
        return (select(func.count()).select_from(Ticket)
                .where(Ticket.project_id == project.id, matches, in_period)
                .correlate(project, category).scalar_subquery())

    projects = select(project.id).select_from(project)
    if project_id is not None:
        projects = projects.where(project.id == project_id)
    if department_id is not None:
        projects = projects.where(project.project_dept_id == department_id)
    categorised = (
        select(category.id.label("defect_category_id"), category.name.label("name"),
               func.sum(count(category.id)).label("n"))
        .select_from(project).join(category, literal(True))
        .where(project.id.in_(projects))
        .group_by(category.id, category.name)
    )
    uncategorised = select(func.sum(count(None))).select_from(project).where(project.id.in_(projects))
    rows = [r for r in session.execute(categorised).all() if r.n]
    missing = session.scalar(uncategorised) or 0
    if missing:
        rows.append(SimpleNamespace(defect_category_id=None, name=None, n=missing))
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


# ---------------------------------------------------------------------------------------------
# 6. Heat map of high-incidence locations: building × floor, section / system × category
# ---------------------------------------------------------------------------------------------

# The kinds a heat map has rows for, in the order a ticket's parent chain is searched: an
# industrial plant's building holds systems, so a building wins over a system.
HEAT_ROW_KINDS: tuple[LocationKind, ...] = (
    LocationKind.BUILDING, LocationKind.SECTION, LocationKind.SYSTEM,
)


class HeatLayout(StrEnum):
    """What a heat map's rows and columns are."""

    BUILDING_FLOOR = "building_floor"  # housing: buildings × floors (one column per floor name)
    BUILDING_SYSTEM = "building_system"  # plants: buildings × their systems
    SECTION_CATEGORY = "section_category"  # roads and infrastructure: sections × categories
    SYSTEM_CATEGORY = "system_category"  # MEP: systems × defect categories


HEAT_ROW_KIND = {
    HeatLayout.BUILDING_FLOOR: LocationKind.BUILDING,
    HeatLayout.BUILDING_SYSTEM: LocationKind.BUILDING,
    HeatLayout.SECTION_CATEGORY: LocationKind.SECTION,
    HeatLayout.SYSTEM_CATEGORY: LocationKind.SYSTEM,
}
# Inside a building the columns are its floors (housing) or its systems (plants).
_BUILDING_COLUMN_KINDS = (str(LocationKind.FLOOR), str(LocationKind.SYSTEM))
MAX_HEAT_ROWS = 15  # the busiest places; the rest are summed up in `HeatMap.other_rows`
NO_FLOOR = "其他部位"  # tickets placed on the building or a unit, not on a floor or system


@dataclass(frozen=True)
class HeatRow:
    location_id: uuid.UUID
    name: str  # the location's full name, then " · project" when several projects are shown
    total: int


@dataclass(frozen=True)
class HeatColumn:
    # A floor's or system's name (buildings; None: neither), or a defect category id
    # (sections and systems; None: not categorised).
    key: str | uuid.UUID | None
    label: str
    total: int


@dataclass(frozen=True)
class HeatMap:
    """Tickets reported in the period per place (rows) and floor, system or category."""

    layout: HeatLayout
    rows: list[HeatRow]  # busiest first
    columns: list[HeatColumn]  # floors bottom up, systems in tree order, categories most first
    counts: list[list[int]]  # counts[row][column]
    other_rows: int = 0  # places left out beyond MAX_HEAT_ROWS
    other_tickets: int = 0  # their tickets

    @property
    def kind(self) -> LocationKind:
        return HEAT_ROW_KIND[self.layout]

    @property
    def total(self) -> int:
        return sum(r.total for r in self.rows) + self.other_tickets


def _first_of_kind(levels, kinds: tuple[str, ...], value) -> ColumnElement:
    """CASE giving `value(level)` for the nearest level (ticket's place first) of one of kinds."""
    return case(*[(level.kind.in_(kinds), value(level)) for level in levels], else_=None)


def _heat_cells(session: Session, period: Period, project_id, department_id) -> list:
    """(row place, its kind, floor or system name, that level's kind and order, category, n)."""
    per_place = (
        select(Ticket.location_id.label("location_id"),
               Ticket.defect_category_id.label("category_id"),
               func.count().label("n"))
        .where(_within(Ticket.reported_at, period), Ticket.location_id.is_not(None))
    )
    per_place = _scoped(per_place, project_id, department_id)
    per_place = per_place.group_by(Ticket.location_id, Ticket.defect_category_id).subquery()

    levels = [aliased(Location) for _ in range(_TREE_DEPTH)]
    rows_by_kind = [
        (kind, _first_of_kind(levels, (str(kind),), lambda lv: lv.id)) for kind in HEAT_ROW_KINDS
    ]
    in_building = rows_by_kind[0][1].is_not(None)
    row = func.coalesce(*[expr for _kind, expr in rows_by_kind]).label("row_id")
    row_kind = case(*[(expr.is_not(None), str(kind)) for kind, expr in rows_by_kind],
                    else_=None).label("row_kind")
    inner = case((in_building, _first_of_kind(levels, _BUILDING_COLUMN_KINDS, lambda lv: lv.name)),
                 else_=None).label("inner")
    inner_kind = case((in_building, _first_of_kind(levels, _BUILDING_COLUMN_KINDS,
                                                   lambda lv: lv.kind)), else_=None)
    inner_kind = inner_kind.label("inner_kind")
    inner_order = _first_of_kind(levels, _BUILDING_COLUMN_KINDS, lambda lv: lv.sort_key)
    category = case((in_building, None), else_=per_place.c.category_id).label("category_id")

    query = select(
        row, row_kind, inner, inner_kind, func.max(inner_order).label("inner_order"), category,
        func.sum(per_place.c.n).label("n"),
    ).select_from(per_place).join(levels[0], levels[0].id == per_place.c.location_id)
    for child, parent in zip(levels, levels[1:], strict=False):
        query = query.outerjoin(parent, parent.id == child.parent_id)
    query = query.group_by(row, row_kind, inner, inner_kind, category)
    return [r for r in session.execute(query) if r.row_id is not None]


def _layout_of(cell, system_only_buildings: set) -> HeatLayout:
    if cell.row_kind == str(LocationKind.SECTION):
        return HeatLayout.SECTION_CATEGORY
    if cell.row_kind == str(LocationKind.SYSTEM):
        return HeatLayout.SYSTEM_CATEGORY
    if cell.inner_kind == str(LocationKind.SYSTEM) or (
        cell.inner is None and cell.row_id in system_only_buildings
    ):
        return HeatLayout.BUILDING_SYSTEM
    return HeatLayout.BUILDING_FLOOR


def location_heat_maps(
    session: Session, period: Period, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None, max_rows: int = MAX_HEAT_ROWS,
) -> dict[HeatLayout, HeatMap]:
    """The heat maps of every layout that has tickets in the period, in one grouped query.

    Tickets are first counted per (place, category), then each group is joined to its parent
    chain: a year of a million-ticket store has far fewer places than tickets. A ticket placed
    on a building or unit (no floor or system) counts in the building's 其他部位 column.
    """
    found = _heat_cells(session, period, project_id, department_id)
    if not found:
        return {}
    inner_kinds: dict[uuid.UUID, set] = {}
    for r in found:
        if r.inner_kind is not None:
            inner_kinds.setdefault(r.row_id, set()).add(r.inner_kind)
    system_only = {i for i, kinds in inner_kinds.items() if kinds == {str(LocationKind.SYSTEM)}}

    row_ids = list({r.row_id for r in found})
    places = {}
    for start in range(0, len(row_ids), 500):
        places.update({
            loc_id: (full_name, project)
            for loc_id, full_name, project in session.execute(
                select(Location.id, Location.full_name, Project.name)
                .join(Project, Project.id == Location.project_id)
                .where(Location.id.in_(row_ids[start:start + 500]))
            )
        })
    several_projects = len({project for _name, project in places.values()}) > 1
    category_ids = list({r.category_id for r in found if r.category_id is not None})
    category_names = dict(session.execute(
        select(DefectCategory.id, DefectCategory.name).where(DefectCategory.id.in_(category_ids))
    ).all()) if category_ids else {}

    def row_name(loc_id: uuid.UUID) -> str:
        name, project = places.get(loc_id, ("", ""))
        return f"{name} · {project}" if several_projects else name

    by_layout: dict[HeatLayout, list] = {}
    for r in found:
        by_layout.setdefault(_layout_of(r, system_only), []).append(r)
    maps = {}
    for layout in HeatLayout:
        mine = by_layout.get(layout)
        if not mine:
            continue
        by_category = HEAT_ROW_KIND[layout] != LocationKind.BUILDING
        row_totals: dict[uuid.UUID, int] = {}
        column_totals: dict = {}
        column_order: dict = {}
        cells: dict = {}
        for r in mine:
            column = r.category_id if by_category else r.inner
            n = int(r.n)
            row_totals[r.row_id] = row_totals.get(r.row_id, 0) + n
            column_totals[column] = column_totals.get(column, 0) + n
            cells[r.row_id, column] = cells.get((r.row_id, column), 0) + n
            if not by_category and column is not None:
                # Floors by their place in the tree (1层 … 33层), systems likewise.
                column_order[column] = min(column_order.get(column, r.inner_order or 0),
                                           r.inner_order or 0)

        ranked = sorted(row_totals, key=lambda i: (-row_totals[i], row_name(i), str(i)))
        kept, dropped = ranked[:max_rows], ranked[max_rows:]
        if by_category:
            # Most first; the not yet categorised last, as they are not a defect of their own.
            keys = sorted(column_totals, key=lambda c: (
                c is None, -column_totals[c], category_names.get(c, UNCATEGORISED), str(c)))
            labels = {c: category_names.get(c, UNCATEGORISED) if c else UNCATEGORISED
                      for c in keys}
        else:
            keys = sorted((c for c in column_totals if c is not None),
                          key=lambda c: (column_order[c], c))
            if None in column_totals:
                keys.append(None)
            labels = {c: (c if c is not None else NO_FLOOR) for c in keys}
        maps[layout] = HeatMap(
            layout=layout,
            rows=[HeatRow(i, row_name(i), row_totals[i]) for i in kept],
            columns=[HeatColumn(c, labels[c], column_totals[c]) for c in keys],
            counts=[[cells.get((i, c), 0) for c in keys] for i in kept],
            other_rows=len(dropped),
            other_tickets=sum(row_totals[i] for i in dropped),
        )
    return maps


def heat_cell_locations(
    session: Session, kind: LocationKind, row_id: uuid.UUID, column: str | uuid.UUID | None,
) -> list[uuid.UUID]:
    """The places (exact location ids) whose tickets make up one heat-map cell or row.

    For a building and a floor name: every floor of that name in the building (one per unit)
    and everything below it; for a building and None: the building itself and the places
    not under any floor or system. For sections and systems (columns are categories) and for
    column "*" (the whole row): the row's whole subtree. Reads the project's location tree,
    never tickets.
    """
    project_id = session.scalar(select(Location.project_id).where(Location.id == row_id))
    if project_id is None:
        return []
    children: dict[uuid.UUID | None, list] = {}
    for loc_id, parent_id, loc_kind, name in session.execute(
        select(Location.id, Location.parent_id, Location.kind, Location.name)
        .where(Location.project_id == project_id)
    ):
        children.setdefault(parent_id, []).append((loc_id, loc_kind, name))

    def subtree(root: uuid.UUID, depth: int, stop_at_columns: bool) -> list[uuid.UUID]:
        found = [root]
        if depth >= _TREE_DEPTH - 1:
            return found
        for child_id, child_kind, _name in children.get(root, []):
            if stop_at_columns and child_kind in _BUILDING_COLUMN_KINDS:
                continue
            found.extend(subtree(child_id, depth + 1, stop_at_columns))
        return found

    if kind != LocationKind.BUILDING or column == "*":
        return subtree(row_id, 0, False)
    if column is None:
        return subtree(row_id, 0, True)
    result: list[uuid.UUID] = []

    def find(node: uuid.UUID, depth: int) -> None:
        for child_id, child_kind, name in children.get(node, []):
            if child_kind in _BUILDING_COLUMN_KINDS:
                if name == column:
                    result.extend(subtree(child_id, depth + 1, False))
            elif depth + 1 < _TREE_DEPTH - 1:
                find(child_id, depth + 1)

    find(row_id, 0)
    return result


# ---------------------------------------------------------------------------------------------
# 7. Satisfaction distribution
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SatisfactionBar:
    score: int | None  # 1–5; None: accepted without a score
    count: int


def satisfaction_distribution(
    session: Session, period: Period, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> list[SatisfactionBar]:
    """Tickets accepted in the period per owner's score 1…5, then those without a score."""
    query = (
        select(Ticket.satisfaction, func.count())
        .where(_within(Ticket.accepted_at, period))
        .group_by(Ticket.satisfaction)
    )
    found = dict(session.execute(_scoped(query, project_id, department_id)).all())
    return [SatisfactionBar(score, int(found.get(score, 0))) for score in (1, 2, 3, 4, 5, None)]


# ---------------------------------------------------------------------------------------------
# 8. Everything the 工作台 shows, in one call
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DashboardSnapshot:
    """Every chart's and tile's data for one period and scope (read in one session)."""

    period: Period
    project_id: uuid.UUID | None
    department_id: uuid.UUID | None
    now: dt.datetime  # the snapshot's moment (naive UTC): open tickets and overdue follow-ups
    trend: list[MonthTrend]
    pareto: list[ParetoBar]
    heat_maps: dict[HeatLayout, HeatMap]
    response: list[DurationBucket]
    repair: list[DurationBucket]
    satisfaction: list[SatisfactionBar]
    open: OpenTickets
    kpis: KpiRow  # on-time, rework, first-time fix, mean satisfaction, complaints
    overdue_actions: int | None = None  # corrective actions past due (overdue_action_count)

    @property
    def heat_layout(self) -> HeatLayout | None:
        """The heat map to show first: the one with the most tickets."""
        if not self.heat_maps:
            return None
        order = list(HeatLayout)
        return max(self.heat_maps.values(), key=lambda m: (m.total, -order.index(m.layout))).layout


def overdue_action_count(
    session: Session, now: dt.datetime, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> int:
    """Corrective actions (复盘整改措施) not closed whose due day has passed (local), by the
    project of their meeting; company-wide meetings count only for all projects."""
    if project_id is None and department_id is None:
        return retrospective_service.overdue_action_count(session, now)
    query = (
        select(func.count()).select_from(CorrectiveAction)
        .join(RetrospectiveMeeting, RetrospectiveMeeting.id == CorrectiveAction.meeting_id)
        .where(CorrectiveAction.status.not_in(retrospective_service.CLOSED_VALUES),
               CorrectiveAction.due_on < literal(retrospective_service.today_of(now)))
    )
    if project_id is not None:
        query = query.where(RetrospectiveMeeting.project_id == project_id)
    if department_id is not None:
        query = query.where(RetrospectiveMeeting.project_id.in_(
            select(Project.id).where(Project.project_dept_id == department_id)))
    return int(session.scalar(query) or 0)


def dashboard_snapshot(
    session: Session, period: Period, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None, now: dt.datetime | None = None,
) -> DashboardSnapshot:
    """Read every dashboard figure for the period and scope; `now` (naive UTC) for snapshots."""
    now = now or utcnow()
    scope = {"project_id": project_id, "department_id": department_id}
    return DashboardSnapshot(
        period=period,
        project_id=project_id,
        department_id=department_id,
        now=now,
        trend=monthly_trend(session, period, **scope),
        pareto=category_pareto(session, period, **scope),
        heat_maps=location_heat_maps(session, period, **scope),
        response=response_time_distribution(session, period, **scope),
        repair=repair_time_distribution(session, period, **scope),
        satisfaction=satisfaction_distribution(session, period, **scope),
        open=open_tickets(session, now, **scope),
        kpis=kpi_totals(session, period.first, period.last, **scope),
        overdue_actions=overdue_action_count(session, now, **scope),
    )


# ---------------------------------------------------------------------------------------------
# 9. From a clicked chart element to the ticket list's filter
# ---------------------------------------------------------------------------------------------

# A chart element is named by a tuple whose first item says which chart it belongs to:
#   ("trend", series, month_index)   series: received, closed, received_before, closed_before
#   ("pareto", category_id | None)
#   ("heat", layout, row_location_id, column)   column "*": the whole row
#   ("response" | "repair", bucket_index, part)   part: met, late or all
#   ("satisfaction", score | None)
#   ("ageing", band, part)   part: open or overdue
#   ("follow_ups",)
ChartKey = tuple


def drill_down(
    session: Session, key: ChartKey, period: Period, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> TicketFilter:
    """The ticket-list filter showing exactly the tickets a chart element counts.

    Snapshot figures (ageing, follow-ups) are judged at the `now` the list is given, which
    the dashboard passes along with the filter.
    """
    chart = key[0]
    flt = TicketFilter(project_id=project_id, department_id=department_id)
    in_period = {"period_start": period.utc_start, "period_end": period.utc_end}
    if chart == "trend":
        series, index = key[1], int(key[2])
        month_period = months_of(period)[index]
        if series.endswith("_before"):
            month_period = Period(_year_before(month_period.first), _year_before(month_period.last))
        field = "reported_at" if series.startswith("received") else "archived_at"
        return replace(flt, period_field=field, period_start=month_period.utc_start,
                       period_end=month_period.utc_end)
    if chart == "pareto":
        return replace(flt, defect_category_id=key[1] or NO_CATEGORY, **in_period)
    if chart == "heat":
        kind, row_id, column = HEAT_ROW_KIND[HeatLayout(key[1])], key[2], key[3]
        places = tuple(heat_cell_locations(session, kind, row_id, column))
        category = None
        if kind != LocationKind.BUILDING and column != "*":
            category = column or NO_CATEGORY
        # An empty place list must match nothing, not everything.
        return replace(flt, location_ids=places or (NO_CATEGORY,), defect_category_id=category,
                       **in_period)
    if chart in ("response", "repair"):
        bounds = RESPONSE_BUCKET_HOURS if chart == "response" else REPAIR_BUCKET_DAYS
        index, part = int(key[1]), key[2]
        return replace(
            flt, period_field="responded_at" if chart == "response" else "completed_at",
            duration_unit_hours=1.0 if chart == "response" else 24.0,
            duration_above=bounds[index - 1] if index > 0 else None,
            duration_upto=bounds[index] if index < len(bounds) else None,
            late=None if part == "all" else part == "late", **in_period,
        )
    if chart == "satisfaction":
        return replace(flt, period_field="accepted_at", satisfaction=key[1] or 0, **in_period)
    if chart == "ageing":
        return replace(flt, age_band=int(key[1]), overdue_only=key[2] == "overdue")
    if chart == "follow_ups":
        return replace(flt, follow_up_overdue=True)
    raise ValueError(f"not a dashboard chart element: {key!r}")


__all__ = [
    "AgeingBar", "ChartKey", "DashboardSnapshot", "DurationBucket", "HeatColumn", "HeatLayout",
    "HeatMap", "HeatRow",
    "LocationCount", "MonthTrend", "OpenTickets", "ParetoBar", "SatisfactionBar",
    "category_pareto", "dashboard_snapshot", "drill_down", "heat_cell_locations", "location_counts",
    "location_heat_maps", "monthly_trend", "open_tickets", "overdue_action_count", "repair_time_distribution",
    "response_time_distribution", "satisfaction_distribution",
]
