"""Meetings and corrective actions: create, edit, track to closure, with the rules in Chinese.

Each function checks first and raises `RetroRefused` before changing anything; changes that
concern an escalation (a meeting scheduled, an action closed, every action closed) are written
to that escalation's log and move its state. Services never commit (the caller's
`db.transaction()` does).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.attachment_store import AttachmentStore
from app.models.base import to_local
from app.models.escalation import Escalation, EscalationTicket
from app.models.escalation_engine import (
    MANAGERS,
    end_watch,
    escalation_rows,
    linked_ticket_rows,
    log_event,
    next_number,
    open_action_count,
    set_state,
    start_watch,
)
from app.models.escalation_terms import (
    ACTION_KIND_ZH,
    ACTION_STATUS_ZH,
    CLOSED_ACTION_STATUSES,
    ActionData,
    ActionKind,
    ActionRow,
    ActionStatus,
    AnalysisMethod,
    AttendeeData,
    AttendeeRole,
    EscalationEventKind,
    EscalationState,
    EvidenceRow,
    FishboneCategory,
    MeetingData,
    MeetingDetail,
    MeetingRow,
    MeetingStatus,
    Problem,
    RetroRefused,
)
from app.models.history import now_or
from app.models.ids import new_id
from app.models.people import OrgUnit, Staff
from app.models.project import Project
from app.models.retrospective import (
    ActionEvidence,
    CorrectiveAction,
    MeetingAttendee,
    MeetingEscalation,
    MeetingTicket,
    RetrospectiveMeeting,
)
from app.models.ticket import Ticket

A = ActionStatus
E = EscalationState
CLOSED_VALUES = tuple(s.value for s in CLOSED_ACTION_STATUSES)
MAX_WHYS = 7
PREFILL_TICKETS = 30  # tickets a meeting planned from an escalation starts with
# Which status may follow which (the editor offers only these).
NEXT_STATUS = {
    A.NOT_STARTED: (A.IN_PROGRESS, A.DONE, A.CANCELLED),
    A.IN_PROGRESS: (A.DONE, A.CANCELLED),
    A.DONE: (A.VERIFIED, A.IN_PROGRESS),
    A.VERIFIED: (A.IN_PROGRESS,),
    A.CANCELLED: (A.IN_PROGRESS,),
}


def today_of(now: dt.datetime) -> dt.date:
    """The local calendar day of a UTC time (due dates are local days)."""
    return to_local(now).date()


# ---------------------------------------------------------------------------------------------
# Meetings
# ---------------------------------------------------------------------------------------------


def _meeting_problems(session: Session, actor: Staff, data: MeetingData) -> list[Problem]:
    problems = []
    if not actor.active:
        return [Problem("actor", f"{actor.name}的账号已停用，不能办理复盘会议")]
    if not (data.title or "").strip():
        problems.append(Problem("title", "缺少会议主题"))
    if data.held_at is None:
        problems.append(Problem("held_at", "缺少会议时间"))
    if data.host_id is None:
        problems.append(Problem("host_id", "缺少主持人"))
    elif session.get(Staff, data.host_id) is None:
        problems.append(Problem("host_id", "主持人不存在"))
    if data.analysis_method not in set(AnalysisMethod):
        problems.append(Problem("analysis_method", f"原因分析方法无效：{data.analysis_method}"))
    if len([w for w in data.five_whys if (w or "").strip()]) > MAX_WHYS:
        problems.append(Problem("five_whys", f"“为什么”最多 {MAX_WHYS} 层"))
    for key in data.fishbone:
        if key not in set(FishboneCategory):
            problems.append(Problem("fishbone", f"鱼骨图类别无效：{key}"))
    for index, person in enumerate(data.attendees, 1):
        if not (person.name or "").strip():
            problems.append(Problem(f"attendees[{index}].name", f"第 {index} 位参会人员缺少姓名"))
        if person.role not in set(AttendeeRole):
            problems.append(
                Problem(
                    f"attendees[{index}].role", f"第 {index} 位参会人员的身份无效：{person.role}"
                )
            )
    for escalation_id in data.escalation_ids:
        escalation = session.get(Escalation, escalation_id)
        if escalation is None:
            problems.append(Problem("escalation_ids", "关联的升级事项不存在"))
        elif escalation.state == E.CLOSED:
            problems.append(
                Problem("escalation_ids", f"升级事项 {escalation.number} 已关闭，不能再安排复盘")
            )
    for ticket_id in data.ticket_ids:
        if session.get(Ticket, ticket_id) is None:
            problems.append(Problem("ticket_ids", "关联的报修单不存在"))
    return problems


def _clean_whys(values: Sequence[str]) -> list[str]:
    return [v.strip() for v in values if (v or "").strip()]


def _clean_fishbone(values: dict[str, list[str]]) -> dict[str, list[str]]:
    ordered = {}
    for category in FishboneCategory:
        causes = [c.strip() for c in values.get(category.value, []) if (c or "").strip()]
        if causes:
            ordered[category.value] = causes
    return ordered


def _write_meeting(
    session: Session,
    meeting: RetrospectiveMeeting,
    actor: Staff,
    data: MeetingData,
    now: dt.datetime,
) -> None:
    meeting.title = data.title.strip()[:200]
    meeting.held_at = data.held_at
    meeting.place = (data.place or "").strip()[:200]
    meeting.host_id = data.host_id
    meeting.problem = (data.problem or "").strip()
    meeting.analysis_method = data.analysis_method
    meeting.five_whys = _clean_whys(data.five_whys)
    meeting.fishbone = _clean_fishbone(data.fishbone)
    meeting.root_cause = (data.root_cause or "").strip()
    meeting.conclusions = (data.conclusions or "").strip()
    if data.project_id is None and data.escalation_ids:
        data.project_id = session.get(Escalation, data.escalation_ids[0]).project_id
    if data.project_id is None and data.ticket_ids:
        data.project_id = session.get(Ticket, data.ticket_ids[0]).project_id
    meeting.project_id = data.project_id
    meeting.attendees = [
        MeetingAttendee(
            id=new_id(),
            meeting_id=meeting.id,
            staff_id=p.staff_id,
            name=p.name.strip()[:50],
            organisation=(p.organisation or "").strip()[:100],
            role=p.role,
            sort_key=i,
        )
        for i, p in enumerate(data.attendees)
    ]
    # Links: add the new ones, drop the ones no longer listed.
    current = {
        link.escalation_id: link
        for link in session.scalars(
            select(MeetingEscalation).where(MeetingEscalation.meeting_id == meeting.id)
        )
    }
    for escalation_id in dict.fromkeys(data.escalation_ids):
        if escalation_id in current:
            continue
        session.add(
            MeetingEscalation(id=new_id(), meeting_id=meeting.id, escalation_id=escalation_id)
        )
        escalation = session.get(Escalation, escalation_id)
        when = to_local(meeting.held_at).strftime("%Y-%m-%d %H:%M")
        log_event(
            session,
            escalation,
            EscalationEventKind.MEETING,
            now,
            actor.id,
            new=meeting.number,
            note=f"安排专项复盘会议 {meeting.number}（{when}，{meeting.place or '地点待定'}）",
        )
        if escalation.state in (E.PENDING, E.REOPENED):
            set_state(
                session,
                escalation,
                E.MEETING_SCHEDULED,
                now,
                actor.id,
                f"复盘会议 {meeting.number}",
            )
    for escalation_id, link in current.items():
        if escalation_id not in data.escalation_ids:
            session.delete(link)
    tickets = {
        link.ticket_id: link
        for link in session.scalars(
            select(MeetingTicket).where(MeetingTicket.meeting_id == meeting.id)
        )
    }
    for index, ticket_id in enumerate(dict.fromkeys(data.ticket_ids)):
        if ticket_id in tickets:
            tickets[ticket_id].sort_key = index
        else:
            session.add(
                MeetingTicket(
                    id=new_id(), meeting_id=meeting.id, ticket_id=ticket_id, sort_key=index
                )
            )
    for ticket_id, link in tickets.items():
        if ticket_id not in data.ticket_ids:
            session.delete(link)


def create_meeting(
    session: Session, actor: Staff, data: MeetingData, *, now: dt.datetime | None = None
) -> RetrospectiveMeeting:
    """安排专项复盘会议: a planned meeting, linked to its escalations and tickets."""
    now = now_or(now)
    problems = _meeting_problems(session, actor, data)
    if problems:
        raise RetroRefused(problems)
    meeting = RetrospectiveMeeting(
        id=new_id(),
        number=next_number(session, RetrospectiveMeeting.number, "FP", now),
        title=data.title,
        held_at=data.held_at,
        status=MeetingStatus.PLANNED.value,
        created_by_id=actor.id,
        five_whys=[],
        fishbone={},
    )
    session.add(meeting)
    _write_meeting(session, meeting, actor, data, now)
    session.flush()
    return meeting


def update_meeting(
    session: Session,
    meeting: RetrospectiveMeeting,
    actor: Staff,
    data: MeetingData,
    *,
    now: dt.datetime | None = None,
) -> RetrospectiveMeeting:
    """Save the whole record (not once the meeting is closed)."""
    now = now_or(now)
    problems = _meeting_problems(session, actor, data)
    if meeting.status == MeetingStatus.CLOSED:
        problems.insert(0, Problem("status", "会议已关闭，纪要不能再修改"))
    if problems:
        raise RetroRefused(problems)
    _write_meeting(session, meeting, actor, data, now)
    meeting.version += 1
    session.flush()
    _escalations_to_rectifying(session, meeting, actor, now)  # escalations linked after the meeting
    return meeting


def _linked_escalations(session: Session, meeting_id: uuid.UUID) -> list[Escalation]:
    return list(
        session.scalars(
            select(Escalation)
            .join(MeetingEscalation, MeetingEscalation.escalation_id == Escalation.id)
            .where(MeetingEscalation.meeting_id == meeting_id)
            .order_by(Escalation.number)
        )
    )


def _has_analysis(meeting: RetrospectiveMeeting) -> bool:
    if meeting.analysis_method == AnalysisMethod.FISHBONE:
        return any(meeting.fishbone.get(c.value) for c in FishboneCategory)
    return bool(meeting.five_whys)


def held_problems(meeting: RetrospectiveMeeting) -> list[Problem]:
    """What the record lacks before it can be marked 已召开."""
    problems = []
    if meeting.status != MeetingStatus.PLANNED:
        problems.append(Problem("status", "会议已标记为召开"))
        return problems
    if not meeting.attendees:
        problems.append(Problem("attendees", "缺少参会人员"))
    if not meeting.problem.strip():
        problems.append(Problem("problem", "缺少问题描述"))
    if not _has_analysis(meeting):
        problems.append(
            Problem("analysis", "缺少原因分析：请填写“5个为什么”或鱼骨图（人机料法环）")
        )
    if not meeting.root_cause.strip():
        problems.append(Problem("root_cause", "缺少根本原因结论"))
    return problems


def _escalations_to_rectifying(
    session: Session, meeting: RetrospectiveMeeting, actor: Staff, now: dt.datetime
) -> None:
    if meeting.status == MeetingStatus.PLANNED or not meeting.actions:
        return
    for escalation in _linked_escalations(session, meeting.id):
        if escalation.state in (E.PENDING, E.MEETING_SCHEDULED, E.REOPENED):
            set_state(
                session,
                escalation,
                E.RECTIFYING,
                now,
                actor.id,
                f"复盘会议 {meeting.number} 已召开，制定整改措施 {len(meeting.actions)} 项",
            )


def mark_meeting_held(
    session: Session, meeting: RetrospectiveMeeting, actor: Staff, *, now: dt.datetime | None = None
) -> RetrospectiveMeeting:
    """已召开: the minutes are complete; escalations with actions move to 整改中."""
    now = now_or(now)
    problems = held_problems(meeting)
    if problems:
        raise RetroRefused(problems)
    meeting.status = MeetingStatus.HELD.value
    meeting.held_marked_at = now
    meeting.version += 1
    _escalations_to_rectifying(session, meeting, actor, now)
    return meeting


def close_meeting(
    session: Session, meeting: RetrospectiveMeeting, actor: Staff, *, now: dt.datetime | None = None
) -> RetrospectiveMeeting:
    """关闭会议: held, and every action closed."""
    problems = []
    if meeting.status == MeetingStatus.PLANNED:
        problems.append(Problem("status", "会议尚未召开（纪要未完成），不能关闭"))
    elif meeting.status == MeetingStatus.CLOSED:
        problems.append(Problem("status", "会议已关闭"))
    open_count = sum(1 for a in meeting.actions if a.status not in CLOSED_VALUES)
    if open_count:
        problems.append(Problem("actions", f"尚有 {open_count} 项整改措施未关闭，不能关闭会议"))
    if problems:
        raise RetroRefused(problems)
    meeting.status = MeetingStatus.CLOSED.value
    meeting.closed_at = now_or(now)
    meeting.version += 1
    return meeting


def meeting_prefill(session: Session, escalation_id: uuid.UUID) -> MeetingData:
    """安排复盘会议 from an escalation: its tickets, its owner as host, the reason as problem."""
    escalation = session.get(Escalation, escalation_id)
    if escalation is None:
        raise RetroRefused(["找不到该升级事项"])
    # The most recent tickets of a large cluster (the escalation keeps them all).
    recent = (
        select(EscalationTicket.ticket_id)
        .join(Ticket, Ticket.id == EscalationTicket.ticket_id)
        .where(EscalationTicket.escalation_id == escalation_id)
        .order_by(Ticket.reported_at.desc(), Ticket.number.desc())
        .limit(PREFILL_TICKETS)
    )
    tickets = list(reversed(list(session.scalars(recent))))
    attendees = []
    project = session.get(Project, escalation.project_id)
    for staff_id in dict.fromkeys(
        x for x in (escalation.owner_id, project.manager_id if project else None) if x
    ):
        person = session.get(Staff, staff_id)
        org = session.get(OrgUnit, person.org_unit_id) if person else None
        if person is not None:
            attendees.append(
                AttendeeData(
                    person.name, org.name if org else "", AttendeeRole.CONSTRUCTION.value, person.id
                )
            )
    return MeetingData(
        title=f"{escalation.title} 专项复盘会",
        held_at=None,
        place=f"{project.name}项目部会议室" if project else "",
        host_id=escalation.owner_id,
        project_id=escalation.project_id,
        problem=escalation.explanation,
        attendees=attendees,
        escalation_ids=[escalation.id],
        ticket_ids=tickets,
    )


# ---------------------------------------------------------------------------------------------
# Corrective actions
# ---------------------------------------------------------------------------------------------


def _action_problems(
    session: Session, meeting: RetrospectiveMeeting, data: ActionData, label: str = ""
) -> list[Problem]:
    problems = []
    prefix = f"{label}：" if label else ""
    if meeting.status == MeetingStatus.CLOSED:
        return [Problem("status", "会议已关闭，不能再修改整改措施")]
    if data.kind not in set(ActionKind):
        problems.append(Problem("kind", f"{prefix}措施类型无效：{data.kind}"))
    if not (data.description or "").strip():
        problems.append(Problem("description", f"{prefix}缺少措施内容"))
    if data.owner_id is None:
        problems.append(Problem("owner_id", f"{prefix}缺少责任人"))
    else:
        owner = session.get(Staff, data.owner_id)
        if owner is None or not owner.active:
            problems.append(Problem("owner_id", f"{prefix}责任人须为在职人员"))
    if data.due_on is None:
        problems.append(Problem("due_on", f"{prefix}缺少完成期限"))
    elif meeting.held_at is not None and data.due_on < today_of(meeting.held_at):
        problems.append(Problem("due_on", f"{prefix}完成期限不能早于会议日期"))
    return problems


def _department_of(session: Session, owner_id: uuid.UUID) -> str:
    owner = session.get(Staff, owner_id)
    org = session.get(OrgUnit, owner.org_unit_id) if owner else None
    return org.name if org else ""


def _apply_action(session: Session, action: CorrectiveAction, data: ActionData) -> None:
    action.kind = data.kind
    action.description = data.description.strip()
    action.owner_id = data.owner_id
    action.department = (data.department or "").strip()[:100] or _department_of(
        session, data.owner_id
    )
    action.due_on = data.due_on


def add_action(
    session: Session,
    meeting: RetrospectiveMeeting,
    actor: Staff,
    data: ActionData,
    *,
    now: dt.datetime | None = None,
) -> CorrectiveAction:
    """A new corrective or preventive action (待开始)."""
    now = now_or(now)
    problems = _action_problems(session, meeting, data)
    if not actor.active:
        problems.insert(0, Problem("actor", f"{actor.name}的账号已停用，不能办理整改措施"))
    if problems:
        raise RetroRefused(problems)
    seq = (
        session.scalar(
            select(func.max(CorrectiveAction.seq)).where(CorrectiveAction.meeting_id == meeting.id)
        )
        or 0
    ) + 1
    action = CorrectiveAction(id=new_id(), seq=seq, status=A.NOT_STARTED.value)
    _apply_action(session, action, data)
    meeting.actions.append(action)  # sets meeting_id; the list stays without duplicates
    for escalation in _linked_escalations(session, meeting.id):
        log_event(
            session,
            escalation,
            EscalationEventKind.ACTION,
            now,
            actor.id,
            new=A.NOT_STARTED.value,
            note=f"新增{ACTION_KIND_ZH[ActionKind(data.kind)]}措施 {seq}：{action.description}",
        )
        end_watch(escalation)  # a new action: not done yet
    _escalations_to_rectifying(session, meeting, actor, now)
    session.flush()
    return action


def update_action(
    session: Session,
    action: CorrectiveAction,
    actor: Staff,
    data: ActionData,
    *,
    now: dt.datetime | None = None,
) -> CorrectiveAction:
    meeting = session.get(RetrospectiveMeeting, action.meeting_id)
    problems = _action_problems(session, meeting, data)
    if action.status in CLOSED_VALUES:
        problems.append(Problem("status", "已关闭的整改措施不能修改；如需修改请先改回“进行中”"))
    if problems:
        raise RetroRefused(problems)
    _apply_action(session, action, data)
    action.version += 1
    return action


def action_check(
    session: Session, action: CorrectiveAction, status: str, actor: Staff, note: str = ""
) -> list[str]:
    """Why the action cannot move to `status` now (empty: it can) — for grey buttons."""
    return [p.message for p in _status_problems(session, action, status, actor, note)]


def _status_problems(
    session: Session, action: CorrectiveAction, status: str, actor: Staff, note: str
) -> list[Problem]:
    if not actor.active:
        return [Problem("actor", f"{actor.name}的账号已停用，不能办理整改措施")]
    try:
        target = ActionStatus(status)
    except ValueError:
        return [Problem("status", f"措施状态无效：{status}")]
    current = ActionStatus(action.status)
    meeting = session.get(RetrospectiveMeeting, action.meeting_id)
    if meeting.status == MeetingStatus.CLOSED:
        return [Problem("status", "会议已关闭，不能再修改整改措施")]
    if target == current:
        return [Problem("status", f"整改措施已是“{ACTION_STATUS_ZH[current]}”")]
    if target not in NEXT_STATUS[current]:
        return [
            Problem(
                "status",
                f"整改措施处于“{ACTION_STATUS_ZH[current]}”，不能改为“{ACTION_STATUS_ZH[target]}”",
            )
        ]
    is_manager = actor.role in MANAGERS
    if target == A.VERIFIED:
        if not is_manager or actor.id == action.owner_id:
            return [
                Problem(
                    "actor", "“已验证”须由项目经理或总部保修管理员确认，且不能由措施负责人本人验证"
                )
            ]
        return []
    if not is_manager and actor.id != action.owner_id:
        return [Problem("actor", "只有措施责任人、项目经理或总部保修管理员可以更新整改措施")]
    problems = []
    if target == A.DONE and not action.evidence and not note.strip():
        problems.append(Problem("evidence", "标记“已完成”须上传证据或填写完成说明"))
    if target == A.CANCELLED and not note.strip():
        problems.append(Problem("note", "取消整改措施须填写原因"))
    if current in CLOSED_ACTION_STATUSES and target == A.IN_PROGRESS and not note.strip():
        problems.append(Problem("note", "重新打开整改措施须填写原因"))
    return problems


def set_action_status(
    session: Session,
    action: CorrectiveAction,
    actor: Staff,
    status: str,
    *,
    note: str = "",
    now: dt.datetime | None = None,
) -> CorrectiveAction:
    """Move an action along 待开始 → 进行中 → 已完成 → 已验证 (or 已取消), with the rules."""
    now = now_or(now)
    problems = _status_problems(session, action, status, actor, note or "")
    if problems:
        raise RetroRefused(problems)
    old, target = ActionStatus(action.status), ActionStatus(status)
    action.status = target.value
    if target == A.IN_PROGRESS:
        action.started_at = action.started_at or now
        action.closed_at = action.completed_at = action.verified_at = action.verified_by_id = None
    elif target == A.DONE:
        action.completed_at = now
        action.closed_at = action.closed_at or now
    elif target == A.VERIFIED:
        action.verified_at, action.verified_by_id = now, actor.id
        action.closed_at = action.closed_at or now
    elif target == A.CANCELLED:
        action.closed_at = now
    if note.strip():
        action.note = note.strip()
    action.version += 1
    session.flush()
    summary = (
        f"整改措施 {action.seq}「{action.description[:40]}」："
        f"{ACTION_STATUS_ZH[old]} → {ACTION_STATUS_ZH[target]}"
    )
    if note.strip():
        summary += f"（{note.strip()}）"
    for escalation in _linked_escalations(session, action.meeting_id):
        log_event(
            session,
            escalation,
            EscalationEventKind.ACTION,
            now,
            actor.id,
            old=old.value,
            new=target.value,
            note=summary,
        )
        if target in CLOSED_ACTION_STATUSES and open_action_count(session, escalation.id) == 0:
            start_watch(session, escalation, now, actor.id)
        elif target == A.IN_PROGRESS:
            end_watch(escalation)
    return action


def add_evidence(
    session: Session,
    store: AttachmentStore,
    action: CorrectiveAction,
    actor: Staff,
    *,
    data: bytes,
    original_name: str,
    mime_type: str,
    note: str = "",
    now: dt.datetime | None = None,
) -> ActionEvidence:
    """An evidence file (photo, report…) for an action, kept in the attachment store."""
    problems = []
    if not actor.active:
        problems.append(Problem("actor", f"{actor.name}的账号已停用，不能办理整改措施"))
    if not data:
        problems.append(Problem("evidence", "缺少证据文件"))
    if action.status == A.CANCELLED:
        problems.append(Problem("status", "整改措施已取消，不能再添加证据"))
    if problems:
        raise RetroRefused(problems)
    stored = store.put_bytes(data)
    evidence = ActionEvidence(
        id=new_id(),
        sha256=stored.sha256,
        size=len(data),
        mime_type=mime_type or "application/octet-stream",
        original_name=(original_name or "证据")[:255],
        note=(note or "")[:200],
        created_at=now_or(now),
        created_by_id=actor.id,
    )
    action.evidence.append(evidence)  # sets action_id
    session.flush()
    return evidence


def save_meeting_record(
    session: Session,
    meeting: RetrospectiveMeeting | None,
    actor: Staff,
    data: MeetingData,
    actions: Sequence[tuple[uuid.UUID | None, ActionData]] = (),
    *,
    now: dt.datetime | None = None,
) -> RetrospectiveMeeting:
    """The editor's save: the record and its action rows, all checked first, in one go."""
    now = now_or(now)
    problems = _meeting_problems(session, actor, data)
    if meeting is not None and meeting.status == MeetingStatus.CLOSED:
        problems.insert(0, Problem("status", "会议已关闭，纪要不能再修改"))
    probe = meeting or RetrospectiveMeeting(
        held_at=data.held_at, status=MeetingStatus.PLANNED.value
    )
    existing = {a.id: a for a in (meeting.actions if meeting is not None else [])}
    for index, (action_id, row) in enumerate(actions, 1):
        found = existing.get(action_id) if action_id is not None else None
        if action_id is not None and found is None:
            problems.append(Problem(f"actions[{index}]", f"第 {index} 项措施不存在"))
            continue
        if found is not None and found.status in CLOSED_VALUES and _differs(found, row):
            problems.append(
                Problem(f"actions[{index}].status", f"第 {index} 项措施已关闭，不能修改")
            )
            continue
        for p in _action_problems(session, probe, row, f"第 {index} 项措施"):
            problems.append(Problem(f"actions[{index}].{p.field}", p.message))
    if problems:
        raise RetroRefused(problems)
    if meeting is None:
        meeting = create_meeting(session, actor, data, now=now)
    else:
        update_meeting(session, meeting, actor, data, now=now)
    for action_id, row in actions:
        if action_id is None:
            add_action(session, meeting, actor, row, now=now)
        elif _differs(existing[action_id], row):
            update_action(session, existing[action_id], actor, row, now=now)
    return meeting


