"""工作台 figures: one year's `dashboard_snapshot` and the drawing of every chart (offscreen Qt,
1366×768), on the demo stores of store_and_list — target: both together ≤ 1 s at 1M tickets.
The first read of a year also rebuilds its struck-off months (app/analytics/month_stats.py):
it is reported on its own ("first read"); the medians are of the reads after it.

Run alone: `python -m benchmarks.dashboard --sizes 100000` (stores are kept in bench-data).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import time
from pathlib import Path

from benchmarks.report import pad

TARGET_MS = 1000.0
REPEAT = 5
NOW = dt.datetime(2026, 11, 24, 8, 0)  # the demo stores' "now" (naive UTC)


def _page():
    from app.gui import prepare_application
    from app.views.dashboard_page import DashboardPage

    prepare_application([], "zh_CN")
    page = DashboardPage(today=NOW.date())
    page.resize(1366 - 132, 768)
    page.show()
    gc.collect()
    gc.freeze()  # as the app does once its window is built (app.gui.MainUi.start)
    return page


def _figures(path: Path, page, year: int, scope: dict) -> dict[str, float]:
    """Milliseconds of the first snapshot (rebuilding the months it needs), then the medians of
    the snapshot, of drawing it, and of both (one after the other)."""
    from PySide6.QtWidgets import QApplication

    from app.analytics import periods
    from app.analytics.dashboard import dashboard_snapshot
    from app.models.db import open_database

    db = open_database(path)
    period = periods.year(year)
    reads, draws, totals = [], [], []
    try:
        start = time.perf_counter()
        with db.sessions() as session:
            dashboard_snapshot(session, period, now=NOW, **scope)
        first = (time.perf_counter() - start) * 1000
        for _ in range(REPEAT):
            start = time.perf_counter()
            with db.sessions() as session:
                snapshot = dashboard_snapshot(session, period, now=NOW, **scope)
            read = time.perf_counter()
            page.show_snapshot(snapshot)
            QApplication.processEvents()
            end = time.perf_counter()
            reads.append((read - start) * 1000)
            draws.append((end - read) * 1000)
            totals.append((end - start) * 1000)
    finally:
        db.close()
    middle = REPEAT // 2
    figures = {name: sorted(values)[middle]
               for name, values in (("read", reads), ("draw", draws), ("total", totals))}
    return {"first": first, **figures}


def _department(path: Path):
    from sqlalchemy import func, select

    from app.models.db import open_database
    from app.models.project import Project
    from app.models.ticket import Ticket

    db = open_database(path)
    try:
        with db.sessions() as session:
            # The busiest project department: the heaviest scoped view.
            return session.execute(
                select(Project.project_dept_id).join(Ticket, Ticket.project_id == Project.id)
                .where(Ticket.reported_at >= dt.datetime(2026, 1, 1))
                .group_by(Project.project_dept_id).order_by(func.count().desc()).limit(1)
            ).scalar()
    finally:
        db.close()


def _size(path: Path) -> int:
    import sqlite3

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT count(*) FROM ticket").fetchone()[0]


def run(sizes: list[int], data_dir: str, year: int = NOW.year, store: str | None = None) -> None:
    """Measure the demo store of each size (made once), or only the given store file."""
    from benchmarks.store_and_list import _store

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    page = _page()
    rows = []
    paths = [Path(store)] if store else [_store(size, Path(data_dir))[0] for size in sizes]
    for path in paths:
        size = _size(path)
        for scope_name, scope in (("all projects", {}),
                                  ("one department", {"department_id": _department(path)})):
            figures = _figures(path, page, year, scope)
            rows.append((size, scope_name, figures))
    print()
    print(f"工作台 (dashboard) for the year {year}: snapshot read + all 7 charts drawn "
          f"(median of {REPEAT}, target ≤ {TARGET_MS:.0f} ms)")
    print(f"{'tickets':>9} | {pad('scope', 16)} | {'first read':>10} | {'read':>9} | {'draw':>9} | "
          f"{'total':>9} | ok")
    print("-" * 81)
    for size, scope_name, f in rows:
        ok = "✓" if f["total"] <= TARGET_MS else "✗"
        print(f"{size:>9,} | {pad(scope_name, 16)} | {f['first']:>7.0f} ms | {f['read']:>6.0f} ms"
              f" | {f['draw']:>6.0f} ms"
              f" | {f['total']:>6.0f} ms | {ok}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dashboard")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="ticket counts")
    parser.add_argument("--data", default="bench-data", help="folder of the generated stores")
    parser.add_argument("--year", type=int, default=NOW.year)
    parser.add_argument("--store", help="measure this store file instead of the demo stores")
    args = parser.parse_args()
    run([int(s) for s in args.sizes.split(",") if s], args.data, args.year, args.store)


if __name__ == "__main__":
    main()
