"""The demo-data generator: deterministic, complete, and consistent with the model's rules."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sqlite3
import tempfile
import uuid
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.config import attachments_dir
from app.demo.generator import REFERENCE_NOW, DemoSummary, _id_maker, _staging_root, generate_demo
from app.models.db import open_database, set_installation_code
from app.models.history import replay_differences
from app.models.ids import seeded_id
from app.models.numbering import next_ticket_number
from app.models.search import SEARCHED_FIELDS, match_expression
from app.models.taxonomy import DEFAULT_TAXONOMY, category_id
from app.models.ticket import Ticket
from app.models.vocabulary import (
    MAIN_LINE,
    Channel,
    LocationKind,
    OrgKind,
    ProjectType,
    Role,
    TicketState,
    Urgency,
)
from app.models.warranty_terms import check_term

TICKETS = 2000
SEED = 11
INSTALLATION = "JN01"

# A ticket's timestamps in the order its lifecycle reaches them.
STAGE_TIMES = (
    "reported_at", "responded_at", "arrived_at", "diagnosed_at", "planned_at", "completed_at",
    "accepted_at", "followed_up_at", "archived_at",
)


def _open(path: Path):
    db = open_database(path, create=True)
    with db.transaction() as session:
        set_installation_code(session, INSTALLATION)
    db.close()
    return open_database(path)  # reads the code back


@pytest.fixture
def fresh_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("WARRANTYDESK_DATA_DIR", str(tmp_path))
    db = _open(tmp_path / "t.db")
    yield db
    db.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    """One generated store shared by the read-only checks (generating takes about a second)."""
    folder = tmp_path_factory.mktemp("demo")
    db = _open(folder / "t.db")
    calls: list[tuple[int, int]] = []
    summary = generate_demo(db, TICKETS, SEED, progress=lambda done, total: calls.append((done, total)))
    yield db, summary, calls
    db.close()


def _con(db) -> sqlite3.Connection:
    return sqlite3.connect(db.path)


def _dump(db, table: str) -> list[tuple]:
    with _con(db) as con:
        return sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)


# ---------------------------------------------------------------------------------------------
# Determinism and bookkeeping
# ---------------------------------------------------------------------------------------------


def test_same_seed_gives_identical_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tables = ("ticket", "ticket_event", "location", "customer", "work_log", "attachment", "signature",
              "plan_material", "staff", "project", "ticket_search_doc")
    dumps = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        monkeypatch.setenv("WARRANTYDESK_DATA_DIR", str(folder))
        db = _open(folder / "t.db")
        generate_demo(db, 300, 5)
        dumps.append({table: _dump(db, table) for table in tables})
        db.close()
    for table in tables:
        assert dumps[0][table] == dumps[1][table], table
    assert len(dumps[0]["ticket"]) == 300


def test_other_seed_gives_other_data(fresh_db, tmp_path: Path) -> None:
    generate_demo(fresh_db, 50, 1)
    other = _open(tmp_path / "other.db")
    generate_demo(other, 50, 2)
    assert _dump(fresh_db, "ticket") != _dump(other, "ticket")
    other.close()


def test_worker_processes_make_the_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Large data sets are made by worker processes (chunk by chunk); the rows are the same."""
    import app.demo.generator as generator

    monkeypatch.setattr(generator, "CHUNK_TICKETS", 120)  # four chunks: both workers take turns
    tables = ("ticket", "ticket_event", "attachment", "work_log", "ticket_search_doc", "location")
    dumps = []
    for name, parallel in (("here", False), ("workers", True)):
        folder = tmp_path / name
        folder.mkdir()
        monkeypatch.setenv("WARRANTYDESK_DATA_DIR", str(folder))
        db = _open(folder / "t.db")
        calls: list[int] = []
        summary = generate_demo(db, 420, 9, progress=lambda done, _total, seen=calls: seen.append(done),
                                parallel=parallel)
        assert calls == [120, 240, 360, 420]
        assert summary.tickets == 420
        dumps.append([_dump(db, table) for table in tables])
        with _con(db) as con:
            assert con.execute("SELECT max(last_seq) FROM ticket_counter").fetchone()[0] > 0
        db.close()
    assert dumps[0] == dumps[1]
    for root in {_staging_root() or tempfile.gettempdir(), tempfile.gettempdir()}:
        assert not list(Path(root).glob("warrantydesk-demo-*/chunk-*.db"))


