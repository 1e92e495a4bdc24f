"""The ticket list as pages: filter, sort and search in SQL, fetched a page at a time.

Pages are keyset-paginated (WHERE (sort, id) < (last sort, last id)), so the hundredth page
costs what the first does and nothing ever loads every row. With a search term and the
default order, results stream from the FTS index newest-first. Ageing bands and overdue
flags are SQL expressions (app.models.sla) evaluated per row at a given `now`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, case, column, func, literal, select, table, text, tuple_
from sqlalchemy.orm import Session, aliased

from app.models.base import to_local, utcnow
from app.models.people import Customer, Staff
from app.models.project import DefectCategory, Project
from app.models.search import TicketSearchDoc, match_expression
from app.models.sla import (
    OPEN_STATE_VALUES,
    Timer,
    age_band_expr,
    any_overdue_expr,
    next_due_expr,
    overdue_expr,
)
from app.models.ticket import Ticket
from app.models.vocabulary import TicketState

PAGE_SIZE = 200


class SortKey(StrEnum):
    """The columns a list can be sorted by (each one backed by an index)."""

    REPORTED_AT = "reported_at"
    NUMBER = "number"
    STATE = "state"
    URGENCY = "urgency"
    PROJECT = "project"
    LOCATION = "location"


# The full ordering of each sort: the column, then ties broken so that the order matches an
# index ((state|urgency|project_id, reported_at)) and ends on a unique column.
_ORDERINGS = {
    SortKey.REPORTED_AT: (Ticket.reported_at, Ticket.id),
    SortKey.NUMBER: (Ticket.number,),
    SortKey.STATE: (Ticket.state, Ticket.reported_at, Ticket.id),
    SortKey.URGENCY: (Ticket.urgency, Ticket.reported_at, Ticket.id),
    SortKey.PROJECT: (Ticket.project_id, Ticket.reported_at, Ticket.id),
    SortKey.LOCATION: (Ticket.location_label, Ticket.id),
}




@dataclass(frozen=True)
class TicketFilter:
    """What the list shows; every field narrows it (all are AND-ed in SQL).

    `states` is the state chooser; `scope_states` a quick filter's own state condition (待验收,
    全部未结), so choosing both shows their intersection. `overdue_only` and `due_before` are
    judged at the `now` passed to fetch_page/count_tickets (paused clocks stop, as in sla.py).
    """

    states: tuple[str, ...] = ()
    project_id: uuid.UUID | None = None
    urgency: int | None = None
    search: str = ""
    sort: SortKey = SortKey.REPORTED_AT
    descending: bool = True
    scope_states: tuple[str, ...] = ()
    urgencies: tuple[int, ...] = ()
    owner_id: uuid.UUID | None = None
    overdue_only: bool = False  # an unmet timer is past due now (open tickets)
    due_before: dt.datetime | None = None  # an unmet timer falls due before this (UTC, open)
    # Drill-downs from the 工作台 charts (app.analytics.dashboard counts the same tickets):
    department_id: uuid.UUID | None = None  # the project department of the ticket's project
    defect_category_id: uuid.UUID | None = None  # NO_CATEGORY: not yet categorised
    location_ids: tuple[uuid.UUID, ...] = ()  # exactly these places (a heat-map cell)
    # The moment `period_field` (reported_at, responded_at, completed_at, accepted_at,
    # archived_at) falls in [period_start, period_end) — stored UTC, like periods.Period.
    period_field: str = "reported_at"
    period_start: dt.datetime | None = None
    period_end: dt.datetime | None = None
    # Hours from the report to `period_field`, divided by `duration_unit_hours`, in
    # (duration_above, duration_upto]: a bar of the response or repair time distribution.
    duration_unit_hours: float = 1.0
    duration_above: float | None = None
    duration_upto: float | None = None
    late: bool | None = None  # `period_field` (responded_at, completed_at) after its due time
    satisfaction: int | None = None  # the owner's score 1–5; 0: accepted without a score
    age_band: int | None = None  # open tickets of this sla.AgeBand at `now`
    in_time_only: bool = False  # open with no timer past due at `now` (complement of overdue)
    follow_up_overdue: bool = False  # in 回访, not done, due before today (local) at `now`

    def is_plain(self) -> bool:
        """No condition besides the search term (the search can stream from the index)."""
        return not (
            self.states or self.scope_states or self.urgencies or self.project_id is not None
            or self.urgency is not None or self.owner_id is not None or self.overdue_only
            or self.due_before is not None or self.is_drill_down()
        )

    def is_drill_down(self) -> bool:
        """Whether any of the chart drill-down conditions is set."""
        return bool(
            self.department_id is not None or self.defect_category_id is not None
            or self.location_ids or self.period_start is not None or self.period_end is not None
            or self.duration_above is not None or self.duration_upto is not None
            or self.late is not None or self.satisfaction is not None
            or self.age_band is not None or self.follow_up_overdue or self.in_time_only
        )


NO_CATEGORY = uuid.UUID(int=0)  # TicketFilter.defect_category_id for "not categorised"
# The timer met at each moment a drill-down can count by (TicketFilter.late).
_DUE_OF_MOMENT = {"responded_at": "response_due_at", "arrived_at": "arrival_due_at",
                  "completed_at": "completion_due_at"}
PERIOD_FIELDS = ("reported_at", "responded_at", "arrived_at", "completed_at", "accepted_at",
                 "archived_at")


@dataclass(frozen=True)
class TicketRow:
    """One line of the ticket list."""

    id: uuid.UUID
    number: str
    state: str
    urgency: int
    project_name: str
    location: str
    category: str
    reporter_name: str
    reporter_phone: str
    description: str
    owner_name: str
    reported_at: dt.datetime
    rework_count: int
    cursor: tuple[Any, ...] = field(repr=False, compare=False, default=())
    owner_id: uuid.UUID | None = None
    customer_name: str = ""
    channel: str = ""
    coverage: str | None = None
    building_part: str | None = None
    age_band: int | None = None  # sla.AgeBand of an open ticket; None once closed
    overdue: bool = False  # an unmet timer is past due (open tickets only)
    overdue_timers: tuple[str, ...] = ()  # which: sla.Timer values
    next_due: dt.datetime | None = None  # due time of the first unmet timer (UTC)
    paused: bool = False  # the clocks stand still (waiting for the owner)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly view for scripts (python -m app tickets --json)."""
        return {
            "id": str(self.id),
            "number": self.number,
            "state": self.state,
            "urgency": self.urgency,
            "project": self.project_name,
            "location": self.location,
            "category": self.category,
            "reporter": self.reporter_name,
            "phone": self.reporter_phone,
            "description": self.description,
            "owner": self.owner_name,
            "reported_at": to_local(self.reported_at).isoformat(timespec="seconds"),
            "rework_count": self.rework_count,
        }


