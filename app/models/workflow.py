"""The ticket workflow's rules: actions, the transition table, who may do what, preconditions.

This is the one place an action's preconditions are checked. `check` is free of side effects
and returns every missing item as a Chinese sentence a clerk understands (the views show them
next to fields and on disabled buttons); the actions in `ticket_actions` call the same check
and raise `TransitionRefused` with the same messages.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from app.models.attachment import Attachment, Signature
from app.models.coverage import COVERED_CAUSES, assess_ticket_values
from app.models.history import FIELD_ZH, history_order
from app.models.location import Location
from app.models.people import OrgUnit, Staff
from app.models.phone import phone_problem
from app.models.project import DefectCategory, Project
from app.models.ticket import Ticket, TicketEvent, WorkLog
from app.models.vocabulary import (
    COVERAGE_ZH,
    ROLE_ZH,
    TICKET_STATE_ZH,
    BuildingPart,
    Cause,
    Channel,
    Coverage,
    EventKind,
    OrgKind,
    PhotoStage,
    ResponsibleParty,
    Role,
    SignatureMethod,
    SignerRole,
    TicketState,
    Urgency,
)

S = TicketState


class Action(StrEnum):
    REGISTER = "register"
    ASSIGN_OWNER = "assign_owner"
    TAKE = "take"
    RECORD_ARRIVAL = "record_arrival"
    DIAGNOSE = "diagnose"
    RULE_NOT_COVERED = "rule_not_covered"
    SAVE_PLAN = "save_plan"
    START_REPAIR = "start_repair"
    LOG_WORK = "log_work"
    SUBMIT_FOR_ACCEPTANCE = "submit_for_acceptance"
    ACCEPT = "accept"
    REJECT = "reject"
    RECORD_FOLLOW_UP = "record_follow_up"
    ARCHIVE = "archive"
    CANCEL = "cancel"
    MARK_DUPLICATE = "mark_duplicate"
    REOPEN = "reopen"
    PAUSE_TIMER = "pause_timer"
    RESUME_TIMER = "resume_timer"
    COMMENT = "comment"
    ATTACH = "attach"
    SIGN = "sign"
    EDIT = "edit"


ACTION_ZH = {
    Action.REGISTER: "登记报修",
    Action.ASSIGN_OWNER: "指派/更换责任人",
    Action.TAKE: "接单响应",
    Action.RECORD_ARRIVAL: "到场签到",
    Action.DIAGNOSE: "完成诊断",
    Action.RULE_NOT_COVERED: "审批不予保修",
    Action.SAVE_PLAN: "保存维修计划",
    Action.START_REPAIR: "开始维修",
    Action.LOG_WORK: "填写维修日志",
    Action.SUBMIT_FOR_ACCEPTANCE: "完工报验",
    Action.ACCEPT: "验收通过",
    Action.REJECT: "验收不通过（返修）",
    Action.RECORD_FOLLOW_UP: "记录回访",
    Action.ARCHIVE: "归档",
    Action.CANCEL: "取消报修",
    Action.MARK_DUPLICATE: "标记为重复报修",
    Action.REOPEN: "重新打开",
    Action.PAUSE_TIMER: "暂停计时",
    Action.RESUME_TIMER: "恢复计时",
    Action.COMMENT: "添加备注",
    Action.ATTACH: "添加附件",
    Action.SIGN: "签名",
    Action.EDIT: "修改信息",
}

C, T, PM, HQ = Role.CLERK, Role.TECHNICIAN, Role.PROJECT_MANAGER, Role.HQ_ADMIN
EVERYONE = frozenset(Role)
OFFICE = frozenset({C, PM, HQ})  # registers, dispatches, follows up, files
FIELD_WORK = frozenset({T, HQ})  # diagnoses, plans, repairs
MANAGERS = frozenset({PM, HQ})  # approves not-covered rulings, reopens
OWNER_ROLES = frozenset({T, PM, HQ})  # who can be a ticket's responsible owner

OPEN = frozenset({S.RECEIVED, S.DIAGNOSING, S.PLANNING, S.IN_REPAIR, S.ACCEPTANCE, S.FOLLOW_UP})
TIMED = frozenset({S.RECEIVED, S.DIAGNOSING, S.PLANNING, S.IN_REPAIR})  # some timer still runs
NOTED = OPEN | {S.NOT_COVERED, S.CANCELLED}  # archived tickets are read-only


@dataclass(frozen=True)
class Rule:
    states: frozenset[TicketState]  # where the action may be taken
    target: TicketState | None  # where it leads (None: the state stays)
    roles: frozenset[Role]


RULES: dict[Action, Rule] = {
    Action.REGISTER: Rule(frozenset(), S.RECEIVED, EVERYONE),
    Action.ASSIGN_OWNER: Rule(OPEN, None, OFFICE),
    Action.TAKE: Rule(frozenset({S.RECEIVED}), S.DIAGNOSING, OWNER_ROLES),
    Action.RECORD_ARRIVAL: Rule(frozenset({S.DIAGNOSING, S.PLANNING}), None, FIELD_WORK),
    Action.DIAGNOSE: Rule(frozenset({S.DIAGNOSING}), S.PLANNING, FIELD_WORK),
    Action.RULE_NOT_COVERED: Rule(frozenset({S.DIAGNOSING}), S.NOT_COVERED, MANAGERS),
    Action.SAVE_PLAN: Rule(frozenset({S.PLANNING, S.IN_REPAIR}), None, FIELD_WORK),
    Action.START_REPAIR: Rule(frozenset({S.PLANNING}), S.IN_REPAIR, FIELD_WORK),
    Action.LOG_WORK: Rule(frozenset({S.IN_REPAIR}), None, FIELD_WORK),
    Action.SUBMIT_FOR_ACCEPTANCE: Rule(frozenset({S.IN_REPAIR}), S.ACCEPTANCE, FIELD_WORK),
    Action.ACCEPT: Rule(frozenset({S.ACCEPTANCE}), S.FOLLOW_UP, EVERYONE),
    Action.REJECT: Rule(frozenset({S.ACCEPTANCE}), S.IN_REPAIR, EVERYONE),
    Action.RECORD_FOLLOW_UP: Rule(frozenset({S.FOLLOW_UP}), None, OFFICE),
    Action.ARCHIVE: Rule(frozenset({S.FOLLOW_UP}), S.ARCHIVED, OFFICE),
    Action.CANCEL: Rule(frozenset({S.RECEIVED, S.DIAGNOSING, S.PLANNING}), S.CANCELLED, OFFICE),
    Action.MARK_DUPLICATE: Rule(frozenset({S.RECEIVED, S.DIAGNOSING}), S.CANCELLED, OFFICE),
    Action.REOPEN: Rule(frozenset({S.ARCHIVED}), S.IN_REPAIR, MANAGERS),
    Action.PAUSE_TIMER: Rule(TIMED, None, EVERYONE),
    Action.RESUME_TIMER: Rule(TIMED, None, EVERYONE),
    Action.COMMENT: Rule(NOTED, None, EVERYONE),
    Action.ATTACH: Rule(NOTED, None, EVERYONE),
    Action.SIGN: Rule(frozenset({S.IN_REPAIR, S.ACCEPTANCE, S.NOT_COVERED}), None, EVERYONE),
    Action.EDIT: Rule(OPEN, None, EVERYONE),
}

# State changes that count as rework (返修): failed acceptance and reopening an archived ticket.
REWORK_TRANSITIONS = frozenset({(S.ACCEPTANCE, S.IN_REPAIR), (S.ARCHIVED, S.IN_REPAIR)})


def transitions() -> list[tuple[TicketState, TicketState, Action]]:
    """Every (from, to, action) of the state machine (the diagram is drawn from this)."""
    edges = []
    for action, rule in RULES.items():
        if rule.target is None or action == Action.REGISTER:
            continue
        edges.extend((state, rule.target, action) for state in sorted(rule.states, key=_order))
    return edges


def legal_transitions() -> frozenset[tuple[str, str]]:
    return frozenset((a.value, b.value) for a, b, _ in transitions())


def actions_between(source: str, target: str) -> list[Action]:
    """The actions that move a ticket from `source` to `target` (a Kanban drop)."""
    return [a for s, t, a in transitions() if s == source and t == target]


def _order(state: TicketState) -> int:
    return list(TicketState).index(state)


# Fields an action takes as values (column names of the ticket).
DIAGNOSIS_FIELDS = (
    "cause", "defect_category_id", "building_part", "structural_safety", "responsible_party",
    "responsible_org_id",
)
PLAN_FIELDS = (
    "plan_people", "plan_duration_hours", "plan_safety_measures", "plan_appointment_at",
    "plan_sop_ref", "plan_by_design_unit",
)
ASSESSMENT_INPUTS = frozenset(
    {"cause", "defect_category_id", "building_part", "responsible_party", "responsible_org_id"}
)


@dataclass(frozen=True)
class Editable:
    roles: frozenset[Role]
    states: frozenset[TicketState]
    required: bool = False  # may not be blanked


_INTAKE_STATES = OPEN
_DIAGNOSIS_STATES = frozenset({S.RECEIVED, S.DIAGNOSING, S.PLANNING})
EDITABLE: dict[str, Editable] = {
    "description": Editable(OFFICE, _INTAKE_STATES, required=True),
    "reporter_name": Editable(OFFICE, _INTAKE_STATES),
    "reporter_phone": Editable(OFFICE, _INTAKE_STATES),
    "location_id": Editable(OFFICE, _INTAKE_STATES),
    "location_label": Editable(OFFICE, _INTAKE_STATES),
    "customer_id": Editable(OFFICE, _INTAKE_STATES),
    "channel": Editable(OFFICE, _INTAKE_STATES, required=True),
    "urgency": Editable(EVERYONE, OPEN, required=True),
    # Flagged before the repair starts: the repair then needs the design unit's plan.
    "structural_safety": Editable(EVERYONE, _DIAGNOSIS_STATES),
    "report_to_authority": Editable(MANAGERS, OPEN),
    "defect_category_id": Editable(EVERYONE, _DIAGNOSIS_STATES, required=True),
    "cause": Editable(FIELD_WORK, _DIAGNOSIS_STATES, required=True),
    "building_part": Editable(FIELD_WORK, _DIAGNOSIS_STATES, required=True),
    "responsible_party": Editable(FIELD_WORK, _DIAGNOSIS_STATES, required=True),
    "responsible_org_id": Editable(FIELD_WORK, _DIAGNOSIS_STATES),
    "not_covered_reason": Editable(OWNER_ROLES, frozenset({S.DIAGNOSING})),
    "paid_repair_offered": Editable(OWNER_ROLES, frozenset({S.DIAGNOSING})),
    **{name: Editable(FIELD_WORK, frozenset({S.PLANNING, S.IN_REPAIR})) for name in PLAN_FIELDS},
    "follow_up_result": Editable(OFFICE, frozenset({S.FOLLOW_UP})),
}


@dataclass(frozen=True)
class Problem:
    """One missing or wrong item: the field (or 'state'/'actor') it belongs to and the message."""

    field: str
    message: str


class TransitionRefused(Exception):
    """An action's preconditions are not met; `messages` says in Chinese what is missing."""

    def __init__(self, action: Action, problems: list[Problem]) -> None:
        self.action = action
        self.problems = problems
        self.messages = [p.message for p in problems]
        super().__init__("；".join(self.messages))