def test_fast_ids_are_seeded_ids() -> None:
    ours, reference = random.Random(3), random.Random(3)
    make = _id_maker(ours)
    for ms in (0, 1_700_000_000_123, 2**47 + 5):
        assert make(ms) == seeded_id(reference, ms).bytes
        assert uuid.UUID(bytes=make(ms)).version == 7
        seeded_id(reference, ms)


def test_summary_counts_rows_and_progress_is_reported(demo) -> None:
    db, summary, calls = demo
    assert isinstance(summary, DemoSummary)
    assert summary.elapsed_seconds > 0
    assert summary.files >= 12
    with _con(db) as con:
        for table, count in (("ticket", summary.tickets), ("ticket_event", summary.ticket_events),
                             ("location", summary.locations), ("customer", summary.customers),
                             ("work_log", summary.work_logs), ("attachment", summary.attachments),
                             ("signature", summary.signatures), ("staff", summary.staff)):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == count, table
    assert summary.tickets == TICKETS
    assert calls[-1] == (TICKETS, TICKETS)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_store_settings_are_restored(demo) -> None:
    db, _, _ = demo
    with db.sessions() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_every_not_null_column_is_written(demo) -> None:
    """Columns the ORM fills by default are given explicitly (no NULL where the model forbids it)."""
    db, _, _ = demo
    from app.models import Base

    with _con(db) as con:
        for table in ("ticket", "ticket_event", "project", "location", "customer", "staff", "org_unit",
                      "work_log", "plan_material", "attachment", "signature", "warranty_term",
                      "unit_ownership", "project_subcontractor"):
            for column in Base.metadata.tables[table].columns:
                if not column.nullable:
                    nulls = con.execute(f"SELECT count(*) FROM {table} WHERE {column.name} IS NULL").fetchone()[0]
                    assert nulls == 0, f"{table}.{column.name}"


# ---------------------------------------------------------------------------------------------
# Organisation, projects, places
# ---------------------------------------------------------------------------------------------


def test_organisation_roles_and_project_types(demo) -> None:
    db, _, _ = demo
    with _con(db) as con:
        kinds = {k for (k,) in con.execute("SELECT kind FROM org_unit")}
        roles = {r for (r,) in con.execute("SELECT role FROM staff")}
        types = {t for (t,) in con.execute("SELECT type FROM project")}
        trades = " ".join(t for (t,) in con.execute("SELECT trades FROM org_unit WHERE kind = 'subcontractor'"))
        projects = con.execute("SELECT handover_date, delivery_date, manager_id FROM project").fetchall()
        staff = con.execute("SELECT count(*) FROM staff").fetchone()[0]
    assert kinds == {k.value for k in OrgKind}
    assert roles == {r.value for r in Role}
    assert types >= {t.value for t in ProjectType if t != ProjectType.OTHER}
    for trade in ("防水", "电气", "给排水", "暖通", "装饰装修", "道路", "钢结构", "电梯"):
        assert trade in trades
    assert len(projects) >= 6
    assert 20 <= staff <= 60
    now = REFERENCE_NOW.date()
    for handover, delivery, manager in projects:
        handover, delivery = dt.date.fromisoformat(handover), dt.date.fromisoformat(delivery)
        assert 365 <= (now - handover).days <= 6 * 366
        assert handover < delivery < now
        assert manager is not None


