"""The actions people take on a ticket: each checks its preconditions, changes the ticket and
writes its events, all inside the caller's transaction.

Call them as `with db.transaction() as session: diagnose(session, ticket, actor, ...)`. An
action whose preconditions fail raises `TransitionRefused` before changing anything; every
change is an append-only event (who, when, old and new value) and bumps `Ticket.version`.
`now` is injectable (tests); times are naive UTC.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.models.attachment import Attachment, Signature
from app.models.attachment_store import AttachmentStore
from app.models.base import to_local
from app.models.coverage import Verdict, assess_ticket_values
from app.models.escalation_engine import evaluate_ticket
from app.models.history import BASELINE, TicketChange, now_or, plain
from app.models.ids import new_id
from app.models.location import Location
from app.models.numbering import next_ticket_number
from app.models.people import Staff
from app.models.project import Project
from app.models.sla import (
    breached_timers,
    due_times,
    limits_for,
    recomputed_due_times,
    resume_changes,
)
from app.models.ticket import PlanMaterial, Ticket, WorkLog
from app.models.vocabulary import (
    CHANNEL_ZH,
    PHOTO_STAGE_ZH,
    SIGNER_ROLE_ZH,
    AcceptanceResult,
    Channel,
    Coverage,
    EventKind,
    PhotoStage,
    SignatureMethod,
    SignerRole,
    TicketState,
    Urgency,
)
from app.models.workflow import (
    ASSESSMENT_INPUTS,
    DIAGNOSIS_FIELDS,
    PLAN_FIELDS,
    RULES,
    Action,
    Intake,
    TransitionRefused,
    check_details,
    check_intake,
)

S = TicketState
FOLLOW_UP_WITHIN_DAYS = 7  # SPEC F6: a follow-up visit within 7 days of acceptance


def _begin(
    session: Session,
    ticket: Ticket,
    action: Action,
    actor: Staff,
    values: Mapping[str, Any],
    now: dt.datetime | None,
) -> TicketChange:
    memo: dict[str, Any] = {}
    problems = check_details(ticket, action, actor, values, memo=memo)
    if problems:
        raise TransitionRefused(action, problems)
    change = TicketChange(session, ticket, actor.id, now_or(now))
    change.memo = memo
    return change


def _move(change: TicketChange, action: Action, note: str = "") -> None:
    """Change the state along the action's rule (a running pause ends first)."""
    if change.ticket.paused_since is not None:
        change.set_many(resume_changes(change.ticket, change.at), kind=EventKind.TIMER, note="状态变更，自动恢复计时")
    change.set("state", RULES[action].target, kind=EventKind.STATE, note=note)


def _project(session: Session, ticket: Ticket) -> Project:
    with session.no_autoflush:
        return session.get(Project, ticket.project_id)


def _check_fields(values: Mapping[str, Any], allowed: Sequence[str], action: Action) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"{action.value} does not take {sorted(unknown)}")


# Edits after which the ticket may belong to another escalation cluster or raise a signal.
_ESCALATION_FIELDS = frozenset(
    {"defect_category_id", "building_part", "responsible_org_id", "structural_safety", "urgency"}
)


def _evaluate_escalations(change: TicketChange) -> None:
    """Escalation signals of the changed ticket, in the same transaction (escalation_engine)."""
    evaluate_ticket(change.session, change.ticket, change.at)


def _evaluate_if_late(change: TicketChange) -> None:
    """A timer met late is an SLA breach noticed now: evaluate the ticket (else nothing to do)."""
    if breached_timers(change.ticket, change.at):
        _evaluate_escalations(change)


# ---------------------------------------------------------------------------------------------
# Intake and dispatch
# ---------------------------------------------------------------------------------------------