def _differs(action: CorrectiveAction, row: ActionData) -> bool:
    return (action.kind, action.description, action.owner_id, action.due_on) != (
        row.kind,
        (row.description or "").strip(),
        row.owner_id,
        row.due_on,
    ) or ((row.department or "").strip() not in ("", action.department))


# ---------------------------------------------------------------------------------------------
# Reads
# ---------------------------------------------------------------------------------------------


def _action_rows(
    session: Session, actions: list[CorrectiveAction], now: dt.datetime
) -> list[ActionRow]:
    if not actions:
        return []
    today = today_of(now)
    meetings = {
        m.id: m
        for m in session.scalars(
            select(RetrospectiveMeeting).where(
                RetrospectiveMeeting.id.in_({a.meeting_id for a in actions})
            )
        )
    }
    names = dict(
        session.execute(
            select(Staff.id, Staff.name).where(
                Staff.id.in_({a.owner_id for a in actions if a.owner_id})
            )
        ).all()
    )
    evidence: dict[uuid.UUID, list[EvidenceRow]] = {}
    for e in session.scalars(
        select(ActionEvidence)
        .where(ActionEvidence.action_id.in_([a.id for a in actions]))
        .order_by(ActionEvidence.created_at)
    ):
        evidence.setdefault(e.action_id, []).append(
            EvidenceRow(e.id, e.sha256, e.original_name, e.mime_type, e.size, e.note, e.created_at)
        )
    return [
        ActionRow(
            id=a.id,
            meeting_id=a.meeting_id,
            meeting_number=meetings[a.meeting_id].number,
            meeting_title=meetings[a.meeting_id].title,
            seq=a.seq,
            kind=a.kind,
            description=a.description,
            owner_id=a.owner_id,
            owner_name=names.get(a.owner_id, ""),
            department=a.department,
            due_on=a.due_on,
            status=a.status,
            closed_at=a.closed_at,
            note=a.note,
            overdue=a.status not in CLOSED_VALUES and a.due_on is not None and a.due_on < today,
            evidence=evidence.get(a.id, []),
        )
        for a in actions
    ]


