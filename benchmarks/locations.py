"""Location tree figures: a housing estate entered in one pattern — 18 buildings × 2 units ×
33 floors × 4 rooms, 5,994 places — planned and created in one transaction on a new store.
Run alone with `python -m benchmarks.locations`.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.report import pad

ESTATE = "1-18栋, 1-2单元, 1-33层, 01-04室"
REPEAT = 3
TARGET_S = 2.0  # the places of a whole estate, entered at once, in under two seconds


def _new_project(folder: Path, n: int):
    from app.models import OrgUnit, Project
    from app.models.db import open_database

    db = open_database(folder / f"estate-{n}.db", create=True)
    with db.transaction() as session:
        dept = OrgUnit(name="第一项目部", kind="project_dept")
        session.add(dept)
        session.flush()
        project = Project(code=f"P{n}", name="书香雅苑", type="residential",
                          project_dept_id=dept.id, handover_date=dt.date(2024, 6, 1))
        session.add(project)
        session.flush()
        return db, project.id


def measure() -> dict[str, float]:
    """Seconds to plan (preview) and to create the estate; medians of REPEAT new stores."""
    from app.models.location_patterns import create_bulk, plan_bulk

    plans, creates = [], []
    with tempfile.TemporaryDirectory(prefix="warrantydesk-locations-") as tmp:
        for n in range(REPEAT):
            db, project_id = _new_project(Path(tmp), n)
            try:
                started = time.perf_counter()
                with db.sessions() as session:
                    plan_bulk(session, project_id, None, ESTATE)
                plans.append(time.perf_counter() - started)
                started = time.perf_counter()
                with db.transaction() as session:
                    created = create_bulk(session, project_id, None, ESTATE)
                creates.append(time.perf_counter() - started)
                assert created.new == 5994
            finally:
                db.close()
    return {"plan": statistics.median(plans), "create": statistics.median(creates)}


def run() -> None:
    figures = measure()
    ok = "✓" if figures["create"] <= TARGET_S else "✗"
    print(f"\n位置批量录入（{ESTATE}，5,994 个位置；目标 ≤ {TARGET_S:.0f} s，{REPEAT} 次中位数）")
    print(f"{pad('预览 plan_bulk', 22)}{figures['plan']:8.2f} s")
    print(f"{pad('创建 create_bulk', 22)}{figures['create']:8.2f} s  {ok}")


if __name__ == "__main__":
    run()
