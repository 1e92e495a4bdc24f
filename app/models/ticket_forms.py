"""What a stage form's values mean to the engine: one user action, possibly several engine
actions (sign then accept; log work with photos then submit; save the plan then start).

Forms hand over plain values (text, local times, file paths); this module turns them into the
engine's inputs, runs the actions in the caller's transaction, and reports every problem with
the field it belongs to. Nothing here commits: the caller's transaction decides.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.models import ticket_actions as actions
from app.models.attachment_store import AttachmentStore
from app.models.base import from_local
from app.models.people import Staff
from app.models.ticket import Ticket
from app.models.vocabulary import PhotoStage, SignatureMethod, SignerRole
from app.models.workflow import DIAGNOSIS_FIELDS, PLAN_FIELDS, Action, Problem, TransitionRefused

MAX_FILE_BYTES = 50 * 1024 * 1024


class FormRefused(Exception):
    """The form's values cannot be done; `problems` say what, per field, in Chinese."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("；".join(p.message for p in problems))


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    return from_local(value) if value is not None else None


def _text(values: Mapping[str, Any], name: str) -> str:
    return str(values.get(name) or "")


def parse_materials(rows: list[tuple[str, ...]]) -> tuple[list[actions.MaterialLine], list[Problem]]:
    """Material rows (name, spec, quantity text, unit) as lines; a wrong number is a problem."""
    lines, problems = [], []
    for number, (name, spec, quantity, unit) in enumerate(rows, start=1):
        try:
            amount = float(quantity.replace("，", ".").replace(",", ".")) if quantity.strip() else 0.0
        except ValueError:
            problems.append(Problem("materials", f"第 {number} 行材料数量“{quantity}”不是数字"))
            continue
        if amount < 0:
            problems.append(Problem("materials", f"第 {number} 行材料数量不能为负数"))
            continue
        lines.append(actions.MaterialLine(name=name, quantity=amount, unit=unit, spec=spec))
    return lines, problems


