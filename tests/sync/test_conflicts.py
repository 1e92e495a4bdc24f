"""The 冲突 list and one-click "keep mine / keep theirs" (itself a new change that wins)."""

from __future__ import annotations

import time

import pytest

from app.models import Customer, Staff, Ticket
from app.sync.conflicts import ConflictError, list_conflicts, resolve_conflict
from tests.sync.helpers import diff, dump, sync_ok
from tests.unit.lifecycle_world import build_world, register


def _conflict_world(make_store, url):
    a, b = make_store("a"), make_store("b")
    world = build_world(a)
    ticket_id = register(a, world)
    sync_ok(a, url)
    sync_ok(b, url)
    with a.transaction() as session:
        session.get(Ticket, ticket_id).description = "A：渗水面积扩大"
    time.sleep(0.01)
    with b.transaction() as session:
        session.get(Ticket, ticket_id).description = "B：渗水已停止"
    sync_ok(a, url)
    sync_ok(b, url)
    sync_ok(a, url)
    return a, b, world, ticket_id


def test_conflict_rows_show_both_sides_in_chinese(make_store, pg_url):
    a, b, world, ticket_id = _conflict_world(make_store, pg_url)
    with a.sessions() as session:
        rows = list_conflicts(session)
    assert len(rows) == 1
    row = rows[0]
    assert row.entity_label == "报修单" and row.field_label == "问题描述"
    assert row.record_label.startswith("BX-")
    assert row.mine_text == "A：渗水面积扩大" and row.theirs_text == "B：渗水已停止"
    assert not row.current_is_mine and not row.resolved
    assert row.mine_at <= row.theirs_at
    with b.sessions() as session:
        other = list_conflicts(session)[0]
    assert other.mine_text == "B：渗水已停止" and other.current_is_mine


def test_keep_mine_is_a_new_change_that_wins_everywhere(make_store, pg_url):
    a, b, world, ticket_id = _conflict_world(make_store, pg_url)
    with a.transaction() as session:
        conflict = list_conflicts(session)[0]
        resolve_conflict(session, conflict.id, "mine", session.get(Staff, world.staff["clerk"]))
    with a.sessions() as session:
        assert session.get(Ticket, ticket_id).description == "A：渗水面积扩大"
        assert list_conflicts(session) == []
        assert list_conflicts(session, open_only=False)[0].resolution == "mine"
    sync_ok(a, pg_url)
    sync_ok(b, pg_url)
    with b.sessions() as session:
        assert session.get(Ticket, ticket_id).description == "A：渗水面积扩大"
    assert diff(dump(a, ["ticket"]), dump(b, ["ticket"])) == []


def test_keep_theirs_when_theirs_is_already_current_still_syncs(make_store, pg_url):
    a, b, world, ticket_id = _conflict_world(make_store, pg_url)
    with b.transaction() as session:  # B keeps A's value (theirs, the loser)
        conflict = list_conflicts(session)[0]
        resolve_conflict(session, conflict.id, "theirs", None)
    sync_ok(b, pg_url)
    sync_ok(a, pg_url)
    with a.sessions() as session:
        assert session.get(Ticket, ticket_id).description == "A：渗水面积扩大"


def test_deleted_record_cannot_be_brought_back(make_store, pg_url):
    a, b = make_store("a"), make_store("b")
    with a.transaction() as session:
        customer = Customer(name="王女士", phone="13800000000")
        session.add(customer)
    sync_ok(a, pg_url)
    sync_ok(b, pg_url)
    with a.transaction() as session:
        session.delete(session.get(Customer, customer.id))
    with b.transaction() as session:
        session.get(Customer, customer.id).notes = "周末在家"
    sync_ok(a, pg_url)
    sync_ok(b, pg_url)
    with b.transaction() as session:
        row = list_conflicts(session)[0]
        assert row.entity_label == "业主" and "已删除" in (row.mine_text + row.theirs_text)
        keep_edit = "mine" if row.mine_text == "周末在家" else "theirs"
        with pytest.raises(ConflictError):
            resolve_conflict(session, row.id, keep_edit, None)
        resolve_conflict(session, row.id, "theirs" if keep_edit == "mine" else "mine", None)
    with b.sessions() as session:
        assert list_conflicts(session) == []
