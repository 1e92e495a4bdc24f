"""The workflow: transitions, roles, every precondition and its Chinese message, history."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Attachment, PlanMaterial, Ticket, TicketEvent
from app.models.history import AppendOnlyViolation, describe_event, load_history, replay_differences
from app.models.ticket_actions import (
    MaterialLine,
    accept,
    add_comment,
    archive,
    assign_owner,
    attach_file,
    cancel,
    diagnose,
    edit_field,
    log_work,
    mark_duplicate,
    pause_timer,
    record_arrival,
    record_follow_up,
    register_ticket,
    reject,
    reopen,
    resume_timer,
    rule_not_covered,
    save_plan,
    sign,
    start_repair,
    submit_for_acceptance,
    take_ticket,
)
from app.models.ticket_invariants import ticket_problems
from app.models.vocabulary import (
    BuildingPart,
    Cause,
    Coverage,
    EventKind,
    PhotoStage,
    ResponsibleParty,
    Role,
    SignerRole,
    TicketState,
    Urgency,
)
from app.models.workflow import (
    RULES,
    Action,
    Intake,
    TransitionRefused,
    actions_between,
    available_actions,
    check,
    check_details,
    check_intake,
    transitions,
)
from tests.unit.lifecycle_world import (
    CRACK,
    DIAGNOSIS,
    PLAN,
    PNG,
    ROAD_CRACK,
    T0,
    World,
    build_world,
    intake,
    log_repair,
    register,
    walk,
)

S = TicketState
H = dt.timedelta(hours=1)
ARCHIVED_MESSAGE = "报修单已归档，只读；如需修改，须由项目经理填写原因后重新打开"


@pytest.fixture
def world(db) -> World:
    return build_world(db)


def refused(db, call: Callable[[Session], object]) -> list[str]:
    """Run an action that must be refused; nothing of it may stay in the store."""
    with db.sessions() as session:
        before = session.scalar(select(func.count()).select_from(TicketEvent))
    with pytest.raises(TransitionRefused) as error, db.transaction() as session:
        call(session)
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(TicketEvent)) == before
    return error.value.messages


def act(db, world: World, ticket_id: uuid.UUID, name: str, call: Callable[..., object]):
    with db.transaction() as session:
        return call(session, session.get(Ticket, ticket_id), world.actor(session, name))


def checked(db, world: World, ticket_id: uuid.UUID, action: Action, name: str, values=None) -> list[str]:
    with db.sessions() as session:
        return check(session.get(Ticket, ticket_id), action, world.actor(session, name), values)


def state_of(db, ticket_id: uuid.UUID) -> Ticket:
    with db.sessions() as session:
        return session.get(Ticket, ticket_id)


# ------------------------------------------------------------------------- the state machine


def test_transition_table_is_the_spec() -> None:
    edges = {(a.value, b.value, action.value) for a, b, action in transitions()}
    assert edges == {
        ("received", "diagnosing", "take"),
        ("diagnosing", "planning", "diagnose"),
        ("diagnosing", "not_covered", "rule_not_covered"),
        ("planning", "in_repair", "start_repair"),
        ("in_repair", "acceptance", "submit_for_acceptance"),
        ("acceptance", "follow_up", "accept"),
        ("acceptance", "in_repair", "reject"),
        ("follow_up", "archived", "archive"),
        ("received", "cancelled", "cancel"),
        ("diagnosing", "cancelled", "cancel"),
        ("planning", "cancelled", "cancel"),
        ("received", "cancelled", "mark_duplicate"),
        ("diagnosing", "cancelled", "mark_duplicate"),
        ("archived", "in_repair", "reopen"),
    }
    assert actions_between("acceptance", "in_repair") == [Action.REJECT]
    assert actions_between("received", "archived") == []


def test_main_line_writes_every_change_and_replays(db, world) -> None:
    ticket_id = register(db, world)
    walk(db, world, ticket_id, "archived")
    with db.sessions() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket.state == S.ARCHIVED
        assert ticket_problems(session, ticket, strict_replay=True) == []
        history = load_history(session, ticket_id)
        states = [(e.old_value, e.new_value) for e in history if e.kind == EventKind.STATE]
        assert states == [("received", "diagnosing"), ("diagnosing", "planning"), ("planning", "in_repair"),
                          ("in_repair", "acceptance"), ("acceptance", "follow_up"), ("follow_up", "archived")]
        assert [e.seq for e in history] == list(range(1, len(history) + 1))
        assert all(e.actor_id is not None and e.at is not None for e in history)
        # one version per action after the intake: take, diagnose, plan, start, log, photo,
        # submit, sign, accept, archive
        assert ticket.version == 11
        assert describe_event(history[0]) == "登记报修（电话热线登记）"


def test_each_action_bumps_the_version_once(db, world) -> None:
    ticket_id = register(db, world)
    assert state_of(db, ticket_id).version == 1
    act(db, world, ticket_id, "tech", lambda s, t, a: take_ticket(s, t, a, now=T0 + H))
    assert state_of(db, ticket_id).version == 2
    act(db, world, ticket_id, "clerk", lambda s, t, a: add_comment(s, t, a, "业主来电催促", now=T0 + 2 * H))
    assert state_of(db, ticket_id).version == 3


def test_check_has_no_side_effects(db, world) -> None:
    ticket_id = register(db, world)
    with db.sessions() as session:
        ticket = session.get(Ticket, ticket_id)
        tech = world.actor(session, "tech")
        for action in Action:
            if action != Action.REGISTER:
                check(ticket, action, tech, {"reason": "x", "cause": "misuse"})
        assert not session.dirty and not session.new
        assert ticket.version == 1 and ticket.cause is None


def test_check_needs_a_session_and_register_uses_intake(db, world) -> None:
    with db.sessions() as session:
        actor = world.actor(session, "clerk")
        with pytest.raises(ValueError):
            check(Ticket(), Action.TAKE, actor)
        with pytest.raises(ValueError):
            check(None, Action.REGISTER, actor)


# ------------------------------------------------------------------------------------ roles


EXPECTED_ROLES = {
    Action.REGISTER: {"clerk", "technician", "project_manager", "hq_admin"},
    Action.ASSIGN_OWNER: {"clerk", "project_manager", "hq_admin"},
    Action.TAKE: {"technician", "project_manager", "hq_admin"},
    Action.RECORD_ARRIVAL: {"technician", "hq_admin"},
    Action.DIAGNOSE: {"technician", "hq_admin"},
    Action.RULE_NOT_COVERED: {"project_manager", "hq_admin"},
    Action.SAVE_PLAN: {"technician", "hq_admin"},
    Action.START_REPAIR: {"technician", "hq_admin"},
    Action.LOG_WORK: {"technician", "hq_admin"},
    Action.SUBMIT_FOR_ACCEPTANCE: {"technician", "hq_admin"},
    Action.ACCEPT: {"clerk", "technician", "project_manager", "hq_admin"},
    Action.REJECT: {"clerk", "technician", "project_manager", "hq_admin"},
    Action.RECORD_FOLLOW_UP: {"clerk", "project_manager", "hq_admin"},
    Action.ARCHIVE: {"clerk", "project_manager", "hq_admin"},
    Action.CANCEL: {"clerk", "project_manager", "hq_admin"},
    Action.MARK_DUPLICATE: {"clerk", "project_manager", "hq_admin"},
    Action.REOPEN: {"project_manager", "hq_admin"},
    Action.PAUSE_TIMER: {"clerk", "technician", "project_manager", "hq_admin"},
    Action.RESUME_TIMER: {"clerk", "technician", "project_manager", "hq_admin"},
    Action.COMMENT: {"clerk", "technician", "project_manager", "hq_admin"},
    Action.ATTACH: {"clerk", "technician", "project_manager", "hq_admin"},
    Action.SIGN: {"clerk", "technician", "project_manager", "hq_admin"},
    Action.EDIT: {"clerk", "technician", "project_manager", "hq_admin"},
}


def test_who_may_do_what() -> None:
    assert {a: {r.value for r in rule.roles} for a, rule in RULES.items()} == EXPECTED_ROLES
    assert all(Role.HQ_ADMIN in rule.roles for rule in RULES.values())  # HQ admin: everything


def test_role_refusal_says_who_may(db, world) -> None:
    ticket_id = register(db, world)
    walk(db, world, ticket_id, "diagnosing")
    assert checked(db, world, ticket_id, Action.DIAGNOSE, "clerk", DIAGNOSIS) == [
        "“完成诊断”须由保修员、总部保修管理员办理，资料员/客服专员无此权限"
    ]
    assert checked(db, world, ticket_id, Action.RULE_NOT_COVERED, "tech", {"not_covered_reason": "x"}) == [
        "“审批不予保修”须由项目经理、总部保修管理员办理，保修员无此权限"
    ]
    assert checked(db, world, ticket_id, Action.COMMENT, "gone", {"text": "x"}) == [
        "离职员工的账号已停用，不能办理报修单"
    ]


def test_state_refusal_names_the_state(db, world) -> None:
    ticket_id = register(db, world)
    assert checked(db, world, ticket_id, Action.DIAGNOSE, "tech", DIAGNOSIS) == [
        "报修单当前处于“报修受理”，不能完成诊断"
    ]
    assert checked(db, world, ticket_id, Action.REOPEN, "pm", {"reason": "x"}) == [
        "报修单当前处于“报修受理”，不能重新打开"
    ]


def test_available_actions_follow_role_and_state(db, world) -> None:
    ticket_id = register(db, world)
    with db.sessions() as session:
        ticket = session.get(Ticket, ticket_id)
        clerk = set(available_actions(ticket, world.actor(session, "clerk")))
        tech = set(available_actions(ticket, world.actor(session, "tech")))
    assert {Action.ASSIGN_OWNER, Action.CANCEL, Action.MARK_DUPLICATE, Action.COMMENT} <= clerk
    assert Action.TAKE not in clerk and Action.TAKE in tech
    assert Action.DIAGNOSE not in tech  # not in this state


# ------------------------------------------------------------------------------------ intake


def test_intake_lists_everything_missing(db, world) -> None:
    with db.sessions() as session:
        clerk = world.actor(session, "clerk")
        empty = Intake(project_id=None, channel=None, description=" ", urgency=9)
        assert [p.message for p in check_intake(session, clerk, empty)] == [
            "缺少所属项目",
            "缺少报修渠道",
            "缺少报修人：请填写报修人姓名或联系电话",
            "缺少问题描述",
            "缺少报修位置：请选择楼栋/房号或填写具体部位",
            "紧急程度无效",
        ]
        wrong = intake(world, project_id=world.other_project_id, defect_category_id=CRACK,
                       owner_id=world.staff["clerk"])
        assert [p.message for p in check_intake(session, clerk, wrong)] == [
            "报修位置不属于所选项目",
            "责任人须为在职的保修员、项目经理或总部保修管理员",
            "缺陷类别不属于本项目类型的分类",
        ]
        assert check_intake(session, world.actor(session, "gone"), intake(world))[0].message == (
            "离职员工的账号已停用，不能办理报修单"
        )
    messages = refused(db, lambda s: register_ticket(s, world.actor(s, "clerk"),
                                                       intake(world, description="")))
    assert messages == ["缺少问题描述"]


def test_intake_with_a_typed_location_and_no_owner(db, world) -> None:
    ticket_id = register(db, world, location_id=None, location_label="小区东门道路", owner_id=None,
                         defect_category_id=None, reporter_name="", reporter_phone="0531-1234567")
    ticket = state_of(db, ticket_id)
    assert ticket.location_label == "小区东门道路" and ticket.owner_id is None
    assert ticket.number.startswith("BX-") and ticket.number.endswith("-2026-00001")
    ticket = state_of(db, register(db, world))
    assert ticket.location_label == "3栋1502室" and ticket.number.endswith("-00002")


# ------------------------------------------------------------------------ owner and taking


def test_assigning_and_changing_the_owner(db, world) -> None:
    ticket_id = register(db, world, owner_id=None)
    assert checked(db, world, ticket_id, Action.TAKE, "tech") == [
        "尚未指定责任人：请先派单（谁接单、谁负责、谁验收）"
    ]
    assert refused(db, lambda s: assign_owner(s, s.get(Ticket, ticket_id), world.actor(s, "clerk"), None)) == [
        "缺少责任人：请选择一名保修员或项目经理"
    ]
    assert refused(db, lambda s: assign_owner(s, s.get(Ticket, ticket_id), world.actor(s, "clerk"),
                                              world.staff["gone"])) == [
        "责任人须为在职的保修员、项目经理或总部保修管理员"
    ]
    act(db, world, ticket_id, "clerk", lambda s, t, a: assign_owner(s, t, a, world.staff["tech"], now=T0 + H))
    assert refused(db, lambda s: assign_owner(s, s.get(Ticket, ticket_id), world.actor(s, "clerk"),
                                              world.staff["tech"])) == ["所选人员已是本单的责任人"]
    assert refused(db, lambda s: assign_owner(s, s.get(Ticket, ticket_id), world.actor(s, "clerk"),
                                              world.staff["tech2"])) == ["更换责任人须填写原因"]
    act(db, world, ticket_id, "pm",
        lambda s, t, a: assign_owner(s, t, a, world.staff["tech2"], reason="王师傅休假", now=T0 + 2 * H))
    with db.sessions() as session:
        changes = [(e.old_value, e.new_value, e.note) for e in load_history(session, ticket_id)
                   if e.kind == EventKind.ASSIGNMENT]
    assert changes == [(None, str(world.staff["tech"]), "派单"),
                       (str(world.staff["tech"]), str(world.staff["tech2"]), "王师傅休假")]


def test_only_the_owner_takes_the_ticket(db, world) -> None:
    ticket_id = register(db, world)
    assert checked(db, world, ticket_id, Action.TAKE, "tech2") == ["只有责任人本人（王师傅）可以接单"]
    act(db, world, ticket_id, "pm", lambda s, t, a: take_ticket(s, t, a, now=T0 + H))  # on their behalf
    ticket = state_of(db, ticket_id)
    assert ticket.state == S.DIAGNOSING and ticket.responded_at == T0 + H


def test_arrival_is_recorded_once(db, world) -> None:
    ticket_id = register(db, world)
    walk(db, world, ticket_id, "diagnosing")
    act(db, world, ticket_id, "tech", lambda s, t, a: record_arrival(s, t, a, now=T0 + 2 * H))
    assert state_of(db, ticket_id).arrived_at == T0 + 2 * H
    assert checked(db, world, ticket_id, Action.RECORD_ARRIVAL, "tech") == ["已记录到场时间，不能重复签到"]


# --------------------------------------------------------------------------------- diagnosis


@pytest.fixture
def diagnosing(db, world) -> uuid.UUID:
    ticket_id = register(db, world, defect_category_id=None)
    walk(db, world, ticket_id, "diagnosing")
    return ticket_id


def test_diagnosis_needs_cause_category_and_part(db, world, diagnosing) -> None:
    assert checked(db, world, diagnosing, Action.DIAGNOSE, "tech") == [
        "缺少诊断信息：原因", "缺少诊断信息：缺陷类别", "缺少诊断信息：工程部位",
    ]
    with db.sessions() as session:
        problems = check_details(session.get(Ticket, diagnosing), Action.DIAGNOSE, world.actor(session, "tech"))
    assert [p.field for p in problems] == ["cause", "defect_category_id", "building_part"]


def test_diagnosis_needs_the_responsible_party_for_warranted_causes(db, world, diagnosing) -> None:
    base = {"cause": Cause.CONSTRUCTION_DEFECT, "defect_category_id": CRACK, "building_part": BuildingPart.DECORATION}
    assert checked(db, world, diagnosing, Action.DIAGNOSE, "tech", base) == ["缺少责任方：请选择本单位或分包单位"]
    sub = {**base, "responsible_party": ResponsibleParty.SUBCONTRACTOR}
    assert checked(db, world, diagnosing, Action.DIAGNOSE, "tech", sub) == ["责任方为分包单位时须指定具体的分包单位"]
    wrong_org = {**sub, "responsible_org_id": world.dept_id}
    assert checked(db, world, diagnosing, Action.DIAGNOSE, "tech", wrong_org) == ["所选单位不是分包单位"]
    assert checked(db, world, diagnosing, Action.DIAGNOSE, "tech", {**sub, "responsible_org_id": world.sub_id}) == []


def test_diagnosis_refuses_unknown_codes_and_other_taxonomies(db, world, diagnosing) -> None:
    values = {"cause": "weather", "defect_category_id": ROAD_CRACK, "building_part": "roof"}
    assert checked(db, world, diagnosing, Action.DIAGNOSE, "tech", values) == [
        "原因无效：weather", "工程部位无效：roof", "缺陷类别不属于本项目类型的分类",
    ]


def test_diagnosis_stores_the_verdict_and_moves_to_planning(db, world, diagnosing) -> None:
    act(db, world, diagnosing, "tech", lambda s, t, a: diagnose(
        s, t, a, now=T0 + 3 * H, cause=Cause.MATERIAL_EQUIPMENT, defect_category_id=CRACK,
        building_part=BuildingPart.DECORATION, responsible_party=ResponsibleParty.SUBCONTRACTOR,
        responsible_org_id=world.sub_id))
    ticket = state_of(db, diagnosing)
    assert ticket.state == S.PLANNING and ticket.diagnosed_at == T0 + 3 * H
    assert ticket.coverage == Coverage.COVERED and ticket.coverage_end_date == dt.date(2026, 6, 30)
    assert "维修费用由分包单位 鲁班防水工程公司承担" in ticket.coverage_reason


@pytest.mark.parametrize(
    ("cause", "zh"), [(Cause.MISUSE, "不属保修范围"), (Cause.CONSTRUCTION_DEFECT, "已过保修期")]
)
def test_diagnosis_refuses_repair_when_not_covered(db, world, cause, zh) -> None:
    ticket_id = register(db, world, at=dt.datetime(2027, 1, 5, 2), defect_category_id=None)
    walk(db, world, ticket_id, "diagnosing", start=dt.datetime(2027, 1, 5, 2))
    values = {"cause": cause, "defect_category_id": CRACK, "building_part": BuildingPart.DECORATION,
              "responsible_party": ResponsibleParty.OWN_TEAM}
    assert checked(db, world, ticket_id, Action.DIAGNOSE, "tech", values) == [
        f"保修判定为“{zh}”，不能安排保修维修；请报项目经理审批“不予保修”"
    ]


def test_not_covered_needs_a_reason_and_the_managers_approval(db, world, diagnosing) -> None:
    # The technician proposes: fills in the diagnosis and the reason; the verdict shows at once.
    for name, value in (("cause", Cause.MISUSE), ("defect_category_id", CRACK),
                        ("building_part", BuildingPart.DECORATION)):
        act(db, world, diagnosing, "tech", lambda s, t, a, n=name, v=value: edit_field(s, t, a, n, v, now=T0 + 2 * H))
    assert state_of(db, diagnosing).coverage == Coverage.NOT_COVERED
    assert refused(db, lambda s: rule_not_covered(s, s.get(Ticket, diagnosing), world.actor(s, "pm"), reason=" ")) == [
        "缺少不予保修的理由"
    ]
    act(db, world, diagnosing, "tech",
        lambda s, t, a: edit_field(s, t, a, "not_covered_reason", "业主自行改动卫生间防水层", now=T0 + 3 * H))
    act(db, world, diagnosing, "pm", lambda s, t, a: rule_not_covered(
        s, t, a, reason="业主自行改动卫生间防水层", paid_repair_offered=True, now=T0 + 4 * H))
    ticket = state_of(db, diagnosing)
    assert ticket.state == S.NOT_COVERED and ticket.paid_repair_offered
    assert ticket.not_covered_approved_by_id == world.staff["pm"]
    assert ticket.coverage == Coverage.NOT_COVERED


def test_manager_ruling_overrides_a_covered_verdict(db, world, diagnosing) -> None:
    act(db, world, diagnosing, "pm", lambda s, t, a: rule_not_covered(s, t, a, reason="属于开发商增项", now=T0 + 4 * H))
    ticket = state_of(db, diagnosing)
    assert ticket.coverage == Coverage.NOT_COVERED
    assert ticket.coverage_reason == "经项目经理审批不予保修：属于开发商增项。"


# ------------------------------------------------------------------------------ plan, repair


@pytest.fixture
def planning(db, world) -> uuid.UUID:
    ticket_id = register(db, world)
    walk(db, world, ticket_id, "planning")
    return ticket_id


def test_a_plan_needs_people_duration_and_safety(db, world, planning) -> None:
    assert checked(db, world, planning, Action.START_REPAIR, "tech") == [
        "维修计划缺少人员安排", "维修计划缺少预计工期", "维修计划缺少安全措施",
    ]
    assert refused(db, lambda s: save_plan(s, s.get(Ticket, planning), world.actor(s, "tech"),
                                           plan_duration_hours=0)) == ["预计工期须大于 0 小时"]
    assert refused(db, lambda s: save_plan(s, s.get(Ticket, planning), world.actor(s, "tech"),
                                           materials=[MaterialLine(" ")])) == ["材料名称不能为空"]
    with pytest.raises(TypeError):
        act(db, world, planning, "tech", lambda s, t, a: save_plan(s, t, a, cause="misuse"))
    lines = [MaterialLine("聚氨酯防水涂料", 20, "kg", "JS-II"), MaterialLine("地砖", 12, "块")]
    act(db, world, planning, "tech", lambda s, t, a: save_plan(s, t, a, materials=lines, now=T0 + 5 * H, **PLAN))
    act(db, world, planning, "tech", lambda s, t, a: start_repair(s, t, a, now=T0 + 6 * H))
    ticket = state_of(db, planning)
    assert ticket.state == S.IN_REPAIR and ticket.arrived_at == T0 + 6 * H and ticket.planned_at == T0 + 5 * H
    with db.sessions() as session:
        names = session.scalars(select(PlanMaterial.name).where(PlanMaterial.ticket_id == planning)
                                .order_by(PlanMaterial.sort_key)).all()
        material_event = session.scalar(select(TicketEvent).where(TicketEvent.field == "materials"))
    assert names == ["聚氨酯防水涂料", "地砖"]
    assert material_event.new_value == "聚氨酯防水涂料 JS-II 20kg；地砖 12块"


def test_structural_safety_needs_the_design_units_plan(db, world) -> None:
    ticket_id = register(db, world, defect_category_id=None)
    walk(db, world, ticket_id, "diagnosing")
    act(db, world, ticket_id, "tech", lambda s, t, a: diagnose(
        s, t, a, now=T0 + 3 * H, cause=Cause.CONSTRUCTION_DEFECT, defect_category_id=CRACK,
        building_part=BuildingPart.FOUNDATION_STRUCTURE, structural_safety=True,
        responsible_party=ResponsibleParty.OWN_TEAM))
    ticket = state_of(db, ticket_id)
    assert ticket.coverage == Coverage.NEEDS_JUDGEMENT
    assert ticket.urgency == Urgency.EMERGENCY and ticket.report_to_authority
    act(db, world, ticket_id, "tech", lambda s, t, a: save_plan(s, t, a, now=T0 + 4 * H, **PLAN))
    assert checked(db, world, ticket_id, Action.START_REPAIR, "tech") == [
        "涉及结构安全：须有设计单位出具的维修方案，方可开始维修"
    ]
    act(db, world, ticket_id, "tech", lambda s, t, a: save_plan(s, t, a, plan_by_design_unit=True, now=T0 + 5 * H))
    assert checked(db, world, ticket_id, Action.START_REPAIR, "tech") == []


def test_work_log_needs_what_who_and_when(db, world, planning) -> None:
    walk(db, world, planning, "in_repair")
    assert refused(db, lambda s: log_work(s, s.get(Ticket, planning), world.actor(s, "tech"), description="",
                                          people=" ", started_at=None)) == [
        "维修日志缺少工作内容", "维修日志缺少作业人员", "维修日志缺少开始时间",
    ]
    assert refused(db, lambda s: log_work(s, s.get(Ticket, planning), world.actor(s, "tech"), description="补胶",
                                          people="王师傅", started_at=T0, ended_at=T0 - H)) == [
        "结束时间不能早于开始时间"
    ]


def test_acceptance_needs_a_work_log_and_an_after_photo(db, world, planning) -> None:
    walk(db, world, planning, "in_repair")
    assert checked(db, world, planning, Action.SUBMIT_FOR_ACCEPTANCE, "tech") == [
        "缺少维修记录：至少需要一条维修日志和一张维修后照片"
    ]
    act(db, world, planning, "tech", lambda s, t, a: attach_file(
        s, world.store, t, a, data=b"photo", original_name="a.jpg", mime_type="image/jpeg",
        stage=PhotoStage.AFTER, now=T0 + 9 * H))
    assert checked(db, world, planning, Action.SUBMIT_FOR_ACCEPTANCE, "tech") == [
        "缺少维修记录：至少需要一条维修日志"
    ]
    other = register(db, world)
    walk(db, world, other, "in_repair")
    act(db, world, other, "tech", lambda s, t, a: log_work(
        s, t, a, description="补胶", people="王师傅", started_at=T0 + 8 * H, now=T0 + 9 * H))
    assert checked(db, world, other, Action.SUBMIT_FOR_ACCEPTANCE, "tech") == [
        "缺少维修记录：至少需要一张维修后照片"
    ]


# ------------------------------------------------------------------- acceptance and rework


@pytest.fixture
def in_acceptance(db, world) -> tuple[uuid.UUID, dt.datetime]:
    ticket_id = register(db, world)
    clock = walk(db, world, ticket_id, "acceptance")
    return ticket_id, clock


def test_passing_needs_the_owners_signature_and_a_score(db, world, in_acceptance) -> None:
    ticket_id, clock = in_acceptance
    assert checked(db, world, ticket_id, Action.ACCEPT, "tech") == [
        "缺少业主签名：请业主在屏幕上签名，或扫描已签字的《保修完成确认单》",
        "缺少满意度评分（1–5 分）",
    ]
    act(db, world, ticket_id, "clerk", lambda s, t, a: sign(
        s, world.store, t, a, signer_role=SignerRole.OWNER, signer_name="王女士", image=PNG,
        method="scanned", now=clock + H))
    assert checked(db, world, ticket_id, Action.ACCEPT, "tech", {"satisfaction": 7}) == ["满意度评分须为 1–5 分"]
    act(db, world, ticket_id, "tech", lambda s, t, a: accept(s, t, a, satisfaction=4, now=clock + 2 * H))
    ticket = state_of(db, ticket_id)
    assert ticket.state == S.FOLLOW_UP and ticket.satisfaction == 4
    assert ticket.follow_up_due_on == (clock + 2 * H + dt.timedelta(hours=8)).date() + dt.timedelta(days=7)


def test_failed_acceptance_is_rework_and_needs_fresh_records(db, world, in_acceptance) -> None:
    ticket_id, clock = in_acceptance
    assert refused(db, lambda s: reject(s, s.get(Ticket, ticket_id), world.actor(s, "tech"), reason="")) == [
        "验收不通过须写明原因（业主意见）"
    ]
    act(db, world, ticket_id, "tech", lambda s, t, a: sign(
        s, world.store, t, a, signer_role=SignerRole.OWNER, signer_name="王女士", image=PNG, now=clock + H))
    act(db, world, ticket_id, "tech", lambda s, t, a: reject(s, t, a, reason="闭水试验仍渗水", now=clock + 2 * H))
    ticket = state_of(db, ticket_id)
    assert (ticket.state, ticket.rework_count, ticket.completed_at) == (S.IN_REPAIR, 1, None)
    # The first round's log and photo do not count for the rework.
    assert checked(db, world, ticket_id, Action.SUBMIT_FOR_ACCEPTANCE, "tech") == [
        "缺少维修记录：至少需要一条维修日志和一张维修后照片"
    ]
    with db.transaction() as session:
        ticket = session.get(Ticket, ticket_id)
        log_repair(session, world, ticket, clock + 5 * H)
        submit_for_acceptance(session, ticket, world.actor(session, "tech"), now=clock + 6 * H)
    # Nor does the signature given before the failed acceptance.
    assert checked(db, world, ticket_id, Action.ACCEPT, "tech", {"satisfaction": 3}) == [
        "缺少业主签名：请业主在屏幕上签名，或扫描已签字的《保修完成确认单》"
    ]
    with db.sessions() as session:
        assert ticket_problems(session, session.get(Ticket, ticket_id)) == []


def test_follow_up_and_archive_need_the_result(db, world, in_acceptance) -> None:
    ticket_id, clock = in_acceptance
    walk(db, world, ticket_id, "follow_up", start=clock)
    assert refused(db, lambda s: record_follow_up(s, s.get(Ticket, ticket_id), world.actor(s, "clerk"),
                                                  result="")) == ["缺少回访结果"]
    assert checked(db, world, ticket_id, Action.ARCHIVE, "clerk") == ["缺少回访结果：归档前须记录回访情况"]
    act(db, world, ticket_id, "clerk", lambda s, t, a: record_follow_up(s, t, a, result="已修好", now=clock + 9 * H))
    act(db, world, ticket_id, "clerk", lambda s, t, a: archive(s, t, a, now=clock + 10 * H))
    ticket = state_of(db, ticket_id)
    assert ticket.state == S.ARCHIVED and ticket.followed_up_at == clock + 9 * H


# ------------------------------------------------------------------------- archive, reopen


def test_archived_is_read_only_until_reopened(db, world) -> None:
    ticket_id = register(db, world)
    clock = walk(db, world, ticket_id, "archived")
    for action, values in ((Action.COMMENT, {"text": "x"}), (Action.EDIT, {"field": "description", "value": "x"}),
                           (Action.ATTACH, {"data": b"x", "stage": "document"}), (Action.CANCEL, {"reason": "x"})):
        assert checked(db, world, ticket_id, action, "hq", values) == [ARCHIVED_MESSAGE]
    assert refused(db, lambda s: reopen(s, s.get(Ticket, ticket_id), world.actor(s, "pm"), reason="")) == [
        "重新打开须填写原因"
    ]
    assert checked(db, world, ticket_id, Action.REOPEN, "tech", {"reason": "x"}) == [
        "“重新打开”须由项目经理、总部保修管理员办理，保修员无此权限"
    ]
    act(db, world, ticket_id, "pm", lambda s, t, a: reopen(s, t, a, reason="业主反映再次渗水", now=clock + 24 * H))
    ticket = state_of(db, ticket_id)
    assert (ticket.state, ticket.rework_count) == (S.IN_REPAIR, 1)
    assert ticket.archived_at is None and ticket.accepted_at is None and ticket.follow_up_result == ""
    assert ticket.completion_due_at == clock + 24 * H + dt.timedelta(days=7)
    with db.sessions() as session:
        assert ticket_problems(session, session.get(Ticket, ticket_id)) == []


# ---------------------------------------------------------------------- cancel, duplicate


def test_cancel_needs_a_reason_and_only_before_repair(db, world) -> None:
    ticket_id = register(db, world)
    assert refused(db, lambda s: cancel(s, s.get(Ticket, ticket_id), world.actor(s, "clerk"), reason="")) == [
        "缺少取消原因"
    ]
    repaired = register(db, world)
    walk(db, world, repaired, "in_repair")
    assert checked(db, world, repaired, Action.CANCEL, "clerk", {"reason": "x"}) == [
        "报修单当前处于“维修实施”，不能取消报修"
    ]
    act(db, world, ticket_id, "clerk", lambda s, t, a: cancel(s, t, a, reason="业主已自行修复", now=T0 + H))
    assert state_of(db, ticket_id).state == S.CANCELLED


def test_duplicate_is_cancelled_with_a_link_and_the_reporter_kept(db, world) -> None:
    original = register(db, world)
    duplicate = register(db, world, at=T0 + H, reporter_name="王先生", reporter_phone="13900000000")
    with db.sessions() as session:
        dup = session.get(Ticket, duplicate)
        clerk = world.actor(session, "clerk")
        assert check(dup, Action.MARK_DUPLICATE, clerk) == ["缺少重复的原报修单"]
        assert check(dup, Action.MARK_DUPLICATE, clerk, {"original": dup}) == ["不能标记为与自身重复"]
    with db.transaction() as session:
        dup, orig = session.get(Ticket, duplicate), session.get(Ticket, original)
        mark_duplicate(session, dup, orig, world.actor(session, "clerk"), now=T0 + 2 * H)
        number = orig.number
    dup, orig = state_of(db, duplicate), state_of(db, original)
    assert dup.state == S.CANCELLED and dup.duplicate_of_id == original
    assert dup.cancel_reason == f"与 {number} 重复" and dup.reporter_name == "王先生"
    assert orig.version == 2
    with db.sessions() as session:
        notes = [e.note for e in load_history(session, original) if e.kind == EventKind.COMMENT]
        assert notes == [f"合并重复报修 {dup.number}（报修人：王先生 13900000000）"]
        third = session.get(Ticket, register(db, world))
        assert check(third, Action.MARK_DUPLICATE, world.actor(session, "clerk"), {"original": dup}) == [
            "原报修单已关闭（已取消），请选择未关闭的报修单"
        ]


def test_duplicate_of_another_project_is_refused(db, world) -> None:
    other = register(db, world, project_id=world.other_project_id, location_id=None, location_label="K3+200",
                     defect_category_id=ROAD_CRACK)
    ticket_id = register(db, world)
    with db.sessions() as session:
        assert check(session.get(Ticket, ticket_id), Action.MARK_DUPLICATE, world.actor(session, "clerk"),
                     {"original": session.get(Ticket, other)}) == ["原报修单属于其他项目"]


# ----------------------------------------------------------------- timers, comments, files


def test_pause_and_resume_messages(db, world) -> None:
    ticket_id = register(db, world)
    assert checked(db, world, ticket_id, Action.RESUME_TIMER, "clerk") == ["计时未暂停，无需恢复"]
    assert refused(db, lambda s: pause_timer(s, s.get(Ticket, ticket_id), world.actor(s, "clerk"), reason="")) == [
        "暂停计时须填写原因（如业主不在家）"
    ]
    act(db, world, ticket_id, "clerk", lambda s, t, a: pause_timer(s, t, a, reason="业主不在家", now=T0 + H))
    assert checked(db, world, ticket_id, Action.PAUSE_TIMER, "clerk", {"reason": "x"}) == ["计时已在暂停中"]
    act(db, world, ticket_id, "clerk", lambda s, t, a: resume_timer(s, t, a, now=T0 + 2 * H))
    assert state_of(db, ticket_id).paused_minutes == 60


def test_comment_attachment_and_signature_messages(db, world) -> None:
    ticket_id = register(db, world)
    walk(db, world, ticket_id, "in_repair")
    assert checked(db, world, ticket_id, Action.COMMENT, "clerk", {"text": " "}) == ["备注内容不能为空"]
    assert checked(db, world, ticket_id, Action.ATTACH, "clerk", {"data": b""}) == [
        "缺少附件文件", "缺少照片阶段（维修前/维修中/维修后/文件）"
    ]
    assert checked(db, world, ticket_id, Action.ATTACH, "clerk", {"data": b"x", "stage": "later"}) == [
        "照片阶段无效：later"
    ]
    assert checked(db, world, ticket_id, Action.SIGN, "tech", {"method": "fax"}) == [
        "缺少签名人身份（业主或维修人员）", "缺少签名人姓名", "缺少签名图像", "签名方式无效：fax"
    ]
    act(db, world, ticket_id, "clerk", lambda s, t, a: add_comment(s, t, a, "业主要求周末施工", now=T0 + 9 * H))
    attachment = act(db, world, ticket_id, "tech", lambda s, t, a: attach_file(
        s, world.store, t, a, data=b"during", original_name="d.mp4", mime_type="video/mp4", stage="during",
        now=T0 + 9 * H))
    assert world.store.read(attachment.sha256) == b"during"
    with db.sessions() as session:
        kinds = [e.kind for e in load_history(session, ticket_id)][-2:]
        assert kinds == ["comment", "attachment"]


# ------------------------------------------------------------------------------ field edits


def test_field_edit_rules(db, world) -> None:
    ticket_id = register(db, world)
    edits = [
        ("clerk", "number", "X", "“报修单号”不能直接修改"),
        ("clerk", "state", "archived", "“状态”不能直接修改"),
        ("tech", "plan_safety_measures", "x", "“安全措施”在“报修受理”阶段不能修改"),
        ("tech", "description", "x", "保修员无权修改“问题描述”"),
        ("clerk", "description", " ", "“问题描述”不能为空"),
        ("clerk", "urgency", 7, "紧急程度无效"),
        ("clerk", "channel", "fax", "报修渠道无效：fax"),
        ("clerk", "location_id", world.room_id, None),
        ("tech", "cause", "weather", "原因无效：weather"),
    ]
    for who, name, value, message in edits:
        expected = [] if message is None else [message]
        assert checked(db, world, ticket_id, Action.EDIT, who, {"field": name, "value": value}) == expected, name
    with db.sessions() as session:
        assert check(session.get(Ticket, ticket_id), Action.EDIT, world.actor(session, "clerk"),
                     {"field": "location_id", "value": uuid.uuid4()}) == ["报修位置不属于本项目"]


def test_editing_the_location_updates_its_label(db, world) -> None:
    ticket_id = register(db, world)
    act(db, world, ticket_id, "clerk", lambda s, t, a: edit_field(s, t, a, "location_id", world.other_room_id,
                                                                  note="业主报错房号", now=T0 + H))
    assert state_of(db, ticket_id).location_label == "3栋801室"
    with db.sessions() as session:
        assert ticket_problems(session, session.get(Ticket, ticket_id)) == []


def test_structural_flag_rules(db, world) -> None:
    ticket_id = register(db, world, structural_safety=True)
    assert checked(db, world, ticket_id, Action.EDIT, "clerk", {"field": "urgency", "value": 3}) == [
        "涉及结构安全的报修单须按“紧急”处理，不能降低紧急程度"
    ]
    assert checked(db, world, ticket_id, Action.EDIT, "clerk", {"field": "structural_safety", "value": False}) == [
        "取消“涉及结构安全”标记须由项目经理或总部保修管理员确认"
    ]
    assert checked(db, world, ticket_id, Action.EDIT, "pm", {"field": "structural_safety", "value": False}) == []
    walk(db, world, ticket_id, "diagnosing")
    assert checked(db, world, ticket_id, Action.DIAGNOSE, "tech", {**DIAGNOSIS, "structural_safety": False})[0] == (
        "取消“涉及结构安全”标记须由项目经理或总部保修管理员确认"
    )


def test_changing_the_diagnosis_in_planning_keeps_the_verdict_current(db, world, planning) -> None:
    assert checked(db, world, planning, Action.EDIT, "tech", {"field": "cause", "value": Cause.MISUSE}) == [
        "修改后保修判定为“不属保修范围”，已安排的保修维修不能继续；请取消报修或报项目经理处理"
    ]
    assert checked(db, world, planning, Action.EDIT, "tech", {"field": "plan_duration_hours", "value": -1}) == [
        "预计工期须大于 0 小时"
    ]
    act(db, world, planning, "tech", lambda s, t, a: edit_field(
        s, t, a, "building_part", BuildingPart.EXTERIOR_WALL, now=T0 + 9 * H))
    ticket = state_of(db, planning)
    assert ticket.coverage_end_date == dt.date(2029, 6, 30) and "外墙面防渗漏" in ticket.coverage_reason


def test_editing_to_the_same_value_writes_nothing(db, world) -> None:
    ticket_id = register(db, world)
    act(db, world, ticket_id, "clerk", lambda s, t, a: edit_field(s, t, a, "description", "卫生间顶部渗水 "))
    assert state_of(db, ticket_id).version == 1


# -------------------------------------------------------------------------------- history


def test_history_cannot_be_rewritten(db, world) -> None:
    ticket_id = register(db, world)
    walk(db, world, ticket_id, "acceptance")
    with pytest.raises(AppendOnlyViolation), db.transaction() as session:
        event = session.scalar(select(TicketEvent).where(TicketEvent.ticket_id == ticket_id))
        event.note = "改写"
    with pytest.raises(AppendOnlyViolation), db.transaction() as session:
        session.delete(session.scalar(select(Attachment).where(Attachment.ticket_id == ticket_id)))


def test_replay_finds_a_change_made_behind_the_engines_back(db, world) -> None:
    ticket_id = register(db, world)
    with db.transaction() as session:
        ticket = session.get(Ticket, ticket_id)
        ticket.description, ticket.plan_sop_ref = "悄悄改掉", "SOP-01"
    with db.sessions() as session:
        ticket = session.get(Ticket, ticket_id)
        assert replay_differences(session, ticket) == [
            "description: row has '悄悄改掉', history gives '卫生间顶部渗水'",
            "plan_sop_ref: row has 'SOP-01', history gives ''",
        ]
        # Lenient (histories of other tools): only fields some event touched are compared.
        assert replay_differences(session, ticket, strict=False) == [
            "description: row has '悄悄改掉', history gives '卫生间顶部渗水'"
        ]


def test_every_fixed_message_is_documented() -> None:
    """docs/workflow.md lists the preconditions' messages word for word."""
    import ast
    from pathlib import Path

    from app.models import workflow

    root = Path(__file__).resolve().parents[2]
    doc = (root / "docs" / "workflow.md").read_text(encoding="utf-8")
    tree = ast.parse(Path(workflow.__file__).read_text(encoding="utf-8"))
    messages = [
        node.args[1].value for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Problem"
        and len(node.args) == 2 and isinstance(node.args[1], ast.Constant)
    ]
    assert len(messages) > 40
    assert [m for m in messages if m not in doc] == []


