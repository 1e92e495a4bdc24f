"""Month figures (app/analytics/month_stats.py, app/models/month_stat.py): stored months give the
same numbers as counting the tickets, and every kind of write strikes the months it changes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, text

from app.analytics import dashboard, kpi, periods
from app.analytics.month_stats import Source, live_query, month_key, refresh, source_rows
from app.analytics.periods import Period
from app.models.month_stat import month_stat, month_stat_built
from app.models.ticket_actions import reject
from tests.unit.lifecycle_world import T0, build_world, register, walk

H = dt.timedelta(hours=1)
MARCH = periods.month(2026, 3)
# Cut at both ends: February and May are counted from the tickets, March and April stored.
RANGE = Period(dt.date(2026, 2, 10), dt.date(2026, 5, 20))


def _built(db) -> set[str]:
    with db.sessions() as session:
        return set(session.scalars(select(month_stat_built.c.month)))


def _figures(session, period: Period) -> list:
    """Every dashboard chart and KPI figure of the period (read without refreshing)."""
    scope = {"project_id": None, "department_id": None}
    return [
        dashboard.monthly_trend(session, period, **scope),
        dashboard.category_pareto(session, period, **scope),
        dashboard.location_heat_maps(session, period, **scope),
        dashboard.response_time_distribution(session, period, **scope),
        dashboard.repair_time_distribution(session, period, **scope),
        dashboard.satisfaction_distribution(session, period, **scope),
        kpi.kpis_by_person(session, period.first, period.last),
        kpi.kpis_by_department(session, period.first, period.last),
        kpi.kpi_trends(session, period, kpi.BY_PERSON, "complaints"),
        kpi.kpi_trends(session, period, kpi.BY_DEPARTMENT, "mean_response_hours"),
    ]


def _counted(db, period: Period) -> list:
    """The figures counted from the tickets: inside a transaction nothing is refreshed, and
    with no month marked current nothing stored is read."""
    with db.transaction() as session:
        session.execute(month_stat_built.delete())
    with db.transaction() as session:
        return _figures(session, period)


def _stored(db, period: Period) -> list:
    with db.sessions() as session:
        refresh(session, period, *dashboard.year_before_months(period))
    with db.transaction() as session:
        return _figures(session, period)


def test_stored_months_give_the_numbers_counted_from_tickets(demo_db):
    chosen = [periods.year(2025), periods.quarter(2026, 1), RANGE]
    counted = {p: _counted(demo_db, p) for p in chosen}
    assert not _built(demo_db)
    for period in chosen:
        assert _stored(demo_db, period) == counted[period], period
    built = _built(demo_db)
    assert {"2025", "2025-01", "2025-12", "2026-03", "2026-04"} <= built
    assert "2026-02" in built  # whole in 2026Q1, so stored by that period's refresh
    assert sum(bar.count for bar in counted[chosen[0]][1]) > 100
    assert sum(row.complaints for row in counted[chosen[0]][6]) > 0


def test_a_stored_month_holds_the_rows_of_its_count(demo_db):
    with demo_db.sessions() as session:
        assert refresh(session, MARCH) == 1
    with demo_db.sessions() as session:
        for source in Source:
            stored = session.execute(
                select(*[month_stat.c[c] for c in ("project_id", "owner_id", "category_id",
                                                   "place_id", "inner", "bucket", "status",
                                                   "score", "n")])
                .where(month_stat.c.source == str(source), month_stat.c.month == "2026-03")).all()
            live = live_query(session, source, MARCH, "2026-03").subquery()
            counted = session.execute(select(
                live.c.project_id, live.c.owner_id, live.c.category_id, live.c.place_id,
                live.c.inner, live.c.bucket, live.c.status, live.c.score, live.c.n)).all()
            assert sorted(map(tuple, stored), key=repr) == sorted(map(tuple, counted), key=repr)
        assert refresh(session, MARCH) == 0  # in a transaction now: left to the next reader


def test_a_partly_covered_month_is_counted_not_read(demo_db):
    with demo_db.sessions() as session:
        refresh(session, RANGE)
    assert {"2026-03", "2026-04"} <= _built(demo_db)
    assert not {"2026-02", "2026-05"} & _built(demo_db)
    with demo_db.sessions() as session:
        query = str(select(source_rows(session, Source.REPORTED, RANGE)).compile())
    assert "ticket_month_stat" in query and "ticket.reported_at" in query


def test_every_kind_of_write_strikes_its_months(db):
    world = build_world(db)
    ticket_id = register(db, world, T0)
    walk(db, world, ticket_id, "acceptance", start=T0)
    both = Period(dt.date(2026, 2, 1), dt.date(2026, 4, 30))

    def refreshed() -> None:
        with db.sessions() as session:
            refresh(session, both)
        assert {"2026-02", "2026-03", "2026-04"} <= _built(db)

    def same_as_counted() -> None:
        stored = _stored(db, both)
        assert stored == _counted(db, both)

    refreshed()
    # An engine action in March: a failed acceptance (a rework event and a cleared completion).
    with db.transaction() as session:
        reject(session, world.ticket(session, ticket_id), world.actor(session, "clerk"),
               reason="仍有渗水", now=T0 + 10 * H)
    assert "2026-03" not in _built(db) and "2026-02" in _built(db)
    same_as_counted()
    with db.sessions() as session:
        rework = kpi.kpi_totals(session, MARCH.first, MARCH.last)
    assert rework.failed_acceptances == 1

    # Raw SQL moving the report into February strikes both months.
    refreshed()
    with db.transaction() as session:
        session.execute(text("UPDATE ticket SET reported_at = '2026-02-15 02:00:00.000000'"))
    assert not {"2026-02", "2026-03"} & _built(db)
    same_as_counted()
    with db.sessions() as session:
        trend = dashboard.monthly_trend(session, both)
    assert [m.received for m in trend] == [1, 0, 0]

    # A whole year is summed from its months, and struck with them.
    with db.sessions() as session:  # the running year is read by month, not summed
        assert refresh(session, periods.year(2026), today=dt.date(2026, 11, 24)) == 12
    assert "2026" not in _built(db)
    with db.sessions() as session:
        assert refresh(session, periods.year(2026), today=dt.date(2027, 1, 2)) == 1
        query = str(select(source_rows(session, Source.PLACED, periods.year(2026))).compile())
    assert "ticket_month_stat" in query and "ticket.reported_at" not in query
    assert _stored(db, periods.year(2026)) == _counted(db, periods.year(2026))
    refreshed()
    with db.sessions() as session:
        refresh(session, periods.year(2026), today=dt.date(2027, 1, 2))
    with db.transaction() as session:
        session.execute(text("UPDATE ticket SET satisfaction = 1"))
    assert not {"2026", "2026-02", "2026-03"} & _built(db)
    assert {"2026-01", "2026-04"} <= _built(db)

    # An edit of a field nothing counts leaves every month current.
    refreshed()
    before = _built(db)
    with db.transaction() as session:
        session.execute(text("UPDATE ticket SET description = '厨房顶部渗水'"))
    assert _built(db) == before

    # A renamed place changes the heat map's floors and rows: every month is rebuilt.
    with db.transaction() as session:
        session.execute(text("UPDATE location SET name = '3号楼' WHERE kind = 'building'"))
    assert _built(db) == set()
    same_as_counted()

    # A deleted rework event and a deleted ticket.
    refreshed()
    with db.transaction() as session:
        session.execute(text("DELETE FROM ticket_event WHERE old_value = 'acceptance'"
                             " AND new_value = 'in_repair'"))
    assert "2026-03" not in _built(db)
    same_as_counted()
    refreshed()
    with db.transaction() as session:
        for table in ("ticket_search_doc", "signature", "attachment", "work_log", "plan_material",
                      "ticket_event", "printed_document", "sync_outbox"):
            session.execute(text(f"DELETE FROM {table}"))
        session.execute(text("DELETE FROM ticket"))
    assert not {"2026-02", "2026-03"} & _built(db)
    with db.sessions() as session:
        trend = dashboard.monthly_trend(session, both)
    assert [m.received for m in trend] == [0, 0, 0]
    assert month_key(MARCH) == "2026-03"


def test_a_busy_store_is_counted_from_tickets_and_rebuilt_later(db):
    world = build_world(db)
    register(db, world, T0)
    with db.sessions() as writer:
        writer.execute(text("UPDATE ticket SET description = description"))  # holds the lock
        with db.sessions() as reader:
            assert refresh(reader, MARCH) == 0
        with db.sessions() as reader:
            assert dashboard.monthly_trend(reader, MARCH)[0].received == 1
        writer.rollback()
    assert _built(db) == set()
    with db.sessions() as reader:
        assert refresh(reader, MARCH) == 1
    assert _built(db) == {"2026-03"}