def test_warranty_terms_respect_the_law(demo) -> None:
    db, _, _ = demo
    with _con(db) as con:
        terms = con.execute("SELECT building_part, period, unit FROM warranty_term").fetchall()
        projects = con.execute("SELECT count(*) FROM project").fetchone()[0]
    assert len(terms) == projects * 10
    for part, period, unit in terms:
        check_term(part, period, unit)


def test_location_trees(demo) -> None:
    db, _, _ = demo
    with _con(db) as con:
        kinds = {k for (k,) in con.execute("SELECT kind FROM location")}
        rooms = con.execute(
            "SELECT r.name, r.full_name, f.kind, u.kind, b.kind FROM location r"
            " JOIN location f ON f.id = r.parent_id JOIN location u ON u.id = f.parent_id"
            " JOIN location b ON b.id = u.parent_id JOIN project p ON p.id = r.project_id"
            " WHERE r.kind = 'room' AND p.type = 'residential'"
        ).fetchall()
        chainages = [n for (n,) in con.execute("SELECT name FROM location WHERE kind = 'chainage'")]
        owned = con.execute(
            "SELECT count(*) FROM unit_ownership o JOIN location l ON l.id = o.location_id WHERE l.kind = 'room'"
        ).fetchone()[0]
        orphans = con.execute(
            "SELECT count(*) FROM location c LEFT JOIN location p ON p.id = c.parent_id"
            " WHERE c.parent_id IS NOT NULL AND (p.id IS NULL OR p.project_id != c.project_id)"
        ).fetchone()[0]
    assert kinds == {k.value for k in LocationKind}
    assert rooms and all((f, u, b) == ("floor", "unit", "building") for _, _, f, u, b in rooms)
    name, full, *_ = rooms[0]
    assert full.endswith(name) and "栋" in full and "单元" in full and name.endswith("室")
    assert chainages and all(c.startswith("K") and "+" in c for c in chainages)
    assert owned > 0
    assert orphans == 0


# ---------------------------------------------------------------------------------------------
# Tickets
# ---------------------------------------------------------------------------------------------


def _tickets(db) -> list[sqlite3.Row]:
    con = _con(db)
    con.row_factory = sqlite3.Row
    rows = con.execute(
        "SELECT t.*, p.type AS project_type, p.handover_date FROM ticket t JOIN project p ON p.id = t.project_id"
    ).fetchall()
    con.close()
    return rows


def test_every_state_urgency_and_channel_appears(demo) -> None:
    db, _, _ = demo
    rows = _tickets(db)
    states = defaultdict(int)
    for row in rows:
        states[row["state"]] += 1
    assert set(states) == {s.value for s in TicketState}
    assert states["archived"] > TICKETS / 2  # most tickets are done and filed
    assert {row["urgency"] for row in rows} == {u.value for u in Urgency}
    assert {row["channel"] for row in rows} == {c.value for c in Channel}
    now = REFERENCE_NOW
    open_states = {s.value for s in MAIN_LINE[:-1]}
    recent = [row for row in rows if row["state"] in open_states
              and now - dt.datetime.fromisoformat(row["reported_at"]) < dt.timedelta(days=150)]
    assert len(recent) >= 0.9 * sum(states[s] for s in open_states)


def test_categories_fit_the_project_type(demo) -> None:
    db, _, _ = demo
    allowed = {
        (ptype.value, category_id(ptype.value, code).bytes)
        for ptype, categories in DEFAULT_TAXONOMY.items()
        for code, _, _ in categories
    }
    parts = {
        category_id(ptype.value, code).bytes: part.value
        for ptype, categories in DEFAULT_TAXONOMY.items()
        for code, _, part in categories
    }
    diagnosed = 0
    for row in _tickets(db):
        assert (row["project_type"], row["defect_category_id"]) in allowed
        # The building part is the technician's finding: set by the diagnosis, not at intake.
        assert row["building_part"] in (None, parts[row["defect_category_id"]])
        assert (row["building_part"] is None) == (row["cause"] is None)
        diagnosed += row["building_part"] is not None
    assert diagnosed > TICKETS / 2


