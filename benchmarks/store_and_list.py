"""Foundation figures: demo generation, start-up to a shown window, and the ticket list's
first page, filter, sort and search — each beside the bare-SQLite query doing the same work.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from app.models.ticket_list import SortKey, TicketFilter, fetch_page
from benchmarks.report import median_ms, pad

SEED = 1


def _store(size: int, data: Path) -> tuple[Path, float]:
    """A demo store of `size` tickets, generated once and kept; returns (path, tickets/s)."""
    from app.demo.generator import generate_demo
    from app.models.db import open_database

    folder = data / f"tickets-{size}"
    path = folder / "bench.db"
    meta = folder / "generation.json"
    if path.exists() and meta.exists():
        return path, json.loads(meta.read_text())["tickets_per_second"]
    folder.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    db = open_database(path, create=True)
    start = time.perf_counter()
    generate_demo(db, tickets=size, seed=SEED)
    elapsed = time.perf_counter() - start
    db.close()
    rate = size / elapsed
    meta.write_text(json.dumps({"tickets_per_second": rate, "seconds": elapsed}))
    return path, rate



def _startup(path: Path) -> tuple[float, float]:
    """Seconds from process start to the main window shown, and the peak RSS in MB."""
    env = dict(os.environ, WARRANTYDESK_EXIT_WHEN_SHOWN="1", QT_QPA_PLATFORM="offscreen")
    env["WARRANTYDESK_DATA_DIR"] = str(path.parent / "user-data")
    samples = []
    peak = 0.0
    for _ in range(3):
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-m", "app", "--db", str(path)], env=env, capture_output=True, text=True,
            check=True, timeout=120,
        ).stdout
        line = next(line for line in out.splitlines() if line.startswith("shown-at"))
        parts = line.split()
        samples.append(float(parts[1]) - start)
        peak = max(peak, float(parts[3]))
    return min(samples), peak


def _bare_queries(path: Path) -> dict[str, Callable[[], object]]:
    """The same questions asked of SQLite directly, with the minimum of SQL."""
    connection = sqlite3.connect(path)
    columns = (
        "t.id, t.number, t.state, t.urgency, p.name, t.location_label, c.name, t.reporter_name,"
        " t.reporter_phone, substr(t.description, 1, 80), s.name, t.reported_at, t.rework_count"
    )
    joins = (
        "FROM ticket t JOIN project p ON p.id = t.project_id"
        " LEFT JOIN defect_category c ON c.id = t.defect_category_id"
        " LEFT JOIN staff s ON s.id = t.owner_id"
    )

    def run(sql: str, *params) -> Callable[[], object]:
        return lambda: connection.execute(sql, params).fetchall()

    search = (
        f"SELECT {columns}, f.rowid FROM ticket_fts f JOIN ticket_search_doc d ON d.doc_id = f.rowid"
        f" JOIN ticket t ON t.id = d.ticket_id {joins.removeprefix('FROM ticket t')}"
        " WHERE ticket_fts MATCH ? ORDER BY f.rowid DESC LIMIT 200"
    )
    return {
        "first page": run(f"SELECT {columns} {joins} ORDER BY t.reported_at DESC, t.id DESC LIMIT 200"),
        "filter state": run(
            f"SELECT {columns} {joins} WHERE t.state IN (?) ORDER BY t.reported_at DESC, t.id DESC LIMIT 200",
            "in_repair",
        ),
        "sort number": run(f"SELECT {columns} {joins} ORDER BY t.number ASC, t.id ASC LIMIT 200"),
        "sort urgency": run(
            f"SELECT {columns} {joins} ORDER BY t.urgency ASC, t.reported_at ASC, t.id ASC LIMIT 200"
        ),
        "search 渗水": run(search, '"渗水"'),
        "search 外墙渗水": run(search, '"外墙 墙渗 渗水"'),
    }


def _app_queries(path: Path) -> dict[str, Callable[[], object]]:
    from app.models.db import open_database

    db = open_database(path)

    def run(flt: TicketFilter) -> Callable[[], object]:
        def action() -> object:
            with db.sessions() as session:
                return fetch_page(session, flt)

        return action

    return {
        "first page": run(TicketFilter()),
        "filter state": run(TicketFilter(states=("in_repair",))),
        "sort number": run(TicketFilter(sort=SortKey.NUMBER, descending=False)),
        "sort urgency": run(TicketFilter(sort=SortKey.URGENCY, descending=False)),
        "search 渗水": run(TicketFilter(search="渗水")),
        "search 外墙渗水": run(TicketFilter(search="外墙渗水")),
    }


def run(sizes: list[int], data_dir: str) -> None:
    data = Path(data_dir)
    rows = []
    for size in sizes:
        path, rate = _store(size, data)
        shown, peak = _startup(path)
        rows.append((size, "demo generation", f"{rate:,.0f} tickets/s", "", ""))
        rows.append((size, "start → main window shown", f"{shown * 1000:,.0f} ms", "", ""))
        rows.append((size, "peak memory at start", f"{peak:,.0f} MB", "", ""))
        app, bare = _app_queries(path), _bare_queries(path)
        for name in app:
            app_ms, bare_ms = median_ms(app[name]), median_ms(bare[name])
            rows.append((size, name, f"{app_ms:.1f} ms", f"{bare_ms:.1f} ms", f"{app_ms / bare_ms:.2f}"))
    print()
    print(f"{'tickets':>9} | {'scenario':<26} | {'app':>16} | {'bare SQLite':>11} | {'app/bare':>8}")
    print("-" * 84)
    for size, name, app_value, bare_value, ratio in rows:
        print(f"{size:>9,} | {pad(name, 26)} | {app_value:>16} | {bare_value:>11} | {ratio:>8}")
