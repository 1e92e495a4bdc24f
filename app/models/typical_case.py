"""典型案例: cases published from closed retrospectives, and their search (2-character terms)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.models.attachment import Attachment
from app.models.base import Base, IdMixin, StampMixin, utcnow
from app.models.escalation_engine import next_number
from app.models.escalation_terms import (
    ACTION_KIND_ZH,
    ActionStatus,
    CaseData,
    CaseDetail,
    CasePhoto,
    CaseRow,
    MeetingStatus,
    Problem,
    RetroRefused,
)
from app.models.history import now_or
from app.models.ids import new_id
from app.models.people import Staff
from app.models.project import DefectCategory, Project
from app.models.retrospective import MeetingTicket, RetrospectiveMeeting
from app.models.ticket import Ticket
from app.models.vocabulary import PhotoStage


class TypicalCase(IdMixin, StampMixin, Base):
    """A typical case: problem, cause and solution, with photos of the tickets behind it.

    `search_text` is the lower-cased title, problem, cause and solution in one column: a
    substring (LIKE) search on it finds 2-character Chinese terms, and stays in the
    milliseconds for thousands of cases (one row each, no join).
    """

    __tablename__ = "typical_case"

    number: Mapped[str] = mapped_column(String(32), unique=True)  # AL-JN01-2026-0001
    title: Mapped[str] = mapped_column(String(200))
    project_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("project.id"))
    defect_category_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("defect_category.id"), index=True
    )
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("retrospective_meeting.id"), index=True
    )
    problem: Mapped[str] = mapped_column(Text, default="")
    cause: Mapped[str] = mapped_column(Text, default="")
    solution: Mapped[str] = mapped_column(Text, default="")
    photo_ids: Mapped[str] = mapped_column(
        Text, default=""
    )  # ticket Attachment ids, comma-separated
    search_text: Mapped[str] = mapped_column(Text, default="")
    published_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    published_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))


# ---------------------------------------------------------------------------------------------
# Publishing and searching
# ---------------------------------------------------------------------------------------------

MAX_PHOTOS = 8


def _search_text(*parts: str) -> str:
    return "\n".join(p.strip().lower() for p in parts if p)


def case_prefill(session: Session, meeting_id: uuid.UUID) -> CaseData:
    """发布为典型案例 from a meeting: its problem, root cause, actions and its tickets' photos."""
    meeting = session.get(RetrospectiveMeeting, meeting_id)
    if meeting is None:
        raise RetroRefused(["找不到该复盘会议"])
    ticket_ids = list(
        session.scalars(
            select(MeetingTicket.ticket_id)
            .where(MeetingTicket.meeting_id == meeting_id)
            .order_by(MeetingTicket.sort_key)
        )
    )
    categories = [
        c
        for c in session.scalars(select(Ticket.defect_category_id).where(Ticket.id.in_(ticket_ids)))
        if c
    ]
    category = max(set(categories), key=categories.count) if categories else None
    photos = (
        list(
            session.scalars(
                select(Attachment.id)
                .where(
                    Attachment.ticket_id.in_(ticket_ids),
                    Attachment.stage.in_([PhotoStage.BEFORE.value, PhotoStage.AFTER.value]),
                    Attachment.mime_type.like("image/%"),
                )
                .order_by(Attachment.created_at)
                .limit(MAX_PHOTOS)
            )
        )
        if ticket_ids
        else []
    )
    cause = meeting.root_cause
    if meeting.analysis_method == "five_why" and meeting.five_whys:
        chain = "；".join(f"为什么{i}：{w}" for i, w in enumerate(meeting.five_whys, 1))
        cause = f"{cause}\n（{chain}）" if cause else chain
    solution = "\n".join(
        f"{a.seq}. [{ACTION_KIND_ZH.get(a.kind, a.kind)}] {a.description}"
        for a in meeting.actions
        if a.status != ActionStatus.CANCELLED
    )
    if meeting.conclusions:
        solution = f"{meeting.conclusions}\n{solution}" if solution else meeting.conclusions
    return CaseData(
        title=meeting.title.removesuffix(" 专项复盘会").removesuffix("专项复盘会"),
        problem=meeting.problem,
        cause=cause,
        solution=solution,
        defect_category_id=category,
        photo_ids=photos,
    )