# ---------------------------------------------------------------------------------------------
# The check
# ---------------------------------------------------------------------------------------------


@dataclass
class _Context:
    session: Session
    ticket: Ticket
    actor: Staff
    action: Action
    values: Mapping[str, Any] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # results the action may reuse

    def get(self, name: str) -> Any:
        """A ticket column as it would be with the proposed values."""
        return self.values[name] if name in self.values else getattr(self.ticket, name)

    def input(self, name: str, default: Any = None) -> Any:
        """A value that is not a ticket column (a reason, a work log's text...)."""
        return self.values.get(name, default)


def check(
    ticket: Ticket | None, action: Action, actor: Staff, values: Mapping[str, Any] | None = None
) -> list[str]:
    """What is missing before `actor` may do `action` on `ticket` (empty: allowed).

    `values` are the inputs of the action (for a form not yet saved). No side effects; the
    ticket must belong to a session (the check reads its logs, photos and signatures).
    """
    return [p.message for p in check_details(ticket, action, actor, values)]


def check_details(
    ticket: Ticket | None,
    action: Action,
    actor: Staff,
    values: Mapping[str, Any] | None = None,
    *,
    memo: dict[str, Any] | None = None,
) -> list[Problem]:
    """`check` with the field each message belongs to.

    `memo` receives what the check computed and the action can reuse (the coverage verdict).
    """
    action = Action(action)
    values = dict(values or {})
    if action == Action.REGISTER:
        raise ValueError("registering has no ticket yet: use check_intake")
    session = object_session(ticket)
    if session is None:
        raise ValueError("the ticket must belong to a session to be checked")
    problems = _permission(actor, action, ticket.state)
    if problems:
        return problems
    ctx = _Context(session, ticket, actor, action, values, {} if memo is None else memo)
    return list(PRECONDITIONS.get(action, _nothing)(ctx))


