"""KPIs (app/analytics/kpi.py): each formula on a hand-built month, and SQL against plain Python."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest
from sqlalchemy import select

from app.analytics import periods
from app.analytics.kpi import (
    ALL_PROJECTS,
    BY_DEPARTMENT,
    BY_PERSON,
    KPI_DEFINITIONS,
    KPI_IDS,
    LOW_SATISFACTION,
    KpiRow,
    kpi_definition,
    kpi_table,
    kpi_totals,
    kpi_trends,
    kpis_by_department,
    kpis_by_person,
    trend_months,
)
from app.analytics.periods import Period
from app.models import Project, Ticket
from app.models.ticket import TicketEvent
from app.models.ticket_actions import (
    accept,
    pause_timer,
    reject,
    reopen,
    resume_timer,
    sign,
    submit_for_acceptance,
    take_ticket,
)
from app.models.vocabulary import SignerRole
from tests.unit.lifecycle_world import PNG, T0, build_world, log_repair, register, walk

H = dt.timedelta(hours=1)
D = dt.timedelta(days=1)
MARCH = (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
FEBRUARY = (dt.date(2026, 2, 1), dt.date(2026, 2, 28))


def _finish(db, world, ticket_id, at: dt.datetime, satisfaction: int) -> None:
    """Log the (re)work, report completion, the owner signs and scores: 4 steps 30 min apart."""
    with db.transaction() as session:
        ticket = world.ticket(session, ticket_id)
        tech = world.actor(session, "tech")
        log_repair(session, world, ticket, at)
        submit_for_acceptance(session, ticket, tech, now=at + 0.5 * H)
        sign(session, world.store, ticket, tech, signer_role=SignerRole.OWNER, signer_name="王女士",
             image=PNG, now=at + H)
        accept(session, ticket, tech, satisfaction=satisfaction, now=at + 1.5 * H)


@pytest.fixture
def march(db):
    """Six tickets around March 2026 (local) with known answers; see each comment."""
    world = build_world(db)
    ids = {}
    # A: reported, taken after 0.5 h, completed in 3 h (on time), accepted 5 — all in March.
    ids["A"] = register(db, world, T0)
    walk(db, world, ids["A"], "follow_up", start=T0)

    # B: taken after 1.5 h; the first acceptance fails (rework), then accepted with a 2.
    reported = T0 + D
    ids["B"] = register(db, world, reported)
    clock = walk(db, world, ids["B"], "acceptance", start=reported + H)
    with db.transaction() as session:
        ticket = world.ticket(session, ids["B"])
        reject(session, ticket, world.actor(session, "clerk"), reason="仍有渗水", now=clock + H)
    _finish(db, world, ids["B"], clock + 2 * H, satisfaction=2)

    # C spans the month boundary: reported 2026-02-28 23:00 local and taken at 23:30 local
    # (February), completed at 02:00 on 1 March local — still 28 February in UTC.
    reported = dt.datetime(2026, 2, 28, 15, 0)
    ids["C"] = register(db, world, reported)
    walk(db, world, ids["C"], "follow_up", start=reported)

    # D: taken after 0.5 h, completed 8 days after the report (7-day limit: late), scored 4.
    reported = T0 + 2 * D
    ids["D"] = register(db, world, reported)
    walk(db, world, ids["D"], "in_repair", start=reported)
    _finish(db, world, ids["D"], reported + 8 * D, satisfaction=4)

    # E: done and archived in February, reopened on 10 March and accepted again with a 3.
    reported = dt.datetime(2026, 2, 10, 1, 30)
    ids["E"] = register(db, world, reported)
    walk(db, world, ids["E"], "archived", start=reported)
    reopened = dt.datetime(2026, 3, 10, 2, 0)
    with db.transaction() as session:
        ticket = world.ticket(session, ids["E"])
        reopen(session, ticket, world.actor(session, "pm"), reason="业主反映再次渗水", now=reopened)
    _finish(db, world, ids["E"], reopened + 3 * H, satisfaction=3)

    # F (owner 赵师傅): paused 1 h while the owner was away, taken 2 h after the report.
    reported = T0 + 3 * D
    ids["F"] = register(db, world, reported, owner_id=world.staff["tech2"])
    with db.transaction() as session:
        ticket = world.ticket(session, ids["F"])
        clerk = world.actor(session, "clerk")
        pause_timer(session, ticket, clerk, reason="业主不在家", now=reported + 0.5 * H)
        resume_timer(session, ticket, clerk, now=reported + 1.5 * H)
        take_ticket(session, ticket, world.actor(session, "tech2"), now=reported + 2 * H)
    return world, ids


def _by_name(rows: list[KpiRow]) -> dict[str, KpiRow]:
    return {row.name: row for row in rows}


def test_month_per_person(db, march):
    with db.sessions() as session:
        rows = _by_name(kpis_by_person(session, *MARCH))
    assert set(rows) == {"王师傅", "赵师傅"}
    wang = rows["王师傅"]
    # Handled: A, B, C, D, E accepted in March (C by its local date, E after its reopening).
    assert wang.handled == 5
    # Response: A 0.5 h, B 1.5 h, D 0.5 h; C and E were taken in February.
    assert wang.responded == 3
    assert wang.mean_response_hours == pytest.approx(2.5 / 3, abs=1e-4)
    # On time: completed A, B, C, D, E in March; D took 8 days against 7.
    assert (wang.completed, wang.completed_on_time, wang.on_time_rate) == (5, 4, pytest.approx(0.8))
    # Rework: B (failed acceptance) and E (reopened).
    assert (wang.reworked, wang.rework_rate) == (2, pytest.approx(0.4))
    assert (wang.rated, wang.mean_satisfaction) == (5, pytest.approx((5 + 2 + 5 + 4 + 3) / 5))
    assert (wang.first_time_fixed, wang.first_time_fix_rate) == (3, pytest.approx(0.6))
    # Complaints: B's score of 2, B's failed acceptance, E's reopening.
    assert (wang.low_scores, wang.failed_acceptances, wang.reopenings) == (1, 1, 1)
    assert wang.complaints == 3

    zhao = rows["赵师傅"]
    # The pause counts: response time is wall-clock time from report to taking.
    assert (zhao.responded, zhao.mean_response_hours) == (1, pytest.approx(2.0, abs=1e-4))
    assert zhao.handled == zhao.completed == zhao.complaints == 0
    # Nothing to divide by is no value, not 0.
    assert zhao.on_time_rate is zhao.rework_rate is zhao.mean_satisfaction is None
    assert zhao.first_time_fix_rate is None


def test_month_totals_and_department(db, march):
    world, _ids = march
    with db.sessions() as session:
        totals = kpi_totals(session, *MARCH)
        departments = kpis_by_department(session, *MARCH)
        project = kpi_totals(session, *MARCH, project_id=world.project_id)
        dept = kpi_totals(session, *MARCH, department_id=world.dept_id)
    assert totals.handled == 5 and totals.responded == 4
    assert totals.mean_response_hours == pytest.approx((0.5 + 1.5 + 0.5 + 2.0) / 4, abs=1e-4)
    assert totals.on_time_rate == pytest.approx(0.8)
    assert totals.mean_satisfaction == pytest.approx(3.8)
    assert totals.complaints == 3
    assert [row.name for row in departments] == ["第一项目部"]
    assert departments[0].key == world.dept_id
    assert _same_numbers(departments[0], totals)
    assert _same_numbers(project, totals) and _same_numbers(dept, totals)


def test_ticket_spanning_the_boundary_and_reopened_ticket_in_february(db, march):
    """February keeps C's and E's responses; E's February acceptance was undone by reopening."""
    with db.sessions() as session:
        totals = kpi_totals(session, *FEBRUARY)
        people = kpis_by_person(session, *FEBRUARY)
    assert (totals.responded, totals.mean_response_hours) == (2, pytest.approx(0.5, abs=1e-4))
    assert totals.handled == totals.completed == totals.complaints == 0
    assert totals.on_time_rate is None and totals.mean_satisfaction is None
    assert [row.name for row in people] == ["王师傅"]
    # Day by day: C was completed on 1 March local time, not on 28 February.
    with db.sessions() as session:
        last_day = kpi_totals(session, dt.date(2026, 2, 28), dt.date(2026, 2, 28))
        first_day = kpi_totals(session, dt.date(2026, 3, 1), dt.date(2026, 3, 1))
    assert (last_day.responded, last_day.completed) == (1, 0)
    assert (first_day.responded, first_day.completed, first_day.handled) == (0, 1, 1)


