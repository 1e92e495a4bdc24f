"""One sync run: handshake, files up, initial upload, push, scope, initial pull, pull, files down.

Every step commits as it goes (a server transaction per batch, a local transaction per page
with its cursor), so a cut connection or a killed process resumes where it stopped and never
applies anything twice. Errors come back as a Chinese reason in SyncResult.error; the outbox
is never dropped.
"""

from __future__ import annotations

import hashlib
import logging
import queue
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import psycopg
from sqlalchemy import select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.config import attachments_dir
from app.models.attachment_store import AttachmentStore
from app.models.db import Database
from app.models.migrate import head_revision
from app.models.outbox import (
    BLOB_COLUMNS,
    STATE_ID,
    SyncOutbox,
    ensure_state,
    pending_count,
    project_of,
    row_to_wire,
    scope_column,
    scope_parent_table,
    synced_tables,
    wall_ms,
)
from app.sync import apply as local
from app.sync import server
from app.sync.settings import SettingsError, SyncSettings

Progress = Callable[[str, int, int], None]
PUSH_BATCH = 1000
UPLOAD_BATCH = 2000
MIN_BATCH = 50
PULL_PAGE = 1000
SNAPSHOT_PAGE = 10_000
APPLY_CACHE_KIB = -262_144  # SQLite page cache while applying pulled pages (256 MiB, negative: KiB)
_NAMESPACE = uuid.UUID("5f1c7b8e-3c59-4d7a-9d0e-57a1c0de5e7c")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncResult:
    """What one sync run did; error is None on success, else a Chinese reason."""

    pushed: int = 0
    pulled: int = 0
    quarantined: int = 0
    conflicts_new: int = 0
    conflicts_resolved_elsewhere: int = 0
    blobs_up: int = 0
    blobs_down: int = 0
    error: str | None = None
    server_schema: str | None = None
    changed_ticket_ids: tuple[uuid.UUID, ...] = ()
    removed: int = 0
    uploaded_rows: int = 0
    blob_errors: int = 0
    chunks_up: int = 0
    too_old: bool = False
    # Chinese notes on a sync that worked but left something to look at (dangling references)
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


class Stopped(Exception):
    """The caller asked to stop (should_stop); what was done so far is kept."""


