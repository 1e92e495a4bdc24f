"""The exchange with the shared PostgreSQL: handshake, push batches, pull pages, merge, blobs.

The client talks straight to PostgreSQL (psycopg 3). Every push batch is one server
transaction that first takes an advisory lock: change-log rows are therefore written by one
transaction at a time, so a sequence number visible to a reader is never followed later by a
smaller one committing — the pull cursor (the last seq seen) cannot skip a row committed out
of order. The merged current row of every (entity, id) lives in `wd_row_state` with a clock
per field: [hlc, client id, change-log seq, client label, actor id].
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from app.models.outbox import QUIET_FIELDS, dumps, hlc_ms
from app.sync.schema import CLIENT_PROTOCOL, VERSION_TABLE, known_server_revisions, server_head
from app.sync.settings import SyncSettings

LOCK_KEY = 0x5744_5359  # "WDSY": serialises change-log writers
CHUNK_SIZE = 256 * 1024
MAX_OP_BYTES = 512 * 1024
MAX_FUTURE_MS = 24 * 3600 * 1000  # an op stamped a day ahead of the server: a broken clock
_IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,63}$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")

# Fault injection for tests: called with a point name ("push_before_commit", ...).
Fault = Callable[[str], None]


class ServerError(Exception):
    """The server refused or could not be reached; str() is a Chinese reason for the user."""


class ClientTooOld(ServerError):
    """The server's schema needs a newer client; this one keeps working offline."""


class BatchMismatch(ServerError):
    """A batch id the server already stored arrived with different content."""


class BlobError(ServerError):
    """A file could not be transferred or did not match its hash."""


def describe(error: BaseException) -> str:
    """A Chinese reason for a connection or server error."""
    if isinstance(error, ServerError):
        return str(error)
    text = str(error).lower()
    if "password authentication failed" in text or "no password supplied" in text:
        return "服务器拒绝登录：用户名或密码错误。"
    if "does not exist" in text and "database" in text:
        return "服务器上不存在该数据库，请检查地址中的数据库名。"
    if "role" in text and "does not exist" in text:
        return "服务器上不存在该用户。"
    if "ssl" in text or "certificate" in text:
        return f"TLS 加密连接失败（请检查 TLS 模式与服务器证书）：{error}"
    if "timeout" in text or "timed out" in text:
        return "连接服务器超时，请检查网络或服务器地址。"
    if "refused" in text or "could not connect" in text or "connection failed" in text:
        return "无法连接到服务器（连接被拒绝或服务器未运行），请检查地址和端口。"
    if "server closed the connection" in text or "connection" in text and "lost" in text:
        return "与服务器的连接中断，稍后会自动重试；未同步的修改仍保留在本机。"
    if isinstance(error, psycopg.OperationalError):
        return f"与服务器的连接出错，稍后会自动重试：{error}"
    if "permission denied" in text:
        return f"服务器账号权限不足：{error}"
    return f"同步出错：{error}"


def connect(settings: SyncSettings) -> psycopg.Connection:
    """An autocommit connection to the server (transactions are opened explicitly)."""
    try:
        return psycopg.connect(settings.conninfo(), autocommit=True)
    except psycopg.Error as error:
        raise ServerError(describe(error)) from error


# ---------------------------------------------------------------------------------------------
# Handshake
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServerInfo:
    revision: str
    protocol: int
    min_client_protocol: int
    now_ms: int


def handshake(conn: psycopg.Connection, client_id: str, label: str, client_schema: str) -> ServerInfo:
    """Exchange schema versions; raise ClientTooOld/ServerError when they do not fit."""
    exists = conn.execute("SELECT to_regclass(%s)", (VERSION_TABLE,)).fetchone()[0]
    if exists is None:
        raise ServerError("服务器数据库尚未初始化，请管理员运行：python -m app server init --url …")
    revision = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()[0]
    info = dict(conn.execute("SELECT key, value FROM wd_server_info").fetchall())
    protocol = int(info.get("protocol", "1"))
    minimum = int(info.get("min_client_protocol", "1"))
    if minimum > CLIENT_PROTOCOL:
        raise ClientTooOld(
            f"服务器数据库已升级到新版本（{revision}），本机的保修工作台版本过旧，暂时无法同步。"
            "请升级软件；在此之前可以继续离线工作，本机未同步的修改都会保留。"
        )
    known = known_server_revisions()
    if revision in known and known.index(revision) < known.index(server_head()):
        raise ServerError(
            f"服务器数据库版本过旧（{revision}），请管理员运行：python -m app server upgrade --url …"
        )
    conn.execute(
        "INSERT INTO wd_client (client_id, label, protocol, client_schema) VALUES (%s, %s, %s, %s) "
        "ON CONFLICT (client_id) DO UPDATE SET label = EXCLUDED.label, protocol = EXCLUDED.protocol,"
        " client_schema = EXCLUDED.client_schema, last_seen = now()",
        (client_id, label, CLIENT_PROTOCOL, client_schema),
    )
    now_ms = conn.execute(
        "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint"
    ).fetchone()[0]
    return ServerInfo(revision, protocol, minimum, int(now_ms))