def register_ticket(session: Session, actor: Staff, intake: Intake, *, now: dt.datetime | None = None) -> Ticket:
    """登记报修: a new ticket with its number, due times and the events of every intake value."""
    problems = check_intake(session, actor, intake)
    if problems:
        raise TransitionRefused(Action.REGISTER, problems)
    now = now_or(now)
    reported_at = intake.reported_at or now
    project = session.get(Project, intake.project_id)
    label = intake.location_label.strip()
    if not label and intake.location_id is not None:
        label = session.get(Location, intake.location_id).full_name
    number = next_ticket_number(session, to_local(reported_at).year)
    ticket = Ticket(id=new_id(), **BASELINE)
    ticket.number, ticket.state, ticket.version = number, S.RECEIVED.value, 1
    session.add(ticket)
    change = TicketChange(session, ticket, actor.id, now)
    change.record(EventKind.CREATED, new=number, note=f"{CHANNEL_ZH[Channel(intake.channel)]}登记")
    urgency = Urgency.EMERGENCY if intake.structural_safety else Urgency(intake.urgency)
    change.set_many({
        "project_id": intake.project_id,
        "channel": intake.channel,
        "reporter_name": intake.reporter_name.strip(),
        "reporter_phone": intake.reporter_phone.strip(),
        "description": intake.description.strip(),
        "location_id": intake.location_id,
        "location_label": label,
        "customer_id": intake.customer_id,
        "defect_category_id": intake.defect_category_id,
        "urgency": urgency,
        "reported_at": reported_at,
        "registered_by_id": actor.id,
    })
    if intake.structural_safety:
        change.set("structural_safety", True, note="涉及结构安全，按紧急处理")
        change.set("report_to_authority", True, note="涉及结构安全，须报告主管部门")
    change.set_many(due_times(reported_at, limits_for(project, urgency)), kind=EventKind.TIMER, note="按响应时限计算")
    if intake.owner_id is not None:
        change.set("owner_id", intake.owner_id, kind=EventKind.ASSIGNMENT, note="登记时派单")
    change.finish()
    _evaluate_escalations(change)
    return ticket


def assign_owner(
    session: Session, ticket: Ticket, actor: Staff, owner_id: uuid.UUID, *, reason: str = "",
    now: dt.datetime | None = None,
) -> Ticket:
    """派单 / 更换责任人: one responsible owner; a change of owner needs a reason."""
    change = _begin(session, ticket, Action.ASSIGN_OWNER, actor, {"owner_id": owner_id, "reason": reason}, now)
    note = reason.strip() or "派单"
    change.set("owner_id", owner_id, kind=EventKind.ASSIGNMENT, note=note)
    change.finish()
    return ticket


def take_ticket(session: Session, ticket: Ticket, actor: Staff, *, note: str = "", now: dt.datetime | None = None) -> Ticket:
    """接单响应: the owner takes the ticket (the response timer is met) and starts diagnosing."""
    change = _begin(session, ticket, Action.TAKE, actor, {}, now)
    change.set("responded_at", change.at)
    _move(change, Action.TAKE, note or "接单响应")
    change.finish()
    _evaluate_if_late(change)
    return ticket


def record_arrival(session: Session, ticket: Ticket, actor: Staff, *, now: dt.datetime | None = None) -> Ticket:
    """到场签到: the technician is on site (the arrival timer is met)."""
    change = _begin(session, ticket, Action.RECORD_ARRIVAL, actor, {}, now)
    change.set("arrived_at", change.at, note="到场签到")
    change.finish()
    _evaluate_if_late(change)
    return ticket


# ---------------------------------------------------------------------------------------------
# Diagnosis, coverage and the structural-safety path
# ---------------------------------------------------------------------------------------------


def _apply_verdict(change: TicketChange, verdict: Verdict | None = None) -> None:
    """Store the coverage verdict of the ticket's diagnosis (`verdict`: already computed for
    exactly these values by the action's check)."""
    ticket = change.ticket
    verdict = verdict or assess_ticket_values(
        change.session,
        project_id=ticket.project_id,
        reported_at=ticket.reported_at,
        building_part=ticket.building_part,
        cause=ticket.cause,
        defect_category_id=ticket.defect_category_id,
        responsible_party=ticket.responsible_party,
        responsible_org_id=ticket.responsible_org_id,
    )
    change.set_many(
        {"coverage": verdict.coverage, "coverage_end_date": verdict.end_date, "coverage_reason": verdict.reason},
        note="保修判定",
    )


def _recompute_due_times(change: TicketChange, note: str) -> None:
    ticket = change.ticket
    limits = limits_for(_project(change.session, ticket), ticket.urgency)
    change.set_many(recomputed_due_times(ticket, limits), kind=EventKind.TIMER, note=note)


