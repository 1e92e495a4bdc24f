"""The fault cases of issue 7 against a real PostgreSQL: cuts, kills, rollbacks, skewed
clocks, concurrent edits, deletes, replays, out-of-order commits, old clients, broken files."""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid

import psycopg
import pytest
from sqlalchemy import select, text

from app.models import Customer, Ticket
from app.models.outbox import set_clock
from app.sync import server
from app.sync.service import run_sync
from tests.sync.helpers import (
    attachment_hashes_ok,
    diff,
    dump,
    integrity_ok,
    outbox_count,
    server_rows,
    settings,
    sync_ok,
)
from tests.unit.lifecycle_world import build_world, register, walk


@pytest.fixture(autouse=True)
def _real_clock():
    yield
    set_clock(None)


def two_laptops(make_store, url):
    """Laptop A makes the world and a ticket; laptop B gets it by syncing."""
    a, b = make_store("a"), make_store("b")
    world = build_world(a)
    ticket_id = register(a, world)
    sync_ok(a, url)
    sync_ok(b, url)
    return a, b, world, ticket_id


def edit_ticket(db, ticket_id, **values) -> None:
    with db.transaction() as session:
        ticket = session.get(Ticket, ticket_id)
        for name, value in values.items():
            setattr(ticket, name, value)


def ticket_value(db, ticket_id, name):
    with db.sessions() as session:
        return getattr(session.get(Ticket, ticket_id), name)


def conflicts(db) -> list:
    from app.models.outbox import SyncConflict

    with db.engine.connect() as conn:
        return conn.execute(select(SyncConflict.__table__)).all()


def applied_ops(url) -> dict[str, int]:
    with psycopg.connect(url, sslmode="disable") as conn:
        return dict(conn.execute("SELECT op_id::text, count(*) FROM wd_applied_op GROUP BY op_id").fetchall())


def converge(url, *stores) -> None:
    for _ in range(2):
        for db in stores:
            sync_ok(db, url)
    first = dump(stores[0])
    for other in stores[1:]:
        assert diff(first, dump(other)) == []
    srv = server_rows(url)
    for table, rows in first.items():
        assert set(rows) == set(srv.get(table, {})), table


# --- same field, both orders ------------------------------------------------------------------


@pytest.mark.parametrize("later_pushes_first", [False, True])
def test_same_field_on_two_offline_clients_same_winner_both_orders(make_store, pg_url, later_pushes_first):
    a, b, _world, ticket_id = two_laptops(make_store, pg_url)
    edit_ticket(a, ticket_id, description="A：卫生间顶部渗水，面积扩大")
    time.sleep(0.01)
    edit_ticket(b, ticket_id, description="B：顶部渗水已停止")  # the later edit
    order = [b, a] if later_pushes_first else [a, b]
    for db in order:
        sync_ok(db, pg_url)
    converge(pg_url, a, b)
    assert ticket_value(a, ticket_id, "description") == "B：顶部渗水已停止"
    for db in (a, b):  # the loser is kept on both sides
        found = [c for c in conflicts(db) if c.field == "description"]
        assert len(found) == 1
        assert found[0].winner_value == "B：顶部渗水已停止"
        assert found[0].loser_value == "A：卫生间顶部渗水，面积扩大"


def test_different_fields_merge_without_conflict(make_store, pg_url):
    a, b, _world, ticket_id = two_laptops(make_store, pg_url)
    edit_ticket(a, ticket_id, description="A 改了描述")
    edit_ticket(b, ticket_id, reporter_phone="13911112222")
    converge(pg_url, a, b)
    assert ticket_value(b, ticket_id, "description") == "A 改了描述"
    assert ticket_value(a, ticket_id, "reporter_phone") == "13911112222"
    assert [c for c in conflicts(a) if c.kind == "field"] == []