def test_empty_period_and_other_project(db, march):
    world, _ids = march
    with db.sessions() as session:
        assert kpis_by_person(session, dt.date(2025, 1, 1), dt.date(2025, 1, 31)) == []
        assert kpis_by_department(session, dt.date(2025, 1, 1), dt.date(2025, 1, 31)) == []
        empty = kpi_totals(session, dt.date(2025, 1, 1), dt.date(2025, 1, 31))
        assert kpis_by_person(session, *MARCH, project_id=world.other_project_id) == []
    assert empty.handled == empty.responded == empty.completed == empty.complaints == 0
    assert empty.mean_response_hours is None and empty.on_time_rate is None
    assert empty.rework_rate is None and empty.mean_satisfaction is None
    assert empty.first_time_fix_rate is None


def test_periods_are_local_days():
    march = periods.month(2026, 3)
    assert (march.utc_start, march.utc_end) == (dt.datetime(2026, 2, 28, 16), dt.datetime(2026, 3, 31, 16))
    assert periods.quarter(2026, 4) == Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert periods.year(2026).utc_end == dt.datetime(2026, 12, 31, 16)
    assert [p.first.month for p in periods.months_of(Period(dt.date(2026, 1, 15), dt.date(2026, 3, 2)))] == [1, 2, 3]
    with pytest.raises(ValueError):
        Period(dt.date(2026, 3, 2), dt.date(2026, 3, 1))


