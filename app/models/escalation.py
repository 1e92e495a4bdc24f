"""Escalations (升级事项): why a problem went up, its tickets, its log and the thresholds."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, IdMixin, StampMixin, utcnow


class Escalation(IdMixin, StampMixin, Base):
    """One escalated problem: a cluster of recurring tickets, a major ticket, or a manual one.

    `cluster_key` names what the escalation is about so the engine never raises a second one
    for it: `cat:<project>:<category>` or `part:<project>:<part>:<subcontractor>` for recurring
    problems, `sla:<project>` for breached response times, `<kind>:<ticket>` for one ticket's
    signal, NULL for manual ones. `cluster_round` counts escalations of the same cluster: a new
    round starts only after the previous one was closed and its watch window passed.
    """

    __tablename__ = "escalation"
    __table_args__ = (
        UniqueConstraint("cluster_key", "cluster_round"),
        Index("ix_escalation_state_raised", "state", "raised_at"),
    )

    number: Mapped[str] = mapped_column(String(32), unique=True)  # SJ-JN01-2026-0007
    kind: Mapped[str] = mapped_column(String(20))  # escalation_terms.EscalationKind
    level: Mapped[str] = mapped_column(String(20))  # escalation_terms.EscalationLevel
    state: Mapped[str] = mapped_column(String(20))  # escalation_terms.EscalationState
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project.id"), index=True)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"), index=True)
    cluster_key: Mapped[str | None] = mapped_column(String(120))
    cluster_round: Mapped[int] = mapped_column(default=1)
    defect_category_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("defect_category.id"))
    building_part: Mapped[str | None] = mapped_column(String(30))
    responsible_org_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("org_unit.id"))
    title: Mapped[str] = mapped_column(String(200))
    explanation: Mapped[str] = mapped_column(Text, default="")  # why, in Chinese, with numbers
    raised_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    raised_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))  # None: engine
    closed_at: Mapped[dt.datetime | None]
    # Effect check (效果验证): set when every action is closed; a matching ticket reported
    # before watch_until reopens the escalation.
    watch_started_at: Mapped[dt.datetime | None]
    watch_until: Mapped[dt.datetime | None]
    reopen_count: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=1)

    tickets: Mapped[list[EscalationTicket]] = relationship(
        back_populates="escalation", order_by="EscalationTicket.joined_at"
    )
    events: Mapped[list[EscalationEvent]] = relationship(
        order_by="(EscalationEvent.seq, EscalationEvent.at)"
    )


class EscalationTicket(IdMixin, Base):
    """A ticket linked to an escalation: when it joined and why."""

    __tablename__ = "escalation_ticket"
    __table_args__ = (UniqueConstraint("escalation_id", "ticket_id"),)

    escalation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("escalation.id"))
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ticket.id"), index=True)
    joined_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    reason: Mapped[str] = mapped_column(Text, default="")

    escalation: Mapped[Escalation] = relationship(back_populates="tickets")


class EscalationEvent(IdMixin, Base):
    """One append-only entry of an escalation's log (raised, joined, level, state, reopened…)."""

    __tablename__ = "escalation_event"
    __table_args__ = (Index("ix_escalation_event_escalation_seq", "escalation_id", "seq"),)

    escalation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("escalation.id"))
    seq: Mapped[int] = mapped_column(default=0)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))  # None: engine
    kind: Mapped[str] = mapped_column(String(20))  # escalation_terms.EscalationEventKind
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")


class EscalationSetting(IdMixin, StampMixin, Base):
    """Recurrence thresholds and the watch window for one project type.

    A project whose own `recurrence_threshold`/`recurrence_window_days` differ from the
    defaults (3 in 90) keeps its own values; otherwise its type's setting applies.
    """

    __tablename__ = "escalation_setting"

    project_type: Mapped[str] = mapped_column(String(20), unique=True)
    recurrence_threshold: Mapped[int] = mapped_column(default=3)
    recurrence_window_days: Mapped[int] = mapped_column(default=90)
    watch_days: Mapped[int] = mapped_column(default=90)


class AppendOnlyEscalationLog(RuntimeError):
    """Code tried to change or delete an escalation's log."""


@event.listens_for(EscalationEvent, "before_update")
@event.listens_for(EscalationEvent, "before_delete")
def _refuse_rewriting_log(_mapper, _connection, _target) -> None:
    raise AppendOnlyEscalationLog("升级事项的处理记录只能追加，不能修改或删除。")