@dataclass(frozen=True)
class Page:
    rows: list[TicketRow]
    cursor: tuple[Any, ...] | None  # pass back to get the next page; None at the end


def _uses_search_order(flt: TicketFilter) -> bool:
    """A plain search (no other filter, default order) streams newest-first from the index.

    With filters or another order, the matching ids are collected once instead (an index
    scan that stops at the page end could otherwise walk every match of a common term).
    """
    return (
        bool(match_expression(flt.search))
        and flt.sort == SortKey.REPORTED_AT
        and flt.descending
        and flt.is_plain()
    )


_FTS = table("ticket_fts", column("rowid"))


def _fts_match(expression: str):
    return text("ticket_fts MATCH :match").bindparams(match=expression)


def _matching_ticket_ids(expression: str):
    return (
        select(TicketSearchDoc.ticket_id)
        .select_from(_FTS)
        .join(TicketSearchDoc, TicketSearchDoc.doc_id == _FTS.c.rowid)
        .where(_fts_match(expression))
    )


def _only_open_states(flt: TicketFilter) -> bool:
    chosen = [set(states) for states in (flt.states, flt.scope_states) if states]
    return bool(chosen) and set.intersection(*chosen) <= set(OPEN_STATE_VALUES)


def _conditions(flt: TicketFilter, now: dt.datetime) -> list | None:
    """The WHERE terms of a filter; None if it can match nothing."""
    conditions = []
    if flt.states:
        conditions.append(Ticket.state.in_(flt.states))
    if flt.scope_states:
        conditions.append(Ticket.state.in_(flt.scope_states))
    if flt.project_id is not None:
        conditions.append(Ticket.project_id == flt.project_id)
    if flt.urgency is not None:
        # One urgency walks its (urgency, reported_at) index in order and stops at the page end.
        conditions.append(Ticket.urgency == flt.urgency)
    if flt.urgencies:
        # Several urgencies cannot be read in date order from that index, so all their rows
        # (30% of a store) would be sorted. Open tickets are a small share (1% of a million):
        # with only open states chosen, `urgency + 0` keeps SQLite on the state index.
        urgency = Ticket.urgency + 0 if _only_open_states(flt) else Ticket.urgency
        conditions.append(urgency.in_(flt.urgencies))
    if flt.owner_id is not None:
        conditions.append(Ticket.owner_id == flt.owner_id)
    if flt.overdue_only:
        conditions.append(any_overdue_expr(now))
    if flt.due_before is not None:
        conditions.append(any_overdue_expr(flt.due_before))
    if flt.is_drill_down():
        conditions.extend(_drill_down_conditions(flt, now))
    expression = match_expression(flt.search)
    if expression:
        if not _uses_search_order(flt):
            conditions.append(Ticket.id.in_(_matching_ticket_ids(expression)))
    elif flt.search.strip():
        return None  # only punctuation typed: nothing can match
    return conditions


