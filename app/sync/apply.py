"""Applying pulled changes to the local store: Core statements only, so nothing is captured
again; the search index is kept current by hand; rows leaving the scope are removed."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Date, DateTime, Table, delete, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from app.models.base import GUID
from app.models.outbox import (
    BLOB_COLUMNS,
    SyncConflict,
    from_wire,
    scope_column,
    scope_parent_table,
    synced_table,
    synced_tables,
)
from app.models.search import SEARCHED_FIELDS, index_body

FetchFull = Callable[[list[tuple[str, str]]], dict[tuple[str, str], dict[str, Any]]]


@dataclass
class ApplyStats:
    rows: int = 0
    conflicts: int = 0
    removed: int = 0
    max_hlc: int = 0
    ticket_ids: set[uuid.UUID] = field(default_factory=set)
    blobs: set[str] = field(default_factory=set)


_decoders: dict[str, dict[str, Callable[[Any], Any]]] = {}


def _decoder(column) -> Callable[[Any], Any]:
    kind = column.type
    if isinstance(kind, GUID):
        return lambda v: None if v is None else uuid.UUID(v)
    if isinstance(kind, DateTime):
        return lambda v: None if v is None else dt.datetime.fromisoformat(v)
    if isinstance(kind, Date):
        return lambda v: None if v is None else dt.date.fromisoformat(v)
    return lambda v: from_wire(column, v)


def decoders(table: Table) -> dict[str, Callable[[Any], Any]]:
    """Wire → Python converters per column, made once per table (the initial pull is hot)."""
    found = _decoders.get(table.name)
    if found is None or len(found) != len(table.c):
        found = _decoders[table.name] = {c.name: _decoder(c) for c in table.c}
    return found


def column_values(table: Table, data: dict[str, Any], skip: Iterable[str] = ()) -> dict[str, Any]:
    """Python values for the table's known columns (unknown fields from newer clients are
    ignored; they come back when this client is upgraded and pulls again)."""
    convert = decoders(table)
    if skip:
        skip = set(skip)
        return {k: convert[k](v) for k, v in data.items() if k in convert and k not in skip}
    return {k: convert[k](v) for k, v in data.items() if k in convert}


def _defaults(table: Table) -> dict[str, Any]:
    values = {}
    for column in table.c:
        default = column.default
        if default is not None and default.is_scalar:
            values[column.name] = default.arg
        elif default is not None and default.is_callable:
            values[column.name] = default.arg({})  # utcnow and friends ignore the context
    return values


def _keep_stamps(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """Core UPDATE fills `onupdate` columns (updated_at) with now: keep the pulled/stored value."""
    for column in table.c:
        if column.onupdate is not None and column.name not in values:
            values[column.name] = column
    return values


def in_scope(table: Table, project_id: str | None, scope: set[str] | None) -> bool:
    if scope is None or scope_column(table) is None:
        return True
    return project_id is not None and project_id in scope


# ---------------------------------------------------------------------------------------------
# Search index (the ORM listener does not see Core writes)
# ---------------------------------------------------------------------------------------------


_FIELDS_SQL = ", ".join(f"t.{f}" for f in SEARCHED_FIELDS)


def _fts_remove(conn: Connection, ids: Iterable[uuid.UUID]) -> None:
    """Take these tickets' current text out of the index (before their rows change)."""
    for chunk in _chunks([i.bytes for i in ids]):
        marks = ", ".join("?" * len(chunk))
        rows = conn.exec_driver_sql(
            f"SELECT d.doc_id, {_FIELDS_SQL} FROM ticket t JOIN ticket_search_doc d"
            f" ON d.ticket_id = t.id WHERE t.id IN ({marks})",
            tuple(chunk),
        ).all()
        for row in rows:
            conn.exec_driver_sql(
                "INSERT INTO ticket_fts(ticket_fts, rowid, body) VALUES ('delete', ?, ?)",
                (row[0], index_body(tuple(row[1:]))),
            )