def test_timestamps_follow_the_lifecycle(demo) -> None:
    db, _, _ = demo
    reached = {state.value: i for i, state in enumerate(MAIN_LINE)}
    now = REFERENCE_NOW.isoformat(sep=" ")
    for row in _tickets(db):
        times = [row[name] for name in STAGE_TIMES]
        filled = [t for t in times if t is not None]
        assert filled == sorted(filled), row["number"]
        assert all(t <= now for t in filled)
        assert row["created_at"] == row["reported_at"]
        assert row["response_due_at"] > row["reported_at"]
        assert row["arrival_due_at"] > row["reported_at"]
        assert row["completion_due_at"] >= row["arrival_due_at"]
        state = row["state"]
        if state in reached:
            level = reached[state]
            # Stage k's timestamp is filled exactly when the ticket got past stage k.
            for k, name in enumerate(("responded_at", "diagnosed_at", "planned_at")):
                assert (row[name] is not None) == (level > k), (row["number"], name)
            assert (row["accepted_at"] is not None) == (level >= reached["follow_up"])
            assert (row["archived_at"] is not None) == (state == "archived")
            assert (row["plan_people"] != "") == (row["planned_at"] is not None)
            assert (row["plan_appointment_at"] is not None) == (row["planned_at"] is not None)
            if row["accepted_at"] is not None:
                accepted = dt.datetime.fromisoformat(row["accepted_at"])
                local = (accepted + dt.timedelta(hours=8)).date()
                assert row["follow_up_due_on"] == (local + dt.timedelta(days=7)).isoformat()
                assert 1 <= row["satisfaction"] <= 5
                assert row["acceptance_result"] == "passed"
            else:
                assert row["satisfaction"] is None
        if state == "not_covered":
            # Recorded by the technician, ruled by the project manager (diagnose refuses it).
            assert row["not_covered_reason"] and row["not_covered_approved_by_id"]
            assert row["cause"] and row["coverage"] and row["diagnosed_at"] is None
        if state == "cancelled":
            assert row["cancel_reason"]
        if row["paused_since"] is not None:
            assert state == "in_repair"


def test_coverage_follows_handover_and_terms(demo) -> None:
    db, _, _ = demo
    rows = [row for row in _tickets(db) if row["coverage"] is not None]
    verdicts = defaultdict(int)
    ruled = 0
    for row in rows:
        verdicts[row["coverage"]] += 1
        reported = (dt.datetime.fromisoformat(row["reported_at"]) + dt.timedelta(hours=8)).date()
        end = dt.date.fromisoformat(row["coverage_end_date"])
        if row["coverage_reason"].startswith("经项目经理审批不予保修："):
            # To be judged, then ruled not covered: rule_not_covered replaces the verdict.
            ruled += 1
            assert row["coverage"] == "not_covered" and row["state"] == "not_covered"
            assert reported <= end and row["cause"] not in ("misuse", "third_party", "force_majeure")
            continue
        if row["cause"] in ("misuse", "third_party", "force_majeure"):
            assert row["coverage"] == "not_covered"
            assert row["state"] == "not_covered"
        elif reported > end:
            assert row["coverage"] == "expired"
            assert row["state"] == "not_covered"
        else:
            assert row["coverage"] in ("covered", "needs_judgement")
        if row["coverage"] == "covered":
            assert row["state"] != "not_covered"
            assert row["responsible_party"] in ("own_team", "subcontractor")
            assert row["responsible_org_id"] is not None
        assert row["handover_date"] in row["coverage_reason"]
    assert set(verdicts) == {"covered", "expired", "needs_judgement", "not_covered"}
    assert verdicts["covered"] > len(rows) / 2
    assert ruled > 0