def read_file(path: Path, field: str = "photos") -> tuple[bytes, str]:
    """A file's bytes and MIME type; a missing or too large file is a problem."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FormRefused([Problem(field, f"文件“{path.name}”超过 50 MB，请压缩后再添加")])
        data = path.read_bytes()
    except OSError as error:
        raise FormRefused([Problem(field, f"无法读取文件“{path.name}”：{error.strerror or error}")]) from error
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return data, mime


def attach_paths(
    session: Session, store: AttachmentStore, ticket: Ticket, actor: Staff, paths: list[Path], stage: str,
    *, work_log_id: uuid.UUID | None = None, now: dt.datetime | None = None,
) -> None:
    for path in paths:
        data, mime = read_file(path)
        actions.attach_file(session, store, ticket, actor, data=data, original_name=Path(path).name,
                            mime_type=mime, stage=stage, work_log_id=work_log_id, now=now)


def _plan_values(values: Mapping[str, Any]) -> dict[str, Any]:
    plan = {name: values[name] for name in PLAN_FIELDS if name in values}
    if "plan_appointment_at" in plan:
        plan["plan_appointment_at"] = _utc(plan["plan_appointment_at"])
    for name in ("plan_people", "plan_safety_measures", "plan_sop_ref"):
        if name in plan:
            plan[name] = (plan[name] or "").strip()
    return plan


def _save_plan_if_changed(session: Session, ticket: Ticket, actor: Staff, values: Mapping[str, Any],
                          now: dt.datetime | None) -> None:
    plan = _plan_values(values)
    changed = {k: v for k, v in plan.items() if getattr(ticket, k) != v}
    materials = None
    if "materials" in values:
        materials, problems = parse_materials(values["materials"])
        if problems:
            raise FormRefused(problems)
        current = [(m.name, m.spec, m.quantity, m.unit) for m in ticket.materials]
        if [(m.name, m.spec, m.quantity, m.unit) for m in materials] == current:
            materials = None
    if changed or materials is not None:
        actions.save_plan(session, ticket, actor, materials=materials, now=now, **changed)


def _log_work(session: Session, store: AttachmentStore, ticket: Ticket, actor: Staff,
              values: Mapping[str, Any], now: dt.datetime | None) -> None:
    photos = [Path(p) for p in values.get("photos") or []]
    log = actions.log_work(
        session, ticket, actor, description=_text(values, "description"), people=_text(values, "people"),
        started_at=_utc(values.get("started_at")), ended_at=_utc(values.get("ended_at")),
        materials_used=_text(values, "materials_used"), now=now,
    )
    attach_paths(session, store, ticket, actor, photos, values.get("photo_stage") or PhotoStage.AFTER,
                 work_log_id=log.id, now=now)


def _pending_log(values: Mapping[str, Any]) -> bool:
    """The work log form holds a log not yet saved (text typed or photos added)."""
    return bool(_text(values, "description").strip() or values.get("photos"))


def _sign_owner(session: Session, store: AttachmentStore, ticket: Ticket, actor: Staff,
                values: Mapping[str, Any], now: dt.datetime | None) -> None:
    png, scan = values.get("signature_png"), values.get("scan_path")
    if png:
        image, method = png, SignatureMethod.ON_SCREEN
    elif scan:
        image, _mime = read_file(Path(scan), "signature")
        method = SignatureMethod.SCANNED
    else:
        return  # the engine's acceptance check says what is missing
    actions.sign(session, store, ticket, actor, signer_role=SignerRole.OWNER,
                 signer_name=_text(values, "signer_name"), image=image, method=method, now=now)


def submit(
    session: Session, store: AttachmentStore, ticket: Ticket, actor: Staff, action: str,
    values: Mapping[str, Any], *, now: dt.datetime | None = None,
) -> None:
    """Run the user action `action` with a form's `values` on `ticket`.

    Raises TransitionRefused (the engine's problems) or FormRefused (values that cannot be
    read). The caller's transaction must be rolled back on either.
    """
    action = Action(action)
    reason = _text(values, "reason")
    if action == Action.ASSIGN_OWNER:
        actions.assign_owner(session, ticket, actor, values.get("owner_id"), reason=reason, now=now)
    elif action == Action.TAKE:
        actions.take_ticket(session, ticket, actor, now=now)
    elif action == Action.RECORD_ARRIVAL:
        actions.record_arrival(session, ticket, actor, now=now)
    elif action == Action.DIAGNOSE:
        diagnosis = {k: values[k] for k in DIAGNOSIS_FIELDS if k in values}
        diagnosis["structural_safety"] = bool(diagnosis.get("structural_safety"))
        actions.diagnose(session, ticket, actor, now=now, **diagnosis)
    elif action == Action.RULE_NOT_COVERED:
        actions.rule_not_covered(session, ticket, actor, reason=_text(values, "not_covered_reason"),
                                 paid_repair_offered=bool(values.get("paid_repair_offered")), now=now)
    elif action == Action.SAVE_PLAN:
        _save_plan_if_changed(session, ticket, actor, values, now)
    elif action == Action.START_REPAIR:
        _save_plan_if_changed(session, ticket, actor, values, now)
        actions.start_repair(session, ticket, actor, now=now)
    elif action == Action.LOG_WORK:
        _log_work(session, store, ticket, actor, values, now)
    elif action == Action.SUBMIT_FOR_ACCEPTANCE:
        if _pending_log(values):
            _log_work(session, store, ticket, actor, values, now)
        actions.submit_for_acceptance(session, ticket, actor, now=now)
    elif action == Action.ACCEPT:
        _sign_owner(session, store, ticket, actor, values, now)
        score = values.get("satisfaction")
        actions.accept(session, ticket, actor, satisfaction=score, now=now,
                       satisfaction_comment=_text(values, "satisfaction_comment"))
    elif action == Action.REJECT:
        actions.reject(session, ticket, actor, reason=reason, now=now)
    elif action == Action.RECORD_FOLLOW_UP:
        actions.record_follow_up(session, ticket, actor, result=_text(values, "follow_up_result"), now=now)
    elif action == Action.ARCHIVE:
        actions.archive(session, ticket, actor, follow_up_result=_text(values, "follow_up_result"), now=now)
    elif action == Action.CANCEL:
        actions.cancel(session, ticket, actor, reason=reason, now=now)
    elif action == Action.REOPEN:
        actions.reopen(session, ticket, actor, reason=reason, now=now)
    elif action == Action.PAUSE_TIMER:
        actions.pause_timer(session, ticket, actor, reason=reason, now=now)
    elif action == Action.RESUME_TIMER:
        actions.resume_timer(session, ticket, actor, note=_text(values, "note"), now=now)
    elif action == Action.COMMENT:
        actions.add_comment(session, ticket, actor, _text(values, "text"), now=now)
    elif action == Action.ATTACH:
        attach_paths(session, store, ticket, actor, [Path(p) for p in values.get("paths") or []],
                     values.get("stage") or PhotoStage.DOCUMENT, now=now)
    else:
        raise ValueError(f"no form submits {action}")


def problems_of(error: Exception) -> list[Problem]:
    if isinstance(error, (TransitionRefused, FormRefused)):
        return error.problems
    raise error
