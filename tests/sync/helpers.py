"""Helpers of the sync tests: settings, table dumps for row-by-row comparison, edits."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from sqlalchemy import select, text

from app.config import attachments_dir
from app.models.outbox import row_to_wire, synced_tables
from app.sync.service import run_sync
from app.sync.settings import SyncSettings


def settings(url: str, **overrides: Any) -> SyncSettings:
    return SyncSettings(url=url, tls_mode="disable", **overrides)


def sync_ok(db, url: str, **kwargs: Any):
    """Sync and insist it worked."""
    scope = kwargs.pop("scope", ())
    result = run_sync(db, settings(url, scope_project_ids=tuple(scope)), **kwargs)
    assert result.error is None, result.error
    return result


def dump(db, tables: list[str] | None = None) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced row as wire values, by table and id."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    with db.engine.connect() as conn:
        for table in synced_tables():
            if tables is not None and table.name not in tables:
                continue
            out[table.name] = {str(r.id): row_to_wire(table, r) for r in conn.execute(select(table))}
    return out


def diff(a: dict, b: dict) -> list[str]:
    """Row-level differences between two dumps (empty: equal)."""
    problems = []
    for name in sorted(set(a) | set(b)):
        rows_a, rows_b = a.get(name, {}), b.get(name, {})
        for row_id in sorted(set(rows_a) | set(rows_b)):
            ra, rb = rows_a.get(row_id), rows_b.get(row_id)
            if ra != rb:
                if ra is None or rb is None:
                    problems.append(f"{name}/{row_id}: only in {'b' if ra is None else 'a'}")
                else:
                    fields = [k for k in ra if ra.get(k) != rb.get(k)]
                    problems.append(f"{name}/{row_id}: {fields} {[(ra[k], rb.get(k)) for k in fields]}")
    return problems


def server_rows(url: str) -> dict[str, dict[str, dict[str, Any]]]:
    """The server's merged rows (not deleted), by table and id."""
    import psycopg

    out: dict[str, dict[str, dict[str, Any]]] = {}
    with psycopg.connect(url, sslmode="disable") as conn:
        for entity, row_id, data in conn.execute(
            "SELECT entity, row_id::text, data FROM wd_row_state WHERE NOT deleted"
        ):
            out.setdefault(entity, {})[row_id] = data
    return out


def integrity_ok(db) -> bool:
    with db.engine.connect() as conn:
        return conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def attachment_hashes_ok(db) -> bool:
    root = attachments_dir(db.path)
    with db.engine.connect() as conn:
        hashes = set(conn.execute(text("SELECT sha256 FROM attachment")).scalars())
        hashes |= set(conn.execute(text("SELECT image_sha256 FROM signature")).scalars())
    for sha in hashes:
        path = root / sha[:2] / sha[2:]
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != sha:
            return False
    return True


def outbox_count(db, status: str = "pending") -> int:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM sync_outbox WHERE status = :s"), {"s": status}).scalar()


def new_uuid() -> uuid.UUID:
    return uuid.uuid4()
