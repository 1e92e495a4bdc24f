"""The ticket list pages: every row exactly once in every order, filters and search combined."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import select

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