def _overdue_query(now: dt.datetime, owner_id: uuid.UUID | None):
    query = select(CorrectiveAction).where(
        CorrectiveAction.status.not_in(CLOSED_VALUES), CorrectiveAction.due_on < today_of(now)
    )
    if owner_id is not None:
        query = query.where(CorrectiveAction.owner_id == owner_id)
    return query


def overdue_actions(
    session: Session, now: dt.datetime, owner_id: uuid.UUID | None = None
) -> list[ActionRow]:
    """Actions not closed whose due date has passed, the longest overdue first."""
    query = _overdue_query(now, owner_id).order_by(CorrectiveAction.due_on, CorrectiveAction.seq)
    return _action_rows(session, list(session.scalars(query)), now)


def overdue_action_count(
    session: Session, now: dt.datetime, owner_id: uuid.UUID | None = None
) -> int:
    return (
        session.scalar(select(func.count()).select_from(_overdue_query(now, owner_id).subquery()))
        or 0
    )


def actions_for_owner(
    session: Session, owner_id: uuid.UUID | None, now: dt.datetime, include_closed: bool = False
) -> list[ActionRow]:
    """我的整改措施 (everyone's with owner None, the owned ones): overdue first, then by due date."""
    query = select(CorrectiveAction)
    if owner_id is None:
        query = query.where(CorrectiveAction.owner_id.is_not(None))
    else:
        query = query.where(CorrectiveAction.owner_id == owner_id)
    if not include_closed:
        query = query.where(CorrectiveAction.status.not_in(CLOSED_VALUES))
    rows = _action_rows(session, list(session.scalars(query)), now)
    return sorted(
        rows,
        key=lambda r: (
            not r.overdue,
            r.status in CLOSED_VALUES,
            r.due_on or dt.date.max,
            r.meeting_number,
            r.seq,
        ),
    )


