"""Ticket figures per local calendar month, the shared ground of the dashboard and the KPIs.

Every chart and KPI counts tickets by one *source* — the moment that decides their period —
grouped by a few dimensions. `source_rows(session, source, period)` gives those grouped rows
for any period: whole months come from `ticket_month_stat` (app/models/month_stat.py), months
cut by the period's ends and months not yet rebuilt are counted from the tickets by the very
query that fills the table, so both ways give the same numbers. A year on a million tickets is
then a few thousand stored rows instead of hundreds of thousands of tickets.

Whole calendar years are stored too, summed from their months: a year of heat-map places is
a fifth of the rows of its twelve months. `refresh(session, period)` rebuilds the struck-off
whole months and years of a period, each in its own short write transaction on a connection
of its own; callers run it before their session reads.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    Integer,
    String,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    literal_column,
    null,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

from app.analytics.expressions import hours_between, within
from app.analytics.periods import Period, month, months_of
from app.models.base import to_local, utcnow
from app.models.location import Location
from app.models.month_stat import month_stat, month_stat_built
from app.models.ticket import Ticket, TicketEvent
from app.models.vocabulary import EventKind, LocationKind, TicketState


class Source(StrEnum):
    """The moment a figure is counted by, and the dimensions it keeps."""

    REPORTED = "reported"  # project, category
    PLACED = "placed"  # project, heat-map place (+ floor / system, or category)
    ARCHIVED = "archived"  # project
    RESPONDED = "responded"  # project, owner, bucket, status (RESPONSE_LATE); hours summed
    COMPLETED = "completed"  # project, owner, bucket, status (COMPLETION_*)
    ACCEPTED = "accepted"  # project, owner, score, status (REWORKED)
    REWORK = "rework"  # project, owner, status (REWORK_*): events, not tickets


# `status` per source.
RESPONSE_LATE = 1
COMPLETION_NO_DUE, COMPLETION_ON_TIME, COMPLETION_LATE = 0, 1, 2
REWORKED = 1
REWORK_FAILED_ACCEPTANCE, REWORK_REOPENED = 1, 2

# Upper bounds (included) of the distribution buckets; the last bucket is open-ended.
RESPONSE_BUCKET_HOURS: tuple[float, ...] = (0.5, 1, 2, 4, 8, 24)
REPAIR_BUCKET_DAYS: tuple[float, ...] = (1, 3, 7, 14, 30)

DIMENSIONS = ("project_id", "owner_id", "category_id", "place_id", "place_kind", "inner",
              "inner_kind", "inner_order", "bucket", "status", "score")
MEASURES = ("n", "hours")
COLUMNS = ("month", *DIMENSIONS, *MEASURES)

# The location trees are at most four levels deep (building → unit → floor → room).
TREE_DEPTH = 4
# The kinds a heat map has rows for, in the order a ticket's parent chain is searched: an
# industrial plant's building holds systems, so a building wins over a system.
HEAT_ROW_KINDS: tuple[LocationKind, ...] = (
    LocationKind.BUILDING, LocationKind.SECTION, LocationKind.SYSTEM,
)
# Inside a building the columns are its floors (housing) or its systems (plants).
BUILDING_COLUMN_KINDS = (str(LocationKind.FLOOR), str(LocationKind.SYSTEM))

# The rework transitions (rework_count + 1): failed acceptance and reopening, both into repair.
_REJECTED_FROM = TicketState.ACCEPTANCE.value
_REOPENED_FROM = TicketState.ARCHIVED.value


def month_key(period: Period) -> str:
    """"2026-10": the calendar month a (one-month) period lies in."""
    return f"{period.first.year:04d}-{period.first.month:02d}"


def is_whole_month(part: Period) -> bool:
    return part == month(part.first.year, part.first.month)


# ---------------------------------------------------------------------------------------------
# The grouped counts, straight from the tickets
# ---------------------------------------------------------------------------------------------


def _sql_text(value: str) -> ColumnElement[str]:
    """A string constant written into the SQL, not bound: only then can SQLite use a partial
    index whose WHERE names these very values (ix_ticket_event_rework)."""
    assert value.replace("_", "").isalnum(), value
    return literal_column(f"'{value}'", String)


def _bucket(length: ColumnElement[float], bounds: tuple[float, ...]) -> ColumnElement[int]:
    return case(*[(length <= b, i) for i, b in enumerate(bounds)], else_=len(bounds))


def _select(key: str, values: dict[str, ColumnElement], source_from, where, group: list) -> Select:
    """All COLUMNS in order (NULL where the source keeps no such dimension), grouped."""
    columns = [literal(key, String).label("month")]
    for name in (*DIMENSIONS, *MEASURES):
        value = values.get(name)
        value = value if value is not None else null()
        # Typed as stored, so ids read back as UUIDs whichever part of a union comes first.
        columns.append(type_coerce(value, month_stat.c[name].type).label(name))
    query = select(*columns).select_from(source_from).where(*where)
    return query.group_by(*group) if group else query


def _first_of_kind(levels, kinds: tuple[str, ...], value) -> ColumnElement:
    """CASE giving `value(level)` for the nearest level (ticket's place first) of one of kinds."""
    return case(*[(level.kind.in_(kinds), value(level)) for level in levels], else_=None)


def _placed_query(key: str, period: Period) -> Select:
    """Tickets per heat-map place: first per (project, place, category) — a month has far
    fewer places than tickets — then each place joined to its parent chain."""
    per_place = (
        select(Ticket.project_id.label("project_id"), Ticket.location_id.label("location_id"),
               Ticket.defect_category_id.label("category_id"), func.count().label("n"))
        .where(within(Ticket.reported_at, period), Ticket.location_id.is_not(None))
        .group_by(Ticket.project_id, Ticket.location_id, Ticket.defect_category_id)
        .subquery()
    )
    levels = [aliased(Location) for _ in range(TREE_DEPTH)]
    rows_by_kind = [
        (kind, _first_of_kind(levels, (str(kind),), lambda lv: lv.id)) for kind in HEAT_ROW_KINDS
    ]
    in_building = rows_by_kind[0][1].is_not(None)
    place = func.coalesce(*[expr for _kind, expr in rows_by_kind])
    place_kind = case(*[(expr.is_not(None), str(kind)) for kind, expr in rows_by_kind], else_=None)
    inner = case((in_building, _first_of_kind(levels, BUILDING_COLUMN_KINDS, lambda lv: lv.name)),
                 else_=None)
    inner_kind = case((in_building, _first_of_kind(levels, BUILDING_COLUMN_KINDS,
                                                   lambda lv: lv.kind)), else_=None)
    inner_order = _first_of_kind(levels, BUILDING_COLUMN_KINDS, lambda lv: lv.sort_key)
    # Buildings are split by floor or system; sections and systems by defect category.
    category = case((in_building, None), else_=per_place.c.category_id)
    joined = per_place.join(levels[0], levels[0].id == per_place.c.location_id)
    for child, parent in zip(levels, levels[1:], strict=False):
        joined = joined.outerjoin(parent, parent.id == child.parent_id)
    values = {
        "project_id": per_place.c.project_id, "place_id": place, "place_kind": place_kind,
        "inner": inner, "inner_kind": inner_kind, "inner_order": func.max(inner_order),
        "category_id": category, "n": func.sum(per_place.c.n),
    }
    group = [per_place.c.project_id, place, place_kind, inner, inner_kind, category]
    return _select(key, values, joined, [place.is_not(None)], group)


def live_query(session: Session, source: Source, period: Period, key: str) -> Select:
    """The grouped rows of `source` for `period`, counted from the tickets, labelled `key`."""
    t = Ticket
    if source == Source.REPORTED:
        values = {"project_id": t.project_id, "category_id": t.defect_category_id,
                  "n": func.count()}
        return _select(key, values, t, [within(t.reported_at, period)],
                       [t.project_id, t.defect_category_id])
    if source == Source.PLACED:
        return _placed_query(key, period)
    if source == Source.ARCHIVED:
        return _select(key, {"project_id": t.project_id, "n": func.count()}, t,
                       [within(t.archived_at, period)], [t.project_id])
    if source == Source.RESPONDED:
        hours = hours_between(session, t.reported_at, t.responded_at)
        bucket = _bucket(hours, RESPONSE_BUCKET_HOURS)
        late = case((t.responded_at > t.response_due_at, RESPONSE_LATE), else_=0)
        values = {"project_id": t.project_id, "owner_id": t.owner_id, "bucket": bucket,
                  "status": late, "n": func.count(), "hours": func.sum(hours)}
        return _select(key, values, t, [within(t.responded_at, period)],
                       [t.project_id, t.owner_id, bucket, late])
    if source == Source.COMPLETED:
        bucket = _bucket(hours_between(session, t.reported_at, t.completed_at) / 24.0,
                         REPAIR_BUCKET_DAYS)
        status = case((t.completion_due_at.is_(None), COMPLETION_NO_DUE),
                      (t.completed_at <= t.completion_due_at, COMPLETION_ON_TIME),
                      else_=COMPLETION_LATE)
        values = {"project_id": t.project_id, "owner_id": t.owner_id, "bucket": bucket,
                  "status": status, "n": func.count()}
        return _select(key, values, t, [within(t.completed_at, period)],
                       [t.project_id, t.owner_id, bucket, status])
    if source == Source.ACCEPTED:
        reworked = case((t.rework_count >= 1, REWORKED), else_=0)
        values = {"project_id": t.project_id, "owner_id": t.owner_id, "score": t.satisfaction,
                  "status": reworked, "n": func.count()}
        return _select(key, values, t, [within(t.accepted_at, period)],
                       [t.project_id, t.owner_id, t.satisfaction, reworked])
    if source == Source.REWORK:
        e = TicketEvent
        kind = case((e.old_value == _sql_text(_REJECTED_FROM), REWORK_FAILED_ACCEPTANCE),
                    else_=REWORK_REOPENED)
        values = {"project_id": t.project_id, "owner_id": t.owner_id, "status": kind,
                  "n": func.count()}
        where = [
            e.kind == _sql_text(EventKind.STATE.value),
            e.field == _sql_text("state"),
            e.new_value == _sql_text(TicketState.IN_REPAIR.value),
            e.old_value.in_([_sql_text(_REJECTED_FROM), _sql_text(_REOPENED_FROM)]),
            within(e.at, period),
        ]
        return _select(key, values, e.__table__.join(t.__table__, t.id == e.ticket_id), where,
                       [t.project_id, t.owner_id, kind])
    raise ValueError(f"unknown source {source!r}")


# ---------------------------------------------------------------------------------------------
# Keeping the stored months current
# ---------------------------------------------------------------------------------------------


def _kept(session: Session) -> bool:
    """Whether this store keeps month figures (SQLite with migration 0009's triggers)."""
    return session.get_bind().dialect.name == "sqlite"


def _whole_months(period: Period) -> list[Period]:
    return [m for m in months_of(period) if is_whole_month(m)]


def _whole_years(period: Period) -> list[int]:
    return [y for y in range(period.first.year, period.last.year + 1)
            if period.first <= dt.date(y, 1, 1) and dt.date(y, 12, 31) <= period.last]


def _parts(period: Period, by_month: bool) -> list[tuple[str, Period | None]]:
    """The period as stored keys: whole years ("2025", unless `by_month`), else months
    ("2025-03", whole or cut; a cut month is counted from the tickets)."""
    years = set() if by_month else set(_whole_years(period))
    parts: list[tuple[str, Period | None]] = [(f"{y:04d}", None) for y in sorted(years)]
    parts += [(month_key(m), m) for m in months_of(period) if m.first.year not in years]
    return parts


def rebuild_month(session: Session, conn: Connection, part: Period) -> None:
    """Replace one whole month's stored figures by a fresh count, and mark it current."""
    key = month_key(part)
    conn.execute(delete(month_stat).where(month_stat.c.month == key))
    conn.execute(delete(month_stat_built).where(month_stat_built.c.month == key))
    for source in Source:
        query = live_query(session, source, part, key).add_columns(
            literal(str(source), String).label("source"))
        conn.execute(insert(month_stat).from_select([*COLUMNS, "source"], query))
    conn.execute(insert(month_stat_built).values(month=key))


def rebuild_year(conn: Connection, year: int) -> None:
    """Replace a year's stored figures by the sum of its twelve stored months (all current):
    a year of places is a fifth of the rows of its months."""
    key = f"{year:04d}"
    conn.execute(delete(month_stat).where(month_stat.c.month == key))
    conn.execute(delete(month_stat_built).where(month_stat_built.c.month == key))
    months = [f"{key}-{m:02d}" for m in range(1, 13)]
    dimensions = [month_stat.c[name] for name in DIMENSIONS]
    query = (
        select(literal(key, String), month_stat.c.source, *dimensions,
               func.sum(month_stat.c.n), func.sum(month_stat.c.hours))
        .where(month_stat.c.month.in_(months))
        .group_by(month_stat.c.source, *dimensions)
    )
    conn.execute(insert(month_stat).from_select(
        ["month", "source", *DIMENSIONS, *MEASURES], query))
    conn.execute(insert(month_stat_built).values(month=key))


def refresh(session: Session, *periods: Period, today: dt.date | None = None) -> int:
    """Rebuild the whole months of the periods that a write has struck off, and their whole
    years that ended before `today` (local; the current year changes all the time and is read
    by month); how many months and years were rebuilt.

    Each is rebuilt in its own write transaction on a connection of its own, so it never
    waits behind the caller. Does nothing when the session is already in a transaction (its
    reads could not see the rebuilt rows; the figures are then counted from the tickets).
    """
    if not _kept(session) or session.in_transaction():
        return 0
    this_year = (today or to_local(utcnow()).date()).year
    months = {month_key(m): m for p in periods for m in _whole_months(p)}
    years = sorted({y for p in periods for y in _whole_years(p) if y < this_year})
    for y in years:  # a year is summed from its months
        months.update({month_key(m): m for m in _whole_months(Period(dt.date(y, 1, 1),
                                                                     dt.date(y, 12, 31)))})
    if not months:
        return 0
    keys = [*months, *(f"{y:04d}" for y in years)]
    engine = session.get_bind().engine
    with engine.connect() as conn:
        built = set(conn.execute(select(month_stat_built.c.month)
                                 .where(month_stat_built.c.month.in_(keys))).scalars())
        conn.rollback()
        work = [(lambda c, m=months[k]: rebuild_month(session, c, m))
                for k in sorted(months) if k not in built]
        work += [(lambda c, y=y: rebuild_year(c, y)) for y in years if f"{y:04d}" not in built]
        done = 0
        for rebuild in work:
            try:
                with conn.begin():
                    rebuild(conn)
            except OperationalError:
                # Another writer held the store past the lock wait: these figures are counted
                # from the tickets this time and rebuilt by a later reader.
                break
            done += 1
    return done


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


def source_rows(session: Session, source: Source, period: Period, *, by_month: bool = False):
    """A subquery of `source`'s grouped rows (COLUMNS) over the period.

    Whole years (unless `by_month`: the rows then carry their month) and whole months already
    rebuilt are read from the table; a year not rebuilt is read month by month, and months cut
    by the period or not rebuilt are counted from the tickets. Callers filter by project and
    group again as they need (sums of `n` and `hours`).
    """
    parts = _parts(period, by_month)
    built: set[str] = set()
    if _kept(session):
        keys = [key for key, _part in parts]
        built = set(session.scalars(
            select(month_stat_built.c.month).where(month_stat_built.c.month.in_(keys))))
    if not by_month and any(part is None and key not in built for key, part in parts):
        return source_rows(session, source, period, by_month=True)
    stored = [key for key, part in parts if key in built and (part is None or
                                                             is_whole_month(part))]
    queries = []
    if stored:
        queries.append(
            select(*[month_stat.c[name] for name in COLUMNS])
            .where(month_stat.c.source == str(source), month_stat.c.month.in_(stored)))
    queries += [live_query(session, source, part, key) for key, part in parts
                if key not in stored]
    query = queries[0] if len(queries) == 1 else union_all(*queries)
    return query.subquery(f"{source}_rows")


def month_index(rows, months: list[Period]) -> ColumnElement[int]:
    """The position of each row's month in `months` (0 when there is no month list)."""
    if not months or len(months) == 1:
        return cast(literal_column("0"), Integer)
    return case({month_key(m): i for i, m in enumerate(months)}, value=rows.c.month, else_=-1)


def sum_if(rows, condition: ColumnElement[bool]) -> ColumnElement[int]:
    """The tickets (`n`) of the rows meeting the condition."""
    return func.coalesce(func.sum(case((condition, rows.c.n), else_=0)), 0)


__all__ = [
    "BUILDING_COLUMN_KINDS", "COLUMNS", "COMPLETION_LATE", "COMPLETION_NO_DUE",
    "COMPLETION_ON_TIME", "HEAT_ROW_KINDS", "REPAIR_BUCKET_DAYS", "RESPONSE_BUCKET_HOURS",
    "RESPONSE_LATE", "REWORKED", "REWORK_FAILED_ACCEPTANCE", "REWORK_REOPENED", "Source",
    "TREE_DEPTH", "live_query", "month_index", "month_key", "rebuild_month", "rebuild_year",
    "refresh", "source_rows", "sum_if",
]
