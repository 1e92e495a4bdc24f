"""Everything the ticket detail shows, read in a few queries into plain data (no ORM objects).

The detail window is a view: it gets this snapshot and never touches the session. Ids in
the history (owner, location, category...) are resolved to names here, once per snapshot.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models.attachment import Attachment, Signature
from app.models.attachment_store import AttachmentStore
from app.models.base import to_local
from app.models.history import FIELD_ZH, describe_event, load_history, value_text
from app.models.location import Location
from app.models.people import Customer, OrgUnit, Staff
from app.models.project import DefectCategory, Project
from app.models.sla import timer_states
from app.models.ticket import Ticket, TicketEvent
from app.models.vocabulary import EVENT_KIND_ZH, EventKind, OrgKind
from app.models.workflow import Action, available_actions, check_details

# Id-valued ticket fields and where their names come from.
_ID_FIELDS = {
    "owner_id": Staff, "registered_by_id": Staff, "not_covered_approved_by_id": Staff,
    "location_id": Location, "customer_id": Customer, "defect_category_id": DefectCategory,
    "responsible_org_id": OrgUnit, "project_id": Project, "duplicate_of_id": Ticket,
}


def local_text(value: dt.datetime | None, with_seconds: bool = False) -> str:
    """A stored UTC time as the clerk reads it (Asia/Shanghai)."""
    if value is None:
        return ""
    return to_local(value).strftime("%Y-%m-%d %H:%M:%S" if with_seconds else "%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class TimerRow:
    """One response timer as the header shows it."""

    label: str
    due_at: dt.datetime | None  # timezone-aware UTC; moved by an ongoing pause
    due_text: str  # local time as the clerk reads it
    met_text: str  # local time it was met, "" while running
    breached: bool


@dataclass(frozen=True)
class FormChoices:
    """What a ticket's forms offer in their pick lists."""

    categories: list[tuple[uuid.UUID, str]] = field(default_factory=list)
    subcontractors: list[tuple[uuid.UUID, str]] = field(default_factory=list)
    owners: list[tuple[uuid.UUID, str]] = field(default_factory=list)
    sop_hint: str = ""


@dataclass(frozen=True)
class EventLine:
    at: str
    actor: str
    kind: str  # vocabulary.EventKind
    kind_zh: str
    text: str  # what changed, in Chinese


@dataclass(frozen=True)
class AttachmentItem:
    id: uuid.UUID
    stage: str
    original_name: str
    caption: str
    mime_type: str
    created_at: str
    path: Path
    broken: bool  # missing, or the file no longer matches its hash
    work_log_id: uuid.UUID | None = None


@dataclass(frozen=True)
class SignatureItem:
    id: uuid.UUID
    signer_role: str
    signer_name: str
    method: str
    signed_at: str
    path: Path


@dataclass(frozen=True)
class WorkLogItem:
    started_at: str
    ended_at: str
    people: str
    description: str
    materials_used: str
    author: str


@dataclass(frozen=True)
class RelatedTicket:
    id: uuid.UUID
    number: str
    state: str
    reported_at: str
    description: str
    relation: str  # 重复报修的原单 / 合并的重复报修 / 同一位置


@dataclass
class TicketDetail:
    """A snapshot of one ticket for the detail view."""

    id: uuid.UUID
    number: str
    state: str
    urgency: int
    project_name: str
    location: str
    customer: str
    customer_phone: str
    reporter_name: str
    reporter_phone: str
    channel: str
    description: str
    reported_at: str
    owner: str
    paused: bool
    timers: list[TimerRow]
    coverage: str | None
    coverage_reason: str
    rework_count: int
    values: dict[str, object]  # the ticket's columns, for pre-filling stage forms
    category: str
    responsible_org: str
    materials: list[tuple[str, str, float, str]]  # name, spec, quantity, unit
    work_logs: list[WorkLogItem]
    events: list[EventLine]
    attachments: list[AttachmentItem]
    signatures: list[SignatureItem]
    related: list[RelatedTicket]
    actions: list[str]  # what the current user may do now (by role and state)
    blocked: dict[str, list[str]] = field(default_factory=dict)  # action → what is missing
    appointment_text: str = ""


