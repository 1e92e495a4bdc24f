"""The Kanban board's query: every open ticket's card fields in one SQL statement, by filter.

A card carries what the board paints (number, location, category, owner, urgency, the next
deadline and whether it has passed, photo and rework counts) and nothing else, so 10,000 open
tickets load in one round trip. Closed columns (已归档, 不予保修, 已取消) are optional and
show only their most recently changed tickets: a store holds far more closed tickets than a
wall can show, and their totals are counted in SQL.
"""

from __future__ import annotations

import datetime as dt
import gc
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Boolean,
    LargeBinary,
    String,
    and_,
    case,
    column,
    func,
    literal,
    or_,
    select,
    table,
    text,
    type_coerce,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from app.models.attachment import Attachment
from app.models.base import to_local
from app.models.people import Staff
from app.models.project import DefectCategory, Project
from app.models.search import TicketSearchDoc, match_expression
from app.models.sla import any_overdue_expr, next_due_expr
from app.models.ticket import Ticket
from app.models.vocabulary import CLOSED_STATES, MAIN_LINE, OPEN_STATES, PhotoStage, TicketState

S = TicketState
# Columns of the board, left to right: the main line, then the side exits.
BOARD_STATES: tuple[TicketState, ...] = (*MAIN_LINE, S.NOT_COVERED, S.CANCELLED)
CLOSED_CARDS_SHOWN = 300  # per closed column: the most recently changed
LOCAL_ZONE = "Asia/Shanghai"
PHOTO_STAGES = (PhotoStage.BEFORE.value, PhotoStage.DURING.value, PhotoStage.AFTER.value)
_FAR_FUTURE = dt.datetime.max


class Deadline:
    """Which deadline a card counts down to (the SLA timers, then the follow-up visit)."""

    RESPONSE = "response"
    ARRIVAL = "arrival"
    COMPLETION = "completion"
    FOLLOW_UP = "follow_up"


@dataclass(frozen=True)
class BoardFilter:
    """What the board shows; every field narrows it (None / empty / False: no narrowing)."""

    project_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = None
    unassigned: bool = False  # only tickets nobody owns yet (overrides owner_id)
    urgency: int | None = None
    category: str | None = None  # a defect category name (the same name across project types)
    overdue_only: bool = False
    search: str = ""
    show_closed: bool = False


@dataclass(slots=True)  # not frozen: a frozen init costs a setattr call per field
class Card:
    """One ticket as the board paints it. Times are naive UTC."""

    id: uuid.UUID
    number: str
    state: str
    urgency: int
    project_id: uuid.UUID
    project_code: str
    project_name: str
    location: str
    category: str
    owner_id: uuid.UUID | None
    owner_name: str
    deadline: dt.datetime | None  # the next deadline not yet met (None: nothing due)
    deadline_kind: str | None  # a Deadline code
    paused_since: dt.datetime | None  # timers stopped (waiting for the owner)
    overdue: bool  # as computed in SQL when the card was read
    photo_count: int
    rework_count: int
    reported_at: dt.datetime
    updated_at: dt.datetime

    @property
    def closed(self) -> bool:
        return self.state in CLOSED_STATES

    def remaining(self, now: dt.datetime) -> dt.timedelta | None:
        """Time left to the deadline (negative once passed); a paused clock stands still."""
        if self.deadline is None:
            return None
        clock = self.paused_since if self.paused_since is not None else now
        return self.deadline - clock

    def is_overdue(self, now: dt.datetime) -> bool:
        """Overdue when read, or its deadline has passed since (the board stays open for hours)."""
        left = self.remaining(now)
        return self.overdue or (left is not None and left < dt.timedelta(0))


@dataclass(frozen=True)
class Board:
    cards: list[Card]
    totals: dict[str, int]  # per state: every matching ticket, also those not shown


def card_order(card: Card) -> tuple[Any, ...]:
    """Where a card sits in its column: open ones by the most pressing deadline first (then
    urgency, then age); closed ones most recently changed first."""
    if card.closed:
        return (1, -card.updated_at.timestamp(), card.number)
    deadline = card.deadline if card.deadline is not None else _FAR_FUTURE
    return (0, deadline, card.urgency, card.reported_at, card.number)


# ---------------------------------------------------------------------------------------------
# SQL
# ---------------------------------------------------------------------------------------------

_FTS = table("ticket_fts", column("rowid"))


def _matching_ticket_ids(expression: str):
    return (
        select(TicketSearchDoc.ticket_id)
        .select_from(_FTS)
        .join(TicketSearchDoc, TicketSearchDoc.doc_id == _FTS.c.rowid)
        .where(text("ticket_fts MATCH :board_match").bindparams(board_match=expression))
    )


def local_today(now: dt.datetime) -> dt.date:
    return to_local(now, LOCAL_ZONE).date()


