"""Monthly ticket figures kept for the dashboard and the KPIs (app/analytics/month_stats.py).

`ticket_month_stat` holds, per local calendar month (and whole year) and *source* (the moment a figure is
counted by: reported, responded, completed, accepted, archived, rework event), the ticket
counts grouped by the dimensions the charts and KPI tables need. It is derived data, local to
each store and never synced: `ticket_month_stat_built` lists the months whose figures are
current, and SQLite triggers strike a month off that list whenever a write could change one of
its figures — from any writer (the engine, an import, the demo generator, a sync pull, raw
SQL). Analytics rebuild a struck month from the tickets the next time it is read.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, Index, Integer, String, Table

from app.models.base import GUID, Base

# The zone's month of a stored (naive UTC) time, in SQLite. Asia/Shanghai has kept UTC+8
# without daylight saving since 1991, so a fixed offset is exact for every stored time.
LOCAL_OFFSET = "+8 hours"

month_stat = Table(
    "ticket_month_stat",
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("month", String(7), nullable=False),  # local calendar month "2026-10", or year "2026"
    Column("source", String(12), nullable=False),  # month_stats.Source
    Column("project_id", GUID(), nullable=False),
    Column("owner_id", GUID(), nullable=True),
    Column("category_id", GUID(), nullable=True),
    # The heat-map row (building, section or system) and, inside a building, the floor or
    # system the ticket's place lies in (name, kind and tree order).
    Column("place_id", GUID(), nullable=True),
    Column("place_kind", String(20), nullable=True),
    Column("inner", String(50), nullable=True),
    Column("inner_kind", String(20), nullable=True),
    Column("inner_order", Integer, nullable=True),
    Column("bucket", Integer, nullable=True),  # response / repair duration bucket
    Column("status", Integer, nullable=True),  # late, on time, reworked… (per source)
    Column("score", Integer, nullable=True),  # satisfaction 1–5
    Column("n", Integer, nullable=False),  # tickets (or rework events)
    Column("hours", Float, nullable=True),  # summed response hours
    Index("ix_ticket_month_stat_source_month", "source", "month"),
)

month_stat_built = Table(
    "ticket_month_stat_built",
    Base.metadata,
    Column("month", String(7), primary_key=True),
)

# Every ticket column a figure depends on (moments, timer limits, grouping dimensions).
_TICKET_COLUMNS = (
    "reported_at", "responded_at", "response_due_at", "completed_at", "completion_due_at",
    "accepted_at", "archived_at", "satisfaction", "rework_count", "project_id", "owner_id",
    "defect_category_id", "location_id",
)
_TICKET_MOMENTS = ("reported_at", "responded_at", "completed_at", "accepted_at", "archived_at")
_REWORK_EVENT = (
    "{row}.kind = 'state' AND {row}.field = 'state' AND {row}.new_value = 'in_repair'"
    " AND {row}.old_value IN ('acceptance', 'archived')"
)


def _months(row: str, columns: tuple[str, ...]) -> str:
    """The month and the year keys of the times in `columns` of the row."""
    return ", ".join(f"strftime('{form}', {row}.{c}, '{LOCAL_OFFSET}')"
                     for c in columns for form in ("%Y-%m", "%Y"))


def _strike(months: str) -> str:
    return f"DELETE FROM ticket_month_stat_built WHERE month IN ({months});"


_REWORK_MONTHS_OF_TICKET = (
    "DELETE FROM ticket_month_stat_built WHERE month IN ("
    f"SELECT strftime('%Y-%m', e.at, '{LOCAL_OFFSET}') FROM ticket_event AS e"
    f" WHERE e.ticket_id = OLD.id AND {_REWORK_EVENT.format(row='e')}"
    f" UNION SELECT strftime('%Y', e.at, '{LOCAL_OFFSET}') FROM ticket_event AS e"
    f" WHERE e.ticket_id = OLD.id AND {_REWORK_EVENT.format(row='e')});"
)
_CHANGED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _TICKET_COLUMNS)

# (name, statement): created by migration 0009, dropped by its downgrade.
TRIGGERS: tuple[tuple[str, str], ...] = (
    ("ticket_month_stat_ticket_insert",
     "CREATE TRIGGER ticket_month_stat_ticket_insert AFTER INSERT ON ticket BEGIN "
     f"{_strike(_months('NEW', _TICKET_MOMENTS))} END"),
    ("ticket_month_stat_ticket_delete",
     "CREATE TRIGGER ticket_month_stat_ticket_delete AFTER DELETE ON ticket BEGIN "
     f"{_strike(_months('OLD', _TICKET_MOMENTS))} {_REWORK_MONTHS_OF_TICKET} END"),
    ("ticket_month_stat_ticket_update",
     f"CREATE TRIGGER ticket_month_stat_ticket_update AFTER UPDATE OF {', '.join(_TICKET_COLUMNS)}"
     f" ON ticket WHEN {_CHANGED} BEGIN "
     f"{_strike(_months('OLD', _TICKET_MOMENTS) + ', ' + _months('NEW', _TICKET_MOMENTS))} "
     f"{_REWORK_MONTHS_OF_TICKET} END"),
    ("ticket_month_stat_event_insert",
     "CREATE TRIGGER ticket_month_stat_event_insert AFTER INSERT ON ticket_event"
     f" WHEN {_REWORK_EVENT.format(row='NEW')} BEGIN {_strike(_months('NEW', ('at',)))} END"),
    ("ticket_month_stat_event_delete",
     "CREATE TRIGGER ticket_month_stat_event_delete AFTER DELETE ON ticket_event"
     f" WHEN {_REWORK_EVENT.format(row='OLD')} BEGIN {_strike(_months('OLD', ('at',)))} END"),
    ("ticket_month_stat_event_update",
     "CREATE TRIGGER ticket_month_stat_event_update AFTER UPDATE ON ticket_event"
     f" WHEN ({_REWORK_EVENT.format(row='OLD')}) OR ({_REWORK_EVENT.format(row='NEW')}) BEGIN "
     f"{_strike(_months('OLD', ('at',)) + ', ' + _months('NEW', ('at',)))} END"),
    # A moved, renamed or re-kinded place changes which heat-map row and floor its tickets
    # count for: every month is rebuilt (places change seldom, tickets often).
    ("ticket_month_stat_location_update",
     "CREATE TRIGGER ticket_month_stat_location_update AFTER UPDATE OF parent_id, kind, name,"
     " sort_key ON location WHEN OLD.parent_id IS NOT NEW.parent_id OR OLD.kind IS NOT NEW.kind"
     " OR OLD.name IS NOT NEW.name OR OLD.sort_key IS NOT NEW.sort_key"
     " BEGIN DELETE FROM ticket_month_stat_built; END"),
    ("ticket_month_stat_location_delete",
     "CREATE TRIGGER ticket_month_stat_location_delete AFTER DELETE ON location"
     " BEGIN DELETE FROM ticket_month_stat_built; END"),
)