# ---------------------------------------------------------------------------------------------
# Merge (pure)
# ---------------------------------------------------------------------------------------------


@dataclass
class RowState:
    entity: str
    row_id: str
    project_id: str | None
    parent_id: str | None
    data: dict[str, Any]
    clocks: dict[str, list]
    deleted: bool = False
    deleted_clock: list | None = None
    is_new: bool = False
    last_seq: int = 0  # the last change-log entry of this row ...
    last_origin: str = ""  # ... who sent it ...
    last_skip: bool = False  # ... and whether its sender skips it when pulling


def _newer(a: list, b: list) -> bool:
    """(HLC, client id) order: the later HLC wins; a tie is broken by the client id."""
    return (a[0], a[1]) > (b[0], b[1])


def _side(value: Any, clock: list) -> dict[str, Any]:
    return {"value": value, "hlc": clock[0], "client": clock[1], "label": clock[3], "actor_id": clock[4]}


def merge(state: RowState | None, op: dict[str, Any], seq: int, client_id: str, label: str,
          cursor: int = 0) -> tuple[RowState | None, dict[str, Any] | None, list[dict[str, Any]], str]:
    """Apply one op to a row's state (see _merge) and decide whether its sender may skip the
    entry when it pulls: only if the entry holds exactly what the sender already has — it
    neither lost nor raced, carries no conflict, and every earlier entry of the row the sender
    has not pulled yet (`cursor` = its pull position) is itself one the sender skips."""
    state, entry, conflicts, outcome = _merge(state, op, seq, client_id, label)
    if entry is not None:
        seen = state.is_new or state.last_seq <= cursor or (
            state.last_origin == client_id and state.last_skip)
        entry["skip_origin"] = bool(seen and not entry["echo"] and not conflicts)
        state.last_seq, state.last_origin = seq, client_id
        state.last_skip = entry["skip_origin"]
        state.is_new = False
    return state, entry, conflicts, outcome


def _merge(state: RowState | None, op: dict[str, Any], seq: int, client_id: str, label: str
           ) -> tuple[RowState | None, dict[str, Any] | None, list[dict[str, Any]], str]:
    """Apply one op to a row's state.

    Returns (new state, change-log entry or None, conflicts, outcome). Per field: an op from
    the same client, or made after its client had seen the current value (base_seq ≥ the
    value's seq), wins — a causally later edit never loses; otherwise the later
    (HLC, client id) wins and a differing loser is recorded. Delete wins over edit; the
    edit is kept as a conflict.
    """
    kind = op["kind"]
    fields: dict[str, Any] = op.get("fields") or {}
    clock = [int(op["hlc"]), client_id, seq, label, op.get("actor_id")]
    base = int(op.get("base_seq") or 0)
    conflicts: list[dict[str, Any]] = []

    def conflict(field: str, ckind: str, winner: dict, loser: dict) -> None:
        conflicts.append({"entity": op["entity"], "row_id": str(op["row_id"]), "field": field,
                          "kind": ckind, "winner": winner, "loser": loser})

    if state is None:
        state = RowState(op["entity"], str(op["row_id"]), op.get("project_id"),
                         op.get("parent_id"), {}, {}, is_new=True)
    old_project = state.project_id

    if kind == "snapshot":
        if state.deleted:
            return state, None, [], "noop"
        missing = {f: v for f, v in fields.items() if f not in state.data}
        if not missing:
            return state, None, [], "noop"
        snap_clock = [0, client_id, seq, label, op.get("actor_id")]
        if state.is_new:
            state.clocks["*"] = snap_clock  # one clock for every field of a fresh row
        for f, v in missing.items():
            state.data[f] = v
            if not state.is_new:
                state.clocks[f] = snap_clock
        _track_project(state, op)
        return state, _entry(state, op, "upsert", missing, clock, old_project,
                             full=state.is_new and bool(op.get("full"))), [], "applied"

    if kind == "delete":
        if state.deleted:
            return state, None, [], "noop"
        for f in state.data:
            c = _clock_of(state, f)
            if c is not None and f not in QUIET_FIELDS and c[1] != client_id and c[2] > base:
                conflict(f, "delete", _side(None, clock), _side(state.data.get(f), c))
        state.deleted = True
        state.deleted_clock = clock
        return state, _entry(state, op, "delete", {}, clock, old_project), conflicts, "applied"

    if state.deleted:  # an edit of a deleted row: the delete wins, the edit is kept
        for f, v in fields.items():
            if f not in QUIET_FIELDS:
                conflict(f, "delete", _side(None, state.deleted_clock), _side(v, clock))
        entry = _entry(state, op, "delete", {}, clock, old_project, echo=True)
        return state, entry, conflicts, "lost"

    overridden = raced = False
    if state.is_new and op.get("full"):
        state.clocks["*"] = clock  # a whole new row: one clock for all its fields
    for f, v in fields.items():
        current = _clock_of(state, f)
        causal = current is None or current[1] == client_id or current[2] <= base
        raced = raced or not causal
        if causal or _newer(clock, current):
            if not causal and state.data.get(f) != v and f not in QUIET_FIELDS:
                conflict(f, "field", _side(v, clock), _side(state.data.get(f), current))
            state.data[f] = v
            if state.clocks.get("*") is not clock:
                state.clocks[f] = clock
        elif state.data.get(f) != v:
            overridden = True
            if f not in QUIET_FIELDS:
                conflict(f, "field", _side(state.data.get(f), current), _side(v, clock))
    _track_project(state, op)
    # A sender whose op raced another writer applies the entry too: it may have pulled the
    # other writer's older value after making its own change.
    entry = _entry(state, op, "upsert", {f: state.data.get(f) for f in fields}, clock, old_project,
                   full=state.is_new and bool(op.get("full")), echo=overridden or raced)
    return state, entry, conflicts, "lost" if overridden else "applied"


