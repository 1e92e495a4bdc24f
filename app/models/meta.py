"""Installation settings kept in the database and the per-installation ticket counter."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class AppMeta(Base):
    """Key/value facts about this database (installation code, company name...)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(500))


class TicketCounter(Base):
    """The last ticket sequence issued by one installation in one year (never shared)."""

    __tablename__ = "ticket_counter"

    installation_code: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last_seq: Mapped[int] = mapped_column(default=0)