def test_causally_later_edit_wins_even_with_an_older_clock(make_store, pg_url):
    a, b, _world, ticket_id = two_laptops(make_store, pg_url)
    edit_ticket(a, ticket_id, description="先改")
    sync_ok(a, pg_url)
    sync_ok(b, pg_url)  # B has seen A's edit ...
    set_clock(lambda: time.time() - 5 * 3600)  # ... and its clock is hours behind
    edit_ticket(b, ticket_id, description="看过之后再改")
    sync_ok(b, pg_url)
    set_clock(None)
    converge(pg_url, a, b)
    assert ticket_value(a, ticket_id, "description") == "看过之后再改"
    assert conflicts(a) == []


# --- delete vs edit ---------------------------------------------------------------------------


@pytest.mark.parametrize("delete_first", [True, False])
def test_delete_wins_over_edit_and_the_edit_is_kept(make_store, pg_url, delete_first):
    a, b = make_store("a"), make_store("b")
    with a.transaction() as session:
        customer = Customer(name="王女士", phone="13800000000")
        session.add(customer)
    customer_id = customer.id
    sync_ok(a, pg_url)
    sync_ok(b, pg_url)
    with a.transaction() as session:
        session.delete(session.get(Customer, customer_id))
    with b.transaction() as session:
        session.get(Customer, customer_id).notes = "周末在家"
    for db in ([a, b] if delete_first else [b, a]):
        sync_ok(db, pg_url)
    converge(pg_url, a, b)
    for db in (a, b):
        with db.sessions() as session:
            assert session.get(Customer, customer_id) is None
        kept = [c for c in conflicts(db) if c.kind == "delete" and c.field == "notes"]
        assert kept and kept[0].loser_value == "周末在家"


# --- replays, cuts, rollbacks -----------------------------------------------------------------


def test_replayed_batch_returns_receipt_and_changed_content_is_refused(pg_url):
    conn = psycopg.connect(pg_url, sslmode="disable", autocommit=True)
    op = {"op_id": str(uuid.uuid4()), "entity": "customer", "row_id": str(uuid.uuid4()),
          "kind": "upsert", "fields": {"name": "王女士"}, "full": False, "hlc": 1 << 16,
          "base_seq": 0, "actor_id": None, "project_id": None, "parent_id": None}
    batch = str(uuid.uuid4())
    first = server.push_batch(conn, "client-1", "AAAA", batch, [op])
    again = server.push_batch(conn, "client-1", "AAAA", batch, [op])
    assert again["replayed"] and again["applied"] == first["applied"] == 1
    changed = {**op, "fields": {"name": "李先生"}}
    with pytest.raises(server.BatchMismatch):
        server.push_batch(conn, "client-1", "AAAA", batch, [changed])
    # The same op under a new batch id is recognised by its op id: applied once only.
    third = server.push_batch(conn, "client-1", "AAAA", str(uuid.uuid4()), [changed])
    assert third["duplicates"] == 1 and third["applied"] == 0
    assert applied_ops(pg_url) == {op["op_id"]: 1}
    assert server_rows(pg_url)["customer"][op["row_id"]]["name"] == "王女士"
    conn.close()


def test_same_batch_id_with_changed_content_from_a_client_recovers(make_store, pg_url):
    a = make_store("a")
    build_world(a)
    with a.engine.begin() as conn:  # a batch id the server already knows with other content
        conn.execute(text("UPDATE sync_outbox SET batch_id = :b"), {"b": uuid.UUID(int=7).bytes})
    other = psycopg.connect(pg_url, sslmode="disable", autocommit=True)
    client_id = a.engine.connect().execute(text("SELECT client_id FROM sync_state")).scalar()
    server.push_batch(other, client_id, "X", str(uuid.UUID(int=7)), [])
    other.close()
    result = sync_ok(a, pg_url)
    assert result.pushed > 0 and outbox_count(a) == 0


def test_cut_after_server_commit_is_applied_exactly_once(make_store, pg_server, pg_database):
    proxy = pg_server.proxy()
    url = pg_server.url(pg_database, proxy)
    a = make_store("a")
    build_world(a)
    pending = outbox_count(a)

    def cut(point):
        if point == "push_after_commit":
            proxy.cut()

    failed = run_sync(a, settings(url), fault=cut)
    assert failed.error is not None and "连接" in failed.error
    assert outbox_count(a) == pending  # the receipt never arrived: the batch is kept
    sync_ok(a, url)
    assert outbox_count(a) == 0
    counts = applied_ops(url)
    assert all(n == 1 for n in counts.values())
    proxy.close()


