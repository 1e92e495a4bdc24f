"""A client process killed in the middle: of a local transaction, and of applying a pulled page."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import select, text

from app.models import Customer
from tests.sync.helpers import diff, dump, integrity_ok, outbox_count, sync_ok
from tests.unit.lifecycle_world import build_world, register, walk

ROOT = Path(__file__).resolve().parents[2]


def run_child(code: str, *args: str) -> int:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], cwd=ROOT,
                          env=dict(os.environ), timeout=120, capture_output=True, text=True)
    return done.returncode


def test_killed_mid_local_transaction_leaves_neither_row_nor_outbox(make_store):
    db = make_store("a")
    before = outbox_count(db)
    path = str(db.path)
    db.close()
    code = run_child(
        """
        import os, signal, sys
        from app.models import Customer
        from app.models.db import open_database
        db = open_database(sys.argv[1])
        with db.transaction() as session:
            session.add(Customer(name="被中断的业主", phone="13600000000"))
            session.flush()  # the row and its outbox row are written, not committed
            os.kill(os.getpid(), signal.SIGKILL)
        """,
        path,
    )
    assert code == -signal.SIGKILL
    from app.models.db import open_database

    again = open_database(path)
    try:
        assert integrity_ok(again)
        with again.sessions() as session:
            assert session.scalars(select(Customer)).all() == []
        assert outbox_count(again) == before
    finally:
        again.close()


def test_killed_mid_apply_resumes_and_converges(make_store, pg_url):
    a, b = make_store("a"), make_store("b")
    world = build_world(a)
    for _ in range(3):
        walk(a, world, register(a, world), "in_repair")
    sync_ok(a, pg_url)
    path = str(b.path)
    b.close()
    code = run_child(
        """
        import os, signal, sys
        from app.models.db import open_database
        from app.sync import service
        from app.sync.settings import SyncSettings
        service.SNAPSHOT_PAGE = 20  # many small pages: die in the middle of them
        db = open_database(sys.argv[1])
        calls = []
        def fault(point):
            if point == "apply_before_commit":
                calls.append(point)
                if len(calls) == 4:
                    os.kill(os.getpid(), signal.SIGKILL)
        service.run_sync(db, SyncSettings(url=sys.argv[2], tls_mode="disable"), fault=fault)
        """,
        path, pg_url,
    )
    assert code == -signal.SIGKILL
    from app.models.db import open_database

    b = open_database(path)
    try:
        assert integrity_ok(b)
        with b.engine.connect() as conn:
            state = conn.execute(text("SELECT snapshot_after, pull_cursor FROM sync_state")).one()
        assert state.snapshot_after is not None and state.pull_cursor is None  # mid initial pull
        sync_ok(b, pg_url)
        sync_ok(a, pg_url)
        assert diff(dump(a), dump(b)) == []
        assert integrity_ok(b)
    finally:
        b.close()
