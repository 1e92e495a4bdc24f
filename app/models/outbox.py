"""Change capture for sync: every local change of a synced row writes an outbox row in the same
SQLite transaction (DESIGN.md "Sync"), plus the local sync state, conflicts and blob to-do list.

What is synced: every table whose primary key is a client-generated UUID `id` (tickets and
their events, plan materials, work logs, attachments' metadata, signatures, printed-document
codes, projects, places, customers, staff, organisation units, categories, escalations…),
except LOCAL_ONLY. Rows are scoped to a project (its own `project_id` column, or the project of
the parent row it references: ticket → project, escalation → project); projects, staff,
organisation units, customers and categories are shared by everyone.

Capture happens in two listeners: `after_flush` (ORM unit of work: new, changed and deleted
objects) and `do_orm_execute` (ORM bulk statements: insert/update/delete of many rows at once).
Writers that bypass the ORM (the demo generator's raw SQL, the sync's own apply of pulled
changes) are not captured: the first sync uploads every row the server does not have yet
(initial snapshot), and pulled rows must not travel back.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
import weakref
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    Text,
    event,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.models.base import GUID, Base, utcnow
from app.models.ids import new_id

# Tables that stay on this machine: settings, the per-installation counter, the search index
# and the sync bookkeeping itself.
LOCAL_ONLY = frozenset(
    {
        "app_meta",
        "ticket_counter",
        "ticket_search_doc",
        "sync_outbox",
        "sync_state",
        "sync_conflict",
        "sync_blob_todo",
        "ticket_month_stat",
        "ticket_month_stat_built",
    }
)
# Shared by every laptop whatever its scope (projects stay visible so a scope can be chosen).
GLOBAL_TABLES = frozenset({"project", "org_unit", "staff", "customer", "defect_category"})
# Bookkeeping columns: merged by "later wins" without a conflict record (two people changing
# a ticket at once both bump `version`; that is not a disagreement anyone must settle).
QUIET_FIELDS = frozenset({"updated_at", "version"})
# Columns holding a content hash of a file in the attachment store.
BLOB_COLUMNS = {"attachment": "sha256", "signature": "image_sha256"}

NO_CAPTURE = "sync_no_capture"  # session.info flag (tests and tools only)
STATE_ID = 1


class SyncOutbox(Base):
    """One captured local change waiting to be pushed (or kept aside as quarantined)."""

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(unique=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID]
    kind: Mapped[str] = mapped_column(String(10))  # upsert | delete
    fields: Mapped[dict] = mapped_column(JSON, default=dict)
    full: Mapped[bool] = mapped_column(default=False)  # fields hold the whole row (an insert)
    hlc: Mapped[int] = mapped_column(BigInteger)
    base_seq: Mapped[int] = mapped_column(BigInteger, default=0)  # server log seen when made
    actor_id: Mapped[uuid.UUID | None]
    project_id: Mapped[uuid.UUID | None]
    parent_id: Mapped[uuid.UUID | None]  # the row this one is scoped through (its ticket…)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    batch_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending | quarantined
    reason: Mapped[str] = mapped_column(Text, default="")


class SyncState(Base):
    """This store's sync bookkeeping (one row): identity, clocks, cursors and scope."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[str] = mapped_column(String(36))
    hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    server_offset_ms: Mapped[int] = mapped_column(BigInteger, default=0)
    pull_cursor: Mapped[int | None] = mapped_column(BigInteger)  # None: never pulled
    snapshot_seq: Mapped[int | None] = mapped_column(BigInteger)  # initial pull under way
    snapshot_after: Mapped[str | None] = mapped_column(Text)  # resume key of that pull
    snapshot_projects: Mapped[list | None] = mapped_column(JSON)  # None: all projects
    scope: Mapped[list | None] = mapped_column(JSON)  # project ids as text; None: all
    upload_done: Mapped[bool] = mapped_column(default=False)  # initial upload finished
    upload_after: Mapped[str | None] = mapped_column(Text)  # resume key of that upload
    server_url: Mapped[str] = mapped_column(Text, default="")
    store_path: Mapped[str] = mapped_column(Text, default="")  # a copied file is a new client
    server_schema: Mapped[str | None] = mapped_column(String(32))
    last_sync_at: Mapped[dt.datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")


class SyncConflict(Base):
    """A same-field (or delete-vs-edit) disagreement: both values, who and when."""

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    server_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    entity: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID] = mapped_column(index=True)
    field: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(12))  # field | delete
    winner_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    winner_hlc: Mapped[int] = mapped_column(BigInteger)
    winner_client: Mapped[str] = mapped_column(String(36))
    winner_label: Mapped[str] = mapped_column(String(32), default="")
    winner_actor_id: Mapped[uuid.UUID | None]
    loser_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    loser_hlc: Mapped[int] = mapped_column(BigInteger)
    loser_client: Mapped[str] = mapped_column(String(36))
    loser_label: Mapped[str] = mapped_column(String(32), default="")
    loser_actor_id: Mapped[uuid.UUID | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None]
    resolution: Mapped[str | None] = mapped_column(String(8))  # mine | theirs
    resolved_by_id: Mapped[uuid.UUID | None]
    # The side kept (winner | loser: the same on every computer) and where it was decided; a
    # resolution made on another computer arrives with the pull.
    resolved_keep: Mapped[str | None] = mapped_column(String(8))
    resolved_client: Mapped[str | None] = mapped_column(String(36))
    resolved_label: Mapped[str | None] = mapped_column(String(32))


