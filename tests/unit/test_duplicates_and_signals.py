"""Duplicate detection at intake and the escalation signals."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import Project, Ticket
from app.models.duplicates import duplicates_of, find_duplicates
from app.models.escalation_signals import (
    SIGNAL_ZH,
    SignalKind,
    open_tickets_with_signals,
    recurring_problems,
    signals_for_ticket,
)
from app.models.taxonomy import category_id
from app.models.ticket_actions import cancel, reject, take_ticket
from app.models.vocabulary import Urgency
from tests.unit.lifecycle_world import CRACK, LEAK, T0, build_world, register, walk

DAY = dt.timedelta(days=1)
H = dt.timedelta(hours=1)


@pytest.fixture
def world(db):
    return build_world(db)


def test_open_tickets_at_the_same_unit_and_category_are_offered(db, world) -> None:
    first = register(db, world)
    register(db, world, at=T0 + H, location_id=world.other_room_id)  # another room
    register(db, world, at=T0 + 2 * H, defect_category_id=CRACK)  # another category
    closed = register(db, world, at=T0 + 3 * H)
    with db.transaction() as session:
        cancel(session, session.get(Ticket, closed), world.actor(session, "clerk"), reason="业主撤回")
    with db.sessions() as session:
        found = find_duplicates(session, world.project_id, location_id=world.room_id, defect_category_id=LEAK)
        assert [t.id for t in found] == [first]
        # Without a category: everything open at that place.
        assert len(find_duplicates(session, world.project_id, location_id=world.room_id)) == 2
        assert find_duplicates(session, world.project_id) == []


def test_a_new_ticket_finds_the_one_before_it(db, world) -> None:
    first = register(db, world)
    second = register(db, world, at=T0 + H)
    typed = register(db, world, at=T0 + 2 * H, location_id=None, location_label="地下车库B区")
    again = register(db, world, at=T0 + 3 * H, location_id=None, location_label="地下车库B区")
    with db.sessions() as session:
        assert [t.id for t in duplicates_of(session, session.get(Ticket, second))] == [first]
        assert duplicates_of(session, session.get(Ticket, first)) == []
        assert [t.id for t in duplicates_of(session, session.get(Ticket, again))] == [typed]


def test_major_quality_signals(db, world) -> None:
    structural = register(db, world, structural_safety=True)
    emergency = register(db, world, urgency=Urgency.EMERGENCY, defect_category_id=CRACK)
    with db.sessions() as session:
        s = signals_for_ticket(session, session.get(Ticket, structural), T0)
        assert [(x.kind, x.reason) for x in s] == [(SignalKind.MAJOR_QUALITY, "涉及结构安全")]
        e = signals_for_ticket(session, session.get(Ticket, emergency), T0)
        assert [(x.kind, x.reason) for x in e] == [(SignalKind.MAJOR_QUALITY, "紧急报修：严重影响使用功能")]
    assert SIGNAL_ZH[SignalKind.RECURRING] == "共性问题反复出现"


def test_recurring_problem_three_times_in_ninety_days(db, world) -> None:
    ids = [register(db, world, at=T0 + n * 40 * DAY, location_id=room)
           for n, room in enumerate([world.room_id, world.other_room_id, world.room_id])]
    last = T0 + 80 * DAY
    with db.sessions() as session:
        third = session.get(Ticket, ids[2])
        kinds = [x.kind for x in signals_for_ticket(session, third, last)]
        assert SignalKind.RECURRING in kinds
        reason = next(x.reason for x in signals_for_ticket(session, third, last) if x.kind == SignalKind.RECURRING)
        assert reason == "同一项目同类问题 90 天内出现 3 次（阈值 3 次）"
        # The window is (now − 90 days, now]: 90 days after the first report it falls out.
        edge = T0 + 90 * DAY
        assert SignalKind.RECURRING in [x.kind for x in signals_for_ticket(session, third, edge - H)]
        assert SignalKind.RECURRING not in [x.kind for x in signals_for_ticket(session, third, edge)]
        assert [(r.count, r.defect_category_id) for r in recurring_problems(session, last)] == [(3, LEAK)]
        assert recurring_problems(session, edge) == []


def test_recurrence_threshold_is_per_project_and_ignores_cancelled(db, world) -> None:
    ids = [register(db, world, at=T0 + n * DAY) for n in range(2)]
    with db.sessions() as session:
        assert recurring_problems(session, T0 + 2 * DAY) == []
    with db.transaction() as session:
        project = session.get(Project, world.project_id)
        project.recurrence_threshold, project.recurrence_window_days = 2, 30
    with db.sessions() as session:
        found = recurring_problems(session, T0 + 2 * DAY, project_id=world.project_id)
        assert [(r.count, r.threshold, r.window_days) for r in found] == [(2, 2, 30)]
    with db.transaction() as session:
        cancel(session, session.get(Ticket, ids[0]), world.actor(session, "clerk"), reason="重复登记")
    with db.sessions() as session:
        assert recurring_problems(session, T0 + 2 * DAY) == []


def test_sla_breach_and_repeated_rework(db, world) -> None:
    ticket_id = register(db, world, defect_category_id=category_id("residential", "wall_crack"))
    clock = walk(db, world, ticket_id, "acceptance")
    with db.transaction() as session:
        ticket = session.get(Ticket, ticket_id)
        reject(session, ticket, world.actor(session, "tech"), reason="仍有裂缝", now=clock + H)
    clock = walk(db, world, ticket_id, "acceptance", start=clock + 2 * H)
    with db.transaction() as session:
        ticket = session.get(Ticket, ticket_id)
        reject(session, ticket, world.actor(session, "tech"), reason="仍有裂缝", now=clock + H)
    late = T0 + 30 * DAY
    with db.sessions() as session:
        ticket = session.get(Ticket, ticket_id)
        signals = {x.kind: x.reason for x in signals_for_ticket(session, ticket, late)}
        assert signals == {SignalKind.SLA_BREACHED: "完工超时", SignalKind.REPEATED_REWORK: "已返修 2 次"}
        found = open_tickets_with_signals(session, late)
        assert set(found) == {ticket_id}


def test_late_response_is_a_breach(db, world) -> None:
    ticket_id = register(db, world, urgency=Urgency.URGENT)
    with db.transaction() as session:
        take_ticket(session, session.get(Ticket, ticket_id), world.actor(session, "tech"), now=T0 + 3 * H)
    with db.sessions() as session:
        reasons = [x.reason for x in signals_for_ticket(session, session.get(Ticket, ticket_id), T0 + 4 * H)]
        assert reasons == ["响应超时"]


def test_open_tickets_with_signals_includes_recurring_ones(db, world) -> None:
    ids = [register(db, world, at=T0 + n * DAY) for n in range(3)]
    with db.sessions() as session:
        found = open_tickets_with_signals(session, T0 + 3 * DAY - H, project_id=world.project_id)
        assert set(found) == set(ids)
        assert all(SignalKind.RECURRING in [x.kind for x in signals] for signals in found.values())