def test_owners_and_registrars_have_the_right_roles(demo) -> None:
    db, _, _ = demo
    with _con(db) as con:
        bad_owner = con.execute(
            "SELECT count(*) FROM ticket t JOIN project p ON p.id = t.project_id JOIN staff s ON s.id = t.owner_id"
            " WHERE s.role != 'technician' OR s.org_unit_id != p.project_dept_id"
        ).fetchone()[0]
        bad_clerk = con.execute(
            "SELECT count(*) FROM ticket t JOIN staff s ON s.id = t.registered_by_id WHERE s.role != 'clerk'"
        ).fetchone()[0]
        missing = con.execute(
            "SELECT count(*) FROM ticket WHERE owner_id IS NULL OR registered_by_id IS NULL"
        ).fetchone()[0]
    assert bad_owner == bad_clerk == missing == 0


def test_numbers_are_unique_and_the_counter_continues(demo) -> None:
    db, _, _ = demo
    with _con(db) as con:
        numbers = [n for (n,) in con.execute("SELECT number FROM ticket")]
        counters = dict(con.execute("SELECT year, last_seq FROM ticket_counter WHERE installation_code = ?",
                                    (INSTALLATION,)))
    assert len(numbers) == len(set(numbers)) == TICKETS
    per_year = defaultdict(list)
    for number in numbers:
        prefix, code, year, seq = number.split("-")
        assert (prefix, code) == ("BX", INSTALLATION)
        per_year[int(year)].append(int(seq))
    for year, seqs in per_year.items():
        assert sorted(seqs) == list(range(1, len(seqs) + 1))
        assert counters[year] == len(seqs)
    last_year = max(per_year)
    with db.transaction() as session:
        number = next_ticket_number(session, last_year)
    assert number == f"BX-{INSTALLATION}-{last_year}-{len(per_year[last_year]) + 1:05d}"


def test_tickets_are_numbered_in_report_order(demo) -> None:
    db, _, _ = demo
    with _con(db) as con:
        rows = con.execute("SELECT number, reported_at FROM ticket ORDER BY reported_at, number").fetchall()
    by_year = defaultdict(list)
    for number, _ in rows:
        by_year[number.split("-")[2]].append(int(number.split("-")[3]))
    assert all(seqs == sorted(seqs) for seqs in by_year.values())


# ---------------------------------------------------------------------------------------------
# History
# ---------------------------------------------------------------------------------------------


def _events(db) -> dict[bytes, list[tuple]]:
    with _con(db) as con:
        rows = con.execute(
            "SELECT ticket_id, seq, at, id, kind, field, old_value, new_value, actor_id FROM ticket_event"
            " ORDER BY ticket_id, seq, at, id"
        ).fetchall()
    events = defaultdict(list)
    for row in rows:
        events[row[0]].append(row[1:])
    return events


def test_state_events_replay_to_the_state(demo) -> None:
    db, _, _ = demo
    events = _events(db)
    tickets = {row["id"]: row for row in _tickets(db)}
    assert set(events) == set(tickets)
    for ticket_id, history in events.items():
        row = tickets[ticket_id]
        assert history[0][3] == "created" and history[0][1] == row["reported_at"]
        assert history[0][6] == row["number"]
        state = TicketState.RECEIVED.value
        for _seq, _at, _id, kind, field, old, new, _actor in history:
            if kind == "state":
                assert field == "state" and old == state, row["number"]
                state = new
        assert state == row["state"], row["number"]
        assert any(kind == "assignment" for _, _, _, kind, *_ in history)


