"""工作台 (dashboard) chart aggregates, each one grouped SQL query per chart; docs/kpi.md has the rules."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import SimpleNamespace

from sqlalchemy import case, func, literal, literal_column, select, type_coerce
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.sqltypes import NullType

from app.analytics import month_stats
from app.analytics.expressions import count_if, within
from app.analytics.kpi import KpiRow, kpi_totals
from app.analytics.month_stats import (
    BUILDING_COLUMN_KINDS,
    REPAIR_BUCKET_DAYS,
    RESPONSE_BUCKET_HOURS,
    TREE_DEPTH,
    Source,
    month_index,
    source_rows,
    sum_if,
)
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



def _scoped(query, project_id: uuid.UUID | None, department_id: uuid.UUID | None,
            project_column: ColumnElement = Ticket.project_id):
    """Narrow a query to one project and/or one project department (of `project_column`)."""
    if project_id is not None:
        query = query.where(project_column == project_id)
    if department_id is not None:
        # A subquery keeps the FROM list of the caller untouched (no join to thread through).
        query = query.where(project_column.in_(
            select(Project.id).where(Project.project_dept_id == department_id)
        ))
    return query


def _grouped_rows(session: Session, source: Source, period: Period, project_id, department_id,
                  columns, *, by_month: bool = False):
    """`columns(rows)` of the source's stored rows in the period and scope (grouping is the
    caller's: `.group_by`); `by_month` when the months must be told apart."""
    rows = source_rows(session, source, period, by_month=by_month)
    query = select(*columns(rows)).select_from(rows)
    return rows, _scoped(query, project_id, department_id, rows.c.project_id)


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


def _monthly_counts(session: Session, source: Source, months: list[Period], project_id,
                    department_id) -> dict[int, int]:
    """Tickets per month of `months` (consecutive), from the month figures."""
    span = Period(months[0].first, months[-1].last)
    parts = months_of(span)
    rows, query = _grouped_rows(session, source, span, project_id, department_id,
                                lambda r: (month_index(r, parts).label("i"), func.sum(r.c.n)),
                                by_month=True)
    return {int(i): int(n) for i, n in session.execute(query.group_by(literal_column("i"))) if n}


def year_before_months(period: Period) -> list[Period]:
    return [Period(_year_before(m.first), _year_before(m.last)) for m in months_of(period)]