def allowed_by_rule(ticket: Ticket, action: Action, actor: Staff) -> bool:
    """Role and state allow the action (its other preconditions may still be missing)."""
    return not _permission(actor, Action(action), ticket.state)


def available_actions(ticket: Ticket, actor: Staff) -> list[Action]:
    """Actions the actor's role may take in the ticket's state (menus, Kanban drop targets)."""
    return [a for a in Action if a != Action.REGISTER and allowed_by_rule(ticket, a, actor)]


def _permission(actor: Staff, action: Action, state: str | None) -> list[Problem]:
    rule = RULES[action]
    if not actor.active:
        return [Problem("actor", f"{actor.name}的账号已停用，不能办理报修单")]
    if actor.role not in rule.roles:
        allowed = "、".join(ROLE_ZH[r] for r in Role if r in rule.roles)
        role = ROLE_ZH.get(Role(actor.role), actor.role) if actor.role in Role._value2member_map_ else actor.role
        return [Problem("actor", f"“{ACTION_ZH[action]}”须由{allowed}办理，{role}无此权限")]
    if action != Action.REGISTER and state not in rule.states:
        if state == S.ARCHIVED:
            return [Problem("state", "报修单已归档，只读；如需修改，须由项目经理填写原因后重新打开")]
        name = TICKET_STATE_ZH.get(state, state)  # type: ignore[arg-type]
        return [Problem("state", f"报修单当前处于“{name}”，不能{ACTION_ZH[action]}")]
    return []