def _timer_rows(ticket: Ticket, now: dt.datetime) -> list[TimerRow]:
    return [
        TimerRow(t.label, t.due_at.replace(tzinfo=dt.UTC) if t.due_at else None, local_text(t.due_at),
                 local_text(t.met_at), t.breached)
        for t in timer_states(ticket, now)
    ]


def form_choices(session: Session, ticket_id: uuid.UUID) -> FormChoices:
    """The pick lists of a ticket's forms: its project type's categories, subcontractors, owners."""
    from app.models.intake_lookup import categories, owners_for_tickets

    project_id = session.scalar(select(Ticket.project_id).where(Ticket.id == ticket_id))
    if project_id is None:
        return FormChoices()
    subs = session.execute(
        select(OrgUnit.id, OrgUnit.name).where(OrgUnit.kind == OrgKind.SUBCONTRACTOR).order_by(OrgUnit.name)
    )
    return FormChoices(
        categories=[(c.id, c.text) for c in categories(session, project_id)],
        subcontractors=[(i, n) for i, n in subs],
        owners=[(c.id, c.text) for c in owners_for_tickets(session)],
    )


def _names(session: Session, ticket: Ticket, events: list[TicketEvent]) -> dict[uuid.UUID, str]:
    """Names for every id the ticket and its history mention, a query per kind."""
    wanted: dict[type, set[uuid.UUID]] = {}
    for name, kind in _ID_FIELDS.items():
        value = getattr(ticket, name)
        if value is not None:
            wanted.setdefault(kind, set()).add(value)
    for entry in events:
        if entry.actor_id is not None:
            wanted.setdefault(Staff, set()).add(entry.actor_id)
        kind = _ID_FIELDS.get(entry.field)
        if kind is not None:
            for text in (entry.old_value, entry.new_value):
                if text:
                    with contextlib.suppress(ValueError):
                        wanted.setdefault(kind, set()).add(uuid.UUID(text))
    names: dict[uuid.UUID, str] = {}
    for kind, ids in wanted.items():
        column = {Location: Location.full_name, Ticket: Ticket.number}.get(kind, getattr(kind, "name", None))
        for row_id, name in session.execute(select(kind.id, column).where(kind.id.in_(ids))):
            names[row_id] = name
    return names


def _kind_zh(kind: str) -> str:
    """An event kind's Chinese name (an unknown kind, e.g. from a newer version, as stored)."""
    return EVENT_KIND_ZH.get(EventKind(kind), kind) if kind in EventKind._value2member_map_ else kind


def _event_text(entry: TicketEvent, names: dict[uuid.UUID, str]) -> str:
    if entry.field in _ID_FIELDS:
        def name(text: str | None) -> str:
            if not text:
                return "（空）"
            try:
                return names.get(uuid.UUID(text), text)
            except ValueError:
                return text

        label = _kind_zh(entry.kind)
        text = f"{label}：{FIELD_ZH.get(entry.field, entry.field)} {name(entry.old_value)} → {name(entry.new_value)}"
        return f"{text}（{entry.note}）" if entry.note else text
    if entry.kind in (EventKind.ATTACHMENT, EventKind.SIGNATURE, EventKind.WORK_LOG, EventKind.COMMENT):
        label = EVENT_KIND_ZH[EventKind(entry.kind)]
        return f"{label}：{entry.note}" if entry.note else label
    return describe_event(entry)


def _related(session: Session, ticket: Ticket) -> list[RelatedTicket]:
    related: list[RelatedTicket] = []
    seen = {ticket.id}

    def add(rows, relation: str) -> None:
        for other in rows:
            if other.id in seen:
                continue
            seen.add(other.id)
            related.append(RelatedTicket(
                other.id, other.number, other.state, local_text(other.reported_at),
                other.description[:60], relation,
            ))

    if ticket.duplicate_of_id is not None:
        add([session.get(Ticket, ticket.duplicate_of_id)], "重复报修的原单")
    add(session.scalars(select(Ticket).where(Ticket.duplicate_of_id == ticket.id)
                        .order_by(Ticket.reported_at)), "合并的重复报修")
    place = []
    if ticket.location_id is not None:
        place.append(Ticket.location_id == ticket.location_id)
    elif ticket.location_label:
        place.append(Ticket.location_label == ticket.location_label)
    if place:
        add(session.scalars(
            select(Ticket).where(Ticket.project_id == ticket.project_id, or_(*place))
            .order_by(Ticket.reported_at.desc()).limit(20)
        ), "同一位置")
    return related


