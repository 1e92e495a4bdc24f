"""Lifecycle engine figures: one workflow action (precondition check + ticket change + event
writes, flushed) per step of the main line, and recomputing ageing bands and overdue flags
over every open ticket in SQL — targets 5 ms and 500 ms (100k open tickets).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.models import OrgUnit, Project, Staff, Ticket
from app.models.attachment_store import AttachmentStore
from app.models.db import Database, open_database
from app.models.ids import new_id
from app.models.sla import (
    OPEN_STATE_VALUES,
    age_band_expr,
    ageing_summary,
    any_overdue_expr,
    fetch_open_ticket_flags,
)
from app.models.taxonomy import category_id
from app.models.ticket_actions import (
    accept,
    archive,
    attach_file,
    diagnose,
    log_work,
    register_ticket,
    save_plan,
    sign,
    start_repair,
    submit_for_acceptance,
    take_ticket,
)
from app.models.vocabulary import (
    BuildingPart,
    Cause,
    Channel,
    ResponsibleParty,
    Role,
    SignerRole,
    TicketState,
)
from app.models.warranty_terms import apply_default_terms
from app.models.workflow import Intake
from benchmarks.report import median_ms, pad

TICKETS_FOR_ACTIONS = 300
TRANSITION_TARGET_MS = 5.0
AGEING_TARGET_MS = 500.0
MAX_OPEN_TICKETS = 200_000
NOW = dt.datetime(2026, 6, 1, 4, 0)
LEAK = category_id("residential", "bathroom_leak")


def _world(db: Database) -> dict[str, uuid.UUID]:
    with db.transaction() as session:
        dept = OrgUnit(name="第一项目部", kind="project_dept")
        session.add(dept)
        session.flush()
        clerk = Staff(name="李资料", role=Role.CLERK, org_unit_id=dept.id)
        tech = Staff(name="王师傅", role=Role.TECHNICIAN, org_unit_id=dept.id)
        project = Project(code="BENCH", name="阳光花园", type="residential", project_dept_id=dept.id,
                          handover_date=dt.date(2024, 6, 30))
        apply_default_terms(project)
        session.add_all([clerk, tech, project])
        session.flush()
        return {"clerk": clerk.id, "tech": tech.id, "project": project.id}


def _steps(store: AttachmentStore, ids: dict[str, uuid.UUID], now: dt.datetime) -> list[tuple[str, Callable]]:
    """(name, step(session, ticket, clerk, tech)) along the main line."""
    def plan(s, t, c, tech):
        save_plan(s, t, tech, plan_people="王师傅", plan_duration_hours=4.0, plan_safety_measures="设警示牌", now=now)

    def log(s, t, c, tech):
        log_work(s, t, tech, description="重做防水层", people="王师傅", started_at=now, now=now)

    def photo(s, t, c, tech):
        attach_file(s, store, t, tech, data=b"after-photo", original_name="a.jpg", mime_type="image/jpeg",
                    stage="after", now=now)

    def owner_signs(s, t, c, tech):
        sign(s, store, t, tech, signer_role=SignerRole.OWNER, signer_name="王女士", image=b"png", now=now)

    return [
        ("接单响应 take", lambda s, t, c, tech: take_ticket(s, t, tech, now=now)),
        ("完成诊断 diagnose", lambda s, t, c, tech: diagnose(
            s, t, tech, now=now, cause=Cause.CONSTRUCTION_DEFECT, defect_category_id=LEAK,
            building_part=BuildingPart.WATERPROOF_ROOMS, responsible_party=ResponsibleParty.OWN_TEAM)),
        ("保存维修计划 save_plan", plan),
        ("开始维修 start_repair", lambda s, t, c, tech: start_repair(s, t, tech, now=now)),
        ("维修日志 log_work", log),
        ("维修后照片 attach_file", photo),
        ("完工报验 submit", lambda s, t, c, tech: submit_for_acceptance(s, t, tech, now=now)),
        ("业主签名 sign", owner_signs),
        ("验收通过 accept", lambda s, t, c, tech: accept(s, t, tech, satisfaction=5, now=now)),
        ("归档 archive", lambda s, t, c, tech: archive(s, t, c, follow_up_result="满意", now=now)),
    ]


def _time_actions(folder: Path) -> list[tuple[str, float, float, float]]:
    """Per action: median and p95 of (check + change + event writes, flushed), median commit."""
    path = folder / "actions.db"
    path.unlink(missing_ok=True)
    db = open_database(path, create=True)
    ids = _world(db)
    store = AttachmentStore(folder / "attachments")
    timings: dict[str, tuple[list[float], list[float]]] = {}

    def measure(name: str, work: Callable[..., object], ticket_id: uuid.UUID | None = None) -> None:
        """Time one action in its own transaction; the ticket and the people are loaded first
        (the controller's part), then check + change + events are timed up to the flush."""
        work_ms, commit_ms = timings.setdefault(name, ([], []))
        with db.sessions() as session:
            session.begin()
            loaded = (
                None if ticket_id is None else session.get(Ticket, ticket_id),
                session.get(Staff, ids["clerk"]),
                session.get(Staff, ids["tech"]),
            )
            start = time.perf_counter()
            work(session, *loaded)
            session.flush()
            middle = time.perf_counter()
            session.commit()
            end = time.perf_counter()
        work_ms.append((middle - start) * 1000)
        commit_ms.append((end - middle) * 1000)

    ticket_ids = []
    for n in range(TICKETS_FOR_ACTIONS):
        def register(session: Session, _ticket, clerk, _tech, n=n) -> None:
            ticket = register_ticket(session, clerk, Intake(
                project_id=ids["project"], channel=Channel.HOTLINE, description="卫生间顶部渗水",
                reporter_name="王女士", location_label=f"{n % 30 + 1}栋{n % 20 + 1}01室", owner_id=ids["tech"],
                defect_category_id=LEAK), now=NOW)
            ticket_ids.append(ticket.id)
        measure("登记报修 register", register)
    for name, step in _steps(store, ids, NOW):
        for ticket_id in ticket_ids:
            measure(name, step, ticket_id)
    db.close()
    rows = []
    for name, (work_ms, commit_ms) in timings.items():
        work_ms.sort()
        p95 = work_ms[int(len(work_ms) * 0.95) - 1]
        rows.append((name, statistics.median(work_ms), p95, statistics.median(commit_ms)))
    return rows


def _open_ticket_store(size: int, folder: Path) -> Path:
    """A store with `size` open tickets reported over 60 days, written in the order they came in
    (as a real store grows), by bulk insert; kept for reruns."""
    path = folder / f"open-{size}.db"
    if path.exists():
        return path
    db = open_database(path.with_suffix(".tmp"), create=True)
    ids = _world(db)
    rng = random.Random(size)
    open_states = [s for s in OPEN_STATE_VALUES if s != TicketState.FOLLOW_UP]
    reports = sorted(NOW - dt.timedelta(minutes=rng.randint(0, 60 * 24 * 60)) for _ in range(size))
    with db.transaction() as session:
        batch = []
        for n, reported in enumerate(reports):
            urgency = rng.choice((1, 2, 3, 3, 3))
            arrival = dt.timedelta(hours={1: 2, 2: 24, 3: 72}[urgency])
            responded = reported + dt.timedelta(minutes=rng.randint(5, 900)) if rng.random() < 0.9 else None
            batch.append({
                "id": new_id(), "number": f"BX-BNCH-2026-{n:07d}", "state": rng.choice(open_states),
                "urgency": urgency, "project_id": ids["project"], "channel": "hotline", "reported_at": reported,
                "response_due_at": reported + arrival / 4, "responded_at": responded,
                "arrival_due_at": reported + arrival, "completion_due_at": reported + dt.timedelta(days=7),
                "paused_since": reported + dt.timedelta(hours=1) if rng.random() < 0.03 else None,
                "created_at": reported, "updated_at": reported,
            })
            if len(batch) == 20_000:
                session.execute(insert(Ticket), batch)
                batch = []
        if batch:
            session.execute(insert(Ticket), batch)
    db.close()
    path.with_suffix(".tmp").rename(path)
    for suffix in ("-wal", "-shm"):
        Path(str(path.with_suffix(".tmp")) + suffix).unlink(missing_ok=True)
    return path



def _time_ageing(size: int, folder: Path) -> list[tuple[str, float]]:
    db = open_database(_open_ticket_store(size, folder))
    with db.sessions() as session:
        count = session.scalar(select(func.count()).select_from(Ticket).where(Ticket.state.in_(OPEN_STATE_VALUES)))
        assert count == size, count
        first_page = (
            select(Ticket.id, Ticket.number, age_band_expr(NOW).label("band"),
                   any_overdue_expr(NOW, check_state=False).label("overdue"))
            .where(Ticket.state.in_(OPEN_STATE_VALUES))
            .order_by(any_overdue_expr(NOW, check_state=False).desc(), age_band_expr(NOW).desc(), Ticket.reported_at)
            .limit(200)
        )
        rows = [
            ("every open ticket's band + 3 overdue flags, fetched",
             median_ms(lambda: fetch_open_ticket_flags(session, NOW))),
            ("counts per (band, overdue), grouped in SQL", median_ms(lambda: ageing_summary(session, NOW))),
            ("first page sorted by overdue, band", median_ms(lambda: session.execute(first_page).all())),
        ]
    db.close()
    return rows



def run(sizes: list[int], data_dir: str) -> None:
    folder = Path(data_dir) / "lifecycle"
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nTicket lifecycle — one action ({TICKETS_FOR_ACTIONS} tickets each; target ≤ {TRANSITION_TARGET_MS:g} ms"
          " for check + change + events, flushed; commit = fsync, synchronous=FULL)")
    print(f"{pad('action', 32)}{'median ms':>11}{'p95 ms':>9}{'commit ms':>11}  ok")
    for name, median, p95, commit in _time_actions(folder):
        ok = "✓" if median <= TRANSITION_TARGET_MS else "✗"
        print(f"{pad(name, 32)}{median:>11.2f}{p95:>9.2f}{commit:>11.2f}  {ok}")
    print(f"\nAgeing bands and overdue flags over open tickets (target ≤ {AGEING_TARGET_MS:g} ms at 100k)")
    print(f"{'open tickets':>12}  {'query':<52}{'median ms':>10}  ok")
    # Stores of open tickets only: beyond 200k they take minutes to build and say nothing new.
    ageing_sizes = sorted({s for s in sizes if s <= MAX_OPEN_TICKETS} | {100_000})
    for size in ageing_sizes:
        for name, ms in _time_ageing(size, folder):
            target = AGEING_TARGET_MS * max(1.0, size / 100_000)
            ok = "✓" if ms <= target else "✗"
            print(f"{size:>12,}  {name:<52}{ms:>10.1f}  {ok}")


if __name__ == "__main__":
    import sys

    run([int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "100000").split(",")],
        sys.argv[2] if len(sys.argv) > 2 else "bench-data")
