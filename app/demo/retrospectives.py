"""Demo escalations, retrospective meetings, corrective actions and a published typical case.

Run after the tickets are generated (`generate_demo` calls it): the engine raises the
escalations the demo tickets call for, then two meetings are recorded through the services —
one held with actions under way (one overdue), one closed with every action verified and its
case published — so the 复盘 page, the minutes PDF and the case library have something real.
Idempotent: a store that already has meetings gets only the evaluation.
"""

from __future__ import annotations

import datetime as dt
import io
import random

from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import attachments_dir
from app.fonts import font_path
from app.models.attachment_store import AttachmentStore
from app.models.db import Database
from app.models.escalation import Escalation, EscalationTicket
from app.models.escalation_engine import close_escalation, evaluate_all
from app.models.escalation_terms import (
    ActionData,
    ActionKind,
    ActionStatus,
    AnalysisMethod,
    AttendeeData,
    AttendeeRole,
    EscalationKind,
    EscalationState,
)
from app.models.outbox import NO_CAPTURE
from app.models.people import OrgUnit, Staff
from app.models.project import DefectCategory, Project
from app.models.retrospective import RetrospectiveMeeting
from app.models.retrospective_service import (
    add_action,
    add_evidence,
    close_meeting,
    create_meeting,
    mark_meeting_held,
    meeting_prefill,
    set_action_status,
)
from app.models.typical_case import case_prefill, publish_case
from app.models.vocabulary import OrgKind, Role


def add_demo_retrospectives(db: Database, now: dt.datetime, seed: int = 1) -> dict[str, int]:
    """Evaluate escalations and, on a store without meetings, add the two demo meetings.

    The engine is run at a few points of the last months (as the app would have run it), so
    escalations are raised before the meetings that deal with them.
    """
    rng = random.Random(seed)
    store = AttachmentStore(attachments_dir(db.path))
    counts = {"escalations_created": 0, "meetings": 0, "cases": 0}
    with db.transaction() as session:
        # Like the generator's raw rows, demo rows are not captured for sync one by one: the
        # first sync uploads them with the initial snapshot.
        session.info[NO_CAPTURE] = True
        if session.scalar(select(func.count()).select_from(RetrospectiveMeeting)):
            counts["escalations_created"] = evaluate_all(session, now).created
            return counts
        counts["escalations_created"] += evaluate_all(session, now - dt.timedelta(days=70)).created
        candidates = _recurring_by_size(session)
        if candidates:
            _closed_meeting(session, store, candidates[0], now - dt.timedelta(days=58), rng)
            counts.update(meetings=1, cases=1)
        for days in (30, 15):
            counts["escalations_created"] += evaluate_all(
                session, now - dt.timedelta(days=days)
            ).created
        candidates = [
            e
            for e in _recurring_by_size(session)
            if not candidates or e.project_id != candidates[0].project_id
        ]
        if candidates:
            _held_meeting(session, store, candidates[0], now - dt.timedelta(days=12), rng)
            counts["meetings"] += 1
        counts["escalations_created"] += evaluate_all(session, now).created
    return counts


def _recurring_by_size(session: Session) -> list[Escalation]:
    sizes = (
        select(EscalationTicket.escalation_id, func.count().label("n"))
        .group_by(EscalationTicket.escalation_id)
        .subquery()
    )
    query = (
        select(Escalation)
        .join(sizes, sizes.c.escalation_id == Escalation.id)
        .join(Project, Project.id == Escalation.project_id)
        .where(
            Escalation.kind == EscalationKind.RECURRING.value,
            Escalation.defect_category_id.is_not(None),
            Escalation.state == EscalationState.PENDING.value,
            Project.manager_id.is_not(None),
        )
        .order_by(sizes.c.n.desc(), Escalation.number)
    )
    found, projects = [], set()
    for escalation in session.scalars(query):
        if escalation.project_id not in projects:  # two different projects read better
            found.append(escalation)
            projects.add(escalation.project_id)
    return found


def _people(session: Session, escalation: Escalation) -> tuple[Staff, Staff, Staff]:
    """(project manager, technician, HQ admin) for the meeting and its actions."""
    project = session.get(Project, escalation.project_id)
    manager = session.get(Staff, project.manager_id)
    technician = session.scalar(
        select(Staff)
        .where(
            Staff.role == Role.TECHNICIAN.value,
            Staff.org_unit_id == project.project_dept_id,
            Staff.active.is_(True),
        )
        .order_by(Staff.name)
        .limit(1)
    ) or session.scalar(
        select(Staff).where(Staff.role == Role.TECHNICIAN.value).order_by(Staff.name).limit(1)
    )
    hq = session.scalar(
        select(Staff).where(Staff.role == Role.HQ_ADMIN.value).order_by(Staff.name).limit(1)
    )
    return manager, technician, hq or manager


