"""A conflict settled on one computer is settled everywhere (first resolution wins), surviving
cuts; against a real PostgreSQL."""

from __future__ import annotations

import psycopg
import pytest

from app.models import Staff, Ticket
from app.models.outbox import SyncConflict
from app.sync.conflicts import ConflictError, list_conflicts, resolve_conflict
from app.sync.service import run_sync
from tests.sync.helpers import diff, dump, outbox_count, server_rows, settings, sync_ok
from tests.sync.test_conflicts import _conflict_world

A_TEXT, B_TEXT = "A：渗水面积扩大", "B：渗水已停止"


def _resolve(db, keep: str, actor_id=None) -> None:
    with db.transaction() as session:
        conflict = list_conflicts(session)[0]
        actor = session.get(Staff, actor_id) if actor_id else None
        resolve_conflict(session, conflict.id, keep, actor)


def _conflict(db) -> SyncConflict:
    with db.sessions() as session:
        rows = list(session.query(SyncConflict))
        assert len(rows) == 1
        session.expunge_all()
        return rows[0]


def _description(db, ticket_id) -> str:
    with db.sessions() as session:
        return session.get(Ticket, ticket_id).description


def _server_description(url, ticket_id) -> str:
    return server_rows(url)["ticket"][str(ticket_id)]["description"]


def _resolutions(url) -> list[tuple]:
    with psycopg.connect(url, sslmode="disable") as conn:
        return conn.execute("SELECT conflict_id, keep, client_id FROM wd_conflict_resolution").fetchall()


def test_resolution_on_a_reaches_b_with_the_same_choice(make_store, pg_url):
    a, b, world, ticket_id = _conflict_world(make_store, pg_url)
    clerk = world.staff["clerk"]
    _resolve(a, "mine", clerk)  # A keeps its own value, which had lost
    sync_ok(a, pg_url)
    result = sync_ok(b, pg_url)
    assert result.conflicts_resolved_elsewhere == 1
    on_a, on_b = _conflict(a), _conflict(b)
    assert on_b.resolved_at is not None and on_b.resolved_keep == on_a.resolved_keep == "loser"
    assert on_b.resolution == "theirs"  # on B, A's value is the other side
    assert on_b.resolved_by_id == clerk and on_b.resolved_label == a.installation_code
    with b.sessions() as session:
        assert list_conflicts(session) == []
        shown = list_conflicts(session, open_only=False)[0]
        assert shown.resolved and shown.resolved_elsewhere == a.installation_code
        assert shown.kept_text == A_TEXT
    assert _description(a, ticket_id) == _description(b, ticket_id) == A_TEXT
    assert _server_description(pg_url, ticket_id) == A_TEXT
    sync_ok(a, pg_url)
    assert diff(dump(a, ["ticket"]), dump(b, ["ticket"])) == []
    with a.sessions() as session, b.sessions() as other:
        assert list_conflicts(session) == [] and list_conflicts(other) == []
    # B cannot settle it a second time.
    with b.transaction() as session, pytest.raises(ConflictError):
        resolve_conflict(session, list_conflicts(session, open_only=False)[0].id, "mine", None)


@pytest.mark.parametrize("first", ["a", "b"])
def test_resolved_on_two_computers_at_once_keeps_the_first(make_store, pg_url, first):
    a, b, world, ticket_id = _conflict_world(make_store, pg_url)
    _resolve(a, "mine")  # A keeps A's value
    _resolve(b, "mine")  # B keeps B's value, at the same time (neither has synced)
    order = (a, b) if first == "a" else (b, a)
    for db in order:
        sync_ok(db, pg_url)  # the second resolution is refused by the server, without failing
    for db in order:
        sync_ok(db, pg_url)
    expected = A_TEXT if first == "a" else B_TEXT
    kept_by = order[0]
    assert _description(a, ticket_id) == _description(b, ticket_id) == expected
    assert _server_description(pg_url, ticket_id) == expected
    on_a, on_b = _conflict(a), _conflict(b)
    assert on_a.resolved_keep == on_b.resolved_keep
    assert on_a.resolved_client == on_b.resolved_client
    assert [r[2] for r in _resolutions(pg_url)] == [on_a.resolved_client]
    assert kept_by.installation_code in (on_a.resolved_label, on_b.resolved_label)
    with a.sessions() as session, b.sessions() as other:
        assert list_conflicts(session) == [] and list_conflicts(other) == []  # no new conflict
    assert diff(dump(a, ["ticket"]), dump(b, ["ticket"])) == []
    assert outbox_count(a) == outbox_count(b) == 0


def test_resolution_survives_cuts_after_commit_and_while_applying(make_store, pg_url):
    a, b, world, ticket_id = _conflict_world(make_store, pg_url)
    _resolve(a, "theirs")  # A takes B's value (the current one)

    def cut_push(point):
        if point == "push_after_commit":
            raise psycopg.OperationalError("server closed the connection unexpectedly")

    assert run_sync(a, settings(pg_url), fault=cut_push).error is not None
    sync_ok(a, pg_url)  # the batch travels again: its stored receipt, nothing applied twice
    assert len(_resolutions(pg_url)) == 1

    def cut_apply(point):
        if point == "apply_before_commit":
            raise psycopg.OperationalError("server closed the connection unexpectedly")

    assert run_sync(b, settings(pg_url), fault=cut_apply).error is not None
    assert _conflict(b).resolved_at is None  # rolled back with its page
    sync_ok(b, pg_url)
    on_b = _conflict(b)
    assert on_b.resolved_keep == "winner" and on_b.resolution == "mine"
    assert _description(a, ticket_id) == _description(b, ticket_id) == B_TEXT
    assert _server_description(pg_url, ticket_id) == B_TEXT


def test_server_upgrade_migrates_an_s0001_server_that_then_carries_resolutions(
        pg_server, make_store):
    from alembic import command

    from app.sync.schema import _config, current_revision, make_server_engine, upgrade_server
    from tests.sync.pg_fixtures import create_database, drop_database

    name = create_database(pg_server, init=False)
    url = pg_server.url(name)
    try:
        server_settings = settings(url)
        engine = make_server_engine(server_settings)
        try:
            config = _config(engine)
            with engine.begin() as connection:  # a server set up by the previous version
                config.attributes["connection"] = connection
                command.upgrade(config, "s0001")
            assert current_revision(engine) == "s0001"
        finally:
            engine.dispose()
        assert upgrade_server(server_settings) == ("s0001", "s0002")
        a, b, _world, ticket_id = _conflict_world(make_store, url)
        _resolve(a, "mine")
        sync_ok(a, url)
        sync_ok(b, url)
        assert _conflict(b).resolved_keep == "loser"
        assert _description(b, ticket_id) == A_TEXT
    finally:
        drop_database(pg_server, name)
