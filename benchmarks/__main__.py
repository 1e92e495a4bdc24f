"""Run every benchmark scenario: `python -m benchmarks [--sizes 10000,100000,1000000]`."""

from __future__ import annotations

import argparse

from benchmarks import dashboard as dashboard_page
from benchmarks import (
    documents,
    escalation,
    gallery,
    kanban,
    lifecycle,
    locations,
    store_and_list,
    workspace,
)
from benchmarks import kpi as kpi_table
from benchmarks import reports as report_pdfs
from benchmarks import sync as sync_bench


def main() -> None:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="ticket counts, comma-separated")
    parser.add_argument("--data", default="bench-data", help="folder for the generated stores (kept)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    store_and_list.run(sizes, args.data)
    lifecycle.run(sizes, args.data)
    kpi_table.run(sizes, args.data)
    dashboard_page.run(sizes, args.data)
    escalation.run(sizes, args.data)
    report_pdfs.run(sizes, args.data)
    gallery.run(args.data)
    kanban.run(args.data)
    documents.run(args.data)
    workspace.run(args.data)
    locations.run()
    sync_bench.run()  # private PostgreSQL; figures in docs/sync.md


if __name__ == "__main__":
    main()
