"""Response timers (SLA): due times per urgency, pauses, ageing bands and overdue flags in SQL.

Three timers run from the moment a ticket is reported: response (接单响应: the owner takes the
ticket), arrival on site (到场) and completion (完工). Their limits come from the project
(per urgency; the law says an emergency is handled "immediately" — the default is on site in
2 hours). While the ticket waits for the owner (业主不在家...) the clocks stop: on resume,
every timer not yet met is moved later by the paused minutes. Overdue and ageing are also
SQL expressions over ticket columns and a `now` parameter, so lists and boards can sort and
colour by them without loading rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Any

from sqlalchemy import Boolean, DateTime, and_, case, func, literal, or_, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.models.project import Project
from app.models.ticket import Ticket
from app.models.vocabulary import OPEN_STATES, Urgency


class Timer(StrEnum):
    RESPONSE = "response"
    ARRIVAL = "arrival"
    COMPLETION = "completion"


TIMER_ZH = {Timer.RESPONSE: "响应", Timer.ARRIVAL: "到场", Timer.COMPLETION: "完工"}

# (due column, met column) of each timer.
TIMER_FIELDS: dict[Timer, tuple[str, str]] = {
    Timer.RESPONSE: ("response_due_at", "responded_at"),
    Timer.ARRIVAL: ("arrival_due_at", "arrived_at"),
    Timer.COMPLETION: ("completion_due_at", "completed_at"),
}

OPEN_STATE_VALUES = tuple(s.value for s in OPEN_STATES)


@dataclass(frozen=True)
class SlaLimits:
    response: dt.timedelta
    arrival: dt.timedelta
    completion: dt.timedelta

    def of(self, timer: Timer) -> dt.timedelta:
        return {Timer.RESPONSE: self.response, Timer.ARRIVAL: self.arrival,
                Timer.COMPLETION: self.completion}[timer]


def limits_for(project: Project, urgency: int) -> SlaLimits:
    """The project's limits for one urgency (an emergency is never slower than urgent...)."""
    urgency = Urgency(urgency)
    response_minutes = {
        Urgency.EMERGENCY: project.sla_emergency_response_minutes,
        Urgency.URGENT: project.sla_urgent_response_minutes,
        Urgency.NORMAL: project.sla_normal_response_minutes,
    }[urgency]
    arrival_hours = {
        Urgency.EMERGENCY: project.sla_emergency_hours,
        Urgency.URGENT: project.sla_urgent_hours,
        Urgency.NORMAL: project.sla_normal_hours,
    }[urgency]
    return SlaLimits(
        response=dt.timedelta(minutes=_or_default(response_minutes, 30)),
        arrival=dt.timedelta(hours=_or_default(arrival_hours, 2)),
        completion=dt.timedelta(days=_or_default(project.repair_days, 7)),
    )


def _or_default(value: int | None, default: int) -> int:
    # Projects created in memory before a flush have no column defaults yet.
    return default if value is None else value


def due_times(reported_at: dt.datetime, limits: SlaLimits, paused_minutes: int = 0) -> dict[str, dt.datetime]:
    """Due time of every timer for a ticket reported at `reported_at`."""
    shift = dt.timedelta(minutes=paused_minutes)
    return {TIMER_FIELDS[t][0]: reported_at + limits.of(t) + shift for t in Timer}


def recomputed_due_times(ticket: Ticket, limits: SlaLimits) -> dict[str, dt.datetime]:
    """New due times of the timers not yet met (after an urgency change): met ones stay."""
    fresh = due_times(ticket.reported_at, limits, ticket.paused_minutes or 0)
    return {due: fresh[due] for t, (due, met) in TIMER_FIELDS.items() if getattr(ticket, met) is None}