def _apply_structural_safety(change: TicketChange) -> None:
    """Structural safety: emergency timers and a report to the authority (the plan needs the
    design unit, checked before repair starts)."""
    change.set("urgency", Urgency.EMERGENCY, note="涉及结构安全，按紧急处理")
    change.set("report_to_authority", True, note="涉及结构安全，须报告主管部门")
    _recompute_due_times(change, "紧急程度变更，重新计算时限")


def diagnose(
    session: Session, ticket: Ticket, actor: Staff, *, note: str = "", now: dt.datetime | None = None,
    **values: Any,
) -> Ticket:
    """完成诊断: cause, defect category, building part (and responsible party) → coverage verdict
    stored on the ticket → 维修计划. Values not given are taken from the ticket."""
    _check_fields(values, DIAGNOSIS_FIELDS, Action.DIAGNOSE)
    change = _begin(session, ticket, Action.DIAGNOSE, actor, values, now)
    was_structural = ticket.structural_safety
    change.set_many({k: plain(v) for k, v in values.items()}, note="诊断")
    if ticket.structural_safety and not was_structural:
        _apply_structural_safety(change)
    _apply_verdict(change, change.memo.get("verdict"))
    change.set("diagnosed_at", change.at)
    _move(change, Action.DIAGNOSE, note or "完成诊断")
    change.finish()
    _evaluate_escalations(change)
    return ticket


def rule_not_covered(
    session: Session, ticket: Ticket, actor: Staff, *, reason: str, paid_repair_offered: bool = False,
    now: dt.datetime | None = None,
) -> Ticket:
    """审批不予保修 (project manager): closed with the reason; a paid repair may be offered."""
    values = {"not_covered_reason": reason, "paid_repair_offered": paid_repair_offered}
    change = _begin(session, ticket, Action.RULE_NOT_COVERED, actor, values, now)
    change.set_many({"not_covered_reason": reason.strip(), "paid_repair_offered": paid_repair_offered})
    change.set("not_covered_approved_by_id", actor.id, note="项目经理审批")
    if ticket.coverage not in (Coverage.EXPIRED, Coverage.NOT_COVERED):
        change.set("coverage", Coverage.NOT_COVERED, note="审批不予保修")
        change.set("coverage_reason", f"经项目经理审批不予保修：{reason.strip()}。", note="审批不予保修")
    _move(change, Action.RULE_NOT_COVERED, reason.strip())
    change.finish()
    return ticket


# ---------------------------------------------------------------------------------------------
# Plan and repair
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MaterialLine:
    name: str
    quantity: float = 0
    unit: str = ""
    spec: str = ""


def _materials_text(lines: Sequence[Any]) -> str:
    return "；".join(f"{m.name}{(' ' + m.spec) if m.spec else ''} {m.quantity:g}{m.unit}" for m in lines)


def save_plan(
    session: Session, ticket: Ticket, actor: Staff, *, materials: Sequence[MaterialLine] | None = None,
    now: dt.datetime | None = None, **values: Any,
) -> Ticket:
    """保存维修计划: people, estimated duration, safety measures, appointment, SOP, materials."""
    _check_fields(values, PLAN_FIELDS, Action.SAVE_PLAN)
    inputs = dict(values)
    if materials is not None:
        inputs["materials"] = materials
    change = _begin(session, ticket, Action.SAVE_PLAN, actor, inputs, now)
    change.set_many({k: plain(v) for k, v in values.items()}, note="维修计划")
    if materials is not None:
        old = _materials_text(ticket.materials)
        session.execute(delete(PlanMaterial).where(PlanMaterial.ticket_id == ticket.id))
        session.expire(ticket, ["materials"])
        for order, line in enumerate(materials):
            session.add(PlanMaterial(
                ticket_id=ticket.id, name=line.name.strip(), spec=line.spec, quantity=line.quantity,
                unit=line.unit, sort_key=order,
            ))
        new = _materials_text(materials)
        if new != old:
            change.record(EventKind.FIELD, field="materials", old=old or None, new=new or None, note="维修材料")
    if change.events:
        change.set("planned_at", change.at)
    change.finish()
    return ticket


def start_repair(session: Session, ticket: Ticket, actor: Staff, *, note: str = "", now: dt.datetime | None = None) -> Ticket:
    """开始维修: the plan is complete (and made by the design unit on the structural path)."""
    change = _begin(session, ticket, Action.START_REPAIR, actor, {}, now)
    if ticket.arrived_at is None:
        change.set("arrived_at", change.at, note="开始维修，视为到场")
    _move(change, Action.START_REPAIR, note or "开始维修")
    change.finish()
    return ticket


