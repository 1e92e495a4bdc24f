"""Change capture: every write of a synced table leaves its outbox row in the same transaction.

The check replays the outbox from nothing and compares it with the tables row by row: a code
path that wrote a synced table without capture leaves a row (or a field) the replay lacks.
"""

from __future__ import annotations

import json

from sqlalchemy import select, text

from app.models import Customer, Location, Ticket
from app.models.location_patterns import create_bulk, rename_place
from app.models.outbox import SyncOutbox, row_to_wire, synced_tables
from app.models.ticket_actions import MaterialLine, save_plan
from tests.sync.helpers import dump
from tests.unit.lifecycle_world import build_world, register, walk


def replay_outbox(db) -> dict[str, dict[str, dict]]:
    rows: dict[str, dict[str, dict]] = {}
    with db.engine.connect() as conn:
        for op in conn.execute(select(SyncOutbox.__table__).order_by(SyncOutbox.seq)):
            fields = op.fields if isinstance(op.fields, dict) else json.loads(op.fields)
            table = rows.setdefault(op.entity, {})
            if op.kind == "delete":
                table.pop(str(op.row_id), None)
            else:
                table.setdefault(str(op.row_id), {}).update(fields)
    return rows


def assert_captured(db) -> None:
    replayed = replay_outbox(db)
    actual = dump(db)
    for table in synced_tables():
        have = actual.get(table.name, {})
        got = replayed.get(table.name, {})
        assert set(have) == set(got), f"{table.name}: rows written without capture"
        for row_id, row in have.items():
            assert got[row_id] == row, f"{table.name}/{row_id} differs from its captured changes"


def test_lifecycle_world_is_fully_captured(db) -> None:
    # The store's reference data (defect categories) was captured when the store was made.
    world = build_world(db)
    first = register(db, world)
    walk(db, world, first, "archived")
    second = register(db, world)
    walk(db, world, second, "in_repair")
    with db.transaction() as session:  # replacing the plan's materials is a bulk delete
        ticket = session.get(Ticket, second)
        save_plan(session, ticket, world.actor(session, "tech"),
                  materials=[MaterialLine("防水涂料", 2, "桶"), MaterialLine("瓷砖胶", 1, "袋")])
    with db.transaction() as session:  # bulk insert and bulk update of places
        create_bulk(session, world.project_id, None, "5栋, 1-2单元, 1-2层, 01-02室")
        session.add(Customer(name="王女士", phone="13800000000"))
    with db.transaction() as session:
        building = session.scalars(select(Location).where(Location.name == "5栋")).one()
        rename_place(session, building.id, "5号楼")
    with db.transaction() as session:
        customer = session.scalars(select(Customer)).first()
        customer.notes = "只在周末在家"
    # Everything that was written is explained by captured changes (reference data included).
    with db.engine.connect() as conn:
        outbox_entities = set(conn.execute(text("SELECT DISTINCT entity FROM sync_outbox")).scalars())
    assert {"ticket", "ticket_event", "plan_material", "work_log", "attachment", "signature",
            "location", "customer", "project", "staff", "org_unit"} <= outbox_entities
    assert_captured(db)


def test_rolled_back_action_leaves_no_outbox_row(db) -> None:
    world = build_world(db)
    with db.engine.connect() as conn:
        before = conn.execute(text("SELECT count(*) FROM sync_outbox")).scalar()
    try:
        with db.transaction() as session:
            session.add(Customer(name="李先生", phone="13900000000"))
            session.flush()
            raise RuntimeError("user cancelled")
    except RuntimeError:
        pass
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sync_outbox")).scalar() == before
    assert world.project_id


def test_outbox_rows_carry_hlc_scope_and_actor(db) -> None:
    world = build_world(db)
    ticket_id = register(db, world)
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(SyncOutbox.__table__).where(SyncOutbox.entity.in_(["ticket", "ticket_event"]))
        ).all()
    assert rows and all(r.project_id == world.project_id for r in rows)
    ticket_ops = [r for r in rows if r.entity == "ticket" and r.row_id == ticket_id]
    assert ticket_ops[0].full and ticket_ops[0].actor_id == world.staff["clerk"]
    hlcs = [r.hlc for r in sorted(rows, key=lambda r: r.seq)]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
    assert row_to_wire  # used by helpers