def test_events_are_ordered_in_time_and_numbered(demo) -> None:
    db, _, _ = demo
    tickets = {row["id"]: row for row in _tickets(db)}
    for ticket_id, history in _events(db).items():
        assert [seq for seq, *_ in history] == list(range(1, len(history) + 1))
        times = [at for _, at, *_ in history]
        assert times == sorted(times)
        assert tickets[ticket_id]["updated_at"] == times[-1]
        assert all(actor is not None for *_, actor in history)
        # One action = events with one time and one actor (TicketChange); the registration is
        # version 1 and every later action bumps it once.
        actions = [(at, actor) for _, at, *_, actor in history]
        runs = 1 + sum(1 for a, b in zip(actions, actions[1:], strict=False) if a != b)
        assert tickets[ticket_id]["version"] == runs, tickets[ticket_id]["number"]
        # UUIDv7 ids: the ticket's report time, then random bits and the seq (so a ticket's
        # events are written in index order).
        reported = dt.datetime.fromisoformat(tickets[ticket_id]["reported_at"])
        ids = [event_id for _, _, event_id, *_ in history]
        assert ids == sorted(ids) and len({i[:14] for i in ids}) == 1
        for seq, _, event_id, *_ in history:
            assert uuid.UUID(bytes=event_id).version == 7
            ms = int.from_bytes(event_id[:6], "big")
            assert dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=ms) == reported
            assert int.from_bytes(event_id[14:], "big") == seq


def test_every_history_replays_strictly_to_its_ticket(demo) -> None:
    """app.models.history's own check, strict: every column of every ticket is explained by its
    events, written as the engine writes them (one event per changed field)."""
    db, _, _ = demo
    with db.sessions() as session:
        tickets = session.scalars(select(Ticket)).all()
        assert len(tickets) == TICKETS
        for ticket in tickets:
            assert replay_differences(session, ticket, strict=True) == [], ticket.number


def test_tickets_satisfy_the_models_invariants(demo) -> None:
    """app.models.ticket_invariants with strict replay, for every ticket of the store."""
    from app.models.ticket_invariants import ticket_problems

    db, _, _ = demo
    special = [
        Ticket.rework_count > 0, Ticket.paused_minutes > 0, Ticket.structural_safety.is_(True),
        Ticket.duplicate_of_id.is_not(None), Ticket.coverage == "needs_judgement",
    ]
    with db.sessions() as session:
        for where in special:  # every special case occurs
            assert session.scalar(select(Ticket.id).where(where).limit(1)) is not None, str(where)
        tickets = session.scalars(select(Ticket)).all()
        assert {t.state for t in tickets} == {s.value for s in TicketState}
        for ticket in tickets:
            assert ticket_problems(session, ticket, strict_replay=True, now=REFERENCE_NOW) == [], ticket.number


def test_duplicates_are_merged_into_open_originals(demo) -> None:
    """mark_duplicate: the duplicate is cancelled with the link and the reason, and the original
    (still open then) gets the note 合并重复报修 in its history."""
    db, _, _ = demo
    with _con(db) as con:
        pairs = con.execute(
            "SELECT d.number, d.cancel_reason, o.number, o.id, d.reporter_name FROM ticket d"
            " JOIN ticket o ON o.id = d.duplicate_of_id"
        ).fetchall()
        assert pairs
        for number, reason, original, original_id, reporter in pairs:
            assert reason == f"与 {original} 重复"
            notes = con.execute(
                "SELECT e.note, e.at, (SELECT s.new_value FROM ticket_event s WHERE s.ticket_id = e.ticket_id"
                " AND s.kind = 'state' AND s.seq < e.seq ORDER BY s.seq DESC LIMIT 1)"
                " FROM ticket_event e WHERE e.ticket_id = ? AND e.kind = 'comment' AND e.new_value = ?",
                (original_id, number),
            ).fetchall()
            assert len(notes) == 1, number
            note, _, state = notes[0]
            assert note.startswith(f"合并重复报修 {number}（报修人：{reporter}")
            assert state in (None, *(s.value for s in MAIN_LINE[:-1]))  # the original was open