def _nothing(_ctx: _Context) -> Iterator[Problem]:
    return iter(())


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# ---------------------------------------------------------------------------------------------
# Preconditions, one function per action
# ---------------------------------------------------------------------------------------------


def owner_problems(session: Session, owner_id: uuid.UUID | None) -> Iterator[Problem]:
    if owner_id is None:
        yield Problem("owner_id", "缺少责任人：请选择一名保修员或项目经理")
        return
    owner = session.get(Staff, owner_id)
    if owner is None or not owner.active or owner.role not in OWNER_ROLES:
        yield Problem("owner_id", "责任人须为在职的保修员、项目经理或总部保修管理员")


def _assign_owner(ctx: _Context) -> Iterator[Problem]:
    owner_id = ctx.input("owner_id")
    yield from owner_problems(ctx.session, owner_id)
    if owner_id is not None and owner_id == ctx.ticket.owner_id:
        yield Problem("owner_id", "所选人员已是本单的责任人")
    elif ctx.ticket.owner_id is not None and _blank(ctx.input("reason")):
        yield Problem("reason", "更换责任人须填写原因")


def _take(ctx: _Context) -> Iterator[Problem]:
    owner_id = ctx.ticket.owner_id
    if owner_id is None:
        yield Problem("owner_id", "尚未指定责任人：请先派单（谁接单、谁负责、谁验收）")
    elif ctx.actor.role == Role.TECHNICIAN and ctx.actor.id != owner_id:
        owner = ctx.session.get(Staff, owner_id)
        yield Problem("owner_id", f"只有责任人本人（{owner.name if owner else ''}）可以接单")


def _record_arrival(ctx: _Context) -> Iterator[Problem]:
    if ctx.ticket.arrived_at is not None:
        yield Problem("arrived_at", "已记录到场时间，不能重复签到")


def _enum_problem(field_name: str, value: Any, kind: type, label: str) -> Problem | None:
    if value is not None and value not in kind._value2member_map_:
        return Problem(field_name, f"{label}无效：{value}")
    return None