def _subcontractor(session: Session, escalation: Escalation) -> str:
    name = session.scalar(
        select(OrgUnit.name)
        .where(OrgUnit.kind == OrgKind.SUBCONTRACTOR.value)
        .order_by(OrgUnit.name)
        .limit(1)
    )
    return name or "分包单位"


def _attendees(
    session: Session, escalation: Escalation, manager: Staff, technician: Staff, hq: Staff
) -> list[AttendeeData]:
    def org(staff: Staff) -> str:
        unit = session.get(OrgUnit, staff.org_unit_id)
        return unit.name if unit else ""

    people = [
        AttendeeData(hq.name, org(hq), AttendeeRole.CONSTRUCTION.value, hq.id),
        AttendeeData(manager.name, org(manager), AttendeeRole.CONSTRUCTION.value, manager.id),
        AttendeeData(
            technician.name, org(technician), AttendeeRole.CONSTRUCTION.value, technician.id
        ),
        AttendeeData("周建华", "华信建筑设计研究院", AttendeeRole.DESIGN.value),
        AttendeeData("陈立新", "诚达工程监理有限公司", AttendeeRole.SUPERVISION.value),
        AttendeeData(
            "吴海涛", _subcontractor(session, escalation), AttendeeRole.SUBCONTRACTOR.value
        ),
        AttendeeData("孙丽", "业主委员会", AttendeeRole.OWNER.value),
    ]
    return list({p.name: p for p in people}.values())


def _category(session: Session, escalation: Escalation) -> str:
    return (
        session.scalar(
            select(DefectCategory.name).where(DefectCategory.id == escalation.defect_category_id)
        )
        or ""
    )


def _evidence_image(text: str, rng: random.Random) -> bytes:
    """A small JPEG standing in for an evidence photo (整改完成照片) with its caption."""
    image = Image.new("RGB", (480, 320), (200 + rng.randrange(40), 210, 200))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(font_path()), 26)
    draw.rectangle((20, 20, 460, 300), outline=(60, 90, 60), width=4)
    draw.text((40, 130), text[:16], fill=(30, 50, 30), font=font)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def _closed_meeting(
    session: Session,
    store: AttachmentStore,
    escalation: Escalation,
    held_at: dt.datetime,
    rng: random.Random,
) -> None:
    manager, technician, hq = _people(session, escalation)
    category = _category(session, escalation)
    data = meeting_prefill(session, escalation.id)
    data.held_at = held_at.replace(minute=0, second=0, microsecond=0)
    data.host_id = hq.id
    data.attendees = _attendees(session, escalation, manager, technician, hq)
    data.analysis_method = AnalysisMethod.FISHBONE.value
    data.fishbone = {
        "man": ["防水班组新进工人未经交底上岗", "质检员旁站不到位"],
        "machine": ["热熔焊机温度未校准"],
        "material": ["卷材搭接宽度不足 80mm", "部分批次防水涂料固含量偏低"],
        "method": ["淋水试验时间不足即验收", "阴阳角、窗边未做附加层"],
        "environment": ["雨季抢工，基层含水率偏高"],
        "measurement": ["验收记录未附照片，无法追溯"],
    }
    data.root_cause = f"{category}的主因是防水施工工艺执行不到位：阴阳角附加层缺失、淋水试验时间不足，且验收把关不严。"
    data.conclusions = (
        "对同批次住户逐户排查；修订防水专项施工方案并重新交底；淋水/闭水试验延长并留存影像。"
    )
    meeting = create_meeting(session, hq, data, now=held_at - dt.timedelta(days=3))
    plans = [
        (
            ActionKind.CORRECTIVE,
            f"对同一批次交付的住户逐户排查{category}隐患并维修",
            technician,
            14,
        ),
        (
            ActionKind.PREVENTIVE,
            "修订防水专项施工方案，增加阴阳角附加层和延长淋水试验的要求",
            manager,
            21,
        ),
        (ActionKind.PREVENTIVE, "对防水分包班组进行专项技术交底和实操考核", manager, 28),
    ]
    day = held_at.date()
    for kind, text, owner, days in plans:
        add_action(
            session,
            meeting,
            hq,
            ActionData(kind.value, text, owner.id, "", day + dt.timedelta(days=days)),
            now=held_at,
        )
    mark_meeting_held(session, meeting, hq, now=held_at + dt.timedelta(hours=3))
    done_at = held_at + dt.timedelta(days=rng.randint(2, 4))
    for action in meeting.actions:
        done_at += dt.timedelta(days=rng.randint(3, 5))
        owner = session.get(Staff, action.owner_id)
        set_action_status(
            session,
            action,
            owner,
            ActionStatus.IN_PROGRESS.value,
            now=done_at - dt.timedelta(days=3),
        )
        add_evidence(
            session,
            store,
            action,
            owner,
            data=_evidence_image(f"整改完成 {action.seq}", rng),
            original_name=f"整改完成照片-{action.seq}.jpg",
            mime_type="image/jpeg",
            note="整改完成照片",
            now=done_at,
        )
        set_action_status(
            session, action, owner, ActionStatus.DONE.value, note="已按要求完成", now=done_at
        )
        verifier = hq if owner.id != hq.id else manager
        set_action_status(
            session,
            action,
            verifier,
            ActionStatus.VERIFIED.value,
            now=done_at + dt.timedelta(days=1),
        )
    close_meeting(session, meeting, hq, now=held_at + dt.timedelta(days=22))
    close_escalation(
        session, escalation, hq, note="整改措施均已验证", now=held_at + dt.timedelta(days=22)
    )
    case = case_prefill(session, meeting.id)
    case.title = f"{category}反复出现：防水工艺执行不到位"
    publish_case(session, meeting, hq, case, now=held_at + dt.timedelta(days=23))


