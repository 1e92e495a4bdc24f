"""Response timers: limits per urgency, pauses, overdue and ageing in Python and in SQL alike."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from app.models import Project, Ticket, TicketEvent
from app.models.sla import (
    AGE_BAND_ZH,
    AgeBand,
    Timer,
    age_band,
    age_band_expr,
    ageing_summary,
    breached_expr,
    breached_timers,
    is_breached,
    is_overdue,
    limits_for,
    next_due_expr,
    open_ticket_flags,
    overdue_expr,
    timer_states,
)
from app.models.ticket_actions import edit_field, pause_timer, resume_timer, take_ticket
from app.models.vocabulary import EventKind, TicketState, Urgency
from tests.unit.lifecycle_world import T0, build_world, register, walk

H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)
DAY = dt.timedelta(days=1)


def test_default_limits_per_urgency() -> None:
    project = Project(sla_emergency_hours=2, sla_urgent_hours=24, sla_normal_hours=72, repair_days=7,
                      sla_emergency_response_minutes=30, sla_urgent_response_minutes=120,
                      sla_normal_response_minutes=480)
    emergency = limits_for(project, Urgency.EMERGENCY)
    assert (emergency.response, emergency.arrival, emergency.completion) == (30 * M, 2 * H, 7 * DAY)
    assert limits_for(project, Urgency.URGENT).arrival == 24 * H
    assert limits_for(project, Urgency.NORMAL).arrival == 3 * DAY
    assert limits_for(project, Urgency.NORMAL).response == 8 * H
    # A project not yet saved has no column defaults: the defaults apply.
    assert limits_for(Project(), Urgency.EMERGENCY).arrival == 2 * H


def test_intake_sets_the_due_times_from_the_project(db) -> None:
    world = build_world(db)
    normal = register(db, world)
    emergency = register(db, world, urgency=Urgency.EMERGENCY)
    with db.sessions() as session:
        t = session.get(Ticket, normal)
        assert (t.response_due_at, t.arrival_due_at, t.completion_due_at) == (T0 + 8 * H, T0 + 3 * DAY, T0 + 7 * DAY)
        e = session.get(Ticket, emergency)
        assert (e.response_due_at, e.arrival_due_at) == (T0 + 30 * M, T0 + 2 * H)


def test_project_limits_are_configurable(db) -> None:
    world = build_world(db)
    with db.transaction() as session:
        project = session.get(Project, world.project_id)
        project.sla_urgent_hours, project.sla_urgent_response_minutes, project.repair_days = 12, 45, 3
    ticket_id = register(db, world, urgency=Urgency.URGENT)
    with db.sessions() as session:
        t = session.get(Ticket, ticket_id)
        assert (t.response_due_at, t.arrival_due_at, t.completion_due_at) == (T0 + 45 * M, T0 + 12 * H, T0 + 3 * DAY)


def test_pause_stops_the_clocks_and_is_logged(db) -> None:
    world = build_world(db)
    ticket_id = register(db, world)
    with db.transaction() as session:
        t = session.get(Ticket, ticket_id)
        take_ticket(session, t, world.actor(session, "tech"), now=T0 + 10 * M)  # response met
        pause_timer(session, t, world.actor(session, "tech"), reason="业主不在家，约定周六上门", now=T0 + H)
        assert t.paused_since == T0 + H
        states = {s.timer: s for s in timer_states(t, T0 + 5 * H)}
        assert states[Timer.ARRIVAL].due_at == T0 + 3 * DAY + 4 * H  # moving while paused
        resume_timer(session, t, world.actor(session, "clerk"), now=T0 + 3 * H + 30 * M)
        assert t.paused_since is None and t.paused_minutes == 150
        assert t.response_due_at == T0 + 8 * H  # met before the pause: unchanged
        assert t.arrival_due_at == T0 + 3 * DAY + 150 * M
        assert t.completion_due_at == T0 + 7 * DAY + 150 * M
    with db.sessions() as session:
        timer_events = session.scalars(
            select(TicketEvent).where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind == EventKind.TIMER,
                                      TicketEvent.field == "paused_since")
        ).all()
        assert [e.note for e in timer_events][-2:] == ["业主不在家，约定周六上门", "恢复计时"]


def test_a_transition_ends_a_pause(db) -> None:
    world = build_world(db)
    ticket_id = register(db, world)
    with db.transaction() as session:
        t = session.get(Ticket, ticket_id)
        pause_timer(session, t, world.actor(session, "clerk"), reason="业主出差", now=T0 + H)
        take_ticket(session, t, world.actor(session, "tech"), now=T0 + 2 * H)
        assert t.paused_since is None and t.paused_minutes == 60
        assert t.response_due_at == T0 + 8 * H  # met by taking it: the pause did not move it
        assert t.arrival_due_at == T0 + 3 * DAY + H


def test_urgency_change_recomputes_timers_not_yet_met(db) -> None:
    world = build_world(db)
    ticket_id = register(db, world)
    with db.transaction() as session:
        t = session.get(Ticket, ticket_id)
        take_ticket(session, t, world.actor(session, "tech"), now=T0 + 10 * M)
        edit_field(session, t, world.actor(session, "clerk"), "urgency", Urgency.EMERGENCY, now=T0 + 20 * M)
        assert t.response_due_at == T0 + 8 * H  # met
        assert t.arrival_due_at == T0 + 2 * H


def test_structural_safety_gets_emergency_timers_and_a_report(db) -> None:
    world = build_world(db)
    ticket_id = register(db, world, structural_safety=True, urgency=Urgency.NORMAL)
    with db.sessions() as session:
        t = session.get(Ticket, ticket_id)
        assert t.urgency == Urgency.EMERGENCY and t.report_to_authority
        assert t.arrival_due_at == T0 + 2 * H
    other = register(db, world)
    with db.transaction() as session:
        t = session.get(Ticket, other)
        edit_field(session, t, world.actor(session, "tech"), "structural_safety", True, now=T0 + H)
        assert t.urgency == Urgency.EMERGENCY and t.report_to_authority
        assert t.arrival_due_at == T0 + 2 * H and t.response_due_at == T0 + 30 * M


def test_timer_states_for_the_detail_view(db) -> None:
    world = build_world(db)
    ticket_id = register(db, world, urgency=Urgency.EMERGENCY)
    with db.sessions() as session:
        t = session.get(Ticket, ticket_id)
        states = {s.timer: s for s in timer_states(t, T0 + H)}
        assert states[Timer.RESPONSE].overdue and states[Timer.RESPONSE].remaining == -30 * M
        assert states[Timer.ARRIVAL].remaining == H and not states[Timer.ARRIVAL].overdue
        assert states[Timer.RESPONSE].label == "响应"
        assert breached_timers(t, T0 + H) == [Timer.RESPONSE]


def test_met_late_is_breached_but_not_overdue(db) -> None:
    world = build_world(db)
    ticket_id = register(db, world, urgency=Urgency.EMERGENCY)
    with db.transaction() as session:
        t = session.get(Ticket, ticket_id)
        take_ticket(session, t, world.actor(session, "tech"), now=T0 + H)
    with db.sessions() as session:
        t = session.get(Ticket, ticket_id)
        assert not is_overdue(t, Timer.RESPONSE, T0 + 2 * H) and is_breached(t, Timer.RESPONSE, T0 + 2 * H)
        sql = session.scalar(select(breached_expr(Timer.RESPONSE, T0 + 2 * H)).where(Ticket.id == ticket_id))
        assert sql is True


def test_closed_tickets_are_never_overdue(db) -> None:
    world = build_world(db)
    ticket_id = register(db, world)
    walk(db, world, ticket_id, "archived")
    late = T0 + 100 * DAY
    with db.sessions() as session:
        t = session.get(Ticket, ticket_id)
        assert not any(is_overdue(t, timer, late) for timer in Timer)
        assert session.execute(open_ticket_flags(late)).all() == []


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (dt.timedelta(0), AgeBand.DAYS_0_7),
        (8 * DAY - M, AgeBand.DAYS_0_7),
        (8 * DAY, AgeBand.DAYS_8_14),
        (15 * DAY - M, AgeBand.DAYS_8_14),
        (15 * DAY, AgeBand.DAYS_15_30),
        (31 * DAY - M, AgeBand.DAYS_15_30),
        (31 * DAY, AgeBand.OVER_30),
        (400 * DAY, AgeBand.OVER_30),
    ],
)
def test_ageing_band_boundaries(age: dt.timedelta, band: AgeBand) -> None:
    assert age_band(T0 - age, T0) == band


def test_band_names() -> None:
    assert list(AGE_BAND_ZH.values()) == ["0–7天", "8–14天", "15–30天", "30天以上"]


def _row(number: int, **values) -> Ticket:
    base = dict(number=f"BX-T-{number:05d}", state="received", urgency=3, channel="hotline",
                reported_at=T0, response_due_at=T0 + H, arrival_due_at=T0 + 2 * H,
                completion_due_at=T0 + 7 * DAY)
    base.update(values)
    return Ticket(**base)


OFFSETS = st.integers(min_value=-60 * 24 * 40, max_value=60 * 24 * 5).map(lambda m: dt.timedelta(minutes=m))
MAYBE = st.one_of(st.none(), OFFSETS)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.sampled_from([s.value for s in TicketState]), OFFSETS, OFFSETS, MAYBE,
                                MAYBE, MAYBE), min_size=1, max_size=12))
def test_sql_flags_agree_with_python(db, rows) -> None:
    """Ageing band and overdue flags computed by SQL equal the Python rules, row by row."""
    now = T0
    with db.transaction() as session:
        session.execute(delete(Ticket))
        project_id = _project_id(session)
        for n, (state, reported, due, met, paused, _) in enumerate(rows):
            session.add(_row(n, state=state, project_id=project_id, reported_at=now + reported - 41 * DAY,
                             response_due_at=now + due, responded_at=None if met is None else now + met,
                             arrival_due_at=now + due + H,
                             paused_since=None if paused is None else now + paused))
    with db.sessions() as session:
        tickets = {t.id: t for t in session.scalars(select(Ticket))}
        flags = session.execute(
            select(Ticket.id, age_band_expr(now), *(overdue_expr(t, now) for t in Timer),
                   *(breached_expr(t, now) for t in Timer))
        ).all()
        for ticket_id, band, *booleans in flags:
            t = tickets[ticket_id]
            assert band == age_band(t.reported_at, now)
            assert booleans[:3] == [is_overdue(t, timer, now) for timer in Timer]
            assert booleans[3:] == [is_breached(t, timer, now) for timer in Timer]


def _project_id(session):
    from app.models import OrgUnit

    project = session.scalar(select(Project))
    if project is None:
        dept = OrgUnit(name="项目部", kind="project_dept")
        session.add(dept)
        session.flush()
        project = Project(code="S", name="测试", type="residential", project_dept_id=dept.id, handover_date=dt.date(2024, 1, 1))
        session.add(project)
        session.flush()
    return project.id


def test_ageing_summary_and_open_flags(db) -> None:
    with db.transaction() as session:
        project_id = _project_id(session)
        session.add_all([
            _row(1, project_id=project_id, reported_at=T0 - 2 * DAY, response_due_at=T0 - DAY),  # 0–7, overdue
            _row(2, project_id=project_id, reported_at=T0 - 2 * DAY, response_due_at=T0 + H,
                 arrival_due_at=T0 + H, completion_due_at=T0 + H),  # 0–7, on time
            _row(3, project_id=project_id, reported_at=T0 - 20 * DAY, response_due_at=T0 - DAY),  # overdue
            _row(4, project_id=project_id, reported_at=T0 - 40 * DAY, state="archived"),  # closed
        ])
    with db.sessions() as session:
        summary = ageing_summary(session, T0)
        assert summary == {(AgeBand.DAYS_0_7, True): 1, (AgeBand.DAYS_0_7, False): 1, (AgeBand.DAYS_15_30, True): 1}
        assert ageing_summary(session, T0, project_id=project_id) == summary
        rows = session.execute(open_ticket_flags(T0, project_id=project_id)).all()
        assert len(rows) == 3 and {r.overdue for r in rows} == {True, False}
        # Lists can sort by the band and the next due time in SQL.
        ordered = session.execute(
            select(Ticket.number).where(Ticket.state != "archived")
            .order_by(age_band_expr(T0).desc(), next_due_expr(), Ticket.number)
        ).scalars().all()
        assert ordered == ["BX-T-00003", "BX-T-00001", "BX-T-00002"]


def test_fetching_a_whole_board_leaves_the_collector_as_it_was(db) -> None:
    import gc

    from app.models.sla import fetch_open_ticket_flags

    with db.transaction() as session:
        project_id = _project_id(session)
        session.add_all([_row(n, project_id=project_id, response_due_at=T0 - H * n) for n in range(3)])
    with db.sessions() as session:
        assert gc.isenabled()
        rows = fetch_open_ticket_flags(session, T0)
        assert gc.isenabled()
        assert sorted(map(tuple, rows)) == sorted(map(tuple, session.execute(open_ticket_flags(T0)).all()))
        assert sorted(r.response_overdue for r in rows) == [False, True, True]
        assert isinstance(rows[0].id, type(session.scalar(select(Ticket.id))))