def test_server_transaction_rolled_back_changes_nothing(make_store, pg_url):
    a = make_store("a")
    build_world(a)
    pending = outbox_count(a)

    def boom(point):
        if point == "push_before_commit":
            raise psycopg.OperationalError("injected failure before commit")

    failed = run_sync(a, settings(pg_url), fault=boom)
    assert failed.error is not None
    assert outbox_count(a) == pending
    with psycopg.connect(pg_url, sslmode="disable") as conn:
        assert conn.execute("SELECT count(*) FROM wd_applied_op").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM wd_change_log").fetchone()[0] == 0
    sync_ok(a, pg_url)
    assert all(n == 1 for n in applied_ops(pg_url).values())


def test_cut_mid_pull_resumes_without_loss(make_store, pg_server, pg_database):
    proxy = pg_server.proxy()
    url = pg_server.url(pg_database, proxy)
    a, b = make_store("a"), make_store("b")
    world = build_world(a)
    for _ in range(3):
        walk(a, world, register(a, world), "acceptance")
    sync_ok(a, url)
    calls = []

    def cut(point):
        if point == "apply_before_commit":
            calls.append(point)
            if len(calls) == 3:
                proxy.cut()
                raise ConnectionError("cut during pull")

    failed = run_sync(b, settings(url), fault=cut)
    assert failed.error is not None
    assert integrity_ok(b)
    converge(url, a, b)
    proxy.close()


# --- clocks -----------------------------------------------------------------------------------


@pytest.mark.parametrize("skew_hours", [3, -3])
def test_clock_skew_is_corrected_by_the_server_offset(make_store, pg_url, skew_hours):
    a, b, _world, ticket_id = two_laptops(make_store, pg_url)
    skewed = lambda: time.time() + skew_hours * 3600  # noqa: E731
    set_clock(skewed)
    sync_ok(a, pg_url)  # A learns its offset to the server
    edit_ticket(a, ticket_id, description="A 的修改（先）")
    set_clock(None)
    time.sleep(0.05)
    edit_ticket(b, ticket_id, description="B 的修改（后）")
    sync_ok(b, pg_url)
    set_clock(skewed)
    sync_ok(a, pg_url)
    set_clock(None)
    converge(pg_url, a, b)
    # Real time order decides, whichever way A's clock was wrong.
    assert ticket_value(a, ticket_id, "description") == "B 的修改（后）"


def test_clock_jumping_backwards_keeps_order(make_store, pg_url):
    a, b, _world, ticket_id = two_laptops(make_store, pg_url)
    edit_ticket(a, ticket_id, description="第一次")
    set_clock(lambda: time.time() - 3600)
    edit_ticket(a, ticket_id, description="第二次（时钟回拨后）")
    with a.engine.connect() as conn:
        hlcs = list(conn.execute(text("SELECT hlc FROM sync_outbox ORDER BY seq")).scalars())
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
    set_clock(None)
    converge(pg_url, a, b)
    assert ticket_value(b, ticket_id, "description") == "第二次（时钟回拨后）"


# --- out-of-order commits ---------------------------------------------------------------------


def test_pull_cursor_never_skips_a_commit_that_finished_later(make_store, pg_url):
    a, b, c = make_store("a"), make_store("b"), make_store("c")
    world = build_world(a)
    sync_ok(a, pg_url)
    sync_ok(b, pg_url)
    sync_ok(c, pg_url)
    first = register(a, world)
    with b.transaction() as session:
        session.add(Customer(name="赵先生", phone="13700000000"))
    hold, holding = threading.Event(), threading.Event()

    def slow(point):
        if point == "push_before_commit":
            holding.set()
            hold.wait(10)

    results = {}
    slow_push = threading.Thread(target=lambda: results.setdefault("a", run_sync(a, settings(pg_url), fault=slow)))
    slow_push.start()
    assert holding.wait(10)
    fast_push = threading.Thread(target=lambda: results.setdefault("b", run_sync(b, settings(pg_url))))
    fast_push.start()
    time.sleep(0.3)
    assert fast_push.is_alive()  # B waits for A's transaction: its rows cannot commit first
    sync_ok(c, pg_url)  # a pull while A's batch is uncommitted
    hold.set()
    slow_push.join(10)
    fast_push.join(10)
    assert results["a"].error is None and results["b"].error is None
    sync_ok(c, pg_url)
    with c.sessions() as session:
        assert session.get(Ticket, first) is not None
        assert session.scalars(select(Customer).where(Customer.name == "赵先生")).one()


