"""What a printed form shows of a ticket, read once from the store, and its content hashes.

`load_record` reads everything a form prints (ticket, project, people, plan, logs, photos,
signatures, history) into plain data, so rendering needs no session and can run anywhere.
`content_parts` hashes that content item by item: the verification code is derived from these
hashes, and comparing them later says exactly what changed since printing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.attachment import Attachment, Signature
from app.models.base import to_local
from app.models.coverage import CoverageError, warranty_period
from app.models.history import FIELD_ZH, REPLAYED_FIELDS, encode, history_order
from app.models.location import Location
from app.models.people import Customer, OrgUnit, Staff
from app.models.project import DefectCategory, Project
from app.models.ticket import PlanMaterial, Ticket, TicketEvent, WorkLog
from app.models.vocabulary import EventKind, OrgKind, TicketState

# Part keys that are not ticket columns, with their Chinese names for "what changed".
PART_ZH = {
    "events": "处理历史",
    "attachments": "照片与附件",
    "signatures": "签名",
    "work_logs": "维修日志",
    "materials": "维修材料",
    "ref:project": "项目信息",
    "ref:location": "报修位置信息",
    "ref:customer": "业主信息",
    "ref:owner": "责任人信息",
    "ref:category": "缺陷类别名称",
    "ref:responsible_org": "责任单位信息",
    "ref:approver": "审批人信息",
}


@dataclass(frozen=True)
class PhotoItem:
    sha256: str
    stage: str
    caption: str
    original_name: str
    mime_type: str
    taken_at: dt.datetime  # local time


@dataclass(frozen=True)
class SignatureItem:
    role: str
    name: str
    method: str
    image_sha256: str
    signed_at: dt.datetime  # local time


@dataclass(frozen=True)
class WorkLogItem:
    started_at: dt.datetime  # local time
    ended_at: dt.datetime | None
    people: str
    description: str
    materials_used: str


@dataclass(frozen=True)
class MaterialItem:
    name: str
    spec: str
    quantity: float
    unit: str


@dataclass(frozen=True)
class TicketRecord:
    """A ticket as its forms print it; times are local (Asia/Shanghai), texts never None."""

    ticket_id: uuid.UUID
    number: str
    state: str
    values: dict[str, object]  # the ticket's columns (local times)
    company: str
    project_dept: str
    project_name: str
    project_code: str
    project_address: str
    handover_date: dt.date | None
    location: str
    customer_name: str
    customer_phone: str
    owner_name: str
    owner_phone: str
    category: str
    responsible_org: str
    approver_name: str
    warranty_text: str = ""  # how the building part's warranty period is counted
    not_covered_at: dt.datetime | None = None  # local time of the not-covered ruling
    materials: list[MaterialItem] = field(default_factory=list)
    work_logs: list[WorkLogItem] = field(default_factory=list)
    photos: list[PhotoItem] = field(default_factory=list)
    signatures: list[SignatureItem] = field(default_factory=list)
    event_count: int = 0
    last_change_at: dt.datetime | None = None  # local time of the newest history entry
    parts: dict[str, str] = field(default_factory=dict)

    def text(self, name: str) -> str:
        """A text column, '' when empty."""
        value = self.values.get(name)
        return "" if value is None else str(value)


def _local(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else to_local(value).replace(tzinfo=None)


def _digest(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _company_of(session: Session, org: OrgUnit | None) -> tuple[str, str]:
    """(company, project department) names: the HQ above the project's department."""
    dept = org.name if org is not None else ""
    top = org
    seen = set()
    while top is not None and top.parent_id is not None and top.id not in seen:
        seen.add(top.id)
        top = session.get(OrgUnit, top.parent_id)
    if top is None or top.kind != OrgKind.HQ:
        return dept, dept
    # The HQ row is named "公司（总部保修管理部）": the form's letterhead is the company.
    company = top.name.split("（", 1)[0].strip() or top.name
    return company, dept