@dataclass
class _Run:
    db: Database
    settings: SyncSettings
    progress: Progress | None
    should_stop: Callable[[], bool] | None
    fault: server.Fault | None
    counts: dict[str, int] = field(default_factory=dict)
    tickets: set[uuid.UUID] = field(default_factory=set)
    # rows whose references pointed nowhere when written: checked again at the end of the run
    suspects: dict[str, set[bytes]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def step(self, phase: str, done: int, total: int) -> None:
        if self.should_stop is not None and self.should_stop():
            raise Stopped
        if self.progress is not None:
            self.progress(phase, done, total)

    def add(self, key: str, amount: int) -> None:
        self.counts[key] = self.counts.get(key, 0) + amount


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def test_connection(settings: SyncSettings) -> str | None:
    """None if the server can be reached and speaks our schema, else a Chinese reason."""
    try:
        conn = server.connect(settings)
    except (SettingsError, server.ServerError) as error:
        return str(error)
    try:
        server.handshake(conn, "connection-test", "", head_revision())
    except (server.ServerError, psycopg.Error) as error:
        return server.describe(error)
    finally:
        conn.close()
    return None


test_connection.__test__ = False  # not a pytest test, despite the name


def pending_changes(session: Session) -> int:
    """Local changes not pushed yet (quarantined ones are not counted)."""
    return pending_count(session.connection())


def open_conflict_count(session: Session) -> int:
    return session.scalar(text("SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL")) or 0


def run_sync(db: Database, settings: SyncSettings, progress: Progress | None = None,
             should_stop: Callable[[], bool] | None = None, *,
             fault: server.Fault | None = None) -> SyncResult:
    """Push this store's changes, then pull everyone else's; never raises for server trouble."""
    run = _Run(db, settings, progress, should_stop, fault)
    result = SyncResult()
    try:
        conn = server.connect(settings)
    except (SettingsError, server.ServerError) as error:
        _remember_error(db, str(error))
        return replace(result, error=str(error))
    error: str | None = None
    schema = None
    too_old = False
    try:
        schema = _sync(run, conn)
    except Stopped:
        error = "同步已停止；已完成的部分已保存，下次同步会继续。"
    except server.ClientTooOld as failure:
        error, too_old = str(failure), True
    except (server.ServerError, psycopg.Error, OSError) as failure:
        error = server.describe(failure)
    finally:
        conn.close()
    _remember_error(db, error or "", success=error is None, schema=schema)
    c = run.counts
    return SyncResult(
        pushed=c.get("pushed", 0), pulled=c.get("pulled", 0), quarantined=c.get("quarantined", 0),
        conflicts_new=c.get("conflicts", 0),
        conflicts_resolved_elsewhere=c.get("resolutions", 0), blobs_up=c.get("blobs_up", 0),
        blobs_down=c.get("blobs_down", 0), error=error, server_schema=schema,
        changed_ticket_ids=tuple(sorted(run.tickets)), removed=c.get("removed", 0),
        uploaded_rows=c.get("uploaded_rows", 0), blob_errors=c.get("blob_errors", 0),
        chunks_up=c.get("chunks_up", 0), too_old=too_old, warnings=tuple(run.warnings),
    )


def _remember_error(db: Database, error: str, *, success: bool = False, schema: str | None = None) -> None:
    from app.models.base import utcnow

    with db.engine.begin() as lc:
        ensure_state(lc)
        if success:
            lc.execute(
                text("UPDATE sync_state SET last_error = '', last_sync_at = :t, server_schema = :s WHERE id = :i"),
                {"t": utcnow(), "s": schema, "i": STATE_ID},
            )
        else:
            lc.execute(text("UPDATE sync_state SET last_error = :e WHERE id = :i"), {"e": error, "i": STATE_ID})


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------


def _state(db: Database) -> dict[str, Any]:
    with db.engine.begin() as lc:
        return ensure_state(lc)


def _set_state(lc: Connection, **values: Any) -> None:
    from app.models.outbox import SyncState

    lc.execute(SyncState.__table__.update().where(SyncState.id == STATE_ID).values(**values))


def _sync(run: _Run, conn: psycopg.Connection) -> str:
    db = run.db
    state = _state(db)
    if state["store_path"] != str(db.path):
        # A store file copied to another place (another laptop, a restored backup) must not
        # speak with the original's identity: its changes would pass for the original's.
        with db.engine.begin() as lc:
            _set_state(lc, client_id=str(uuid.uuid4()), store_path=str(db.path))
        state = _state(db)
    client_id = state["client_id"]
    run.step("连接服务器", 0, 1)
    before = wall_ms()
    info = server.handshake(conn, client_id, db.installation_code, head_revision())
    after = wall_ms()
    offset = info.now_ms - (before + after) // 2
    scope = sorted(str(p) for p in run.settings.scope_project_ids) or None
    with db.engine.begin() as lc:
        _set_state(lc, server_offset_ms=offset, server_url=run.settings.display_url())
        if not state["upload_done"]:
            _register_all_blobs(lc)
    _upload_blobs(run, conn)
    if not state["upload_done"]:
        _initial_upload(run, conn, client_id)
    _push(run, conn, client_id)
    _reconcile_scope(run, scope)
    _snapshot(run, conn, scope)
    _pull(run, conn, client_id, scope)
    _check_references(run)
    _note_unreadable(run)
    _download_blobs(run, conn)
    return info.revision


# --- files ------------------------------------------------------------------------------------


def _register_all_blobs(lc: Connection) -> None:
    for table, column in BLOB_COLUMNS.items():
        lc.execute(text(
            f"INSERT OR IGNORE INTO sync_blob_todo (sha256, direction, attempts, last_error)"
            f" SELECT DISTINCT {column}, 'up', 0, '' FROM {table} WHERE {column} != ''"
        ))


def _store(db: Database) -> AttachmentStore:
    return AttachmentStore(attachments_dir(db.path))


def _upload_blobs(run: _Run, conn: psycopg.Connection) -> None:
    store = _store(run.db)
    with run.db.engine.connect() as lc:
        todo = list(lc.execute(text("SELECT sha256 FROM sync_blob_todo WHERE direction = 'up'")).scalars())
    for done, sha in enumerate(todo):
        run.step("上传附件", done, len(todo))
        path = store.path_for(sha)
        if not path.is_file():
            _blob_failed(run.db, sha, "up", "本机缺少该附件文件")
            continue
        if hashlib.sha256(path.read_bytes()).hexdigest() != sha:
            _blob_failed(run.db, sha, "up", "本机附件文件已损坏（与哈希值不符），未上传")
            run.add("blob_errors", 1)
            continue
        tamper = None
        if run.fault is not None:
            tamper = getattr(run.fault, "tamper_chunk", None)
        sent = server.upload_blob(conn, sha, path, tamper)
        run.add("chunks_up", sent)
        run.add("blobs_up", 1 if sent else 0)
        with run.db.engine.begin() as lc:
            lc.execute(text("DELETE FROM sync_blob_todo WHERE sha256 = :s AND direction = 'up'"), {"s": sha})


def _blob_failed(db: Database, sha: str, direction: str, reason: str) -> None:
    with db.engine.begin() as lc:
        lc.execute(
            text("UPDATE sync_blob_todo SET attempts = attempts + 1, last_error = :e"
                 " WHERE sha256 = :s AND direction = :d"),
            {"e": reason, "s": sha, "d": direction},
        )


def _download_blobs(run: _Run, conn: psycopg.Connection) -> None:
    store = _store(run.db)
    partial_dir = store.root / ".partial"
    with run.db.engine.connect() as lc:
        todo = list(lc.execute(text("SELECT sha256 FROM sync_blob_todo WHERE direction = 'down'")).scalars())
    for done, sha in enumerate(todo):
        run.step("下载附件", done, len(todo))
        if store.exists(sha):
            _blob_done(run.db, sha)
            continue
        partial = server.download_blob(conn, sha, partial_dir / sha)
        if partial is None:
            _blob_failed(run.db, sha, "down", "服务器上暂时还没有该附件")
            continue
        data = partial.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            partial.unlink(missing_ok=True)
            _blob_failed(run.db, sha, "down", "下载的附件与哈希值不符，已丢弃，下次重新下载")
            run.add("blob_errors", 1)
            continue
        store.put_bytes(data)
        partial.unlink(missing_ok=True)
        _blob_done(run.db, sha)
        run.add("blobs_down", 1)


def _blob_done(db: Database, sha: str) -> None:
    with db.engine.begin() as lc:
        lc.execute(text("DELETE FROM sync_blob_todo WHERE sha256 = :s AND direction = 'down'"), {"s": sha})


# --- push -------------------------------------------------------------------------------------


def _wire_op(row: Any) -> dict[str, Any]:
    import json

    fields = row.fields if not isinstance(row.fields, str) else json.loads(row.fields)
    return {
        "op_id": str(row.op_id), "entity": row.entity, "row_id": str(row.row_id), "kind": row.kind,
        "fields": fields, "full": bool(row.full), "hlc": int(row.hlc), "base_seq": int(row.base_seq),
        "actor_id": str(row.actor_id) if row.actor_id else None,
        "project_id": str(row.project_id) if row.project_id else None,
        "parent_id": str(row.parent_id) if row.parent_id else None,
    }


def _push(run: _Run, conn: psycopg.Connection, client_id: str) -> None:
    db = run.db
    outbox = SyncOutbox.__table__
    with db.engine.connect() as lc:
        total = pending_count(lc)
    done = 0
    while True:
        run.step("上传修改", done, total)
        with db.engine.begin() as lc:
            first = lc.execute(
                select(outbox.c.batch_id).where(outbox.c.status == "pending").order_by(outbox.c.seq).limit(1)
            ).first()
            if first is None:
                return
            batch_id = first.batch_id
            if batch_id is not None and not run.counts.get("resplit"):
                # This batch was sent before without a receipt: the connection may be too short
                # for it. Send it in halves under new ids (ops already applied are recognised by
                # their op id on the server, so splitting never applies anything twice).
                seqs = list(lc.execute(
                    select(outbox.c.seq).where(outbox.c.batch_id == batch_id).order_by(outbox.c.seq)
                ).scalars())
                if len(seqs) > MIN_BATCH:
                    lc.execute(outbox.update().where(outbox.c.seq.in_(seqs[len(seqs) // 2:]))
                               .values(batch_id=None))
                    batch_id = uuid.uuid4()
                    lc.execute(outbox.update().where(outbox.c.seq.in_(seqs[: len(seqs) // 2]))
                               .values(batch_id=batch_id))
                run.add("resplit", 1)
            if batch_id is None:
                # Name the batch before sending it: a retry after a cut resends the same batch.
                batch_id = uuid.uuid4()
                seqs = list(lc.execute(
                    select(outbox.c.seq).where(outbox.c.status == "pending", outbox.c.batch_id.is_(None))
                    .order_by(outbox.c.seq).limit(PUSH_BATCH)
                ).scalars())
                lc.execute(outbox.update().where(outbox.c.seq.in_(seqs)).values(batch_id=batch_id))
            rows = lc.execute(
                select(outbox).where(outbox.c.batch_id == batch_id, outbox.c.status == "pending")
                .order_by(outbox.c.seq)
            ).all()
        ops = [_wire_op(r) for r in rows]
        try:
            receipt = server.push_batch(conn, client_id, db.installation_code, str(batch_id), ops,
                                        run.fault, _cursor(db))
        except server.BatchMismatch:
            # The server holds other content under this id: send these ops under a new id
            # (ops already applied are recognised by their op id and not applied again).
            with db.engine.begin() as lc:
                lc.execute(outbox.update().where(outbox.c.batch_id == batch_id).values(batch_id=uuid.uuid4()))
            continue
        _settle(run, rows, receipt, batch_id)
        done += len(rows)


def _cursor(db: Database) -> int:
    """How far this client has pulled (0 while its first pull is not finished)."""
    return _state(db)["pull_cursor"] or 0


def _settle(run: _Run, rows: list[Any], receipt: dict[str, Any], batch_id: uuid.UUID) -> None:
    outbox = SyncOutbox.__table__
    bad = {q["op_id"]: q["reason"] for q in receipt.get("quarantined", [])}
    with run.db.engine.begin() as lc:
        for op_id, reason in bad.items():
            lc.execute(outbox.update().where(outbox.c.op_id == uuid.UUID(op_id)).values(
                status="quarantined", reason=reason))
        lc.execute(outbox.delete().where(outbox.c.batch_id == batch_id, outbox.c.status == "pending"))
    run.add("pushed", len(rows) - len(bad))
    run.add("quarantined", len(bad))


# --- initial upload of rows the server may not have (written before capture existed) --------


def _initial_upload(run: _Run, conn: psycopg.Connection, client_id: str) -> None:
    db = run.db
    tables = synced_tables()
    state = _state(db)
    start_table, after = 0, None
    if state["upload_after"]:
        index, _, last = state["upload_after"].partition(":")
        start_table, after = int(index), (uuid.UUID(last) if last else None)
    for index in range(start_table, len(tables)):
        table = tables[index]
        while True:
            run.step("首次上传本机数据", index, len(tables))
            with db.engine.connect() as lc:
                query = select(table).order_by(table.c.id).limit(UPLOAD_BATCH)
                if after is not None:
                    query = query.where(table.c.id > after)
                rows = lc.execute(query).all()
                ops = _snapshot_ops(lc, table, rows, client_id) if rows else []
            if not rows:
                break
            batch_id = uuid.uuid5(_NAMESPACE, f"{client_id}:upload:{table.name}:{rows[0].id}:{rows[-1].id}")
            label, cursor = db.installation_code, _cursor(db)
            try:
                server.push_batch(conn, client_id, label, str(batch_id), ops, run.fault, cursor)
            except server.BatchMismatch:
                server.push_batch(conn, client_id, label, str(uuid.uuid4()), ops, run.fault, cursor)
            after = rows[-1].id
            run.add("uploaded_rows", len(rows))
            with db.engine.begin() as lc:
                _set_state(lc, upload_after=f"{index}:{after}")
        after = None
        with db.engine.begin() as lc:
            _set_state(lc, upload_after=f"{index + 1}:")
    with db.engine.begin() as lc:
        _set_state(lc, upload_done=True, upload_after=None)


def _snapshot_ops(lc: Connection, table, rows: list[Any], client_id: str) -> list[dict[str, Any]]:
    column = scope_column(table)
    parent = scope_parent_table(table)
    cache: dict[Any, Any] = {}
    ops = []
    for row in rows:
        project = parent_id = None
        if column == "project_id":
            project = row.project_id
        elif column is not None:
            parent_id = getattr(row, column)
            if parent_id not in cache:
                cache[parent_id] = project_of(lc, parent, parent_id)
            project = cache[parent_id]
        ops.append({
            "op_id": str(uuid.uuid5(_NAMESPACE, f"{client_id}:snapshot:{table.name}:{row.id}")),
            "entity": table.name, "row_id": str(row.id), "kind": "snapshot",
            "fields": row_to_wire(table, row), "full": True, "hlc": 0, "base_seq": 0,
            "actor_id": None, "project_id": str(project) if project else None,
            "parent_id": str(parent_id) if parent_id else None,
        })
    return ops


# --- scope ------------------------------------------------------------------------------------


def _reconcile_scope(run: _Run, scope: list[str] | None) -> None:
    """Apply a changed scope: remove projects left out, fetch projects added."""
    state = _state(run.db)
    old = state["scope"]
    if old == scope or state["pull_cursor"] is None:
        with run.db.engine.begin() as lc:
            _set_state(lc, scope=scope)
        return
    # Foreign keys off, as for pulled pages: a project's rows reference each other across
    # tables in both directions (a meeting's escalations, an escalation's tickets), so no
    # table order deletes them one table at a time. What still points at a removed row
    # afterwards (a row of a kept project) is reported at the end of the run.
    with _apply_transaction(run.db) as lc:
        if scope is not None:
            local_projects = _local_project_ids(lc)
            removed = (set(old) if old is not None else local_projects) - set(scope)
            gone: dict[str, set[bytes]] = {}
            run.add("removed", local.purge_projects(lc, [uuid.UUID(p) for p in removed], gone))
            for dangling in local.dangling_references(lc, {}, gone):
                run.suspects.setdefault(dangling.table, set()).add(dangling.row_id.bytes)
        added = None if scope is None else sorted(set(scope) - set(old or []))
        if old is None:
            added = []
        if added is None or added:
            _set_state(lc, snapshot_seq=None, snapshot_after="0:",
                       snapshot_projects={"projects": added, "globals": False})
        _set_state(lc, scope=scope)


def _local_project_ids(lc: Connection) -> set[str]:
    from app.models.outbox import synced_table

    project = synced_table("project")
    return {str(p) for p in lc.execute(select(project.c.id)).scalars()}


# --- pull -------------------------------------------------------------------------------------


def _snapshot(run: _Run, conn: psycopg.Connection, scope: list[str] | None) -> None:
    """The initial pull (or the pull of projects added to the scope): current rows, resumable.

    Pages come in this store's storage form (server.snapshot_storage_page) and are written
    many rows per statement; the next page is fetched while this one is written. A page the
    server cannot convert comes as JSON and takes the general path."""
    db = run.db
    state = _state(db)
    if state["pull_cursor"] is None and state["snapshot_after"] is None:
        with db.engine.begin() as lc:
            _set_state(lc, snapshot_after="0:", snapshot_seq=None,
                       snapshot_projects={"projects": scope, "globals": True})
        state = _state(db)
    if state["snapshot_after"] is None:
        return
    spec = state["snapshot_projects"] or {"projects": scope, "globals": True}
    seq = state["snapshot_seq"]
    if seq is None:
        seq = server.high_water(conn)
        with db.engine.begin() as lc:
            _set_state(lc, snapshot_seq=seq)
    tables = synced_tables()

    def position(index: int, after: str | None) -> tuple[int, str | None]:
        while index < len(tables) and scope_column(tables[index]) is None and not spec["globals"]:
            index, after = index + 1, None
        return index, after

    def fetch(index: int, after: str | None) -> tuple[int, Any, int, tuple[int, str | None]]:
        """The page after `after`, ready to write: (table index, page, row count, where the
        next page starts)."""
        table = tables[index]
        scoped = scope_column(table) is not None
        size = SNAPSHOT_PAGE
        try:
            rows = server.snapshot_storage_page(
                conn, table.name, after, spec["projects"], scoped, size, local.storage_columns(table))
            page: Any = local.prepare_storage_page(db.engine.dialect, table, rows)
            last = rows[-1][0] if rows else None
        except psycopg.DataError as error:
            log.warning("snapshot page of %s after %s as JSON: %s", table.name, after, error)
            page = rows = server.snapshot_page(conn, table.name, after, spec["projects"], scoped, size)
            last = rows[-1]["row_id"] if rows else None
        following = position(index + 1, None) if len(rows) < size else (index, last)
        return index, page, len(rows), following

    index, _, after_text = state["snapshot_after"].partition(":")
    start = position(int(index), after_text or None)
    with _Prefetch(fetch, start, lambda at: at[0] < len(tables)) as pages:
        for index, page, count, following in pages:
            run.step("首次下载数据", index, len(tables))
            table = tables[index]
            with _apply_transaction(db) as lc:
                if not count:
                    stats = local.ApplyStats()
                elif isinstance(page, local.StoragePage):
                    stats = local.apply_storage_page(lc, page)
                else:
                    stats = local.apply_snapshot_rows(lc, table, page)
                _after_apply(lc, run, stats)
                _set_state(lc, snapshot_after=f"{following[0]}:{following[1] or ''}")
                _fault(run, "apply_before_commit")
            run.add("pulled", count)
    with db.engine.begin() as lc:
        # Rows written before their parents are fine if the parents came later in the pull:
        # what still points nowhere is looked at again after the pull of the log.
        for dangling in local.all_dangling_references(lc):
            run.suspects.setdefault(dangling.table, set()).add(dangling.row_id.bytes)
        current = ensure_state(lc)
        _set_state(lc, pull_cursor=current["pull_cursor"] if current["pull_cursor"] is not None else seq,
                   snapshot_seq=None, snapshot_after=None, snapshot_projects=None)


class _Prefetch:
    """Fetches pages one after another in a thread, up to AHEAD pages before the writer, so
    the server (and the conversion of a page) works while this store writes: `fetch(*at)`
    returns (…, where the next page starts) and `more(at)` says whether there is one."""

    AHEAD = 2

    def __init__(self, fetch: Callable[..., tuple], start: tuple, more: Callable[[tuple], bool]
                 ) -> None:
        self.queue: queue.Queue = queue.Queue(maxsize=self.AHEAD)
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(fetch, start, more),
                                       name="sync-prefetch", daemon=True)

    def __enter__(self) -> _Prefetch:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stopped.set()  # the writer stopped (done, failed or asked to): the fetcher too
        self.thread.join()

    def _run(self, fetch: Callable[..., tuple], at: tuple, more: Callable[[tuple], bool]) -> None:
        try:
            while more(at) and not self.stopped.is_set():
                item = fetch(*at)
                self._put(item)
                at = item[-1]
            self._put(None)
        except BaseException as error:  # noqa: BLE001  (handed to the writer, raised there)
            self._put(error)

    def _put(self, item: object) -> None:
        while not self.stopped.is_set():
            try:
                self.queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def __iter__(self):
        while True:
            item = self.queue.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item


def _pull(run: _Run, conn: psycopg.Connection, client_id: str, scope: list[str] | None) -> None:
    db = run.db
    scope_set = set(scope) if scope is not None else None
    fetch = lambda keys: server.fetch_rows(conn, keys)  # noqa: E731
    pages = 0
    while True:
        cursor = _state(db)["pull_cursor"] or 0
        run.step("下载修改", pages, pages + 1)
        entries, new_cursor = server.pull_page(conn, client_id, cursor, scope, PULL_PAGE)
        if not entries and new_cursor == cursor:
            return
        with _apply_transaction(db) as lc:
            stats = local.apply_entries(lc, entries, scope_set, fetch,
                                        lambda ids: server.fetch_children(conn, ids))
            _after_apply(lc, run, stats)
            for dangling in local.dangling_references(lc, stats.touched, stats.gone):
                run.suspects.setdefault(dangling.table, set()).add(dangling.row_id.bytes)
            _set_state(lc, pull_cursor=new_cursor)
            _fault(run, "apply_before_commit")
        run.add("pulled", len(entries))
        pages += 1
        if len(entries) < PULL_PAGE:
            return


def _fault(run: _Run, point: str) -> None:
    if run.fault is not None:
        run.fault(point)


def _after_apply(lc: Connection, run: _Run, stats: local.ApplyStats) -> None:
    state = ensure_state(lc)
    if stats.max_hlc > (state["hlc"] or 0):
        _set_state(lc, hlc=stats.max_hlc)  # a later local edit is stamped after what it saw
    store = _store(run.db)
    missing = [sha for sha in stats.blobs if not store.exists(sha)]
    if missing:
        lc.execute(
            text("INSERT OR IGNORE INTO sync_blob_todo (sha256, direction, attempts, last_error)"
                 " VALUES (:s, 'down', 0, '')"),
            [{"s": sha} for sha in missing],
        )
    run.add("conflicts", stats.conflicts)
    run.add("resolutions", stats.resolutions)
    run.add("removed", stats.removed)
    run.add("unreadable", stats.unreadable)
    run.tickets.update(stats.ticket_ids)


def _note_unreadable(run: _Run) -> None:
    count = run.counts.get("unreadable", 0)
    if count:
        run.warnings.append(
            f"有 {count} 条下载的记录含有无法读取的内容，未写入本机。"
            "详情已写入日志，请管理员检查服务器上的数据。"
        )


def _check_references(run: _Run) -> None:
    """Rows left pointing at rows this store does not have, once the run has pulled all it
    could (a child applied before its parent is fine if the parent came later in the run):
    each is logged, and the result says how many, by table."""
    if not run.suspects:
        return
    from app.sync.conflicts import ENTITY_ZH

    with run.db.engine.connect() as lc:
        left = local.dangling_references(lc, run.suspects)
    run.suspects.clear()
    if not left:
        return
    by_table: dict[str, int] = {}
    for d in left:
        log.warning("dangling reference after sync: %s %s.%s -> %s %s",
                    d.table, d.row_id, d.column, d.parent, d.value)
        by_table[d.table] = by_table.get(d.table, 0) + 1
    detail = "、".join(f"{ENTITY_ZH.get(t, t)} {n} 条" for t, n in sorted(by_table.items()))
    run.warnings.append(
        f"同步已完成，但有 {len(left)} 条记录引用了本机没有的记录（{detail}）。"
        "详情已写入日志，请管理员检查服务器上的数据。"
    )


class _apply_transaction:  # noqa: N801  (used as a context manager like a function)
    """A local transaction for applying pulled rows, with foreign keys checked off: rows of one
    page may arrive before their parents (self-references, scopes), and the server's rows
    are the truth that later pages complete."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def __enter__(self) -> Connection:
        self.conn = self.db.engine.connect()
        self.conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        self.conn.commit()
        self.transaction = self.conn.begin()
        # A page and its cursor commit together: in WAL mode, synchronous=NORMAL keeps that
        # (a power cut can only lose the last pages whole, and they are pulled again; the next
        # FULL commit of any local change flushes them too) and saves a disk flush per page.
        self.synchronous = self.conn.exec_driver_sql("PRAGMA synchronous").scalar()
        self.conn.exec_driver_sql("PRAGMA synchronous=NORMAL")
        # The indexes of a big table take rows in random places: with SQLite's 2 MB page cache
        # a large initial pull reads the same index pages again and again.
        self.cache_size = self.conn.exec_driver_sql("PRAGMA cache_size").scalar()
        self.conn.exec_driver_sql(f"PRAGMA cache_size={APPLY_CACHE_KIB}")
        # Open the SQLite transaction now: pysqlite would open it only at the first write,
        # and a SAVEPOINT issued before that would itself start (and its RELEASE commit) it.
        self.conn.exec_driver_sql("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, kind, value, traceback) -> None:
        try:
            if kind is None:
                self.transaction.commit()
            else:
                self.transaction.rollback()
        finally:
            self.conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            self.conn.exec_driver_sql(f"PRAGMA synchronous={int(self.synchronous)}")
            self.conn.exec_driver_sql(f"PRAGMA cache_size={int(self.cache_size)}")
            self.conn.commit()
            self.conn.close()