def _clock_of(state: RowState, field: str) -> list | None:
    """The clock of a field's current value (a row made whole in one op has one clock, "*")."""
    clock = state.clocks.get(field)
    if clock is None and field in state.data:
        clock = state.clocks.get("*")
    return clock


def _track_project(state: RowState, op: dict[str, Any]) -> None:
    if "project_id" in state.data:
        state.project_id = state.data["project_id"]
    elif op.get("project_id"):
        state.project_id = op["project_id"]
    if op.get("parent_id"):
        state.parent_id = op["parent_id"]


def _entry(state: RowState, op: dict[str, Any], kind: str, fields: dict[str, Any], clock: list,
           old_project: str | None, *, full: bool = False, echo: bool = False) -> dict[str, Any]:
    return {
        "entity": state.entity, "row_id": state.row_id, "kind": kind, "fields": fields,
        "full_row": full, "hlc": clock[0], "project_id": state.project_id,
        "old_project_id": old_project if old_project != state.project_id else None,
        "parent_id": state.parent_id, "actor_id": op.get("actor_id"), "op_id": op["op_id"],
        "echo": echo,
    }


def validate(op: Any, now_ms: int) -> str | None:
    """Why an op must be quarantined (Chinese), or None if it can be merged."""
    if not isinstance(op, dict):
        return "变更格式无效"
    if op.get("kind") not in ("upsert", "delete", "snapshot", "resolve"):
        return f"未知的操作类型：{op.get('kind')!r}"
    if not _IDENT.match(str(op.get("entity", ""))):
        return f"未知的数据表：{op.get('entity')!r}"
    for key in ("op_id", "row_id"):
        if not _is_uuid(op.get(key)):
            return f"记录编号无效：{op.get(key)!r}"
    for key in ("project_id", "parent_id", "actor_id"):
        if op.get(key) is not None and not _is_uuid(op[key]):
            return f"关联编号无效：{op.get(key)!r}"
    fields = op.get("fields")
    if not isinstance(fields, dict) or any(not _IDENT.match(str(k)) for k in fields):
        return "字段格式无效"
    if any(isinstance(v, str) and len(v) > MAX_OP_BYTES for v in fields.values()):
        return "单条变更内容过大"
    if op["kind"] == "resolve":
        conflict = fields.get("conflict")
        if not isinstance(conflict, int) or isinstance(conflict, bool) or conflict <= 0:
            return "冲突编号无效"
        if fields.get("keep") not in ("winner", "loser"):
            return "冲突处理方式无效"
    hlc = op.get("hlc")
    if not isinstance(hlc, int) or isinstance(hlc, bool) or hlc < 0:
        return "时间戳无效"
    if hlc_ms(hlc) > now_ms + MAX_FUTURE_MS:
        return "时间戳比服务器时间超前一天以上（该电脑的时钟有误）"
    return None


# ---------------------------------------------------------------------------------------------
# Push
# ---------------------------------------------------------------------------------------------


def batch_digest(ops: list[dict[str, Any]]) -> str:
    return hashlib.sha256(dumps(ops).encode()).hexdigest()


