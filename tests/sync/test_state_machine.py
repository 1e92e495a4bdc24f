"""Three laptops, random edits, syncs and faults (Hypothesis). After quiet: every op applied
once or quarantined, every concurrent same-field edit recorded as a conflict, every client
equal to the server row by row, every file hash right, integrity_check ok."""

from __future__ import annotations

import itertools
import os
import shutil

import psycopg
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import select, text

from app.models import Customer, Ticket
from app.models.db import open_database
from app.models.outbox import SyncConflict, SyncOutbox
from app.models.ticket_actions import attach_file
from app.models.vocabulary import PhotoStage
from app.sync.service import run_sync
from tests.sync.helpers import attachment_hashes_ok, diff, dump, integrity_ok, server_rows
from tests.sync.helpers import settings as sync_settings
from tests.sync.pg_fixtures import create_database, drop_database
from tests.unit.lifecycle_world import build_world, register

FIELDS = ("description", "reporter_phone", "location_label")
VALUES = ("渗水", "开裂", "13800000000", "3栋1502室", "已处理", "")
FAULTS = ("none", "none", "cut_after_push", "fail_apply", "rollback_push")
_serial = itertools.count()


class Injected(ConnectionError):
    """A fault raised on purpose inside a sync."""


def test_three_clients_random_edits_syncs_and_faults(pg_server, empty_template, tmp_path):
    class ThreeLaptops(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.name = create_database(pg_server)
            self.url = pg_server.url(self.name)
            folder = tmp_path / f"run{next(_serial)}"
            self.clients = []
            for i in range(3):
                (folder / str(i)).mkdir(parents=True)
                shutil.copy2(empty_template, folder / str(i) / empty_template.name)
                self.clients.append(open_database(folder / str(i) / empty_template.name))
            self.world = build_world(self.clients[0])
            self.tickets = [register(self.clients[0], self.world) for _ in range(2)]
            self.dirty = [dict() for _ in range(3)]  # (ticket, field) -> value since last sync try
            self.pairs: list[tuple[dict, dict]] = []
            self.op_ids: set[str] = set()
            for db in self.clients:
                self._sync(db, "none")

        # rules ---------------------------------------------------------------------------
        @rule(who=st.integers(0, 2), ticket=st.integers(0, 1), field=st.sampled_from(FIELDS),
              value=st.sampled_from(VALUES))
        def edit(self, who, ticket, field, value):
            db = self.clients[who]
            with db.transaction() as session:
                row = session.get(Ticket, self.tickets[ticket])
                if row is None or getattr(row, field) == value:
                    return
                setattr(row, field, value)
            key = (str(self.tickets[ticket]), field)
            mine = self.dirty[who].setdefault(key, {"key": key})
            mine["value"] = value  # the value this client will send for the field
            for other in range(3):
                if other != who and key in self.dirty[other]:
                    # Neither can have seen the other's edit: if the values they finally send
                    # differ, the server must keep a conflict.
                    self.pairs.append((mine, self.dirty[other][key]))

        @rule(who=st.integers(0, 2))
        def add_customer(self, who):
            with self.clients[who].transaction() as session:
                session.add(Customer(name=f"业主{who}", phone="13900000000"))

        @rule(who=st.integers(0, 2), ticket=st.integers(0, 1))
        def add_photo(self, who, ticket):
            db = self.clients[who]
            from app.config import attachments_dir
            from app.models.attachment_store import AttachmentStore

            with db.transaction() as session:
                row = session.get(Ticket, self.tickets[ticket])
                if row is None:
                    return
                attach_file(session, AttachmentStore(attachments_dir(db.path)), row,
                            self.world.actor(session, "tech"), data=os.urandom(2000),
                            original_name="现场.jpg", mime_type="image/jpeg", stage=PhotoStage.BEFORE)

        @rule(who=st.integers(0, 2), fault=st.sampled_from(FAULTS))
        def sync(self, who, fault):
            self._sync(self.clients[who], fault)
            self.dirty[who] = {}

        def _sync(self, db, fault):
            with db.engine.connect() as conn:
                self.op_ids |= {str(i) for i in conn.execute(select(SyncOutbox.op_id)).scalars()}
            calls = []

            def inject(point):
                calls.append(point)
                if fault == "rollback_push" and point == "push_before_commit":
                    raise Injected("rolled back")
                if fault == "cut_after_push" and point == "push_after_commit":
                    raise Injected("cut after commit")
                if fault == "fail_apply" and point == "apply_before_commit" and len(calls) > 1:
                    raise Injected("died while applying")

            return run_sync(db, sync_settings(self.url), fault=inject)

        @invariant()
        def stores_stay_sound(self):
            for db in self.clients:
                with db.engine.connect() as conn:
                    assert conn.execute(text("PRAGMA quick_check")).scalar() == "ok"

        def teardown(self):
            try:
                self._quiesce_and_check()
            finally:
                for db in self.clients:
                    db.close()
                drop_database(pg_server, self.name)

        def _quiesce_and_check(self):
            for _ in range(2):
                for db in self.clients:
                    result = self._sync(db, "none")
                    assert result.error is None, result.error
            self.expected_conflicts = {a["key"] for a, b in self.pairs if a["value"] != b["value"]}
            for db in self.clients:
                with db.engine.connect() as conn:
                    assert conn.execute(text("SELECT count(*) FROM sync_outbox WHERE status = 'pending'")).scalar() == 0
            first = dump(self.clients[0])
            for db in self.clients[1:]:
                assert diff(first, dump(db)) == []
            server = server_rows(self.url)
            for table, rows in first.items():
                assert set(rows) == set(server.get(table, {})), table
            with psycopg.connect(self.url, sslmode="disable") as conn:
                applied = conn.execute("SELECT op_id::text, count(*) FROM wd_applied_op GROUP BY op_id").fetchall()
                quarantined = {r[0] for r in conn.execute("SELECT op_id::text FROM wd_quarantine")}
                recorded = {(str(r[0]), r[1]) for r in conn.execute("SELECT row_id, field FROM wd_conflict")}
            counts = dict(applied)
            assert all(n == 1 for n in counts.values())
            assert self.op_ids <= set(counts) | quarantined  # every op applied once or quarantined
            assert self.expected_conflicts <= recorded
            for db in self.clients:
                with db.engine.connect() as conn:
                    local = {(str(r[0]), r[1]) for r in conn.execute(
                        select(SyncConflict.row_id, SyncConflict.field))}
                assert self.expected_conflicts <= local
                assert attachment_hashes_ok(db)
                assert integrity_ok(db)

    run_state_machine_as_test(
        ThreeLaptops,
        settings=settings(max_examples=4, stateful_step_count=12, deadline=None,
                          suppress_health_check=list(HealthCheck)),
    )
