"""The initial pull's fast path (rows in storage form, many per statement): byte-identical to
what the ORM writes, equal to the general path for odd wire forms, falls back when the server
cannot convert a value, keeps unpushed local edits; and dangling references are reported."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import random
import sqlite3
import uuid

import psycopg
import pytest
from sqlalchemy import text

from app.models import Ticket
from app.models.outbox import row_to_wire, synced_table, synced_tables
from app.sync import apply as local
from app.sync import server, service
from tests.sync.helpers import diff, dump, integrity_ok, server_rows, sync_ok
from tests.unit.lifecycle_world import build_world, register


def raw_rows(db) -> dict[str, set[tuple]]:
    """Every synced row as SQLite holds it: each value with its storage class."""
    out = {}
    connection = sqlite3.connect(db.path)
    try:
        for table in synced_tables():
            columns = ", ".join(f'"{c.name}", typeof("{c.name}")' for c in table.c)
            out[table.name] = set(connection.execute(f"SELECT {columns} FROM {table.name}"))
    finally:
        connection.close()
    return out


def fts_of(db) -> set[tuple]:
    """The search index as ticket id → indexed text (doc ids differ between stores)."""
    from app.models.search import SEARCHED_FIELDS, index_body

    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            f"SELECT t.id, {', '.join('t.' + f for f in SEARCHED_FIELDS)} FROM ticket t"
            " JOIN ticket_search_doc d ON d.ticket_id = t.id"
        ).all()
        indexed = conn.exec_driver_sql("SELECT count(*) FROM ticket_fts").scalar()
    assert indexed == len(rows)
    return {(bytes(r[0]), index_body(tuple(r[1:]))) for r in rows}


def test_pulled_demo_store_is_byte_identical_to_its_source(make_store, pg_url):
    source, target = make_store("source", demo=True), make_store("target")
    sync_ok(source, pg_url)
    result = sync_ok(target, pg_url)
    assert result.pulled > 10_000 and result.warnings == ()
    want, got = raw_rows(source), raw_rows(target)
    for table in want:
        assert got[table] == want[table], table
    assert fts_of(target) == fts_of(source)
    with target.engine.connect() as conn:  # the search finds pulled tickets
        number = conn.execute(text("SELECT number FROM ticket LIMIT 1")).scalar()
        hits = conn.execute(
            text("SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH :q"),
            {"q": local_match(number)},
        ).scalar()
    assert hits >= 1
    assert integrity_ok(target)


def local_match(value: str) -> str:
    from app.models.search import match_expression

    return match_expression(value)


# --- odd wire forms: the fast path writes what the general path writes -----------------------

_ODD_TIMES = ["2026-03-04 05:06:07", "2026-03-04 05:06:07.123456", "2026-03-04T05:06:07",
              "2026-03-04 05:06:07.5", "2026-03-04 05:06:07+08:00", "2026-03-04 05:06:07.000001"]


def _wire_value(column, kind: str, rnd: random.Random, n: int):
    if column.nullable and rnd.random() < 0.2 and column.name != "id":
        return None
    if kind == "guid":
        return str(uuid.uuid4()) if column.name == "id" else str(uuid.UUID(int=rnd.getrandbits(128)))
    if kind == "datetime":
        return _ODD_TIMES[n % len(_ODD_TIMES)]
    if kind == "date":
        return f"2026-0{1 + n % 9}-1{n % 10}"
    if kind == "bool":
        return [True, False, 1, 0][n % 4]
    if kind == "int":
        return rnd.randint(-5, 10**12)
    if kind == "float":
        return [2, 2.5, 0.1, 1e-7, 123456789.123][n % 5]
    if kind == "text":
        return ["渗水 “开裂”", "a'b\"c", "", "x" * 300, "第二行\n第三行"][n % 5] + str(n)
    return [{"键": ["值", 1, None]}, ["一", {"二": 2.5}], None, "文本", 3][n % 5]  # JSON


def _put_rows(url: str, rows: dict[str, list[dict]]) -> None:
    with psycopg.connect(url, sslmode="disable", autocommit=True) as conn:
        for entity, datas in rows.items():
            for data in datas:
                conn.execute(
                    "INSERT INTO wd_row_state (entity, row_id, data, clocks, updated_seq)"
                    " VALUES (%s, %s, %s, '{}', 1)",
                    (entity, data["id"], psycopg.types.json.Jsonb(data)),
                )


def _apply_both_ways(make_store, url: str, table) -> tuple[dict, dict]:
    fast, general = make_store(f"fast_{table.name}"), make_store(f"general_{table.name}")
    conn = psycopg.connect(url, sslmode="disable", autocommit=True)
    try:
        page = server.snapshot_storage_page(conn, table.name, None, None, False, 1000,
                                            local.storage_columns(table))
        wire = server.snapshot_page(conn, table.name, None, None, False, 1000)
    finally:
        conn.close()
    with service._apply_transaction(fast) as lc:
        local.apply_storage_rows(lc, table, page)
    with service._apply_transaction(general) as lc:
        local.apply_snapshot_rows(lc, table, wire)
    return raw_rows(fast)[table.name], raw_rows(general)[table.name]


def test_odd_wire_forms_are_stored_as_the_general_path_stores_them(make_store, pg_url):
    rnd = random.Random(7)
    counter = itertools.count()
    rows: dict[str, list[dict]] = {}
    for table in synced_tables():
        kinds = dict(local.storage_columns(table))
        for _ in range(12):
            n = next(counter)
            rows.setdefault(table.name, []).append(
                {c.name: _wire_value(c, kinds[c.name], rnd, n) for c in table.c})
    # Rows lacking columns (an older client's rows): filled with defaults as the ORM path does
    # (columns with a scalar default or none: a default like utcnow differs between the runs).
    for table_name in ("customer", "ticket", "ticket_event"):
        table = synced_table(table_name)
        lacking = [c.name for c in table.c if c.name != "id"
                   and (c.default is None or c.default.is_scalar)][:3]
        for data in rows[table_name][:3]:
            for name in lacking:
                data.pop(name, None)
    _put_rows(pg_url, rows)
    written = 0
    for table in synced_tables():
        fast, general = _apply_both_ways(make_store, pg_url, table)
        assert fast == general, table.name
        written += len(fast)
    assert written > len(synced_tables()) * 6  # most synthetic rows fit their tables


def test_a_value_the_server_cannot_convert_takes_the_json_path(make_store, pg_url, caplog):
    source, target = make_store("source"), make_store("target")
    world = build_world(source)
    register(source, world)
    register(source, world)
    sync_ok(source, pg_url)
    with psycopg.connect(pg_url, sslmode="disable", autocommit=True) as conn:
        ids = [r[0] for r in conn.execute(
            "SELECT row_id::text FROM wd_row_state WHERE entity = 'ticket' ORDER BY row_id")]
        # an id form Python reads but PostgreSQL does not: the page goes by JSON, row kept
        conn.execute("UPDATE wd_row_state SET data = jsonb_set(data, '{registered_by_id}',"
                     " to_jsonb('urn:uuid:' || (data->>'registered_by_id'))) WHERE row_id = %s",
                     (ids[0],))
        # a value nobody can read: that row alone is left out, logged and reported
        conn.execute("UPDATE wd_row_state SET data = jsonb_set(data, '{version}', '\"x\"')"
                     " WHERE row_id = %s", (ids[1],))
    with caplog.at_level(logging.WARNING):
        result = sync_ok(target, pg_url)
    messages = [r.getMessage() for r in caplog.records]
    assert any("as JSON" in m for m in messages)
    assert any(ids[1] in m and "unreadable" in m for m in messages)
    assert any("1 条下载的记录含有无法读取的内容" in w for w in result.warnings)
    with target.engine.connect() as conn:
        got = {str(uuid.UUID(bytes=bytes(i))) for i in conn.execute(text("SELECT id FROM ticket")).scalars()}
    assert got == {ids[0]}
    assert diff(dump(source, ["customer", "staff", "project"]),
                dump(target, ["customer", "staff", "project"])) == []


def test_unpushed_local_edit_survives_the_initial_pull(make_store, pg_url):
    a, b = make_store("a"), make_store("b")
    world = build_world(a)
    ticket_id = register(a, world)
    sync_ok(a, pg_url)
    ticket = synced_table("ticket")
    with a.engine.connect() as conn:
        wire = row_to_wire(ticket, conn.execute(ticket.select()).one())
    with service._apply_transaction(b) as lc:  # b holds a copy of the ticket (parents aside)
        local.apply_snapshot_rows(lc, ticket, [{"row_id": wire["id"], "data": wire}])
    with b.transaction() as session:
        session.get(Ticket, ticket_id).description = "本机未上传的修改"
    with a.transaction() as session:
        session.get(Ticket, ticket_id).reporter_name = "服务器上的新名字"
    sync_ok(a, pg_url)
    conn = psycopg.connect(pg_url, sslmode="disable", autocommit=True)
    try:
        page = server.snapshot_storage_page(conn, "ticket", None, None, False, 100,
                                            local.storage_columns(ticket))
    finally:
        conn.close()
    with service._apply_transaction(b) as lc:
        stats = local.apply_storage_rows(lc, ticket, page)
    assert stats.rows == 1 and stats.ticket_ids == {ticket_id}
    with b.sessions() as session:
        row = session.get(Ticket, ticket_id)
        assert row.description == "本机未上传的修改"  # kept: the push decides
        assert row.reporter_name == "服务器上的新名字"  # taken from the server
    with b.engine.connect() as conn:  # the search index holds the kept text
        body = conn.execute(text("SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH :q"),
                            {"q": local_match("未上传")}).scalar()
    assert body == 1
    sync_ok(b, pg_url)
    sync_ok(a, pg_url)
    assert diff(dump(a, ["ticket"]), dump(b, ["ticket"])) == []
    assert server_rows(pg_url)["ticket"][str(ticket_id)]["description"] == "本机未上传的修改"


# --- foreign keys after a pull ----------------------------------------------------------------


def _event_op(ticket_id: str, actor_id: str | None, hlc: int) -> dict:
    row_id = str(uuid.uuid4())
    fields = {"id": row_id, "ticket_id": ticket_id, "at": "2026-11-24 08:00:00", "actor_id": actor_id,
              "kind": "note", "field": "", "old_value": None, "new_value": None,
              "note": "补充说明", "seq": 99}
    return {"op_id": str(uuid.uuid4()), "entity": "ticket_event", "row_id": row_id,
            "kind": "upsert", "fields": fields, "full": True, "hlc": hlc, "base_seq": 0,
            "actor_id": None, "project_id": None, "parent_id": ticket_id}


def _ticket_op(wire: dict, hlc: int) -> dict:
    return {"op_id": str(uuid.uuid4()), "entity": "ticket", "row_id": wire["id"], "kind": "upsert",
            "fields": wire, "full": True, "hlc": hlc, "base_seq": 0, "actor_id": None,
            "project_id": wire["project_id"], "parent_id": None}


def test_child_before_parent_in_one_pull_is_not_reported(make_store, pg_url, monkeypatch):
    a, b = make_store("a"), make_store("b")
    world = build_world(a)
    ticket_id = register(a, world)
    sync_ok(a, pg_url)
    sync_ok(b, pg_url)
    # A new ticket whose event reached the log before the ticket itself
    with a.engine.connect() as conn:
        ticket = synced_table("ticket")
        wire = row_to_wire(ticket, conn.execute(ticket.select().where(ticket.c.id == ticket_id)).one())
    new_id = str(uuid.uuid4())
    wire = {**wire, "id": new_id, "number": wire["number"] + "-2"}
    hlc = (int(dt.datetime.now(dt.UTC).timestamp() * 1000)) << 16
    with psycopg.connect(pg_url, sslmode="disable", autocommit=True) as conn:
        server.push_batch(conn, "other-client", "ZZZZ", str(uuid.uuid4()),
                          [_event_op(new_id, None, hlc), _ticket_op(wire, hlc + 1)])
    monkeypatch.setattr(service, "PULL_PAGE", 1)  # the event's page commits before the ticket's
    result = sync_ok(b, pg_url)
    assert result.warnings == ()
    with b.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert conn.execute(text("SELECT count(*) FROM ticket")).scalar() == 2


@pytest.mark.parametrize("first_sync", [True, False], ids=["initial-pull", "log-pull"])
def test_reference_to_a_missing_row_is_reported_and_logged(make_store, pg_url, caplog, first_sync):
    a, b = make_store("a"), make_store("b")
    world = build_world(a)
    register(a, world)
    sync_ok(a, pg_url)
    if not first_sync:
        sync_ok(b, pg_url)
    missing = str(uuid.uuid4())
    hlc = (int(dt.datetime.now(dt.UTC).timestamp() * 1000)) << 16
    with psycopg.connect(pg_url, sslmode="disable", autocommit=True) as conn:
        server.push_batch(conn, "other-client", "ZZZZ", str(uuid.uuid4()), [_event_op(missing, None, hlc)])
    with caplog.at_level(logging.WARNING, logger="app.sync.service"):
        result = sync_ok(b, pg_url)
    assert len(result.warnings) == 1
    assert "1 条记录引用了本机没有的记录" in result.warnings[0] and "报修单记录 1 条" in result.warnings[0]
    assert any(missing in r.getMessage() for r in caplog.records)
    with b.engine.connect() as conn:
        left = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    assert [row[0] for row in left] == ["ticket_event"]
    # Not reported again by a sync that did not touch it
    assert sync_ok(b, pg_url).warnings == ()



def test_narrowing_and_widening_the_scope_of_a_demo_store(make_store, pg_url):
    source, laptop = make_store("source", demo=True), make_store("laptop")
    sync_ok(source, pg_url)
    with source.engine.connect() as conn:
        per_project = dict(conn.execute(text(
            "SELECT project_id, count(*) FROM ticket GROUP BY project_id")).all())
        # the project to drop: one whose meetings reference its escalations
        linked = conn.execute(text(
            "SELECT e.project_id FROM meeting_escalation me JOIN escalation e"
            " ON e.id = me.escalation_id LIMIT 1")).scalar()
    assert linked is not None and len(per_project) >= 2
    keep = next(p for p in per_project if p != linked)
    dropped, kept = uuid.UUID(bytes=bytes(linked)), uuid.UUID(bytes=bytes(keep))
    assert sync_ok(laptop, pg_url, scope=[kept, dropped]).warnings == ()
    # Narrowing removes a whole project: its escalations, meetings and tickets reference each
    # other across tables, all go (foreign keys checked after, not table by table).
    result = sync_ok(laptop, pg_url, scope=[kept])
    assert result.removed > 0 and result.warnings == ()
    with laptop.engine.connect() as conn:
        held = {uuid.UUID(bytes=bytes(p)) for p in conn.execute(
            text("SELECT DISTINCT project_id FROM ticket")).scalars()}
        assert held == {kept}
        assert conn.execute(text("SELECT count(*) FROM escalation WHERE project_id = :p"),
                            {"p": dropped.bytes}).scalar() == 0
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    assert sync_ok(laptop, pg_url, scope=[kept, dropped]).warnings == ()
    with laptop.engine.connect() as conn:
        counts = dict(conn.execute(text(
            "SELECT project_id, count(*) FROM ticket GROUP BY project_id")).all())
    assert counts == {p: n for p, n in per_project.items() if p in (linked, keep)}
    assert integrity_ok(laptop)