def push_batch(conn: psycopg.Connection, client_id: str, label: str, batch_id: str,
               ops: list[dict[str, Any]], fault: Fault | None = None, cursor: int = 0
               ) -> dict[str, Any]:
    """Apply one batch in one server transaction; a replayed batch returns its stored receipt."""
    digest = batch_digest(ops)
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
        cur.execute(
            "SELECT content_sha256, receipt FROM wd_push_receipt WHERE client_id = %s AND batch_id = %s",
            (client_id, batch_id),
        )
        stored = cur.fetchone()
        if stored is not None:
            if stored[0] != digest:
                raise BatchMismatch("服务器已收到同一编号但内容不同的一批修改，已拒绝（不会重复或覆盖）。")
            return {**stored[1], "replayed": True}
        cur.execute("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint")
        now_ms = int(cur.fetchone()[0])
        reasons = [validate(op, now_ms) for op in ops]
        op_ids = [str(op["op_id"]) for op, why in zip(ops, reasons, strict=True) if why is None]
        cur.execute("SELECT op_id::text, outcome FROM wd_applied_op WHERE op_id = ANY(%s::uuid[])", (op_ids,))
        already = dict(cur.fetchall())
        good = [op for op, why in zip(ops, reasons, strict=True)
                if why is None and str(op["op_id"]) not in already]
        states = _load_states(cur, {(op["entity"], str(op["row_id"])) for op in good})
        # A resolution may write two log entries: the kept value, then the resolution itself.
        extra = sum(1 for op in good if op["kind"] == "resolve")
        seqs = _reserve(cur, "wd_change_log_seq_seq", len(good) + extra)
        entries, conflicts, applied, quarantined = [], [], [], []
        receipt: dict[str, Any] = {"applied": 0, "duplicates": 0, "quarantined": [], "lost": [],
                                   "conflicts": 0}
        for op, reason in zip(ops, reasons, strict=True):
            op_id = str(op.get("op_id")) if isinstance(op, dict) else None
            if reason is None and op_id in already:
                receipt["duplicates"] += 1
                continue
            if reason is not None:
                quarantined.append((op_id if _is_uuid(op_id) else str(uuid.uuid4()), client_id,
                                    batch_id, str(op.get("entity", "")) if isinstance(op, dict) else "",
                                    str(op.get("row_id", "")) if isinstance(op, dict) else "",
                                    Jsonb(op), reason))
                receipt["quarantined"].append({"op_id": op_id, "reason": reason})
                continue
            key = (op["entity"], str(op["row_id"]))
            if op["kind"] == "resolve":
                made, outcome = _resolve(cur, op, seqs, states, client_id, label, cursor)
                entries.extend(made)
                applied.append((op_id, client_id, batch_id, outcome, made[-1]["seq"] if made else None))
                receipt["applied"] += 1
                if outcome == "lost":
                    receipt["lost"].append(op_id)
                continue
            seq = seqs.pop(0)
            state, entry, found, outcome = merge(states.get(key), op, seq, client_id, label, cursor)
            states[key] = state
            if entry is not None:
                entry["seq"] = seq
                entry["conflicts"] = found
                entries.append(entry)
                conflicts.extend((seq, c) for c in found)
            applied.append((op_id, client_id, batch_id, outcome, seq if entry else None))
            receipt["applied"] += 1
            if outcome == "lost":
                receipt["lost"].append(op_id)
        conflict_ids = _reserve(cur, "wd_conflict_id_seq", len(conflicts))
        for (_seq, found), cid in zip(conflicts, conflict_ids, strict=True):
            found["id"] = cid
        receipt["conflicts"] = len(conflicts)
        _write(cur, entries, conflicts, applied, quarantined, states, client_id, label)
        cur.execute(
            "INSERT INTO wd_push_receipt (client_id, batch_id, content_sha256, receipt) VALUES (%s, %s, %s, %s)",
            (client_id, batch_id, digest, Jsonb(receipt)),
        )
        if fault:
            fault("push_before_commit")
    if fault:
        fault("push_after_commit")
    return receipt


