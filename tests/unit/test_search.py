"""Bigram search: 1- and 2-character Chinese terms, numbers, phones; the index follows edits."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, text

from app.models import OrgUnit, Project, Ticket
from app.models.search import bigrams, match_expression, rebuild_index
from app.models.ticket_list import TicketFilter, count_tickets, fetch_page


def test_bigrams_cover_every_substring() -> None:
    assert bigrams("外墙渗水") == ["外墙", "墙渗", "渗水", "水"]
    assert bigrams("BX-JN01") == ["bx", "x", "jn", "n0", "01", "1"]


def test_match_expression_forms() -> None:
    assert match_expression("渗水") == '"渗水"'
    assert match_expression("外墙渗水") == '"外墙 墙渗 渗水"'
    assert match_expression("漏") == '"漏"*'
    assert match_expression("  ——  ") is None
    assert match_expression('"渗"水') == '"渗"* AND "水"*'  # quotes cannot break the query


def _ticket(session, project, n: int, description: str, **fields) -> Ticket:
    ticket = Ticket(
        number=f"BX-TEST-2026-{n:05d}", state="received", urgency=3, project_id=project.id,
        channel="hotline", reporter_name="李先生", reporter_phone="13912345678",
        description=description, location_label=f"{n}栋1单元1502室",
        reported_at=dt.datetime(2026, 1, 1) + dt.timedelta(hours=n), **fields,
    )
    session.add(ticket)
    return ticket


def _project(session) -> Project:
    dept = OrgUnit(name="第一项目部", kind="project_dept")
    session.add(dept)
    session.flush()
    project = Project(code="P1", name="阳光花园", type="residential", project_dept_id=dept.id,
                      handover_date=dt.date(2024, 6, 30), delivery_date=None)
    session.add(project)
    session.flush()
    return project


def _search(db, term: str) -> list[str]:
    with db.sessions() as session:
        return sorted(r.number for r in fetch_page(session, TicketFilter(search=term), limit=1000).rows)


def test_two_character_terms_and_substrings_are_found(db) -> None:
    with db.transaction() as session:
        project = _project(session)
        _ticket(session, project, 1, "主卧外墙渗水，雨天明显")
        _ticket(session, project, 2, "卫生间地面开裂")
        _ticket(session, project, 3, "厨房水管渗漏")
    assert _search(db, "渗水") == ["BX-TEST-2026-00001"]
    assert _search(db, "外墙渗水") == ["BX-TEST-2026-00001"]
    assert _search(db, "墙水") == []  # not a substring
    assert _search(db, "渗") == ["BX-TEST-2026-00001", "BX-TEST-2026-00003"]
    assert _search(db, "开裂") == ["BX-TEST-2026-00002"]
    assert _search(db, "00002") == ["BX-TEST-2026-00002"]
    assert _search(db, "5678") == ["BX-TEST-2026-00001", "BX-TEST-2026-00002", "BX-TEST-2026-00003"]
    assert _search(db, "3栋") == ["BX-TEST-2026-00003"]
    assert _search(db, "——") == []


def test_index_follows_edits(db) -> None:
    with db.transaction() as session:
        ticket = _ticket(session, _project(session), 1, "阳台渗水")
    with db.transaction() as session:
        session.get(Ticket, ticket.id).description = "阳台栏杆松动"
    assert _search(db, "渗水") == []
    assert _search(db, "栏杆") == ["BX-TEST-2026-00001"]


def test_rebuild_gives_the_same_answers(db) -> None:
    with db.transaction() as session:
        project = _project(session)
        for n in range(1, 30):
            _ticket(session, project, n, "外墙渗水" if n % 3 == 0 else "门窗变形")
    with db.transaction() as session:
        assert rebuild_index(session) == 29
    with db.sessions() as session:
        assert count_tickets(session, TicketFilter(search="渗水")) == 9
        hits = session.execute(text("SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH '\"门窗\"'"))
        assert hits.scalar() == 20
        assert session.scalar(select(func.count()).select_from(Ticket)) == 29
