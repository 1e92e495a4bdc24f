"""Applying pulled changes to the local store: Core statements only, so nothing is captured
again; the search index is kept current by hand; rows leaving the scope are removed."""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    Text,
    Unicode,
    UnicodeText,
    delete,
    select,
    text,
    update,
)
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

log = logging.getLogger(__name__)
FetchFull = Callable[[list[tuple[str, str]]], dict[tuple[str, str], dict[str, Any]]]


@dataclass
class ApplyStats:
    rows: int = 0
    conflicts: int = 0
    resolutions: int = 0  # conflicts settled elsewhere, recorded here
    removed: int = 0
    max_hlc: int = 0
    ticket_ids: set[uuid.UUID] = field(default_factory=set)
    blobs: set[str] = field(default_factory=set)
    # ids (16 bytes) by table of the rows written and of the rows taken away (deleted, out of
    # scope): what the foreign key check after a pull page looks at
    touched: dict[str, set[bytes]] = field(default_factory=dict)
    gone: dict[str, set[bytes]] = field(default_factory=dict)
    unreadable: int = 0  # rows left out: a value this version cannot read (logged)

    def note(self, kind: str, table: str, ids: Iterable[uuid.UUID]) -> None:
        target = self.touched if kind == "touched" else self.gone
        target.setdefault(table, set()).update(i.bytes for i in ids)


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