def paused_minutes_until(ticket: Ticket, now: dt.datetime) -> int:
    if ticket.paused_since is None:
        return 0
    return max(0, int((now - ticket.paused_since).total_seconds() // 60))


def resume_changes(ticket: Ticket, now: dt.datetime) -> dict[str, Any]:
    """Column changes that end a pause: the pause is added up, unmet timers move later."""
    minutes = paused_minutes_until(ticket, now)
    changes: dict[str, Any] = {"paused_since": None}
    if minutes:
        changes["paused_minutes"] = (ticket.paused_minutes or 0) + minutes
        for due, met in TIMER_FIELDS.values():
            if getattr(ticket, met) is None and getattr(ticket, due) is not None:
                changes[due] = getattr(ticket, due) + dt.timedelta(minutes=minutes)
    return changes


# ---------------------------------------------------------------------------------------------
# Timer states in Python (one ticket)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimerState:
    timer: Timer
    due_at: dt.datetime | None  # effective: moved by an ongoing pause
    met_at: dt.datetime | None
    overdue: bool  # not met and past due now (open tickets only)
    breached: bool  # met late, or overdue
    remaining: dt.timedelta | None  # until due; negative when overdue; None when met or no due

    @property
    def label(self) -> str:
        return TIMER_ZH[self.timer]


def is_open(ticket: Ticket) -> bool:
    return ticket.state in OPEN_STATE_VALUES


def is_overdue(ticket: Ticket, timer: Timer, now: dt.datetime) -> bool:
    """The same rule as `overdue_expr`: not met, open, and past due (a pause stops the clock)."""
    due_field, met_field = TIMER_FIELDS[timer]
    due, met = getattr(ticket, due_field), getattr(ticket, met_field)
    if due is None or met is not None or not is_open(ticket):
        return False
    clock = ticket.paused_since if ticket.paused_since is not None else now
    return due < clock


def is_breached(ticket: Ticket, timer: Timer, now: dt.datetime) -> bool:
    due_field, met_field = TIMER_FIELDS[timer]
    due, met = getattr(ticket, due_field), getattr(ticket, met_field)
    if due is not None and met is not None:
        return met > due
    return is_overdue(ticket, timer, now)


def timer_states(ticket: Ticket, now: dt.datetime) -> list[TimerState]:
    """Every timer of a ticket as the detail view and the board's countdown show it."""
    pause = now - ticket.paused_since if ticket.paused_since is not None else dt.timedelta(0)
    states = []
    for timer, (due_field, met_field) in TIMER_FIELDS.items():
        due, met = getattr(ticket, due_field), getattr(ticket, met_field)
        effective = due + pause if due is not None and met is None else due
        remaining = effective - now if effective is not None and met is None else None
        states.append(TimerState(
            timer, effective, met, is_overdue(ticket, timer, now), is_breached(ticket, timer, now), remaining
        ))
    return states


def breached_timers(ticket: Ticket, now: dt.datetime) -> list[Timer]:
    return [t for t in Timer if is_breached(ticket, t, now)]


# ---------------------------------------------------------------------------------------------
# Ageing bands
# ---------------------------------------------------------------------------------------------


class AgeBand(IntEnum):
    """How long an open ticket has waited, in whole days since it was reported."""

    DAYS_0_7 = 0
    DAYS_8_14 = 1
    DAYS_15_30 = 2
    OVER_30 = 3


AGE_BAND_ZH = {
    AgeBand.DAYS_0_7: "0–7天",
    AgeBand.DAYS_8_14: "8–14天",
    AgeBand.DAYS_15_30: "15–30天",
    AgeBand.OVER_30: "30天以上",
}
# A ticket is in a band while its age in whole days is at most the band's last day.
_BAND_LAST_DAY = ((AgeBand.DAYS_0_7, 7), (AgeBand.DAYS_8_14, 14), (AgeBand.DAYS_15_30, 30))


def age_days(reported_at: dt.datetime, now: dt.datetime) -> int:
    return (now - reported_at) // dt.timedelta(days=1)


def age_band(reported_at: dt.datetime, now: dt.datetime) -> AgeBand:
    days = age_days(reported_at, now)
    for band, last_day in _BAND_LAST_DAY:
        if days <= last_day:
            return band
    return AgeBand.OVER_30


def _now_param(now: dt.datetime) -> ColumnElement[dt.datetime]:
    return literal(now, DateTime())


def age_band_expr(now: dt.datetime) -> ColumnElement[int]:
    """CASE over Ticket.reported_at giving the AgeBand number (0–3) at `now`.

    Age ≤ d days means reported_at > now − (d + 1) days; the cut-offs are bound parameters
    computed from `now`, so the expression is plain comparisons (any database, index-friendly).
    """
    whens = [
        (Ticket.reported_at > literal(now - dt.timedelta(days=last + 1), DateTime()), int(band))
        for band, last in _BAND_LAST_DAY
    ]
    return case(*whens, else_=int(AgeBand.OVER_30))


def _clock(now: dt.datetime) -> ColumnElement[dt.datetime]:
    # A paused ticket's clock stopped at paused_since (the due times move on resume).
    return func.coalesce(Ticket.paused_since, _now_param(now))


def _unmet_and_past(timer: Timer, clock: ColumnElement[dt.datetime]) -> ColumnElement[bool]:
    due = getattr(Ticket, TIMER_FIELDS[timer][0])
    met = getattr(Ticket, TIMER_FIELDS[timer][1])
    return and_(met.is_(None), due < clock)  # a NULL due time compares as unknown: not overdue


def _open() -> ColumnElement[bool]:
    return Ticket.state.in_(OPEN_STATE_VALUES)


def overdue_expr(timer: Timer, now: dt.datetime, *, check_state: bool = True) -> ColumnElement[bool]:
    """True where the ticket is open, the timer is not met and its due time has passed.

    check_state=False leaves out the open-state test, for queries that already filter on it
    (`open_ticket_flags`): the same answer, computed faster.
    """
    condition = _unmet_and_past(timer, _clock(now))
    if check_state:
        condition = and_(_open(), condition)
    return type_coerce(condition, Boolean())


def any_overdue_expr(now: dt.datetime, *, check_state: bool = True) -> ColumnElement[bool]:
    clock = _clock(now)
    condition = or_(*(_unmet_and_past(t, clock) for t in Timer))
    if check_state:
        condition = and_(_open(), condition)
    return type_coerce(condition, Boolean())


def breached_expr(timer: Timer, now: dt.datetime) -> ColumnElement[bool]:
    """True where the timer was met late or is overdue now (for KPIs and escalation)."""
    due = getattr(Ticket, TIMER_FIELDS[timer][0])
    met = getattr(Ticket, TIMER_FIELDS[timer][1])
    late = and_(met.is_not(None), due.is_not(None), met > due)
    return type_coerce(or_(late, overdue_expr(timer, now)), Boolean())


def any_breached_expr(now: dt.datetime) -> ColumnElement[bool]:
    return type_coerce(or_(*(breached_expr(t, now) for t in Timer)), Boolean())


def next_due_expr() -> ColumnElement[dt.datetime]:
    """The due time of the first timer not yet met (the board's countdown), NULL if all met."""
    whens = [
        (getattr(Ticket, met).is_(None), getattr(Ticket, due))
        for due, met in TIMER_FIELDS.values()
    ]
    return case(*whens, else_=None)


def open_ticket_flags(now: dt.datetime, project_id=None):
    """SELECT id, age_band, response/arrival/completion overdue and any overdue of open tickets."""
    query = select(
        Ticket.id,
        age_band_expr(now).label("age_band"),
        overdue_expr(Timer.RESPONSE, now, check_state=False).label("response_overdue"),
        overdue_expr(Timer.ARRIVAL, now, check_state=False).label("arrival_overdue"),
        overdue_expr(Timer.COMPLETION, now, check_state=False).label("completion_overdue"),
        any_overdue_expr(now, check_state=False).label("overdue"),
    ).where(_open())
    if project_id is not None:
        query = query.where(Ticket.project_id == project_id)
    return query


def fetch_open_ticket_flags(session: Session, now: dt.datetime, project_id=None) -> list[Any]:
    """Rows of `open_ticket_flags` (every open ticket), read for a whole board or an export."""
    return session.connection().execute(open_ticket_flags(now, project_id)).all()


def ageing_summary(session: Session, now: dt.datetime, project_id=None) -> dict[tuple[AgeBand, bool], int]:
    """Open tickets counted per (ageing band, overdue) in one grouped query."""
    band = age_band_expr(now).label("band")
    overdue = any_overdue_expr(now, check_state=False).label("overdue")
    query = select(band, overdue, func.count()).where(_open())
    if project_id is not None:
        query = query.where(Ticket.project_id == project_id)
    query = query.group_by(band, overdue)
    return {(AgeBand(b), bool(o)): n for b, o, n in session.execute(query)}


def is_paused(ticket: Ticket) -> bool:
    return ticket.paused_since is not None

