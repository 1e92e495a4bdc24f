"""Projects, their subcontractors, warranty terms per building part and the defect taxonomy."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, IdMixin, StampMixin


class Project(IdMixin, StampMixin, Base):
    __tablename__ = "project"

    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    type: Mapped[str] = mapped_column(String(20), index=True)  # vocabulary.ProjectType
    address: Mapped[str] = mapped_column(String(200), default="")
    project_dept_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("org_unit.id"), index=True)
    manager_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    handover_date: Mapped[dt.date]  # 竣工验收合格日期: the warranty starts here
    delivery_date: Mapped[dt.date | None]  # 交付日期
    design_service_life_years: Mapped[int] = mapped_column(default=50)
    # Heating/cooling warranty counts seasons (MM-DD, local calendar).
    heating_season_start: Mapped[str] = mapped_column(String(5), default="11-15")
    heating_season_end: Mapped[str] = mapped_column(String(5), default="03-15")
    cooling_season_start: Mapped[str] = mapped_column(String(5), default="06-01")
    cooling_season_end: Mapped[str] = mapped_column(String(5), default="09-30")
    # On-site arrival limits (SLA) per urgency; the law says "immediately" for emergencies.
    # First-response limits are the *_response_minutes columns below (app/models/sla.py).
    sla_emergency_hours: Mapped[int] = mapped_column(default=2)
    sla_urgent_hours: Mapped[int] = mapped_column(default=24)
    sla_normal_hours: Mapped[int] = mapped_column(default=72)
    repair_days: Mapped[int] = mapped_column(default=7)
    # First response (接单响应: the owner takes the ticket and contacts the reporter), minutes.
    sla_emergency_response_minutes: Mapped[int] = mapped_column(default=30, server_default="30")
    sla_urgent_response_minutes: Mapped[int] = mapped_column(default=120, server_default="120")
    sla_normal_response_minutes: Mapped[int] = mapped_column(default=480, server_default="480")
    # Escalation signal "recurring problem": the same defect category >= N times in D days.
    recurrence_threshold: Mapped[int] = mapped_column(default=3, server_default="3")
    recurrence_window_days: Mapped[int] = mapped_column(default=90, server_default="90")
    cost_rule: Mapped[str] = mapped_column(Text, default="")  # 费用承担原则
    retention_amount_fen: Mapped[int] = mapped_column(default=0)  # 质保金, in fen
    retention_release_date: Mapped[dt.date | None]

    warranty_terms: Mapped[list[WarrantyTerm]] = relationship(
        back_populates="project", cascade="all, delete-orphan"
    )
    subcontractors: Mapped[list[ProjectSubcontractor]] = relationship(
        cascade="all, delete-orphan"
    )


class ProjectSubcontractor(IdMixin, StampMixin, Base):
    """A subcontractor working on a project and the trade it answers for."""

    __tablename__ = "project_subcontractor"
    __table_args__ = (UniqueConstraint("project_id", "org_unit_id", "trade"),)

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project.id"), index=True)
    org_unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("org_unit.id"))
    trade: Mapped[str] = mapped_column(String(50))


class WarrantyTerm(IdMixin, StampMixin, Base):
    """The contract's warranty period for one building part (never below the legal minimum)."""

    __tablename__ = "warranty_term"
    __table_args__ = (UniqueConstraint("project_id", "building_part"),)

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project.id"), index=True)
    building_part: Mapped[str] = mapped_column(String(30))  # vocabulary.BuildingPart
    period: Mapped[int] = mapped_column(default=0)  # years or seasons; 0 for design life
    unit: Mapped[str] = mapped_column(String(20))  # vocabulary.PeriodUnit

    project: Mapped[Project] = relationship(back_populates="warranty_terms")


class DefectCategory(IdMixin, StampMixin, Base):
    """One defect category of the taxonomy for a project type (渗漏, 开裂, 路面沉陷...)."""

    __tablename__ = "defect_category"
    __table_args__ = (UniqueConstraint("project_type", "code"),)

    project_type: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(50))
    building_part: Mapped[str] = mapped_column(String(30))  # the usual part; diagnosis may differ
    sort_key: Mapped[int] = mapped_column(default=0)
