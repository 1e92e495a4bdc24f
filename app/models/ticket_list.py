"""The ticket list as pages: filter, sort and search in SQL, fetched a page at a time.

Pages are keyset-paginated (WHERE (sort, id) < (last sort, last id)), so the hundredth page
costs what the first does and nothing ever loads every row. With a search term and the
default order, results stream from the FTS index newest-first.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import column, func, literal, select, table, text, tuple_
from sqlalchemy.orm import Session, aliased

from app.models.base import to_local
from app.models.people import Staff
from app.models.project import DefectCategory, Project
from app.models.search import TicketSearchDoc, match_expression
from app.models.ticket import Ticket

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
    states: tuple[str, ...] = ()
    project_id: uuid.UUID | None = None
    urgency: int | None = None
    search: str = ""
    sort: SortKey = SortKey.REPORTED_AT
    descending: bool = True


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
        and not (flt.states or flt.project_id is not None or flt.urgency is not None)
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


def _conditions(flt: TicketFilter) -> list | None:
    """The WHERE terms of a filter; None if it can match nothing."""
    conditions = []
    if flt.states:
        conditions.append(Ticket.state.in_(flt.states))
    if flt.project_id is not None:
        conditions.append(Ticket.project_id == flt.project_id)
    if flt.urgency is not None:
        conditions.append(Ticket.urgency == flt.urgency)
    expression = match_expression(flt.search)
    if expression:
        if not _uses_search_order(flt):
            conditions.append(Ticket.id.in_(_matching_ticket_ids(expression)))
    elif flt.search.strip():
        return None  # only punctuation typed: nothing can match
    return conditions


def fetch_page(
    session: Session, flt: TicketFilter, cursor: tuple[Any, ...] | None = None, limit: int = PAGE_SIZE
) -> Page:
    """The next `limit` rows of the list after `cursor` (None: the first page)."""
    conditions = _conditions(flt)
    if conditions is None:
        return Page([], None)
    owner = aliased(Staff)
    columns = (
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
    )
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
        query = query.order_by(_FTS.c.rowid.desc())
    else:
        query = select(*columns).where(*conditions)
        ordering = _ORDERINGS[flt.sort]
        if cursor is not None:
            key = tuple_(*ordering)
            bound = tuple_(*(literal(v, type_=c.type) for v, c in zip(cursor, ordering, strict=True)))
            query = query.where(key < bound if flt.descending else key > bound)
        query = query.order_by(*(c.desc() if flt.descending else c.asc() for c in ordering))
    query = (
        query.join(Project, Project.id == Ticket.project_id)
        .outerjoin(DefectCategory, DefectCategory.id == Ticket.defect_category_id)
        .outerjoin(owner, owner.id == Ticket.owner_id)
    )
    rows = [_row(r, flt) for r in session.execute(query.limit(limit))]
    return Page(rows, rows[-1].cursor if len(rows) == limit else None)


def _row(r, flt: TicketFilter) -> TicketRow:
    if _uses_search_order(flt):
        cursor: tuple[Any, ...] = (r.doc_id,)
    else:
        cursor = tuple(getattr(r, c.key) for c in _ORDERINGS[flt.sort])
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
    )


def count_tickets(session: Session, flt: TicketFilter) -> int:
    """How many tickets the filter matches (run off the GUI thread for big stores)."""
    conditions = _conditions(flt)
    if conditions is None:
        return 0
    if _uses_search_order(flt):
        matches = _matching_ticket_ids(match_expression(flt.search)).subquery()
        return session.scalar(select(func.count()).select_from(matches)) or 0
    return session.scalar(select(func.count()).select_from(Ticket).where(*conditions)) or 0