# --- schema handshake -------------------------------------------------------------------------


def test_old_client_keeps_working_offline_with_its_outbox(make_store, pg_url):
    a = make_store("a")
    world = build_world(a)
    with psycopg.connect(pg_url, sslmode="disable", autocommit=True) as conn:
        conn.execute("UPDATE wd_server_info SET value = '99' WHERE key = 'min_client_protocol'")
    pending = outbox_count(a)
    result = run_sync(a, settings(pg_url))
    assert result.too_old and "版本过旧" in result.error
    assert outbox_count(a) == pending
    register(a, world)  # still works offline
    assert outbox_count(a) > pending


def test_server_not_initialised_is_reported(make_store, pg_server):
    from tests.sync.pg_fixtures import create_database, drop_database

    name = create_database(pg_server, init=False)
    try:
        result = run_sync(make_store("a"), settings(pg_server.url(name)))
        assert "尚未初始化" in result.error
    finally:
        drop_database(pg_server, name)


# --- quarantine -------------------------------------------------------------------------------


def test_bad_op_is_quarantined_and_never_blocks(make_store, pg_url):
    a, b = make_store("a"), make_store("b")
    build_world(a)
    with a.engine.begin() as conn:  # an op from a laptop whose clock was two days ahead
        conn.execute(text(
            "UPDATE sync_outbox SET hlc = :h WHERE seq = (SELECT min(seq) FROM sync_outbox WHERE entity = 'staff')"
        ), {"h": int((time.time() + 2 * 86400) * 1000) << 16})
    result = sync_ok(a, pg_url)
    assert result.quarantined == 1 and result.pushed > 0
    assert outbox_count(a) == 0 and outbox_count(a, "quarantined") == 1
    with psycopg.connect(pg_url, sslmode="disable") as conn:
        assert conn.execute("SELECT reason FROM wd_quarantine").fetchone()[0].startswith("时间戳")
    sync_ok(b, pg_url)


# --- attachments ------------------------------------------------------------------------------


def _add_photo(db, world, size: int) -> str:
    from app.models.ticket_actions import attach_file
    from app.models.vocabulary import PhotoStage

    data = os.urandom(size)
    ticket_id = register(db, world)
    with db.transaction() as session:
        ticket = session.get(Ticket, ticket_id)
        attach_file(session, world.store, ticket, world.actor(session, "tech"), data=data,
                    original_name="photo.jpg", mime_type="image/jpeg", stage=PhotoStage.BEFORE)
    return hashlib.sha256(data).hexdigest()


def test_blob_upload_cut_resumes_and_corrupted_chunk_is_refused(make_store, pg_server, pg_database):
    proxy = pg_server.proxy()
    url = pg_server.url(pg_database, proxy)
    a, b = make_store("a"), make_store("b")
    world = build_world(a)
    sha = _add_photo(a, world, 4 * server.CHUNK_SIZE + 1000)  # 5 chunks
    proxy.cut_after(int(2.5 * server.CHUNK_SIZE))
    failed = run_sync(a, settings(url))
    assert failed.error is not None
    with psycopg.connect(pg_server.url(pg_database), sslmode="disable") as conn:
        kept = conn.execute("SELECT count(*) FROM wd_blob_chunk WHERE sha256 = %s", (sha,)).fetchone()[0]
    assert 1 <= kept < 5

    def tamper(index, data):  # one chunk damaged in transit: the server refuses it
        return b"X" + data[1:]

    def fault(point):
        return None

    fault.tamper_chunk = tamper
    resumed = run_sync(a, settings(url), fault=fault)
    assert resumed.error is None
    assert resumed.chunks_up == 5 - kept  # only the missing chunks travelled again
    result = sync_ok(b, url)
    assert result.blobs_down >= 1 and attachment_hashes_ok(b)
    proxy.close()


