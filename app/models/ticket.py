"""The repair ticket (保修单) with everything its lifecycle needs, its plan, work logs and events."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, IdMixin, StampMixin, utcnow


class Ticket(IdMixin, StampMixin, Base):
    __tablename__ = "ticket"
    __table_args__ = (
        # The list filters by one of these and sorts by date: one index each keeps it fast.
        Index("ix_ticket_state_reported", "state", "reported_at"),
        Index("ix_ticket_project_reported", "project_id", "reported_at"),
        Index("ix_ticket_urgency_reported", "urgency", "reported_at"),
        Index("ix_ticket_project_category_reported", "project_id", "defect_category_id", "reported_at"),
        # KPIs and the dashboard count what happened in a period: a range scan on each moment,
        # carrying the columns those counts group and test by, so the table is never read.
        Index("ix_ticket_responded_at", "responded_at", "owner_id", "project_id", "reported_at",
              "response_due_at"),
        Index("ix_ticket_completed_at", "completed_at", "owner_id", "project_id", "reported_at",
              "completion_due_at"),
        Index("ix_ticket_accepted_at", "accepted_at", "owner_id", "project_id", "rework_count",
              "satisfaction"),
        Index("ix_ticket_archived_at", "archived_at", "project_id"),
    )

    number: Mapped[str] = mapped_column(String(32), unique=True)  # BX-JN01-2026-00042
    state: Mapped[str] = mapped_column(String(20))  # vocabulary.TicketState
    urgency: Mapped[int] = mapped_column(default=3)  # vocabulary.Urgency

    # Intake (报修受理)
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project.id"))
    location_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("location.id"), index=True)
    location_label: Mapped[str] = mapped_column(String(200), default="", index=True)  # as reported
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customer.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))  # vocabulary.Channel
    reporter_name: Mapped[str] = mapped_column(String(50), default="")
    reporter_phone: Mapped[str] = mapped_column(String(30), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    reported_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    registered_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"), index=True)

    # Response timers (SLA): due times are set from the project's limits at intake.
    response_due_at: Mapped[dt.datetime | None]
    responded_at: Mapped[dt.datetime | None]
    arrival_due_at: Mapped[dt.datetime | None]
    arrived_at: Mapped[dt.datetime | None]
    completion_due_at: Mapped[dt.datetime | None]
    completed_at: Mapped[dt.datetime | None]
    paused_since: Mapped[dt.datetime | None]  # waiting for the owner (业主不在家...)
    paused_minutes: Mapped[int] = mapped_column(default=0)

    # Diagnosis (诊断分类) and coverage verdict
    cause: Mapped[str | None] = mapped_column(String(30))  # vocabulary.Cause
    defect_category_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("defect_category.id"))
    building_part: Mapped[str | None] = mapped_column(String(30))  # vocabulary.BuildingPart
    structural_safety: Mapped[bool] = mapped_column(default=False)
    report_to_authority: Mapped[bool] = mapped_column(default=False)
    responsible_party: Mapped[str | None] = mapped_column(String(20))
    responsible_org_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("org_unit.id"))
    coverage: Mapped[str | None] = mapped_column(String(20))  # vocabulary.Coverage
    coverage_end_date: Mapped[dt.date | None]
    coverage_reason: Mapped[str] = mapped_column(Text, default="")
    diagnosed_at: Mapped[dt.datetime | None]

    # Not covered (不予保修)
    not_covered_reason: Mapped[str] = mapped_column(Text, default="")
    not_covered_approved_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    paid_repair_offered: Mapped[bool] = mapped_column(default=False)

    # Repair plan (维修计划); materials are PlanMaterial rows
    plan_people: Mapped[str] = mapped_column(String(200), default="")
    plan_duration_hours: Mapped[float | None]
    plan_safety_measures: Mapped[str] = mapped_column(Text, default="")
    plan_appointment_at: Mapped[dt.datetime | None]
    plan_sop_ref: Mapped[str] = mapped_column(String(100), default="")
    plan_by_design_unit: Mapped[bool] = mapped_column(default=False)  # structural-safety path
    planned_at: Mapped[dt.datetime | None]

    # Acceptance (验收反馈)
    acceptance_result: Mapped[str | None] = mapped_column(String(10))  # vocabulary.AcceptanceResult
    acceptance_comment: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[int | None]  # 1–5
    satisfaction_comment: Mapped[str] = mapped_column(Text, default="")
    accepted_at: Mapped[dt.datetime | None]

    # Follow-up (回访) and closing
    follow_up_due_on: Mapped[dt.date | None]
    followed_up_at: Mapped[dt.datetime | None]
    follow_up_result: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[dt.datetime | None]
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    duplicate_of_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ticket.id"))
    rework_count: Mapped[int] = mapped_column(default=0)
    # Incremented on every change; the sync's base version.
    version: Mapped[int] = mapped_column(default=1)

    events: Mapped[list[TicketEvent]] = relationship(
        back_populates="ticket", order_by="(TicketEvent.seq, TicketEvent.at, TicketEvent.id)"
    )
    work_logs: Mapped[list[WorkLog]] = relationship(order_by="WorkLog.started_at")
    materials: Mapped[list[PlanMaterial]] = relationship(order_by="PlanMaterial.sort_key")


class PlanMaterial(IdMixin, StampMixin, Base):
    """A material line of the repair plan."""

    __tablename__ = "plan_material"

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ticket.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    spec: Mapped[str] = mapped_column(String(100), default="")
    quantity: Mapped[float] = mapped_column(default=0)
    unit: Mapped[str] = mapped_column(String(20), default="")
    sort_key: Mapped[int] = mapped_column(default=0)


class WorkLog(IdMixin, StampMixin, Base):
    """One stretch of repair work on site (维修日志): who, when, what, with which materials."""

    __tablename__ = "work_log"

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ticket.id"), index=True)
    started_at: Mapped[dt.datetime]
    ended_at: Mapped[dt.datetime | None]
    people: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    materials_used: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))


REWORK_WHERE = text(
    "kind = 'state' AND field = 'state' AND new_value = 'in_repair'"
    " AND old_value IN ('acceptance', 'archived')"
)


class TicketEvent(IdMixin, Base):
    """One append-only entry of a ticket's history: who did what when, old and new value.

    Never updated or deleted; a correction is a new event. A ticket's history is ordered by
    (seq, at, id): `seq` numbers the events the workflow engine writes (several events of one
    action share `at`, and UUIDv7 ids made in the same millisecond are not ordered); rows
    written without it (0) fall back to time order.
    """

    __tablename__ = "ticket_event"
    # (ticket_id, seq) serves every lookup by ticket: no separate index on ticket_id alone.
    __table_args__ = (
        Index("ix_ticket_event_ticket_seq", "ticket_id", "seq"),
        # Rework transitions (failed acceptance, reopening) by time, for the KPIs: a few
        # entries per hundred tickets, so it costs next to nothing to keep.
        Index("ix_ticket_event_rework", "at", "ticket_id", "old_value", sqlite_where=REWORK_WHERE,
              postgresql_where=REWORK_WHERE),
    )

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ticket.id"))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    kind: Mapped[str] = mapped_column(String(20))  # vocabulary.EventKind
    field: Mapped[str] = mapped_column(String(40), default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    seq: Mapped[int] = mapped_column(default=0, server_default="0")

    ticket: Mapped[Ticket] = relationship(back_populates="events")