def diagnosis_value_problems(ctx: _Context) -> Iterator[Problem]:
    """The diagnosis values that are given but wrong (unknown codes, another project's data)."""
    for name, kind, label in (
        ("cause", Cause, "原因"),
        ("building_part", BuildingPart, "工程部位"),
        ("responsible_party", ResponsibleParty, "责任方"),
    ):
        problem = _enum_problem(name, ctx.get(name), kind, label)
        if problem:
            yield problem
    category_id = ctx.get("defect_category_id")
    if category_id is not None:
        category = ctx.session.get(DefectCategory, category_id)
        project = ctx.session.get(Project, ctx.ticket.project_id)
        if category is None or project is None or category.project_type != project.type:
            yield Problem("defect_category_id", "缺陷类别不属于本项目类型的分类")
    org_id = ctx.get("responsible_org_id")
    if org_id is not None and ctx.get("responsible_party") == ResponsibleParty.SUBCONTRACTOR:
        org = ctx.session.get(OrgUnit, org_id)
        if org is None or org.kind != OrgKind.SUBCONTRACTOR:
            yield Problem("responsible_org_id", "所选单位不是分包单位")


def verdict_for(ctx: _Context):
    """The coverage verdict of the ticket's (proposed) diagnosis values."""
    return assess_ticket_values(
        ctx.session,
        project_id=ctx.ticket.project_id,
        reported_at=ctx.ticket.reported_at,
        building_part=ctx.get("building_part"),
        cause=ctx.get("cause"),
        defect_category_id=ctx.get("defect_category_id"),
        responsible_party=ctx.get("responsible_party"),
        responsible_org_id=ctx.get("responsible_org_id"),
    )


def _diagnose(ctx: _Context) -> Iterator[Problem]:
    if ctx.ticket.structural_safety and not ctx.get("structural_safety") and ctx.actor.role not in MANAGERS:
        yield Problem("structural_safety", "取消“涉及结构安全”标记须由项目经理或总部保修管理员确认")
    missing = False
    for name, label in (("cause", "原因"), ("defect_category_id", "缺陷类别"), ("building_part", "工程部位")):
        if ctx.get(name) is None:
            missing = True
            yield Problem(name, f"缺少诊断信息：{label}")
    wrong = list(diagnosis_value_problems(ctx))
    yield from wrong
    if ctx.get("cause") in COVERED_CAUSES:
        if ctx.get("responsible_party") is None:
            missing = True
            yield Problem("responsible_party", "缺少责任方：请选择本单位或分包单位")
        elif ctx.get("responsible_party") == ResponsibleParty.SUBCONTRACTOR and ctx.get("responsible_org_id") is None:
            missing = True
            yield Problem("responsible_org_id", "责任方为分包单位时须指定具体的分包单位")
    if missing or wrong:
        return
    verdict = verdict_for(ctx)
    ctx.memo["verdict"] = verdict
    if verdict.coverage in (Coverage.EXPIRED, Coverage.NOT_COVERED):
        yield Problem(
            "coverage",
            f"保修判定为“{COVERAGE_ZH[verdict.coverage]}”，不能安排保修维修；请报项目经理审批“不予保修”",
        )


def _rule_not_covered(ctx: _Context) -> Iterator[Problem]:
    if _blank(ctx.get("not_covered_reason")):
        yield Problem("not_covered_reason", "缺少不予保修的理由")


def _save_plan(ctx: _Context) -> Iterator[Problem]:
    hours = ctx.get("plan_duration_hours")
    if hours is not None and hours <= 0:
        yield Problem("plan_duration_hours", "预计工期须大于 0 小时")
    for line in ctx.input("materials") or ():
        if _blank(getattr(line, "name", None)):
            yield Problem("materials", "材料名称不能为空")
            break


def _start_repair(ctx: _Context) -> Iterator[Problem]:
    if _blank(ctx.get("plan_people")):
        yield Problem("plan_people", "维修计划缺少人员安排")
    hours = ctx.get("plan_duration_hours")
    if hours is None or hours <= 0:
        yield Problem("plan_duration_hours", "维修计划缺少预计工期")
    if _blank(ctx.get("plan_safety_measures")):
        yield Problem("plan_safety_measures", "维修计划缺少安全措施")
    if ctx.get("structural_safety") and not ctx.get("plan_by_design_unit"):
        yield Problem("plan_by_design_unit", "涉及结构安全：须有设计单位出具的维修方案，方可开始维修")