def _resolve(cur, op: dict[str, Any], seqs: list[int], states: dict[tuple[str, str], RowState],
             client_id: str, label: str, cursor: int) -> tuple[list[dict[str, Any]], str]:
    """Settle a conflict for everyone: the first resolution of a conflict is recorded (its kept
    value merged as a change made after seeing both sides, then a `resolve` log entry that
    every client applies to its conflict row); a later one is "lost" and changes nothing —
    its sender receives the first one when it pulls."""
    fields = op["fields"]
    conflict_id, keep = int(fields["conflict"]), fields["keep"]
    cur.execute("SELECT entity, row_id::text, field, kind, seq, loser FROM wd_conflict"
                " WHERE id = %s", (conflict_id,))
    found = cur.fetchone()
    if found is None or (found[0], found[1]) != (op["entity"], str(uuid.UUID(str(op["row_id"])))):
        return [], "lost"
    entity, row_id, field, ckind, conflict_seq, loser = found
    cur.execute("SELECT 1 FROM wd_conflict_resolution WHERE conflict_id = %s", (conflict_id,))
    if cur.fetchone() is not None:
        return [], "lost"
    key = (entity, row_id)
    made: list[dict[str, Any]] = []
    base = max(int(op.get("base_seq") or 0), int(conflict_seq))
    value_op = None
    if ckind == "field" and "value" in fields:
        value_op = {**op, "kind": "upsert", "full": False, "base_seq": base,
                    "fields": {field: fields["value"]}}
    state = states.get(key)
    if ckind == "delete" and keep == "loser" and state is not None and state.deleted:
        # "Restore this record": an explicit decision taken after the delete, so it wins over
        # the tombstone (a delete beats only the edits made concurrently with it).
        made.append(_restore(state, op, field, loser.get("value"), seqs.pop(0), client_id, label))
    elif value_op is not None and state is not None:
        seq = seqs.pop(0)
        state, entry, _conflicts, _outcome = merge(states[key], value_op, seq, client_id, label,
                                                   cursor)
        states[key] = state
        if entry is not None:
            entry["seq"], entry["conflicts"] = seq, []
            made.append(entry)
    state = states.get(key)
    seq = seqs.pop(0)
    made.append({
        "entity": entity, "row_id": row_id, "kind": "resolve",
        "fields": {"conflict": conflict_id, "keep": keep, "client": client_id, "label": label,
                   "hlc": int(op["hlc"])},
        "full_row": False, "hlc": int(op["hlc"]),
        "project_id": state.project_id if state else None, "old_project_id": None,
        "parent_id": state.parent_id if state else None, "actor_id": op.get("actor_id"),
        "op_id": op["op_id"], "echo": False, "skip_origin": True, "conflicts": [], "seq": seq,
    })
    cur.execute(
        "INSERT INTO wd_conflict_resolution (conflict_id, keep, client_id, label, actor_id, hlc,"
        " op_id, seq) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
        (conflict_id, keep, client_id, label, op.get("actor_id"), int(op["hlc"]), op["op_id"], seq),
    )
    return made, "applied"


def _restore(state: RowState, op: dict[str, Any], field: str, value: Any, seq: int,
             client_id: str, label: str) -> dict[str, Any]:
    """Bring a deleted row back with its last values and the kept edit: one whole-row entry
    that every client (its sender too, who no longer has the row) inserts when it pulls."""
    clock = [int(op["hlc"]), client_id, seq, label, op.get("actor_id")]
    old_project = state.project_id
    state.deleted, state.deleted_clock = False, None
    state.data[field] = value
    state.clocks[field] = clock
    entry = _entry(state, op, "upsert", dict(state.data), clock, old_project, full=True,
                   echo=True)
    entry.update(seq=seq, conflicts=[], skip_origin=False)
    state.last_seq, state.last_origin, state.last_skip = seq, client_id, False
    return entry


def _is_uuid(value: Any) -> bool:
    return isinstance(value, str) and _UUID.match(value) is not None


def _reserve(cur, sequence: str, count: int) -> list[int]:
    if count == 0:
        return []
    cur.execute(f"SELECT nextval('{sequence}') FROM generate_series(1, %s)", (count,))
    return [row[0] for row in cur.fetchall()]


def _load_states(cur, keys: set[tuple[str, str]]) -> dict[tuple[str, str], RowState]:
    states: dict[tuple[str, str], RowState] = {}
    by_entity: dict[str, list[str]] = {}
    for entity, row_id in keys:
        by_entity.setdefault(entity, []).append(row_id)
    for entity, ids in by_entity.items():
        cur.execute(
            "SELECT row_id::text, project_id::text, parent_id::text, data, clocks, deleted,"
            " deleted_clock, updated_seq, last_origin, last_skip"
            " FROM wd_row_state WHERE entity = %s AND row_id = ANY(%s::uuid[]) FOR UPDATE",
            (entity, ids),
        )
        for (row_id, project, parent, data, clocks, deleted, deleted_clock, last_seq, last_origin,
             last_skip) in cur.fetchall():
            states[(entity, row_id)] = RowState(entity, row_id, project, parent, data, clocks,
                                                deleted, deleted_clock, False, last_seq,
                                                last_origin, last_skip)
    return states