def _fts_add(conn: Connection, ids: Iterable[uuid.UUID], bodies: dict[bytes, str] | None = None
             ) -> None:
    """Index these tickets' current text (after their rows changed), a chunk at a time.
    `bodies`: index texts already made from exactly the stored values (by id bytes)."""
    bodies = bodies or {}
    for chunk in _chunks([i.bytes for i in ids]):
        marks = ", ".join("?" * len(chunk))
        conn.exec_driver_sql(
            f"INSERT INTO ticket_search_doc(ticket_id) SELECT id FROM ticket WHERE id IN ({marks})"
            f" AND id NOT IN (SELECT ticket_id FROM ticket_search_doc WHERE ticket_id IN ({marks}))"
            " ORDER BY id",
            tuple(chunk) * 2,
        )
        rows = conn.exec_driver_sql(
            f"SELECT d.doc_id, t.id, {_FIELDS_SQL} FROM ticket t JOIN ticket_search_doc d"
            f" ON d.ticket_id = t.id WHERE t.id IN ({marks})",
            tuple(chunk),
        ).all()
        if rows:
            conn.exec_driver_sql(
                "INSERT INTO ticket_fts(rowid, body) VALUES (?, ?)",
                [(row[0], bodies.get(row[1]) or index_body(tuple(row[2:]))) for row in rows],
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


def purge(conn: Connection, table: Table, ids: list[uuid.UUID], *, indexed: bool = True,
          gone: dict[str, set[bytes]] | None = None) -> int:
    """Remove rows and the rows scoped through them from this store only (never captured).

    indexed=False: the tickets' text was already taken out of the search index. `gone`
    collects the removed ids by table."""
    if not ids:
        return 0
    removed = 0
    for child in synced_tables():
        if child is not table and scope_parent_table(child) is table:
            column = child.c[scope_column(child)]
            child_ids: list[uuid.UUID] = []
            for chunk in _chunks(ids):
                child_ids += list(conn.execute(select(child.c.id).where(column.in_(chunk))).scalars())
            removed += purge(conn, child, child_ids, gone=gone)
    if table.name == "ticket":
        _fts_forget(conn, ids, indexed)
    for chunk in _chunks(ids):
        removed += conn.execute(delete(table).where(table.c.id.in_(chunk))).rowcount
    if gone is not None:
        gone.setdefault(table.name, set()).update(i.bytes for i in ids)
    return removed


def purge_projects(conn: Connection, project_ids: Iterable[uuid.UUID],
                   gone: dict[str, set[bytes]] | None = None) -> int:
    """Remove everything of these projects except the project rows themselves."""
    project_ids = list(project_ids)
    removed = 0
    for table in synced_tables():
        if scope_column(table) == "project_id":
            ids: list[uuid.UUID] = []
            for chunk in _chunks(project_ids):
                ids += list(conn.execute(select(table.c.id).where(table.c.project_id.in_(chunk))).scalars())
            removed += purge(conn, table, ids, gone=gone)
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
        text("SELECT entity, row_id, kind, fields FROM sync_outbox WHERE status = 'pending'"
             " AND kind != 'resolve'")
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


def _apply_resolution(conn: Connection, entry: dict[str, Any]) -> int:
    """Mark a conflict settled as it was settled on the server (the first resolution wins: it
    replaces one made here at the same time, whose value the server did not take)."""
    from app.models.outbox import STATE_ID, SyncState, hlc_datetime

    fields = entry["fields"]
    table = SyncConflict.__table__
    row = conn.execute(select(table.c.id, table.c.winner_client, table.c.loser_client,
                              table.c.resolved_client, table.c.resolved_keep)
                       .where(table.c.server_id == int(fields["conflict"]))).first()
    if row is None:
        return 0  # a conflict of rows outside this computer's scope
    if row.resolved_client == fields["client"] and row.resolved_keep == fields["keep"]:
        return 0  # already recorded (a page pulled again after a cut)
    me = conn.execute(select(SyncState.client_id).where(SyncState.id == STATE_ID)).scalar()
    mine_is_loser = row.loser_client == me and row.winner_client != me
    kept_winner = fields["keep"] == "winner"
    conn.execute(table.update().where(table.c.id == row.id).values(
        resolved_at=hlc_datetime(int(fields["hlc"])).replace(tzinfo=None),  # stored naive UTC
        resolution="mine" if kept_winner != mine_is_loser else "theirs",
        resolved_by_id=_uuid(entry.get("actor_id")), resolved_keep=fields["keep"],
        resolved_client=fields["client"], resolved_label=fields.get("label") or "",
    ))
    return 1


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
    return _insert_values(conn, table, {**_defaults(table), **column_values(table, data), "id": row_id})


def _insert_values(conn: Connection, table: Table, values: dict[str, Any]) -> bool:
    """Insert a whole row of Python values unless its id or a unique value is taken."""
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
            stats.note("touched", table.name, [uuid.UUID(row["row_id"])])
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
        if entry["kind"] == "resolve":
            stats.resolutions += _apply_resolution(conn, entry)
            continue
        table = synced_table(entry["entity"])
        if table is None:
            continue  # a table of a newer version of the app
        row_id = uuid.UUID(entry["row_id"])
        if entry["entity"] == "ticket":
            stats.ticket_ids.add(row_id)
        if not in_scope(table, entry.get("project_id"), scope):
            stats.removed += purge(conn, table, [row_id], indexed=entry["entity"] != "ticket",
                                   gone=stats.gone)
            continue
        if entry["kind"] == "delete":
            stats.rows += conn.execute(delete(table).where(table.c.id == row_id)).rowcount
            stats.note("gone", table.name, [row_id])
            continue
        stats.note("touched", table.name, [row_id])
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
                stats.note("touched", table.name, [uuid.UUID(row_id)])
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
        try:
            values = {**defaults, **column_values(table, row["data"]), "id": row_id}
        except (ValueError, TypeError, AttributeError) as error:
            # A value this version cannot read must not stop the pull for everyone else.
            log.warning("pulled %s %s left out, a value is unreadable: %s", table.name, row_id, error)
            stats.unreadable += 1
            continue
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
        elif _insert_values(conn, table, values):
            stats.rows += 1
    if table.name == "ticket":
        _fts_add(conn, ids)
        stats.ticket_ids.update(ids)
    return stats


# ---------------------------------------------------------------------------------------------
# Initial pull, fast path: rows arrive in SQLite's storage form, many rows per statement
# ---------------------------------------------------------------------------------------------

_STORAGE_TEXT = (String, Text, Unicode, UnicodeText)
_ROWS_PER_STATEMENT = 500  # one statement journal per statement, not per row (triggers)
_VALUES_PER_STATEMENT = 5000  # well under SQLite's default limit of 32,766 values a statement
_storage_columns: dict[str, list[tuple[str, str]]] = {}


def _storage_kind(column) -> str:
    kind = column.type
    if isinstance(kind, GUID):
        return "guid"
    if type(kind) in _STORAGE_TEXT:
        return "text"
    for base, name in ((DateTime, "datetime"), (Date, "date"), (Boolean, "bool"),
                       (Integer, "int"), (Float, "float")):
        if isinstance(kind, base):
            return name
    return "other"  # JSON and the like: SQLAlchemy's own bind processing, in Python


def storage_columns(table: Table) -> list[tuple[str, str]]:
    """(column, kind) pairs the server converts to this store's storage form (see
    server.snapshot_storage_page): the storage form must be byte-identical to what the ORM
    writes — tests/sync/test_bulk_pull.py compares pulled stores with their source."""
    found = _storage_columns.get(table.name)
    if found is None or len(found) != len(table.c):
        found = _storage_columns[table.name] = [(c.name, _storage_kind(c)) for c in table.c]
    return found


def _python_converters(dialect, table: Table) -> dict[int, Callable[[Any], Any]]:
    """Positions (in the value tuple) of columns the client converts itself, and how."""
    found = {}
    for index, (name, kind) in enumerate(storage_columns(table)):
        if kind == "other":
            column = table.c[name]
            bind = column.type.dialect_impl(dialect).bind_processor(dialect)
            found[index] = (lambda v, c=column, b=bind: b(from_wire(c, v))) if bind else (
                lambda v, c=column: from_wire(c, v))
    return found


def _pending_ids(conn: Connection, entity: str) -> dict[bytes, set[str]]:
    """Row ids (16 bytes) of this table with unpushed local changes, with the changed fields."""
    found: dict[bytes, set[str]] = {}
    for row_id, fields in conn.execute(
        text("SELECT row_id, fields FROM sync_outbox WHERE status = 'pending' AND entity = :e"),
        {"e": entity},
    ):
        found.setdefault(bytes(row_id), set()).update(
            json.loads(fields) if isinstance(fields, str) else fields)
    return found


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# A storage row from the server: (row id text, incomplete data or None, *column values).
META = 2
_upserts: dict[tuple[str, int], str] = {}


def _upsert_sql(table: Table, count: int) -> str:
    """INSERT of `count` rows of values; a row whose id exists is replaced field by field, a
    row whose other unique value is taken here is left out (as the ORM path does). Plain `?`
    marks: numbered ones (?3…) make SQLite's compile of a 25,000-value statement quadratic."""
    key = (table.name, count)
    sql = _upserts.get(key)
    if sql is None:
        names = [name for name, _ in storage_columns(table)]
        one = "(" + ", ".join("?" * len(names)) + ")"
        sql = _upserts[key] = (
            f"INSERT INTO {_quoted(table.name)} ({', '.join(map(_quoted, names))})"
            f" VALUES {', '.join([one] * count)}"
            " ON CONFLICT (id) DO UPDATE SET "
            + ", ".join(f"{_quoted(n)} = excluded.{_quoted(n)}" for n in names if n != "id")
            + " ON CONFLICT DO NOTHING"
        )
    return sql


def _driver_cursor(conn: Connection):
    return conn.connection.driver_connection.cursor()


def _upsert_many(conn: Connection, table: Table, rows: list[tuple]) -> int:
    """Write rows of values many per statement; on any error, row by row, leaving out a row
    that does not fit (a NOT NULL or unique value taken locally) as the ORM path does."""
    if not rows:
        return 0
    cursor = _driver_cursor(conn)
    # One statement (one statement journal, one trigger program setup) per many rows: with
    # a trigger on the table, a statement per row costs three times as much.
    per = max(1, min(_ROWS_PER_STATEMENT, _VALUES_PER_STATEMENT // len(rows[0])))
    written = 0
    try:
        with conn.begin_nested():
            for start in range(0, len(rows), per):
                part = rows[start : start + per]
                cursor.execute(_upsert_sql(table, len(part)), list(chain.from_iterable(part)))
                written += cursor.rowcount
        return written
    except Exception:  # noqa: BLE001  (one bad row must not stop the page)
        written = 0
    sql = _upsert_sql(table, 1)
    for row in rows:
        with conn.begin_nested() as savepoint:
            try:
                cursor.execute(sql, row)
                written += cursor.rowcount
            except Exception:  # noqa: BLE001
                savepoint.rollback()
    return written


def _update_kept(conn: Connection, table: Table, row: tuple, skip: set[str]) -> int:
    """Update an existing row with pulled values except the fields with unpushed local
    changes (the push decides those); 0 if the row is not here, -1 if it cannot be."""
    names = [name for name, _ in storage_columns(table)]
    values = row
    kept = [(n, v) for n, v in zip(names, values, strict=True) if n not in skip and n != "id"]
    row_id = values[names.index("id")]
    cursor = _driver_cursor(conn)
    if not kept:
        cursor.execute(f"SELECT 1 FROM {_quoted(table.name)} WHERE id = ?", (row_id,))
        return 1 if cursor.fetchone() else 0
    with conn.begin_nested() as savepoint:
        try:
            cursor.execute(
                f"UPDATE {_quoted(table.name)} SET {', '.join(f'{_quoted(n)} = ?' for n, _ in kept)}"
                " WHERE id = ?",
                [v for _, v in kept] + [row_id],
            )
            return cursor.rowcount
        except Exception:  # noqa: BLE001  (e.g. a unique code taken locally)
            savepoint.rollback()
            return -1


@dataclass
class StoragePage:
    """A page of server.snapshot_storage_page made ready to write (see prepare_storage_page)."""

    table: Table
    values: list[tuple]  # column values in storage form, in storage_columns order
    incomplete: list[dict[str, Any]]  # rows lacking columns: {"row_id", "data"}, general path
    blobs: set[str]
    ticket_ids: list[uuid.UUID]
    bodies: dict[bytes, str]  # tickets: search index text of the pulled values, by id


def prepare_storage_page(dialect, table: Table, rows: list[tuple]) -> StoragePage:
    """Everything about a page that needs no database (pure Python): done by the thread that
    fetches the next page while the previous one is written."""
    names = [name for name, _ in storage_columns(table)]
    incomplete = [{"row_id": r[0], "data": r[1]} for r in rows if r[1] is not None]
    values = [r[META:] for r in rows if r[1] is None]
    converters = _python_converters(dialect, table)
    if converters:
        values = [tuple(converters[i](v) if i in converters else v for i, v in enumerate(r))
                  for r in values]
    blobs: set[str] = set()
    blob = BLOB_COLUMNS.get(table.name)
    if blob is not None:
        at_blob = names.index(blob)
        blobs = {r[at_blob] for r in values if r[at_blob]}
    ticket_ids: list[uuid.UUID] = []
    bodies: dict[bytes, str] = {}
    if table.name == "ticket":
        at_id = names.index("id")
        ticket_ids = [uuid.UUID(bytes=r[at_id]) for r in values]
        at = [names.index(f) for f in SEARCHED_FIELDS]
        bodies = {r[at_id]: index_body(tuple(r[i] for i in at)) for r in values}
    return StoragePage(table, values, incomplete, blobs, ticket_ids, bodies)


def apply_storage_rows(conn: Connection, table: Table, rows: list[tuple]) -> ApplyStats:
    """Upsert whole current rows in storage form (server.snapshot_storage_page), keeping
    fields with local unpushed changes; rows lacking columns go the general way."""
    return apply_storage_page(conn, prepare_storage_page(conn.dialect, table, rows))


def apply_storage_page(conn: Connection, page: StoragePage) -> ApplyStats:
    """Write a prepared page (inside the caller's transaction)."""
    table = page.table
    stats = ApplyStats()
    at_id = [name for name, _ in storage_columns(table)].index("id")
    rows = page.values
    pending = _pending_ids(conn, table.name)
    plain = [r for r in rows if r[at_id] not in pending] if pending else rows
    careful = [r for r in rows if r[at_id] in pending] if pending else []
    is_ticket = table.name == "ticket"
    if is_ticket:
        _fts_remove(conn, page.ticket_ids)
    stats.rows += _upsert_many(conn, table, plain)
    bodies = page.bodies
    for row in careful:
        updated = _update_kept(conn, table, row, pending[row[at_id]])
        if updated == 0:
            updated = _upsert_many(conn, table, [row])
        stats.rows += max(updated, 0)
        if is_ticket:  # the stored text may keep local values: index what is stored
            bodies = {k: v for k, v in bodies.items() if k != row[at_id]}
    stats.blobs |= page.blobs
    if is_ticket:
        _fts_add(conn, page.ticket_ids, bodies)
        stats.ticket_ids.update(page.ticket_ids)
    if page.incomplete:
        more = apply_snapshot_rows(conn, table, page.incomplete)
        stats.rows += more.rows
        stats.unreadable += more.unreadable
        stats.blobs |= more.blobs
        stats.ticket_ids |= more.ticket_ids
    return stats


# ---------------------------------------------------------------------------------------------
# Foreign keys: pulled pages are applied with them off (a child may come before its parent)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dangling:
    """A row whose reference points at a row this store does not have."""

    table: str
    row_id: uuid.UUID
    column: str
    parent: str
    value: Any


def _foreign_keys(conn: Connection) -> dict[str, list[tuple[str, str, str]]]:
    """(column, parent table, parent column) per table, as the SQLite file declares them."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    tables = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).scalars().all()
    for name in tables:
        for row in conn.exec_driver_sql(f"PRAGMA foreign_key_list({_quoted(name)})"):
            found.setdefault(name, []).append((row[3], row[2], row[4] or "id"))
    return found


def _dangling_query(child: str, column: str, parent: str, parent_column: str, where: str) -> str:
    return (
        f"SELECT c.id, c.{_quoted(column)} FROM {_quoted(child)} c"
        f" WHERE {where} AND c.{_quoted(column)} IS NOT NULL AND NOT EXISTS"
        f" (SELECT 1 FROM {_quoted(parent)} p WHERE p.{_quoted(parent_column)} = c.{_quoted(column)})"
    )


def dangling_references(conn: Connection, touched: dict[str, set[bytes]],
                        removed: dict[str, set[bytes]] | None = None) -> list[Dangling]:
    """References that point nowhere, among the rows written (`touched`: table → ids as 16
    bytes) and the rows still pointing at rows taken away (`removed`). What `PRAGMA
    foreign_key_check` would report for these rows, without scanning whole tables."""
    if not any(touched.values()) and not any((removed or {}).values()):
        return []
    keys = _foreign_keys(conn)
    found: list[Dangling] = []

    def collect(child: str, column: str, parent: str, sql: str, params: tuple) -> None:
        for row_id, value in conn.exec_driver_sql(sql, params):
            found.append(Dangling(child, _as_uuid(row_id), column, parent, _as_uuid(value)))

    for child, ids in touched.items():
        for column, parent, parent_column in keys.get(child, ()):
            for chunk in _chunks(sorted(ids)):
                where = f"c.id IN ({', '.join('?' * len(chunk))})"
                collect(child, column, parent,
                        _dangling_query(child, column, parent, parent_column, where), tuple(chunk))
    synced = _synced_names()
    for parent, ids in (removed or {}).items():
        for child, references in keys.items():
            for column, target, parent_column in references:
                if target != parent or child not in synced:
                    continue
                for chunk in _chunks(sorted(ids)):
                    where = f"c.{_quoted(column)} IN ({', '.join('?' * len(chunk))})"
                    collect(child, column, parent,
                            _dangling_query(child, column, parent, parent_column, where), tuple(chunk))
    return sorted(set(found), key=lambda d: (d.table, str(d.row_id), d.column))


def all_dangling_references(conn: Connection) -> list[Dangling]:
    """Every dangling reference of the synced tables (PRAGMA foreign_key_check, whole tables):
    at the end of an initial pull."""
    found = []
    for table in synced_tables():
        name = table.name
        columns = {row[0]: row[3] for row in
                   conn.exec_driver_sql(f"PRAGMA foreign_key_list({_quoted(name)})")}
        for _table, rowid, parent, fk_index in conn.exec_driver_sql(
            f"PRAGMA foreign_key_check({_quoted(name)})"
        ).all():
            column = columns[fk_index]
            row_id, value = conn.exec_driver_sql(
                f"SELECT id, {_quoted(column)} FROM {_quoted(name)} WHERE rowid = ?", (rowid,)
            ).one()
            found.append(Dangling(name, _as_uuid(row_id), column, parent, _as_uuid(value)))
    return found


def _synced_names() -> set[str]:
    return {t.name for t in synced_tables()}


def _as_uuid(value: Any) -> Any:
    if isinstance(value, bytes | memoryview) and len(value) == 16:
        return uuid.UUID(bytes=bytes(value))
    return value