def _log_work(ctx: _Context) -> Iterator[Problem]:
    if _blank(ctx.input("description")):
        yield Problem("description", "维修日志缺少工作内容")
    if _blank(ctx.input("people")):
        yield Problem("people", "维修日志缺少作业人员")
    started, ended = ctx.input("started_at"), ctx.input("ended_at")
    if started is None:
        yield Problem("started_at", "维修日志缺少开始时间")
    elif ended is not None and ended < started:
        yield Problem("ended_at", "结束时间不能早于开始时间")


def entered_at(session: Session, ticket: Ticket, state: TicketState) -> dt.datetime | None:
    """When the ticket last entered `state` (from its history)."""
    return session.scalar(
        select(TicketEvent.at)
        .where(
            TicketEvent.ticket_id == ticket.id,
            TicketEvent.kind == EventKind.STATE,
            TicketEvent.new_value == state.value,
        )
        .order_by(*(c.desc() for c in history_order()))
        .limit(1)
    )


def repair_records_since(session: Session, ticket: Ticket, since: dt.datetime | None) -> tuple[int, int]:
    """(work logs, after-photos) recorded since `since` (all of them if None)."""
    logs = select(func.count()).select_from(WorkLog).where(WorkLog.ticket_id == ticket.id)
    photos = select(func.count()).select_from(Attachment).where(
        Attachment.ticket_id == ticket.id, Attachment.stage == PhotoStage.AFTER
    )
    if since is not None:
        logs = logs.where(WorkLog.created_at >= since)
        photos = photos.where(Attachment.created_at >= since)
    return session.scalar(logs) or 0, session.scalar(photos) or 0


def owner_signatures_since(session: Session, ticket: Ticket, since: dt.datetime | None) -> int:
    query = select(func.count()).select_from(Signature).where(
        Signature.ticket_id == ticket.id, Signature.signer_role == SignerRole.OWNER
    )
    if since is not None:
        query = query.where(Signature.signed_at >= since)
    return session.scalar(query) or 0


def _submit_for_acceptance(ctx: _Context) -> Iterator[Problem]:
    since = entered_at(ctx.session, ctx.ticket, S.IN_REPAIR)
    logs, photos = repair_records_since(ctx.session, ctx.ticket, since)
    if not logs and not photos:
        yield Problem("work_logs", "缺少维修记录：至少需要一条维修日志和一张维修后照片")
    elif not logs:
        yield Problem("work_logs", "缺少维修记录：至少需要一条维修日志")
    elif not photos:
        yield Problem("attachments", "缺少维修记录：至少需要一张维修后照片")


def _accept(ctx: _Context) -> Iterator[Problem]:
    since = entered_at(ctx.session, ctx.ticket, S.ACCEPTANCE)
    if not owner_signatures_since(ctx.session, ctx.ticket, since):
        yield Problem("signature", "缺少业主签名：请业主在屏幕上签名，或扫描已签字的《保修完成确认单》")
    score = ctx.get("satisfaction")
    if score is None:
        yield Problem("satisfaction", "缺少满意度评分（1–5 分）")
    elif not (isinstance(score, int) and 1 <= score <= 5):
        yield Problem("satisfaction", "满意度评分须为 1–5 分")


def _reject(ctx: _Context) -> Iterator[Problem]:
    if _blank(ctx.input("reason")):
        yield Problem("reason", "验收不通过须写明原因（业主意见）")


def _record_follow_up(ctx: _Context) -> Iterator[Problem]:
    if _blank(ctx.get("follow_up_result")):
        yield Problem("follow_up_result", "缺少回访结果")


def _archive(ctx: _Context) -> Iterator[Problem]:
    if _blank(ctx.get("follow_up_result")):
        yield Problem("follow_up_result", "缺少回访结果：归档前须记录回访情况")


def _cancel(ctx: _Context) -> Iterator[Problem]:
    if _blank(ctx.input("reason")):
        yield Problem("reason", "缺少取消原因")


def _mark_duplicate(ctx: _Context) -> Iterator[Problem]:
    original: Ticket | None = ctx.input("original")
    if original is None:
        yield Problem("duplicate_of_id", "缺少重复的原报修单")
    elif original.id == ctx.ticket.id:
        yield Problem("duplicate_of_id", "不能标记为与自身重复")
    elif original.project_id != ctx.ticket.project_id:
        yield Problem("duplicate_of_id", "原报修单属于其他项目")
    elif original.state not in OPEN:
        name = TICKET_STATE_ZH[TicketState(original.state)]
        yield Problem("duplicate_of_id", f"原报修单已关闭（{name}），请选择未关闭的报修单")