def _copy(cur, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Bulk insert with COPY (an order of magnitude faster than INSERT for big batches)."""
    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _write(cur, entries, conflicts, applied, quarantined, states, client_id, label) -> None:
    if entries:
        _copy(cur, "wd_change_log", (
            "seq", "entity", "row_id", "kind", "project_id", "old_project_id", "parent_id", "fields",
            "full_row", "hlc", "origin", "origin_label", "actor_id", "op_id", "echo",
            "skip_origin", "conflicts"),
            [(e["seq"], e["entity"], e["row_id"], e["kind"], e["project_id"], e["old_project_id"],
              e["parent_id"], dumps(e["fields"]), e["full_row"], e["hlc"], client_id, label,
              e["actor_id"], e["op_id"], e["echo"], e["skip_origin"], dumps(e["conflicts"]))
             for e in entries])
    if conflicts:
        _copy(cur, "wd_conflict", ("id", "seq", "entity", "row_id", "field", "kind", "winner", "loser"),
              [(c["id"], seq, c["entity"], c["row_id"], c["field"], c["kind"], dumps(c["winner"]),
                dumps(c["loser"])) for seq, c in conflicts])
    if applied:
        _copy(cur, "wd_applied_op", ("op_id", "client_id", "batch_id", "outcome", "seq"), applied)
    if quarantined:
        cur.executemany(
            "INSERT INTO wd_quarantine (op_id, client_id, batch_id, entity, row_id, op, reason)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (op_id) DO NOTHING",
            quarantined,
        )
    # A resolution entry changes no row: the row's state keeps its own last entry.
    last_seq = {(e["entity"], e["row_id"]): e["seq"] for e in entries if e["kind"] != "resolve"}
    changed = [s for key, s in states.items() if key in last_seq]
    if changed:
        # COPY into a scratch table, then one upsert statement for the whole batch.
        cur.execute(
            "CREATE TEMP TABLE IF NOT EXISTS wd_row_state_in (LIKE wd_row_state) ON COMMIT DELETE ROWS"
        )
        _copy(cur, "wd_row_state_in", (
            "entity", "row_id", "project_id", "parent_id", "data", "clocks", "deleted",
            "deleted_clock", "updated_seq", "last_origin", "last_skip"),
            [(s.entity, s.row_id, s.project_id, s.parent_id, dumps(s.data), dumps(s.clocks),
              s.deleted, dumps(s.deleted_clock) if s.deleted_clock else None,
              last_seq[(s.entity, s.row_id)], s.last_origin, s.last_skip) for s in changed])
        cur.execute(
            "INSERT INTO wd_row_state SELECT * FROM wd_row_state_in"
            " ON CONFLICT (entity, row_id) DO UPDATE SET project_id = EXCLUDED.project_id,"
            " parent_id = EXCLUDED.parent_id, data = EXCLUDED.data, clocks = EXCLUDED.clocks,"
            " deleted = EXCLUDED.deleted, deleted_clock = EXCLUDED.deleted_clock,"
            " updated_seq = EXCLUDED.updated_seq, last_origin = EXCLUDED.last_origin,"
            " last_skip = EXCLUDED.last_skip"
        )
    # A row that moved to another project takes the rows scoped through it along.
    moved = [(e["project_id"], e["row_id"]) for e in entries if e["old_project_id"]]
    if moved:
        cur.executemany("UPDATE wd_row_state SET project_id = %s WHERE parent_id = %s", moved)


# ---------------------------------------------------------------------------------------------
# Pull
# ---------------------------------------------------------------------------------------------

_ENTRY_COLUMNS = (
    "seq, entity, row_id::text AS row_id, kind, project_id::text AS project_id,"
    " old_project_id::text AS old_project_id, parent_id::text AS parent_id, fields, full_row, hlc,"
    " origin, origin_label, actor_id::text AS actor_id, echo, conflicts"
)


def pull_page(conn: psycopg.Connection, client_id: str, cursor: int, scope: list[str] | None,
              limit: int) -> tuple[list[dict[str, Any]], int]:
    """The next change-log entries after `cursor` for this scope, and the new cursor.

    The client's own entries come back too, except those marked skip_origin (see merge):
    an own entry that lost or raced, or follows an entry of the row the client has not seen,
    must be applied in log order for the client to end with the server's values.
    """
    with conn.transaction(), conn.cursor(row_factory=dict_row) as cur:
        cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cur.execute("SELECT coalesce(max(seq), 0) AS high FROM wd_change_log")
        high = int(cur.fetchone()["high"])
        if high <= cursor:
            return [], cursor
        scope_sql, params = "", [cursor, high, client_id]
        if scope is not None:
            scope_sql = (" AND (project_id IS NULL OR project_id = ANY(%s::uuid[])"
                         " OR old_project_id = ANY(%s::uuid[]))")
            params += [scope, scope]
        cur.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM wd_change_log WHERE seq > %s AND seq <= %s"
            " AND NOT (origin = %s AND skip_origin)"
            f"{scope_sql} ORDER BY seq LIMIT %s",
            [*params, limit],
        )
        rows = cur.fetchall()
    new_cursor = rows[-1]["seq"] if len(rows) == limit else high
    return rows, new_cursor


def high_water(conn: psycopg.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM wd_change_log").fetchone()[0])


def snapshot_page(conn: psycopg.Connection, entity: str, after: str | None,
                  projects: list[str] | None, scoped: bool, limit: int) -> list[dict[str, Any]]:
    """Current rows of one entity after row id `after` (initial pull), in id order."""
    sql = ("SELECT row_id::text AS row_id, project_id::text AS project_id, data FROM wd_row_state"
           " WHERE entity = %s AND NOT deleted AND row_id > %s::uuid")
    params: list[Any] = [entity, after or "00000000-0000-0000-0000-000000000000"]
    if projects is not None and scoped:
        sql += " AND project_id = ANY(%s::uuid[])"
        params.append(projects)
    # The table's row_id (a bare "row_id" would name the text output column: a full sort per
    # page instead of a walk along the primary key).
    sql += " ORDER BY wd_row_state.row_id LIMIT %s"
    params.append(limit)
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(sql, params)
        return cur.fetchall()


# The SQLite storage form of a wire value, computed by the server (initial pull, fast path):
# 16-byte ids, 'YYYY-MM-DD HH:MM:SS.ffffff' times, 0/1 booleans — what SQLAlchemy writes.
# A time or date of the usual shape (LIKE: a regular expression costs 3 µs a value) is taken
# as is; any other goes through a cast, and a value that does not convert raises DataError
# (the client then takes the page as JSON, the general way).
_DATETIME = (
    "CASE WHEN {v} LIKE '____-__-__ __:__:__' THEN {v} || '.000000'"
    " WHEN {v} LIKE '____-__-__ __:__:__.______' THEN {v}"
    " ELSE to_char(({v})::timestamp, 'YYYY-MM-DD HH24:MI:SS.US') END"
)
_STORAGE_SQL = {
    "guid": "uuid_send(({v})::uuid)",
    "datetime": _DATETIME,
    "date": "CASE WHEN {v} LIKE '____-__-__' THEN {v} ELSE to_char(({v})::date, 'YYYY-MM-DD') END",
    "bool": "(({v})::boolean)::int",
    "int": "({v})::bigint",
    "float": "({v})::float8",
    "text": "{v}",
}


def _storage_expression(name: str, kind: str) -> tuple[str, str]:
    """(record column definition, select expression) of one column."""
    if not _IDENT.match(name):
        raise ValueError(f"bad column name {name!r}")
    column = f'x."{name}"'
    if name == "id" and kind == "guid":
        return '"id" text', "uuid_send(r.row_id)"  # the row's key, as the general path uses
    if kind not in _STORAGE_SQL:
        return f'"{name}" jsonb', column  # JSON and the like: converted by the client
    return f'"{name}" text', "(" + _STORAGE_SQL[kind].format(v=column) + ")"


def snapshot_storage_page(conn: psycopg.Connection, entity: str, after: str | None,
                          projects: list[str] | None, scoped: bool, limit: int,
                          columns: list[tuple[str, str]]) -> list[tuple]:
    """Like snapshot_page, but each row as (row id text, incomplete data or None, *values):
    values in the order of `columns` ((name, kind) pairs) already in the client's storage
    form. A row lacking one of the columns comes with its data (the client fills defaults);
    the others come with None there. Raises psycopg.DataError if a value does not convert.

    jsonb_to_record reads each row's data once: `data->>'x'` per column would decompress a
    large (TOASTed) row again for every column — ten times slower for tickets."""
    parts = [_storage_expression(name, kind) for name, kind in columns]
    sql = (f"SELECT r.row_id::text, CASE WHEN r.data ?& %s::text[] THEN NULL ELSE r.data END,"
           f" {', '.join(expression for _, expression in parts)}"
           f" FROM wd_row_state r CROSS JOIN LATERAL jsonb_to_record(r.data)"
           f" AS x({', '.join(definition for definition, _ in parts)})"
           " WHERE r.entity = %s AND NOT r.deleted AND r.row_id > %s::uuid")
    params: list[Any] = [[name for name, _ in columns], entity,
                         after or "00000000-0000-0000-0000-000000000000"]
    if projects is not None and scoped:
        sql += " AND r.project_id = ANY(%s::uuid[])"
        params.append(projects)
    sql += " ORDER BY r.row_id LIMIT %s"
    params.append(limit)
    with conn.cursor(binary=True) as cur:
        cur.execute(sql, params)
        return cur.fetchall()


def fetch_rows(conn: psycopg.Connection, keys: Iterable[tuple[str, str]]
               ) -> dict[tuple[str, str], dict[str, Any]]:
    """Current merged rows by (entity, id): for rows a client must insert whole."""
    by_entity: dict[str, list[str]] = {}
    for entity, row_id in keys:
        by_entity.setdefault(entity, []).append(row_id)
    found: dict[tuple[str, str], dict[str, Any]] = {}
    with conn.cursor(row_factory=dict_row) as cur:
        for entity, ids in by_entity.items():
            cur.execute(
                "SELECT row_id::text AS row_id, project_id::text AS project_id, data, deleted"
                " FROM wd_row_state WHERE entity = %s AND row_id = ANY(%s::uuid[])",
                (entity, ids),
            )
            for row in cur.fetchall():
                found[(entity, row["row_id"])] = row
    return found


def fetch_children(conn: psycopg.Connection, parent_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Current rows scoped through these rows (a ticket's events, files…): for a record that
    entered a client's scope by moving to one of its projects."""
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            "SELECT entity, row_id::text AS row_id, project_id::text AS project_id, data, deleted"
            " FROM wd_row_state WHERE parent_id = ANY(%s::uuid[]) AND NOT deleted",
            (list(parent_ids),),
        )
        return cur.fetchall()