def test_rework_reopen_and_pauses_appear(demo) -> None:
    db, _, _ = demo
    with _con(db) as con:
        rework = con.execute("SELECT count(*) FROM ticket WHERE rework_count > 0").fetchone()[0]
        reopened = con.execute(
            "SELECT count(DISTINCT ticket_id) FROM ticket_event WHERE kind = 'state' AND old_value = 'archived'"
        ).fetchone()[0]
        failed = con.execute(
            "SELECT count(*) FROM ticket_event WHERE kind = 'state' AND old_value = 'acceptance'"
            " AND new_value = 'in_repair'"
        ).fetchone()[0]
        paused = con.execute("SELECT count(*) FROM ticket WHERE paused_minutes > 0").fetchone()[0]
        kinds = {k for (k,) in con.execute("SELECT DISTINCT kind FROM ticket_event")}
    assert rework > 0 and failed > 0 and reopened > 0 and paused > 0
    assert {"created", "state", "assignment", "field", "comment", "attachment", "signature", "work_log",
            "timer"} <= kinds


# ---------------------------------------------------------------------------------------------
# Plans, logs, photos, signatures
# ---------------------------------------------------------------------------------------------


def test_accepted_tickets_have_logs_after_photos_and_signatures(demo) -> None:
    db, _, _ = demo
    with _con(db) as con:
        accepted = {i for (i,) in con.execute("SELECT id FROM ticket WHERE accepted_at IS NOT NULL")}
        logged = {i for (i,) in con.execute("SELECT DISTINCT ticket_id FROM work_log")}
        after = {i for (i,) in con.execute("SELECT DISTINCT ticket_id FROM attachment WHERE stage = 'after'")}
        owner = {i for (i,) in con.execute("SELECT DISTINCT ticket_id FROM signature WHERE signer_role = 'owner'")}
        technician = {i for (i,) in con.execute(
            "SELECT DISTINCT ticket_id FROM signature WHERE signer_role = 'technician' AND method = 'on_screen'")}
        planned = {i for (i,) in con.execute("SELECT id FROM ticket WHERE planned_at IS NOT NULL")}
        materials = dict(con.execute("SELECT ticket_id, count(*) FROM plan_material GROUP BY ticket_id"))
        before = con.execute("SELECT count(DISTINCT ticket_id) FROM attachment WHERE stage = 'before'").fetchone()[0]
        logs_outside = con.execute(
            "SELECT count(*) FROM work_log w JOIN ticket t ON t.id = w.ticket_id"
            " WHERE w.started_at < t.planned_at OR w.ended_at < w.started_at"
        ).fetchone()[0]
    assert accepted
    assert accepted <= logged and accepted <= after and accepted <= owner and accepted <= technician
    assert set(materials) == planned and all(1 <= n <= 4 for n in materials.values())
    assert before > TICKETS / 3
    assert logs_outside == 0


