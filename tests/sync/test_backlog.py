"""A backlog of changes and photos pushed through a connection cut every fraction of a second:
it drains, every op is applied exactly once, every file arrives whole."""

from __future__ import annotations

import os
import threading

import psycopg
from sqlalchemy import text

from app.models import Customer, Ticket
from app.models.ticket_actions import attach_file
from app.models.vocabulary import PhotoStage
from app.sync.service import run_sync
from tests.sync.helpers import attachment_hashes_ok, diff, dump, outbox_count, settings, sync_ok
from tests.unit.lifecycle_world import build_world, register

CHANGES = 2000
PHOTOS = 20


def test_backlog_drains_through_a_flaky_connection(make_store, pg_server, pg_database):
    proxy = pg_server.proxy()
    url = pg_server.url(pg_database, proxy)
    a, b = make_store("a"), make_store("b")
    world = build_world(a)
    ticket_id = register(a, world)
    with a.transaction() as session:
        session.add_all(Customer(name=f"业主{i}", phone=f"138{i:08d}") for i in range(CHANGES))
        ticket = session.get(Ticket, ticket_id)
        tech = world.actor(session, "tech")
        for i in range(PHOTOS):
            attach_file(session, world.store, ticket, tech, data=os.urandom(300_000) + bytes([i]),
                        original_name=f"现场{i}.jpg", mime_type="image/jpeg", stage=PhotoStage.BEFORE)
    assert outbox_count(a) > CHANGES
    stop = threading.Event()

    def cutter():
        while not stop.wait(0.7):
            proxy.cut()

    thread = threading.Thread(target=cutter, daemon=True)
    thread.start()
    attempts = 0
    try:
        while attempts < 200:
            attempts += 1
            if run_sync(a, settings(url)).error is None and outbox_count(a) == 0:
                break
    finally:
        stop.set()
        thread.join()
    assert outbox_count(a) == 0, f"not drained after {attempts} attempts"
    assert attempts > 1  # the cuts really happened
    with psycopg.connect(pg_server.url(pg_database), sslmode="disable") as conn:
        once = conn.execute("SELECT count(*), count(DISTINCT op_id) FROM wd_applied_op").fetchone()
        assert once[0] == once[1]
        blobs = conn.execute("SELECT count(*) FROM wd_blob WHERE complete").fetchone()[0]
        assert blobs >= PHOTOS
    with a.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sync_blob_todo")).scalar() == 0
    sync_ok(b, pg_server.url(pg_database))
    assert diff(dump(a), dump(b)) == []
    assert attachment_hashes_ok(b)
    proxy.close()
