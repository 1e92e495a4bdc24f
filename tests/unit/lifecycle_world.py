"""A small world for lifecycle tests: an organisation, one person per role, a project with its
terms, places and a subcontractor, and helpers that walk a ticket along the main line."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.config import attachments_dir
from app.models import Location, OrgUnit, Project, Staff, Ticket
from app.models.attachment_store import AttachmentStore
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
    OrgKind,
    PhotoStage,
    ResponsibleParty,
    Role,
    SignerRole,
)
from app.models.warranty_terms import apply_default_terms
from app.models.workflow import Intake

T0 = dt.datetime(2026, 3, 2, 1, 30)  # 09:30 in Shanghai
HANDOVER = dt.date(2024, 6, 30)
LEAK = category_id("residential", "bathroom_leak")
CRACK = category_id("residential", "structural_crack")
HEATING = category_id("residential", "heating_fault")
ROAD_CRACK = category_id("road", "pavement_crack")
PNG = b"\x89PNG\r\n\x1a\n" + b"signature"


@dataclass
class World:
    project_id: uuid.UUID
    other_project_id: uuid.UUID
    room_id: uuid.UUID
    other_room_id: uuid.UUID
    sub_id: uuid.UUID
    dept_id: uuid.UUID
    staff: dict[str, uuid.UUID] = field(default_factory=dict)
    store: AttachmentStore | None = None

    def actor(self, session: Session, name: str) -> Staff:
        return session.get(Staff, self.staff[name])

    def ticket(self, session: Session, ticket_id: uuid.UUID) -> Ticket:
        return session.get(Ticket, ticket_id)


def build_world(db) -> World:
    with db.transaction() as session:
        hq = OrgUnit(name="总部保修管理部", kind=OrgKind.HQ)
        session.add(hq)
        session.flush()
        dept = OrgUnit(name="第一项目部", kind=OrgKind.PROJECT_DEPT, parent_id=hq.id)
        sub = OrgUnit(name="鲁班防水工程公司", kind=OrgKind.SUBCONTRACTOR, trades="防水")
        session.add_all([dept, sub])
        session.flush()
        people = {
            "clerk": Staff(name="李资料", role=Role.CLERK, org_unit_id=dept.id),
            "tech": Staff(name="王师傅", role=Role.TECHNICIAN, org_unit_id=dept.id),
            "tech2": Staff(name="赵师傅", role=Role.TECHNICIAN, org_unit_id=dept.id),
            "pm": Staff(name="张经理", role=Role.PROJECT_MANAGER, org_unit_id=dept.id),
            "hq": Staff(name="陈总", role=Role.HQ_ADMIN, org_unit_id=hq.id),
            "gone": Staff(name="离职员工", role=Role.TECHNICIAN, org_unit_id=dept.id, active=False),
        }
        session.add_all(people.values())
        project = Project(code="P1", name="阳光花园", type="residential", project_dept_id=dept.id,
                          handover_date=HANDOVER)
        road = Project(code="R1", name="经十路改造", type="road", project_dept_id=dept.id,
                       handover_date=HANDOVER)
        apply_default_terms(project)
        apply_default_terms(road)
        session.add_all([project, road])
        session.flush()
        building = Location(project_id=project.id, kind="building", name="3栋", full_name="3栋")
        session.add(building)
        session.flush()
        room = Location(project_id=project.id, parent_id=building.id, kind="room", name="1502室",
                        full_name="3栋1502室")
        other = Location(project_id=project.id, parent_id=building.id, kind="room", name="801室",
                         full_name="3栋801室")
        session.add_all([room, other])
        session.flush()
        world = World(project.id, road.id, room.id, other.id, sub.id, dept.id,
                      {k: v.id for k, v in people.items()})
    world.store = AttachmentStore(attachments_dir(db.path))
    return world


def intake(world: World, **overrides) -> Intake:
    values = dict(
        project_id=world.project_id, channel=Channel.HOTLINE, description="卫生间顶部渗水",
        reporter_name="王女士", reporter_phone="13800000000", location_id=world.room_id,
        defect_category_id=LEAK,
    )
    values.update(overrides)
    return Intake(**values)


def register(db, world: World, at: dt.datetime = T0, **overrides) -> uuid.UUID:
    with db.transaction() as session:
        values = {"owner_id": world.staff["tech"], **overrides}
        ticket = register_ticket(session, world.actor(session, "clerk"), intake(world, **values), now=at)
        return ticket.id


DIAGNOSIS = dict(
    cause=Cause.CONSTRUCTION_DEFECT, building_part=BuildingPart.WATERPROOF_ROOMS,
    responsible_party=ResponsibleParty.OWN_TEAM,
)
PLAN = dict(plan_people="王师傅、防水工2人", plan_duration_hours=6.0, plan_safety_measures="断电、设警示牌")


def walk(db, world: World, ticket_id: uuid.UUID, until: str, start: dt.datetime = T0) -> dt.datetime:
    """Move a ticket along the main line up to state `until`; returns the clock after it."""
    clock = start
    order = ["received", "diagnosing", "planning", "in_repair", "acceptance", "follow_up", "archived"]

    def tick() -> dt.datetime:
        nonlocal clock
        clock += dt.timedelta(minutes=30)
        return clock

    with db.transaction() as session:
        ticket = world.ticket(session, ticket_id)
        tech = world.actor(session, "tech")
        clerk = world.actor(session, "clerk")
        target = order.index(until)
        if order.index(ticket.state) < 1 <= target:
            take_ticket(session, ticket, tech, now=tick())
        if order.index(ticket.state) < 2 <= target:
            diagnose(session, ticket, tech, now=tick(), **DIAGNOSIS)
        if order.index(ticket.state) < 3 <= target:
            save_plan(session, ticket, tech, now=tick(), **PLAN)
            start_repair(session, ticket, tech, now=tick())
        if order.index(ticket.state) < 4 <= target:
            log_repair(session, world, ticket, tick())
            submit_for_acceptance(session, ticket, tech, now=tick())
        if order.index(ticket.state) < 5 <= target:
            sign(session, world.store, ticket, tech, signer_role=SignerRole.OWNER, signer_name="王女士",
                 image=PNG, now=tick())
            accept(session, ticket, tech, satisfaction=5, now=tick())
        if order.index(ticket.state) < 6 <= target:
            archive(session, ticket, clerk, follow_up_result="业主满意，无渗漏", now=tick())
    return clock


def log_repair(session: Session, world: World, ticket: Ticket, at: dt.datetime) -> None:
    tech = world.actor(session, "tech")
    log = log_work(session, ticket, tech, description="拆除地砖，重做防水层，闭水试验 48 小时",
                   people="王师傅、防水工2人", started_at=at - dt.timedelta(hours=3), ended_at=at, now=at)
    attach_file(session, world.store, ticket, tech, data=b"after-photo-" + str(at).encode(),
                original_name="after.jpg", mime_type="image/jpeg", stage=PhotoStage.AFTER,
                work_log_id=log.id, now=at)
