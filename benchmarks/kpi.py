"""绩效 figures: the KPI table (rows and totals per person and per department — what the page
shows first) and the trend column (computed after it) for a month, a quarter and a year over
demo stores — target 300 ms for the person table on 1M tickets.
Run alone: `python -m benchmarks.kpi --sizes 100000,1000000 [--data bench-data]`.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from app.analytics import periods
from app.analytics.kpi import (
    BY_DEPARTMENT,
    BY_PERSON,
    kpi_table,
    kpi_totals,
    kpi_trends,
    trend_months,
)
from app.analytics.periods import Period
from app.models.db import open_database
from app.models.ticket import Ticket
from benchmarks.report import pad

TARGET_MS = 300.0


def _periods(latest_year: int, latest_month: int) -> list[tuple[str, Period]]:
    """The last whole month, the last whole quarter and the last whole year before the
    store's newest report, and the running year (what a manager opens first)."""
    month_number = latest_month - 1 or 12
    month_year = latest_year if latest_month > 1 else latest_year - 1
    quarter = (latest_month - 1) // 3 or 4
    quarter_year = latest_year if latest_month > 3 else latest_year - 1
    return [
        (f"月 {month_year}-{month_number:02d}", periods.month(month_year, month_number)),
        (f"季 {quarter_year}Q{quarter}", periods.quarter(quarter_year, quarter)),
        (f"年 {latest_year - 1}", periods.year(latest_year - 1)),
        (f"年 {latest_year}（至今）", periods.year(latest_year)),
    ]


def _scenarios(db, period: Period) -> dict[str, Callable[[], object]]:
    def run(work: Callable) -> Callable[[], object]:
        def action() -> object:
            with db.sessions() as session:
                return work(session)

        return action

    months = trend_months(period)
    trend_period = Period(months[0].first, months[-1].last)
    return {
        "表格 kpi_table 人员": run(lambda s: kpi_table(s, period, BY_PERSON, trend_kpi=None)),
        "表格 kpi_table 项目部": run(lambda s: kpi_table(s, period, BY_DEPARTMENT, trend_kpi=None)),
        "趋势 kpi_trends(处理量)": run(lambda s: kpi_trends(s, trend_period, BY_PERSON, "handled")),
        "趋势 kpi_trends(投诉)": run(lambda s: kpi_trends(s, trend_period, BY_PERSON, "complaints")),
        "合计 kpi_totals（单独）": run(lambda s: kpi_totals(s, period.first, period.last)),
    }


def _timed(action: Callable[[], object], repeat: int) -> tuple[object, float, float, float]:
    """(result, first run ms, median wall ms, median CPU ms of this process).

    The CPU time is the figure to read on a busy machine: SQLite works in this thread, so a
    wall time far above it means waiting for the processor or the disk, not work.
    """
    start = time.perf_counter()
    result = action()
    first = (time.perf_counter() - start) * 1000
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    return result, first, statistics.median(walls), statistics.median(cpus)


def measure(path: Path, repeat: int = 3) -> list[tuple[str, str, float, float, float, int]]:
    """(period, scenario, first run ms, median ms, median CPU ms, rows) for one store."""
    db = open_database(path)
    try:
        with db.sessions() as session:
            latest = session.scalar(select(func.max(Ticket.reported_at)))
        results = []
        for label, period in _periods(latest.year, latest.month):
            for name, action in _scenarios(db, period).items():
                rows, first, median, cpu = _timed(action, repeat)
                count = len(rows.rows) if hasattr(rows, "rows") else (
                    len(rows) if isinstance(rows, list | dict) else 1)
                results.append((label, name, first, median, cpu, count))
        return results
    finally:
        db.close()


def _count(path: Path) -> int:
    import sqlite3

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT count(*) FROM ticket").fetchone()[0]


def run(sizes: list[int], data_dir: str, store: str | None = None) -> None:
    """Print the table for each store size (stores made by the store benchmark, kept), or for
    the given store file only. "首次" (first run) includes rebuilding the months the period
    needs (app/analytics/month_stats.py) when a write has struck them off."""
    from benchmarks.store_and_list import _store

    data = Path(data_dir)
    print(f"\n绩效 KPI 表（目标：人员表 ≤ {TARGET_MS:.0f} ms）")
    print(f"{pad('工单数', 10)}{pad('统计期', 20)}{pad('查询', 28)}"
          f"{'首次':>7}{'中位数':>8}{'CPU':>7}{'行数':>6}")
    stores = [(Path(store), _count(Path(store)))] if store else [
        (_store(size, data)[0], size) for size in sizes]
    for path, size in stores:
        for label, name, first, median, cpu, count in measure(path):
            mark = " ✗" if name.startswith("表格 kpi_table 人员") and median > TARGET_MS else ""
            print(f"{pad(f'{size:,}', 10)}{pad(label, 20)}{pad(name, 28)}"
                  f"{first:8.0f} {median:8.0f} {cpu:6.0f} {count:5d}{mark}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.kpi")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="ticket counts, comma-separated")
    parser.add_argument("--data", default="bench-data", help="folder for the generated stores (kept)")
    parser.add_argument("--store", help="measure this store file instead of the demo stores")
    args = parser.parse_args()
    run([int(s) for s in args.sizes.split(",") if s], args.data, args.store)


if __name__ == "__main__":
    main()