def _held_meeting(
    session: Session,
    store: AttachmentStore,
    escalation: Escalation,
    held_at: dt.datetime,
    rng: random.Random,
) -> None:
    manager, technician, hq = _people(session, escalation)
    category = _category(session, escalation)
    data = meeting_prefill(session, escalation.id)
    data.held_at = held_at.replace(hour=6, minute=30, second=0, microsecond=0)  # 14:30 in Shanghai
    data.host_id = manager.id
    data.attendees = _attendees(session, escalation, manager, technician, hq)
    data.analysis_method = AnalysisMethod.FIVE_WHY.value
    data.five_whys = [
        f"为什么同一项目反复出现“{category}”？——同类部位的维修只处理了表面，未找到源头。",
        "为什么维修只处理表面？——维修方案沿用通用做法，没有结合现场做原因诊断。",
        "为什么没有做原因诊断？——保修员缺少检测工具，也没有诊断作业指导书。",
        "为什么没有作业指导书？——公司的保修 SOP 未覆盖该类缺陷。",
        "为什么 SOP 未覆盖？——以往复盘结论没有沉淀为标准，经验停留在个人。",
    ]
    data.root_cause = "缺少针对该类缺陷的诊断标准和作业指导书，维修治标不治本。"
    data.conclusions = "编制诊断与维修作业指导书；为保修员配备检测工具；三个月后复查同类报修数量。"
    meeting = create_meeting(session, manager, data, now=held_at - dt.timedelta(days=2))
    day = held_at.date()
    plans = [
        (
            ActionKind.CORRECTIVE,
            f"复查本项目已维修的{category}报修单，对未根治的重新维修",
            technician,
            7,
        ),
        (ActionKind.PREVENTIVE, f"编制《{category}诊断与维修作业指导书》并组织培训", manager, 30),
        (ActionKind.PREVENTIVE, "为项目保修员配备红外热像仪和含水率检测仪", hq, 45),
    ]
    for kind, text, owner, days in plans:
        add_action(
            session,
            meeting,
            manager,
            ActionData(kind.value, text, owner.id, "", day + dt.timedelta(days=days)),
            now=held_at,
        )
    mark_meeting_held(session, meeting, manager, now=held_at + dt.timedelta(hours=2))
    first, second = meeting.actions[0], meeting.actions[1]
    # The first action is overdue (due 7 days after the meeting, still in progress).
    set_action_status(
        session,
        first,
        session.get(Staff, first.owner_id),
        ActionStatus.IN_PROGRESS.value,
        now=held_at + dt.timedelta(days=1),
    )
    set_action_status(
        session,
        second,
        session.get(Staff, second.owner_id),
        ActionStatus.IN_PROGRESS.value,
        now=held_at + dt.timedelta(days=3),
    )
