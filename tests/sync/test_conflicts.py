"""The 冲突 list and one-click "keep mine / keep theirs" (itself a new change that wins)."""

from __future__ import annotations

import time

from app.models import Customer, Staff, Ticket
from app.sync.conflicts import list_conflicts, resolve_conflict
from tests.sync.helpers import diff, dump, server_rows, sync_ok
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


def _delete_vs_edit(make_store, url):
    """A deletes a customer while B adds a note to it; both sync: the delete wins."""
    a, b = make_store("a"), make_store("b")
    with a.transaction() as session:
        customer = Customer(name="王女士", phone="13800000000")
        session.add(customer)
    sync_ok(a, url)
    sync_ok(b, url)
    with a.transaction() as session:
        session.delete(session.get(Customer, customer.id))
    with b.transaction() as session:
        session.get(Customer, customer.id).notes = "周末在家"
    sync_ok(a, url)
    sync_ok(b, url)
    sync_ok(a, url)
    return a, b, customer.id


def test_a_concurrent_edit_still_loses_to_a_delete(make_store, pg_url):
    a, b, customer_id = _delete_vs_edit(make_store, pg_url)
    for db in (a, b):
        with db.sessions() as session:
            assert session.get(Customer, customer_id) is None
    assert str(customer_id) not in server_rows(pg_url).get("customer", {})
    with b.sessions() as session:
        row = list_conflicts(session)[0]
    assert row.entity_label == "业主" and row.restore_side == "mine"
    assert row.theirs_text == "（已删除）" and row.mine_text == "周末在家"


def test_restore_brings_the_deleted_record_back_everywhere_with_the_edit(make_store, pg_url):
    a, b, customer_id = _delete_vs_edit(make_store, pg_url)
    with b.transaction() as session:
        row = list_conflicts(session)[0]
        resolve_conflict(session, row.id, row.restore_side, None)  # "恢复此记录"
    with b.sessions() as session:
        assert list_conflicts(session) == []
        assert list_conflicts(session, open_only=False)[0].restored
    sync_ok(b, pg_url)
    sync_ok(a, pg_url)
    for db in (a, b):
        with db.sessions() as session:
            customer = session.get(Customer, customer_id)
            assert (customer.name, customer.phone, customer.notes) == (
                "王女士", "13800000000", "周末在家")
    assert server_rows(pg_url)["customer"][str(customer_id)]["notes"] == "周末在家"
    assert diff(dump(a, ["customer"]), dump(b, ["customer"])) == []
    with a.sessions() as session:
        assert list_conflicts(session) == []
        settled = list_conflicts(session, open_only=False)[0]
        assert settled.restored and settled.resolved_elsewhere == b.installation_code
    # A later edit of the restored record syncs as usual.
    with a.transaction() as session:
        session.get(Customer, customer_id).phone = "13900000000"
    sync_ok(a, pg_url)
    sync_ok(b, pg_url)
    assert diff(dump(a, ["customer"]), dump(b, ["customer"])) == []


def test_accepting_the_delete_settles_it_everywhere(make_store, pg_url):
    a, b, customer_id = _delete_vs_edit(make_store, pg_url)
    with b.transaction() as session:
        row = list_conflicts(session)[0]
        keep_delete = "theirs" if row.restore_side == "mine" else "mine"
        resolve_conflict(session, row.id, keep_delete, None)
    sync_ok(b, pg_url)
    sync_ok(a, pg_url)
    for db in (a, b):
        with db.sessions() as session:
            assert list_conflicts(session) == []
            assert session.get(Customer, customer_id) is None