def follow_up_deadline(due_on: dt.date) -> dt.datetime:
    """The end of the follow-up's last local day, as naive UTC."""
    from zoneinfo import ZoneInfo

    end = dt.datetime.combine(due_on + dt.timedelta(days=1), dt.time(), ZoneInfo(LOCAL_ZONE))
    return end.astimezone(dt.UTC).replace(tzinfo=None)


def overdue_expr(now: dt.datetime) -> ColumnElement[bool]:
    """A response timer past due (sla.any_overdue_expr), or a follow-up visit past its day."""
    follow_up_late = and_(
        Ticket.state == S.FOLLOW_UP.value,
        Ticket.follow_up_due_on < literal(local_today(now)),
    )
    return type_coerce(or_(any_overdue_expr(now), follow_up_late), Boolean())


def _deadline_kind_expr() -> ColumnElement[str | None]:
    return case(
        (Ticket.responded_at.is_(None), literal(Deadline.RESPONSE)),
        (Ticket.arrived_at.is_(None), literal(Deadline.ARRIVAL)),
        (Ticket.completed_at.is_(None), literal(Deadline.COMPLETION)),
        (Ticket.state == S.FOLLOW_UP.value, literal(Deadline.FOLLOW_UP)),
        else_=None,
    )


def _photo_count_expr() -> ColumnElement[int]:
    # A correlated count walks the attachment index of each shown ticket only; a grouped
    # subquery over the whole table would read every attachment of every closed ticket.
    return (
        select(func.count())
        .select_from(Attachment)
        .where(Attachment.ticket_id == Ticket.id, Attachment.stage.in_(PHOTO_STAGES))
        .correlate(Ticket)
        .scalar_subquery()
    )


def _conditions(flt: BoardFilter, now: dt.datetime) -> list[ColumnElement[bool]] | None:
    """WHERE terms of the filter (not the state); None when nothing can match."""
    terms: list[ColumnElement[bool]] = []
    if flt.project_id is not None:
        terms.append(Ticket.project_id == flt.project_id)
    if flt.unassigned:
        terms.append(Ticket.owner_id.is_(None))
    elif flt.owner_id is not None:
        terms.append(Ticket.owner_id == flt.owner_id)
    if flt.urgency is not None:
        terms.append(Ticket.urgency == flt.urgency)
    if flt.category:
        terms.append(
            Ticket.defect_category_id.in_(
                select(DefectCategory.id).where(DefectCategory.name == flt.category)
            )
        )
    if flt.overdue_only:
        terms.append(overdue_expr(now))
    expression = match_expression(flt.search)
    if expression:
        terms.append(Ticket.id.in_(_matching_ticket_ids(expression)))
    elif flt.search.strip():
        return None  # only punctuation typed: nothing can match
    return terms


def _raw(column: Any, kind: Any = String) -> ColumnElement[Any]:
    """The column as stored: SQLAlchemy's per-value type processing (a regex per datetime)
    costs more than the query itself over 10,000 rows; `_Decoder` converts in C instead."""
    return type_coerce(column, kind())


def _card_query(now: dt.datetime):
    owner = aliased(Staff)
    return (
        select(
            _raw(Ticket.id, LargeBinary).label("id"),
            Ticket.number,
            Ticket.state,
            Ticket.urgency,
            _raw(Ticket.project_id, LargeBinary).label("project_id"),
            Project.code.label("project_code"),
            Project.name.label("project_name"),
            Ticket.location_label,
            DefectCategory.name.label("category"),
            _raw(Ticket.owner_id, LargeBinary).label("owner_id"),
            owner.name.label("owner_name"),
            _raw(next_due_expr()).label("next_due"),
            _deadline_kind_expr().label("deadline_kind"),
            _raw(Ticket.follow_up_due_on).label("follow_up_due_on"),
            _raw(Ticket.paused_since).label("paused_since"),
            overdue_expr(now).label("overdue"),
            _photo_count_expr().label("photo_count"),
            Ticket.rework_count,
            _raw(Ticket.reported_at).label("reported_at"),
            _raw(Ticket.updated_at).label("updated_at"),
        )
        .join(Project, Project.id == Ticket.project_id)
        .outerjoin(DefectCategory, DefectCategory.id == Ticket.defect_category_id)
        .outerjoin(owner, owner.id == Ticket.owner_id)
    )