def publish_case(
    session: Session,
    meeting: RetrospectiveMeeting,
    actor: Staff,
    data: CaseData,
    *,
    now: dt.datetime | None = None,
) -> TypicalCase:
    """发布为典型案例: only from a closed retrospective, with problem, cause and solution."""
    now = now_or(now)
    problems = []
    if not actor.active:
        problems.append(Problem("actor", f"{actor.name}的账号已停用，不能发布典型案例"))
    if meeting.status != MeetingStatus.CLOSED:
        problems.append(
            Problem(
                "status", "复盘会议尚未关闭（整改措施全部关闭后方可关闭会议），不能发布为典型案例"
            )
        )
    for name, label in (
        ("title", "标题"),
        ("problem", "问题描述"),
        ("cause", "原因分析"),
        ("solution", "解决方案"),
    ):
        if not (getattr(data, name) or "").strip():
            problems.append(Problem(name, f"缺少{label}"))
    if len(data.photo_ids) > MAX_PHOTOS:
        problems.append(Problem("photo_ids", f"照片最多 {MAX_PHOTOS} 张"))
    for photo_id in data.photo_ids:
        if session.get(Attachment, photo_id) is None:
            problems.append(Problem("photo_ids", "所选照片不存在"))
            break
    if problems:
        raise RetroRefused(problems)
    case = TypicalCase(
        id=new_id(),
        number=next_number(session, TypicalCase.number, "AL", now),
        title=data.title.strip()[:200],
        project_id=meeting.project_id,
        defect_category_id=data.defect_category_id,
        meeting_id=meeting.id,
        problem=data.problem.strip(),
        cause=data.cause.strip(),
        solution=data.solution.strip(),
        photo_ids=",".join(str(p) for p in data.photo_ids),
        published_at=now,
        published_by_id=actor.id,
    )
    category = (
        session.get(DefectCategory, data.defect_category_id) if data.defect_category_id else None
    )
    case.search_text = _search_text(
        case.number,
        case.title,
        category.name if category else "",
        case.problem,
        case.cause,
        case.solution,
    )
    session.add(case)
    return case


def _case_rows(session: Session, cases: list[TypicalCase]) -> list[CaseRow]:
    categories = (
        dict(session.execute(select(DefectCategory.id, DefectCategory.name)).all()) if cases else {}
    )
    projects = dict(session.execute(select(Project.id, Project.name)).all()) if cases else {}
    staff = (
        dict(
            session.execute(
                select(Staff.id, Staff.name).where(
                    Staff.id.in_({c.published_by_id for c in cases if c.published_by_id})
                )
            ).all()
        )
        if cases
        else {}
    )
    return [
        CaseRow(
            id=c.id,
            number=c.number,
            title=c.title,
            category=categories.get(c.defect_category_id, ""),
            project_name=projects.get(c.project_id, ""),
            published_at=c.published_at,
            published_by=staff.get(c.published_by_id, ""),
            excerpt=" ".join(c.problem.split())[:60],
        )
        for c in cases
    ]


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_cases(session: Session, text: str, *, defect_category_id: uuid.UUID | None = None,
                 limit: int = 200) -> list[CaseRow]:
    """Cases containing every word typed (2-character Chinese terms work), newest first;
    optionally only those of one defect category."""
    query = select(TypicalCase)
    if defect_category_id is not None:
        query = query.where(TypicalCase.defect_category_id == defect_category_id)
    for term in (text or "").lower().split():
        query = query.where(TypicalCase.search_text.like(f"%{_escape_like(term)}%", escape="\\"))
    query = query.order_by(TypicalCase.published_at.desc(), TypicalCase.number.desc()).limit(limit)
    return _case_rows(session, list(session.scalars(query)))


def cases_for_category(
    session: Session, defect_category_id: uuid.UUID, *, limit: int = 50
) -> list[CaseRow]:
    """The typical cases of a defect category (linked from tickets of that category)."""
    query = (
        select(TypicalCase)
        .where(TypicalCase.defect_category_id == defect_category_id)
        .order_by(TypicalCase.published_at.desc())
        .limit(limit)
    )
    return _case_rows(session, list(session.scalars(query)))


def case_count_for_category(session: Session, defect_category_id: uuid.UUID | None) -> int:
    """同类典型案例 (N) for a ticket's category."""
    if defect_category_id is None:
        return 0
    return (
        session.scalar(
            select(func.count())
            .select_from(TypicalCase)
            .where(TypicalCase.defect_category_id == defect_category_id)
        )
        or 0
    )


def case_detail(session: Session, case_id: uuid.UUID) -> CaseDetail:
    case = session.get(TypicalCase, case_id)
    if case is None:
        raise RetroRefused(["找不到该典型案例"])
    ids = [uuid.UUID(p) for p in case.photo_ids.split(",") if p]
    photos = []
    if ids:
        found = {
            a.id: (a, number)
            for a, number in session.execute(
                select(Attachment, Ticket.number)
                .join(Ticket, Ticket.id == Attachment.ticket_id)
                .where(Attachment.id.in_(ids))
            ).all()
        }
        photos = [
            CasePhoto(i, found[i][0].sha256, found[i][0].caption, found[i][1])
            for i in ids
            if i in found
        ]
    meeting = session.get(RetrospectiveMeeting, case.meeting_id) if case.meeting_id else None
    return CaseDetail(
        row=_case_rows(session, [case])[0],
        problem=case.problem,
        cause=case.cause,
        solution=case.solution,
        meeting_id=case.meeting_id,
        meeting_number=meeting.number if meeting else "",
        defect_category_id=case.defect_category_id,
        photos=photos,
    )