# Actions whose missing items are worth showing before the user opens the form.
_PREVIEWED = (
    Action.TAKE, Action.DIAGNOSE, Action.START_REPAIR, Action.SUBMIT_FOR_ACCEPTANCE, Action.ACCEPT,
    Action.ARCHIVE,
)


def load_detail(
    session: Session, ticket_id: uuid.UUID, actor: Staff | None, now: dt.datetime,
    store: AttachmentStore | None = None, *, verify_files: bool = False,
) -> TicketDetail | None:
    """The snapshot of a ticket (None when it does not exist).

    `verify_files` re-hashes each attachment (slow for videos); without it a file is broken
    only when missing.
    """
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        return None
    events = load_history(session, ticket.id)
    names = _names(session, ticket, events)
    project = session.get(Project, ticket.project_id)
    customer = session.get(Customer, ticket.customer_id) if ticket.customer_id else None

    lines = [
        EventLine(local_text(e.at, True), names.get(e.actor_id, "") if e.actor_id else "系统", e.kind,
                  _kind_zh(e.kind),
                  _event_text(e, names))
        for e in events
    ]
    attachments = []
    for a in session.scalars(select(Attachment).where(Attachment.ticket_id == ticket.id)
                             .order_by(Attachment.created_at, Attachment.id)):
        path = store.path_for(a.sha256) if store is not None else Path(a.sha256)
        broken = store is not None and not path.is_file()
        if verify_files and not broken and store is not None:
            broken = not store.exists(a.sha256)
        attachments.append(AttachmentItem(
            a.id, a.stage, a.original_name, a.caption, a.mime_type, local_text(a.created_at), path, broken,
            a.work_log_id,
        ))
    signatures = [
        SignatureItem(s.id, s.signer_role, s.signer_name, s.method, local_text(s.signed_at),
                      store.path_for(s.image_sha256) if store is not None else Path(s.image_sha256))
        for s in session.scalars(select(Signature).where(Signature.ticket_id == ticket.id)
                                 .order_by(Signature.signed_at, Signature.id))
    ]
    authors = {log.author_id for log in ticket.work_logs if log.author_id}
    if authors - names.keys():
        names.update(dict(session.execute(select(Staff.id, Staff.name).where(Staff.id.in_(authors)))))
    work_logs = [
        WorkLogItem(local_text(log.started_at), local_text(log.ended_at), log.people, log.description,
                    log.materials_used, names.get(log.author_id, "") if log.author_id else "")
        for log in ticket.work_logs
    ]
    values = {c.key: getattr(ticket, c.key) for c in Ticket.__table__.columns}
    actions = [a.value for a in available_actions(ticket, actor)] if actor is not None else []
    blocked = {}
    if actor is not None:
        for action in _PREVIEWED:
            if action.value in actions:
                blocked[action.value] = [p.message for p in check_details(ticket, action, actor)]
    category = names.get(ticket.defect_category_id, "") if ticket.defect_category_id else ""
    return TicketDetail(
        id=ticket.id, number=ticket.number, state=ticket.state, urgency=ticket.urgency,
        project_name=project.name,
        location=ticket.location_label,
        customer=customer.name if customer else "", customer_phone=customer.phone if customer else "",
        reporter_name=ticket.reporter_name, reporter_phone=ticket.reporter_phone, channel=ticket.channel,
        description=ticket.description, reported_at=local_text(ticket.reported_at),
        owner=names.get(ticket.owner_id, "") if ticket.owner_id else "",
        paused=ticket.paused_since is not None, timers=_timer_rows(ticket, now),
        coverage=ticket.coverage, coverage_reason=ticket.coverage_reason,
        rework_count=ticket.rework_count, values=values,
        category=category,
        responsible_org=names.get(ticket.responsible_org_id, "") if ticket.responsible_org_id else "",
        materials=[(m.name, m.spec, m.quantity, m.unit) for m in ticket.materials],
        work_logs=work_logs, events=lines, attachments=attachments, signatures=signatures,
        related=_related(session, ticket), actions=actions, blocked=blocked,
        appointment_text=local_text(ticket.plan_appointment_at),
    )


def field_value_text(field_name: str, value: object) -> str:
    """A ticket value in words for read-only display (codes → Chinese names)."""
    from app.models.history import encode

    return value_text(field_name, encode(value))
