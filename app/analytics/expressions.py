"""SQL building blocks shared by the analytics queries: period bounds, conditional counts and
durations in the database's own date arithmetic."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, func
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.analytics.periods import Period


def within(column: ColumnElement[dt.datetime], period: Period) -> ColumnElement[bool]:
    """The stored (naive UTC) time falls in the period's local days."""
    return and_(column >= period.utc_start, column < period.utc_end)


def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows of the group meet the condition (0, never NULL)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def hours_between(session: Session, start: ColumnElement, end: ColumnElement) -> ColumnElement[float]:
    """end − start in hours, in the database's own date arithmetic."""
    if session.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", end - start) / 3600.0
    # SQLite stores "YYYY-MM-DD HH:MM:SS.ffffff", which julianday reads (days, fractional).
    return (func.julianday(end) - func.julianday(start)) * 24.0