def list_meetings(
    session: Session,
    *,
    project_id: uuid.UUID | None = None,
    escalation_id: uuid.UUID | None = None,
    limit: int = 500,
    now: dt.datetime | None = None,
) -> list[MeetingRow]:
    """Meetings, newest first, with their action counts."""
    today = today_of(now_or(now))
    query = select(RetrospectiveMeeting)
    if project_id is not None:
        query = query.where(RetrospectiveMeeting.project_id == project_id)
    if escalation_id is not None:
        query = query.where(
            RetrospectiveMeeting.id.in_(
                select(MeetingEscalation.meeting_id).where(
                    MeetingEscalation.escalation_id == escalation_id
                )
            )
        )
    meetings = list(
        session.scalars(query.order_by(RetrospectiveMeeting.held_at.desc()).limit(limit))
    )
    if not meetings:
        return []
    counts: dict[uuid.UUID, list[int]] = {m.id: [0, 0, 0] for m in meetings}
    for meeting_id, status, due_on in session.execute(
        select(CorrectiveAction.meeting_id, CorrectiveAction.status, CorrectiveAction.due_on).where(
            CorrectiveAction.meeting_id.in_(list(counts))
        )
    ):
        c = counts[meeting_id]
        c[0] += 1
        if status not in CLOSED_VALUES:
            c[1] += 1
            if due_on is not None and due_on < today:
                c[2] += 1
    names = dict(session.execute(select(Staff.id, Staff.name)).all())
    projects = dict(session.execute(select(Project.id, Project.name)).all())
    return [
        MeetingRow(
            m.id,
            m.number,
            m.title,
            m.status,
            m.held_at,
            m.place,
            names.get(m.host_id, ""),
            projects.get(m.project_id, ""),
            *counts[m.id],
        )
        for m in meetings
    ]


