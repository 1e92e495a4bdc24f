"""Two laptops and a server: what one writes, the other gets, row for row."""

from __future__ import annotations

from tests.sync.helpers import diff, dump, integrity_ok, outbox_count, sync_ok
from tests.unit.lifecycle_world import build_world, register, walk


def test_two_clients_converge(make_store, pg_url) -> None:
    a, b = make_store("a"), make_store("b")
    world = build_world(a)
    ticket_id = register(a, world)
    walk(a, world, ticket_id, "archived")
    pushed = sync_ok(a, pg_url)
    assert pushed.pushed > 0 and outbox_count(a) == 0
    pulled = sync_ok(b, pg_url)
    assert pulled.pulled > 0
    sync_ok(a, pg_url)
    assert diff(dump(a), dump(b)) == []
    a.close()
    b.close()
    assert integrity_ok(b)


def test_pulled_tickets_are_searchable_and_files_arrive(make_store, pg_url) -> None:
    from sqlalchemy import text

    from tests.sync.helpers import attachment_hashes_ok

    a, b = make_store("a"), make_store("b")
    world = build_world(a)
    walk(a, world, register(a, world), "archived")
    sync_ok(a, pg_url)
    result = sync_ok(b, pg_url)
    assert result.blobs_down >= 2
    assert attachment_hashes_ok(b)
    rows = dump(b)
    assert len(rows["ticket"]) == 1 and len(rows["attachment"]) == 1 and len(rows["signature"]) == 1
    with b.engine.connect() as conn:
        hits = conn.execute(text("SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH '\"渗水\"'"))
        assert hits.scalar() == 1


def test_two_new_stores_agree_on_their_seeded_rows(tmp_path, pg_url) -> None:
    """Every store seeds the same default categories: meeting on the server is no conflict."""
    import time

    from app.models.db import open_database
    from app.sync.service import open_conflict_count

    a = open_database(tmp_path / "a.db", create=True)
    time.sleep(0.01)  # made at different moments, as on two laptops
    b = open_database(tmp_path / "b.db", create=True)
    sync_ok(a, pg_url)
    sync_ok(b, pg_url)
    sync_ok(a, pg_url)
    for store in (a, b):
        with store.sessions() as session:
            assert open_conflict_count(session) == 0
    assert diff(dump(a), dump(b)) == []
    a.close()
    b.close()
