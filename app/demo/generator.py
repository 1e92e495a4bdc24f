"""Fills a store with realistic, deterministic demo data, fast enough for a million tickets.

Everything comes from one `random.Random(seed)` and a fixed reference "now", so the same seed
gives byte-identical rows (ids included: UUIDv7 ids built from the row's creation time and the
generator's random bits exactly as `app.models.ids.seeded_id` builds them; a ticket's events
share the ticket's report time and carry their seq in the last bits, so they reach the event
indexes in key order). Faker fills the pools of names, phones and company words once; tickets
are then assembled from the pools with cheap operations.

Generating (pure Python, no database) and writing (one DB-API connection, a transaction per
chunk of tickets) are separate. Each chunk is bound into a temporary SQLite file (plain tables,
in /dev/shm where there is one) and copied into the store with `INSERT … SELECT`, which also
derives the search rows. A ticket's history is staged one row per engine action (a template
number and the action's values, see "Actions as templates"); the writer expands the actions into
the engine's events in SQL, so Python binds ~14 short rows per ticket instead of ~49 events.
For large data sets worker processes make and stage the chunks (each chunk has its own random
stream seeded from the master one, so the rows do not depend on who makes them): every core
works, and the single writer does only what SQLite must do itself.
The rows follow the model's rules: a ticket's history is what the lifecycle engine
(app.models.ticket_actions) writes for the same actions — one event per changed column with old
and new values, one per file and per signature, numbered by `seq`, one version per action — so
replaying it gives every column (ticket_invariants with strict replay holds); coverage is
`app.models.coverage.assess` on the report date; due times are the project's limits
(`app.models.sla`); the search index holds what `app.models.search` would index.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import functools
import gc
import io
import math
import os
import pickle
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from itertools import chain
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from app.collector import collector_paused
from app.config import attachments_dir
from app.demo import vocabulary as V
from app.models.attachment_store import AttachmentStore
from app.models.coverage import SEASON_OF_CATEGORY, assess, warranty_period
from app.models.db import Database
from app.models.numbering import format_number
from app.models.search import bigrams
from app.models.taxonomy import DEFAULT_TAXONOMY, category_id
from app.models.vocabulary import (
    CHANNEL_ZH,
    OPEN_STATES,
    PHOTO_STAGE_ZH,
    SIGNER_ROLE_ZH,
    BuildingPart,
    Cause,
    Channel,
    Coverage,
    LocationKind,
    OrgKind,
    PeriodUnit,
    ProjectType,
    ResponsibleParty,
    Role,
    SignerRole,
    TicketState,
)
from app.models.warranty_terms import check_term, default_terms
from app.resource_locator import font_path

REFERENCE_NOW = dt.datetime(2026, 11, 24, 8, 0)  # UTC, naive like every stored time
HISTORY_DAYS = 3 * 365
CHUNK_TICKETS = 20_000
# From this size on, worker processes make the rows while this one writes (`parallel` None).
PARALLEL_FROM = 50_000

_MS_DAY = 86_400_000
_MS_HOUR = 3_600_000
_MS_MIN = 60_000
_LOCAL_MS = 8 * _MS_HOUR  # Asia/Shanghai: the dates people read (ticket year, due dates)
_EPOCH = dt.datetime(1970, 1, 1)
_ID_BITS = (0x7 << 76) | (0x2 << 62)  # UUIDv7 version and variant bits (app.models.ids)
_MASK62 = (1 << 62) - 1
_FTS_HASHSIZE_DEFAULT = 1 << 20  # FTS5's default 'hashsize'
_FTS_HASHSIZE_LOADING = 64 << 20  # bigger in-memory segments: fewer merges while loading

# Stored codes as plain strings (the hot loop compares and binds these).
S_RECEIVED = TicketState.RECEIVED.value
S_DIAGNOSING = TicketState.DIAGNOSING.value
S_PLANNING = TicketState.PLANNING.value
S_IN_REPAIR = TicketState.IN_REPAIR.value
S_ACCEPTANCE = TicketState.ACCEPTANCE.value
S_FOLLOW_UP = TicketState.FOLLOW_UP.value
S_ARCHIVED = TicketState.ARCHIVED.value
S_NOT_COVERED = TicketState.NOT_COVERED.value
S_CANCELLED = TicketState.CANCELLED.value

_COUNT_UNITS = frozenset({"个", "支", "套", "根", "块", "片", "条", "瓶", "卷", "副", "台", "组", "只"})


@dataclass(frozen=True)
class DemoSummary:
    """What one generation added: rows per table, attachment files stored, elapsed seconds."""

    org_units: int
    staff: int
    projects: int
    project_subcontractors: int
    warranty_terms: int
    locations: int
    customers: int
    unit_ownerships: int
    tickets: int
    ticket_events: int
    plan_materials: int
    work_logs: int
    attachments: int
    signatures: int
    search_docs: int
    files: int
    elapsed_seconds: float

    def row_counts(self) -> dict[str, int]:
        """Rows added per table (without the file count and the time)."""
        values = asdict(self)
        del values["elapsed_seconds"], values["files"]
        return values


def generate_demo(
    db: Database,
    tickets: int,
    seed: int,
    progress: Callable[[int, int], None] | None = None,
    *,
    now: dt.datetime = REFERENCE_NOW,
    parallel: bool | None = None,
) -> DemoSummary:
    """Add an organisation, projects, places, owners and `tickets` tickets with full history.

    `db` is an open, migrated store, possibly holding data already: the demo rows are added,
    ticket numbers and search ids continue after the existing ones. `progress(done, total)`
    is called after each chunk of tickets. `now` is the reference time the history ends at
    (UTC, naive). `parallel` makes the rows in worker processes while this one writes (None:
    for large data sets on several cores, never in a frozen bundle); the data are the same.
    """
    if tickets < 0:
        raise ValueError("tickets must be ≥ 0")
    started = time.perf_counter()
    photos, signatures = _store_files(db)
    raw = db.engine.raw_connection()
    try:
        with tempfile.TemporaryDirectory(prefix="warrantydesk-demo-", dir=_staging_root()) as staging:
            writer = _Writer(raw.driver_connection, staging)
            plan = writer.plan(tickets, seed, now.replace(tzinfo=None), db.installation_code, photos, signatures)
            if _use_workers(tickets, parallel):
                # Close the workers' stream (ending them) before the folder goes.
                with contextlib.closing(_worker_batches(plan, staging)) as batches:
                    counts = writer.write_all(batches, progress)
            else:
                counts = writer.write_all(_DemoGenerator(plan).batches(), progress)
    finally:
        raw.close()
    # Escalations, two retrospective meetings and a typical case on top of the tickets.
    from app.demo.retrospectives import add_demo_retrospectives

    add_demo_retrospectives(db, now.replace(tzinfo=None), seed)
    counts["files"] = len(photos) + len(signatures)
    return DemoSummary(**counts, elapsed_seconds=round(time.perf_counter() - started, 3))


@dataclass(frozen=True)
class _Plan:
    """Everything the generation needs, picklable (it crosses to the worker processes)."""

    tickets: int
    seed: int
    now: dt.datetime
    installation_code: str
    counters: dict[int, int]  # year → last sequence already issued
    doc_id: int  # the last search document id in use
    project_codes: frozenset[str]
    photos: tuple[tuple[str, int], ...]  # (sha256, size)
    signatures: tuple[str, ...]
    chunk_tickets: int = CHUNK_TICKETS  # part of the data: each chunk has its own random stream


# ---------------------------------------------------------------------------------------------
# Tables and their columns, in the order the generator makes the values
# ---------------------------------------------------------------------------------------------

_COLUMNS: dict[str, tuple[str, ...]] = {
    "org_unit": ("id", "name", "kind", "parent_id", "trades", "contact_name", "contact_phone", "created_at",
                 "updated_at"),
    "staff": ("id", "name", "phone", "role", "org_unit_id", "active", "created_at", "updated_at"),
    "project": (
        "code", "name", "type", "address", "project_dept_id", "manager_id", "handover_date", "delivery_date",
        "design_service_life_years", "heating_season_start", "heating_season_end", "cooling_season_start",
        "cooling_season_end", "sla_emergency_hours", "sla_urgent_hours", "sla_normal_hours", "repair_days",
        "sla_emergency_response_minutes", "sla_urgent_response_minutes", "sla_normal_response_minutes",
        "recurrence_threshold", "recurrence_window_days", "cost_rule", "retention_amount_fen",
        "retention_release_date", "id", "created_at", "updated_at",
    ),
    "warranty_term": ("project_id", "building_part", "period", "unit", "id", "created_at", "updated_at"),
    "project_subcontractor": ("project_id", "org_unit_id", "trade", "id", "created_at", "updated_at"),
    "location": ("project_id", "parent_id", "kind", "name", "full_name", "sort_key", "id", "created_at",
                 "updated_at"),
    "customer": ("name", "phone", "alt_phone", "preferences", "notes", "id", "created_at", "updated_at"),
    "unit_ownership": ("customer_id", "location_id", "since", "id", "created_at", "updated_at"),
    "ticket": (
        "number", "state", "urgency", "project_id", "location_id", "location_label", "customer_id", "channel",
        "reporter_name", "reporter_phone", "description", "reported_at", "registered_by_id", "owner_id",
        "response_due_at", "responded_at", "arrival_due_at", "arrived_at", "completion_due_at",
        "completed_at", "paused_since", "paused_minutes", "cause", "defect_category_id", "building_part",
        "structural_safety", "report_to_authority", "responsible_party", "responsible_org_id", "coverage",
        "coverage_end_date", "coverage_reason", "diagnosed_at", "not_covered_reason",
        "not_covered_approved_by_id", "paid_repair_offered", "plan_people", "plan_duration_hours",
        "plan_safety_measures", "plan_appointment_at", "plan_sop_ref", "plan_by_design_unit", "planned_at",
        "acceptance_result", "acceptance_comment", "satisfaction", "satisfaction_comment", "accepted_at",
        "follow_up_due_on", "followed_up_at", "follow_up_result", "archived_at", "cancel_reason",
        "duplicate_of_id", "rework_count", "version", "id", "created_at", "updated_at",
    ),
    "ticket_event": ("id", "ticket_id", "at", "actor_id", "kind", "field", "old_value", "new_value", "note",
                     "seq"),
    "plan_material": ("id", "ticket_id", "name", "spec", "quantity", "unit", "sort_key", "created_at",
                      "updated_at"),
    "work_log": ("id", "ticket_id", "started_at", "ended_at", "people", "description", "materials_used",
                 "author_id", "created_at", "updated_at"),
    "attachment": ("id", "ticket_id", "work_log_id", "sha256", "size", "mime_type", "original_name", "stage",
                   "caption", "created_at", "created_by_id"),
    "signature": ("id", "ticket_id", "signer_role", "signer_name", "method", "image_sha256", "signed_at",
                  "created_by_id"),
}
_TICKET_ID_INDEX = _COLUMNS["ticket"].index("id")
REFERENCE_TABLES = (
    "org_unit", "staff", "project", "warranty_term", "project_subcontractor", "location", "customer",
    "unit_ownership",
)
TICKET_TABLES = ("ticket", "ticket_event", "plan_material", "work_log", "attachment", "signature")
# Tables copied as staged (the events are written from the staged actions instead).
_COPIED_TABLES = ("plan_material", "work_log", "attachment", "signature")
# A staged ticket row carries two more values: its search text (the body of its FTS row) and
# the first 14 bytes of its events' ids.
_STAGED_TICKET_COLUMNS = (*_COLUMNS["ticket"], "search_body", "event_base")
_COUNT_NAMES = {
    "org_unit": "org_units", "staff": "staff", "project": "projects",
    "project_subcontractor": "project_subcontractors", "warranty_term": "warranty_terms",
    "location": "locations", "customer": "customers", "unit_ownership": "unit_ownerships",
    "ticket": "tickets", "ticket_event": "ticket_events", "plan_material": "plan_materials",
    "work_log": "work_logs", "attachment": "attachments", "signature": "signatures",
    "ticket_search_doc": "search_docs",
}


def _insert_sql(table: str) -> str:
    columns = _COLUMNS[table]
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({','.join('?' * len(columns))})"


# ---------------------------------------------------------------------------------------------
# Running the generation here or in worker processes
# ---------------------------------------------------------------------------------------------


def _use_workers(tickets: int, parallel: bool | None) -> bool:
    if parallel is not None:
        return parallel
    if getattr(sys, "frozen", False) or not sys.executable:
        return False  # a bundle's executable is the app, not a Python interpreter
    return tickets >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2


# Chunks a worker may stage ahead of the writer (each is a temporary file of ~100 MB).
_STAGED_AHEAD = 2


def _staging_root() -> str | None:
    """Where staged chunks go: memory-backed /dev/shm when it has room (they are read once and
    deleted; on disk they would compete with the store's own writes), else the temp folder."""
    shm = Path("/dev/shm")
    try:
        free = shutil.disk_usage(shm).free if shm.is_dir() and os.access(shm, os.W_OK) else 0
    except OSError:
        free = 0
    return str(shm) if free > 2 << 30 else None


def _worker_count() -> int:
    return max(2, min(4, os.cpu_count() or 1))


def _worker_batches(plan: _Plan, staging: str, workers: int | None = None) -> Iterator[tuple]:
    """The batches, made by worker processes: worker j makes chunks j, j+W, j+2W... and stages
    each as a SQLite file the writer copies with SQL (binding values is the workers' work too).

    Plain subprocesses (not multiprocessing), so the caller's main module is never re-imported.
    A worker's stdin carries its task and then one byte per chunk consumed; its stdout carries
    length-prefixed pickled messages. Worker 0 also sends the reference rows and the counters.
    """
    import app

    workers = workers or _worker_count()
    root = str(Path(app.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (root, env.get("PYTHONPATH"))))
    children: list[subprocess.Popen] = []
    done = False
    try:
        for worker in range(workers):
            child = subprocess.Popen(
                [sys.executable, "-c", "from app.demo.generator import _worker_main; _worker_main()"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
            )
            children.append(child)
            task = pickle.dumps((plan, staging, worker, workers), protocol=pickle.HIGHEST_PROTOCOL)
            child.stdin.write(len(task).to_bytes(8, "big") + task)
            child.stdin.flush()
        yield _receive(children[0], "reference")
        for k in range(-(-plan.tickets // plan.chunk_tickets)):
            child = children[k % workers]
            message = _receive(child, "staged")
            yield message
            Path(message[1]).unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # the worker may be done already
                child.stdin.write(b"+")  # one more chunk may be staged
                child.stdin.flush()
        yield _receive(children[0], "counters")
        for child in children:
            _receive(child, "end")
        done = True
    finally:
        for child in children:
            with contextlib.suppress(OSError):
                child.stdin.close()
            child.stdout.close()
            if not done and child.poll() is None:
                child.kill()
            child.wait()


def _receive(child: subprocess.Popen, expected: str) -> tuple:
    header = child.stdout.read(8)
    if len(header) < 8:
        raise RuntimeError("演示数据生成进程意外退出")
    message = pickle.loads(child.stdout.read(int.from_bytes(header, "big")))
    if message[0] == "error":
        raise RuntimeError(f"演示数据生成失败：\n{message[1]}")
    if message[0] != expected:
        raise RuntimeError(f"演示数据生成进程发来 {message[0]!r}，应为 {expected!r}")
    return message


def _worker_main() -> None:
    """Entry point of a worker process: read the task, stage its chunks, report them."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints go to stderr, never into the message stream
    source = sys.stdin.buffer

    def send(message: tuple) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        out.write(len(data).to_bytes(8, "big") + data)
        out.flush()

    try:
        size = int.from_bytes(source.read(8), "big")
        plan, staging, worker, workers = pickle.loads(source.read(size))
        # The rows are plain tuples and lists without cycles: the cyclic collector would only
        # walk them over and over (about 15 % of a chunk's time).
        gc.disable()
        generator = _DemoGenerator(plan)
        generator.prepare()
        if worker == 0:
            send(("reference", generator.reference_rows()))
        ahead = 0
        for k in range(worker, generator.chunk_count, workers):
            if ahead >= _STAGED_AHEAD:
                if not source.read(1):
                    return  # the writer is gone
                ahead -= 1
            rows = generator.chunk(k)
            done = generator.chunk_bounds(k)[1]
            path = _stage(Path(staging) / f"chunk-{k:06d}.db", rows)
            send(("staged", str(path), done, generator.n, generator.first_doc_id(k)))
            ahead += 1
        if worker == 0:
            send(("counters", generator.final_counters()))
        send(("end",))
    except BrokenPipeError:
        return  # the writer stopped (it failed or was cancelled)
    except BaseException:
        with contextlib.suppress(OSError):
            send(("error", traceback.format_exc()))
    finally:
        with contextlib.suppress(OSError):
            out.close()


_STAGE_ROWS = 16  # rows per INSERT while staging (16 × 60 ticket values < 999 parameters)


def _stage_rows(con: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    one = f"({','.join('?' * len(columns))})"
    names = ", ".join(columns)
    # Several rows per statement: fewer calls into the driver (about 10 % faster).
    full = len(rows) - len(rows) % _STAGE_ROWS
    if full:
        flat = chain.from_iterable
        con.executemany(
            f"INSERT INTO {table} ({names}) VALUES {','.join([one] * _STAGE_ROWS)}",
            [tuple(flat(rows[i : i + _STAGE_ROWS])) for i in range(0, full, _STAGE_ROWS)],
        )
    con.executemany(f"INSERT INTO {table} ({names}) VALUES {one}", rows[full:])


def _stage(path: Path, rows: tuple[list, ...]) -> Path:
    """Write one chunk's rows into a plain SQLite file (no indexes, no journal): the tickets,
    their actions (one row per action, in key order), the other rows per table, and
    the small tables the events are expanded with (templates, actors, seq bytes)."""
    tickets, actions, materials, logs, attachments, signatures, actors = rows
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA page_size=65536")  # a new file: big pages, fewer writes and reads
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute("BEGIN")
        # What the event expansion reads of a ticket first (a wide row is decoded up to the
        # column read).
        first = ("event_base", "id", *_TICKET_REFS)
        columns = (*first, *(c for c in _STAGED_TICKET_COLUMNS if c not in first))
        con.execute(f"CREATE TABLE ticket ({', '.join(columns)})")
        _stage_rows(con, "ticket", _STAGED_TICKET_COLUMNS, tickets)
        # The key is the rowid: the expansion reads the actions in (ticket, seq) order.
        con.execute(f"CREATE TABLE action (k INTEGER PRIMARY KEY, at, {', '.join(_ACTION_VALUES)})")
        _stage_rows(con, "action", ("k", "at", *_ACTION_VALUES), actions)
        for table, table_rows in zip(_COPIED_TABLES, (materials, logs, attachments, signatures), strict=True):
            columns = _COLUMNS[table]
            con.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
            _stage_rows(con, table, columns, table_rows)
        con.execute(
            "CREATE TABLE template (tpl, idx, kind, field, old_source, old_value, new_source, new_value,"
            " note_source, note, PRIMARY KEY (tpl, idx)) WITHOUT ROWID"
        )
        con.executemany(f"INSERT INTO template VALUES ({','.join('?' * 10)})", _TEMPLATE_ROWS)
        con.execute("CREATE TABLE actor (n INTEGER PRIMARY KEY, id)")
        con.executemany("INSERT INTO actor VALUES (?, ?)", actors)
        con.execute("CREATE TABLE seq_bytes (n INTEGER PRIMARY KEY, b)")
        con.executemany("INSERT INTO seq_bytes VALUES (?, ?)", _SEQ_BYTES)
        con.execute("COMMIT")
    finally:
        con.close()
    return path


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


# Ticket indexes whose keys arrive in random order (the place, its label, the customer): kept up
# row by row they cost a random B-tree descent and a dirty page per ticket, built once after a
# big load they are one sort each.
_DEFERRED_INDEXES = ("ix_ticket_location_id", "ix_ticket_location_label", "ix_ticket_customer_id")
_DEFER_INDEXES_FROM = 50_000


class _Writer:
    """Writes the batches on one DB-API connection: a transaction per chunk, loading pragmas."""

    def __init__(self, con, staging: str) -> None:
        self.con = con
        self.cur = con.cursor()
        self.staging = staging  # a folder for the chunks made in this process
        self.counts = dict.fromkeys(_COUNT_NAMES.values(), 0)
        self.defer_indexes = False

    def plan(self, tickets, seed, now, code, photos, signatures) -> _Plan:
        cur = self.cur
        counters = dict(cur.execute("SELECT year, last_seq FROM ticket_counter WHERE installation_code = ?", (code,)))
        doc_id = cur.execute("SELECT coalesce(max(doc_id), 0) FROM ticket_search_doc").fetchone()[0]
        # Rebuilding an index costs about what the rows already in it do; keeping it costs a
        # random B-tree descent and dirty page per row added.
        existing = cur.execute("SELECT count(*) FROM ticket").fetchone()[0]
        self.defer_indexes = tickets >= max(existing, _DEFER_INDEXES_FROM)
        codes = frozenset(row[0] for row in cur.execute("SELECT code FROM project"))
        self.code = code
        return _Plan(tickets, seed, now, code, counters, doc_id, codes, tuple(photos), tuple(signatures),
                     CHUNK_TICKETS)

    def write_all(self, batches: Iterator[tuple], progress: Callable[[int, int], None] | None) -> dict[str, int]:
        con, cur = self.con, self.cur
        con.commit()
        journal = cur.execute("PRAGMA journal_mode").fetchone()[0]
        # Loading settings, all restored below: a rollback journal instead of WAL (each page is
        # written once, not to the WAL and again at the checkpoint), no fsync per chunk, a big
        # page cache, no foreign-key lookups (the generator refers only to rows it wrote before).
        # (No journal at all, even for a new store, measured no faster: the pages a chunk
        # changes are mostly new ones, which are not journaled; and a failed chunk could not be
        # rolled back.)
        with contextlib.suppress(sqlite3.OperationalError):  # refused while others have it open
            cur.execute("PRAGMA journal_mode=DELETE")
        cur.execute("PRAGMA synchronous=OFF")
        cur.execute("PRAGMA foreign_keys=OFF")
        cur.execute("PRAGMA cache_size=-1048576")
        cur.execute("INSERT INTO ticket_fts(ticket_fts, rank) VALUES ('hashsize', ?)", (_FTS_HASHSIZE_LOADING,))
        deferred = self._drop_deferred_indexes() if self.defer_indexes else []
        con.commit()
        try:
            for batch in batches:
                kind = batch[0]
                if kind == "reference":
                    self._insert(REFERENCE_TABLES, batch[1])
                elif kind == "chunk":  # made here: staged like a worker's, then copied
                    path = Path(self.staging) / f"chunk-{batch[2]:09d}.db"
                    try:
                        with collector_paused():
                            _stage(path, batch[1])
                        self._copy(str(path), batch[4])
                    finally:
                        path.unlink(missing_ok=True)
                elif kind == "staged":
                    self._copy(batch[1], batch[4])
                elif kind == "counters":
                    # The app continues numbering after the demo tickets.
                    cur.executemany(
                        "INSERT INTO ticket_counter (installation_code, year, last_seq) VALUES (?,?,?)"
                        " ON CONFLICT (installation_code, year)"
                        " DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)",
                        [(self.code, year, seq) for year, seq in batch[1]],
                    )
                con.commit()
                if kind in ("chunk", "staged") and progress is not None:
                    progress(batch[2], batch[3])
        finally:
            con.rollback()
            for sql in deferred:  # also after a failure: the store keeps all its indexes
                cur.execute(sql)
            cur.execute("INSERT INTO ticket_fts(ticket_fts, rank) VALUES ('hashsize', ?)", (_FTS_HASHSIZE_DEFAULT,))
            con.commit()
            cur.execute("PRAGMA cache_size=-2000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=FULL")
            with contextlib.suppress(sqlite3.OperationalError):
                cur.execute(f"PRAGMA journal_mode={journal}")
            cur.close()
        return self.counts

    def _drop_deferred_indexes(self) -> list[str]:
        """Drop the indexes whose keys arrive in random order; returns their CREATE statements."""
        cur = self.cur
        statements = []
        for name in _DEFERRED_INDEXES:
            row = cur.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone()
            if row is not None:
                statements.append(row[0])
                cur.execute(f"DROP INDEX {name}")
        return statements

    def _insert(self, tables: tuple[str, ...], rows: tuple[list, ...]) -> None:
        cur = self.cur
        for table, table_rows in zip(tables, rows, strict=True):
            if table_rows:
                cur.executemany(_insert_sql(table), table_rows)
            name = _COUNT_NAMES.get(table)
            if name is not None:
                self.counts[name] += len(table_rows)

    def _copy(self, path: str, first_doc_id: int) -> None:
        """Copy a staged chunk with SQL: its rows, and for each ticket (in report order) the
        search document and FTS row app.models.search would write."""
        cur = self.cur
        cur.execute("ATTACH DATABASE ? AS stage", (path,))
        cur.execute("PRAGMA stage.mmap_size=1073741824")  # read it mapped, not copied
        try:
            for table in TICKET_TABLES:
                columns = ", ".join(_COLUMNS[table])
                if table == "ticket_event":
                    cur.execute(f"INSERT INTO main.ticket_event ({columns}) {_EXPAND_SQL}")
                else:
                    cur.execute(
                        f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM stage.{table} ORDER BY rowid"
                    )
                self.counts[_COUNT_NAMES[table]] += cur.rowcount
            base = first_doc_id - 1  # staged tickets are rowids 1, 2, ... in report order
            cur.execute(
                "INSERT INTO main.ticket_search_doc (doc_id, ticket_id) SELECT ? + rowid, id FROM stage.ticket"
                " ORDER BY rowid", (base,)
            )
            self.counts["search_docs"] += cur.rowcount
            cur.execute(
                "INSERT INTO main.ticket_fts (rowid, body) SELECT ? + rowid, search_body FROM stage.ticket"
                " ORDER BY rowid", (base,)
            )
            self.con.commit()
        except BaseException:
            self.con.rollback()  # a transaction in progress would keep the file attached
            raise
        finally:
            with contextlib.suppress(sqlite3.Error):
                cur.execute("DETACH DATABASE stage")


# ---------------------------------------------------------------------------------------------
# Small helpers: ids, time formatting, bigram text
# ---------------------------------------------------------------------------------------------


def _id_maker(rng: random.Random) -> Callable[[int], bytes]:
    """A function ms → 16 id bytes, identical to `seeded_id(rng, ms).bytes` (but cheaper)."""
    getrandbits = rng.getrandbits

    def make(ms: int) -> bytes:
        r = getrandbits(74)
        return ((ms << 80) | ((r >> 62) << 64) | (r & _MASK62) | _ID_BITS).to_bytes(16, "big")

    return make


def _row_id_maker(rng: random.Random) -> Callable[[int], bytearray]:
    """`_id_maker` for ids that only go into rows: the same bytes as a bytearray, which the
    sqlite3 module binds about four times faster than bytes (no adapter lookup)."""
    getrandbits = rng.getrandbits

    def make(ms: int) -> bytearray:
        r = getrandbits(74)
        return bytearray(((ms << 80) | ((r >> 62) << 64) | (r & _MASK62) | _ID_BITS).to_bytes(16, "big"))

    return make


class _Blobs(dict):
    """bytearray twins of ids kept as bytes (dictionary keys), for binding (None stays None)."""

    def __missing__(self, key: bytes | None) -> bytearray | None:
        value = self[key] = None if key is None else bytearray(key)
        return value


def _uuid_text(value: bytes | bytearray) -> str:
    """str(uuid.UUID(bytes=value)), as app.models.history.encode writes an id."""
    h = value.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _ms(value: dt.datetime) -> int:
    return (value - _EPOCH) // dt.timedelta(milliseconds=1)


def _utc_ms(day: dt.date, local_time: dt.time = dt.time()) -> int:
    """Epoch ms (UTC) of a local (Asia/Shanghai) date and time."""
    return _ms(dt.datetime.combine(day, local_time)) - _LOCAL_MS


class _Clock:
    """Formats epoch milliseconds the way SQLAlchemy stores DateTime in SQLite (microseconds)."""

    @staticmethod
    @functools.lru_cache(maxsize=2)
    def around(today: dt.date) -> _Clock:
        """Days from before the oldest project to beyond the longest design life (cached)."""
        return _Clock(today - dt.timedelta(days=9 * 366), 120 * 366)

    def __init__(self, first_day: dt.date, days: int) -> None:
        self.first_day = first_day
        self.base = _ms(dt.datetime.combine(first_day, dt.time()))
        self.dates = [first_day + dt.timedelta(days=d) for d in range(days)]
        self.day_text = [day.isoformat() for day in self.dates]
        self.years = [day.year for day in self.dates]
        self.months = [day.month for day in self.dates]
        self._prefix = [text + " " for text in self.day_text]
        self._hms = [f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)]
        self._frac = [f".{ms:03d}000" for ms in range(1000)]
        self._compact_day = [text.replace("-", "") for text in self.day_text]
        self._compact_hms = [text.replace(":", "") for text in self._hms]

    def formatter(self) -> Callable[[int], str]:
        base, prefix, hms, frac = self.base, self._prefix, self._hms, self._frac

        def fmt(ms: int) -> str:
            d, r = divmod(ms - base, _MS_DAY)
            s, f = divmod(r, 1000)
            return prefix[d] + hms[s] + frac[f]

        return fmt

    def photo_namer(self) -> Callable[[int], str]:
        """A phone-style file name from an instant in local time: IMG_20250312_101522.jpg."""
        base, days, hms = self.base - _LOCAL_MS, self._compact_day, self._compact_hms

        def name(ms: int) -> str:
            d, r = divmod(ms - base, _MS_DAY)
            return f"IMG_{days[d]}_{hms[r // 1000]}.jpg"

        return name


def _bigram_text(value: str) -> str:
    """The search-index text of one field value (`app.models.search.index_body` of it alone)."""
    return " ".join(bigrams(value))


def _digits_bigram_text(digits: str) -> str:
    """`_bigram_text` for one run of lowercase letters/digits (phones, sequence numbers)."""
    return " ".join([digits[i : i + 2] for i in range(len(digits) - 1)] + [digits[-1]])


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# ---------------------------------------------------------------------------------------------
# Placeholder photos and signatures (drawn once, stored by content hash)
# ---------------------------------------------------------------------------------------------

_PHOTO_COLOURS = (
    ((150, 150, 146), (92, 94, 96)),  # concrete
    ((222, 210, 186), (160, 140, 110)),  # plastered wall
    ((196, 214, 224), (110, 140, 160)),  # tiles
    ((90, 92, 96), (40, 42, 44)),  # asphalt
    ((214, 200, 170), (120, 96, 70)),  # damp wall
    ((176, 190, 170), (96, 116, 92)),  # steel / paint
)
PHOTO_COUNT = 12
SIGNATURE_COUNT = 6


@functools.cache
def _photo_bytes(number: int, font_file: str) -> bytes:
    """A visibly fake 'site photo': gradient, a stain and a crack, and the sample label."""
    draw_rng = random.Random(7919 * number)
    top, bottom = _PHOTO_COLOURS[number % len(_PHOTO_COLOURS)]
    width, height = 640, 480
    mask = Image.linear_gradient("L").resize((width, height))
    image = Image.composite(Image.new("RGB", (width, height), bottom), Image.new("RGB", (width, height), top), mask)
    draw = ImageDraw.Draw(image)
    cx, cy = draw_rng.randint(180, 460), draw_rng.randint(140, 300)
    for radius in range(110, 10, -20):
        shade = tuple(max(0, c - (130 - radius) // 3) for c in top)
        draw.ellipse((cx - radius * 1.3, cy - radius, cx + radius * 1.3, cy + radius), fill=shade)
    x, y = draw_rng.randint(60, 200), draw_rng.randint(40, 120)
    points = [(x, y)]
    for _ in range(14):
        x += draw_rng.randint(10, 35)
        y += draw_rng.randint(-8, 30)
        points.append((x, y))
    draw.line(points, fill=(35, 30, 28), width=3)
    font_big = ImageFont.truetype(font_file, 40, index=0)
    font_small = ImageFont.truetype(font_file, 22, index=0)
    draw.rectangle((0, height - 110, width, height), fill=(0, 0, 0))
    draw.text((24, height - 100), f"现场照片 示例 #{number}", font=font_big, fill=(255, 255, 255))
    draw.text((24, height - 44), "示例图片 · 演示数据，非真实现场", font=font_small, fill=(255, 210, 80))
    draw.rectangle((4, 4, width - 5, height - 5), outline=(255, 210, 80), width=4)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80, optimize=True)
    return out.getvalue()


@functools.cache
def _signature_bytes(number: int) -> bytes:
    """A handwritten-looking stroke on white (a demo on-screen signature)."""
    draw_rng = random.Random(104729 * (number + 1))
    width, height = 420, 150
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    waves = [(draw_rng.uniform(0.02, 0.09), draw_rng.uniform(0, 6.3), draw_rng.uniform(8, 30)) for _ in range(3)]
    for stroke in range(draw_rng.randint(2, 3)):
        start = 30 + stroke * 120 + draw_rng.randint(0, 20)
        points = []
        for step in range(draw_rng.randint(90, 160)):
            px = start + step
            py = height / 2 + sum(amp * math.sin(freq * px + phase) for freq, phase, amp in waves)
            py += 18 * math.sin(step / 9.0 + stroke)
            points.append((px, py))
        draw.line(points, fill=20, width=3, joint="curve")
    draw.line((30, height - 22, width - 30, height - 22), fill=180, width=1)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _store_files(db: Database) -> tuple[list[tuple[str, int]], list[str]]:
    """The sample photos and signatures in the attachment store (identical files: stored once)."""
    store = AttachmentStore(attachments_dir(db.path))
    font_file = str(font_path())
    photos = []
    for number in range(1, PHOTO_COUNT + 1):
        stored = store.put_bytes(_photo_bytes(number, font_file))
        photos.append((stored.sha256, stored.size))
    signatures = [store.put_bytes(_signature_bytes(number)).sha256 for number in range(SIGNATURE_COUNT)]
    return photos, signatures


# ---------------------------------------------------------------------------------------------
# Reference data containers
# ---------------------------------------------------------------------------------------------


class _Staff:
    __slots__ = ("id", "blob", "text_id", "name", "phone", "role", "org", "n")

    def __init__(self, id_: bytes, name: str, phone: str, role: str, org: bytes) -> None:
        self.id = id_
        self.blob = bytearray(id_)  # for rows (see _row_id_maker)
        self.n = 0  # the number staged actions name their actor by
        h = id_.hex()
        self.text_id = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"  # str(uuid.UUID)
        self.name = name
        self.phone = phone
        self.role = role
        self.org = org


class _Category:
    """One defect category with its text pools (shared by the projects of its type)."""

    __slots__ = (
        "id", "blob", "text_id", "code", "part", "season", "family", "descriptions", "urgency_cum", "structural", "trade",
        "leak", "response", "accept", "follow_up", "rework", "complete",
    )


class _CoverageProject:
    """What app.models.coverage reads of a project (a plain object: no ORM attribute cost)."""

    __slots__ = (
        "handover_date", "design_service_life_years", "heating_season_start", "heating_season_end",
        "cooling_season_start", "cooling_season_end",
    )

    def __init__(self, handover: dt.date, design_life: int) -> None:
        self.handover_date = handover
        self.design_service_life_years = design_life
        self.heating_season_start, self.heating_season_end = "11-15", "03-15"
        self.cooling_season_start, self.cooling_season_end = "06-01", "09-30"


class _Project:
    __slots__ = (
        "id", "blob", "text_id", "type", "name", "dept", "dept_name", "manager", "techs", "clerks", "sla", "handover_ms",
        "delivery_ms", "model", "terms", "end_ms", "month_codes", "month_cum", "categories", "pools",
        "contacts", "subs_by_trade", "sub_staff", "weight", "code", "residential", "property",
    )


# Relative weights of the defect categories per project type (before the seasons).
_CATEGORY_WEIGHTS = {
    "bathroom_leak": 14, "roof_leak": 8, "exterior_wall_leak": 10, "window_leak": 7, "wall_crack": 9,
    "floor_hollow": 4, "ceiling_crack": 5, "structural_crack": 1, "pipe_leak": 9, "drain_blocked": 8,
    "electrical_fault": 8, "heating_fault": 5, "door_window_damage": 7, "tile_loose": 5,
    "pavement_crack": 12, "pavement_settlement": 8, "rutting": 6, "pothole": 10, "flatness": 5,
    "manhole": 9, "curb_damage": 5, "streetlight_fault": 8, "marking_worn": 5,
    "floor_crack": 8, "steel_corrosion": 4, "wall_panel_leak": 7, "crane_rail": 4, "door_fault": 6,
    "hvac_fault": 14, "pump_fault": 8, "elevator_fault": 10, "fire_alarm": 9, "power_distribution": 6,
    "noise_vibration": 5, "control_system": 5, "concrete_crack": 8, "joint_leak": 8,
    "slope_erosion": 5, "railing_damage": 5, "bearing_fault": 2,
}
# Share of the tickets per project type (residential work dominates warranty calls).
_TYPE_WEIGHTS = {
    ProjectType.RESIDENTIAL: 3.0,
    ProjectType.ROAD: 1.0,
    ProjectType.INDUSTRIAL: 0.9,
    ProjectType.MEP: 1.2,
    ProjectType.INFRASTRUCTURE: 0.7,
    ProjectType.OTHER: 0.5,
}
# The small set every generation includes, then further projects in this rotation.
_BASE_TYPES = (
    ProjectType.RESIDENTIAL, ProjectType.ROAD, ProjectType.INDUSTRIAL, ProjectType.MEP,
    ProjectType.RESIDENTIAL, ProjectType.INFRASTRUCTURE, ProjectType.OTHER,
)
_MORE_TYPES = (
    ProjectType.RESIDENTIAL, ProjectType.RESIDENTIAL, ProjectType.MEP, ProjectType.ROAD,
    ProjectType.RESIDENTIAL, ProjectType.INDUSTRIAL, ProjectType.INFRASTRUCTURE, ProjectType.RESIDENTIAL,
    ProjectType.MEP, ProjectType.OTHER,
)
_CHANNEL_CODES = [c.value for c in (Channel.HOTLINE, Channel.WECHAT, Channel.APP, Channel.ON_SITE, Channel.IMPORT)]
_CHANNELS_RESIDENTIAL = (_CHANNEL_CODES, [35, 65, 80, 92, 100])
_CHANNELS_OTHER = (_CHANNEL_CODES, [45, 55, 60, 90, 100])
_CAUSES = (
    [Cause.CONSTRUCTION_DEFECT.value, Cause.MATERIAL_EQUIPMENT.value, Cause.DESIGN.value,
     Cause.MISUSE.value, Cause.THIRD_PARTY.value, Cause.FORCE_MAJEURE.value],
    [820, 875, 900, 960, 995, 1000],
)
_SATISFACTION = ([5, 4, 3, 2, 1], [55, 83, 93, 98, 100])
_NOT_A_BUILDER = ("电子", "科技", "信息", "软件", "计算机", "电脑", "公司", "数字", "网", "国际", "讯", "100")


# ---------------------------------------------------------------------------------------------
# The generator (no database: it only makes rows)
# ---------------------------------------------------------------------------------------------


class _DemoGenerator:
    def __init__(self, plan: _Plan) -> None:
        self.plan = plan
        self.n = plan.tickets
        self.rng = random.Random(plan.seed)
        self.new_id = _id_maker(self.rng)
        self.new_row_id = _row_id_maker(self.rng)
        self.blobs = _Blobs()
        self.now = plan.now
        self.now_ms = _ms(plan.now)
        self.today = plan.now.date()
        self.clock = _Clock.around(self.today)
        self.fmt = self.clock.formatter()
        self.code = plan.installation_code
        self.project_codes = set(plan.project_codes)
        self.photos = list(plan.photos)
        self.signature_images = list(plan.signatures)
        self.bigram_cache: dict[str, str] = {}

    def prepare(self) -> None:
        """Everything every chunk needs: pools, organisation, projects, places, report times.

        Each chunk of tickets then draws from its own generator seeded from the master one, so
        chunks can be made in any order or in parallel processes and still give the same rows.
        """
        self._make_pools()
        self._make_organisation()
        self._make_projects()
        self.times = self._report_times()
        self.forced = self._forced_states(self.times)
        self.chunk_size = self.plan.chunk_tickets
        self.chunk_count = -(-self.n // self.chunk_size)
        self.chunk_seeds = [self.rng.getrandbits(64) for _ in range(self.chunk_count)]
        # Ticket numbers: the k-th ticket of a (local) year gets that year's k-th sequence.
        clock = self.clock
        self.year_first: dict[int, int] = {}
        if self.times:
            first_year = clock.years[(self.times[0] + _LOCAL_MS - clock.base) // _MS_DAY]
            last_year = clock.years[(self.times[-1] + _LOCAL_MS - clock.base) // _MS_DAY]
            for year in range(first_year, last_year + 2):
                self.year_first[year] = bisect.bisect_left(self.times, _utc_ms(dt.date(year, 1, 1)))
        # place → (report ms, id, number, actions, index in the chunk) of its last ticket
        self.last_by_location: dict[bytes, tuple[int, bytes, str, list, int]] = {}
        self.verdicts: dict[tuple, object] = {}  # coverage verdicts of this chunk, by their inputs
        self.simulate = _make_simulator(self)

    def reference_rows(self) -> tuple[list, ...]:
        return (
            self.org_rows, self.staff_rows, self.project_rows, self.term_rows, self.psub_rows,
            self.location_rows, self.customer_rows, self.ownership_rows,
        )

    def final_counters(self) -> list[tuple[int, int]]:
        """The last sequence issued per year once every ticket is numbered."""
        years = sorted(self.year_first)
        counters = dict(self.plan.counters)
        for year, following in zip(years, years[1:], strict=False):
            issued = self.year_first[following] - self.year_first[year]
            if issued:
                counters[year] = counters.get(year, 0) + issued
        return sorted(counters.items())

    def chunk_bounds(self, k: int) -> tuple[int, int]:
        return k * self.chunk_size, min(self.n, (k + 1) * self.chunk_size)

    def first_doc_id(self, k: int) -> int:
        """Search document ids follow report order and continue after those in the store."""
        return self.plan.doc_id + self.chunk_bounds(k)[0] + 1

    def batches(self) -> Iterator[tuple]:
        """("reference", rows per table), then ("chunk", rows per table, done, total, first doc
        id) per chunk of tickets, then ("counters", [(year, last sequence)])."""
        self.prepare()
        yield ("reference", self.reference_rows())
        for k in range(self.chunk_count):
            yield ("chunk", self.chunk(k), self.chunk_bounds(k)[1], self.n, self.first_doc_id(k))
        yield ("counters", self.final_counters())

    # -- pools ---------------------------------------------------------------------------------

    def _make_pools(self) -> None:
        """Names, phones and company words from Faker, once (Faker is slow per call)."""
        from faker import Faker

        fake = Faker("zh_CN")
        fake.seed_instance(self.plan.seed)
        rng = self.rng
        self.names = [fake.name() for _ in range(600 + min(6000, self.n // 50))]
        # Faker's 字号 (trade names), without the IT-sounding ones: these are builders.
        self.company_words = []
        for _ in range(300):
            word = fake.company_prefix()
            if (2 <= len(word) <= 4 and word not in self.company_words and not word.isascii()
                    and not any(w in word for w in _NOT_A_BUILDER)):
                self.company_words.append(word)
        self.phone_prefixes = sorted({fake.phone_number()[:3] for _ in range(400)})
        self._phones_used: set[str] = set()
        self.city = rng.choice(V.CITIES)

    def _phone(self) -> str:
        rng = self.rng
        while True:
            phone = rng.choice(self.phone_prefixes) + f"{rng.randrange(100_000_000):08d}"
            if phone not in self._phones_used:
                self._phones_used.add(phone)
                return phone

    def _bg(self, value: str) -> str:
        cached = self.bigram_cache.get(value)
        if cached is None:
            cached = self.bigram_cache[value] = _bigram_text(value)
        return cached

    # -- organisation and people ---------------------------------------------------------------

    def _make_organisation(self) -> None:
        """总部, 项目部 and 分包单位, and staff in every role (a few hundred at a million tickets)."""
        rng = self.rng
        n = self.n
        self.n_projects = max(len(_BASE_TYPES), n // 20_000)
        n_depts = max(3, math.ceil(self.n_projects / 3))
        staff_target = round(20 + 8 * math.sqrt(n / 1000))
        t_org = self.now_ms - 8 * 365 * _MS_DAY
        self.org_rows: list[tuple] = []
        self.staff_rows: list[tuple] = []
        staff_count = 0

        def add_org(name, kind, parent, trades="", contact=("", "")) -> bytes:
            created = t_org + rng.randrange(30 * _MS_DAY)
            org_id = self.new_id(created)
            stamp = self.fmt(created)
            self.org_rows.append((org_id, name, kind, parent, trades, contact[0], contact[1], stamp, stamp))
            return org_id

        def add_staff(role: Role, org: bytes) -> _Staff:
            nonlocal staff_count
            staff_count += 1
            return self._add_staff(role, org, t_org + rng.randrange(200 * _MS_DAY))

        self.company = f"{self.city}{rng.choice(self.company_words)}{V.HQ_SUFFIX}"
        self.hq = add_org(f"{self.company}（{V.HQ_DEPARTMENT}）", OrgKind.HQ.value, None,
                          contact=(rng.choice(self.names), self._phone()))
        self.hq_admins = [add_staff(Role.HQ_ADMIN, self.hq) for _ in range(2 if n < 100_000 else 4)]
        self.hq_clerks = [add_staff(Role.CLERK, self.hq) for _ in range(1 if n < 100_000 else 3)]

        self.depts = []
        for i in range(n_depts):
            name = V.PROJECT_DEPT_NAMES[i] if i < len(V.PROJECT_DEPT_NAMES) else f"第{i + 1}工程项目部"
            org = add_org(name, OrgKind.PROJECT_DEPT.value, self.hq, contact=(rng.choice(self.names), self._phone()))
            self.depts.append({"id": org, "name": name, "clerks": [], "techs": []})

        # Subcontractors: at least one per trade, more for bigger data sets.
        trades = list(V.TRADES)
        self.subs = []
        for i in range(max(len(trades), self.n_projects // 2)):
            trade = trades[i % len(trades)]
            own_trades = [trade]
            if rng.random() < 0.25:
                extra = rng.choice(trades)
                if extra != trade:
                    own_trades.append(extra)
            word = rng.choice(self.company_words)
            name = f"{self.city}{word}{V.TRADES[trade]}{rng.choice(V.COMPANY_SUFFIXES)}"
            contact = (rng.choice(self.names), self._phone())
            org = add_org(name, OrgKind.SUBCONTRACTOR.value, self.hq, "、".join(own_trades), contact)
            self.subs.append({"id": org, "name": name, "short": f"{word}{trade}", "trades": own_trades, "staff": []})

        # Clerks and technicians per department (each project adds its manager).
        for dept in self.depts:
            dept["clerks"].append(add_staff(Role.CLERK, dept["id"]))
            if n >= 200_000:
                dept["clerks"].append(add_staff(Role.CLERK, dept["id"]))
        for sub in self.subs:
            sub["staff"].append(add_staff(Role.TECHNICIAN, sub["id"]))
        techs_total = max(2 * n_depts, staff_target - staff_count - self.n_projects)
        for i in range(techs_total):
            dept = self.depts[i % n_depts]
            dept["techs"].append(add_staff(Role.TECHNICIAN, dept["id"]))

    def _add_staff(self, role: Role, org: bytes, created: int) -> _Staff:
        rng = self.rng
        person = _Staff(self.new_id(created), rng.choice(self.names), self._phone(), role.value, org)
        stamp = self.fmt(created)
        self.staff_rows.append((person.id, person.name, person.phone, person.role, org, 1, stamp, stamp))
        person.n = len(self.staff_rows)
        if person.n > _KEY_MASK:
            raise AssertionError("too many staff for the staged action key")
        return person

    # -- projects, terms, places, owners -------------------------------------------------------

    def _make_projects(self) -> None:
        rng = self.rng
        n_projects = self.n_projects
        types = list(_BASE_TYPES)
        while len(types) < n_projects:
            types.append(_MORE_TYPES[(len(types) - len(_BASE_TYPES)) % len(_MORE_TYPES)])
        types = types[:n_projects]
        # Handover 1–6 years ago, spread so the first years of history have projects too.
        years_ago = [1.05 + 4.9 * (i + rng.random()) / n_projects for i in range(n_projects)]
        rng.shuffle(years_ago)
        years_ago[0] = max(years_ago[0], 3.6)  # the first residential project spans all history
        total_weight = sum(_TYPE_WEIGHTS[t] for t in types)

        self.project_rows: list[tuple] = []
        self.term_rows: list[tuple] = []
        self.psub_rows: list[tuple] = []
        self.location_rows: list[tuple] = []
        self.customer_rows: list[tuple] = []
        self.ownership_rows: list[tuple] = []
        self.customers: list[tuple[bytes, str, str, str, int]] = []  # id, name, phone, person, since
        self.projects: list[_Project] = []
        self.categories: dict[tuple[str, str], _Category] = {}
        used_names: set[str] = set()
        for i, ptype in enumerate(types):
            project = _Project()
            project.type = ptype
            project.residential = ptype == ProjectType.RESIDENTIAL
            project.weight = _TYPE_WEIGHTS[ptype] * (0.6 + 0.8 * rng.random())
            handover = self.today - dt.timedelta(days=int(years_ago[i] * 365.25))
            delivery = handover + dt.timedelta(days=rng.randint(10, 75))
            project.handover_ms = _utc_ms(handover)
            project.delivery_ms = _utc_ms(delivery, dt.time(9))
            dept = self.depts[i % len(self.depts)]
            project.dept = dept["id"]
            project.dept_name = dept["name"]
            created = project.handover_ms - rng.randint(5, 40) * _MS_DAY
            project.manager = self._add_staff(Role.PROJECT_MANAGER, dept["id"], created)
            project.techs = dept["techs"]
            project.clerks = dept["clerks"]
            project.name = self._project_name(ptype, used_names)
            project.code = self._project_code(ptype, handover.year)
            arrival_hours = (rng.choice((1, 2, 2)), rng.choice((12, 24, 24)), rng.choice((48, 72, 72)))
            response_minutes = (rng.choice((15, 30, 30)), rng.choice((60, 120, 120)), rng.choice((240, 480, 480)))
            repair_days = rng.choice((5, 7, 7, 10, 15))
            # (response, arrival) limits in ms per urgency 1..3, and the completion limit.
            project.sla = (
                None,
                *((response_minutes[u] * _MS_MIN, arrival_hours[u] * _MS_HOUR) for u in range(3)),
                repair_days * _MS_DAY,
            )
            design_life = 100 if ptype == ProjectType.INFRASTRUCTURE else 50
            release = _add_years(handover, rng.choice((2, 2, 5)))
            address = f"{self.city}市{rng.choice(V.DISTRICTS)}{rng.choice(V.ROAD_NAMES)}{rng.randint(1, 999)}号"
            project.id = self.new_id(created)
            project.blob = bytearray(project.id)
            project.text_id = str(uuid.UUID(bytes=project.id))
            stamp = self.fmt(created)
            self.project_rows.append((
                project.code, project.name, ptype.value, address, project.dept, project.manager.id,
                handover.isoformat(), delivery.isoformat(), design_life, "11-15", "03-15", "06-01", "09-30",
                *arrival_hours, repair_days, *response_minutes, 3, 90, rng.choice(V.COST_RULES),
                rng.randrange(300_000, 9_000_000) * 100, release.isoformat(), project.id, stamp, stamp,
            ))
            project.model = _CoverageProject(handover, design_life)  # app.models.coverage reads it
            self._make_terms(project, created)
            self._make_subcontractors(project, created)
            self._make_categories(project)
            self._make_places(project, delivery, total_weight)
            self.projects.append(project)
        # Projects a ticket may concern: those delivered before it (sorted by delivery).
        self.projects.sort(key=lambda p: p.delivery_ms)
        self.delivery_list = [p.delivery_ms for p in self.projects]
        cumulative = 0.0
        self.project_cum = []
        for p in self.projects:
            cumulative += p.weight
            self.project_cum.append(cumulative)

    def _project_name(self, ptype: ProjectType, used: set[str]) -> str:
        rng = self.rng
        for attempt in range(60):
            if ptype == ProjectType.RESIDENTIAL:
                name = f"{rng.choice(V.RESIDENTIAL_NAMES)}{rng.choice(V.RESIDENTIAL_PHASES)}{rng.choice(V.RESIDENTIAL_WORKS)}"
            elif ptype == ProjectType.ROAD:
                a, b, c = rng.sample(V.ROAD_NAMES, 3)
                name = f"{a}（{b}至{c}段）{rng.choice(V.ROAD_WORKS)}"
            elif ptype == ProjectType.INDUSTRIAL:
                name = f"{rng.choice(V.INDUSTRIAL_OWNERS)}{rng.choice(V.INDUSTRIAL_WORKS)}"
            elif ptype == ProjectType.MEP:
                name = f"{rng.choice(V.MEP_OWNERS)}{rng.choice(V.MEP_WORKS)}"
            elif ptype == ProjectType.INFRASTRUCTURE:
                place, works = rng.choice(V.INFRA_NAMES)
                name = f"{self.city}{place}{works}"
            else:
                name = f"{self.city}{rng.choice(V.OTHER_NAMES)}"
            if attempt >= 50:
                name = f"{name}（{attempt - 48}标段）"
            if name not in used:
                used.add(name)
                return name
        raise AssertionError("unreachable")

    def _project_code(self, ptype: ProjectType, year: int) -> str:
        seq = 1
        while True:
            code = f"{V.TYPE_CODE[ptype]}-{year}-{seq:03d}"
            if code not in self.project_codes:
                self.project_codes.add(code)
                return code
            seq += 1

    def _make_terms(self, project: _Project, created: int) -> None:
        """The statutory minimums, some contracts promising more (never less: check_term)."""
        rng = self.rng
        stamp = self.fmt(created)
        project.terms = {}
        for part, period, unit in default_terms():
            if unit == PeriodUnit.YEARS and part != BuildingPart.OTHER and rng.random() < 0.25:
                period += rng.choice((1, 3))
            elif unit == PeriodUnit.SEASONS and rng.random() < 0.2:
                period += 1
            check_term(part.value, period, unit.value)
            self.term_rows.append((project.id, part.value, period, unit.value, self.new_id(created), stamp, stamp))
            project.terms[part.value] = (period, unit.value)

    def _make_subcontractors(self, project: _Project, created: int) -> None:
        rng = self.rng
        stamp = self.fmt(created)
        project.subs_by_trade = {}
        project.sub_staff = {}
        wanted = list(V.TRADES_BY_PROJECT_TYPE[project.type])
        rng.shuffle(wanted)
        for trade in wanted[: rng.randint(2, min(5, len(wanted)))]:
            sub = rng.choice([s for s in self.subs if trade in s["trades"]])
            self.psub_rows.append((project.id, sub["id"], trade, self.new_id(created), stamp, stamp))
            # responsible_text() of app.models.coverage: who bears a warranted repair's cost.
            project.subs_by_trade.setdefault(trade, []).append((sub["id"], sub["short"], f"分包单位 {sub['name']}"))
            project.sub_staff[sub["id"]] = sub["staff"]

    def _make_categories(self, project: _Project) -> None:
        """The project type's taxonomy: weights per month, and each category's warranty end."""
        rng = self.rng
        ptype = project.type
        codes = []
        weights = []
        project.end_ms = {}
        for code, _name, part in DEFAULT_TAXONOMY[ptype]:
            key = (ptype.value, code)
            if key not in self.categories:
                self.categories[key] = self._category(ptype, code, part)
            cat = self.categories[key]
            codes.append(code)
            weights.append(_CATEGORY_WEIGHTS.get(code, 6) * (0.7 + 0.6 * rng.random()))
            end = warranty_period(project.model, cat.part, season=cat.season, terms=project.terms).end_date
            # Expired once the report's local date is after the last covered day.
            project.end_ms[code] = _utc_ms(end + dt.timedelta(days=1))
        project.categories = {code: self.categories[(ptype.value, code)] for code in codes}
        project.month_codes = codes
        project.month_cum = [None] * 13
        for month in range(1, 13):
            cumulative = 0.0
            cum = []
            for code, weight in zip(codes, weights, strict=True):
                if code in V.LEAK_CODES:
                    weight *= 2.4 if month in (6, 7, 8, 9) else 1.3 if month in (5, 10) else 0.8
                if code in V.HEATING_CODES:
                    weight *= 3.0 if month in (11, 12, 1, 2) else 1.0 if month in (3, 10) else 0.15
                if code in V.COOLING_CODES:
                    weight *= 2.5 if month in (6, 7, 8) else 0.5 if month in (12, 1, 2) else 1.0
                cumulative += weight
                cum.append(cumulative)
            project.month_cum[month] = cum

    def _category(self, ptype: ProjectType, code: str, part: BuildingPart) -> _Category:
        cat = _Category()
        cat.id = category_id(ptype.value, code).bytes
        cat.blob = bytearray(cat.id)
        cat.text_id = str(category_id(ptype.value, code))
        cat.code = code
        cat.part = part.value
        cat.season = SEASON_OF_CATEGORY.get(code)
        family = V.FAMILIES[V.CATEGORY_FAMILY[(ptype, code)]]
        cat.family = family
        cat.trade = family.trade
        cat.structural = code in V.STRUCTURAL_CODES
        cat.leak = code in V.LEAK_CODES
        descriptions = []
        for sentence in V.DESCRIPTIONS[(ptype, code)]:
            for tail in dict.fromkeys(V.DESCRIPTION_TAILS[ptype]):
                text = f"{sentence}，{tail}" if tail else sentence
                descriptions.append((text, self._bg(text)))
        cat.descriptions = descriptions
        if code in V.EMERGENCY_CODES:
            cat.urgency_cum = [45, 80, 100]
        elif code in V.URGENT_CODES:
            cat.urgency_cum = [8, 55, 100]
        else:
            cat.urgency_cum = [2, 22, 100]
        who = "home" if ptype in (ProjectType.RESIDENTIAL, ProjectType.OTHER) else "org"
        leak = ("leak",) if cat.leak else ()
        cat.response = V.RESPONSE_NOTES[who]
        cat.accept = V.ACCEPT_COMMENTS[who] + sum((V.ACCEPT_COMMENTS[k] for k in leak), ())
        cat.follow_up = V.FOLLOW_UP_RESULTS[who] + sum((V.FOLLOW_UP_RESULTS[k] for k in leak), ())
        cat.rework = V.REWORK_REASONS["any"] + sum((V.REWORK_REASONS[k] for k in leak), ())
        cat.complete = V.COMPLETE_NOTES["any"] + sum((V.COMPLETE_NOTES[k] for k in leak), ())
        return cat

    def _location(self, project: _Project, parent: bytes | None, kind: LocationKind, name: str,
                  full_name: str, sort_key: int, created: int) -> bytes:
        loc_id = self.new_id(created)
        stamp = self.fmt(created)
        self.location_rows.append((project.id, parent, kind.value, name, full_name, sort_key, loc_id, stamp, stamp))
        return loc_id

    def _make_places(self, project: _Project, delivery: dt.date, total_weight: float) -> None:
        """The project's location tree, its owners, and per category the places tickets name."""
        rng = self.rng
        created = project.handover_ms - rng.randint(1, 5) * _MS_DAY
        share = project.weight / total_weight
        project.pools = {}
        project.contacts = []
        project.property = None
        ptype = project.type
        if ptype in (ProjectType.RESIDENTIAL, ProjectType.OTHER):
            rooms, top_rooms = self._make_rooms(project, share, created)
            if project.residential:
                owned = self._make_owners(rooms, delivery)
                rooms = [owned[place[0]] for place in rooms]
                top_rooms = [owned[place[0]] for place in top_rooms]
                project.property = (f"{V.PROPERTY_SERVICE}{rng.choice(self.names)}", self._phone())
            for code in project.categories:
                project.pools[code] = top_rooms if code == "roof_leak" else rooms
        elif ptype in (ProjectType.ROAD, ProjectType.INFRASTRUCTURE):
            points = self._make_chainages(project, share, created)
            for code in project.categories:
                project.pools[code] = points
        elif ptype == ProjectType.MEP:
            by_system = self._make_systems(project, None, "", V.MEP_SYSTEMS, share, created)
            for code in project.categories:
                systems, words = V.MEP_CATEGORY_TARGETS[code]
                project.pools[code] = [
                    place for system in systems for place in by_system[system]
                    if not words or any(word in place[1] for word in words)
                ]
        else:  # industrial: buildings → systems → equipment
            buildings = []
            by_system: dict[str, list] = {}
            names = list(V.INDUSTRIAL_BUILDINGS)[: rng.randint(3, 6)]
            for order, name in enumerate(names, start=1):
                loc = self._location(project, None, LocationKind.BUILDING, name, name, order, created)
                buildings.append((loc, name, self._bg(name), -1))
                systems = self._make_systems(project, loc, name, V.INDUSTRIAL_SYSTEMS, share / len(names), created)
                for system, places in systems.items():
                    by_system.setdefault(system, []).extend(places)
            for code in project.categories:
                pool = []
                for target in V.INDUSTRIAL_CATEGORY_TARGETS[code]:
                    pool.extend(buildings if target is None else by_system[target])
                project.pools[code] = pool
        if not project.residential:
            self._make_contacts(project, created)

    def _make_rooms(self, project: _Project, share: float, created: int):
        """Housing: 3栋 → 2单元 → 15层 → 1502室 (other projects: named buildings → floors → rooms)."""
        rng = self.rng
        residential = project.residential
        target_rooms = max(120, int(min(150_000, max(400, self.n * 0.12)) * share * 1.2))
        if not residential:
            target_rooms = max(30, target_rooms // 10)
        floors = rng.choice((6, 11, 18, 26, 33)) if residential else rng.randint(1, 3)
        units = rng.randint(1, 3) if residential else 1
        per_floor = rng.randint(2, 4) if residential else rng.randint(3, 8)
        buildings = max(2, round(target_rooms / (floors * units * per_floor)))
        if not residential:
            buildings = min(buildings, len(V.OTHER_BUILDINGS))
        rooms = []
        top_rooms = []
        for b in range(1, buildings + 1):
            b_name = f"{b}栋" if residential else V.OTHER_BUILDINGS[b - 1]
            b_id = self._location(project, None, LocationKind.BUILDING, b_name, b_name, b, created)
            for u in range(1, units + 1):
                if residential:
                    u_name = f"{u}单元"
                    u_full = f"{b_name}{u_name}"
                    u_id = self._location(project, b_id, LocationKind.UNIT, u_name, u_full, u, created)
                else:
                    u_full, u_id = b_name, b_id
                for f in range(1, floors + 1):
                    f_name = f"{f}层"
                    f_id = self._location(project, u_id, LocationKind.FLOOR, f_name, f"{u_full}{f_name}", f, created)
                    for r in range(1, per_floor + 1):
                        r_name = f"{f}{r:02d}室"
                        full = f"{u_full}{r_name}"
                        r_id = self._location(project, f_id, LocationKind.ROOM, r_name, full, r, created)
                        place = (r_id, full, self._bg(full), -1)
                        rooms.append(place)
                        if f == floors:
                            top_rooms.append(place)
        return rooms, top_rooms

    def _make_owners(self, rooms: list, delivery: dt.date) -> dict[bytes, tuple]:
        """Owners (业主) of the housing rooms: most rooms have one, some owners have two."""
        rng = self.rng
        fmt = self.fmt
        owned = {}
        last_customer = -1
        for loc, label, bg, _none in rooms:
            if rng.random() < 0.1:
                owned[loc] = (loc, label, bg, -1)  # unsold, or the owner never registered
                continue
            # Most owners take their keys at delivery, some months later.
            days = rng.randint(0, 30) if rng.random() < 0.8 else rng.randint(30, 400)
            since = min(delivery + dt.timedelta(days=days), self.today - dt.timedelta(days=1))
            created = _utc_ms(since, dt.time(10)) + rng.randrange(8 * _MS_HOUR)
            if last_customer >= 0 and rng.random() < 0.06:
                customer = last_customer  # the same owner bought a second flat
            else:
                customer = self._add_customer(rng.choice(self.names), created, "")
            last_customer = customer
            stamp = fmt(created)
            self.ownership_rows.append(
                (self.customers[customer][0], loc, since.isoformat(), self.new_id(created), stamp, stamp)
            )
            owned[loc] = (loc, label, bg, customer)
        return owned

    def _add_customer(self, name: str, created: int, notes: str, person: str | None = None) -> int:
        rng = self.rng
        phone = self._phone()
        alt = self._phone() if rng.random() < 0.15 else ""
        notes = notes or rng.choice(V.CUSTOMER_NOTES)
        stamp = self.fmt(created)
        customer_id = self.new_id(created)
        self.customer_rows.append(
            (name, phone, alt, rng.choice(V.CUSTOMER_PREFERENCES), notes, customer_id, stamp, stamp)
        )
        self.customers.append((customer_id, name, phone, person or name, created))
        return len(self.customers) - 1

    def _make_contacts(self, project: _Project, created: int) -> None:
        """For roads, plants and MEP the 'customer' is the owner organisation's contact person."""
        rng = self.rng
        org = rng.choice(V.OWNER_ORGS[project.type])
        if project.type == ProjectType.INDUSTRIAL:
            owner = next((o for o in V.INDUSTRIAL_OWNERS if project.name.startswith(o)), "")
            org_name = f"{owner}{org}"
        elif project.type == ProjectType.MEP:
            owner = next((o for o in V.MEP_OWNERS if project.name.startswith(o)), "")
            org_name = f"{owner}{org}"
        else:
            org_name = f"{self.city}市{org}"
        for _ in range(rng.randint(1, 3)):
            person = rng.choice(self.names)
            title = rng.choice(V.OWNER_ORG_TITLES)
            index = self._add_customer(
                f"{org_name}（{person}）", created + rng.randrange(30 * _MS_DAY),
                f"业主单位联系人：{org_name}{title}", person,
            )
            project.contacts.append(index)

    def _make_chainages(self, project: _Project, share: float, created: int) -> list:
        """Roads and infrastructure: sections (路段) → chainages (桩号 K3+200)."""
        rng = self.rng
        if project.type == ProjectType.ROAD:
            sections = list(V.ROAD_SECTION_NAMES[: rng.randint(3, 8)])
        else:
            kind = next((k for k in ("桥", "隧道", "管廊", "堤") if k in project.name), "default")
            sections = list(V.INFRA_SECTIONS[kind])
        target = max(40, int(min(4000, self.n * 0.01) * share * 6))
        per_section = max(5, target // len(sections))
        step = rng.choice((50, 100, 100, 200))
        metres = 0
        points = []
        for order, section in enumerate(sections, start=1):
            s_id = self._location(project, None, LocationKind.SECTION, section, section, order, created)
            for k in range(per_section):
                name = f"K{metres // 1000}+{metres % 1000:03d}"
                full = f"{section} {name}"
                c_id = self._location(project, s_id, LocationKind.CHAINAGE, name, full, k, created)
                points.append((c_id, full, self._bg(full), -1))
                metres += step
        return points

    def _make_systems(self, project: _Project, parent: bytes | None, prefix: str, systems: dict,
                      share: float, created: int) -> dict[str, list]:
        """MEP and plants: systems (系统) → equipment (设备)."""
        rng = self.rng
        per_system = max(3, min(60, int(self.n * share / 400)))
        result: dict[str, list] = {}
        for order, (system, patterns) in enumerate(systems.items(), start=1):
            full_system = f"{prefix}{system}"
            s_id = self._location(project, parent, LocationKind.SYSTEM, system, full_system, order, created)
            places = []
            for k in range(1, rng.randint(max(2, per_system // 2), per_system) + 1):
                pattern = patterns[(k - 1) % len(patterns)]
                name = pattern.format(n=(k - 1) // len(patterns) + 1)
                full = f"{full_system} {name}"
                e_id = self._location(project, s_id, LocationKind.EQUIPMENT, name, full, k, created)
                places.append((e_id, full, self._bg(full), -1))
            result[system] = places
        return result

    # -- tickets -------------------------------------------------------------------------------

    def _report_times(self) -> list[int]:
        """`n` report instants over the last three years, sorted: busier lately and in the rains."""
        rng = self.rng
        n = self.n
        first = self.today - dt.timedelta(days=HISTORY_DAYS)
        weights = []
        cumulative = 0.0
        for d in range(HISTORY_DAYS + 1):
            day = first + dt.timedelta(days=d)
            w = 0.75 + 0.55 * d / HISTORY_DAYS
            w *= {6: 1.3, 7: 1.45, 8: 1.4, 9: 1.2, 2: 0.7, 1: 0.9, 12: 1.05}.get(day.month, 1.0)
            w *= 0.8 if day.weekday() == 6 else 0.9 if day.weekday() == 5 else 1.0
            cumulative += w
            weights.append(cumulative)
        days = rng.choices(range(HISTORY_DAYS + 1), cum_weights=weights, k=n)
        # Local hours: office hours busiest, a few at night (burst pipes do not wait).
        hour_weights = [1, 1, 1, 1, 1, 2, 4, 8, 14, 16, 15, 12, 9, 11, 13, 13, 12, 10, 9, 8, 6, 4, 2, 1]
        hour_cum = []
        total = 0
        for w in hour_weights:
            total += w
            hour_cum.append(total)
        hours = rng.choices(range(24), cum_weights=hour_cum, k=n)
        first_ms = _utc_ms(first)
        latest = self.now_ms - _MS_MIN
        randrange = rng.randrange
        times = []
        append = times.append
        for d, h in zip(days, hours, strict=True):
            t = first_ms + d * _MS_DAY + h * _MS_HOUR + randrange(_MS_HOUR)
            if t > latest:
                t = latest - randrange(10 * _MS_HOUR)
            append(t)
        times.sort()
        return times

    def _forced_states(self, times: list[int]) -> dict[int, str]:
        """A few recent tickets held in each state, so every state shows even in small data sets."""
        if self.n < 20:
            return {}
        wanted = (
            (S_RECEIVED, 0.0), (S_DIAGNOSING, 1.5), (S_PLANNING, 3.0), (S_IN_REPAIR, 4.5),
            (S_ACCEPTANCE, 6.0), (S_FOLLOW_UP, 9.0), (S_CANCELLED, 5.0), (S_NOT_COVERED, 12.0),
            (S_ARCHIVED, 45.0),
        )
        forced: dict[int, str] = {}
        for state, age_days in wanted:
            if age_days == 0.0:
                index = len(times) - 1
            else:
                index = bisect.bisect_left(times, self.now_ms - int(age_days * _MS_DAY))
                index = min(max(index, 0), len(times) - 1)
            while index in forced and index > 0:
                index -= 1
            forced[index] = state
        return forced

    def chunk(self, k: int) -> tuple[list, ...]:
        """Rows of the k-th chunk of tickets (in report order) and everything hanging off them."""
        with collector_paused():
            return self._chunk(k)

    def _chunk(self, k: int) -> tuple[list, ...]:
        lo, hi = self.chunk_bounds(k)
        self.rng.seed(self.chunk_seeds[k])
        self.last_by_location.clear()  # duplicates are found within a chunk (a few weeks)
        self.verdicts.clear()
        tickets: list[list] = []
        histories: list[list[tuple]] = []
        materials: list[tuple] = []
        logs: list[tuple] = []
        attachments: list[tuple] = []
        signatures: list[tuple] = []
        simulate = self.simulate
        times = self.times
        forced = self.forced
        existing = self.plan.counters
        year_first = self.year_first
        code = self.code
        base = self.clock.base
        years = self.clock.years
        last_by_location = self.last_by_location
        year_bigrams: dict[int, str] = {}
        for i in range(lo, hi):
            t0 = times[i]
            year = years[(t0 + _LOCAL_MS - base) // _MS_DAY]
            seq = existing.get(year, 0) + i - year_first[year] + 1
            number = format_number(code, year, seq)
            prefix = year_bigrams.get(year)
            if prefix is None:
                prefix = year_bigrams[year] = _bigram_text(format_number(code, year, 0)[:-5])
            number_bigrams = f"{prefix} {_digits_bigram_text(f'{seq:05d}')}"
            hold = forced.get(i)
            out = simulate(t0, number, number_bigrams, hold, 1.0)
            attempt = 0
            while hold is not None and out[0][1] != hold and attempt < 12:
                # Too slow for its age, or not covered: draw it again, faster.
                out = simulate(t0, number, number_bigrams, hold, (0.1, 0.05, 0.02)[min(attempt, 2)])
                attempt += 1
            ticket, t_actions, t_materials, t_logs, t_attachments, t_signatures, location, merged = out
            if merged is not None:
                _merge_comment(tickets[merged[0]], histories[merged[0]], merged[1])
            tickets.append(ticket)
            histories.append(t_actions)
            materials += t_materials
            logs += t_logs
            attachments += t_attachments
            signatures += t_signatures
            last_by_location[location] = (t0, ticket[_TICKET_ID_INDEX], number, t_actions, i - lo)
        actors = [(n, row[0]) for n, row in enumerate(self.staff_rows, start=1)]
        return tickets, _action_rows(histories), materials, logs, attachments, signatures, actors


# ---------------------------------------------------------------------------------------------
# Actions as templates: a ticket's history is staged one row per action, SQL writes the events
# ---------------------------------------------------------------------------------------------
#
# Each engine action writes a fixed list of events (app.models.ticket_actions); only the values
# change. The generator stages one row per action: a key packing the ticket, the action's first
# seq, the template and the actor, its time, and the values the template refers to. The writer
# expands the rows with one INSERT … SELECT joined to the template table, in key order (so the
# events still reach the store's indexes in order). Binding ~14 short action rows per ticket
# instead of ~49 ten-column event rows is most of what makes the generation fast.


class _Ref(int):
    """Where an event value comes from: the action row's value n (1…13) or a ticket column."""


def _v(n: int) -> _Ref:
    return _Ref(n)


_MAX_VALUES = 13
# Ticket columns an event may repeat (values that never change after the registration).
_TICKET_REFS = ("number", "channel", "reporter_name", "reporter_phone", "description", "location_label")
_T_NUMBER, _T_CHANNEL, _T_NAME, _T_PHONE, _T_DESCRIPTION, _T_LABEL = (
    _Ref(21 + i) for i in range(len(_TICKET_REFS))
)
# Bits of the staged action key: ticket (rowid in the chunk) | first seq | template | actor.
_KEY_TICKET, _KEY_SEQ, _KEY_TEMPLATE = 30, 20, 10
_KEY_MASK = 1023

_TEMPLATES: list[tuple[tuple, ...]] = []  # template id → its events (kind, field, old, new, note)
_TEMPLATE_SIZE: list[int] = []  # events per template
_TEMPLATE_STATE: list[str | None] = []  # the state the action moves the ticket to, if any


def _template(*events: tuple) -> int:
    """Register an action's events; an event with a sixth item (an option bit) is only in the
    variants whose mask has that bit. Returns the first id: variant = first + mask."""
    options = 0
    for event in events:
        options |= event[5] if len(event) > 5 else 0
    first = len(_TEMPLATES)
    for mask in range(options + 1):
        chosen = tuple(e[:5] for e in events if len(e) == 5 or e[5] & mask)
        _TEMPLATES.append(chosen)
        _TEMPLATE_SIZE.append(len(chosen))
        states = [e[3] for e in chosen if e[0] == "state"]
        _TEMPLATE_STATE.append(states[-1] if states else None)
    assert len(_TEMPLATES) <= _KEY_MASK + 1
    return first


_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10, _v11, _v12, _v13 = (_v(n) for n in range(1, 14))
_DUE_NOTE = "按响应时限计算"
# register_ticket. Options: 1 reporter name, 2 reporter phone, 4 customer, 8 urgency not normal.
# Values: created note, project, place, customer, category, urgency, reported, clerk, the three
# due times, owner.
T_REGISTER = _template(
    ("created", "", None, _T_NUMBER, _v1),
    ("field", "project_id", None, _v2, ""),
    ("field", "channel", None, _T_CHANNEL, ""),
    ("field", "reporter_name", "", _T_NAME, "", 1),
    ("field", "reporter_phone", "", _T_PHONE, "", 2),
    ("field", "description", "", _T_DESCRIPTION, ""),
    ("field", "location_id", None, _v3, ""),
    ("field", "location_label", "", _T_LABEL, ""),
    ("field", "customer_id", None, _v4, "", 4),
    ("field", "defect_category_id", None, _v5, ""),
    ("field", "urgency", "3", _v6, "", 8),
    ("field", "reported_at", None, _v7, ""),
    ("field", "registered_by_id", None, _v8, ""),
    ("timer", "response_due_at", None, _v9, _DUE_NOTE),
    ("timer", "arrival_due_at", None, _v10, _DUE_NOTE),
    ("timer", "completion_due_at", None, _v11, _DUE_NOTE),
    ("assignment", "owner_id", None, _v12, "登记时派单"),
)
T_ATTACH = _template(("attachment", "", None, _v1, _v2))  # attach_file: file id, note
T_LOG = _template(("work_log", "", None, _v1, _v2))  # log_work: log id, description
T_SIGN = _template(("signature", "", None, _v1, _v2))  # sign: signature id, note
T_COMMENT = _template(("comment", "", None, None, _v1))  # add_comment: text
T_MERGED = _template(("comment", "", None, _v1, _v2))  # mark_duplicate's note on the original
T_REASSIGN = _template(("assignment", "owner_id", _v1, _v2, _v3))  # assign_owner: old, new, note
# cancel / mark_duplicate, per state left: reason (and the original's id).
T_CANCEL = {
    state: _template(("field", "cancel_reason", "", _v1, ""), ("state", "state", state, S_CANCELLED, _v1))
    for state in (S_RECEIVED, S_DIAGNOSING)
}
T_DUPLICATE = {
    state: _template(
        ("field", "duplicate_of_id", None, _v1, _v2),
        ("field", "cancel_reason", "", _v2, ""),
        ("state", "state", state, S_CANCELLED, _v2),
    )
    for state in (S_RECEIVED, S_DIAGNOSING)
}
T_TAKE = _template(  # take_ticket: responded, note
    ("field", "responded_at", None, _v1, ""), ("state", "state", S_RECEIVED, S_DIAGNOSING, _v2),
)
T_ARRIVE = _template(("field", "arrived_at", None, _v1, "到场签到"))  # record_arrival: arrived
T_EDIT_CAUSE = _template(("field", "cause", None, _v1, _v2))  # edit_field: cause, note
# edit_field building_part (the verdict follows): part, coverage, end date (option 1), reason.
T_EDIT_PART = _template(
    ("field", "building_part", None, _v1, ""),
    ("field", "coverage", None, _v2, "保修判定"),
    ("field", "coverage_end_date", None, _v3, "保修判定", 1),
    ("field", "coverage_reason", "", _v4, "保修判定"),
)
# rule_not_covered: reason, approver, old coverage, old reason, new reason. Options: 1 paid
# repair offered, 2 a needs-judgement verdict overruled.
T_RULE_NOT_COVERED = _template(
    ("field", "not_covered_reason", "", _v1, ""),
    ("field", "paid_repair_offered", "0", "1", "", 1),
    ("field", "not_covered_approved_by_id", None, _v2, "项目经理审批"),
    ("field", "coverage", _v3, Coverage.NOT_COVERED.value, "审批不予保修", 2),
    ("field", "coverage_reason", _v4, _v5, "审批不予保修", 2),
    ("state", "state", S_DIAGNOSING, S_NOT_COVERED, _v1),
)
# diagnose: cause, part, party, org, old urgency, coverage, end date, reason, diagnosed, note.
# Options: 1 structural safety, 2 urgency raised by it, 4 an end date.
T_DIAGNOSE = _template(
    ("field", "cause", None, _v1, "诊断"),
    ("field", "building_part", None, _v2, "诊断"),
    ("field", "structural_safety", "0", "1", "诊断", 1),
    ("field", "responsible_party", None, _v3, "诊断"),
    ("field", "responsible_org_id", None, _v4, "诊断"),
    ("field", "urgency", _v5, "1", "涉及结构安全，按紧急处理", 2),
    ("field", "report_to_authority", "0", "1", "涉及结构安全，须报告主管部门", 1),
    ("field", "coverage", None, _v6, "保修判定"),
    ("field", "coverage_end_date", None, _v7, "保修判定", 4),
    ("field", "coverage_reason", "", _v8, "保修判定"),
    ("field", "diagnosed_at", None, _v9, ""),
    ("state", "state", S_DIAGNOSING, S_PLANNING, _v10),
)
# save_plan: people, hours, safety, appointment, SOP, materials, planned. Options: 1 an SOP,
# 2 planned by the design unit, 4 materials.
T_PLAN = _template(
    ("field", "plan_people", "", _v1, "维修计划"),
    ("field", "plan_duration_hours", None, _v2, "维修计划"),
    ("field", "plan_safety_measures", "", _v3, "维修计划"),
    ("field", "plan_appointment_at", None, _v4, "维修计划"),
    ("field", "plan_sop_ref", "", _v5, "维修计划", 1),
    ("field", "plan_by_design_unit", "0", "1", "维修计划", 2),
    ("field", "materials", None, _v6, "维修材料", 4),
    ("field", "planned_at", None, _v7, ""),
)
T_START = _template(("state", "state", S_PLANNING, S_IN_REPAIR, _v1))  # start_repair: note
T_MOVE = _template(("field", "plan_appointment_at", _v1, _v2, _v3))  # edit_field: old, new, note
T_PAUSE = _template(("timer", "paused_since", None, _v1, _v2))  # pause_timer: since, note
# resume_timer: paused since, minutes, old completion due, new completion due, note.
T_RESUME = _template(
    ("timer", "paused_since", _v1, None, _v5),
    ("timer", "paused_minutes", "0", _v2, _v5),
    ("timer", "completion_due_at", _v3, _v4, _v5),
)
T_SUBMIT = _template(  # submit_for_acceptance: completed, note
    ("field", "completed_at", None, _v1, ""), ("state", "state", S_IN_REPAIR, S_ACCEPTANCE, _v2),
)
# reject: old result, old comment, comment, completed, rework count old and new. Options: 1 the
# result changes, 2 the comment changes.
T_REJECT = _template(
    ("field", "acceptance_result", _v1, "failed", "验收不通过", 1),
    ("field", "acceptance_comment", _v2, _v3, "验收不通过", 2),
    ("field", "completed_at", _v4, None, "验收不通过"),
    ("field", "rework_count", _v5, _v6, "返修"),
    ("state", "state", S_ACCEPTANCE, S_IN_REPAIR, _v3),
)
# accept: old result, old comment, comment, score, score comment, accepted, follow-up due,
# state note. Options: 1 the comment changes, 2 a score comment.
T_ACCEPT = _template(
    ("field", "acceptance_result", _v1, "passed", "验收通过"),
    ("field", "acceptance_comment", _v2, _v3, "验收通过", 1),
    ("field", "satisfaction", None, _v4, "验收通过"),
    ("field", "satisfaction_comment", "", _v5, "验收通过", 2),
    ("field", "accepted_at", None, _v6, "验收通过"),
    ("field", "follow_up_due_on", None, _v7, "验收通过"),
    ("state", "state", S_ACCEPTANCE, S_FOLLOW_UP, _v8),
)
T_FOLLOW_UP = {  # record_follow_up: result, followed up (per note)
    note: _template(
        ("field", "follow_up_result", "", _v1, note), ("field", "followed_up_at", None, _v2, note),
    )
    for note in ("回访记录", "复修后回访")
}
T_ARCHIVE = _template(  # archive: archived
    ("field", "archived_at", None, _v1, ""), ("state", "state", S_FOLLOW_UP, S_ARCHIVED, "归档"),
)
# reopen: archived, accepted, score, score comment, completed, follow-up due, followed up,
# follow-up result, completion due old and new, rework count old and new, reason. Option 1: a
# score comment to clear.
_REOPENED = "重新打开"
T_REOPEN = _template(
    ("field", "archived_at", _v1, None, _REOPENED),
    ("field", "acceptance_result", "passed", None, _REOPENED),
    ("field", "accepted_at", _v2, None, _REOPENED),
    ("field", "satisfaction", _v3, None, _REOPENED),
    ("field", "satisfaction_comment", _v4, "", _REOPENED, 1),
    ("field", "completed_at", _v5, None, _REOPENED),
    ("field", "follow_up_due_on", _v6, None, _REOPENED),
    ("field", "followed_up_at", _v7, None, _REOPENED),
    ("field", "follow_up_result", _v8, "", _REOPENED),
    ("timer", "completion_due_at", _v9, _v10, "重新打开，重新计算完工时限"),
    ("field", "rework_count", _v11, _v12, "返修"),
    ("state", "state", S_ARCHIVED, S_IN_REPAIR, _v13),
)


def _template_rows() -> list[tuple]:
    """The template table: (template, index, kind, field, then per value its source (0: the
    constant that follows, 1…13: the action's value, 21…: a ticket column) and constant)."""
    rows = []
    for tpl, events in enumerate(_TEMPLATES):
        for index, event in enumerate(events):
            row: list = [tpl, index, event[0], event[1]]
            for value in event[2:]:
                row += (int(value), None) if isinstance(value, _Ref) else (0, value)
            rows.append(tuple(row))
    return rows


def _value_sql(source: str, constant: str) -> str:
    """The SQL choosing an event value by its source in the template row."""
    values = " ".join(f"WHEN {n} THEN a.v{n}" for n in range(1, _MAX_VALUES + 1))
    columns = " ".join(f"WHEN {21 + i} THEN t.{name}" for i, name in enumerate(_TICKET_REFS))
    return f"CASE f.{source} WHEN 0 THEN f.{constant} {values} {columns} END"


# Expands the staged actions of a chunk into events, in key order: the action's rows come in
# rowid order, each template's events in index order (primary key), so no sorting is needed.
# An event id is the ticket's report-time prefix and random bits (14 bytes) and its seq.
_EXPAND_SQL = f"""
SELECT CAST(t.event_base || b.b AS BLOB), t.id, a.at, s.id, f.kind, f.field,
       {_value_sql("old_source", "old_value")}, {_value_sql("new_source", "new_value")},
       {_value_sql("note_source", "note")}, ((a.k >> {_KEY_SEQ}) & {_KEY_MASK}) + f.idx
FROM stage.action AS a
CROSS JOIN stage.ticket AS t ON t.rowid = a.k >> {_KEY_TICKET}
CROSS JOIN stage.actor AS s ON s.n = a.k & {_KEY_MASK}
CROSS JOIN stage.template AS f ON f.tpl = (a.k >> {_KEY_TEMPLATE}) & {_KEY_MASK}
CROSS JOIN stage.seq_bytes AS b ON b.n = ((a.k >> {_KEY_SEQ}) & {_KEY_MASK}) + f.idx
ORDER BY a.k, f.idx
"""


_TEMPLATE_ROWS = _template_rows()
_ACTION_VALUES = tuple(f"v{n}" for n in range(1, _MAX_VALUES + 1))
_SEQ_BYTES = [(n, n.to_bytes(2, "big")) for n in range(1, _KEY_MASK + 1)]


# Unused value columns of an action row hold 0: never read, and an int is the cheapest value to
# bind (None and bytes go through the sqlite3 module's adapter lookup, about 4× slower). One
# statement for all rows keeps them in key order (rowid appends).
_PADDING = [(0,) * (_MAX_VALUES - n) for n in range(_MAX_VALUES + 1)]


def _action_rows(histories: list[list[tuple]]) -> list[tuple]:
    """Staged action rows in key order: (key, at, v1…v13), tickets numbered from 1."""
    rows: list[tuple] = []
    append = rows.append
    size = _TEMPLATE_SIZE
    padding = _PADDING
    for ticket, actions in enumerate(histories, start=1):
        key = ticket << _KEY_TICKET
        seq = 1
        for at, tpl, actor, values in actions:
            append((key | seq << _KEY_SEQ | tpl << _KEY_TEMPLATE | actor, at, *values, *padding[len(values)]))
            seq += size[tpl]
        if seq > _KEY_MASK:
            raise AssertionError("a demo ticket with over 1,000 events")
    return rows


_VERSION_INDEX = _COLUMNS["ticket"].index("version")
_UPDATED_INDEX = _COLUMNS["ticket"].index("updated_at")


def _merge_comment(ticket: list, actions: list[tuple], comment: tuple) -> None:
    """mark_duplicate's note on the original ticket: one more action in its history, at its time
    (the actions after it move on; their seqs follow when the actions are staged)."""
    stamp = comment[0]
    position = len(actions)
    while position > 0 and actions[position - 1][0] > stamp:
        position -= 1
    actions.insert(position, comment)
    ticket[_VERSION_INDEX] += 1
    if position == len(actions) - 1:
        ticket[_UPDATED_INDEX] = stamp


# Durations in ms (low, high) per urgency 1..3: first response after the report, arrival on
# site after the response.
_RESPONSE = ((0, 0), (3 * _MS_MIN, 40 * _MS_MIN), (10 * _MS_MIN, 150 * _MS_MIN), (20 * _MS_MIN, 10 * _MS_HOUR))
_ARRIVAL = ((0, 0), (15 * _MS_MIN, 110 * _MS_MIN), (_MS_HOUR, 26 * _MS_HOUR), (3 * _MS_HOUR, 80 * _MS_HOUR))


def _make_simulator(gen: _DemoGenerator):
    """The story of one ticket, as a closure over the generator's pools (fast local lookups).

    simulate(t0, number, number_bigrams, hold, scale) returns the ticket row (with its search
    text last), its events, plan materials, work logs, attachments, signatures, location id and
    the comment mark_duplicate leaves on an original (or None). The whole lifecycle is laid out
    in time from the report t0 and cut at "now": only the actions taken by then are recorded,
    each writing the events the engine's action writes (same fields, order, notes). `hold` keeps the ticket
    in that state (the few held so every state shows); `scale` shortens every duration.
    """
    rng = gen.rng
    random = rng.random
    new_id = gen.new_row_id  # the tickets' own rows: ids as bytearrays
    blob = gen.blobs
    fmt = gen.fmt
    bg = gen._bg
    now = gen.now_ms
    clock = gen.clock
    base = clock.base
    months = clock.months
    dates = clock.dates
    day_text = clock.day_text
    projects = gen.projects
    delivery_list = gen.delivery_list
    project_cum = gen.project_cum
    customers = gen.customers
    photos = gen.photos
    n_photos = len(photos)
    sig_images = gen.signature_images
    hq_clerks = gen.hq_clerks
    last_by_location = gen.last_by_location
    verdicts = gen.verdicts
    phone_prefixes = gen.phone_prefixes
    bisect_right = bisect.bisect_right
    lm, day, hour, minute = _LOCAL_MS, _MS_DAY, _MS_HOUR, _MS_MIN
    ch_res, ch_res_cum = _CHANNELS_RESIDENTIAL
    ch_oth, ch_oth_cum = _CHANNELS_OTHER
    causes, causes_cum = _CAUSES
    sat_values, sat_cum = _SATISFACTION
    hotline = Channel.HOTLINE.value
    c_construction = Cause.CONSTRUCTION_DEFECT.value
    c_misuse = Cause.MISUSE.value
    excluded_causes = {c.value for c in (Cause.MISUSE, Cause.THIRD_PARTY, Cause.FORCE_MAJEURE)}
    v_covered = Coverage.COVERED
    v_judge = Coverage.NEEDS_JUDGEMENT
    v_not = Coverage.NOT_COVERED
    own_team = ResponsibleParty.OWN_TEAM.value
    subcontracted = ResponsibleParty.SUBCONTRACTOR.value
    not_covered_reasons = {k.value: v for k, v in V.NOT_COVERED_REASONS.items()}
    open_states = {s.value for s in OPEN_STATES}
    captions_before = V.PHOTO_CAPTIONS["before"]
    captions_during = V.PHOTO_CAPTIONS["during"]
    captions_after = V.PHOTO_CAPTIONS["after"]
    count_units = _COUNT_UNITS
    eight, eighteen = 8 * _MS_HOUR, 18 * _MS_HOUR

    def pick(seq):
        return seq[int(random() * len(seq))]

    def enc(ms: int) -> str:
        """A time as app.models.history.encode writes it into an event."""
        text = fmt(ms)
        return text[:-7] if text.endswith(".000000") else text

    def ez(text: str) -> str:
        """enc() of a time formatted already (the stored column and its event value)."""
        return text[:-7] if text.endswith(".000000") else text

    def office(t: int) -> int:
        """The next moment in local working hours (8:00–18:00) from t."""
        local = (t + lm) % day
        if local < eight:
            return t + eight - local + int(random() * 90 * minute)
        if local > eighteen:
            return t + day - local + eight + int(random() * 90 * minute)
        return t

    photo_name = clock.photo_namer()
    template_state = _TEMPLATE_STATE
    t_register, t_log, t_attach, t_sign, t_comment = T_REGISTER, T_LOG, T_ATTACH, T_SIGN, T_COMMENT
    t_follow_up, t_follow_up_again = T_FOLLOW_UP["回访记录"], T_FOLLOW_UP["复修后回访"]
    text_ids: dict[bytes, str] = {}
    stage_zh = {stage.value: name for stage, name in PHOTO_STAGE_ZH.items()}
    created_notes = {channel.value: f"{name}登记" for channel, name in CHANNEL_ZH.items()}
    owner_zh, technician_zh = SIGNER_ROLE_ZH[SignerRole.OWNER], SIGNER_ROLE_ZH[SignerRole.TECHNICIAN]

    def tx(value: bytes) -> str:
        """An id as history.encode writes it (str(uuid)), cached: the same ids recur."""
        text = text_ids.get(value)
        if text is None:
            h = value.hex()
            text = text_ids[value] = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
        return text

    def add_log(A, tid, logs, atts, start, end, author, people, description, used, during, after):
        """log_work at the end of the stretch, then attach_file for each of its photos (taken on
        site, uploaded right after the log): returns the number of actions."""
        log_id = new_id(end)
        author_id = author.blob
        stamp = fmt(end)
        logs.append((log_id, tid, fmt(start), stamp, people, description, used, author_id, stamp, stamp))
        A((stamp, t_log, author.n, (_uuid_text(log_id), description[:200])))
        photos_taken = []
        if during:
            photos_taken.append(("during", start + (end - start) // 2, pick(captions_during)))
        if after:
            q = min(60_000, (end - start) // 4)
            for j in range(1 if random() < 0.7 else 2):
                photos_taken.append(("after", end - q + j, pick(captions_after)))
        for j, (stage, taken, caption) in enumerate(photos_taken, start=1):
            ms = end + j * 1000
            photo = photos[int(random() * n_photos)]
            name = photo_name(taken)
            att_id = new_id(ms)
            at = fmt(ms)
            atts.append((att_id, tid, log_id, photo[0], photo[1], "image/jpeg", name, stage, caption, at, author_id))
            A((at, t_attach, author.n, (_uuid_text(att_id), f"{stage_zh[stage]}：{name}")))
        return 1 + len(photos_taken)

    def add_signatures(A, tid, sigs, at, owner_name, tech):
        """sign twice before the acceptance: the owner (业主) and the technician, on screen."""
        for offset, role, role_zh, name in ((90_000, "owner", owner_zh, owner_name),
                                            (60_000, "technician", technician_zh, tech.name)):
            ms = at - offset
            stamp = fmt(ms)
            sig_id = new_id(ms)
            sigs.append((sig_id, tid, role, name, "on_screen", pick(sig_images), stamp, tech.blob))
            A((stamp, t_sign, tech.n, (_uuid_text(sig_id), f"{role_zh} {name}（屏幕签名）")))
        return 2

    def open_at(actions: list, stamp: str) -> bool:
        """The ticket of these actions was open at `stamp` (a duplicate may be merged into it)."""
        for at, tpl, _actor, _values in reversed(actions):
            if at <= stamp and template_state[tpl] is not None:
                return template_state[tpl] in open_states
        return True

    def simulate(t0, number, number_bigrams, hold, scale):
        sc = scale if hold is None else min(scale, 0.25)
        real = sc == 1.0  # held tickets run compressed: no waiting for office hours
        # ---- intake: project (delivered before t0), category (by season), place, reporter
        k = bisect_right(delivery_list, t0) or 1
        p = projects[bisect_right(project_cum, random() * project_cum[k - 1], 0, k - 1)]
        for _retry in range(3):
            # Defects show in the first years: older projects call less.
            if t0 - p.delivery_ms < 730 * day or random() < 0.3:
                break
            p = projects[bisect_right(project_cum, random() * project_cum[k - 1], 0, k - 1)]
        local_day = (t0 + lm - base) // day
        cum = p.month_cum[months[local_day]]
        codes = p.month_codes
        code = codes[bisect_right(cum, random() * cum[-1])]
        for _retry in range(8):
            # Owners of older projects call mostly about what is still under warranty.
            if t0 < p.end_ms[code] or random() < 0.15:
                break
            code = codes[bisect_right(cum, random() * cum[-1])]
        cat = p.categories[code]
        family = cat.family
        pool = p.pools[code]
        loc_id, label, label_bg, cust = pool[int(random() * len(pool))]
        if p.residential:
            customer = customers[cust] if cust >= 0 else None
            if customer is not None and customer[4] <= t0:
                customer_id = customer[0]
                signer = customer[1]
                if random() < 0.85:
                    rname, rphone = customer[1], customer[2]
                else:
                    rname = customer[1] + "家属"
                    rphone = pick(phone_prefixes) + f"{int(random() * 100_000_000):08d}"
            else:
                customer_id = None  # not sold yet, or the owner never registered: 物业 calls
                rname, rphone = p.property
                signer = rname
            channels, channels_cum = ch_res, ch_res_cum
        else:
            customer = customers[pick(p.contacts)]
            customer_id = customer[0]
            rname, rphone, signer = customer[3], customer[2], customer[3]
            channels, channels_cum = ch_oth, ch_oth_cum
        urgency = 1 + bisect_right(cat.urgency_cum, random() * 100)
        channel = channels[bisect_right(channels_cum, random() * 100)]
        description, description_bg = pick(cat.descriptions)
        techs = p.techs
        tech = pick(techs)
        clerk = hq_clerks[0] if channel == hotline and random() < 0.4 else pick(p.clerks)
        manager = p.manager
        response_limit, arrival_limit = p.sla[urgency]
        completion_limit = p.sla[4]
        completion_due = t0 + completion_limit

        # ---- what will happen to it
        r = random()
        cancel_at = None
        if hold is None:
            if r < 0.015:
                cancel_at = S_RECEIVED
            elif r < 0.04:
                cancel_at = S_DIAGNOSING
        elif hold == S_CANCELLED:
            cancel_at = S_RECEIVED if r < 0.4 else S_DIAGNOSING
        cause = causes[bisect_right(causes_cum, random() * 1000)]
        if hold == S_NOT_COVERED:
            cause = c_misuse
        elif hold is not None and hold != S_CANCELLED:
            cause = c_construction
        if hold is None and random() < 0.004 and now - t0 < 150 * day:
            hold = (S_DIAGNOSING, S_PLANNING, S_IN_REPAIR)[int(random() * 3)]  # stuck: overdue
        rework = 0
        if random() < 0.05:
            rework = 2 if random() < 0.15 else 1
        reopen = hold is None and random() < 0.006

        # ---- 登记报修 (register_ticket): one event per intake value, the due times, the owner
        tid = new_id(t0)
        # Event ids: the ticket's report time, random bits, and the event's seq in the last 16
        # bits, so a ticket's events are written in the order of the store's indexes.
        event_base = new_id(t0)[:14]
        acts: list[tuple] = []  # (at, template, actor, values) per action, staged as such
        A = acts.append  # noqa: N806 - one action of the engine

        clerk_id = clerk.blob
        clerk_n = clerk.n
        atts: list[tuple] = []
        logs: list[tuple] = []
        mats: list[tuple] = []
        sigs: list[tuple] = []
        reported = fmt(t0)
        response_due, arrival_due = fmt(t0 + response_limit), fmt(t0 + arrival_limit)
        # register_ticket: the reporter's name and phone, description, place label, number and
        # channel come from the ticket row itself (they never change afterwards).
        A((reported, t_register + (rname != "") + 2 * (rphone != "") + 4 * (customer_id is not None)
           + 8 * (urgency != 3), clerk_n,
           (created_notes[channel], p.text_id, tx(loc_id), tx(customer_id) if customer_id is not None else None,
            cat.text_id, str(urgency), ez(reported), clerk.text_id, ez(response_due), ez(arrival_due),
            enc(completion_due), tech.text_id)))
        actions = 0  # after the registration: each bumps the ticket's version
        if random() < 0.6:
            # 添加附件: the reporter's photos, one action per file.
            for j in range(1 if random() < 0.75 else 2):
                ms = t0 + 2000 + j * 1000
                photo = pick(photos)
                name = photo_name(ms)
                att_id = new_id(ms)
                stamp = fmt(ms)
                atts.append((att_id, tid, None, photo[0], photo[1], "image/jpeg", name, "before",
                             pick(captions_before), stamp, clerk_id))
                A((stamp, t_attach, clerk_n, (_uuid_text(att_id), f"维修前：{name}")))
                actions += 1

        state = S_RECEIVED
        owner = tech
        responded = arrived = diagnosed = planned = completed = accepted = followed = archived = None
        paused_since = None
        paused_minutes = 0
        d_cause = d_part = d_party = d_org = d_coverage = d_end = None
        d_reason = ""
        structural = report = by_design = 0
        nc_reason = ""
        nc_by = None
        paid = 0
        plan_people = plan_safety = plan_sop = ""
        plan_hours = appointment = None
        result = None
        result_comment = satisfaction_comment = follow_result = cancel_reason = ""
        satisfaction = None
        follow_due = None
        duplicate_of = None
        merged = None  # the comment mark_duplicate writes on the original ticket
        rework_count = 0
        while True:
            # ---- 接单响应 (take_ticket): the owner takes it and calls the reporter
            lo, hi = _RESPONSE[urgency]
            d = lo + (hi - lo) * random() ** 1.5
            if random() < 0.06:
                d = response_limit * (1.05 + 1.5 * random())  # late: the limit was missed
            tr = t0 + 2 * minute + int(d * sc)
            if cancel_at == S_RECEIVED:
                tc = t0 + minute + int(d * 0.5 * sc)
                if tc > now:
                    break
                cancel_reason, duplicate_of, merged = cancellation(A, loc_id, tc, clerk_n, S_RECEIVED, number,
                                                                   rname, rphone)
                actions += 1
                state = S_CANCELLED
                break
            if random() < 0.03 and len(techs) > 1:
                other = pick(techs)
                ms = t0 + (tr - t0) // 2
                if other is not owner and ms <= now:
                    # 更换责任人 (assign_owner) with the reason.
                    A((fmt(ms), T_REASSIGN, manager.n, (owner.text_id, other.text_id, pick(V.REASSIGN_NOTES))))
                    actions += 1
                    owner = other
            if tr > now or hold == S_RECEIVED:
                break
            owner_n = owner.n
            responded = fmt(tr)
            A((responded, T_TAKE, owner_n, (ez(responded), pick(cat.response))))
            actions += 1
            state = S_DIAGNOSING

            # ---- 到场签到 (record_arrival), diagnosis and the coverage verdict
            lo, hi = _ARRIVAL[urgency]
            d = lo + (hi - lo) * random() ** 1.5
            if random() < 0.08:
                d = arrival_limit * (1.0 + random())
            tv = tr + 5 * minute + int(d * sc)
            if real and urgency > 1:
                tv = office(tv)
            if random() < 0.12:
                ms = tr + (tv - tr) // 2
                if ms > now:
                    break
                A((fmt(ms), t_comment, clerk_n, (pick(V.COMMENTS),)))
                actions += 1
            if tv > now:
                break
            arrived = fmt(tv)
            A((arrived, T_ARRIVE, owner_n, (ez(arrived),)))
            actions += 1
            author = owner
            crew = f"{owner.name}、{family.crew}{1 + int(random() * 3)}人"
            warranted = not (cause in excluded_causes or t0 >= p.end_ms[code])
            if not warranted:
                responsible = ""  # not warranted: nobody bears a warranty repair
            else:
                subs = p.subs_by_trade.get(cat.trade)
                if subs and random() < 0.6:
                    d_org, sub_short, responsible = pick(subs)
                    d_party = subcontracted
                    crew = f"{sub_short}{family.crew}{1 + int(random() * 3)}人，保修员{owner.name}现场监督"
                    sub_staff = p.sub_staff.get(d_org)
                    author = sub_staff[0] if sub_staff else owner
                else:
                    d_party, d_org = own_team, p.dept
                    responsible = f"本单位（{p.dept_name}）"
            verdict = assessed(p, cat, local_day, cause, responsible)
            coverage = verdict.coverage
            dd = (20 + 220 * random()) * minute
            if coverage == v_judge:
                ms = tv + int(10 * minute * sc)
                if ms > now:
                    break
                A((fmt(ms), t_comment, owner_n, (pick(V.NEEDS_JUDGEMENT_NOTES),)))
                actions += 1
                dd += (1 + 6 * random()) * day  # the design unit / a testing body has a look
            if cancel_at == S_DIAGNOSING:
                tc = tv + int((25 + 50 * random()) * minute * sc)
                if tc > now:
                    break
                cancel_reason, duplicate_of, merged = cancellation(A, loc_id, tc, clerk_n, S_DIAGNOSING, number,
                                                                   rname, rphone)
                actions += 1
                d_party = d_org = None
                state = S_CANCELLED
                break
            td = tv + int(dd * sc)
            if td > now or hold == S_DIAGNOSING:
                d_party = d_org = None
                break
            if coverage == v_covered:
                repair = True
            elif coverage == v_judge:  # the appraisal mostly confirms a warranted defect
                repair = hold is not None or random() < 0.8
            else:  # not covered or expired
                repair = False
            note = f"诊断：{pick(family.diagnoses)}"
            if not repair:
                # The technician records cause and part (修改信息: the verdict follows the part),
                # the project manager rules 不予保修 (diagnose refuses such a verdict).
                d_party = d_org = None
                if responsible:
                    verdict = assessed(p, cat, local_day, cause, "")
                d_cause, d_part = cause, cat.part
                d_coverage = verdict.coverage.value
                d_end = verdict.end_date.isoformat() if verdict.end_date is not None else None
                d_reason = verdict.reason
                A((fmt(td), T_EDIT_CAUSE, owner_n, (cause, note)))
                A((fmt(td + 1000), T_EDIT_PART + (d_end is not None), owner_n, (d_part, d_coverage, d_end, d_reason)))
                actions += 2
                if coverage == v_judge:
                    nc_reason = pick(V.JUDGEMENT_NOT_COVERED)
                elif coverage == v_not:
                    nc_reason = pick(not_covered_reasons[cause])
                else:  # expired
                    nc_reason = (f"已超过保修期（保修期至 {d_end} 止，报修日期 {day_text[local_day]}），"
                                 "不予保修，可提供有偿维修")
                tn = td + int((10 + 230 * random()) * minute * sc)
                if tn > now:
                    break
                # 审批不予保修 (rule_not_covered) by the project manager.
                nc_by = manager.blob
                paid = 1 if verdict.paid_repair_possible or random() < 0.3 else 0
                if coverage == v_judge:
                    ruled = f"经项目经理审批不予保修：{nc_reason}。"
                    A((fmt(tn), T_RULE_NOT_COVERED + paid + 2, manager.n,
                       (nc_reason, manager.text_id, d_coverage, d_reason, ruled)))
                    d_coverage, d_reason = v_not.value, ruled
                else:
                    A((fmt(tn), T_RULE_NOT_COVERED + paid, manager.n, (nc_reason, manager.text_id)))
                actions += 1
                state = S_NOT_COVERED
                break
            # ---- 完成诊断 (diagnose): the values, the structural path, the verdict, → 维修计划
            diagnosed = fmt(td)
            d_cause, d_part = cause, cat.part
            d_coverage = coverage.value
            d_end = verdict.end_date.isoformat() if verdict.end_date is not None else None
            d_reason = verdict.reason
            options = 4 if d_end is not None else 0
            old_urgency = None
            if cat.structural and random() < 0.15:
                # 涉及结构安全: an emergency reported to the authority; the design unit plans the
                # repair (timers already met keep their due times, completion's does not move).
                structural = by_design = report = 1
                options += 1
                if urgency != 1:
                    options += 2
                    old_urgency = str(urgency)
                    urgency = 1
            if coverage == v_judge:
                note = f"{note}；{pick(V.JUDGEMENT_COVERED)}"
            A((diagnosed, T_DIAGNOSE + options, owner_n,
               (cause, d_part, d_party, tx(d_org), old_urgency, d_coverage, d_end, d_reason, ez(diagnosed), note)))
            actions += 1
            state = S_PLANNING

            # ---- 保存维修计划 (save_plan): people, duration, safety, appointment, materials
            dp = (1 + 70 * random()) * hour
            if structural:
                dp += (3 + 7 * random()) * day  # the design unit's scheme first
            tp = td + int(dp * sc)
            if tp > now or hold == S_PLANNING:
                break
            planned = stamp = fmt(tp)
            lo_h, hi_h = family.hours
            plan_hours = float(lo_h + int(random() * (hi_h - lo_h + 1)))
            plan_people = crew
            plan_safety = f"{pick(family.safety)}；进场前进行安全技术交底"
            plan_sop = family.sop
            appointment = tp + int((2 + 70 * random()) * hour * sc)
            if real:
                appointment = office(appointment)
            used = []
            lines = []
            materials = family.materials
            first = int(random() * len(materials))
            r = random()
            for order in range(min(len(materials), 1 if r < 0.45 else 2 if r < 0.8 else 3 if r < 0.93 else 4)):
                m_name, m_spec, m_unit, m_lo, m_hi = materials[(first + order) % len(materials)]
                qty = m_lo + (m_hi - m_lo) * random()
                qty = float(int(qty + 0.5)) if m_unit in count_units else round(qty, 1)
                mats.append((new_id(tp), tid, m_name, m_spec, qty, m_unit, order, stamp, stamp))
                used.append(f"{m_name}{qty:g}{m_unit}")
                lines.append(f"{m_name}{(' ' + m_spec) if m_spec else ''} {qty:g}{m_unit}")
            used_text = "；".join(used)
            A((stamp, T_PLAN + (plan_sop != "") + 2 * by_design + 4 * (len(lines) > 0), owner_n,
               (plan_people, repr(plan_hours), plan_safety, enc(appointment), plan_sop, "；".join(lines), ez(stamp))))
            actions += 1
            # ---- 开始维修 (start_repair) right after: arrival is recorded already
            ts = tp + 1000
            if ts > now:
                break
            A((fmt(ts), T_START, owner_n, (pick(V.PLAN_NOTES),)))
            actions += 1
            state = S_IN_REPAIR
            if hold == S_IN_REPAIR:
                break

            # ---- repair on site (the appointment may move, the owner may be away)
            work_start = appointment
            if random() < 0.08:
                ms = tp + (appointment - tp) // 3
                if ms > now:
                    break
                moved = appointment + int((1 + 3 * random()) * day * sc)
                if real:
                    moved = office(moved)
                # 修改信息 plan_appointment_at (edit_field)
                A((fmt(ms), T_MOVE, owner_n, (enc(appointment), enc(moved), pick(V.APPOINTMENT_CHANGE_NOTES))))
                actions += 1
                appointment = work_start = moved
            if random() < 0.06:
                ps = tp + 2 * (work_start - tp) // 3
                if ps > now:
                    break
                # 暂停计时 (pause_timer) with the reason.
                paused = fmt(ps)
                A((paused, T_PAUSE, owner_n, (ez(paused), pick(V.PAUSE_NOTES))))
                actions += 1
                pause = max(1, int((1 + 4 * random()) * day * sc) // minute)
                pe = ps + pause * minute
                if pe > now:
                    paused_since = paused
                    break
                # 恢复计时 (resume_timer): the pause adds up, the timers not yet met move later.
                stamp = fmt(pe)
                moved = completion_due + pause * minute
                resumed = pick(V.RESUME_NOTES)
                A((stamp, T_RESUME, owner_n, (ez(paused), str(pause), enc(completion_due), enc(moved), resumed)))
                actions += 1
                paused_minutes = pause
                completion_due = moved
                work_start = max(work_start, pe + 30 * minute)
            r = random()
            n_logs = 1 if r < 0.6 else 2 if r < 0.9 else 3
            start = work_start
            last_end = None
            for j in range(n_logs):
                if real:
                    start = office(start)
                end = start + int((1 + 7 * random()) * hour * sc)
                if end + 3000 > now:
                    break
                actions += add_log(A, tid, logs, atts, start, end, author, plan_people, pick(family.works),
                                   used_text if j == 0 else "", j == 0 and random() < 0.25, j == n_logs - 1)
                last_end = end
                start = end + int((14 + 26 * random()) * hour * sc)
            if last_end is None or end + 3000 > now:
                break  # still on site: the logs written so far are recorded
            tc = last_end + int((2 + 28 * random()) * minute * sc) + 4000
            if tc > now:
                break
            # ---- 完工报验 (submit_for_acceptance)
            completed = fmt(tc)
            A((completed, T_SUBMIT, owner_n, (ez(completed), pick(cat.complete))))
            actions += 1
            state = S_ACCEPTANCE
            if hold == S_ACCEPTANCE:
                break

            # ---- acceptance (a failed one sends it back to repair: 返修)
            while True:
                wait = 10 * minute + random() * 3 * day + (day if cat.leak else 0)
                ta = tc + 3 * minute + int(wait * sc)
                if real:
                    ta = office(ta)
                if ta > now:
                    break
                if rework > 0:
                    # 验收不通过 (reject) with the owner's words.
                    rework -= 1
                    note = pick(cat.rework)
                    stamp = fmt(ta)
                    A((stamp, T_REJECT + (result != "failed") + 2 * (result_comment != note), owner_n,
                       (result, result_comment, note, ez(completed), str(rework_count), str(rework_count + 1))))
                    actions += 1
                    result, result_comment = "failed", note
                    rework_count += 1
                    completed = None
                    state = S_IN_REPAIR
                    start = ta + int((2 + 40 * random()) * hour * sc)
                    if real:
                        start = office(start)
                    end = start + int((1 + 5 * random()) * hour * sc)
                    if end + 3000 > now:
                        break
                    actions += add_log(A, tid, logs, atts, start, end, author, plan_people,
                                       f"返修：{pick(family.works)}", "", False, True)
                    tc = end + int((2 + 28 * random()) * minute * sc) + 4000
                    if tc > now:
                        break
                    completed = fmt(tc)
                    A((completed, T_SUBMIT, owner_n, (ez(completed), pick(cat.complete))))
                    actions += 1
                    state = S_ACCEPTANCE
                    continue
                actions += add_signatures(A, tid, sigs, ta, signer, owner)
                note = pick(cat.accept)
                satisfaction = sat_values[bisect_right(sat_cum, random() * 100)]
                if rework_count and satisfaction > 1 and random() < 0.5:
                    satisfaction -= 1
                satisfaction_comment = pick(V.SATISFACTION_COMMENTS[satisfaction])
                accepted = fmt(ta)
                follow_due = day_text[(ta + lm - base) // day + 7]
                accept(A, accepted, owner_n, result, result_comment, note, satisfaction, satisfaction_comment,
                       follow_due)
                actions += 1
                result, result_comment = "passed", note
                state = S_FOLLOW_UP
                break
            if state != S_FOLLOW_UP:
                break

            # ---- 记录回访 within 7 days (some late), then 归档 by the clerk
            late = random() < 0.1
            tf = ta + int(((8 + 6 * random()) if late else (1 + 5.5 * random())) * day * sc)
            if real:
                tf = office(tf)
            if tf > now or hold == S_FOLLOW_UP:
                break
            follow_result = pick(cat.follow_up)
            followed = fmt(tf)
            A((followed, t_follow_up, clerk_n, (follow_result, ez(followed))))
            actions += 1
            tz = tf + int((10 * minute + random() * 3 * day) * sc)
            if real:
                tz = office(tz)
            if tz > now:
                break
            archived = fmt(tz)
            A((archived, T_ARCHIVE, clerk_n, (ez(archived),)))
            actions += 1
            state = S_ARCHIVED

            # ---- rarely: 重新打开 with a reason, repaired and archived again
            if reopen:
                t1 = office(tz + int((10 + 110 * random()) * day))
                s1 = office(t1 + int((1 + 2 * random()) * day))
                e1 = s1 + int((2 + 4 * random()) * hour)
                c1 = e1 + 10 * minute
                a1 = office(c1 + hour + int(random() * 2 * day))
                f1 = office(a1 + int((1 + 5.5 * random()) * day))
                z1 = office(f1 + hour + int(random() * 2 * day))
                if z1 <= now:
                    # Reopened as rework: acceptance and follow-up start again, the completion
                    # timer restarts (app.models.ticket_actions.reopen).
                    restarted = t1 + completion_limit
                    A((fmt(t1), T_REOPEN + (satisfaction_comment != ""), manager.n,
                       (ez(archived), ez(accepted), str(satisfaction), satisfaction_comment, ez(completed), follow_due,
                        ez(followed),
                        follow_result, enc(completion_due), enc(restarted), str(rework_count),
                        str(rework_count + 1), pick(V.REOPEN_REASONS))))
                    actions += 1
                    completion_due = restarted
                    rework_count += 1
                    actions += add_log(A, tid, logs, atts, s1, e1, author, plan_people, f"复修：{pick(family.works)}",
                                       "", False, True)
                    completed = fmt(c1)
                    A((completed, T_SUBMIT, owner_n, (ez(completed), pick(cat.complete))))
                    actions += 1
                    actions += add_signatures(A, tid, sigs, a1, signer, owner)
                    note = pick(cat.accept)
                    accepted = fmt(a1)
                    follow_due = day_text[(a1 + lm - base) // day + 7]
                    accept(A, accepted, owner_n, None, result_comment, note, satisfaction, satisfaction_comment,
                           follow_due)
                    actions += 1
                    result, result_comment = "passed", note
                    follow_result = pick(cat.follow_up)
                    followed = fmt(f1)
                    A((followed, t_follow_up_again, clerk_n, (follow_result, ez(followed))))
                    archived = fmt(z1)
                    A((archived, T_ARCHIVE, clerk_n, (ez(archived),)))
                    actions += 2
            break

        body = f"{number_bigrams} {description_bg} {label_bg} {bg(rname)} {_digits_bigram_text(rphone)}"
        ticket = [  # the ticket's columns (_COLUMNS["ticket"]), then its search text
            number, state, urgency, p.blob, blob[loc_id], label, blob[customer_id], channel, rname, rphone,
            description, reported, clerk_id, owner.blob,
            response_due, responded, arrival_due, arrived, fmt(completion_due), completed,
            paused_since, paused_minutes,
            d_cause, cat.blob, d_part, structural, report, d_party, blob[d_org], d_coverage, d_end, d_reason,
            diagnosed, nc_reason, nc_by, paid,
            plan_people, plan_hours, plan_safety, fmt(appointment) if appointment else None, plan_sop, by_design,
            planned, result, result_comment, satisfaction, satisfaction_comment, accepted,
            follow_due, followed, follow_result, archived,
            cancel_reason, duplicate_of, rework_count, 1 + actions, tid, reported, acts[-1][0], body, event_base,
        ]
        return ticket, acts, mats, logs, atts, sigs, loc_id, merged

    def accept(A, stamp, actor, old_result, old_comment, comment, score, score_comment, due):  # noqa: N803
        """验收通过 (accept): the acceptance values, then → 回访 (no score comment before)."""
        A((stamp, T_ACCEPT + (comment != old_comment) + 2 * (score_comment != ""), actor,
           (old_result, old_comment, comment, str(score), score_comment, ez(stamp), due, comment or "验收通过")))

    def assessed(p, cat, local_day, cause, responsible):
        key = (p.code, cat.part, cat.season, local_day, cause, responsible)
        verdict = verdicts.get(key)
        if verdict is None:  # the same inputs give the same (immutable) verdict
            verdict = verdicts[key] = assess(p.model, cat.part, dates[local_day], cause=cause,
                                             responsible=responsible, season=cat.season, terms=p.terms)
        return verdict

    def cancellation(A, loc_id, tc, actor, state, number, rname, rphone):  # noqa: N803
        """取消报修, or 标记为重复报修 when the same place reported the same lately and that ticket
        is still open: (reason, original id, the comment for the original or None)."""
        stamp = fmt(tc)
        previous = last_by_location.get(loc_id)
        if (previous is not None and tc - previous[0] < 30 * day and random() < 0.6
                and open_at(previous[3], stamp)):
            reason = f"与 {previous[2]} 重复"
            A((stamp, T_DUPLICATE[state], actor, (_uuid_text(previous[1]), reason)))
            reporter = " ".join(part for part in (rname, rphone) if part) or "未留姓名"
            comment = (stamp, T_MERGED, actor, (number, f"合并重复报修 {number}（报修人：{reporter}）"))
            return reason, previous[1], (previous[4], comment)
        reason = pick(V.CANCEL_REASONS)
        A((stamp, T_CANCEL[state], actor, (reason,)))
        return reason, None, None

    return simulate
