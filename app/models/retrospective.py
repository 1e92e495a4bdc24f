"""专项复盘会议: the meeting record, its attendees and links, and the corrective actions (CAPA)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, IdMixin, StampMixin, utcnow


class RetrospectiveMeeting(IdMixin, StampMixin, Base):
    """One retrospective meeting: facts, problem, root-cause analysis and conclusions.

    The analysis is either a 5-why chain (`five_whys`, ordered answers to 为什么1…5) or a
    fishbone (`fishbone`: category code → causes); `analysis_method` says which one prints.
    """

    __tablename__ = "retrospective_meeting"

    number: Mapped[str] = mapped_column(String(32), unique=True)  # FP-JN01-2026-0003
    title: Mapped[str] = mapped_column(String(200))
    project_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("project.id"), index=True)
    held_at: Mapped[dt.datetime]
    place: Mapped[str] = mapped_column(String(200), default="")
    host_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    status: Mapped[str] = mapped_column(String(20))  # escalation_terms.MeetingStatus
    problem: Mapped[str] = mapped_column(Text, default="")
    analysis_method: Mapped[str] = mapped_column(String(20), default="five_why")
    five_whys: Mapped[list] = mapped_column(JSON, default=list)
    fishbone: Mapped[dict] = mapped_column(JSON, default=dict)
    root_cause: Mapped[str] = mapped_column(Text, default="")
    conclusions: Mapped[str] = mapped_column(Text, default="")
    held_marked_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None]
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    version: Mapped[int] = mapped_column(default=1)

    attendees: Mapped[list[MeetingAttendee]] = relationship(
        order_by="MeetingAttendee.sort_key", cascade="all, delete-orphan"
    )
    actions: Mapped[list[CorrectiveAction]] = relationship(order_by="CorrectiveAction.seq")


class MeetingAttendee(IdMixin, Base):
    """A person at the meeting: one of our staff, or an outsider (designer, supervisor…)."""

    __tablename__ = "meeting_attendee"

    meeting_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("retrospective_meeting.id"), index=True
    )
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    name: Mapped[str] = mapped_column(String(50))
    organisation: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(20))  # escalation_terms.AttendeeRole
    sort_key: Mapped[int] = mapped_column(default=0)


class MeetingEscalation(IdMixin, Base):
    """An escalation the meeting deals with."""

    __tablename__ = "meeting_escalation"
    __table_args__ = (UniqueConstraint("meeting_id", "escalation_id"),)

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("retrospective_meeting.id"))
    escalation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("escalation.id"), index=True)


class MeetingTicket(IdMixin, Base):
    """A ticket discussed at the meeting (printed in the minutes with its photos)."""

    __tablename__ = "meeting_ticket"
    __table_args__ = (UniqueConstraint("meeting_id", "ticket_id"),)

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("retrospective_meeting.id"))
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ticket.id"), index=True)
    sort_key: Mapped[int] = mapped_column(default=0)


class CorrectiveAction(IdMixin, StampMixin, Base):
    """One corrective or preventive action (CAPA) decided at a meeting, tracked to closure.

    Overdue: not closed (done, verified, cancelled) and `due_on` before today.
    """

    __tablename__ = "corrective_action"
    __table_args__ = (
        Index("ix_corrective_action_status_due", "status", "due_on"),
        Index("ix_corrective_action_owner_status", "owner_id", "status"),
    )

    meeting_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("retrospective_meeting.id"), index=True
    )
    seq: Mapped[int] = mapped_column(default=1)  # 1, 2, 3… within the meeting
    kind: Mapped[str] = mapped_column(String(20))  # escalation_terms.ActionKind
    description: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    department: Mapped[str] = mapped_column(String(100), default="")
    due_on: Mapped[dt.date | None]
    status: Mapped[str] = mapped_column(String(20))  # escalation_terms.ActionStatus
    started_at: Mapped[dt.datetime | None]
    completed_at: Mapped[dt.datetime | None]
    verified_at: Mapped[dt.datetime | None]
    verified_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    closed_at: Mapped[dt.datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")  # the completion / cancellation note
    version: Mapped[int] = mapped_column(default=1)

    evidence: Mapped[list[ActionEvidence]] = relationship(order_by="ActionEvidence.created_at")


class ActionEvidence(IdMixin, Base):
    """A file proving an action was carried out, kept in the attachment store by its hash."""

    __tablename__ = "action_evidence"

    action_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("corrective_action.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    mime_type: Mapped[str] = mapped_column(String(100))
    original_name: Mapped[str] = mapped_column(String(255))
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))


class PrintedMinutes(IdMixin, Base):
    """One distinct printed content of a meeting's minutes, found again by its short code.

    The minutes' register beside `printed_document` (whose rows belong to tickets): the code
    comes from the content, `parts` keeps one hash per printed item for "what changed".
    """

    __tablename__ = "printed_minutes"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    meeting_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("retrospective_meeting.id"), index=True
    )
    content_sha256: Mapped[str] = mapped_column(String(64))
    parts: Mapped[dict] = mapped_column(JSON)
    printed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    printed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