def _fts_add(conn: Connection, ids: Iterable[uuid.UUID]) -> None:
    """Index these tickets' current text (after their rows changed)."""
    for chunk in _chunks([i.bytes for i in ids]):
        marks = ", ".join("?" * len(chunk))
        rows = conn.exec_driver_sql(
            f"SELECT t.id, d.doc_id, {_FIELDS_SQL} FROM ticket t LEFT JOIN ticket_search_doc d"
            f" ON d.ticket_id = t.id WHERE t.id IN ({marks})",
            tuple(chunk),
        ).all()
        for row in rows:
            doc_id = row[1]
            if doc_id is None:
                doc_id = conn.exec_driver_sql(
                    "INSERT INTO ticket_search_doc(ticket_id) VALUES (?)", (row[0],)
                ).lastrowid
            conn.exec_driver_sql(
                "INSERT INTO ticket_fts(rowid, body) VALUES (?, ?)",
                (doc_id, index_body(tuple(row[2:]))),
            )


def _fts_forget(conn: Connection, ids: Iterable[uuid.UUID], indexed: bool = True) -> None:
    ids = list(ids)
    if indexed:
        _fts_remove(conn, ids)
    for chunk in _chunks([i.bytes for i in ids]):
        marks = ", ".join("?" * len(chunk))
        conn.exec_driver_sql(f"DELETE FROM ticket_search_doc WHERE ticket_id IN ({marks})", tuple(chunk))


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]


# ---------------------------------------------------------------------------------------------
# Removing rows that left the scope
# ---------------------------------------------------------------------------------------------


def purge(conn: Connection, table: Table, ids: list[uuid.UUID], *, indexed: bool = True) -> int:
    """Remove rows and the rows scoped through them from this store only (never captured).

    indexed=False: the tickets' text was already taken out of the search index."""
    if not ids:
        return 0
    removed = 0
    for child in synced_tables():
        if child is not table and scope_parent_table(child) is table:
            column = child.c[scope_column(child)]
            child_ids: list[uuid.UUID] = []
            for chunk in _chunks(ids):
                child_ids += list(conn.execute(select(child.c.id).where(column.in_(chunk))).scalars())
            removed += purge(conn, child, child_ids)
    if table.name == "ticket":
        _fts_forget(conn, ids, indexed)
    for chunk in _chunks(ids):
        removed += conn.execute(delete(table).where(table.c.id.in_(chunk))).rowcount
    return removed


def purge_projects(conn: Connection, project_ids: Iterable[uuid.UUID]) -> int:
    """Remove everything of these projects except the project rows themselves."""
    project_ids = list(project_ids)
    removed = 0
    for table in synced_tables():
        if scope_column(table) == "project_id":
            ids: list[uuid.UUID] = []
            for chunk in _chunks(project_ids):
                ids += list(conn.execute(select(table.c.id).where(table.c.project_id.in_(chunk))).scalars())
            removed += purge(conn, table, ids)
    return removed


# ---------------------------------------------------------------------------------------------
# Applying
# ---------------------------------------------------------------------------------------------


def pending_fields(conn: Connection, keys: Iterable[tuple[str, uuid.UUID]]) -> dict[tuple[str, uuid.UUID], set[str]]:
    """Fields of rows with local changes not yet pushed: a pulled value must not overwrite
    them (the push decides, and the server sends the winner back)."""
    wanted = set(keys)
    if not wanted:
        return {}
    found: dict[tuple[str, uuid.UUID], set[str]] = {}
    rows = conn.execute(
        text("SELECT entity, row_id, kind, fields FROM sync_outbox WHERE status = 'pending'")
    ).all()
    for entity, row_id, _kind, fields in rows:
        key = (entity, uuid.UUID(bytes=bytes(row_id)))
        if key in wanted:
            names = found.setdefault(key, set())
            names.update(json.loads(fields) if isinstance(fields, str) else fields)
    return found