def log_work(
    session: Session, ticket: Ticket, actor: Staff, *, description: str, people: str,
    started_at: dt.datetime, ended_at: dt.datetime | None = None, materials_used: str = "",
    now: dt.datetime | None = None,
) -> WorkLog:
    """维修日志: one stretch of work on site (who, when, what, materials used)."""
    values = {"description": description, "people": people, "started_at": started_at, "ended_at": ended_at}
    change = _begin(session, ticket, Action.LOG_WORK, actor, values, now)
    log = WorkLog(
        id=new_id(), ticket_id=ticket.id, started_at=started_at, ended_at=ended_at, people=people.strip(),
        description=description.strip(), materials_used=materials_used.strip(), author_id=actor.id,
        created_at=change.at, updated_at=change.at,
    )
    session.add(log)
    change.record(EventKind.WORK_LOG, new=log.id, note=description.strip()[:200])
    change.finish()
    return log


def submit_for_acceptance(
    session: Session, ticket: Ticket, actor: Staff, *, note: str = "", now: dt.datetime | None = None
) -> Ticket:
    """完工报验: repair done (logged, with an after-photo) → 验收反馈; the completion timer is met."""
    change = _begin(session, ticket, Action.SUBMIT_FOR_ACCEPTANCE, actor, {}, now)
    change.set("completed_at", change.at)
    _move(change, Action.SUBMIT_FOR_ACCEPTANCE, note or "完工报验")
    change.finish()
    _evaluate_if_late(change)
    return ticket


# ---------------------------------------------------------------------------------------------
# Files and signatures
# ---------------------------------------------------------------------------------------------