def meeting_detail(
    session: Session, meeting_id: uuid.UUID, now: dt.datetime | None = None
) -> MeetingDetail:
    """Everything the meeting editor shows."""
    from app.models.typical_case import TypicalCase

    meeting = session.get(RetrospectiveMeeting, meeting_id)
    if meeting is None:
        raise RetroRefused(["找不到该复盘会议"])
    links = list(
        session.scalars(
            select(MeetingTicket)
            .where(MeetingTicket.meeting_id == meeting_id)
            .order_by(MeetingTicket.sort_key)
        )
    )
    escalations = _linked_escalations(session, meeting_id)
    data = MeetingData(
        title=meeting.title,
        held_at=meeting.held_at,
        place=meeting.place,
        host_id=meeting.host_id,
        project_id=meeting.project_id,
        problem=meeting.problem,
        analysis_method=meeting.analysis_method,
        five_whys=list(meeting.five_whys or []),
        fishbone={k: list(v) for k, v in (meeting.fishbone or {}).items()},
        root_cause=meeting.root_cause,
        conclusions=meeting.conclusions,
        attendees=[
            AttendeeData(a.name, a.organisation, a.role, a.staff_id) for a in meeting.attendees
        ],
        escalation_ids=[e.id for e in escalations],
        ticket_ids=[link.ticket_id for link in links],
    )
    host = session.get(Staff, meeting.host_id) if meeting.host_id else None
    project = session.get(Project, meeting.project_id) if meeting.project_id else None
    order = {link.ticket_id: i for i, link in enumerate(links)}
    tickets = linked_ticket_rows(
        session,
        select(
            MeetingTicket.ticket_id, RetrospectiveMeeting.created_at, RetrospectiveMeeting.number
        )
        .join(RetrospectiveMeeting, RetrospectiveMeeting.id == MeetingTicket.meeting_id)
        .where(MeetingTicket.meeting_id == meeting_id),
    )
    tickets.sort(key=lambda r: order.get(r.ticket_id, 0))
    case_id = session.scalar(
        select(TypicalCase.id).where(TypicalCase.meeting_id == meeting_id).limit(1)
    )
    return MeetingDetail(
        id=meeting.id,
        number=meeting.number,
        status=meeting.status,
        data=data,
        host_name=host.name if host else "",
        project_name=project.name if project else "",
        actions=_action_rows(session, list(meeting.actions), now_or(now)),
        escalations=escalation_rows(session, escalations),
        tickets=tickets,
        case_id=case_id,
    )
