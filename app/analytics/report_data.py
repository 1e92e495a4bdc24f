"""Aggregates the summary reports and the white paper need beyond the dashboard and KPIs.

Each function is one grouped SQL query (conditional `SUM(CASE …)`, `GROUP BY`), never a loop
over tickets. Periods and deciding events follow docs/kpi.md: a ticket counts in the period in
which the event named for each figure happened (local calendar days, Asia/Shanghai).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Float, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.analytics.dashboard import LocationCount
from app.analytics.expressions import count_if, within
from app.analytics.kpi import monthly_kpis
from app.analytics.periods import Period
from app.models.base import to_local
from app.models.escalation import Escalation
from app.models.escalation_terms import ESCALATION_KIND_ZH, MeetingStatus
from app.models.location import Location
from app.models.people import OrgUnit
from app.models.project import DefectCategory, Project
from app.models.retrospective import CorrectiveAction, RetrospectiveMeeting
from app.models.sla import OPEN_STATE_VALUES, TIMER_ZH, Timer, any_overdue_expr
from app.models.ticket import Ticket
from app.models.typical_case import TypicalCase as CaseRecord
from app.models.vocabulary import (
    CAUSE_ZH,
    LocationKind,
    OrgKind,
    TicketState,
    Urgency,
)

# Closed without repair: the ticket keeps no closing time, only the state event has it.
_CLOSED_WITHOUT_ARCHIVE = (TicketState.NOT_COVERED.value, TicketState.CANCELLED.value)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# ---------------------------------------------------------------------------------------------
# Volumes: received, closed and open at the end of several periods in one pass
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Volume:
    period: Period
    received: int  # reported in the period
    closed: int  # archived (归档) in the period, as the dashboard counts 结案
    open_at_end: int  # reported before the period's end and not closed by then
    as_of: dt.datetime  # the moment `open_at_end` refers to (period end, or now if earlier)


def volumes(session: Session, periods: Sequence[Period], now: dt.datetime) -> list[Volume]:
    """Received, closed and open-at-end for each period.

    Open at the end = reported before the end minus closed before it: archived before the end,
    or 不予保修 / 已取消 with its last change (`updated_at`) before the end — those tickets keep
    no closing time of their own, and looking up their state events costs seconds on a large
    store. States are not kept per day, so a ticket archived before the end and reopened
    after it counts as open (rare). Three grouped passes, the first two index-only.
    """
    ends = [min(p.utc_end, now) for p in periods]
    last = max(p.utc_end for p in periods)

    def counts(column, extra=()):
        columns = []
        for i, (period, end) in enumerate(zip(periods, ends, strict=True)):
            columns += [
                count_if(within(column, period)).label(f"in_{i}"),
                count_if(column < end).label(f"before_{i}"),
            ]
        return session.execute(select(*columns).where(column < last, *extra)).one()._asdict()

    reported = counts(Ticket.reported_at)
    archived = counts(Ticket.archived_at)
    ended = (
        session.execute(
            select(
                *[
                    count_if(Ticket.updated_at < end).label(f"before_{i}")
                    for i, end in enumerate(ends)
                ]
            ).where(Ticket.state.in_(_CLOSED_WITHOUT_ARCHIVE), Ticket.reported_at < last)
        )
        .one()
        ._asdict()
    )
    return [
        Volume(
            p,
            int(reported[f"in_{i}"]),
            int(archived[f"in_{i}"]),
            int(reported[f"before_{i}"]) - int(archived[f"before_{i}"]) - int(ended[f"before_{i}"]),
            end,
        )
        for i, (p, end) in enumerate(zip(periods, ends, strict=True))
    ]


# ---------------------------------------------------------------------------------------------
# Monthly rates: on-time completion, rework and satisfaction per month
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthRates:
    month: dt.date  # first day of the month
    completed: int
    completed_on_time: int
    on_time_rate: float | None
    handled: int  # accepted in the month
    reworked: int
    rework_rate: float | None
    mean_satisfaction: float | None


def monthly_rates(session: Session, months: Sequence[Period]) -> list[MonthRates]:
    """按时完工率 by completion month, 返修率 and 平均满意度 by acceptance month: the KPI totals
    of each of the consecutive `months` (kpi.md)."""
    rows = monthly_kpis(session, Period(months[0].first, months[-1].last))
    return [
        MonthRates(m.first.replace(day=1), r.completed, r.completed_on_time, r.on_time_rate,
                   r.handled, r.reworked, r.rework_rate, r.mean_satisfaction)
        for m, r in zip(months, rows, strict=True)
    ]


# ---------------------------------------------------------------------------------------------
# SLA: each timer met in the period, on time or late
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimerCompliance:
    timer: Timer
    name: str  # 响应 / 到场 / 完工
    met: int  # timers met (responded / arrived / completed) in the period
    late: int  # of them, after the due time

    @property
    def on_time_rate(self) -> float | None:
        return _ratio(self.met - self.late, self.met)


_TIMER_COLUMNS = {
    Timer.RESPONSE: (Ticket.responded_at, Ticket.response_due_at),
    Timer.ARRIVAL: (Ticket.arrived_at, Ticket.arrival_due_at),
    Timer.COMPLETION: (Ticket.completed_at, Ticket.completion_due_at),
}


def sla_compliance(session: Session, period: Period) -> list[TimerCompliance]:
    """For each SLA timer: how many were met in the period and how many of them late."""
    columns = []
    for timer, (met, due) in _TIMER_COLUMNS.items():
        columns += [
            count_if(within(met, period)).label(f"{timer}_met"),
            count_if(and_(within(met, period), due.is_not(None), met > due)).label(
                f"{timer}_late"
            ),
        ]
    # Every timer is met after the report: the reported_at index bounds the scan.
    row = (
        session.execute(
            select(*columns).where(
                Ticket.reported_at < period.utc_end,
                or_(*(within(met, period) for met, _due in _TIMER_COLUMNS.values())),
            )
        )
        .one()
        ._asdict()
    )
    return [
        TimerCompliance(t, TIMER_ZH[t], int(row[f"{t}_met"]), int(row[f"{t}_late"]))
        for t in _TIMER_COLUMNS
    ]


# ---------------------------------------------------------------------------------------------
# Satisfaction scores
# ---------------------------------------------------------------------------------------------


def satisfaction_counts(session: Session, period: Period) -> dict[int, int]:
    """Scores 1–5 of the tickets accepted in the period: {score: tickets} (all five keys)."""
    query = (
        select(Ticket.satisfaction, func.count())
        .where(within(Ticket.accepted_at, period), Ticket.satisfaction.is_not(None))
        .group_by(Ticket.satisfaction)
    )
    found = {int(score): int(n) for score, n in session.execute(query)}
    return {score: found.get(score, 0) for score in range(1, 6)}


# ---------------------------------------------------------------------------------------------
# Subcontractors (Ticket.responsible_org_id of kind 分包单位)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubcontractorRow:
    org_id: uuid.UUID
    name: str
    trades: str
    received: int  # reported in the period with this subcontractor responsible
    completed: int  # completion reported in the period
    completed_on_time: int
    handled: int  # accepted in the period
    reworked: int
    mean_satisfaction: float | None
    handled_before: int = 0  # accepted in the comparison period (the year before)
    reworked_before: int = 0

    @property
    def on_time_rate(self) -> float | None:
        return _ratio(self.completed_on_time, self.completed)

    @property
    def rework_rate(self) -> float | None:
        return _ratio(self.reworked, self.handled)

    @property
    def rework_rate_before(self) -> float | None:
        return _ratio(self.reworked_before, self.handled_before)


def subcontractor_performance(
    session: Session, period: Period, *, compare: Period | None = None
) -> list[SubcontractorRow]:
    """Per responsible subcontractor: tickets, on-time completion, rework, satisfaction.

    Each figure by its own deciding event (reported / completed / accepted in the period);
    with `compare`, also the acceptances and reworks of that period, in the same pass. The
    deciding events are OR-ed at the top of the WHERE clause, so SQLite reads only the rows
    its indexes on those times find. Most tickets first.
    """
    received = within(Ticket.reported_at, period)
    completed = within(Ticket.completed_at, period)
    accepted = within(Ticket.accepted_at, period)
    before = within(Ticket.accepted_at, compare) if compare is not None else None
    events = [received, completed, accepted] + ([before] if before is not None else [])
    org = Ticket.responsible_org_id
    columns = [
        org.label("org"),
        count_if(received).label("received"),
        count_if(completed).label("completed"),
        count_if(and_(completed, Ticket.completed_at <= Ticket.completion_due_at)).label(
            "on_time"
        ),
        count_if(accepted).label("handled"),
        count_if(and_(accepted, Ticket.rework_count >= 1)).label("reworked"),
        func.avg(case((accepted, cast(Ticket.satisfaction, Float)), else_=None)).label("score"),
    ]
    if before is not None:
        columns += [
            count_if(before).label("handled_before"),
            count_if(and_(before, Ticket.rework_count >= 1)).label("reworked_before"),
        ]
    query = (
        select(*columns)
        .where(
            or_(*events),
            org.in_(select(OrgUnit.id).where(OrgUnit.kind == OrgKind.SUBCONTRACTOR.value)),
        )
        .group_by(org)
    )
    facts = [f._asdict() for f in session.execute(query)]
    if not facts:
        return []
    names = {
        r.id: (r.name, r.trades)
        for r in session.execute(
            select(OrgUnit.id, OrgUnit.name, OrgUnit.trades).where(
                OrgUnit.id.in_([f["org"] for f in facts])
            )
        )
    }
    rows = [
        SubcontractorRow(
            f["org"],
            *names.get(f["org"], ("", "")),
            int(f["received"]),
            int(f["completed"]),
            int(f["on_time"]),
            int(f["handled"]),
            int(f["reworked"]),
            float(f["score"]) if f["score"] is not None else None,
            int(f.get("handled_before") or 0),
            int(f.get("reworked_before") or 0),
        )
        for f in facts
        # Rows seen only through the comparison period are not this period's subcontractors.
        if f["received"] or f["completed"] or f["handled"]
    ]
    return sorted(rows, key=lambda r: (-r.received, -r.handled, r.name, str(r.org_id)))


# ---------------------------------------------------------------------------------------------
# Places reported again and again, recurring category problems, causes
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RepeatPlace:
    location_id: uuid.UUID
    project: str
    place: str  # full_name: 3栋2单元1502室
    tickets: int
    categories: int  # distinct defect categories among them


@dataclass(frozen=True)
class RepeatPlaces:
    places: list[RepeatPlace]  # the most-reported first, at most `limit`
    place_count: int  # places with at least `minimum` tickets in the period
    ticket_count: int  # tickets at those places


def repeat_places(
    session: Session, period: Period, *, minimum: int = 2, limit: int = 10
) -> RepeatPlaces:
    """Places (the ticket's own location) with at least `minimum` tickets reported in the period."""
    per_place = (
        select(
            Ticket.location_id.label("place"),
            func.count().label("n"),
            func.count(func.distinct(Ticket.defect_category_id)).label("categories"),
        )
        .where(
            within(Ticket.reported_at, period),
            Ticket.location_id.is_not(None),
            Ticket.state != TicketState.CANCELLED.value,
        )
        .group_by(Ticket.location_id)
        .having(func.count() >= minimum)
        .subquery()
    )
    query = (
        select(
            per_place.c.place,
            per_place.c.n,
            per_place.c.categories,
            Location.full_name,
            Project.name.label("project"),
            func.count().over().label("places"),
            func.sum(per_place.c.n).over().label("tickets"),
        )
        .join(Location, Location.id == per_place.c.place)
        .join(Project, Project.id == Location.project_id)
        .order_by(per_place.c.n.desc(), Project.name, Location.full_name)
        .limit(limit)
    )
    rows = session.execute(query).all()
    if not rows:
        return RepeatPlaces([], 0, 0)
    places = [
        RepeatPlace(r.place, r.project, r.full_name, int(r.n), int(r.categories)) for r in rows
    ]
    return RepeatPlaces(places, int(rows[0].places), int(rows[0].tickets))


_TREE_DEPTH = 4  # building → unit → floor → room, the deepest location tree


def place_counts(
    session: Session, period: Period, kinds: Sequence[LocationKind], *, limit: int = 10
) -> dict[LocationKind, list[LocationCount]]:
    """dashboard.location_counts for several kinds at once, cheaply on big stores.

    The same rule (the nearest ancestor of the kind, the ticket's own location included; most
    first, ties by name), computed in two steps: the period's tickets are first counted per
    location (one grouped pass), then only those few thousand locations walk their parent
    chain (four self-joins) and their counts are summed per ancestor — instead of walking the
    chain once per ticket, which takes seconds per kind on a million tickets.
    """
    per_place = (
        select(Ticket.location_id.label("place"), func.count().label("n"))
        .where(within(Ticket.reported_at, period), Ticket.location_id.is_not(None))
        .group_by(Ticket.location_id)
        .subquery()
    )
    levels = [aliased(Location) for _ in range(_TREE_DEPTH)]
    ancestors = [
        case(*[(level.kind == str(kind), level.id) for level in levels], else_=None).label(f"a{i}")
        for i, kind in enumerate(kinds)
    ]
    query = select(*ancestors, func.sum(per_place.c.n).label("n")).select_from(per_place)
    query = query.join(levels[0], levels[0].id == per_place.c.place)
    for child, parent in zip(levels, levels[1:], strict=False):
        query = query.outerjoin(parent, parent.id == child.parent_id)
    query = query.group_by(*ancestors)
    totals: list[dict[uuid.UUID, int]] = [{} for _ in kinds]
    for row in session.execute(query):
        for i, per_kind in enumerate(totals):
            place = row[i]
            if place is not None:
                per_kind[place] = per_kind.get(place, 0) + int(row.n)
    wanted = {place for per_kind in totals for place in per_kind}
    names = (
        dict(
            session.execute(
                select(Location.id, Location.full_name).where(Location.id.in_(list(wanted)))
            ).all()
        )
        if wanted
        else {}
    )
    result = {}
    for kind, per_kind in zip(kinds, totals, strict=True):
        rows = [LocationCount(a, names.get(a, ""), n) for a, n in per_kind.items()]
        result[kind] = sorted(rows, key=lambda r: (-r.count, r.name, str(r.location_id)))[:limit]
    return result


@dataclass(frozen=True)
class RecurringCategory:
    project: str
    category: str
    tickets: int


@dataclass(frozen=True)
class RecurringCategories:
    rows: list[RecurringCategory]  # the most frequent first, at most `limit`
    groups: int  # (project, category) pairs reaching `minimum`, all of them


def recurring_categories(
    session: Session, period: Period, *, minimum: int = 3, limit: int = 10
) -> RecurringCategories:
    """The same defect category in the same project at least `minimum` times in the period."""
    per_pair = (
        select(Ticket.project_id, Ticket.defect_category_id, func.count().label("n"))
        .where(
            within(Ticket.reported_at, period),
            Ticket.defect_category_id.is_not(None),
            Ticket.state != TicketState.CANCELLED.value,
        )
        .group_by(Ticket.project_id, Ticket.defect_category_id)
        .having(func.count() >= minimum)
        .subquery()
    )
    query = (
        select(
            Project.name.label("project"),
            DefectCategory.name.label("category"),
            per_pair.c.n,
            func.count().over().label("groups"),
        )
        .join(Project, Project.id == per_pair.c.project_id)
        .join(DefectCategory, DefectCategory.id == per_pair.c.defect_category_id)
        .order_by(per_pair.c.n.desc(), Project.name, DefectCategory.name)
        .limit(limit)
    )
    found = session.execute(query).all()
    rows = [RecurringCategory(r.project, r.category, int(r.n)) for r in found]
    return RecurringCategories(rows, int(found[0].groups) if found else 0)


def location_projects(session: Session, location_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The project name of each location (a building's name alone is ambiguous: 1栋)."""
    if not location_ids:
        return {}
    return dict(
        session.execute(
            select(Location.id, Project.name)
            .join(Project, Project.id == Location.project_id)
            .where(Location.id.in_(list(location_ids)))
        ).all()
    )


def cause_counts(session: Session, period: Period) -> list[tuple[str, int]]:
    """Diagnosed causes of the tickets reported in the period, most first: [(中文, n)]."""
    query = (
        select(Ticket.cause, func.count().label("n"))
        .where(within(Ticket.reported_at, period), Ticket.cause.is_not(None))
        .group_by(Ticket.cause)
    )
    names: dict[str, str] = {str(k): v for k, v in CAUSE_ZH.items()}
    rows = [(names.get(cause, cause), int(n)) for cause, n in session.execute(query)]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


# ---------------------------------------------------------------------------------------------
# Open tickets: the longest-waiting ones at `now`
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenTicket:
    number: str
    project: str
    place: str
    category: str
    state: str  # TicketState value
    reported_at: dt.datetime
    age_days: int
    overdue: bool


def oldest_open(session: Session, now: dt.datetime, *, limit: int = 10) -> list[OpenTicket]:
    """The open tickets reported longest ago (the `state, reported_at` index serves it)."""
    query = (
        select(
            Ticket.number,
            Project.name.label("project"),
            Ticket.location_label,
            DefectCategory.name.label("category"),
            Ticket.state,
            Ticket.reported_at,
            any_overdue_expr(now, check_state=False).label("overdue"),
        )
        .join(Project, Project.id == Ticket.project_id)
        .outerjoin(DefectCategory, DefectCategory.id == Ticket.defect_category_id)
        .where(Ticket.state.in_(OPEN_STATE_VALUES), Ticket.reported_at <= now)
        .order_by(Ticket.reported_at, Ticket.number)
        .limit(limit)
    )
    today = to_local(now).date()
    return [
        OpenTicket(
            r.number,
            r.project,
            r.location_label,
            r.category or "",
            r.state,
            r.reported_at,
            (today - to_local(r.reported_at).date()).days,
            bool(r.overdue),
        )
        for r in session.execute(query)
    ]


def received_still_open(session: Session, period: Period) -> int:
    """Tickets reported in the period that are still open now."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(Ticket)
            .where(within(Ticket.reported_at, period), Ticket.state.in_(OPEN_STATE_VALUES))
        )
        or 0
    )


@dataclass(frozen=True)
class EscalationTriggers:
    """Tickets that met an automatic escalation condition (SPEC F3), counted from the data."""

    structural: int  # reported in the period, affecting structural safety
    emergencies: int  # reported in the period as 紧急
    repeated_rework: int  # accepted in the period after two or more reworks
    sla_breached: int  # reported in the period with a timer met late


def escalation_triggers(session: Session, period: Period) -> EscalationTriggers:
    """How many tickets of the period met each escalation condition (one pass)."""
    reported = within(Ticket.reported_at, period)
    late = or_(
        *(
            and_(met.is_not(None), due.is_not(None), met > due)
            for met, due in _TIMER_COLUMNS.values()
        )
    )
    row = session.execute(
        select(
            count_if(and_(reported, Ticket.structural_safety.is_(True))).label("structural"),
            count_if(and_(reported, Ticket.urgency == Urgency.EMERGENCY.value)).label(
                "emergencies"
            ),
            count_if(and_(within(Ticket.accepted_at, period), Ticket.rework_count >= 2)).label(
                "rework"
            ),
            count_if(and_(reported, late)).label("late"),
        ).where(or_(reported, within(Ticket.accepted_at, period)))
    ).one()  # a multi-index OR
    return EscalationTriggers(
        int(row.structural), int(row.emergencies), int(row.rework), int(row.late)
    )


# ---------------------------------------------------------------------------------------------
# Escalations, retrospectives and typical cases (the case library, when the store has it)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TypicalCase:
    title: str
    category: str
    summary: str  # problem and root cause
    measures: str  # corrective and preventive actions
    occurred_on: dt.date | None


@dataclass(frozen=True)
class EscalationFigures:
    escalations: int  # raised in the period
    by_reason: list[tuple[str, int]]
    retrospectives: int  # meetings held in the period
    actions: int  # corrective / preventive actions due in the period
    actions_closed: int
    # Escalations of a defect category closed in the period: tickets of that project and
    # category in the 90 days before each was raised and in the 90 days after it was closed.
    repeat_before: int | None = None
    repeat_after: int | None = None


# How long before an escalation and after its closing the same problem is counted (效果).
EFFECT_WINDOW_DAYS = 90


def typical_cases(session: Session, period: Period, *, limit: int = 6) -> list[TypicalCase]:
    """Typical cases published in the period, first published first."""
    case_model = CaseRecord
    query = (
        select(
            case_model.title,
            DefectCategory.name.label("category"),
            case_model.problem,
            case_model.cause,
            case_model.solution,
            case_model.published_at,
        )
        .outerjoin(DefectCategory, DefectCategory.id == case_model.defect_category_id)
        .where(within(case_model.published_at, period))
        .order_by(case_model.published_at, case_model.number)
        .limit(limit)
    )
    result = []
    for r in session.execute(query):
        summary = r.problem.strip()
        if r.cause.strip():
            summary = f"{summary}\n原因：{r.cause.strip()}" if summary else r.cause.strip()
        result.append(
            TypicalCase(
                r.title,
                r.category or "",
                summary,
                r.solution.strip(),
                to_local(r.published_at).date(),
            )
        )
    return result


def escalation_figures(
    session: Session, period: Period, now: dt.datetime | None = None
) -> EscalationFigures:
    """Escalations raised, meetings held and actions decided in the period, and the effect:
    tickets of the escalated (project, category) in the EFFECT_WINDOW_DAYS before each
    escalation and after its closing."""
    escalation, meeting, action = Escalation, RetrospectiveMeeting, CorrectiveAction

    by_kind = session.execute(
        select(escalation.kind, func.count())
        .where(within(escalation.raised_at, period))
        .group_by(escalation.kind)
    ).all()
    reasons = sorted(
        ((ESCALATION_KIND_ZH.get(k, k), int(n)) for k, n in by_kind), key=lambda r: (-r[1], r[0])
    )
    held = within(meeting.held_at, period)
    meetings = int(
        session.scalar(
            select(func.count())
            .select_from(meeting)
            .where(held, meeting.status != MeetingStatus.PLANNED.value)
        )
        or 0
    )
    actions = session.execute(
        select(func.count().label("n"), count_if(action.closed_at.is_not(None)).label("closed"))
        .select_from(action)
        .join(meeting, meeting.id == action.meeting_id)
        .where(held)
    ).one()

    # Effect: the same project and category, before the escalation and after its closing.
    window = dt.timedelta(days=EFFECT_WINDOW_DAYS)
    clock = now if now is not None else period.utc_end
    closed = (
        select(
            escalation.project_id,
            escalation.defect_category_id,
            escalation.raised_at,
            escalation.closed_at,
        )
        .where(within(escalation.closed_at, period), escalation.defect_category_id.is_not(None))
        .subquery()
    )
    before = and_(
        Ticket.reported_at >= closed.c.raised_at - window, Ticket.reported_at < closed.c.raised_at
    )
    after = and_(
        Ticket.reported_at >= closed.c.closed_at,
        Ticket.reported_at < closed.c.closed_at + window,
        Ticket.reported_at < clock,
    )
    effect = session.execute(
        select(
            func.count(func.distinct(closed.c.raised_at)).label("escalations"),
            count_if(before).label("before"),
            count_if(after).label("after"),
        )
        .select_from(closed)
        .outerjoin(
            Ticket,
            and_(
                Ticket.project_id == closed.c.project_id,
                Ticket.defect_category_id == closed.c.defect_category_id,
            ),
        )
    ).one()
    has_effect = bool(effect.escalations)
    return EscalationFigures(
        escalations=sum(n for _k, n in reasons),
        by_reason=reasons,
        retrospectives=meetings,
        actions=int(actions.n or 0),
        actions_closed=int(actions.closed or 0),
        repeat_before=int(effect.before) if has_effect else None,
        repeat_after=int(effect.after) if has_effect else None,
    )


__all__ = [
    "EscalationFigures",
    "EscalationTriggers",
    "MonthRates",
    "OpenTicket",
    "RecurringCategories",
    "RecurringCategory",
    "RepeatPlace",
    "RepeatPlaces",
    "SubcontractorRow",
    "TimerCompliance",
    "TypicalCase",
    "Volume",
    "cause_counts",
    "escalation_figures",
    "escalation_triggers",
    "location_projects",
    "monthly_rates",
    "oldest_open",
    "place_counts",
    "received_still_open",
    "recurring_categories",
    "repeat_places",
    "satisfaction_counts",
    "sla_compliance",
    "subcontractor_performance",
    "typical_cases",
    "volumes",
]