class _Decoder:
    """Stored values to Python ones; the few project and owner ids are made once each."""

    def __init__(self) -> None:
        self._ids: dict[Any, uuid.UUID] = {}

    def shared_id(self, value: Any) -> uuid.UUID | None:
        if value is None:
            return None
        known = self._ids.get(value)
        if known is None:
            known = self._ids[value] = self.id(value)
        return known

    @staticmethod
    def id(value: Any) -> uuid.UUID:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(bytes=bytes(value))

    @staticmethod
    def time(value: Any) -> dt.datetime | None:
        if value is None or isinstance(value, dt.datetime):
            return value
        return dt.datetime.fromisoformat(value)

    @staticmethod
    def date(value: Any) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value
        return dt.date.fromisoformat(value[:10])

    def card(self, r: Any) -> Card:
        # Unpacked by position: a Row's attribute access by name costs microseconds each.
        (
            id_,
            number,
            state,
            urgency,
            project_id,
            project_code,
            project_name,
            location,
            category,
            owner_id,
            owner_name,
            next_due,
            kind,
            follow_up_due_on,
            paused_since,
            overdue,
            photo_count,
            rework_count,
            reported_at,
            updated_at,
        ) = r
        closed = state in CLOSED_STATES
        if closed:
            kind = None
        if kind == Deadline.FOLLOW_UP:
            due_on = self.date(follow_up_due_on)
            deadline = follow_up_deadline(due_on) if due_on else None
        elif kind is None:
            deadline = None
        else:
            deadline = self.time(next_due)
        time = self.time
        return Card(
            self.id(id_),
            number,
            state,
            urgency,
            self.shared_id(project_id),
            project_code,
            project_name,
            location,
            category or "",
            self.shared_id(owner_id),
            owner_name or "",
            deadline,
            kind if deadline is not None else None,
            None if closed else time(paused_since),
            bool(overdue) and not closed,
            photo_count or 0,
            rework_count or 0,
            time(reported_at),
            time(updated_at),
        )


def _cards(rows: Iterable[Any]) -> list[Card]:
    decoder = _Decoder()
    # Thousands of small objects at once: the collector would walk them again and again.
    paused = gc.isenabled()
    gc.disable()
    try:
        card = decoder.card
        return [card(tuple(r)) for r in rows]
    finally:
        if paused:
            gc.enable()


def _shown_states(flt: BoardFilter) -> tuple[str, ...]:
    states = OPEN_STATES if not flt.show_closed else BOARD_STATES
    return tuple(s.value for s in states)


def fetch_board(session: Session, flt: BoardFilter, now: dt.datetime) -> Board:
    """Every open ticket matching the filter as a card (and, if asked, recent closed ones)."""
    terms = _conditions(flt, now)
    if terms is None:
        return Board([], {s: 0 for s in _shown_states(flt)})
    open_values = tuple(s.value for s in OPEN_STATES)
    connection = session.connection()
    rows = connection.execute(_card_query(now).where(Ticket.state.in_(open_values), *terms)).all()
    cards = _cards(rows)
    totals = {s: 0 for s in _shown_states(flt)}
    for card in cards:
        totals[card.state] += 1
    if flt.show_closed:
        for state in (S.ARCHIVED, S.NOT_COVERED, S.CANCELLED):
            recent = (
                _card_query(now)
                .where(Ticket.state == state.value, *terms)
                .order_by(Ticket.updated_at.desc())
                .limit(CLOSED_CARDS_SHOWN)
            )
            cards.extend(_cards(connection.execute(recent)))
            count = (
                select(func.count()).select_from(Ticket).where(Ticket.state == state.value, *terms)
            )
            totals[state.value] = connection.execute(count).scalar_one()
    return Board(cards, totals)


def fetch_cards(
    session: Session, flt: BoardFilter, now: dt.datetime, ticket_ids: Iterable[uuid.UUID]
) -> list[Card]:
    """The cards of these tickets that the filter shows (a live update of a few cards).

    A ticket missing from the result has left the board (closed, or no longer matching).
    """
    ids = list(dict.fromkeys(ticket_ids))
    terms = _conditions(flt, now)
    if terms is None or not ids:
        return []
    query = _card_query(now).where(Ticket.id.in_(ids), Ticket.state.in_(_shown_states(flt)), *terms)
    return _cards(session.connection().execute(query))


@dataclass(frozen=True)
class FilterChoices:
    """What the board's filter lists offer."""

    projects: list[tuple[uuid.UUID, str]]
    owners: list[tuple[uuid.UUID, str]]
    categories: list[str]


def filter_choices(session: Session) -> FilterChoices:
    """Projects, possible owners (active technicians, project managers, HQ) and category names."""
    from app.models.workflow import OWNER_ROLES

    projects = session.execute(select(Project.id, Project.name).order_by(Project.code)).all()
    owners = session.execute(
        select(Staff.id, Staff.name)
        .where(Staff.active.is_(True), Staff.role.in_([r.value for r in OWNER_ROLES]))
        .order_by(Staff.name)
    ).all()
    used_types = select(Project.type).distinct()
    categories = session.scalars(
        select(DefectCategory.name)
        .where(DefectCategory.project_type.in_(used_types))
        .group_by(DefectCategory.name)
        .order_by(func.min(DefectCategory.sort_key), DefectCategory.name)
    ).all()
    return FilterChoices(
        [(i, n) for i, n in projects], [(i, n) for i, n in owners], list(categories)
    )
