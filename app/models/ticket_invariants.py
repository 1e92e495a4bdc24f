"""What must always hold for a ticket and its history (tests, demo data and a data check).

`ticket_problems` lists every violation in plain words (empty: the ticket is sound): a legal
state reached by legal transitions, a history that replays to the row, rework counted,
the data each state requires, and timers that agree with each other (and, given `now`, the
SQL overdue flags agree with the Python ones).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.attachment import Attachment, Signature
from app.models.history import load_history, replay_differences
from app.models.sla import TIMER_FIELDS, Timer, is_overdue, overdue_expr
from app.models.ticket import Ticket, WorkLog
from app.models.vocabulary import (
    MAIN_LINE,
    AcceptanceResult,
    Coverage,
    EventKind,
    PhotoStage,
    SignerRole,
    TicketState,
    Urgency,
)
from app.models.workflow import REWORK_TRANSITIONS, TIMED, legal_transitions

S = TicketState
_RANK = {state.value: index for index, state in enumerate(MAIN_LINE)}


def _at_least(state: str, minimum: TicketState) -> bool:
    return _RANK.get(state, -1) >= _RANK[minimum.value]


def ticket_problems(
    session: Session, ticket: Ticket, *, strict_replay: bool = True, now: dt.datetime | None = None
) -> list[str]:
    """Every broken invariant of one ticket (empty: sound).

    strict_replay: every column must be explained by an event (what the engine writes);
    otherwise only the state and the columns some event touched must agree.
    """
    problems: list[str] = []
    if ticket.state not in S._value2member_map_:
        return [f"unknown state {ticket.state!r}"]
    events = load_history(session, ticket.id)
    problems += _history_problems(ticket, events)
    problems += replay_differences(session, ticket, strict=strict_replay)
    problems += _state_data_problems(session, ticket)
    problems += _timer_problems(ticket, events)
    if now is not None:
        problems += _sql_flag_problems(session, ticket, now)
    return problems


def _history_problems(ticket: Ticket, events: list) -> list[str]:
    if not events or events[0].kind != EventKind.CREATED:
        return ["history does not start with the created event"]
    problems = []
    legal = legal_transitions()
    current = S.RECEIVED.value
    rework = 0
    for entry in events:
        if entry.kind != EventKind.STATE:
            continue
        step = (entry.old_value, entry.new_value)
        if entry.old_value != current:
            problems.append(f"state event {step} does not follow state {current!r}")
        if step not in legal:
            problems.append(f"illegal transition {step}")
        if step in REWORK_TRANSITIONS:
            rework += 1
        current = entry.new_value
    if current != ticket.state:
        problems.append(f"history ends in {current!r}, ticket is {ticket.state!r}")
    if rework != ticket.rework_count:
        problems.append(f"rework_count {ticket.rework_count} but {rework} rework transitions")
    return problems


def _count(session: Session, query) -> int:
    return session.scalar(query) or 0


def _state_data_problems(session: Session, ticket: Ticket) -> list[str]:
    t = ticket
    problems = []

    def need(condition: bool, text: str) -> None:
        if not condition:
            problems.append(text)

    if _at_least(t.state, S.DIAGNOSING) or t.state == S.NOT_COVERED:
        need(t.owner_id is not None, "no responsible owner after intake")
    if _at_least(t.state, S.PLANNING):
        need(None not in (t.cause, t.defect_category_id, t.building_part), "planning without a diagnosis")
        need(t.coverage in (Coverage.COVERED, Coverage.NEEDS_JUDGEMENT), f"repair planned with coverage {t.coverage!r}")
        need(t.diagnosed_at is not None, "no diagnosis time")
    if _at_least(t.state, S.IN_REPAIR):
        need(bool(t.plan_people.strip()) and bool(t.plan_safety_measures.strip())
             and (t.plan_duration_hours or 0) > 0, "repair without a complete plan")
        need(not t.structural_safety or t.plan_by_design_unit, "structural repair without the design unit's plan")
        need(t.arrived_at is not None, "repair without arrival on site")
    completed = _at_least(t.state, S.ACCEPTANCE)
    need((t.completed_at is not None) == completed, f"completed_at {t.completed_at} in state {t.state}")
    if completed:
        logs = _count(session, select(func.count()).select_from(WorkLog).where(WorkLog.ticket_id == t.id))
        photos = _count(session, select(func.count()).select_from(Attachment).where(
            Attachment.ticket_id == t.id, Attachment.stage == PhotoStage.AFTER))
        need(logs > 0 and photos > 0, "acceptance without a work log and an after-photo")
    if _at_least(t.state, S.FOLLOW_UP):
        need(t.acceptance_result == AcceptanceResult.PASSED and t.accepted_at is not None,
             "follow-up without passed acceptance")
        need(t.satisfaction is not None and 1 <= t.satisfaction <= 5, "no satisfaction score")
        signatures = _count(session, select(func.count()).select_from(Signature).where(
            Signature.ticket_id == t.id, Signature.signer_role == SignerRole.OWNER))
        need(signatures > 0, "accepted without the owner's signature")
    if t.state == S.ARCHIVED:
        need(bool(t.follow_up_result.strip()) and t.archived_at is not None, "archived without follow-up result")
    if t.state == S.NOT_COVERED:
        need(bool(t.not_covered_reason.strip()) and t.not_covered_approved_by_id is not None,
             "not covered without reason or approval")
    if t.state == S.CANCELLED:
        need(bool(t.cancel_reason.strip()), "cancelled without reason")
    if t.duplicate_of_id is not None:
        need(t.state == S.CANCELLED and t.duplicate_of_id != t.id, "duplicate link on a ticket not cancelled")
    if t.structural_safety:
        need(t.urgency == Urgency.EMERGENCY and t.report_to_authority,
             "structural safety without emergency timers and report to the authority")
    return problems


def _timer_problems(ticket: Ticket, events: list) -> list[str]:
    t = ticket
    problems = []
    for timer, (due_field, met_field) in TIMER_FIELDS.items():
        due, met = getattr(t, due_field), getattr(t, met_field)
        if due is None or due < t.reported_at:
            problems.append(f"{timer.value} due time {due} missing or before the report")
        if met is not None and met < t.reported_at:
            problems.append(f"{timer.value} met at {met}, before the report")
    taken = any(e.kind == EventKind.STATE and e.old_value == S.RECEIVED and e.new_value == S.DIAGNOSING
                for e in events)
    if (t.responded_at is not None) != taken:
        problems.append("responded_at set without the ticket being taken (or the reverse)")
    if t.paused_since is not None:
        if t.state not in TIMED:
            problems.append(f"timer paused in state {t.state}")
        if t.paused_since < t.reported_at:
            problems.append("paused before the report")
    if (t.paused_minutes or 0) < 0:
        problems.append("negative paused minutes")
    return problems


def _sql_flag_problems(session: Session, ticket: Ticket, now: dt.datetime) -> list[str]:
    row = session.execute(
        select(*(overdue_expr(timer, now) for timer in Timer)).where(Ticket.id == ticket.id)
    ).one()
    python = tuple(is_overdue(ticket, timer, now) for timer in Timer)
    if tuple(bool(v) for v in row) != python:
        return [f"SQL overdue flags {tuple(row)} differ from Python {python}"]
    return []