def test_attachment_files_exist_with_matching_hashes(demo) -> None:
    db, _, _ = demo
    root = attachments_dir(db.path)
    with _con(db) as con:
        files = dict(con.execute("SELECT DISTINCT sha256, size FROM attachment"))
        signatures = {s for (s,) in con.execute("SELECT DISTINCT image_sha256 FROM signature")}
        mimes = {m for (m,) in con.execute("SELECT DISTINCT mime_type FROM attachment")}
    assert len(files) >= 10 and signatures and mimes == {"image/jpeg"}
    for sha, size in files.items():
        data = (root / sha[:2] / sha[2:]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha and len(data) == size
        assert data[:3] == b"\xff\xd8\xff"  # JPEG
    for sha in signatures:
        data = (root / sha[:2] / sha[2:]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha and data[:4] == b"\x89PNG"


# ---------------------------------------------------------------------------------------------
# Search index
# ---------------------------------------------------------------------------------------------


def _like_count(con, term: str) -> int:
    where = " OR ".join(f"{field} LIKE ?" for field in SEARCHED_FIELDS)
    return con.execute(f"SELECT count(*) FROM ticket WHERE {where}", [f"%{term}%"] * len(SEARCHED_FIELDS)).fetchone()[0]


@pytest.mark.parametrize("term", ["渗水", "开裂", "卫生间", "K1", "1502", INSTALLATION.lower()])
def test_search_index_matches_substring_search(demo, term: str) -> None:
    db, _, _ = demo
    with _con(db) as con:
        found = con.execute(
            "SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH ?", (match_expression(term),)
        ).fetchone()[0]
        assert found == _like_count(con, term)
    if term in ("渗水", INSTALLATION.lower()):
        assert found > 0


def test_search_docs_follow_report_order(demo) -> None:
    db, _, _ = demo
    with _con(db) as con:
        rows = con.execute(
            "SELECT d.doc_id, t.reported_at FROM ticket_search_doc d JOIN ticket t ON t.id = d.ticket_id"
            " ORDER BY d.doc_id"
        ).fetchall()
        fts_rows = con.execute("SELECT count(*) FROM ticket_fts_docsize").fetchone()[0]
    assert [doc for doc, _ in rows] == list(range(1, TICKETS + 1))
    assert [at for _, at in rows] == sorted(at for _, at in rows)
    assert fts_rows == TICKETS


def test_a_second_generation_adds_to_the_store(fresh_db) -> None:
    first = generate_demo(fresh_db, 120, 1)
    second = generate_demo(fresh_db, 80, 2)
    with _con(fresh_db) as con:
        numbers = [n for (n,) in con.execute("SELECT number FROM ticket")]
        docs = [d for (d,) in con.execute("SELECT doc_id FROM ticket_search_doc ORDER BY doc_id")]
        codes = [c for (c,) in con.execute("SELECT code FROM project")]
        found = con.execute("SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH ?",
                            (match_expression("渗水"),)).fetchone()[0]
        assert found == _like_count(con, "渗水")
    assert first.tickets + second.tickets == len(numbers) == len(set(numbers)) == 200
    assert docs == list(range(1, 201))
    assert len(codes) == len(set(codes))


def _ticket_indexes(db) -> dict[str, str]:
    with _con(db) as con:
        return dict(con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ticket'"))


def test_big_loads_rebuild_the_random_order_indexes(fresh_db, monkeypatch: pytest.MonkeyPatch) -> None:
    """A big load drops the ticket indexes whose keys come in random order and builds them once
    at the end, also when the generation fails half-way."""
    import app.demo.generator as generator

    before = _ticket_indexes(fresh_db)
    assert set(generator._DEFERRED_INDEXES) <= set(before)
    monkeypatch.setattr(generator, "_DEFER_INDEXES_FROM", 100)
    monkeypatch.setattr(generator, "CHUNK_TICKETS", 60)
    generate_demo(fresh_db, 150, 3)
    assert _ticket_indexes(fresh_db) == before

    def fail(done: int, _total: int) -> None:
        if done >= 60:
            raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        generate_demo(fresh_db, 400, 4, progress=fail)
    assert _ticket_indexes(fresh_db) == before
    with fresh_db.sessions() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []
        located = session.execute(
            text("SELECT count(*) FROM ticket INDEXED BY ix_ticket_location_id WHERE location_id IS NOT NULL")
        ).scalar()
        assert located == session.execute(text("SELECT count(*) FROM ticket WHERE location_id IS NOT NULL")).scalar()


def test_action_templates_are_well_formed() -> None:
    """Every staged action's template: values it refers to exist, and its variants differ only
    in the optional events (the strict-replay tests check what they write)."""
    import app.demo.generator as generator

    rows = generator._template_rows()
    assert len(generator._TEMPLATES) <= generator._KEY_MASK + 1
    for _tpl, _idx, kind, field, *sources in rows:
        assert kind and (field or kind in ("created", "comment", "attachment", "work_log", "signature"))
        for source, constant in zip(sources[::2], sources[1::2], strict=True):
            assert source == 0 or constant is None
            assert 0 <= source <= generator._MAX_VALUES or 21 <= source < 21 + len(generator._TICKET_REFS)