def _drill_down_conditions(flt: TicketFilter, now: dt.datetime) -> list:
    """The chart drill-down terms, written as app.analytics.dashboard writes its counts."""
    conditions = []
    if flt.department_id is not None:
        conditions.append(Ticket.project_id.in_(
            select(Project.id).where(Project.project_dept_id == flt.department_id)
        ))
    if flt.defect_category_id == NO_CATEGORY:
        conditions.append(Ticket.defect_category_id.is_(None))
    elif flt.defect_category_id is not None:
        conditions.append(Ticket.defect_category_id == flt.defect_category_id)
    if flt.location_ids:
        conditions.append(Ticket.location_id.in_(list(flt.location_ids)))
    if flt.period_field not in PERIOD_FIELDS:
        raise ValueError(f"not a ticket moment: {flt.period_field}")
    moment = getattr(Ticket, flt.period_field)
    if flt.period_start is not None:
        conditions.append(moment >= flt.period_start)
    if flt.period_end is not None:
        conditions.append(moment < flt.period_end)
    if flt.duration_above is not None or flt.duration_upto is not None:
        # The same arithmetic as the distribution's buckets, so a bound is judged alike.
        length = (func.julianday(moment) - func.julianday(Ticket.reported_at)) * 24.0
        length = length / flt.duration_unit_hours
        if flt.duration_above is not None:
            conditions.append(length > flt.duration_above)
        if flt.duration_upto is not None:
            conditions.append(length <= flt.duration_upto)
    if flt.late is not None:
        due = getattr(Ticket, _DUE_OF_MOMENT[flt.period_field])
        late = and_(due.is_not(None), moment > due)
        conditions.append(late if flt.late else ~late)
    if flt.satisfaction == 0:
        conditions.append(Ticket.satisfaction.is_(None))
    elif flt.satisfaction is not None:
        conditions.append(Ticket.satisfaction == flt.satisfaction)
    if flt.age_band is not None:
        conditions.append(Ticket.state.in_(OPEN_STATE_VALUES))
        conditions.append(age_band_expr(now) == int(flt.age_band))
    if flt.in_time_only:
        # The CASE counts NULL as "not overdue", exactly as the ageing chart's counts do.
        conditions.append(Ticket.state.in_(OPEN_STATE_VALUES))
        conditions.append(case((any_overdue_expr(now, check_state=False), 1), else_=0) == 0)
    if flt.follow_up_overdue:
        today = to_local(now).date()
        conditions.extend([
            Ticket.state == TicketState.FOLLOW_UP.value,
            Ticket.followed_up_at.is_(None),
            Ticket.follow_up_due_on < literal(today),
        ])
    return conditions