def _same_numbers(a: KpiRow, b: KpiRow) -> bool:
    fields = [f for f in KpiRow.__dataclass_fields__ if f not in ("key", "name")]
    return all(getattr(a, f) == pytest.approx(getattr(b, f)) for f in fields)


# ---------------------------------------------------------------------------------------------
# SQL against plain Python on the demo store
# ---------------------------------------------------------------------------------------------


def _python_kpis(tickets, events, period: Period, key_of) -> dict:
    """The definitions of docs/kpi.md, written out ticket by ticket."""
    sums: dict = defaultdict(lambda: defaultdict(float))
    hours: dict = defaultdict(list)
    scores: dict = defaultdict(list)
    by_id = {t.id: t for t in tickets}
    for t in tickets:
        key = key_of(t)
        if not any(period.contains(v) for v in (t.responded_at, t.completed_at, t.accepted_at)):
            continue
        s = sums[key]
        if period.contains(t.responded_at):
            s["responded"] += 1
            hours[key].append((t.responded_at - t.reported_at).total_seconds() / 3600)
        if period.contains(t.completed_at):
            s["completed"] += 1
            s["on_time"] += t.completed_at <= t.completion_due_at
        if period.contains(t.accepted_at):
            s["handled"] += 1
            s["reworked"] += t.rework_count >= 1
            s["first_time"] += t.rework_count == 0
            s["low"] += t.satisfaction is not None and t.satisfaction <= LOW_SATISFACTION
            if t.satisfaction is not None:
                scores[key].append(t.satisfaction)
    for e in events:
        if period.contains(e.at) and e.new_value == "in_repair":
            key = key_of(by_id[e.ticket_id])
            if e.old_value == "acceptance":
                sums[key]["failed"] += 1
            elif e.old_value == "archived":
                sums[key]["reopened"] += 1
    return {key: (s, hours[key], scores[key]) for key, s in sums.items()}


def _check(row: KpiRow, expected) -> None:
    s, hours, scores = expected
    assert row.handled == s["handled"] and row.responded == s["responded"]
    assert row.completed == s["completed"] and row.completed_on_time == s["on_time"]
    assert row.reworked == s["reworked"] and row.first_time_fixed == s["first_time"]
    assert row.low_scores == s["low"] and row.failed_acceptances == s["failed"]
    assert row.reopenings == s["reopened"]
    assert row.complaints == s["low"] + s["failed"] + s["reopened"]
    mean_hours = sum(hours) / len(hours) if hours else None
    assert row.mean_response_hours == pytest.approx(mean_hours, abs=1e-3)
    assert row.mean_satisfaction == pytest.approx(sum(scores) / len(scores) if scores else None)
    assert row.on_time_rate == pytest.approx(s["on_time"] / s["completed"] if s["completed"] else None)
    assert row.rework_rate == pytest.approx(s["reworked"] / s["handled"] if s["handled"] else None)