def test_corrupted_blob_on_the_server_is_never_used(make_store, pg_url):
    from app.config import attachments_dir

    a, b = make_store("a"), make_store("b")
    world = build_world(a)
    sha = _add_photo(a, world, 3000)
    sync_ok(a, pg_url)
    with psycopg.connect(pg_url, sslmode="disable", autocommit=True) as conn:
        conn.execute("UPDATE wd_blob_chunk SET data = 'broken'::bytea WHERE sha256 = %s", (sha,))
    result = sync_ok(b, pg_url)
    assert result.blob_errors == 1
    assert not (attachments_dir(b.path) / sha[:2] / sha[2:]).exists()
    with b.engine.connect() as conn:
        error = conn.execute(text("SELECT last_error FROM sync_blob_todo WHERE sha256 = :s"), {"s": sha}).scalar()
    assert "哈希" in error


# --- duplicates -------------------------------------------------------------------------------


def test_duplicate_customer_on_two_laptops_keeps_both(make_store, pg_url):
    from app.models.master_data import search_customers

    a, b = make_store("a"), make_store("b")
    for db in (a, b):
        with db.transaction() as session:
            session.add(Customer(name="王女士", phone="13800000000"))
    converge(pg_url, a, b)
    for db in (a, b):
        with db.sessions() as session:
            assert len(search_customers(session, "13800000000")) == 2  # both shown, to merge by hand


# --- scope ------------------------------------------------------------------------------------


def test_scope_syncs_chosen_projects_and_a_ticket_leaving_it_is_removed_locally(make_store, pg_url):
    a, b = make_store("a"), make_store("b")
    world = build_world(a)
    inside = register(a, world)
    outside = register(a, world, project_id=world.other_project_id, location_id=None,
                       location_label="K1+200 北侧", defect_category_id=None)
    sync_ok(a, pg_url)
    sync_ok(b, pg_url, scope=[world.project_id])
    with b.sessions() as session:
        assert session.get(Ticket, inside) is not None
        assert session.get(Ticket, outside) is None
    edit_ticket(a, inside, project_id=world.other_project_id, location_id=None,
                location_label="K1+300")
    sync_ok(a, pg_url)
    sync_ok(b, pg_url, scope=[world.project_id])
    with b.sessions() as session:
        assert session.get(Ticket, inside) is None  # gone here ...
    assert str(inside) in server_rows(pg_url)["ticket"]  # ... not on the server
    sync_ok(b, pg_url)  # scope widened to everything: both come back
    with b.sessions() as session:
        assert session.get(Ticket, inside) is not None and session.get(Ticket, outside) is not None
    assert integrity_ok(b)


def test_ticket_moving_into_the_scope_arrives_with_its_history(make_store, pg_url):
    from app.models import TicketEvent

    a, b = make_store("a"), make_store("b")
    world = build_world(a)
    outside = register(a, world, project_id=world.other_project_id, location_id=None,
                       location_label="K1+200 北侧", defect_category_id=None)
    with a.transaction() as session:  # some history: taken, commented
        from app.models.ticket_actions import take_ticket

        take_ticket(session, session.get(Ticket, outside), world.actor(session, "tech"))
    sync_ok(a, pg_url)
    sync_ok(b, pg_url, scope=[world.project_id])
    with b.sessions() as session:
        assert session.get(Ticket, outside) is None
    edit_ticket(a, outside, project_id=world.project_id, location_id=world.room_id)
    sync_ok(a, pg_url)
    sync_ok(b, pg_url, scope=[world.project_id])

    def history(db):
        with db.sessions() as session:
            return sorted(str(e.id) for e in session.scalars(
                select(TicketEvent).where(TicketEvent.ticket_id == outside)))

    assert history(b) and history(b) == history(a)
    with b.engine.connect() as conn:
        hits = conn.execute(text("SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH '\"渗水\"'"))
        assert hits.scalar() == 1
    assert integrity_ok(b)