def _reopen(ctx: _Context) -> Iterator[Problem]:
    if _blank(ctx.input("reason")):
        yield Problem("reason", "重新打开须填写原因")


def _pause(ctx: _Context) -> Iterator[Problem]:
    if ctx.ticket.paused_since is not None:
        yield Problem("paused_since", "计时已在暂停中")
    if _blank(ctx.input("reason")):
        yield Problem("reason", "暂停计时须填写原因（如业主不在家）")


def _resume(ctx: _Context) -> Iterator[Problem]:
    if ctx.ticket.paused_since is None:
        yield Problem("paused_since", "计时未暂停，无需恢复")


def _comment(ctx: _Context) -> Iterator[Problem]:
    if _blank(ctx.input("text")):
        yield Problem("text", "备注内容不能为空")


def _attach(ctx: _Context) -> Iterator[Problem]:
    if not ctx.input("data"):
        yield Problem("data", "缺少附件文件")
    problem = _enum_problem("stage", ctx.input("stage"), PhotoStage, "照片阶段")
    if ctx.input("stage") is None:
        problem = Problem("stage", "缺少照片阶段（维修前/维修中/维修后/文件）")
    if problem:
        yield problem


def _sign(ctx: _Context) -> Iterator[Problem]:
    if ctx.input("signer_role") not in SignerRole._value2member_map_:
        yield Problem("signer_role", "缺少签名人身份（业主或维修人员）")
    if _blank(ctx.input("signer_name")):
        yield Problem("signer_name", "缺少签名人姓名")
    if not ctx.input("image"):
        yield Problem("image", "缺少签名图像")
    problem = _enum_problem("method", ctx.input("method", SignatureMethod.ON_SCREEN), SignatureMethod, "签名方式")
    if problem:
        yield problem


def _edit(ctx: _Context) -> Iterator[Problem]:
    name = ctx.input("field")
    value = ctx.input("value")
    label = FIELD_ZH.get(name, name)
    rule = EDITABLE.get(name)
    if rule is None:
        yield Problem(name or "field", f"“{label}”不能直接修改")
        return
    if ctx.ticket.state not in rule.states:
        state = TICKET_STATE_ZH.get(ctx.ticket.state, ctx.ticket.state)  # type: ignore[arg-type]
        yield Problem(name, f"“{label}”在“{state}”阶段不能修改")
        return
    if ctx.actor.role not in rule.roles:
        yield Problem(name, f"{ROLE_ZH[Role(ctx.actor.role)]}无权修改“{label}”")
        return
    if rule.required and _blank(value):
        yield Problem(name, f"“{label}”不能为空")
        return
    yield from _edit_value_problems(ctx, name, value, label)


def _edit_value_problems(ctx: _Context, name: str, value: Any, label: str) -> Iterator[Problem]:
    proposed = _Context(ctx.session, ctx.ticket, ctx.actor, ctx.action, {name: value})
    if name == "urgency":
        if value not in Urgency._value2member_map_:
            yield Problem(name, "紧急程度无效")
        elif ctx.ticket.structural_safety and value != Urgency.EMERGENCY:
            yield Problem(name, "涉及结构安全的报修单须按“紧急”处理，不能降低紧急程度")
    elif name == "reporter_phone":
        wrong_phone = phone_problem(value or "")
        if wrong_phone:
            yield Problem(name, wrong_phone)
    elif name == "channel":
        problem = _enum_problem(name, value, Channel, label)
        if problem:
            yield problem
    elif name == "structural_safety":
        if ctx.ticket.structural_safety and not value and ctx.actor.role not in MANAGERS:
            yield Problem(name, "取消“涉及结构安全”标记须由项目经理或总部保修管理员确认")
    elif name == "location_id" and value is not None:
        location = ctx.session.get(Location, value)
        if location is None or location.project_id != ctx.ticket.project_id:
            yield Problem(name, "报修位置不属于本项目")
    elif name in ASSESSMENT_INPUTS:
        wrong = [p for p in diagnosis_value_problems(proposed) if p.field == name]
        yield from wrong
        if not wrong and ctx.ticket.state != S.RECEIVED and ctx.ticket.state != S.DIAGNOSING:
            verdict = verdict_for(proposed)
            if verdict.coverage in (Coverage.EXPIRED, Coverage.NOT_COVERED):
                yield Problem(name, f"修改后保修判定为“{COVERAGE_ZH[verdict.coverage]}”，已安排的保修维修不能继续；"
                                    "请取消报修或报项目经理处理")
    elif name == "plan_duration_hours" and value is not None and value <= 0:
        yield Problem(name, "预计工期须大于 0 小时")


