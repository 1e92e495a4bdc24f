"""Signals that a ticket should be escalated (SPEC F3), computed for the escalation module.

- major quality issue: affects structural safety, or an emergency (severe loss of function);
- recurring problem: the same defect category in the same project at least N times within D
  days (per project, default 3 in 90; cancelled tickets do not count);
- SLA breached: a timer met late or overdue now;
- repeated rework: reworked at least twice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.models.project import Project
from app.models.sla import TIMER_ZH, any_breached_expr, breached_timers
from app.models.ticket import Ticket
from app.models.vocabulary import TicketState, Urgency
from app.models.workflow import OPEN

REWORK_THRESHOLD = 2
DEFAULT_RECURRENCE = (3, 90)  # (times, days)
OPEN_VALUES = tuple(s.value for s in OPEN)


class SignalKind(StrEnum):
    MAJOR_QUALITY = "major_quality"
    RECURRING = "recurring"
    SLA_BREACHED = "sla_breached"
    REPEATED_REWORK = "repeated_rework"


SIGNAL_ZH = {
    SignalKind.MAJOR_QUALITY: "重大质量问题",
    SignalKind.RECURRING: "共性问题反复出现",
    SignalKind.SLA_BREACHED: "超出响应时限",
    SignalKind.REPEATED_REWORK: "多次返修",
}


@dataclass(frozen=True)
class EscalationSignal:
    kind: SignalKind
    ticket_id: uuid.UUID
    reason: str  # in Chinese, for the escalation record


@dataclass(frozen=True)
class RecurringProblem:
    project_id: uuid.UUID
    defect_category_id: uuid.UUID
    count: int
    threshold: int
    window_days: int


def _thresholds(project: Project | None) -> tuple[int, int]:
    if project is None:
        return DEFAULT_RECURRENCE
    return (project.recurrence_threshold or DEFAULT_RECURRENCE[0],
            project.recurrence_window_days or DEFAULT_RECURRENCE[1])


def recurrence_count(
    session: Session, project_id: uuid.UUID, defect_category_id: uuid.UUID, now: dt.datetime, window_days: int
) -> int:
    """Tickets (not cancelled) of one category in one project reported in the last D days."""
    return session.scalar(
        select(func.count()).select_from(Ticket).where(
            Ticket.project_id == project_id,
            Ticket.defect_category_id == defect_category_id,
            Ticket.state != TicketState.CANCELLED.value,
            Ticket.reported_at > now - dt.timedelta(days=window_days),
            Ticket.reported_at <= now,
        )
    ) or 0


def signals_for_ticket(session: Session, ticket: Ticket, now: dt.datetime) -> list[EscalationSignal]:
    """Every escalation signal of one ticket at `now`."""
    signals = []
    if ticket.structural_safety:
        signals.append(EscalationSignal(SignalKind.MAJOR_QUALITY, ticket.id, "涉及结构安全"))
    elif ticket.urgency == Urgency.EMERGENCY:
        signals.append(EscalationSignal(SignalKind.MAJOR_QUALITY, ticket.id, "紧急报修：严重影响使用功能"))
    if ticket.defect_category_id is not None and ticket.state != TicketState.CANCELLED:
        threshold, days = _thresholds(session.get(Project, ticket.project_id))
        count = recurrence_count(session, ticket.project_id, ticket.defect_category_id, now, days)
        if count >= threshold:
            signals.append(EscalationSignal(
                SignalKind.RECURRING, ticket.id, f"同一项目同类问题 {days} 天内出现 {count} 次（阈值 {threshold} 次）"
            ))
    breached = breached_timers(ticket, now)
    if breached:
        names = "、".join(TIMER_ZH[t] for t in breached)
        signals.append(EscalationSignal(SignalKind.SLA_BREACHED, ticket.id, f"{names}超时"))
    if (ticket.rework_count or 0) >= REWORK_THRESHOLD:
        signals.append(EscalationSignal(
            SignalKind.REPEATED_REWORK, ticket.id, f"已返修 {ticket.rework_count} 次"
        ))
    return signals


def recurring_problems(session: Session, now: dt.datetime, project_id: uuid.UUID | None = None) -> list[RecurringProblem]:
    """(project, category) pairs at or above their project's recurrence threshold at `now`.

    One grouped query per distinct (threshold, window) setting — usually just one.
    """
    projects = select(Project.id, Project.recurrence_threshold, Project.recurrence_window_days)
    if project_id is not None:
        projects = projects.where(Project.id == project_id)
    by_setting: dict[tuple[int, int], list[uuid.UUID]] = defaultdict(list)
    for pid, threshold, days in session.execute(projects):
        by_setting[(threshold or DEFAULT_RECURRENCE[0], days or DEFAULT_RECURRENCE[1])].append(pid)
    found = []
    for (threshold, days), ids in by_setting.items():
        query = (
            select(Ticket.project_id, Ticket.defect_category_id, func.count())
            .where(
                Ticket.project_id.in_(ids),
                Ticket.defect_category_id.is_not(None),
                Ticket.state != TicketState.CANCELLED.value,
                Ticket.reported_at > now - dt.timedelta(days=days),
                Ticket.reported_at <= now,
            )
            .group_by(Ticket.project_id, Ticket.defect_category_id)
            .having(func.count() >= threshold)
        )
        found.extend(RecurringProblem(p, c, n, threshold, days) for p, c, n in session.execute(query))
    return sorted(found, key=lambda r: (-r.count, str(r.project_id), str(r.defect_category_id)))


def open_tickets_with_signals(session: Session, now: dt.datetime, project_id: uuid.UUID | None = None) -> dict[uuid.UUID, list[EscalationSignal]]:
    """Signals of every open ticket that has one: SQL picks the candidates, then per ticket."""
    recurring = {(r.project_id, r.defect_category_id) for r in recurring_problems(session, now, project_id)}
    conditions = [
        Ticket.structural_safety.is_(True),
        Ticket.urgency == int(Urgency.EMERGENCY),
        Ticket.rework_count >= REWORK_THRESHOLD,
        any_breached_expr(now),
    ]
    query = select(Ticket).where(Ticket.state.in_(OPEN_VALUES), or_(*conditions))
    if project_id is not None:
        query = query.where(Ticket.project_id == project_id)
    tickets = {t.id: t for t in session.scalars(query)}
    if recurring:
        pairs = select(Ticket).where(Ticket.state.in_(OPEN_VALUES), Ticket.defect_category_id.is_not(None))
        if project_id is not None:
            pairs = pairs.where(Ticket.project_id == project_id)
        project_ids = {p for p, _ in recurring}
        for ticket in session.scalars(pairs.where(Ticket.project_id.in_(project_ids))):
            if (ticket.project_id, ticket.defect_category_id) in recurring:
                tickets.setdefault(ticket.id, ticket)
    result = {}
    for ticket in tickets.values():
        signals = signals_for_ticket(session, ticket, now)
        if signals:
            result[ticket.id] = signals
    return result