def test_sql_agrees_with_python_on_demo_data(demo_db):
    with demo_db.sessions() as session:
        tickets = session.scalars(select(Ticket)).all()
        dept_of = dict(session.execute(select(Project.id, Project.project_dept_id)).all())
        events = session.scalars(
            select(TicketEvent).where(TicketEvent.kind == "state", TicketEvent.field == "state")
        ).all()
        years = sorted({t.reported_at.year for t in tickets})
        checked = 0
        for period in [periods.year(y) for y in years] + periods.months_of(periods.year(years[-1])):
            people = _python_kpis(tickets, events, period, lambda t: t.owner_id)
            rows = kpis_by_person(session, period.first, period.last)
            assert {row.key for row in rows} == {k for k in people if k is not None}
            for row in rows:
                _check(row, people[row.key])
            departments = _python_kpis(tickets, events, period, lambda t: dept_of[t.project_id])
            rows = kpis_by_department(session, period.first, period.last)
            assert {row.key for row in rows} == set(departments)
            for row in rows:
                _check(row, departments[row.key])
            everything = _python_kpis(tickets, events, period, lambda t: None)
            _check(kpi_totals(session, period.first, period.last), everything.get(None, _NOTHING))
            checked += sum(row.handled for row in rows)
    assert checked > 100  # the demo data really exercised the formulas
    assert any(e.old_value == "archived" for e in events)  # and had reopened tickets


_NOTHING = (defaultdict(float), [], [])


# ---------------------------------------------------------------------------------------------
# Trends: the same formulas per calendar month, one grouped pass per deciding time
# ---------------------------------------------------------------------------------------------

FEB_MARCH = Period(dt.date(2026, 2, 1), dt.date(2026, 3, 31))


def _named_trends(db, world, kpi: str, by: str = BY_PERSON, period: Period = FEB_MARCH) -> dict:
    with db.sessions() as session:
        trends = kpi_trends(session, period, by, kpi)
    names = {world.staff["tech"]: "王师傅", world.staff["tech2"]: "赵师傅", world.dept_id: "第一项目部"}
    return {names[key]: values for key, values in trends.items()}


def test_trends_per_month_on_the_hand_built_data(db, march):
    world, _ids = march
    # Handled by acceptance month: nothing stays accepted in February (E was reopened).
    assert _named_trends(db, world, "handled") == {"王师傅": [0, 5]}
    # Response by response month: C (0.5 h) and E (0.5 h) in February, A, B, D in March;
    # 赵师傅 only responded, so only the response trend has him.
    response = _named_trends(db, world, "mean_response_hours")
    assert response["王师傅"] == [pytest.approx(0.5, abs=1e-4), pytest.approx(2.5 / 3, abs=1e-4)]
    assert response["赵师傅"] == [None, pytest.approx(2.0, abs=1e-4)]
    # C's completion at 02:00 local on 1 March (still February in UTC) counts in March.
    assert _named_trends(db, world, "on_time_rate") == {"王师傅": [None, pytest.approx(0.8)]}
    assert _named_trends(db, world, "rework_rate") == {"王师傅": [None, pytest.approx(0.4)]}
    assert _named_trends(db, world, "first_time_fix_rate") == {"王师傅": [None, pytest.approx(0.6)]}
    assert _named_trends(db, world, "mean_satisfaction") == {"王师傅": [None, pytest.approx(3.8)]}
    # Complaints: B's score of 2 and failed acceptance, E's reopening — all in March.
    assert _named_trends(db, world, "complaints") == {"王师傅": [0, 3]}
    # A one-month period is a one-point trend.
    march = Period(*MARCH)
    assert _named_trends(db, world, "complaints", period=march) == {"王师傅": [3]}
    assert _named_trends(db, world, "on_time_rate", period=march) == {"王师傅": [pytest.approx(0.8)]}
    assert _named_trends(db, world, "complaints", BY_DEPARTMENT) == {"第一项目部": [0, 3]}


def test_trend_of_a_period_cut_inside_months(db, march):
    """A period from 28 Feb to 1 Mar has two months of one day each."""
    world, _ids = march
    one_day_each = Period(dt.date(2026, 2, 28), dt.date(2026, 3, 1))
    # C: taken on 28 Feb (local), completed and accepted on 1 Mar (local).
    assert _named_trends(db, world, "handled", period=one_day_each) == {"王师傅": [0, 1]}
    response = _named_trends(db, world, "mean_response_hours", period=one_day_each)
    assert response == {"王师傅": [pytest.approx(0.5, abs=1e-4), None]}