@pytest.mark.parametrize("phone", ["12345", "138001380001", "abc"])
def test_intake_refuses_a_phone_one_cannot_call_back(db, phone) -> None:
    world = build_world(db)
    with db.transaction() as session:
        problems = check_intake(session, world.actor(session, "clerk"), intake(world, reporter_phone=phone))
    assert [p.field for p in problems] == ["reporter_phone"]
    assert "联系电话" in problems[0].message


@pytest.mark.parametrize("phone", ["13800138000", "0531-88886666", "010 1234 5678", "4008123123", ""])
def test_intake_accepts_mobile_landline_and_hotline_numbers(phone) -> None:
    from app.models.phone import phone_problem

    assert phone_problem(phone) is None


def test_photos_can_be_attached_in_the_transaction_that_registers_the_ticket(db) -> None:
    world = build_world(db)
    with db.transaction() as session:
        clerk = world.actor(session, "clerk")
        ticket = register_ticket(session, clerk, intake(world), now=T0)
        attach_file(session, world.store, ticket, clerk, data=b"\xff\xd8photo", original_name="a.jpg",
                    mime_type="image/jpeg", stage=PhotoStage.BEFORE, now=T0)
        ticket_id = ticket.id
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Attachment).where(Attachment.ticket_id == ticket_id)) == 1


def test_history_shows_times_in_local_time() -> None:
    from app.models.history import value_text

    assert value_text("plan_appointment_at", "2026-11-20 01:30:00") == "2026-11-20 09:30"
    assert value_text("plan_appointment_at", None) == "（空）"