class SyncBlobTodo(Base):
    """A file to upload (`up`) or download (`down`) by hash; retried until it succeeds."""

    __tablename__ = "sync_blob_todo"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    direction: Mapped[str] = mapped_column(String(4), primary_key=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")


# ---------------------------------------------------------------------------------------------
# Which tables sync, and how a row finds its project
# ---------------------------------------------------------------------------------------------

_registry_cache: dict[int, tuple[Table, ...]] = {}


def synced_tables() -> tuple[Table, ...]:
    """Every synced table, parents before children (foreign-key order)."""
    key = len(Base.metadata.tables)
    cached = _registry_cache.get(key)
    if cached is None:
        cached = tuple(
            table for table in Base.metadata.sorted_tables
            if table.name not in LOCAL_ONLY
            and [c.name for c in table.primary_key.columns] == ["id"]
            and isinstance(table.c.id.type, GUID)
        )
        _registry_cache.clear()
        _registry_cache[key] = cached
    return cached


def synced_table(name: str) -> Table | None:
    return next((t for t in synced_tables() if t.name == name), None)


def scope_column(table: Table) -> str | None:
    """The column through which a row belongs to a project; None: shared by everyone."""
    if table.name in GLOBAL_TABLES:
        return None
    if "project_id" in table.c:
        return "project_id"
    names = {t.name for t in synced_tables()}
    for column in table.c:
        for fk in column.foreign_keys:
            parent = fk.column.table
            if parent.name in names and parent.name != table.name and scope_column(parent):
                return column.name
    return None


def scope_parent_table(table: Table) -> Table | None:
    """The table the scope column points to (None for `project_id` or shared tables)."""
    column = scope_column(table)
    if column is None or column == "project_id":
        return None
    return next(iter(table.c[column].foreign_keys)).column.table


def project_of(conn: Connection, table: Table, row_id: uuid.UUID | None) -> uuid.UUID | None:
    """The project a stored row belongs to (following its parents)."""
    if row_id is None:
        return None
    column = scope_column(table)
    if column is None:
        return None
    value = conn.execute(select(table.c[column]).where(table.c.id == row_id)).scalar()
    if column == "project_id" or value is None:
        return value
    return project_of(conn, scope_parent_table(table), value)


# ---------------------------------------------------------------------------------------------
# Values on the wire (JSON): uuid/date/time as ISO text, the rest as is
# ---------------------------------------------------------------------------------------------


def to_wire(column, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    if hasattr(value, "value") and not isinstance(value, bool | int | float | str):
        return value.value  # an enum member
    return value


def from_wire(column, value: Any) -> Any:
    """The Python value of a column from its wire form."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, GUID):
        return uuid.UUID(str(value))
    if isinstance(kind, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, Integer):
        return int(value)
    if isinstance(kind, Float):
        return float(value)
    return value


def row_to_wire(table: Table, row: Any) -> dict[str, Any]:
    mapping = row._mapping if hasattr(row, "_mapping") else row
    return {c.name: to_wire(c, mapping[c.name]) for c in table.c}


# ---------------------------------------------------------------------------------------------
# Hybrid logical clock (physical milliseconds << 16 | counter), offset by the server's clock
# ---------------------------------------------------------------------------------------------

_clock: Callable[[], float] = time.time


def set_clock(clock: Callable[[], float] | None) -> None:
    """Replace the wall clock (tests: skewed or jumping clocks); None restores time.time."""
    global _clock
    _clock = clock or time.time


def wall_ms() -> int:
    return int(_clock() * 1000)


def hlc_next(last: int, offset_ms: int) -> int:
    """The next HLC value: never below the last one, even if the wall clock jumps back."""
    physical = (wall_ms() + offset_ms) << 16
    return physical if physical > last else last + 1


def hlc_ms(value: int) -> int:
    return value >> 16


def hlc_datetime(value: int) -> dt.datetime:
    """The HLC's physical part as an aware UTC time (for showing who changed what when)."""
    return dt.datetime.fromtimestamp(hlc_ms(value) / 1000, dt.UTC)


def ensure_state(conn: Connection) -> dict[str, Any]:
    """This store's sync state row (created with a fresh client id on first use)."""
    table = SyncState.__table__
    row = conn.execute(select(table).where(table.c.id == STATE_ID)).mappings().first()
    if row is None:
        conn.execute(
            SyncState.__table__.insert().values(
                id=STATE_ID, client_id=str(new_id()), hlc=0, server_offset_ms=0,
                upload_done=False, server_url="", store_path="", last_error="",
            )
        )
        row = conn.execute(select(table).where(table.c.id == STATE_ID)).mappings().first()
    return dict(row)


# ---------------------------------------------------------------------------------------------
# Capture
# ---------------------------------------------------------------------------------------------

_ready: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _capturing(session: Session) -> Connection | None:
    """The session's connection if this is a migrated local store that captures changes."""
    if session.info.get(NO_CAPTURE):
        return None
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        return None
    engine = getattr(bind, "engine", bind)
    conn = session.connection()
    if not _ready.get(engine):
        if not bind.dialect.has_table(conn, "sync_outbox"):
            return None
        _ready[engine] = True
    return conn


class _Capture:
    """Outbox rows of one flush or bulk statement, written together."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.ops: list[dict[str, Any]] = []
        self.blobs: set[str] = set()
        self._projects: dict[tuple[str, uuid.UUID], uuid.UUID | None] = {}

    def _scope(self, table: Table, values: dict[str, Any]) -> tuple[Any, Any]:
        column = scope_column(table)
        if column is None:
            return None, None
        raw = values.get(column)
        if column == "project_id":
            return raw, None
        parent = scope_parent_table(table)
        if raw is None:
            return None, None
        key = (parent.name, raw)
        if key not in self._projects:
            self._projects[key] = project_of(self.conn, parent, raw)
        return self._projects[key], raw

    def add(self, table: Table, kind: str, row_id: uuid.UUID, fields: dict[str, Any],
            values: dict[str, Any], *, full: bool = False, actor_id: Any = None) -> None:
        project_id, parent_id = self._scope(table, values)
        self.ops.append(
            {
                "entity": table.name, "row_id": row_id, "kind": kind, "full": full,
                "fields": {name: to_wire(table.c[name], value) for name, value in fields.items()},
                "actor_id": actor_id or _actor_of(values), "project_id": project_id,
                "parent_id": parent_id,
            }
        )
        blob_column = BLOB_COLUMNS.get(table.name)
        if kind == "upsert" and blob_column and fields.get(blob_column):
            self.blobs.add(fields[blob_column])

    def write(self) -> None:
        if not self.ops:
            return
        state = ensure_state(self.conn)
        clock = state["hlc"] or 0
        base = state["pull_cursor"] or state["snapshot_seq"] or 0
        now = utcnow()
        rows = []
        for op in self.ops:
            clock = hlc_next(clock, state["server_offset_ms"] or 0)
            rows.append({**op, "op_id": new_id(), "hlc": clock, "base_seq": base, "created_at": now,
                         "status": "pending", "reason": "", "batch_id": None})
        self.conn.execute(SyncOutbox.__table__.insert(), rows)
        self.conn.execute(text("UPDATE sync_state SET hlc = :h WHERE id = :i"), {"h": clock, "i": STATE_ID})
        if self.blobs:
            self.conn.execute(
                text("INSERT OR IGNORE INTO sync_blob_todo (sha256, direction, attempts, last_error)"
                     " VALUES (:s, 'up', 0, '')"),
                [{"s": sha} for sha in sorted(self.blobs)],
            )


def _actor_of(values: dict[str, Any]) -> Any:
    for name in ("actor_id", "author_id", "created_by_id", "printed_by_id", "registered_by_id"):
        if values.get(name) is not None:
            return values[name]
    return None


def _fetch(conn: Connection, table: Table, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, dict]:
    ids = list(dict.fromkeys(ids))
    found: dict[uuid.UUID, dict] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in conn.execute(select(table).where(table.c.id.in_(chunk))).mappings():
            found[row["id"]] = dict(row)
    return found


@event.listens_for(Session, "after_flush")
def _capture_flush(session: Session, _context) -> None:
    conn = _capturing(session)
    if conn is None:
        return
    synced = {t.name: t for t in synced_tables()}
    capture = _Capture(conn)
    inserted: dict[str, list[uuid.UUID]] = {}
    updated: dict[str, dict[uuid.UUID, set[str]]] = {}
    # The actor of a ticket's change is the actor of the events written with it.
    ticket_actor: dict[Any, Any] = {}
    for obj in session.new:
        table = inspect(obj).mapper.local_table
        if table.name == "ticket_event" and getattr(obj, "actor_id", None) is not None:
            ticket_actor[obj.ticket_id] = obj.actor_id
        if table.name in synced:
            inserted.setdefault(table.name, []).append(obj.id)
    for obj in session.dirty:
        state = inspect(obj)
        table = state.mapper.local_table
        if table.name not in synced or state.deleted or state.was_deleted:
            continue
        changed = {
            attr.key for attr in state.attrs
            if attr.key in table.c and attr.history.has_changes()
        }
        if changed:
            if "updated_at" in table.c:
                changed.add("updated_at")  # set by onupdate, not in the attribute history
            updated.setdefault(table.name, {})[obj.id] = changed
    for name in [t.name for t in synced_tables()]:  # parents first
        table = synced[name]
        if name in inserted:
            rows = _fetch(conn, table, inserted[name])
            for row_id in inserted[name]:
                row = rows.get(row_id)
                if row is not None:
                    capture.add(table, "upsert", row_id, row, row, full=True,
                                actor_id=ticket_actor.get(row_id))
        if name in updated:
            rows = _fetch(conn, table, updated[name])
            for row_id, changed in updated[name].items():
                row = rows.get(row_id)
                if row is not None:
                    capture.add(table, "upsert", row_id, {c: row[c] for c in changed}, row,
                                actor_id=ticket_actor.get(row_id))
    for obj in session.deleted:
        state = inspect(obj)
        table = state.mapper.local_table
        if table.name in synced:
            values = {c.name: state.dict.get(c.name) for c in table.c}
            capture.add(table, "delete", obj.id, {}, values)
    capture.write()


@event.listens_for(Session, "do_orm_execute")
def _capture_bulk(orm_state) -> None:
    """ORM bulk insert/update/delete statements bypass the unit of work: capture them here."""
    if not (orm_state.is_insert or orm_state.is_update or orm_state.is_delete):
        return None
    mapper = orm_state.bind_mapper
    if mapper is None:
        return None
    table = mapper.local_table
    if synced_table(table.name) is None:
        return None
    session = orm_state.session
    conn = _capturing(session)
    if conn is None:
        return None
    statement = orm_state.statement
    params = orm_state.parameters
    many = isinstance(params, list) and bool(params)
    capture = _Capture(conn)
    if orm_state.is_insert:
        result = orm_state.invoke_statement()
        rows_in = params if many else [params or {}]
        ids = [p.get("id") for p in rows_in]
        if any(i is None for i in ids):
            raise RuntimeError(f"同步：批量插入 {table.name} 必须提供 id，才能记录变更。")
        rows = _fetch(conn, table, ids)
        for row_id in ids:
            capture.add(table, "upsert", row_id, rows[row_id], rows[row_id], full=True)
    elif orm_state.is_update and many:
        ids = [p["id"] for p in params]
        fields = {k for p in params for k in p if k != "id"}
        if "updated_at" in table.c:
            fields.add("updated_at")
        result = orm_state.invoke_statement()
        rows = _fetch(conn, table, ids)
        for row_id in ids:
            row = rows[row_id]
            capture.add(table, "upsert", row_id, {c: row[c] for c in fields if c in row}, row)
    else:
        where = statement.whereclause
        query = select(table.c.id)
        if where is not None:
            query = query.where(where)
        ids = list(conn.execute(query).scalars())
        before = _fetch(conn, table, ids)
        result = orm_state.invoke_statement()
        if orm_state.is_delete:
            for row_id in ids:
                capture.add(table, "delete", row_id, {}, before[row_id])
        else:
            fields = {getattr(k, "key", k) for k in getattr(statement, "_values", {}) or {}}
            fields = {f for f in fields if f in table.c} or {c.name for c in table.c}
            if "updated_at" in table.c:
                fields.add("updated_at")
            after = _fetch(conn, table, ids)
            for row_id in ids:
                capture.add(table, "upsert", row_id, {c: after[row_id][c] for c in fields}, after[row_id])
    capture.write()
    return result


def capture_fields(session: Session, entity: str, row_id: uuid.UUID, fields: Iterable[str],
                   actor_id: Any = None) -> None:
    """Capture the current value of some fields of a row as a new change (even if unchanged)."""
    conn = _capturing(session)
    table = synced_table(entity)
    if conn is None or table is None:
        return
    row = _fetch(conn, table, [row_id]).get(row_id)
    if row is None:
        return
    capture = _Capture(conn)
    capture.add(table, "upsert", row_id, {f: row[f] for f in fields}, row, actor_id=actor_id)
    capture.write()


def pending_count(conn: Connection) -> int:
    return conn.execute(text("SELECT count(*) FROM sync_outbox WHERE status = 'pending'")).scalar() or 0


def dumps(value: Any) -> str:
    """Canonical JSON (sorted keys, no spaces): hashes of batches compare across runs."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