def _columns(now: dt.datetime, owner, customer) -> tuple:
    is_open = Ticket.state.in_(OPEN_STATE_VALUES)
    return (
        Ticket.id,
        Ticket.number,
        Ticket.state,
        Ticket.urgency,
        Project.name.label("project_name"),
        Ticket.location_label,
        DefectCategory.name.label("category"),
        Ticket.reporter_name,
        Ticket.reporter_phone,
        func.substr(Ticket.description, 1, 80).label("description"),
        owner.name.label("owner_name"),
        Ticket.reported_at,
        Ticket.rework_count,
        Ticket.project_id,
        Ticket.owner_id,
        customer.name.label("customer_name"),
        Ticket.channel,
        Ticket.coverage,
        Ticket.building_part,
        case((is_open, age_band_expr(now)), else_=None).label("age_band"),
        # The open-state test is applied once, here, for all three timers.
        *(
            case((is_open, overdue_expr(timer, now, check_state=False)), else_=False).label(
                f"{timer.value}_overdue"
            )
            for timer in Timer
        ),
        case((is_open, next_due_expr()), else_=None).label("next_due"),
        Ticket.paused_since.is_not(None).label("paused"),
    )


def _joined(query, owner, customer):
    return (
        query.join(Project, Project.id == Ticket.project_id)
        .outerjoin(DefectCategory, DefectCategory.id == Ticket.defect_category_id)
        .outerjoin(owner, owner.id == Ticket.owner_id)
        .outerjoin(customer, customer.id == Ticket.customer_id)
    )


def fetch_page(
    session: Session,
    flt: TicketFilter,
    cursor: tuple[Any, ...] | None = None,
    limit: int = PAGE_SIZE,
    *,
    now: dt.datetime | None = None,
) -> Page:
    """The next `limit` rows of the list after `cursor` (None: the first page)."""
    now = now or utcnow()
    conditions = _conditions(flt, now)
    if conditions is None:
        return Page([], None)
    owner, customer = aliased(Staff), aliased(Customer)
    columns = _columns(now, owner, customer)
    if _uses_search_order(flt):
        # Drive from the FTS index, newest document first, and stop at the page end.
        query = (
            select(*columns, _FTS.c.rowid.label("doc_id"))
            .select_from(_FTS)
            .join(TicketSearchDoc, TicketSearchDoc.doc_id == _FTS.c.rowid)
            .join(Ticket, Ticket.id == TicketSearchDoc.ticket_id)
            .where(_fts_match(match_expression(flt.search)))
        )
        if cursor is not None:
            query = query.where(_FTS.c.rowid < cursor[0])
        query = _joined(query.order_by(_FTS.c.rowid.desc()), owner, customer).limit(limit)
    else:
        # Pick the page's ids first, reading only the sort columns, then join and compute the
        # shown columns for those rows alone: when the filter's rows must be sorted (12,000
        # open tickets of a million), SQLite would otherwise join and compute them all.
        ordering = _ORDERINGS[flt.sort]
        page = select(Ticket.id.label("page_id")).where(*conditions)
        if cursor is not None:
            key = tuple_(*ordering)
            bound = tuple_(*(literal(v, type_=c.type) for v, c in zip(cursor, ordering, strict=True)))
            page = page.where(key < bound if flt.descending else key > bound)
        order = [c.desc() if flt.descending else c.asc() for c in ordering]
        ids = page.order_by(*order).limit(limit).subquery("page")
        query = _joined(
            select(*columns).select_from(ids).join(Ticket, Ticket.id == ids.c.page_id), owner, customer
        ).order_by(*order)
    rows = [_row(r, flt) for r in session.execute(query)]
    return Page(rows, rows[-1].cursor if len(rows) == limit else None)


