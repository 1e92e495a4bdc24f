"""Declarative base, the id column type and the timestamp helpers every entity uses."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import DateTime, LargeBinary, MetaData, TypeDecorator
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.models.ids import new_id

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class GUID(TypeDecorator[uuid.UUID]):
    """A UUID: 16 bytes in SQLite (half the size of text), native uuid in PostgreSQL."""

    impl = LargeBinary(16)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(postgresql.UUID(as_uuid=True))
        return dialect.type_descriptor(LargeBinary(16))

    def process_bind_param(self, value, dialect):
        if value is None or dialect.name == "postgresql":
            return value
        if not isinstance(value, uuid.UUID):
            value = uuid.UUID(str(value))
        return value.bytes

    def process_result_value(self, value, dialect):
        if value is None or isinstance(value, uuid.UUID):
            return value
        return uuid.UUID(bytes=bytes(value))


def utcnow() -> dt.datetime:
    """Now in UTC, naive (DESIGN.md: store UTC, show local time)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {uuid.UUID: GUID(), dt.datetime: DateTime()}


class IdMixin:
    """A client-generated UUIDv7 primary key (every synced row has one)."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)


class StampMixin:
    """When a row was created and last changed (UTC)."""

    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


def to_local(value: dt.datetime, zone: str = "Asia/Shanghai") -> dt.datetime:
    """A stored UTC time as the clerk's local time (aware)."""
    from zoneinfo import ZoneInfo

    return value.replace(tzinfo=dt.UTC).astimezone(ZoneInfo(zone))


def from_local(value: dt.datetime, zone: str = "Asia/Shanghai") -> dt.datetime:
    """A time the clerk typed (naive, local) as stored UTC (naive)."""
    from zoneinfo import ZoneInfo

    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(zone))
    return value.astimezone(dt.UTC).replace(tzinfo=None)
