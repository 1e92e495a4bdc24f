"""Organisation units (总部/项目部/分包单位), staff and customers with the units they own."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, IdMixin, StampMixin


class OrgUnit(IdMixin, StampMixin, Base):
    """One unit of the three-level organisation: HQ, a project department, a subcontractor."""

    __tablename__ = "org_unit"

    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20), index=True)  # vocabulary.OrgKind
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("org_unit.id"))
    trades: Mapped[str] = mapped_column(String(200), default="")  # subcontractors: 防水, 电气...
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(30), default="")

    parent: Mapped[OrgUnit | None] = relationship(remote_side="OrgUnit.id")


class Staff(IdMixin, StampMixin, Base):
    """A person of ours or of a subcontractor, with one role."""

    __tablename__ = "staff"

    name: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(String(30), default="")
    role: Mapped[str] = mapped_column(String(20), index=True)  # vocabulary.Role
    org_unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("org_unit.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)

    org_unit: Mapped[OrgUnit] = relationship()


class Customer(IdMixin, StampMixin, Base):
    """An owner (业主) or tenant who reports problems."""

    __tablename__ = "customer"

    name: Mapped[str] = mapped_column(String(50), index=True)
    phone: Mapped[str] = mapped_column(String(30), index=True)
    alt_phone: Mapped[str] = mapped_column(String(30), default="")
    preferences: Mapped[str] = mapped_column(Text, default="")  # e.g. 工作日晚上联系
    notes: Mapped[str] = mapped_column(Text, default="")

    units: Mapped[list[UnitOwnership]] = relationship(back_populates="customer")


class UnitOwnership(IdMixin, StampMixin, Base):
    """A customer owns (or rents) a room/unit from a date."""

    __tablename__ = "unit_ownership"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("location.id"), index=True)
    since: Mapped[dt.date | None]

    customer: Mapped[Customer] = relationship(back_populates="units")