def fetch_rows(
    session: Session, flt: TicketFilter, ticket_ids: Sequence[uuid.UUID], *, now: dt.datetime | None = None
) -> list[TicketRow]:
    """The rows of these tickets that the filter still shows, as fetch_page makes them.

    For refreshing a loaded list after some tickets changed: a ticket missing from the
    answer has left the filter. Rows carry the cursor of the filter's order (not of the
    search index: a plain search is ordered by FTS document, which only a reload can follow).
    """
    now = now or utcnow()
    conditions = _conditions(flt, now)
    if conditions is None or not ticket_ids:
        return []
    owner, customer = aliased(Staff), aliased(Customer)
    query = select(*_columns(now, owner, customer)).where(*conditions)
    expression = match_expression(flt.search)
    if expression and _uses_search_order(flt):
        query = query.where(Ticket.id.in_(_matching_ticket_ids(expression)))
    rows = []
    ids = list(dict.fromkeys(ticket_ids))
    for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = _joined(query.where(Ticket.id.in_(ids[start : start + 500])), owner, customer)
        rows.extend(_row(r, flt, by_search=False) for r in session.execute(chunk))
    return rows


def _row(r, flt: TicketFilter, *, by_search: bool | None = None) -> TicketRow:
    if by_search is None:
        by_search = _uses_search_order(flt)
    if by_search:
        cursor: tuple[Any, ...] = (r.doc_id,)
    else:
        cursor = tuple(getattr(r, c.key) for c in _ORDERINGS[flt.sort])
    overdue_timers = tuple(t.value for t in Timer if getattr(r, f"{t.value}_overdue"))
    return TicketRow(
        id=r.id,
        number=r.number,
        state=r.state,
        urgency=r.urgency,
        project_name=r.project_name,
        location=r.location_label,
        category=r.category or "",
        reporter_name=r.reporter_name,
        reporter_phone=r.reporter_phone,
        description=r.description,
        owner_name=r.owner_name or "",
        reported_at=r.reported_at,
        rework_count=r.rework_count,
        cursor=cursor,
        owner_id=r.owner_id,
        customer_name=r.customer_name or "",
        channel=r.channel or "",
        coverage=r.coverage,
        building_part=r.building_part,
        age_band=r.age_band,
        overdue=bool(overdue_timers),
        overdue_timers=overdue_timers,
        next_due=r.next_due,
        paused=bool(r.paused),
    )


def count_tickets(session: Session, flt: TicketFilter, *, now: dt.datetime | None = None) -> int:
    """How many tickets the filter matches (run off the GUI thread for big stores)."""
    conditions = _conditions(flt, now or utcnow())
    if conditions is None:
        return 0
    if _uses_search_order(flt):
        matches = _matching_ticket_ids(match_expression(flt.search)).subquery()
        return session.scalar(select(func.count()).select_from(matches)) or 0
    return session.scalar(select(func.count()).select_from(Ticket).where(*conditions)) or 0


def matching_ids(session: Session, flt: TicketFilter, *, limit: int, now: dt.datetime | None = None) -> list[uuid.UUID]:
    """Ids of up to `limit` tickets the filter matches, newest first (a batch export)."""
    conditions = _conditions(flt, now or utcnow())
    if conditions is None:
        return []
    query = select(Ticket.id).where(*conditions)
    if _uses_search_order(flt):
        query = query.where(Ticket.id.in_(_matching_ticket_ids(match_expression(flt.search))))
    return list(session.scalars(query.order_by(Ticket.reported_at.desc()).limit(limit)))


def end_of_local_day(now: dt.datetime, zone: str = "Asia/Shanghai") -> dt.datetime:
    """Midnight after `now` (naive UTC) in the clerk's time zone, as naive UTC (今日超时)."""
    local = to_local(now, zone)
    midnight = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(), local.tzinfo)
    return midnight.astimezone(dt.UTC).replace(tzinfo=None)


def open_load_by_owner(session: Session) -> dict[uuid.UUID, int]:
    """Open tickets per responsible owner (shown when dispatching, to spread the work)."""
    query = (
        select(Ticket.owner_id, func.count())
        .where(Ticket.state.in_(OPEN_STATE_VALUES), Ticket.owner_id.is_not(None))
        .group_by(Ticket.owner_id)
    )
    return {owner_id: n for owner_id, n in session.execute(query)}