def attach_file(
    session: Session, store: AttachmentStore, ticket: Ticket, actor: Staff, *, data: bytes,
    original_name: str, mime_type: str, stage: str, caption: str = "", work_log_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> Attachment:
    """添加附件: the file goes to the content-addressed store, the row and an event to the ticket."""
    values = {"data": data, "stage": stage, "original_name": original_name}
    change = _begin(session, ticket, Action.ATTACH, actor, values, now)
    # No ORM relationship links a file to its ticket or work log: a ticket registered (or a
    # log written) in this same transaction must be in the database before the file row.
    session.flush()
    stored = store.put_bytes(data)
    attachment = Attachment(
        id=new_id(), ticket_id=ticket.id, work_log_id=work_log_id, sha256=stored.sha256, size=stored.size,
        mime_type=mime_type, original_name=original_name or "附件", stage=plain(stage), caption=caption,
        created_at=change.at, created_by_id=actor.id,
    )
    session.add(attachment)
    change.record(EventKind.ATTACHMENT, new=attachment.id,
                  note=f"{PHOTO_STAGE_ZH[PhotoStage(stage)]}：{attachment.original_name}")
    change.finish()
    return attachment


def sign(
    session: Session, store: AttachmentStore, ticket: Ticket, actor: Staff, *, signer_role: str,
    signer_name: str, image: bytes, method: str = SignatureMethod.ON_SCREEN, signed_at: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> Signature:
    """签名: drawn on screen, or the signed paper form scanned back; the image is kept by hash."""
    values = {"signer_role": signer_role, "signer_name": signer_name, "image": image, "method": method}
    change = _begin(session, ticket, Action.SIGN, actor, values, now)
    stored = store.put_bytes(image)
    signature = Signature(
        id=new_id(), ticket_id=ticket.id, signer_role=plain(signer_role), signer_name=signer_name.strip(),
        method=plain(method), image_sha256=stored.sha256, signed_at=signed_at or change.at, created_by_id=actor.id,
    )
    session.add(signature)
    how = "屏幕签名" if method == SignatureMethod.ON_SCREEN else "扫描件"
    change.record(EventKind.SIGNATURE, field="", new=signature.id,
                  note=f"{SIGNER_ROLE_ZH[SignerRole(signer_role)]} {signature.signer_name}（{how}）")
    change.finish()
    return signature


# ---------------------------------------------------------------------------------------------
# Acceptance, follow-up, archive
# ---------------------------------------------------------------------------------------------


def accept(
    session: Session, ticket: Ticket, actor: Staff, *, satisfaction: int, satisfaction_comment: str = "",
    comment: str = "", now: dt.datetime | None = None,
) -> Ticket:
    """验收通过: signed by the owner, scored 1–5 → 回访 (due within 7 days)."""
    change = _begin(session, ticket, Action.ACCEPT, actor, {"satisfaction": satisfaction}, now)
    change.set_many({
        "acceptance_result": AcceptanceResult.PASSED,
        "acceptance_comment": comment.strip(),
        "satisfaction": satisfaction,
        "satisfaction_comment": satisfaction_comment.strip(),
        "accepted_at": change.at,
        "follow_up_due_on": to_local(change.at).date() + dt.timedelta(days=FOLLOW_UP_WITHIN_DAYS),
    }, note="验收通过")
    _move(change, Action.ACCEPT, comment.strip() or "验收通过")
    change.finish()
    return ticket


def _rework(change: TicketChange, action: Action, reason: str) -> None:
    change.set("rework_count", (change.ticket.rework_count or 0) + 1, note="返修")
    _move(change, action, reason)


def reject(session: Session, ticket: Ticket, actor: Staff, *, reason: str, now: dt.datetime | None = None) -> Ticket:
    """验收不通过: back to 维修实施 as rework (rework count +1); the repair is not complete."""
    change = _begin(session, ticket, Action.REJECT, actor, {"reason": reason}, now)
    change.set_many({
        "acceptance_result": AcceptanceResult.FAILED,
        "acceptance_comment": reason.strip(),
        "satisfaction": None,
        "completed_at": None,
    }, note="验收不通过")
    _rework(change, Action.REJECT, reason.strip())
    change.finish()
    _evaluate_escalations(change)
    return ticket


def record_follow_up(
    session: Session, ticket: Ticket, actor: Staff, *, result: str, now: dt.datetime | None = None
) -> Ticket:
    """记录回访: what the owner said on the follow-up visit or call."""
    change = _begin(session, ticket, Action.RECORD_FOLLOW_UP, actor, {"follow_up_result": result}, now)
    change.set_many({"follow_up_result": result.strip(), "followed_up_at": change.at}, note="回访记录")
    change.finish()
    return ticket


def archive(
    session: Session, ticket: Ticket, actor: Staff, *, follow_up_result: str | None = None,
    now: dt.datetime | None = None,
) -> Ticket:
    """归档: the follow-up is recorded; the ticket becomes read-only."""
    values = {} if follow_up_result is None else {"follow_up_result": follow_up_result}
    change = _begin(session, ticket, Action.ARCHIVE, actor, values, now)
    if follow_up_result is not None and follow_up_result.strip() != ticket.follow_up_result:
        change.set_many({"follow_up_result": follow_up_result.strip(), "followed_up_at": change.at}, note="回访记录")
    change.set("archived_at", change.at)
    _move(change, Action.ARCHIVE, "归档")
    change.finish()
    return ticket


def reopen(session: Session, ticket: Ticket, actor: Staff, *, reason: str, now: dt.datetime | None = None) -> Ticket:
    """重新打开 (project manager): an archived ticket back to 维修实施 with a reason, as rework.

    The acceptance and follow-up start again; the completion timer restarts from now.
    """
    change = _begin(session, ticket, Action.REOPEN, actor, {"reason": reason}, now)
    limits = limits_for(_project(session, ticket), ticket.urgency)
    change.set_many({
        "archived_at": None,
        "acceptance_result": None,
        "accepted_at": None,
        "satisfaction": None,
        "satisfaction_comment": "",
        "completed_at": None,
        "follow_up_due_on": None,
        "followed_up_at": None,
        "follow_up_result": "",
    }, note="重新打开")
    change.set("completion_due_at", change.at + limits.completion, kind=EventKind.TIMER, note="重新打开，重新计算完工时限")
    _rework(change, Action.REOPEN, reason.strip())
    change.finish()
    _evaluate_escalations(change)
    return ticket


# ---------------------------------------------------------------------------------------------
# Closing early: cancel, duplicate
# ---------------------------------------------------------------------------------------------


def cancel(session: Session, ticket: Ticket, actor: Staff, *, reason: str, now: dt.datetime | None = None) -> Ticket:
    """取消报修 (before the repair starts), with the reason."""
    change = _begin(session, ticket, Action.CANCEL, actor, {"reason": reason}, now)
    change.set("cancel_reason", reason.strip())
    _move(change, Action.CANCEL, reason.strip())
    change.finish()
    return ticket


def mark_duplicate(
    session: Session, ticket: Ticket, original: Ticket, actor: Staff, *, now: dt.datetime | None = None
) -> Ticket:
    """标记为重复报修: cancelled with a link to the original; its reporter stays on it and is
    noted on the original."""
    change = _begin(session, ticket, Action.MARK_DUPLICATE, actor, {"original": original}, now)
    reason = f"与 {original.number} 重复"
    change.set("duplicate_of_id", original.id, note=reason)
    change.set("cancel_reason", reason)
    _move(change, Action.MARK_DUPLICATE, reason)
    change.finish()
    reporter = " ".join(p for p in (ticket.reporter_name, ticket.reporter_phone) if p) or "未留姓名"
    on_original = TicketChange(session, original, actor.id, change.at)
    on_original.record(EventKind.COMMENT, field="", new=ticket.number,
                       note=f"合并重复报修 {ticket.number}（报修人：{reporter}）")
    on_original.finish()
    return ticket


# ---------------------------------------------------------------------------------------------
# Timers, comments, field edits
# ---------------------------------------------------------------------------------------------


def pause_timer(session: Session, ticket: Ticket, actor: Staff, *, reason: str, now: dt.datetime | None = None) -> Ticket:
    """暂停计时: waiting for the owner (业主不在家...); the clocks stop until resumed."""
    change = _begin(session, ticket, Action.PAUSE_TIMER, actor, {"reason": reason}, now)
    change.set("paused_since", change.at, kind=EventKind.TIMER, note=reason.strip())
    change.finish()
    return ticket


def resume_timer(session: Session, ticket: Ticket, actor: Staff, *, note: str = "", now: dt.datetime | None = None) -> Ticket:
    """恢复计时: the pause is added up and the timers not yet met move later by it."""
    change = _begin(session, ticket, Action.RESUME_TIMER, actor, {}, now)
    change.set_many(resume_changes(ticket, change.at), kind=EventKind.TIMER, note=note.strip() or "恢复计时")
    change.finish()
    return ticket


def add_comment(session: Session, ticket: Ticket, actor: Staff, text: str, *, now: dt.datetime | None = None) -> Ticket:
    """添加备注."""
    change = _begin(session, ticket, Action.COMMENT, actor, {"text": text}, now)
    change.record(EventKind.COMMENT, note=text.strip())
    change.finish()
    return ticket


def edit_field(
    session: Session, ticket: Ticket, actor: Staff, field: str, value: Any, *, note: str = "",
    now: dt.datetime | None = None,
) -> Ticket:
    """修改信息: one field, with what follows from it (timers, coverage, structural path)."""
    value = plain(value)
    if isinstance(value, str):
        value = value.strip()
    change = _begin(session, ticket, Action.EDIT, actor, {"field": field, "value": value}, now)
    was_structural = ticket.structural_safety
    if not change.set(field, value, note=note.strip()):
        return ticket
    if field == "urgency":
        _recompute_due_times(change, "紧急程度变更，重新计算时限")
    if field == "structural_safety" and value and not was_structural:
        _apply_structural_safety(change)
    if field == "location_id" and value is not None:
        change.set("location_label", session.get(Location, value).full_name)
    if field in ASSESSMENT_INPUTS and ticket.building_part is not None:
        _apply_verdict(change)
    change.finish()
    if field in _ESCALATION_FIELDS:
        _evaluate_escalations(change)
    return ticket


__all__ = [
    "Intake",
    "MaterialLine",
    "TransitionRefused",
    "accept",
    "add_comment",
    "archive",
    "assign_owner",
    "attach_file",
    "cancel",
    "diagnose",
    "edit_field",
    "log_work",
    "mark_duplicate",
    "pause_timer",
    "record_arrival",
    "record_follow_up",
    "register_ticket",
    "reject",
    "reopen",
    "resume_timer",
    "rule_not_covered",
    "save_plan",
    "sign",
    "start_repair",
    "submit_for_acceptance",
    "take_ticket",
]
