"""The Kanban board query: card fields, deadlines and overdue, filters, closed columns, order."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import Ticket
from app.models.board import (
    Board,
    BoardFilter,
    Deadline,
    card_order,
    fetch_board,
    fetch_cards,
    filter_choices,
    follow_up_deadline,
)
from app.models.sla import Timer, is_overdue
from app.models.ticket_actions import attach_file, pause_timer, reject
from app.models.vocabulary import OPEN_STATES, PhotoStage, Urgency
from tests.unit.lifecycle_world import CRACK, T0, build_world, register, walk

LATER = T0 + dt.timedelta(minutes=10)  # every response timer still running


@pytest.fixture
def world(db):
    return build_world(db)


def _board(db, now=LATER, **flt) -> Board:
    with db.sessions() as session:
        return fetch_board(session, BoardFilter(**flt), now)


def _numbers(board: Board) -> set[str]:
    return {c.number for c in board.cards}


def _number(db, ticket_id) -> str:
    with db.sessions() as session:
        return session.get(Ticket, ticket_id).number


def test_a_card_carries_what_the_board_paints(db, world) -> None:
    ticket_id = register(db, world)
    with db.transaction() as session:
        ticket, clerk = session.get(Ticket, ticket_id), world.actor(session, "clerk")
        for n, stage in enumerate((PhotoStage.BEFORE, PhotoStage.BEFORE, PhotoStage.DOCUMENT)):
            attach_file(
                session,
                world.store,
                ticket,
                clerk,
                data=f"photo {n}".encode(),
                original_name=f"{n}.jpg",
                mime_type="image/jpeg",
                stage=stage,
                now=T0,
            )
    [card] = _board(db).cards
    assert card.id == ticket_id
    assert card.number == _number(db, ticket_id)
    assert (card.state, card.urgency) == ("received", Urgency.NORMAL)
    assert (card.project_name, card.location, card.category) == (
        "阳光花园",
        "3栋1502室",
        "卫生间渗漏",
    )
    assert (card.owner_id, card.owner_name) == (world.staff["tech"], "王师傅")
    assert card.photo_count == 2  # the document is not a photo
    assert card.rework_count == 0
    with db.sessions() as session:
        due = session.get(Ticket, ticket_id).response_due_at
    assert (card.deadline_kind, card.deadline) == (Deadline.RESPONSE, due)
    assert card.remaining(LATER) == due - LATER
    assert not card.overdue and not card.is_overdue(LATER)


def test_the_deadline_follows_the_timers_and_turns_overdue(db, world) -> None:
    ticket_id = register(db, world)
    clock = walk(db, world, ticket_id, "planning")
    with db.sessions() as session:
        ticket = session.get(Ticket, ticket_id)
        completion_due = ticket.completion_due_at
        arrival_due = ticket.arrival_due_at
    [card] = _board(db, clock).cards
    # Taken and diagnosed, nobody on site yet: the arrival timer is next.
    assert (card.deadline_kind, card.deadline) == (Deadline.ARRIVAL, arrival_due)
    late = arrival_due + dt.timedelta(minutes=1)
    [card] = _board(db, late).cards
    assert card.overdue and card.is_overdue(late)
    assert card.remaining(late) == -dt.timedelta(minutes=1)
    # A card read before the due time turns overdue on the board as the clock passes it.
    [early] = _board(db, clock).cards
    assert not early.overdue and early.is_overdue(late)
    assert completion_due > arrival_due


def test_a_paused_clock_stands_still(db, world) -> None:
    ticket_id = register(db, world)
    pause_at = T0 + dt.timedelta(hours=1)
    with db.transaction() as session:
        pause_timer(
            session,
            session.get(Ticket, ticket_id),
            world.actor(session, "clerk"),
            reason="业主不在家",
            now=pause_at,
        )
    [card] = _board(db, pause_at + dt.timedelta(days=3)).cards
    assert card.paused_since == pause_at
    assert card.remaining(pause_at + dt.timedelta(days=3)) == card.deadline - pause_at
    assert not card.is_overdue(pause_at + dt.timedelta(days=3))


def test_rework_is_counted_and_follow_up_has_a_deadline(db, world) -> None:
    ticket_id = register(db, world)
    clock = walk(db, world, ticket_id, "acceptance")
    with db.transaction() as session:
        reject(
            session,
            session.get(Ticket, ticket_id),
            world.actor(session, "clerk"),
            reason="仍有渗水",
            now=clock,
        )
    [card] = _board(db, clock).cards
    assert (card.state, card.rework_count) == ("in_repair", 1)

    other = register(db, world)
    clock = walk(db, world, other, "follow_up")
    with db.sessions() as session:
        due_on = session.get(Ticket, other).follow_up_due_on
    card = next(c for c in _board(db, clock).cards if c.id == other)
    assert card.deadline_kind == Deadline.FOLLOW_UP
    assert card.deadline == follow_up_deadline(due_on)
    # Shanghai is UTC+8: the last local day ends at 16:00 UTC.
    assert card.deadline == dt.datetime.combine(due_on, dt.time(16))
    after = card.deadline + dt.timedelta(minutes=5)
    late = next(c for c in _board(db, after).cards if c.id == other)
    assert late.overdue
    assert other in {c.id for c in _board(db, after, overdue_only=True).cards}


def test_closed_columns_are_left_out_unless_asked(db, world) -> None:
    open_id = register(db, world)
    archived_id = register(db, world)
    clock = walk(db, world, archived_id, "archived")
    board = _board(db, clock)
    assert [c.id for c in board.cards] == [open_id]
    assert set(board.totals) == {s.value for s in OPEN_STATES}
    assert board.totals["received"] == 1
    shown = _board(db, clock, show_closed=True)
    assert {c.id for c in shown.cards} == {open_id, archived_id}
    assert shown.totals["archived"] == 1 and shown.totals["cancelled"] == 0
    archived = next(c for c in shown.cards if c.id == archived_id)
    assert archived.deadline is None and not archived.overdue  # closed: nothing counts down


def test_filters_narrow_the_board(db, world) -> None:
    leak = register(db, world)
    crack = register(
        db,
        world,
        defect_category_id=CRACK,
        urgency=Urgency.URGENT,
        description="客厅墙体出现斜向裂缝",
    )
    nobody = register(db, world, owner_id=None, description="阳台地漏返水")
    road = register(
        db,
        world,
        project_id=world.other_project_id,
        location_id=None,
        location_label="K3+200 北侧",
        defect_category_id=None,
    )
    tech2 = register(db, world, owner_id=world.staff["tech2"])
    numbers = {
        name: _number(db, i)
        for name, i in dict(leak=leak, crack=crack, nobody=nobody, road=road, tech2=tech2).items()
    }

    def shown(now=LATER, **flt) -> set[str]:
        return {name for name, n in numbers.items() if n in _numbers(_board(db, now, **flt))}

    assert shown() == set(numbers)
    assert shown(project_id=world.other_project_id) == {"road"}
    assert shown(owner_id=world.staff["tech2"]) == {"tech2"}
    assert shown(unassigned=True) == {"nobody"}
    assert shown(urgency=Urgency.URGENT) == {"crack"}
    assert shown(category="结构裂缝") == {"crack"}
    assert shown(search="裂缝") == {"crack"}
    assert shown(search="地漏") == {"nobody"}
    assert shown(search=numbers["tech2"]) == {"tech2"}
    assert shown(search="？？") == set()
    assert shown(
        project_id=world.project_id, urgency=Urgency.NORMAL, owner_id=world.staff["tech"]
    ) == {"leak"}
    # Overdue: an hour after the 8-hour response limit, every untaken ticket is late.
    assert shown(overdue_only=True) == set()
    assert shown(overdue_only=True, now=T0 + dt.timedelta(hours=9)) == set(numbers)


def test_live_refresh_reads_only_the_asked_cards(db, world) -> None:
    first, second = register(db, world), register(db, world)
    done = register(db, world)
    clock = walk(db, world, done, "archived")
    with db.sessions() as session:
        cards = fetch_cards(session, BoardFilter(), clock, [first, done, first])
        assert [c.id for c in cards] == [first]  # archived: it left the board
        assert fetch_cards(session, BoardFilter(), clock, []) == []
        assert [
            c.id for c in fetch_cards(session, BoardFilter(show_closed=True), clock, [done])
        ] == [done]
        assert fetch_cards(session, BoardFilter(urgency=Urgency.URGENT), clock, [second]) == []


def test_cards_are_ordered_by_the_most_pressing_deadline(db, world) -> None:
    normal = register(db, world)
    emergency = register(db, world, urgency=Urgency.EMERGENCY, at=T0 + dt.timedelta(minutes=5))
    board = _board(db, LATER)
    ordered = sorted(board.cards, key=card_order)
    assert [c.id for c in ordered] == [emergency, normal]  # 30 minutes left beats 8 hours


def test_filter_choices_list_projects_owners_and_categories(db, world) -> None:
    with db.sessions() as session:
        choices = filter_choices(session)
    assert [name for _id, name in choices.projects] == ["阳光花园", "经十路改造"]
    owners = {name for _id, name in choices.owners}
    assert owners == {"王师傅", "赵师傅", "张经理", "陈总"}  # no clerk, nobody who left
    assert "卫生间渗漏" in choices.categories and "路面裂缝" in choices.categories
    assert len(choices.categories) == len(set(choices.categories))


def test_sql_overdue_agrees_with_the_sla_rules_on_demo_data(demo_db) -> None:
    from app.demo.generator import REFERENCE_NOW

    with demo_db.sessions() as session:
        board = fetch_board(session, BoardFilter(), REFERENCE_NOW)
        assert board.cards
        for card in board.cards:
            ticket = session.get(Ticket, card.id)
            timers = any(is_overdue(ticket, t, REFERENCE_NOW) for t in Timer)
            late_visit = card.deadline_kind == Deadline.FOLLOW_UP and card.deadline < REFERENCE_NOW
            assert card.overdue == (timers or late_visit), card.number
            assert card.is_overdue(REFERENCE_NOW) == card.overdue, card.number
