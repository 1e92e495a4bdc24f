"""Escalations: evaluating the signals over a whole store, one new ticket, the minutes PDF.

`python -m benchmarks.escalation [SIZES] [DATA]` (sizes comma-separated, default 100000).
Each size gets its own demo store (`DATA/escalation-<size>/bench.db`, generated once and kept;
the generator's post-step adds the demo meetings). Timings run inside transactions that are
rolled back, so the store stays as generated.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import delete, func, select

from app.config import attachments_dir
from app.demo.generator import REFERENCE_NOW, generate_demo
from app.documents.minutes import render_minutes
from app.models.attachment_store import AttachmentStore
from app.models.db import open_database
from app.models.escalation import Escalation, EscalationEvent, EscalationTicket
from app.models.escalation_engine import evaluate_all, evaluate_ticket
from app.models.ids import new_id
from app.models.outbox import NO_CAPTURE
from app.models.retrospective import MeetingEscalation, RetrospectiveMeeting
from app.models.ticket import Ticket
from benchmarks.report import median_ms, pad

SEED = 1
EVALUATE_ALL_TARGET_S = 2.0  # at 1M tickets
TICKET_TARGET_MS = 20
MINUTES_TARGET_MS = 200
NOW = REFERENCE_NOW


def _store(size: int, data: Path) -> Path:
    """The shared demo store of `size` tickets when `make bench` made it, else our own."""
    shared = data / f"tickets-{size}"
    if (shared / "bench.db").exists() and (shared / "generation.json").exists():
        return shared / "bench.db"
    folder = data / f"escalation-{size}"
    path = folder / "bench.db"
    meta = folder / "generation.json"
    if path.exists() and meta.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    db = open_database(path, create=True)
    started = time.perf_counter()
    generate_demo(db, tickets=size, seed=SEED)
    meta.write_text(json.dumps({"seconds": time.perf_counter() - started}))
    db.close()
    return path


def _first_evaluation(db) -> float | None:
    """A store made before escalations existed is evaluated once, for good (seconds)."""
    with db.sessions() as session:
        if session.scalar(select(func.count()).select_from(Escalation)):
            return None
    with db.transaction() as session:
        started = time.perf_counter()
        evaluate_all(session, NOW)
        return time.perf_counter() - started


def _median_s(action, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        times.append(action())
    return statistics.median(times)


def _evaluate_from_scratch(db, capture: bool = True) -> tuple[float, int]:
    """evaluate_all with no escalation in the store yet (everything raised and linked).

    `capture=False` leaves out the sync's change capture (outbox rows for every new row), to
    show the engine's own share.
    """
    created = 0

    def once() -> float:
        nonlocal created
        with db.sessions() as session, session.begin():
            if not capture:
                session.info[NO_CAPTURE] = True
            for table in (MeetingEscalation, EscalationTicket, EscalationEvent, Escalation):
                session.execute(delete(table))
            session.expire_all()
            started = time.perf_counter()
            created = evaluate_all(session, NOW).created
            elapsed = time.perf_counter() - started
            session.rollback()
        return elapsed

    return _median_s(once), created


def _evaluate_again(db) -> float:
    """evaluate_all on a store already evaluated: finds nothing new (the periodic run)."""

    def once() -> float:
        with db.sessions() as session, session.begin():
            started = time.perf_counter()
            result = evaluate_all(session, NOW)
            elapsed = time.perf_counter() - started
            assert not result.changed, result
            session.rollback()
        return elapsed

    return _median_s(once)


def _new_ticket_ms(db) -> float:
    """A new ticket of the biggest recurring cluster, written and evaluated (joins the cluster)."""
    with db.sessions() as session:
        escalation = session.scalar(
            select(Escalation)
            .where(Escalation.kind == "recurring", Escalation.defect_category_id.is_not(None))
            .order_by(Escalation.raised_at.desc())
            .limit(1)
        )
        template_id = session.scalar(
            select(Ticket.id)
            .where(
                Ticket.project_id == escalation.project_id,
                Ticket.defect_category_id == escalation.defect_category_id,
            )
            .order_by(Ticket.reported_at.desc())
            .limit(1)
        )
    times = []
    for n in range(9):
        with db.sessions() as session, session.begin():
            template = session.get(Ticket, template_id)
            values = {c.key: getattr(template, c.key) for c in Ticket.__table__.columns}
            values.update(
                id=new_id(),
                number=f"BX-BENCH-{n:05d}",
                reported_at=NOW - dt.timedelta(hours=1),
                state="received",
                rework_count=0,
            )
            ticket = Ticket(**values)
            session.add(ticket)
            session.flush()
            started = time.perf_counter()
            result = evaluate_ticket(session, ticket, NOW)
            times.append((time.perf_counter() - started) * 1000)
            assert result.joined >= 1, result
            session.rollback()
    return statistics.median(times[1:])


def _minutes_ms(db) -> list[tuple[str, float, int]]:
    store = AttachmentStore(attachments_dir(db.path))
    rows = []
    with db.sessions() as session:
        meetings = list(
            session.scalars(select(RetrospectiveMeeting).order_by(RetrospectiveMeeting.number))
        )
        for meeting in meetings:

            def once(meeting_id=meeting.id):
                with session.begin_nested():
                    render_minutes(session, store, meeting_id)

            once()  # fonts registered, caches warm
            with session.begin_nested():
                pages = render_minutes(session, store, meeting.id).pdf.count(b"/Type /Page\n") or 0
            rows.append((f"{meeting.number}（{meeting.analysis_method}）", median_ms(once), pages))
        session.rollback()
    return rows


def run(sizes: list[int], data_dir: str) -> None:
    data = Path(data_dir)
    print(
        f"\nEscalations (targets: evaluate_all ≤ {EVALUATE_ALL_TARGET_S:g} s at 1M tickets, "
        f"a new ticket ≤ {TICKET_TARGET_MS} ms, minutes PDF ≤ {MINUTES_TARGET_MS} ms)"
    )
    print(f"{'tickets':>10}  {pad('measure', 48)}{'median':>12}  ok")
    for size in sizes:
        db = open_database(_store(size, data))
        try:
            target = EVALUATE_ALL_TARGET_S * max(1.0, size / 1_000_000)
            rows = []
            first = _first_evaluation(db)
            if first is not None:
                rows.append(
                    ("evaluate_all, first run on this store (kept)", first, "s", first <= target)
                )
            with db.sessions() as session:
                escalations = session.scalar(select(func.count()).select_from(Escalation))
            scratch, created = _evaluate_from_scratch(db)
            bare, _created = _evaluate_from_scratch(db, capture=False)
            again = _evaluate_again(db)
            rows += [
                ("evaluate_all, nothing raised yet, no sync capture", bare, "s", bare <= target),
                (
                    f"evaluate_all, nothing raised yet ({created} raised)",
                    scratch,
                    "s",
                    scratch <= target,
                ),
                (
                    f"evaluate_all again ({escalations} escalations, no change)",
                    again,
                    "s",
                    again <= target,
                ),
            ]
            new_ms = _new_ticket_ms(db)
            rows.append(
                (
                    "evaluate_ticket: a new ticket joins its cluster",
                    new_ms,
                    "ms",
                    new_ms <= TICKET_TARGET_MS,
                )
            )
            for name, ms, _pages in _minutes_ms(db):
                rows.append((f"minutes PDF {name}", ms, "ms", ms <= MINUTES_TARGET_MS))
            for name, value, unit, ok in rows:
                shown = f"{value:.3f} s" if unit == "s" else f"{value:.1f} ms"
                print(f"{size:>10,}  {pad(name, 48)}{shown:>12}  {'✓' if ok else '✗'}")
        finally:
            db.close()


if __name__ == "__main__":
    run(
        [int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "100000").split(",")],
        sys.argv[2] if len(sys.argv) > 2 else "bench-data",
    )