def monthly_trend(
    session: Session, period: Period, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> list[MonthTrend]:
    """Tickets received and closed per calendar month of the period, year over year."""
    months = months_of(period)
    earlier = year_before_months(period)
    counts = {}
    for name, source in (("received", Source.REPORTED), ("closed", Source.ARCHIVED)):
        counts[name] = _monthly_counts(session, source, months, project_id, department_id)
        counts[name + "_before"] = _monthly_counts(session, source, earlier, project_id,
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
    rows, query = _grouped_rows(session, Source.REPORTED, period, project_id, department_id,
                                lambda r: (r.c.category_id, func.sum(r.c.n).label("n")))
    counts = {c: int(n) for c, n in session.execute(query.group_by(rows.c.category_id)) if n}
    names = dict(session.execute(
        select(DefectCategory.id, DefectCategory.name)
        .where(DefectCategory.id.in_([c for c in counts if c is not None]))
    ).all())
    rows = [SimpleNamespace(defect_category_id=c, name=names.get(c) if c else None, n=n)
            for c, n in counts.items()]
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
    levels = [aliased(Location) for _ in range(TREE_DEPTH)]
    wanted = str(kind)
    ancestor = case(*[(level.kind == wanted, level.id) for level in levels], else_=None)
    query = select(ancestor.label("ancestor"), func.count().label("n")).select_from(Ticket)
    query = query.join(levels[0], levels[0].id == Ticket.location_id)
    for child, parent in zip(levels, levels[1:], strict=False):
        query = query.outerjoin(parent, parent.id == child.parent_id)
    query = query.where(within(Ticket.reported_at, period))
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


def _distribution(session, period, source: Source, bounds, unit, project_id,
                  department_id) -> list[DurationBucket]:
    late_status = (month_stats.RESPONSE_LATE if source == Source.RESPONDED
                   else month_stats.COMPLETION_LATE)
    rows, query = _grouped_rows(
        session, source, period, project_id, department_id,
        lambda r: (r.c.bucket, sum_if(r, r.c.status == late_status), func.sum(r.c.n)))
    found = {int(b): (int(n), int(lt)) for b, lt, n in session.execute(query.group_by(rows.c.bucket))}
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
    return _distribution(session, period, Source.RESPONDED, RESPONSE_BUCKET_HOURS, "小时",
                         project_id, department_id)


def repair_time_distribution(
    session: Session, period: Period, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
) -> list[DurationBucket]:
    """Tickets whose completion was reported in the period, by days from report, met / late."""
    return _distribution(session, period, Source.COMPLETED, REPAIR_BUCKET_DAYS, "天",
                         project_id, department_id)


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
        count_if(any_overdue_expr(now, check_state=False)).label("overdue"),
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


def _raw(column) -> ColumnElement:
    """An id column as stored (16 bytes): thousands of places need no UUID objects (nor any
    result processing)."""
    return type_coerce(column, NullType())


def _uuid(stored: bytes | None) -> uuid.UUID | None:
    return None if stored is None else uuid.UUID(bytes=bytes(stored))


def _layout(place_kind: str, inner_kind: str | None, inner, system_only: bool) -> HeatLayout:
    """Sections and systems by category; buildings by floor, or by system when the building
    holds systems and no floors (plants). A ticket on the building itself or a unit counts
    in its 其他部位 column."""
    if place_kind == str(LocationKind.SECTION):
        return HeatLayout.SECTION_CATEGORY
    if place_kind == str(LocationKind.SYSTEM):
        return HeatLayout.SYSTEM_CATEGORY
    if inner_kind == str(LocationKind.SYSTEM) or (inner is None and system_only):
        return HeatLayout.BUILDING_SYSTEM
    return HeatLayout.BUILDING_FLOOR


@dataclass
class _Tally:
    """One heat map's counts while the cells are read (ids as stored bytes)."""

    rows: dict = field(default_factory=dict)  # place → tickets
    columns: dict = field(default_factory=dict)  # column → tickets
    order: dict = field(default_factory=dict)  # floor / system name → its place in the tree


def _tallies(cells: list) -> tuple[dict[HeatLayout, _Tally], dict[bytes, HeatLayout]]:
    """Each cell (place, its kind, floor or system, that level's kind and order, category, n)
    into the map of its layout; and which layout a building's cells without a floor or system
    (其他部位) go to. Plain loops: a year holds tens of thousands of cells."""
    section, system = str(LocationKind.SECTION), str(LocationKind.SYSTEM)
    inner_kinds: dict[bytes, set] = {}
    for place, _kind, _inner, inner_kind, _order, _category, _n in cells:
        if inner_kind is not None:
            inner_kinds.setdefault(place, set()).add(inner_kind)
    system_only = {p for p, found in inner_kinds.items() if found == {system}}
    tallies = {layout: _Tally() for layout in HeatLayout}
    by_section, by_system = tallies[HeatLayout.SECTION_CATEGORY], tallies[HeatLayout.SYSTEM_CATEGORY]
    by_floor, plants = tallies[HeatLayout.BUILDING_FLOOR], tallies[HeatLayout.BUILDING_SYSTEM]
    for place, kind, inner, inner_kind, order, category, n in cells:
        if kind in (section, system):
            tally, column = (by_section if kind == section else by_system), category
        else:
            plant = inner_kind == system or (inner is None and place in system_only)
            tally, column = (plants if plant else by_floor), inner
            if column is not None and order is not None:
                # Floors by their place in the tree (1层 … 33层), systems likewise.
                tally.order[column] = min(tally.order.get(column, order), order)
        tally.rows[place] = tally.rows.get(place, 0) + n
        tally.columns[column] = tally.columns.get(column, 0) + n
    return {k: t for k, t in tallies.items() if t.rows}, {
        p: HeatLayout.BUILDING_SYSTEM for p in system_only}


def location_heat_maps(
    session: Session, period: Period, *, project_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None, max_rows: int = MAX_HEAT_ROWS,
) -> dict[HeatLayout, HeatMap]:
    """The heat maps of every layout that has tickets in the period, from one grouped read of
    the month figures (tickets per heat-map place, floor or system, and category)."""
    rows = source_rows(session, Source.PLACED, period)
    c = rows.c
    query = (
        select(_raw(c.place_id), c.place_kind, c.inner, c.inner_kind, func.min(c.inner_order),
               _raw(c.category_id), func.sum(c.n))
        .select_from(rows)
        .group_by(c.place_id, c.place_kind, c.inner, c.inner_kind, c.category_id)
    )
    query = _scoped(query, project_id, department_id, c.project_id)
    found = session.execute(query).all()
    tallies, plants = _tallies(found)
    if not tallies:
        return {}
    category_names = {cat.bytes: name for cat, name in session.execute(
        select(DefectCategory.id, DefectCategory.name))}
    places = {}
    row_ids = [_uuid(p) for tally in tallies.values() for p in tally.rows]
    for start in range(0, len(row_ids), 500):
        places.update({
            loc_id.bytes: (full_name, project)
            for loc_id, full_name, project in session.execute(
                select(Location.id, Location.full_name, Project.name)
                .join(Project, Project.id == Location.project_id)
                .where(Location.id.in_(row_ids[start:start + 500]))
            )
        })
    several_projects = len({project for _name, project in places.values()}) > 1

    def row_name(stored: bytes) -> str:
        name, project = places.get(stored, ("", ""))
        return f"{name} · {project}" if several_projects else name

    ranked, shown = {}, set()
    for layout, tally in tallies.items():
        totals = tally.rows
        # Bytes order as their UUIDs' text does: ties rank by name, then id.
        ranked[layout] = sorted(totals, key=lambda p: (-totals[p], row_name(p), p))
        shown.update(ranked[layout][:max_rows])
    cells: dict[tuple, int] = {}  # (layout, place, column) of the places shown only
    for place, kind, inner, inner_kind, _order, category, n in found:
        if place in shown:
            layout = _layout(kind, inner_kind, inner, place in plants)
            key = (layout, place, category if HEAT_ROW_KIND[layout] != LocationKind.BUILDING
                   else inner)
            cells[key] = cells.get(key, 0) + n

    maps = {}
    for layout in HeatLayout:
        tally = tallies.get(layout)
        if tally is None:
            continue
        totals, per_column = tally.rows, tally.columns
        chosen, dropped = ranked[layout][:max_rows], ranked[layout][max_rows:]
        if HEAT_ROW_KIND[layout] != LocationKind.BUILDING:
            # Most first; the not yet categorised last, as they are not a defect of their own.
            keys = sorted(per_column, key=lambda k: (
                k is None, -per_column[k], category_names.get(k, UNCATEGORISED), k or b""))
            heads = [HeatColumn(_uuid(k), category_names.get(k, UNCATEGORISED)
                                if k else UNCATEGORISED, per_column[k]) for k in keys]
        else:
            keys = sorted((k for k in per_column if k is not None),
                          key=lambda k: (tally.order.get(k, 0), k))
            if None in per_column:
                keys.append(None)
            heads = [HeatColumn(k, k if k is not None else NO_FLOOR, per_column[k]) for k in keys]
        maps[layout] = HeatMap(
            layout=layout,
            rows=[HeatRow(_uuid(p), row_name(p), totals[p]) for p in chosen],
            columns=heads,
            counts=[[cells.get((layout, p, k), 0) for k in keys] for p in chosen],
            other_rows=len(dropped),
            other_tickets=sum(totals[p] for p in dropped),
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
        if depth >= TREE_DEPTH - 1:
            return found
        for child_id, child_kind, _name in children.get(root, []):
            if stop_at_columns and child_kind in BUILDING_COLUMN_KINDS:
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
            if child_kind in BUILDING_COLUMN_KINDS:
                if name == column:
                    result.extend(subtree(child_id, depth + 1, False))
            elif depth + 1 < TREE_DEPTH - 1:
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
    rows, query = _grouped_rows(session, Source.ACCEPTED, period, project_id, department_id,
                                lambda r: (r.c.score, func.sum(r.c.n)))
    found = {score: int(n) for score, n in session.execute(query.group_by(rows.c.score))}
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
    month_stats.refresh(session, period, *year_before_months(period))
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
#   ("ageing", band, part)   part: open (the whole band), in_time or overdue
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
        return replace(flt, age_band=int(key[1]), overdue_only=key[2] == "overdue",
                       in_time_only=key[2] == "in_time")
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
