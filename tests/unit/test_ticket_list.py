"""The ticket list pages: every row exactly once in every order, filters and search combined."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import func, select

from app.models import OrgUnit, Project, Ticket
from app.models.numbering import next_ticket_number
from app.models.ticket_list import SortKey, TicketFilter, count_tickets, fetch_page
from app.models.vocabulary import TicketState

STATES = [s.value for s in TicketState]


@pytest.fixture
def listed(db):
    """Two projects, 130 tickets with deliberate ties in every sort column."""
    rng = random.Random(5)
    with db.transaction() as session:
        dept = OrgUnit(name="第一项目部", kind="project_dept")
        session.add(dept)
        session.flush()
        projects = [
            Project(code=f"P{i}", name=name, type="residential", project_dept_id=dept.id,
                    handover_date=dt.date(2024, 6, 30), delivery_date=None)
            for i, name in enumerate(["阳光花园", "滨江一号"])
        ]
        session.add_all(projects)
        session.flush()
        for n in range(130):
            session.add(Ticket(
                number=next_ticket_number(session, 2026),
                state=rng.choice(STATES), urgency=rng.choice([1, 2, 3]),
                project_id=rng.choice(projects).id, channel="hotline",
                description=rng.choice(["外墙渗水", "墙面开裂", "水管漏水"]),
                location_label=f"{rng.randint(1, 3)}栋",
                reported_at=dt.datetime(2026, 1, 1) + dt.timedelta(days=n // 4),  # ties
            ))
    return db


def _all_pages(db, flt: TicketFilter, limit: int = 17) -> list:
    rows, cursor = [], None
    with db.sessions() as session:
        while True:
            page = fetch_page(session, flt, cursor, limit=limit)
            rows.extend(page.rows)
            if page.cursor is None:
                return rows
            cursor = page.cursor


@pytest.mark.parametrize("sort", list(SortKey))
@pytest.mark.parametrize("descending", [True, False])
def test_paging_returns_every_row_once_in_order(listed, sort: SortKey, descending: bool) -> None:
    rows = _all_pages(listed, TicketFilter(sort=sort, descending=descending))
    assert len(rows) == 130 and len({r.id for r in rows}) == 130
    keys = [r.cursor for r in rows]
    assert keys == sorted(keys, reverse=descending)


def test_filters_combine_and_count_agrees(listed) -> None:
    flt = TicketFilter(states=("received", "in_repair"), urgency=1)
    rows = _all_pages(listed, flt)
    assert rows and all(r.state in ("received", "in_repair") and r.urgency == 1 for r in rows)
    with listed.sessions() as session:
        assert count_tickets(session, flt) == len(rows)


def test_search_pages_newest_first_and_with_other_orders(listed) -> None:
    newest_first = _all_pages(listed, TicketFilter(search="渗水"))
    assert newest_first and all("渗水" in r.description for r in newest_first)
    by_number = _all_pages(listed, TicketFilter(search="渗水", sort=SortKey.NUMBER, descending=False))
    assert {r.id for r in by_number} == {r.id for r in newest_first}
    assert [r.number for r in by_number] == sorted(r.number for r in by_number)
    with listed.sessions() as session:
        assert count_tickets(session, TicketFilter(search="渗水")) == len(newest_first)


def test_project_filter(listed) -> None:
    with listed.sessions() as session:
        project_id = session.scalar(select(Project.id).where(Project.code == "P1"))
    rows = _all_pages(listed, TicketFilter(project_id=project_id))
    assert rows and {r.project_name for r in rows} == {"滨江一号"}


def test_numbers_use_the_installation_code_and_continue(db) -> None:
    with db.transaction() as session:
        first = next_ticket_number(session, 2026)
        second = next_ticket_number(session, 2026)
        other_year = next_ticket_number(session, 2027)
    code = db.installation_code
    assert first == f"BX-{code}-2026-00001"
    assert second == f"BX-{code}-2026-00002"
    assert other_year == f"BX-{code}-2027-00001"


# ---------------------------------------------------------------------------------------------
# Quick-filter conditions (owner, overdue, due today, urgencies, scope states) and row flags
# ---------------------------------------------------------------------------------------------

NOW = dt.datetime(2026, 11, 24, 8, 0)  # UTC: 16:00 in Shanghai
H, DAY = dt.timedelta(hours=1), dt.timedelta(days=1)


@pytest.fixture
def timed(db):
    """Tickets whose timers, pauses, owners and states cover every case of the SLA filters."""
    from app.models import Staff
    from app.models.sla import Timer, age_band, is_overdue

    with db.transaction() as session:
        dept = OrgUnit(name="第一项目部", kind="project_dept")
        session.add(dept)
        session.flush()
        project = Project(code="P0", name="阳光花园", type="residential", project_dept_id=dept.id,
                          handover_date=dt.date(2024, 6, 30))
        wang = Staff(name="王师傅", role="technician", org_unit_id=dept.id)
        li = Staff(name="李师傅", role="technician", org_unit_id=dept.id)
        session.add_all([project, wang, li])
        session.flush()
        cases = {
            # name: (state, owner, urgency, reported before NOW, response due, responded, arrival due,
            #        paused since)
            "overdue": ("received", wang, 1, 2 * DAY, -H, None, 2 * H, None),
            "due_tonight": ("diagnosing", wang, 3, 10 * DAY, -2 * H, -3 * H, 5 * H, None),
            "due_tomorrow": ("planning", li, 2, 20 * DAY, -DAY, -DAY, DAY, None),
            "closed_late": ("archived", wang, 1, 40 * DAY, -DAY, None, -H, None),
            "paused_not_late": ("in_repair", li, 2, 9 * DAY, -H, None, DAY, -2 * H),
            "paused_late": ("in_repair", wang, 3, 31 * DAY, -5 * H, None, DAY, -2 * H),
            "acceptance": ("acceptance", None, 3, 15 * DAY, -DAY, -DAY, 3 * DAY, None),
        }
        ids = {}
        for n, (name, (state, owner, urgency, age, due, met, arrival, paused)) in enumerate(cases.items()):
            ticket = Ticket(
                number=next_ticket_number(session, 2026), state=state, urgency=urgency,
                project_id=project.id, channel="hotline", description=f"案例{n}",
                reported_at=NOW - age, owner_id=owner.id if owner else None,
                response_due_at=NOW + due, responded_at=None if met is None else NOW + met,
                arrival_due_at=NOW + arrival, completion_due_at=NOW + 7 * DAY,
                paused_since=None if paused is None else NOW + paused,
            )
            session.add(ticket)
            session.flush()
            ids[name] = ticket.id
        expected_overdue = {
            name for name, ticket_id in ids.items()
            if any(is_overdue(session.get(Ticket, ticket_id), t, NOW) for t in Timer)
        }
        bands = {
            name: age_band(session.get(Ticket, ticket_id).reported_at, NOW) for name, ticket_id in ids.items()
        }
    return db, ids, {"wang": wang.id, "li": li.id}, expected_overdue, bands


def _names(ids: dict, rows) -> set[str]:
    by_id = {ticket_id: name for name, ticket_id in ids.items()}
    return {by_id[r.id] for r in rows}


def test_overdue_only_matches_the_sla_rule(timed) -> None:
    db, ids, _staff, expected, _bands = timed
    with db.sessions() as session:
        rows = fetch_page(session, TicketFilter(overdue_only=True), now=NOW).rows
        assert count_tickets(session, TicketFilter(overdue_only=True), now=NOW) == len(rows)
    assert _names(ids, rows) == expected == {"overdue", "paused_late"}


def test_due_before_end_of_today_adds_what_falls_due_tonight(timed) -> None:
    from app.models.ticket_list import end_of_local_day

    db, ids, _staff, _expected, _bands = timed
    flt = TicketFilter(due_before=end_of_local_day(NOW))
    with db.sessions() as session:
        rows = fetch_page(session, flt, now=NOW).rows
        assert count_tickets(session, flt, now=NOW) == len(rows)
    # Closed tickets never; a paused clock only when already late; tomorrow's not yet.
    assert _names(ids, rows) == {"overdue", "due_tonight", "paused_late"}


def test_end_of_local_day_is_midnight_in_shanghai() -> None:
    from app.models.ticket_list import end_of_local_day

    assert end_of_local_day(NOW) == dt.datetime(2026, 11, 24, 16, 0)
    assert end_of_local_day(dt.datetime(2026, 11, 24, 17, 0)) == dt.datetime(2026, 11, 25, 16, 0)


def test_owner_urgencies_and_scope_states_narrow_together(timed) -> None:
    from app.models.ticket_list import OPEN_STATE_VALUES

    db, ids, staff, _expected, _bands = timed
    with db.sessions() as session:
        def names(**conditions) -> set[str]:
            flt = TicketFilter(**conditions)
            rows = fetch_page(session, flt, now=NOW).rows
            assert count_tickets(session, flt, now=NOW) == len(rows)
            return _names(ids, rows)

        assert names(owner_id=staff["wang"], scope_states=OPEN_STATE_VALUES) == {
            "overdue", "due_tonight", "paused_late"
        }
        assert names(urgencies=(1, 2), scope_states=OPEN_STATE_VALUES) == {
            "overdue", "due_tomorrow", "paused_not_late"
        }
        assert names(urgencies=(1, 2)) == {"overdue", "due_tomorrow", "paused_not_late", "closed_late"}
        assert names(scope_states=("acceptance",)) == {"acceptance"}
        # The state chooser and a quick filter's states intersect.
        assert names(scope_states=("acceptance",), states=("in_repair",)) == set()
        assert names(scope_states=OPEN_STATE_VALUES, states=("in_repair", "archived")) == {
            "paused_not_late", "paused_late"
        }


def test_rows_carry_ageing_band_and_overdue_flags_from_sql(timed) -> None:
    db, ids, _staff, expected, bands = timed
    with db.sessions() as session:
        rows = fetch_page(session, TicketFilter(), now=NOW).rows
    by_name = {name: row for row in rows for name, ticket_id in ids.items() if row.id == ticket_id}
    for name, row in by_name.items():
        assert row.overdue == (name in expected)
        assert row.age_band == (None if name == "closed_late" else int(bands[name]))
    assert by_name["overdue"].overdue_timers == ("response",)
    assert by_name["due_tonight"].next_due == NOW + 5 * H  # response met: the arrival is next
    assert by_name["paused_late"].paused and not by_name["overdue"].paused
    assert by_name["closed_late"].next_due is None
    assert by_name["overdue"].owner_name == "王师傅"


@pytest.mark.parametrize("sort", list(SortKey))
def test_paging_with_quick_filters_returns_every_row_once(listed, sort: SortKey) -> None:
    from app.models.ticket_list import OPEN_STATE_VALUES

    flt = TicketFilter(scope_states=OPEN_STATE_VALUES, urgencies=(1, 2), sort=sort)
    rows = _all_pages(listed, flt, limit=7)
    with listed.sessions() as session:
        expected = session.scalar(
            select(func.count()).select_from(Ticket)
            .where(Ticket.state.in_(OPEN_STATE_VALUES), Ticket.urgency.in_((1, 2)))
        )
        assert count_tickets(session, flt) == expected
    assert len(rows) == expected and len({r.id for r in rows}) == expected
    keys = [r.cursor for r in rows]
    assert keys == sorted(keys, reverse=True)


def test_fetch_rows_gives_the_changed_rows_still_shown_with_the_page_cursor(listed) -> None:
    from app.models.ticket_list import fetch_rows

    flt = TicketFilter(states=("received",), sort=SortKey.NUMBER)
    with listed.sessions() as session:
        page = fetch_page(session, flt, limit=500)
        other = session.scalars(select(Ticket.id).where(Ticket.state != "received").limit(3)).all()
        wanted = [r.id for r in page.rows[:4]] + list(other)
        rows = fetch_rows(session, flt, wanted)
    assert {r.id for r in rows} == {r.id for r in page.rows[:4]}
    assert {r.id: r.cursor for r in rows} == {r.id: r.cursor for r in page.rows[:4]}


def test_open_load_by_owner_counts_open_tickets(timed) -> None:
    from app.models.ticket_list import open_load_by_owner

    db, _ids, staff, _expected, _bands = timed
    with db.sessions() as session:
        assert open_load_by_owner(session) == {staff["wang"]: 3, staff["li"]: 2}
