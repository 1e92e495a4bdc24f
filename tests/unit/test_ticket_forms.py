"""Form values to engine actions: compound actions commit whole or not at all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import Attachment, Signature, Ticket, WorkLog
from app.models.ticket_detail import load_detail
from app.models.ticket_forms import FormRefused, parse_materials, submit
from app.models.workflow import TransitionRefused
from tests.unit.lifecycle_world import PLAN, PNG, T0, build_world, register, walk

LATER = T0 + dt.timedelta(days=1)


def _count(session, model, ticket_id) -> int:
    return session.scalar(select(func.count()).select_from(model).where(model.ticket_id == ticket_id))


def test_material_quantities_must_be_numbers() -> None:
    lines, problems = parse_materials([("防水涂料", "JS", "2，5", "桶"), ("密封胶", "", "两支", "支")])
    assert [(line.name, line.quantity) for line in lines] == [("防水涂料", 2.5)]
    assert [p.message for p in problems] == ["第 2 行材料数量“两支”不是数字"]


def test_start_repair_saves_the_plan_typed_with_it(db) -> None:
    world = build_world(db)
    ticket_id = register(db, world)
    walk(db, world, ticket_id, "planning")
    values = {**PLAN, "plan_appointment_at": dt.datetime(2026, 3, 2, 9, 0),
              "materials": [("聚氨酯防水涂料", "", "2", "桶")]}
    with db.transaction() as session:
        ticket = session.get(Ticket, ticket_id)
        submit(session, world.store, ticket, world.actor(session, "tech"), "start_repair", values, now=LATER)
    with db.sessions() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket.state == "in_repair"
        assert ticket.plan_appointment_at == dt.datetime(2026, 3, 2, 1, 0)  # 09:00 Shanghai in UTC
        assert [m.name for m in ticket.materials] == ["聚氨酯防水涂料"]


def test_a_refused_acceptance_keeps_no_signature(db) -> None:
    """Signing and accepting are one user action: without a score neither is written."""
    world = build_world(db)
    ticket_id = register(db, world)
    walk(db, world, ticket_id, "acceptance")
    values = {"signature_png": PNG, "signer_name": "王女士", "satisfaction": None}
    with pytest.raises(TransitionRefused) as refused, db.transaction() as session:
        ticket = session.get(Ticket, ticket_id)
        submit(session, world.store, ticket, world.actor(session, "tech"), "accept", values, now=LATER)
    assert refused.value.messages == ["缺少满意度评分（1–5 分）"]
    with db.sessions() as session:
        assert _count(session, Signature, ticket_id) == 0
        assert session.get(Ticket, ticket_id).state == "acceptance"


def test_request_acceptance_with_a_pending_log_and_photo(db, tmp_path: Path) -> None:
    world = build_world(db)
    ticket_id = register(db, world)
    walk(db, world, ticket_id, "in_repair")
    photo = tmp_path / "after.jpg"
    photo.write_bytes(b"\xff\xd8after")
    values = {"description": "重做防水层", "people": "王师傅", "started_at": dt.datetime(2026, 3, 2, 9, 0),
              "ended_at": None, "photos": [photo], "photo_stage": "after"}
    with db.transaction() as session:
        ticket = session.get(Ticket, ticket_id)
        submit(session, world.store, ticket, world.actor(session, "tech"), "submit_for_acceptance", values, now=LATER)
    with db.sessions() as session:
        assert session.get(Ticket, ticket_id).state == "acceptance"
        assert _count(session, WorkLog, ticket_id) == 1
        log_id = session.scalar(select(WorkLog.id).where(WorkLog.ticket_id == ticket_id))
        assert session.scalar(select(Attachment.work_log_id).where(Attachment.original_name == "after.jpg")) == log_id


def test_a_missing_photo_file_is_a_message(db, tmp_path: Path) -> None:
    world = build_world(db)
    ticket_id = register(db, world)
    walk(db, world, ticket_id, "in_repair")
    values = {"description": "重做防水层", "people": "王师傅", "started_at": dt.datetime(2026, 3, 2, 9, 0),
              "photos": [tmp_path / "gone.jpg"]}
    with pytest.raises(FormRefused) as refused, db.transaction() as session:
        submit(session, world.store, session.get(Ticket, ticket_id), world.actor(session, "tech"), "log_work",
               values, now=LATER)
    assert "无法读取文件“gone.jpg”" in refused.value.problems[0].message
    with db.sessions() as session:
        assert _count(session, WorkLog, ticket_id) == 0  # the log went with the refusal


def test_detail_snapshot_names_people_and_places(db) -> None:
    world = build_world(db)
    ticket_id = register(db, world)
    walk(db, world, ticket_id, "in_repair")
    with db.sessions() as session:
        detail = load_detail(session, ticket_id, world.actor(session, "tech"), LATER, world.store)
    assert detail.owner == "王师傅"
    assert detail.location == "3栋1502室"
    assert any("责任人" in line.text and "王师傅" in line.text for line in detail.events)
    assert "log_work" in detail.actions and "submit_for_acceptance" in detail.blocked
    assert detail.blocked["submit_for_acceptance"] == ["缺少维修记录：至少需要一条维修日志和一张维修后照片"]