PRECONDITIONS: dict[Action, Callable[[_Context], Iterator[Problem]]] = {
    Action.ASSIGN_OWNER: _assign_owner,
    Action.TAKE: _take,
    Action.RECORD_ARRIVAL: _record_arrival,
    Action.DIAGNOSE: _diagnose,
    Action.RULE_NOT_COVERED: _rule_not_covered,
    Action.SAVE_PLAN: _save_plan,
    Action.START_REPAIR: _start_repair,
    Action.LOG_WORK: _log_work,
    Action.SUBMIT_FOR_ACCEPTANCE: _submit_for_acceptance,
    Action.ACCEPT: _accept,
    Action.REJECT: _reject,
    Action.RECORD_FOLLOW_UP: _record_follow_up,
    Action.ARCHIVE: _archive,
    Action.CANCEL: _cancel,
    Action.MARK_DUPLICATE: _mark_duplicate,
    Action.REOPEN: _reopen,
    Action.PAUSE_TIMER: _pause,
    Action.RESUME_TIMER: _resume,
    Action.COMMENT: _comment,
    Action.ATTACH: _attach,
    Action.SIGN: _sign,
    Action.EDIT: _edit,
}


# ---------------------------------------------------------------------------------------------
# Intake
# ---------------------------------------------------------------------------------------------


@dataclass
class Intake:
    """What the clerk (or the technician on site) types in when a problem is reported."""

    project_id: uuid.UUID | None
    channel: str | None
    description: str
    reporter_name: str = ""
    reporter_phone: str = ""
    urgency: int = Urgency.NORMAL
    location_id: uuid.UUID | None = None
    location_label: str = ""
    customer_id: uuid.UUID | None = None
    defect_category_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = None
    structural_safety: bool = False
    reported_at: dt.datetime | None = None  # default: now


def check_intake(session: Session, actor: Staff, intake: Intake) -> list[Problem]:
    """What is missing from a new request before it can be registered."""
    problems = _permission(actor, Action.REGISTER, None)
    if problems:
        return problems
    return list(_intake_problems(session, intake))


def _intake_problems(session: Session, intake: Intake) -> Iterator[Problem]:
    project = session.get(Project, intake.project_id) if intake.project_id is not None else None
    if project is None:
        yield Problem("project_id", "缺少所属项目")
    if intake.channel not in Channel._value2member_map_:
        yield Problem("channel", "缺少报修渠道")
    if _blank(intake.reporter_name) and _blank(intake.reporter_phone):
        yield Problem("reporter_name", "缺少报修人：请填写报修人姓名或联系电话")
    wrong_phone = phone_problem(intake.reporter_phone or "")
    if wrong_phone:
        yield Problem("reporter_phone", wrong_phone)
    if _blank(intake.description):
        yield Problem("description", "缺少问题描述")
    if intake.location_id is None and _blank(intake.location_label):
        yield Problem("location_id", "缺少报修位置：请选择楼栋/房号或填写具体部位")
    elif intake.location_id is not None and project is not None:
        location = session.get(Location, intake.location_id)
        if location is None or location.project_id != project.id:
            yield Problem("location_id", "报修位置不属于所选项目")
    if intake.urgency not in Urgency._value2member_map_:
        yield Problem("urgency", "紧急程度无效")
    if intake.owner_id is not None:
        yield from owner_problems(session, intake.owner_id)
    if intake.defect_category_id is not None and project is not None:
        category = session.get(DefectCategory, intake.defect_category_id)
        if category is None or category.project_type != project.type:
            yield Problem("defect_category_id", "缺陷类别不属于本项目类型的分类")