def _add_conflicts(conn: Connection, conflicts: list[dict[str, Any]]) -> int:
    """Record the server's conflicts once each (a page may be pulled again after a cut)."""
    added = 0
    for c in conflicts:
        winner, loser = c["winner"], c["loser"]
        added += conn.execute(
            sqlite_insert(SyncConflict.__table__).values(
                server_id=c.get("id"), entity=c["entity"], row_id=uuid.UUID(c["row_id"]),
                field=c["field"], kind=c["kind"], winner_value=winner["value"],
                winner_hlc=winner["hlc"], winner_client=winner["client"],
                winner_label=winner.get("label") or "",
                winner_actor_id=_uuid(winner.get("actor_id")), loser_value=loser["value"],
                loser_hlc=loser["hlc"], loser_client=loser["client"],
                loser_label=loser.get("label") or "", loser_actor_id=_uuid(loser.get("actor_id")),
                created_at=_now(),
            ).on_conflict_do_nothing(index_elements=["server_id"])
        ).rowcount
    return added


def _uuid(value: Any) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None


def _now():
    from app.models.base import utcnow

    return utcnow()


def _note_blob(stats: ApplyStats, table: Table, values: dict[str, Any]) -> None:
    column = BLOB_COLUMNS.get(table.name)
    if column and values.get(column):
        stats.blobs.add(values[column])


def _insert_full(conn: Connection, table: Table, row_id: uuid.UUID, data: dict[str, Any]) -> bool:
    values = {**_defaults(table), **column_values(table, data), "id": row_id}
    with conn.begin_nested() as savepoint:
        try:
            conn.execute(sqlite_insert(table).values(values).on_conflict_do_nothing())
        except Exception:  # noqa: BLE001  (an incomplete row: it comes whole with a later change)
            savepoint.rollback()
            return False
    return True


FetchChildren = Callable[[list[str]], list[dict[str, Any]]]


def _has_children(table: Table) -> bool:
    return any(scope_parent_table(t) is table for t in synced_tables())


def _insert_children(conn: Connection, parents: list[str], fetch_children: FetchChildren | None,
                     scope: set[str] | None, stats: ApplyStats, depth: int = 0) -> None:
    """Rows scoped through records that just arrived whole (a ticket moved into the scope
    brings its history, plan, logs and files)."""
    if fetch_children is None or not parents or depth > 2:
        return
    inserted: list[str] = []
    for row in fetch_children(parents):
        table = synced_table(row["entity"])
        if table is None or not in_scope(table, row.get("project_id"), scope):
            continue
        if _insert_full(conn, table, uuid.UUID(row["row_id"]), row["data"]):
            stats.rows += 1
            _note_blob(stats, table, row["data"])
            if _has_children(table):
                inserted.append(row["row_id"])
    _insert_children(conn, inserted, fetch_children, scope, stats, depth + 1)


