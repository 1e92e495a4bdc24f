"""Reports: the monthly and quarterly 保修工作总结 and the annual white paper on big stores.

`python -m benchmarks.reports [--sizes 100000] [--data bench-data]` times each report (the
queries and the layout separately) on the demo stores `make bench` generates and keeps
(bench-data/tickets-N/bench.db, the same stores as the list benchmarks).
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from app.analytics import periods
from app.documents.reports import ReportKind, render_data
from app.documents.reports.gather import gather
from app.models.db import open_database
from benchmarks.report import pad
from benchmarks.store_and_list import _store

ANNUAL_TARGET_S = 15.0
NOW = dt.datetime(2026, 11, 24, 8, 0)  # the demo data's reference time
PERIODS = {
    ReportKind.MONTHLY: periods.month(2026, 10),
    ReportKind.QUARTERLY: periods.quarter(2026, 3),
    ReportKind.ANNUAL: periods.year(2026),
}
REPEAT = 3


def _time_report(db, kind: ReportKind) -> tuple[float, float, int, int]:
    """Best of REPEAT: (query seconds, layout seconds, PDF bytes, pages)."""
    best = None
    for _ in range(REPEAT):
        with db.sessions() as session:
            start = time.perf_counter()
            data = gather(session, kind, PERIODS[kind], NOW)
            queried = time.perf_counter()
        pdf = render_data(data)
        laid_out = time.perf_counter()
        sample = (queried - start, laid_out - queried, len(pdf), pdf.count(b"/Type /Page\n"))
        if best is None or sum(sample[:2]) < sum(best[:2]):
            best = sample
    assert best is not None
    return best


def run(sizes: list[int], data_dir: str) -> None:
    rows = []
    for size in sizes:
        path, _rate = _store(size, Path(data_dir))
        db = open_database(path)
        try:
            with db.sessions() as session:  # warm the page cache and the font once
                render_data(gather(session, ReportKind.MONTHLY, PERIODS[ReportKind.MONTHLY], NOW))
            for kind in ReportKind:
                rows.append((size, kind, *_time_report(db, kind)))
        finally:
            db.close()
    print("\nReports (PDF, vector charts; best of 3)")
    print(
        f"{'tickets':>9} | {pad('report', 18)} | {'queries':>8} | {'layout':>7} | {'total':>7} | "
        f"{'pages':>5} | {'size':>7} | target"
    )
    print("-" * 86)
    for size, kind, query_s, layout_s, size_bytes, pages in rows:
        total = query_s + layout_s
        target = ""
        if kind == ReportKind.ANNUAL:
            target = f"≤ {ANNUAL_TARGET_S:g} s {'✓' if total <= ANNUAL_TARGET_S else '✗'}"
        print(
            f"{size:>9,} | {pad(kind.value, 18)} | {query_s:>7.2f}s | {layout_s:>6.2f}s | "
            f"{total:>6.2f}s | {pages:>5} | {size_bytes / 1024:>5.0f} KB | {target}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.reports")
    parser.add_argument("--sizes", default="100000", help="ticket counts, comma-separated")
    parser.add_argument(
        "--data", default="bench-data", help="folder of the generated stores (kept)"
    )
    args = parser.parse_args()
    run([int(s) for s in args.sizes.split(",") if s], args.data)


if __name__ == "__main__":
    main()
