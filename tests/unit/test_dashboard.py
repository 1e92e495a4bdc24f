"""Dashboard aggregates (app/analytics/dashboard.py): known answers, empty period, SQL vs Python."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from app.analytics import periods
from app.analytics.dashboard import (
    NO_FLOOR,
    REPAIR_BUCKET_DAYS,
    RESPONSE_BUCKET_HOURS,
    HeatLayout,
    category_pareto,
    dashboard_snapshot,
    drill_down,
    heat_cell_locations,
    location_counts,
    location_heat_maps,
    monthly_trend,
    open_tickets,
    repair_time_distribution,
    response_time_distribution,
    satisfaction_distribution,
)
from app.analytics.kpi import kpi_totals
from app.analytics.periods import Period
from app.models import Project, Ticket
from app.models.base import to_local
from app.models.location import Location
from app.models.project import DefectCategory
from app.models.sla import AgeBand, age_band, is_overdue
from app.models.sla import Timer as SlaTimer
from app.models.ticket_actions import accept, sign, submit_for_acceptance
from app.models.ticket_list import count_tickets
from app.models.vocabulary import OPEN_STATES, LocationKind, SignerRole
from tests.unit.lifecycle_world import (
    CRACK,
    LEAK,
    PNG,
    ROAD_CRACK,
    T0,
    build_world,
    log_repair,
    register,
    walk,
)

H = dt.timedelta(hours=1)
D = dt.timedelta(days=1)
M5 = dt.timedelta(minutes=5)  # keeps hand-built durations off the bucket bounds
MARCH = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
FEB_MARCH = Period(dt.date(2026, 2, 1), dt.date(2026, 3, 31))
NOW = dt.datetime(2026, 3, 20, 1, 0)  # 09:00 on 20 March in Shanghai


def _finish(db, world, ticket_id, at: dt.datetime) -> None:
    with db.transaction() as session:
        ticket = world.ticket(session, ticket_id)
        tech = world.actor(session, "tech")
        log_repair(session, world, ticket, at)
        submit_for_acceptance(session, ticket, tech, now=at + 0.5 * H)
        sign(session, world.store, ticket, tech, signer_role=SignerRole.OWNER, signer_name="王女士",
             image=PNG, now=at + H)
        accept(session, ticket, tech, satisfaction=4, now=at + 1.5 * H)


@pytest.fixture
def spring(db):
    """Tickets around February–March 2026 and the same months of 2025; see each comment."""
    world = build_world(db)
    with db.transaction() as session:
        section = Location(project_id=world.other_project_id, kind="section", name="K0–K5标段",
                           full_name="K0–K5标段")
        session.add(section)
        session.flush()
        chainage = Location(project_id=world.other_project_id, parent_id=section.id,
                            kind="chainage", name="K3+200", full_name="K0–K5标段 K3+200")
        session.add(chainage)
        session.flush()
        world.section_id, world.chainage_id = section.id, chainage.id
    ids = {}
    # A: leak in 1502, reported 2 March, taken after 35 min, archived the same day.
    ids["A"] = register(db, world, T0)
    walk(db, world, ids["A"], "archived", start=T0 + M5)
    # B: reported 23:00 on 28 Feb (local), taken 23:30 (Feb), completed 02:00 on 1 March
    # local (28 Feb in UTC) and accepted; still in 回访 — its visit was due on 8 March.
    reported = dt.datetime(2026, 2, 28, 15, 0)
    ids["B"] = register(db, world, reported)
    walk(db, world, ids["B"], "follow_up", start=reported)
    # D: structural crack in 801, taken after 35 min, completed 8 days later (7-day limit:
    # late), accepted 12 March — in 回访, visit due 19 March.
    reported = T0 + 2 * D
    ids["D"] = register(db, world, reported, location_id=world.other_room_id,
                        defect_category_id=CRACK)
    walk(db, world, ids["D"], "in_repair", start=reported + M5)
    _finish(db, world, ids["D"], reported + 8 * D)
    # E: leak in 1502 reported 5 March, never taken (response overdue).
    ids["E"] = register(db, world, T0 + 3 * D)
    # R: road crack at K3+200 reported 6 March, taken after 9.5 h (limit 8 h: late), not on
    # site yet (arrival overdue by 20 March).
    reported = T0 + 4 * D
    ids["R"] = register(db, world, reported, project_id=world.other_project_id,
                        location_id=world.chainage_id, defect_category_id=ROAD_CRACK)
    walk(db, world, ids["R"], "diagnosing", start=reported + 9 * H)
    # One year earlier: Y in March 2025, Y2 at 04:00 on 28 Feb 2025 local (27 Feb UTC).
    for at in (dt.datetime(2025, 3, 5, 1, 30), dt.datetime(2025, 2, 27, 20, 0)):
        walk(db, world, register(db, world, at), "archived", start=at + M5)
    return world, ids


def test_monthly_trend_year_over_year(db, spring):
    with db.sessions() as session:
        trend = monthly_trend(session, FEB_MARCH)
        road = monthly_trend(session, FEB_MARCH, project_id=spring[0].other_project_id)
    assert [(m.month, m.received, m.closed, m.received_year_before, m.closed_year_before)
            for m in trend] == [
        (dt.date(2026, 2, 1), 1, 0, 1, 1),  # B by its local day; Y2 received and closed
        (dt.date(2026, 3, 1), 4, 1, 1, 1),  # A D E R received, A archived; Y a year before
    ]
    assert [(m.received, m.closed, m.received_year_before) for m in road] == [(0, 0, 0), (1, 0, 0)]


def test_category_pareto(db, spring):
    world, _ids = spring
    with db.sessions() as session:
        bars = category_pareto(session, MARCH)
        dept = category_pareto(session, MARCH, department_id=world.dept_id)
        road = category_pareto(session, MARCH, project_id=world.other_project_id)
        leak = session.get(DefectCategory, LEAK).name
    assert [(b.category_id, b.count) for b in bars][0] == (LEAK, 2)
    assert {b.category_id for b in bars[1:]} == {CRACK, ROAD_CRACK}
    assert bars[0].name == leak
    assert [b.share for b in bars] == pytest.approx([0.5, 0.25, 0.25])
    assert [b.cumulative_share for b in bars] == pytest.approx([0.5, 0.75, 1.0])
    assert dept == bars
    assert [(b.category_id, b.count, b.cumulative_share) for b in road] == [(ROAD_CRACK, 1, 1.0)]


def test_location_counts_by_building_and_section(db, spring):
    world, _ids = spring
    with db.sessions() as session:
        buildings = location_counts(session, MARCH, LocationKind.BUILDING)
        sections = location_counts(session, MARCH, LocationKind.SECTION)
        systems = location_counts(session, MARCH, LocationKind.SYSTEM)
        road_buildings = location_counts(session, MARCH, project_id=world.other_project_id)
    # A, D and E are in rooms of 3栋 (room → building); R's chainage belongs to the section.
    assert [(b.name, b.count) for b in buildings] == [("3栋", 3)]
    assert [(s.location_id, s.name, s.count) for s in sections] == [
        (world.section_id, "K0–K5标段", 1)
    ]
    assert systems == [] and road_buildings == []


def test_response_and_repair_distributions(db, spring):
    with db.sessions() as session:
        response = response_time_distribution(session, MARCH)
        repair = repair_time_distribution(session, MARCH)
    labels = [b.label for b in response]
    assert labels[0] == "≤0.5小时" and labels[-1] == ">24小时" and len(labels) == 7
    # A and D after 35 min (limit 8 h: met), R after 9.5 h (late); B responded in February.
    assert {b.label: (b.met, b.late) for b in response if b.total} == {
        "0.5–1小时": (2, 0), "8–24小时": (0, 1),
    }
    # A and B (by its local day) within a day, D after 8 days against 7.
    assert [b.label for b in repair][-1] == ">30天"
    assert {b.label: (b.met, b.late) for b in repair if b.total} == {"≤1天": (2, 0), "7–14天": (0, 1)}


def test_open_tickets_by_age_and_overdue_follow_ups(db, spring):
    world, _ids = spring
    with db.sessions() as session:
        snapshot = open_tickets(session, NOW)
        road = open_tickets(session, NOW, project_id=world.other_project_id)
    # B (19 days) and D (16 days) in 回访; E (14 days, response overdue) and R (13 days,
    # arrival overdue).
    assert [(b.band, b.open, b.overdue) for b in snapshot.bands] == [
        (AgeBand.DAYS_0_7, 0, 0), (AgeBand.DAYS_8_14, 2, 2), (AgeBand.DAYS_15_30, 2, 0),
        (AgeBand.OVER_30, 0, 0),
    ]
    # B's visit was due 8 March, D's 19 March: both past on 20 March (local).
    assert snapshot.overdue_follow_ups == 2
    assert [(b.open, b.overdue) for b in road.bands] == [(0, 0), (1, 1), (0, 0), (0, 0)]
    assert road.overdue_follow_ups == 0
    # The day itself is not overdue: at 23:00 on 19 March (local) D's visit is still due.
    with db.sessions() as session:
        day_before = open_tickets(session, dt.datetime(2026, 3, 19, 15, 0))
    assert day_before.overdue_follow_ups == 1


def test_empty_period(db, spring):
    empty = periods.year(2020)
    with db.sessions() as session:
        trend = monthly_trend(session, empty)
        assert len(trend) == 12
        assert all(m.received == m.closed == m.received_year_before == m.closed_year_before == 0
                   for m in trend)
        assert category_pareto(session, empty) == []
        assert location_counts(session, empty) == []
        assert all(b.total == 0 for b in response_time_distribution(session, empty))
        assert all(b.total == 0 for b in repair_time_distribution(session, empty))


def test_empty_store(db):
    with db.sessions() as session:
        snapshot = open_tickets(session, NOW)
        assert [b.open for b in snapshot.bands] == [0, 0, 0, 0]
        assert snapshot.overdue_follow_ups == 0
        assert category_pareto(session, MARCH) == []


# ---------------------------------------------------------------------------------------------
# SQL against plain Python on the demo data
# ---------------------------------------------------------------------------------------------


def _year_before(day: dt.date) -> dt.date:
    return dt.date(day.year - 1, day.month, min(day.day, 28 if day.month == 2 else 31))


def _bucket(value: float, bounds: tuple[float, ...]) -> int:
    return next((i for i, b in enumerate(bounds) if value <= b), len(bounds))


def _python_distribution(tickets, period, met, due, unit_hours, bounds):
    counts = Counter()
    for t in tickets:
        at = getattr(t, met)
        if not period.contains(at):
            continue
        i = _bucket((at - t.reported_at).total_seconds() / 3600 / unit_hours, bounds)
        late = getattr(t, due) is not None and at > getattr(t, due)
        counts[i, late] += 1
    return [(counts[i, False], counts[i, True]) for i in range(len(bounds) + 1)]


def test_sql_agrees_with_python_on_demo_data(demo_db):
    with demo_db.sessions() as session:
        tickets = session.scalars(select(Ticket)).all()
        locations = {loc.id: loc for loc in session.scalars(select(Location))}
        names = dict(session.execute(select(DefectCategory.id, DefectCategory.name)).all())
        dept_of = dict(session.execute(select(Project.id, Project.project_dept_id)).all())
        last = max(t.reported_at for t in tickets)
        # The twelve months up to the last report: cut months at both ends, a busy stretch.
        end = to_local(last).date()
        period = Period(end - dt.timedelta(days=364), end)
        department = next(iter(dept_of.values()))

        exercised = Counter()
        for scope, keep in (({}, lambda t: True),
                            ({"department_id": department},
                             lambda t: dept_of[t.project_id] == department)):
            mine = [t for t in tickets if keep(t)]
            # 1. trend
            months = periods.months_of(period)
            trend = monthly_trend(session, period, **scope)
            assert [m.received for m in trend] == [
                sum(m.contains(t.reported_at) for t in mine) for m in months]
            assert [m.closed for m in trend] == [
                sum(m.contains(t.archived_at) for t in mine) for m in months]
            before = [Period(_year_before(m.first), _year_before(m.last)) for m in months]
            assert [m.received_year_before for m in trend] == [
                sum(b.contains(t.reported_at) for t in mine) for b in before]
            if not scope:
                assert sum(m.received for m in trend) > 50  # the demo really exercised it
                assert sum(m.received_year_before for m in trend) > 10

            # 2. Pareto
            counted = Counter(t.defect_category_id for t in mine if period.contains(t.reported_at))
            bars = category_pareto(session, period, **scope)
            assert {b.category_id: b.count for b in bars} == dict(counted)
            assert [b.count for b in bars] == sorted((b.count for b in bars), reverse=True)
            assert all(b.name == names.get(b.category_id, "未分类") for b in bars)
            assert bars[-1].cumulative_share == pytest.approx(1.0)

            # 3. locations, per kind
            for kind in (LocationKind.BUILDING, LocationKind.SECTION, LocationKind.SYSTEM):
                expected = Counter()
                for t in mine:
                    loc = locations.get(t.location_id)
                    while loc is not None and loc.kind != kind:
                        loc = locations.get(loc.parent_id)
                    if loc is not None and period.contains(t.reported_at):
                        expected[loc.id] += 1
                rows = location_counts(session, period, kind, **scope)
                exercised[kind] += sum(expected.values())
                assert {r.location_id: r.count for r in rows} == dict(expected)
                assert all(r.name == locations[r.location_id].full_name for r in rows)

            # 4. distributions
            response = response_time_distribution(session, period, **scope)
            assert [(b.met, b.late) for b in response] == _python_distribution(
                mine, period, "responded_at", "response_due_at", 1.0, RESPONSE_BUCKET_HOURS)
            repair = repair_time_distribution(session, period, **scope)
            assert [(b.met, b.late) for b in repair] == _python_distribution(
                mine, period, "completed_at", "completion_due_at", 24.0, REPAIR_BUCKET_DAYS)

            # 5. open tickets now
            snapshot = open_tickets(session, last, **scope)
            open_states = {s.value for s in OPEN_STATES}
            still_open = [t for t in mine if t.state in open_states]
            assert [b.open for b in snapshot.bands] == [
                sum(age_band(t.reported_at, last) == band for t in still_open) for band in AgeBand]
            assert [b.overdue for b in snapshot.bands] == [
                sum(age_band(t.reported_at, last) == band
                    and any(is_overdue(t, timer, last) for timer in SlaTimer)
                    for t in still_open)
                for band in AgeBand]
            today = to_local(last).date()
            assert snapshot.overdue_follow_ups == sum(
                t.state == "follow_up" and t.followed_up_at is None
                and t.follow_up_due_on is not None and t.follow_up_due_on < today for t in mine)
            # The same tickets as the KPIs' response and completion counts.
            totals = kpi_totals(session, period.first, period.last, **scope)
            assert sum(b.total for b in response) == totals.responded
            assert sum(b.total for b in repair) == totals.completed
            assert sum(b.met for b in repair) == totals.completed_on_time
            exercised["open"] += len(still_open)
            exercised["late"] += sum(b.late for b in response + repair)
    # Every chart really had something to count in the demo data.
    kinds = (LocationKind.BUILDING, LocationKind.SECTION, LocationKind.SYSTEM, "open", "late")
    assert all(exercised[k] > 0 for k in kinds), exercised


# ---------------------------------------------------------------------------------------------
# Heat maps, satisfaction, the snapshot and the drill-down filters
# ---------------------------------------------------------------------------------------------


def _place(session, project_id, parent, kind, name, full_name, sort_key=0):
    loc = Location(project_id=project_id, parent_id=parent, kind=kind, name=name,
                   full_name=full_name, sort_key=sort_key)
    session.add(loc)
    session.flush()
    return loc.id


@pytest.fixture
def places(db):
    return _add_places(db, build_world(db))


def _add_places(db, world):
    """3栋 with two units whose 15th floors share a name, a road section and an MEP system;
    eight tickets in March 2026 (from 10:30 on 2 March local) and one in April."""
    with db.transaction() as session:
        building = session.scalar(select(Location.id).where(Location.name == "3栋"))
        p, road = world.project_id, world.other_project_id
        unit1 = _place(session, p, building, "unit", "1单元", "3栋1单元", 1)
        unit2 = _place(session, p, building, "unit", "2单元", "3栋2单元", 2)
        f1_15 = _place(session, p, unit1, "floor", "15层", "3栋1单元15层", 15)
        f1_3 = _place(session, p, unit1, "floor", "3层", "3栋1单元3层", 3)
        f2_15 = _place(session, p, unit2, "floor", "15层", "3栋2单元15层", 15)
        rooms = {
            "1501": _place(session, p, f1_15, "room", "1501室", "3栋1单元1501室"),
            "301": _place(session, p, f1_3, "room", "301室", "3栋1单元301室"),
            "2-1502": _place(session, p, f2_15, "room", "1502室", "3栋2单元1502室"),
        }
        section = _place(session, road, None, "section", "一标段", "一标段", 1)
        chainage = _place(session, road, section, "chainage", "K0+100", "一标段 K0+100")
        system = _place(session, road, None, "system", "给排水系统", "给排水系统", 1)
        pump = _place(session, road, system, "equipment", "生活水泵P-1", "给排水系统 生活水泵P-1")
        plant = _place(session, road, None, "building", "1#厂房", "1#厂房", 9)
        crane_system = _place(session, road, plant, "system", "起重运输系统", "1#厂房起重运输系统", 2)
        crane = _place(session, road, crane_system, "equipment", "1#行车", "1#厂房起重运输系统 1#行车")
    at = T0
    placed = [
        (rooms["1501"], LEAK, p), (rooms["2-1502"], LEAK, p), (rooms["2-1502"], CRACK, p),
        (rooms["301"], LEAK, p), (world.room_id, LEAK, p),  # 3栋1502室: no floor
        (chainage, ROAD_CRACK, road), (pump, None, road), (pump, ROAD_CRACK, road),
        (crane, None, road), (plant, None, road),  # a plant: building × system
    ]
    ids = []
    for location, category, project in placed:
        at += H
        ids.append(register(db, world, at, project_id=project, location_id=location,
                            defect_category_id=category))
    # Outside March: not counted.
    register(db, world, dt.datetime(2026, 4, 2, 1, 0), location_id=rooms["301"])
    return world, {"building": building, "section": section, "system": system, "plant": plant,
                   "crane": crane, **rooms}


def test_heat_maps_building_by_floor_and_places_by_category(db, places):
    world, loc = places
    with db.sessions() as session:
        maps = location_heat_maps(session, MARCH)
        road_only = location_heat_maps(session, MARCH, project_id=world.other_project_id)
        fifteen = heat_cell_locations(session, LocationKind.BUILDING, loc["building"], "15层")
        no_floor = heat_cell_locations(session, LocationKind.BUILDING, loc["building"], None)
        leak = session.get(DefectCategory, LEAK).name
        road_crack = session.get(DefectCategory, ROAD_CRACK).name
    assert set(maps) == set(HeatLayout)
    housing = maps[HeatLayout.BUILDING_FLOOR]
    # Several projects: rows carry the project's name; floors bottom up, then "no floor".
    assert [(r.name, r.total) for r in housing.rows] == [("3栋 · 阳光花园", 5)]
    assert [(c.key, c.label, c.total) for c in housing.columns] == [
        ("3层", "3层", 1), ("15层", "15层", 3), (None, NO_FLOOR, 1),
    ]
    assert housing.counts == [[1, 3, 1]] and housing.total == 5
    road = maps[HeatLayout.SECTION_CATEGORY]
    assert [(r.location_id, r.total) for r in road.rows] == [(loc["section"], 1)]
    assert [(c.key, c.label) for c in road.columns] == [(ROAD_CRACK, road_crack)]
    system = maps[HeatLayout.SYSTEM_CATEGORY]
    assert [c.key for c in system.columns] == [ROAD_CRACK, None] and system.counts == [[1, 1]]
    # A plant's building holds systems: its columns are them, the building itself 其他部位.
    plant = maps[HeatLayout.BUILDING_SYSTEM]
    assert [(r.location_id, r.total) for r in plant.rows] == [(loc["plant"], 2)]
    assert [c.label for c in plant.columns] == ["起重运输系统", NO_FLOOR]
    assert set(road_only) == {HeatLayout.SECTION_CATEGORY, HeatLayout.SYSTEM_CATEGORY,
                              HeatLayout.BUILDING_SYSTEM}
    assert road_only[HeatLayout.SECTION_CATEGORY].rows[0].name == "一标段"  # one project
    assert leak and loc["1501"] in fifteen and loc["2-1502"] in fifteen
    assert loc["301"] not in fifteen and world.room_id in no_floor and loc["1501"] not in no_floor


def test_heat_map_keeps_the_busiest_rows(db, places):
    with db.sessions() as session:
        maps = location_heat_maps(session, MARCH, max_rows=0)
    housing = maps[HeatLayout.BUILDING_FLOOR]
    assert housing.rows == [] and housing.other_rows == 1 and housing.other_tickets == 5


def test_satisfaction_distribution(db, spring):
    world, _ids = spring
    with db.sessions() as session:
        march = satisfaction_distribution(session, MARCH)
        road = satisfaction_distribution(session, MARCH, project_id=world.other_project_id)
    # A and B (accepted on 1 March local) scored 5, D scored 4; Y in 2025 is not counted.
    assert [(b.score, b.count) for b in march] == [(1, 0), (2, 0), (3, 0), (4, 1), (5, 2), (None, 0)]
    assert all(b.count == 0 for b in road)


def test_snapshot_holds_every_chart(db, spring):
    world, _ids = spring
    with db.sessions() as session:
        snap = dashboard_snapshot(session, MARCH, department_id=world.dept_id, now=NOW)
        assert snap.trend == monthly_trend(session, MARCH)
        assert snap.pareto == category_pareto(session, MARCH)
        assert snap.response == response_time_distribution(session, MARCH)
        assert snap.repair == repair_time_distribution(session, MARCH)
        assert snap.open == open_tickets(session, NOW)
        assert snap.satisfaction == satisfaction_distribution(session, MARCH)
        assert snap.kpis == kpi_totals(session, MARCH.first, MARCH.last)
    assert snap.heat_layout == HeatLayout.BUILDING_FLOOR
    assert snap.open.overdue_follow_ups == 2 and snap.kpis.handled == 3


def test_drill_down_filters_count_what_the_charts_count(db, spring):
    _add_places(db, spring[0])
    with db.sessions() as session:
        snap = dashboard_snapshot(session, MARCH, now=NOW)

        def listed(key) -> int:
            return count_tickets(session, drill_down(session, key, MARCH), now=NOW)

        assert listed(("pareto", LEAK)) == next(b.count for b in snap.pareto if b.category_id == LEAK)
        assert listed(("trend", "received", 0)) == snap.trend[0].received
        assert listed(("trend", "closed", 0)) == snap.trend[0].closed == 1
        assert listed(("trend", "received_before", 0)) == snap.trend[0].received_year_before == 1
        for layout, heat in snap.heat_maps.items():
            for r, row in enumerate(heat.rows):
                for c, column in enumerate(heat.columns):
                    key = ("heat", str(layout), row.location_id, column.key)
                    assert listed(key) == heat.counts[r][c], (layout, row.name, column.label)
                assert listed(("heat", str(layout), row.location_id, "*")) >= row.total
        for chart, buckets in (("response", snap.response), ("repair", snap.repair)):
            for i, bucket in enumerate(buckets):
                assert listed((chart, i, "met")) == bucket.met
                assert listed((chart, i, "late")) == bucket.late
                assert listed((chart, i, "all")) == bucket.total
        for bar in snap.satisfaction:
            assert listed(("satisfaction", bar.score)) == bar.count
        for bar in snap.open.bands:
            assert listed(("ageing", int(bar.band), "open")) == bar.open
            assert listed(("ageing", int(bar.band), "overdue")) == bar.overdue
            assert listed(("ageing", int(bar.band), "in_time")) == bar.open - bar.overdue
        assert listed(("follow_ups",)) == snap.open.overdue_follow_ups == 2
    with pytest.raises(ValueError):
        drill_down(None, ("nothing",), MARCH)


def test_empty_period_and_store_for_new_charts(db):
    with db.sessions() as session:
        assert location_heat_maps(session, MARCH) == {}
        assert all(b.count == 0 for b in satisfaction_distribution(session, MARCH))
        snap = dashboard_snapshot(session, MARCH, now=NOW)
    assert snap.heat_layout is None and snap.pareto == [] and snap.kpis.handled == 0


ROW_KINDS = ("building", "section", "system")


def _chain(locations, location_id):
    loc, chain = locations.get(location_id), []
    while loc is not None and len(chain) < 4:
        chain.append(loc)
        loc = locations.get(loc.parent_id)
    return chain


def test_heat_maps_and_satisfaction_agree_with_python_on_demo_data(demo_db):
    with demo_db.sessions() as session:
        tickets = session.scalars(select(Ticket)).all()
        locations = {loc.id: loc for loc in session.scalars(select(Location))}
        end = to_local(max(t.reported_at for t in tickets)).date()
        period = Period(end - dt.timedelta(days=364), end)
        maps = location_heat_maps(session, period, max_rows=10_000)
        satisfaction = satisfaction_distribution(session, period)
        snap = dashboard_snapshot(session, period)
        expected = {layout: Counter() for layout in HeatLayout}
        cells = []
        for t in tickets:
            if not period.contains(t.reported_at) or t.location_id is None:
                continue
            chain = _chain(locations, t.location_id)
            kind = next((k for k in ROW_KINDS if any(c.kind == k for c in chain)), None)
            if kind is None:
                continue
            row = next(c for c in chain if c.kind == kind)
            inner = next((c for c in chain if c.kind in ("floor", "system")), None)
            cells.append((kind, row.id, inner, t.defect_category_id))
        systems_only = {row for kind, row, inner, _c in cells if inner is not None
                        and kind == "building"} - {row for kind, row, inner, _c in cells
                                                   if inner is not None and inner.kind == "floor"}
        for kind, row, inner, category in cells:
            if kind == "section":
                expected[HeatLayout.SECTION_CATEGORY][row, category] += 1
            elif kind == "system":
                expected[HeatLayout.SYSTEM_CATEGORY][row, category] += 1
            elif (inner is not None and inner.kind == "system") or (
                    inner is None and row in systems_only):
                expected[HeatLayout.BUILDING_SYSTEM][row, inner.name if inner else None] += 1
            else:
                expected[HeatLayout.BUILDING_FLOOR][row, inner.name if inner else None] += 1
        for layout in HeatLayout:
            heat = maps.get(layout)
            got = Counter() if heat is None else Counter({
                (r.location_id, c.key): heat.counts[i][j]
                for i, r in enumerate(heat.rows) for j, c in enumerate(heat.columns)
                if heat.counts[i][j]
            })
            assert got == expected[layout], layout
            assert sum(expected[layout].values()) > 0, layout  # the demo has every layout
        scores = Counter(t.satisfaction for t in tickets if period.contains(t.accepted_at))
        assert [(b.score, b.count) for b in satisfaction] == [
            (s, scores.get(s, 0)) for s in (1, 2, 3, 4, 5, None)]
        # Clicking the biggest heat-map cell lists exactly its tickets.
        heat = snap.heat_maps[snap.heat_layout]
        i, j = max(((i, j) for i in range(len(heat.rows)) for j in range(len(heat.columns))),
                   key=lambda ij: heat.counts[ij[0]][ij[1]])
        key = ("heat", str(heat.layout), heat.rows[i].location_id, heat.columns[j].key)
        assert count_tickets(session, drill_down(session, key, period)) == heat.counts[i][j] > 0


def test_overdue_corrective_actions_by_scope(db, spring):
    from app.analytics.dashboard import overdue_action_count
    from app.models.retrospective import CorrectiveAction, RetrospectiveMeeting

    world, _ids = spring
    with db.transaction() as session:
        meetings = [
            RetrospectiveMeeting(number=f"FP-T-{i}", title="复盘", project_id=project,
                                 held_at=T0, status="held")
            for i, project in enumerate((world.project_id, world.other_project_id, None))
        ]
        session.add_all(meetings)
        session.flush()
        for meeting, due, status in (
            (meetings[0], dt.date(2026, 3, 10), "in_progress"),  # overdue on 20 March
            (meetings[0], dt.date(2026, 3, 20), "not_started"),  # due today: not yet
            (meetings[0], dt.date(2026, 3, 1), "done"),  # closed
            (meetings[1], dt.date(2026, 3, 1), "not_started"),  # overdue, the road project
            (meetings[2], dt.date(2026, 2, 1), "not_started"),  # company-wide, overdue
        ):
            session.add(CorrectiveAction(meeting_id=meeting.id, kind="corrective",
                                         description="整改", due_on=due, status=status))
    with db.sessions() as session:
        assert overdue_action_count(session, NOW) == 3
        assert overdue_action_count(session, NOW, project_id=world.project_id) == 1
        assert overdue_action_count(session, NOW, department_id=world.dept_id) == 2
        assert dashboard_snapshot(session, MARCH, now=NOW).overdue_actions == 3