# ---------------------------------------------------------------------------------------------
# Blobs (files by sha256, in chunks: resumable, verified by the server and on arrival)
# ---------------------------------------------------------------------------------------------


def blob_complete(conn: psycopg.Connection, sha256: str) -> bool:
    row = conn.execute("SELECT complete FROM wd_blob WHERE sha256 = %s", (sha256,)).fetchone()
    return bool(row and row[0])


def upload_blob(conn: psycopg.Connection, sha256: str, path: Path,
                tamper: Callable[[int, bytes], bytes] | None = None) -> int:
    """Upload the chunks the server lacks; returns how many were sent. Each chunk commits on
    its own (resumable) and is checked by the server against its hash before it is kept."""
    size = path.stat().st_size
    chunks = max(1, -(-size // CHUNK_SIZE))
    conn.execute(
        "INSERT INTO wd_blob (sha256, size, chunk_size, chunks) VALUES (%s, %s, %s, %s)"
        " ON CONFLICT (sha256) DO NOTHING",
        (sha256, size, CHUNK_SIZE, chunks),
    )
    if blob_complete(conn, sha256):
        return 0
    have = {row[0] for row in conn.execute(
        "SELECT idx FROM wd_blob_chunk WHERE sha256 = %s", (sha256,)).fetchall()}
    sent = 0
    with path.open("rb") as handle:
        for idx in range(chunks):
            if idx in have:
                continue
            handle.seek(idx * CHUNK_SIZE)
            data = handle.read(CHUNK_SIZE)
            digest = hashlib.sha256(data).hexdigest()
            for attempt in range(2):
                payload = tamper(idx, data) if tamper and attempt == 0 else data
                stored = conn.execute(
                    "INSERT INTO wd_blob_chunk (sha256, idx, data) SELECT s, i, d FROM"
                    " (SELECT %s::text AS s, %s::int AS i, %s::bytea AS d) x"
                    " WHERE encode(sha256(x.d), 'hex') = %s ON CONFLICT DO NOTHING",
                    (sha256, idx, payload, digest),
                ).rowcount
                if stored:
                    sent += 1
                    break
            else:
                raise BlobError(f"附件分块上传校验失败：{sha256[:12]}… 第 {idx + 1} 块")
    verified = conn.execute(
        "UPDATE wd_blob SET complete = true WHERE sha256 = %s AND chunks ="
        " (SELECT count(*) FROM wd_blob_chunk WHERE sha256 = %s) AND %s ="
        " (SELECT encode(sha256(string_agg(data, ''::bytea ORDER BY idx)), 'hex')"
        "  FROM wd_blob_chunk WHERE sha256 = %s)",
        (sha256, sha256, sha256, sha256),
    ).rowcount
    if not verified:
        conn.execute("DELETE FROM wd_blob_chunk WHERE sha256 = %s", (sha256,))
        raise BlobError(f"附件上传后校验失败，将重新上传：{sha256[:12]}…")
    return sent


def download_blob(conn: psycopg.Connection, sha256: str, partial: Path) -> Path | None:
    """Fetch a complete blob into `partial` (resuming a previous part); None if the server does
    not have it yet. The caller verifies the whole file's hash before using it."""
    row = conn.execute("SELECT chunks, complete FROM wd_blob WHERE sha256 = %s", (sha256,)).fetchone()
    if row is None or not row[1]:
        return None
    chunks = int(row[0])
    partial.parent.mkdir(parents=True, exist_ok=True)
    have = partial.stat().st_size // CHUNK_SIZE if partial.exists() else 0
    with partial.open("r+b" if partial.exists() else "wb") as handle:
        handle.truncate(have * CHUNK_SIZE)  # a torn last chunk is fetched again
        handle.seek(have * CHUNK_SIZE)
        for idx in range(have, chunks):
            data = conn.execute(
                "SELECT data FROM wd_blob_chunk WHERE sha256 = %s AND idx = %s", (sha256, idx)
            ).fetchone()
            if data is None:
                raise BlobError(f"服务器上的附件缺少分块：{sha256[:12]}…")
            handle.write(data[0])
        handle.flush()
    return partial