def test_trends_of_an_empty_period_and_unknown_kpi(db, march):
    with db.sessions() as session:
        assert kpi_trends(session, periods.year(2025), BY_PERSON, "complaints") == {}
        with pytest.raises(KeyError):
            kpi_trends(session, periods.year(2026), BY_PERSON, "speed")
        with pytest.raises(ValueError):
            kpi_trends(session, periods.year(2026), "team", "handled")


def test_trend_months_of_short_and_long_periods():
    # One month is no trend: the six months ending with it.
    months = trend_months(periods.month(2026, 3))
    assert [(m.first.year, m.first.month) for m in months] == [
        (2025, 10), (2025, 11), (2025, 12), (2026, 1), (2026, 2), (2026, 3)]
    assert months[-1] == periods.month(2026, 3)
    assert trend_months(periods.quarter(2026, 3)) == periods.months_of(periods.quarter(2026, 3))
    assert len(trend_months(periods.year(2026))) == 12
    # Cut periods keep their cut ends.
    assert trend_months(Period(dt.date(2026, 1, 15), dt.date(2026, 3, 2)))[0].first == dt.date(2026, 1, 15)


def test_kpi_table_bundles_rows_totals_and_trends(db, march):
    world, _ids = march
    with db.sessions() as session:
        table = kpi_table(session, periods.month(2026, 3), BY_PERSON, trend_kpi="complaints")
        rows = kpis_by_person(session, *MARCH)
        project = kpi_table(session, periods.month(2026, 3), BY_DEPARTMENT,
                            project_id=world.project_id)
    assert table.rows == rows and table.scope == ALL_PROJECTS
    assert table.totals.name == "合计" and table.totals.complaints == 3
    assert len(table.trend_months) == 6
    wang = next(row for row in rows if row.name == "王师傅")
    zhao = next(row for row in rows if row.name == "赵师傅")
    assert table.trend(wang.key) == [0, 0, 0, 0, 0, 3]
    assert table.trend(zhao.key) == [None] * 6  # nothing to count: no line
    assert project.scope != ALL_PROJECTS and [row.name for row in project.rows] == ["第一项目部"]


def test_definitions_cover_every_indicator():
    assert tuple(d.identifier for d in KPI_DEFINITIONS) == KPI_IDS
    assert all(i in KpiRow.__dataclass_fields__ for i in KPI_IDS)
    assert kpi_definition("on_time_rate").is_rate and not kpi_definition("handled").is_rate
    with pytest.raises(KeyError):
        kpi_definition("speed")


def test_trends_agree_with_the_table_month_by_month_on_demo_data(demo_db):
    """Each month of a year's trend is the KPI table of that month, for every KPI."""
    with demo_db.sessions() as session:
        latest = session.scalar(select(Ticket.reported_at).order_by(Ticket.reported_at.desc()).limit(1))
        year = periods.year(latest.year - 1)
        months = periods.months_of(year)
        for by, table_of in ((BY_PERSON, kpis_by_person), (BY_DEPARTMENT, kpis_by_department)):
            tables = [{row.key: row for row in table_of(session, m.first, m.last)} for m in months]
            for kpi in KPI_IDS:
                trends = kpi_trends(session, year, by, kpi)
                # Every row with something to show has a trend; nobody else has one.
                assert set(trends) <= set().union(*tables)
                assert all(key in trends for table in tables for key, row in table.items()
                           if getattr(row, kpi))
                for key, values in trends.items():
                    for index, value in enumerate(values):
                        row = tables[index].get(key)
                        expected = getattr(row, kpi) if row else (0 if kpi in ("handled", "complaints") else None)
                        assert value == pytest.approx(expected), (by, kpi, index)
        assert sum(row.handled for table in tables for row in table.values()) > 50


def test_kpi_table_totals_are_kpi_totals_on_demo_data(demo_db):
    """The table's totals come from its own grouped facts (owner-less tickets included)."""
    with demo_db.sessions() as session:
        project_id = session.scalar(select(Project.id).limit(1))
        for period in (periods.year(2025), periods.month(2026, 11), periods.quarter(2026, 2)):
            for by in (BY_PERSON, BY_DEPARTMENT):
                for scope in (None, project_id):
                    table = kpi_table(session, period, by, project_id=scope, trend_kpi=None)
                    totals = kpi_totals(session, period.first, period.last, project_id=scope)
                    assert _same_numbers(table.totals, totals), (period, by, scope)
                    assert table.trends == {} and table.trend_kpi == ""
        assert totals.handled > 0
