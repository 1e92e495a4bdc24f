"""Report periods: local (Asia/Shanghai) calendar days as half-open UTC bounds for queries."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from app.models.base import from_local

LOCAL_ZONE = "Asia/Shanghai"


@dataclass(frozen=True)
class Period:
    """Local calendar days `first` … `last`, both included (2026-10-01 … 2026-10-31)."""

    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"period ends before it starts: {self.first} … {self.last}")

    @property
    def utc_start(self) -> dt.datetime:
        """Local midnight starting `first`, as stored (naive UTC); included."""
        return from_local(dt.datetime.combine(self.first, dt.time()), LOCAL_ZONE)

    @property
    def utc_end(self) -> dt.datetime:
        """Local midnight after `last`, as stored (naive UTC); excluded."""
        return from_local(dt.datetime.combine(self.last + dt.timedelta(days=1), dt.time()), LOCAL_ZONE)

    def contains(self, stored: dt.datetime | None) -> bool:
        """Whether a stored (naive UTC) time falls in the period — the rule the SQL uses."""
        return stored is not None and self.utc_start <= stored < self.utc_end


def month(year: int, month_number: int) -> Period:
    last_day = calendar.monthrange(year, month_number)[1]
    return Period(dt.date(year, month_number, 1), dt.date(year, month_number, last_day))


def quarter(year: int, number: int) -> Period:
    if not 1 <= number <= 4:
        raise ValueError(f"quarter must be 1–4, not {number}")
    first_month = 3 * (number - 1) + 1
    return Period(month(year, first_month).first, month(year, first_month + 2).last)


def year(number: int) -> Period:
    return Period(dt.date(number, 1, 1), dt.date(number, 12, 31))


def months_of(period: Period) -> list[Period]:
    """The calendar months a period touches, each cut to the period (for trend lines)."""
    result = []
    cursor = period.first.replace(day=1)
    while cursor <= period.last:
        whole = month(cursor.year, cursor.month)
        result.append(Period(max(whole.first, period.first), min(whole.last, period.last)))
        cursor = whole.last + dt.timedelta(days=1)
    return result