def load_record(session: Session, ticket: Ticket) -> TicketRecord:
    """Everything the forms print about `ticket`, with the per-item content hashes."""
    project = session.get(Project, ticket.project_id)
    org = session.get(OrgUnit, project.project_dept_id) if project else None
    company, dept = _company_of(session, org)
    location = session.get(Location, ticket.location_id) if ticket.location_id else None
    customer = session.get(Customer, ticket.customer_id) if ticket.customer_id else None
    owner = session.get(Staff, ticket.owner_id) if ticket.owner_id else None
    category = session.get(DefectCategory, ticket.defect_category_id) if ticket.defect_category_id else None
    responsible = (
        session.get(OrgUnit, ticket.responsible_org_id) if ticket.responsible_org_id else None
    )
    approver = (
        session.get(Staff, ticket.not_covered_approved_by_id)
        if ticket.not_covered_approved_by_id
        else None
    )
    materials = session.scalars(
        select(PlanMaterial)
        .where(PlanMaterial.ticket_id == ticket.id)
        .order_by(PlanMaterial.sort_key, PlanMaterial.id)
    ).all()
    logs = session.scalars(
        select(WorkLog).where(WorkLog.ticket_id == ticket.id).order_by(WorkLog.started_at, WorkLog.id)
    ).all()
    attachments = session.scalars(
        select(Attachment)
        .where(Attachment.ticket_id == ticket.id)
        .order_by(Attachment.created_at, Attachment.id)
    ).all()
    signatures = session.scalars(
        select(Signature)
        .where(Signature.ticket_id == ticket.id)
        .order_by(Signature.signed_at, Signature.id)
    ).all()
    events = session.execute(
        select(
            TicketEvent.seq, TicketEvent.at, TicketEvent.kind, TicketEvent.field,
            TicketEvent.old_value, TicketEvent.new_value, TicketEvent.note, TicketEvent.actor_id,
        )
        .where(TicketEvent.ticket_id == ticket.id)
        .order_by(*history_order())
    ).all()

    values: dict[str, object] = {}
    for name in REPLAYED_FIELDS:
        value = getattr(ticket, name)
        values[name] = _local(value) if isinstance(value, dt.datetime) else value

    parts: dict[str, str] = {
        f"field:{name}": _digest(encode(getattr(ticket, name))) for name in REPLAYED_FIELDS
    }
    refs = {
        "ref:project": [project.code, project.name, project.address, str(project.handover_date),
                        company, dept] if project else None,
        "ref:location": location.full_name if location else None,
        "ref:customer": [customer.name, customer.phone] if customer else None,
        "ref:owner": [owner.name, owner.phone] if owner else None,
        "ref:category": category.name if category else None,
        "ref:responsible_org": responsible.name if responsible else None,
        "ref:approver": approver.name if approver else None,
    }
    parts.update({key: _digest(value) for key, value in refs.items()})
    parts["materials"] = _digest([[m.name, m.spec, m.quantity, m.unit] for m in materials])
    parts["work_logs"] = _digest(
        [[str(w.id), encode(w.started_at), encode(w.ended_at), w.people, w.description,
          w.materials_used] for w in logs]
    )
    parts["attachments"] = _digest(
        [[str(a.id), a.sha256, a.stage, a.caption, a.original_name] for a in attachments]
    )
    parts["signatures"] = _digest(
        [[str(s.id), s.signer_role, s.signer_name, s.method, s.image_sha256, encode(s.signed_at)]
         for s in signatures]
    )
    parts["events"] = _digest(
        [[e.seq, encode(e.at), e.kind, e.field, e.old_value, e.new_value, e.note, encode(e.actor_id)]
         for e in events]
    )

    last_at = max((e.at for e in events), default=None)
    ruled_at = max(
        (e.at for e in events if e.kind == EventKind.STATE and e.new_value == TicketState.NOT_COVERED),
        default=None,
    )
    warranty_text = ""
    if project is not None and ticket.building_part:
        try:
            warranty_text = warranty_period(project, ticket.building_part).text
        except (CoverageError, ValueError):
            warranty_text = ""
    return TicketRecord(
        ticket_id=ticket.id,
        number=ticket.number,
        state=ticket.state,
        values=values,
        company=company,
        project_dept=dept,
        project_name=project.name if project else "",
        project_code=project.code if project else "",
        project_address=project.address if project else "",
        handover_date=project.handover_date if project else None,
        location=(location.full_name if location else "") or ticket.location_label or "",
        customer_name=customer.name if customer else "",
        customer_phone=customer.phone if customer else "",
        owner_name=owner.name if owner else "",
        owner_phone=owner.phone if owner else "",
        category=category.name if category else "",
        responsible_org=responsible.name if responsible else "",
        approver_name=approver.name if approver else "",
        warranty_text=warranty_text,
        not_covered_at=_local(ruled_at),
        materials=[MaterialItem(m.name, m.spec or "", m.quantity, m.unit or "") for m in materials],
        work_logs=[
            WorkLogItem(_local(w.started_at), _local(w.ended_at), w.people or "",
                        w.description or "", w.materials_used or "")
            for w in logs
        ],
        photos=[
            PhotoItem(a.sha256, a.stage, a.caption or "", a.original_name, a.mime_type,
                      _local(a.created_at))
            for a in attachments
        ],
        signatures=[
            SignatureItem(s.signer_role, s.signer_name, s.method, s.image_sha256, _local(s.signed_at))
            for s in signatures
        ],
        event_count=len(events),
        last_change_at=_local(last_at),
        parts=parts,
    )


def content_hash(parts: dict[str, str]) -> str:
    """One hash of all parts: what the verification code is derived from."""
    return hashlib.sha256(
        json.dumps(parts, sort_keys=True, separators=(",", ":")).encode("ascii")
    ).hexdigest()


def part_name(key: str) -> str:
    """The Chinese name of a part key ('field:description' → '问题描述')."""
    if key.startswith("field:"):
        name = key.removeprefix("field:")
        return FIELD_ZH.get(name, name)
    return PART_ZH.get(key, key)


def count_events(session: Session, ticket_id: uuid.UUID) -> int:
    return session.scalar(
        select(func.count()).select_from(TicketEvent).where(TicketEvent.ticket_id == ticket_id)
    ) or 0