def apply_entries(conn: Connection, entries: list[dict[str, Any]], scope: set[str] | None,
                  fetch_full: FetchFull, fetch_children: FetchChildren | None = None) -> ApplyStats:
    """Apply change-log entries in order, inside the caller's local transaction."""
    stats = ApplyStats()
    keys = [(e["entity"], uuid.UUID(e["row_id"])) for e in entries]
    pending = pending_fields(conn, keys)
    tickets = {rid for entity, rid in keys if entity == "ticket"}
    _fts_remove(conn, tickets)
    need_full: list[tuple[str, str]] = []
    for entry in entries:
        stats.max_hlc = max(stats.max_hlc, int(entry["hlc"]))
        for c in entry.get("conflicts") or []:
            stats.max_hlc = max(stats.max_hlc, int(c["winner"]["hlc"]), int(c["loser"]["hlc"]))
        stats.conflicts += _add_conflicts(conn, entry.get("conflicts") or [])
        table = synced_table(entry["entity"])
        if table is None:
            continue  # a table of a newer version of the app
        row_id = uuid.UUID(entry["row_id"])
        if entry["entity"] == "ticket":
            stats.ticket_ids.add(row_id)
        if not in_scope(table, entry.get("project_id"), scope):
            stats.removed += purge(conn, table, [row_id], indexed=entry["entity"] != "ticket")
            continue
        if entry["kind"] == "delete":
            stats.rows += conn.execute(delete(table).where(table.c.id == row_id)).rowcount
            continue
        values = column_values(table, entry["fields"], pending.get((entry["entity"], row_id), ()))
        values.pop("id", None)
        exists = conn.execute(select(table.c.id).where(table.c.id == row_id)).first() is not None
        if exists:
            if values:
                with conn.begin_nested() as savepoint:
                    try:
                        conn.execute(
                            update(table).where(table.c.id == row_id).values(_keep_stamps(table, values))
                        )
                    except Exception:  # noqa: BLE001  (e.g. a unique code taken locally)
                        savepoint.rollback()
                        continue
            stats.rows += 1
        elif entry.get("full_row"):
            stats.rows += _insert_full(conn, table, row_id, entry["fields"])
        else:
            need_full.append((entry["entity"], entry["row_id"]))
        _note_blob(stats, table, entry["fields"])
    if need_full:
        arrived: list[str] = []
        for (entity, row_id), row in fetch_full(need_full).items():
            table = synced_table(entity)
            if row["deleted"] or not in_scope(table, row.get("project_id"), scope):
                continue
            if _insert_full(conn, table, uuid.UUID(row_id), row["data"]):
                stats.rows += 1
                _note_blob(stats, table, row["data"])
                if _has_children(table):
                    arrived.append(row_id)
                if entity == "ticket":
                    stats.ticket_ids.add(uuid.UUID(row_id))
                    tickets.add(uuid.UUID(row_id))
        _insert_children(conn, arrived, fetch_children, scope, stats)
    _fts_add(conn, tickets)
    return stats


def apply_snapshot_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> ApplyStats:
    """Upsert whole current rows (initial pull), keeping fields with local unpushed changes."""
    stats = ApplyStats()
    ids = [uuid.UUID(r["row_id"]) for r in rows]
    pending = pending_fields(conn, [(table.name, i) for i in ids])
    if table.name == "ticket":
        _fts_remove(conn, ids)
    defaults = _defaults(table)
    plain, careful = [], []
    for row, row_id in zip(rows, ids, strict=True):
        values = {**defaults, **column_values(table, row["data"]), "id": row_id}
        (careful if (table.name, row_id) in pending else plain).append((row_id, values))
        _note_blob(stats, table, row["data"])
    if plain:
        statement = sqlite_insert(table)
        columns = [c.name for c in table.c if c.name != "id"]
        statement = statement.on_conflict_do_update(
            index_elements=["id"], set_={c: statement.excluded[c] for c in columns}
        )
        try:
            with conn.begin_nested():
                conn.execute(statement, [v for _, v in plain])
            stats.rows += len(plain)
        except Exception:  # noqa: BLE001  (one bad row must not stop the page: go row by row)
            careful += plain
    for row_id, values in careful:
        skip = pending.get((table.name, row_id), set())
        exists = conn.execute(select(table.c.id).where(table.c.id == row_id)).first() is not None
        if exists:
            kept = {k: v for k, v in values.items() if k not in skip and k != "id"}
            with conn.begin_nested() as savepoint:
                try:
                    conn.execute(update(table).where(table.c.id == row_id).values(_keep_stamps(table, kept)))
                    stats.rows += 1
                except Exception:  # noqa: BLE001
                    savepoint.rollback()
        elif _insert_full(conn, table, row_id, {k: _wire_back(table, k, v) for k, v in values.items()}):
            stats.rows += 1
    if table.name == "ticket":
        _fts_add(conn, ids)
        stats.ticket_ids.update(ids)
    return stats


def _wire_back(table: Table, name: str, value: Any) -> Any:
    from app.models.outbox import to_wire

    return to_wire(table.c[name], value)
