"""Escalations, retrospective meetings, corrective actions, the effect check and typical cases."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.models import Project, Ticket
from app.models.escalation import (
    AppendOnlyEscalationLog,
    Escalation,
    EscalationEvent,
    EscalationTicket,
)
from app.models.escalation_engine import (
    close_escalation,
    escalate,
    escalation_check,
    escalation_detail,
    evaluate_all,
    evaluate_ticket,
    list_escalations,
    open_escalation_count,
    raise_level,
    reopen_escalation,
    set_type_thresholds,
    thresholds_for,
)
from app.models.escalation_terms import (
    ActionData,
    ActionStatus,
    AnalysisMethod,
    AttendeeData,
    AttendeeRole,
    CaseData,
    EscalationKind,
    EscalationLevel,
    EscalationState,
    MeetingStatus,
    RetroRefused,
)
from app.models.retrospective import CorrectiveAction, RetrospectiveMeeting
from app.models.retrospective_service import (
    actions_for_owner,
    add_action,
    add_evidence,
    close_meeting,
    create_meeting,
    list_meetings,
    mark_meeting_held,
    meeting_detail,
    meeting_prefill,
    overdue_action_count,
    overdue_actions,
    save_meeting_record,
    set_action_status,
    update_meeting,
)
from app.models.taxonomy import category_id
from app.models.ticket_actions import diagnose, reject, take_ticket
from app.models.typical_case import (
    case_count_for_category,
    case_detail,
    case_prefill,
    cases_for_category,
    publish_case,
    search_cases,
)
from app.models.vocabulary import BuildingPart, Cause, ResponsibleParty
from tests.unit.lifecycle_world import CRACK, LEAK, T0, build_world, register, walk

DAY = dt.timedelta(days=1)
H = dt.timedelta(hours=1)
TILE = category_id("residential", "tile_loose")


@pytest.fixture
def world(db):
    """The lifecycle world; its main project answers in months, so no SLA escalation gets in
    the way of the recurring ones (the road project keeps the usual limits)."""
    world = build_world(db)
    with db.transaction() as session:
        project = session.get(Project, world.project_id)
        project.sla_normal_response_minutes = project.sla_emergency_response_minutes = 10**6
        project.sla_normal_hours = project.sla_emergency_hours = 10**5
        project.repair_days = 10**4
    return world


def _escalations(db, kind: EscalationKind | None = None) -> list[Escalation]:
    with db.sessions() as session:
        query = select(Escalation).order_by(Escalation.number)
        if kind is not None:
            query = query.where(Escalation.kind == kind.value)
        rows = list(session.scalars(query))
        session.expunge_all()
        return rows


def _linked(db, escalation_id) -> set:
    with db.sessions() as session:
        return set(
            session.scalars(
                select(EscalationTicket.ticket_id).where(
                    EscalationTicket.escalation_id == escalation_id
                )
            )
        )


def _events(db, escalation_id) -> list[tuple[str, str]]:
    with db.sessions() as session:
        return [
            (e.kind, e.note)
            for e in session.scalars(
                select(EscalationEvent)
                .where(EscalationEvent.escalation_id == escalation_id)
                .order_by(EscalationEvent.seq)
            )
        ]


# ---------------------------------------------------------------------------------------------
# Recurring problems: thresholds, clusters, no duplicates
# ---------------------------------------------------------------------------------------------


def test_recurring_cluster_at_the_threshold_and_growing(db, world) -> None:
    first = register(db, world, at=T0)
    second = register(db, world, at=T0 + 10 * DAY, location_id=world.other_room_id)
    # N-1 = 2 tickets of the category: no escalation yet.
    assert _escalations(db, EscalationKind.RECURRING) == []

    third = register(db, world, at=T0 + 20 * DAY)  # N = 3: the registration raises it
    [escalation] = _escalations(db, EscalationKind.RECURRING)
    assert escalation.state == EscalationState.PENDING
    assert escalation.level == EscalationLevel.PROJECT_MANAGER
    assert escalation.defect_category_id == LEAK
    assert escalation.cluster_key == f"cat:{world.project_id}:{LEAK}"
    assert "阳光花园项目“卫生间渗漏”类问题 90 天内出现 3 次（阈值 3 次）" in escalation.explanation
    assert _linked(db, escalation.id) == {first, second, third}

    fourth = register(db, world, at=T0 + 30 * DAY)  # N+1 joins the same cluster
    assert [e.id for e in _escalations(db, EscalationKind.RECURRING)] == [escalation.id]
    assert _linked(db, escalation.id) == {first, second, third, fourth}
    kinds = [kind for kind, _note in _events(db, escalation.id)]
    assert kinds == ["raised", "ticket_joined"]

    # Repeated evaluation, bulk or per ticket, creates nothing new.
    for _ in range(2):
        with db.transaction() as session:
            assert not evaluate_all(session, T0 + 31 * DAY).changed
            assert not evaluate_ticket(session, session.get(Ticket, fourth), T0 + 31 * DAY).changed
    assert [e.kind for e in _escalations(db)] == ["recurring"]
    assert len(_events(db, escalation.id)) == 2


def test_outside_the_window_no_escalation_and_other_category_apart(db, world) -> None:
    register(db, world, at=T0)
    register(db, world, at=T0 + 50 * DAY)
    register(db, world, at=T0 + 95 * DAY)  # the first fell out of the 90-day window
    register(db, world, at=T0 + 96 * DAY, defect_category_id=CRACK)
    assert _escalations(db, EscalationKind.RECURRING) == []
    register(db, world, at=T0 + 97 * DAY)
    [escalation] = _escalations(db, EscalationKind.RECURRING)
    assert len(_linked(db, escalation.id)) == 3


def test_bulk_evaluation_finds_clusters_written_without_the_engine(db, world) -> None:
    """Imported / generated tickets (raw rows) are found by evaluate_all, once."""
    ids = [register(db, world, at=T0 + n * DAY, defect_category_id=None) for n in range(4)]
    assert _escalations(db, EscalationKind.RECURRING) == []
    with db.transaction() as session:
        for ticket_id in ids:
            session.get(Ticket, ticket_id).defect_category_id = LEAK  # as an import would
    with db.transaction() as session:
        result = evaluate_all(session, T0 + 5 * DAY)
    assert result.created == 1
    [escalation] = _escalations(db, EscalationKind.RECURRING)
    assert _linked(db, escalation.id) == set(ids)
    assert "出现 4 次" in escalation.explanation
    with db.transaction() as session:
        assert not evaluate_all(session, T0 + 5 * DAY).changed


def test_twice_the_threshold_goes_to_management(db, world) -> None:
    for n in range(6):
        register(
            db, world, at=T0 + n * DAY, location_id=[world.room_id, world.other_room_id][n % 2]
        )
    [escalation] = _escalations(db, EscalationKind.RECURRING)
    assert escalation.level == EscalationLevel.MANAGEMENT
    notes = [note for kind, note in _events(db, escalation.id) if kind == "level_raised"]
    assert notes == ["90 天内已出现 6 次，达到阈值 3 次的 2 倍，自动升级至公司管理层"]


def test_thresholds_per_project_type_and_project_override(db, world) -> None:
    with db.transaction() as session:
        project = session.get(Project, world.project_id)
        assert thresholds_for(session, project).threshold == 3
        set_type_thresholds(session, "residential", 2, 30, watch_days=60)
        assert (
            thresholds_for(session, project).threshold,
            thresholds_for(session, project).window_days,
        ) == (2, 30)
        with pytest.raises(RetroRefused, match="至少为 2 次"):
            set_type_thresholds(session, "road", 1, 30)
    register(db, world, at=T0)
    register(db, world, at=T0 + DAY)
    assert len(_escalations(db, EscalationKind.RECURRING)) == 1

    with db.transaction() as session:
        project = session.get(Project, world.project_id)
        project.recurrence_threshold = 5  # the project's own value wins over its type's
        assert thresholds_for(session, project).threshold == 5
        assert thresholds_for(session, project).watch_days == 60


def test_building_part_and_subcontractor_cluster(db, world) -> None:
    """Same part and subcontractor across two categories: one part cluster, not per category."""
    ids = [
        register(db, world, at=T0 + n * DAY, defect_category_id=cat)
        for n, cat in enumerate([LEAK, TILE, LEAK])
    ]
    for n, ticket_id in enumerate(ids):
        with db.transaction() as session:
            ticket = session.get(Ticket, ticket_id)
            tech = world.actor(session, "tech")
            take_ticket(session, ticket, tech, now=T0 + (n + 3) * DAY)
            diagnose(
                session,
                ticket,
                tech,
                now=T0 + (n + 3) * DAY + H,
                cause=Cause.CONSTRUCTION_DEFECT,
                building_part=BuildingPart.WATERPROOF_ROOMS,
                responsible_party=ResponsibleParty.SUBCONTRACTOR,
                responsible_org_id=world.sub_id,
            )
    escalations = [e for e in _escalations(db, EscalationKind.RECURRING)]
    assert len(escalations) == 1
    [part] = escalations
    assert part.cluster_key == f"part:{world.project_id}:waterproof_rooms:{world.sub_id}"
    assert (
        "责任分包单位“鲁班防水工程公司”" in part.explanation and "涉及 2 类缺陷" in part.explanation
    )
    assert _linked(db, part.id) == set(ids)
    with db.sessions() as session:
        [row] = list_escalations(session, open_only=True)
        assert row.cluster == "卫生间、房间防渗漏 · 鲁班防水工程公司"
        assert row.ticket_count == 3


# ---------------------------------------------------------------------------------------------
# Per-ticket signals and SLA breaches
# ---------------------------------------------------------------------------------------------


def test_major_quality_sla_and_rework(db, world) -> None:
    structural = register(db, world, structural_safety=True, defect_category_id=CRACK)
    [major] = _escalations(db, EscalationKind.MAJOR_QUALITY)
    assert (
        major.level == EscalationLevel.MANAGEMENT
        and major.cluster_key == f"major_quality:{structural}"
    )
    assert "涉及结构安全" in major.explanation

    road = dict(
        project_id=world.other_project_id,
        location_id=None,
        location_label="K1+200",
        defect_category_id=None,
    )
    late = register(db, world, at=T0 + H, **road)
    later = register(db, world, at=T0 + 2 * H, **road)
    with db.transaction() as session:  # nobody took them: the response timers (8 h) ran out
        result = evaluate_all(session, T0 + 2 * DAY)
    [sla] = _escalations(db, EscalationKind.SLA_BREACHED)
    assert sla.cluster_key == f"sla:{world.other_project_id}"
    assert {late, later} <= _linked(db, sla.id)
    assert "2 张未关闭的报修单超出响应时限" in sla.explanation and "（响应超时）" in sla.explanation
    assert result.created >= 1
    with db.transaction() as session:
        assert not evaluate_all(session, T0 + 2 * DAY).changed

    reworked = register(db, world, at=T0 + 3 * H, defect_category_id=TILE)
    clock = walk(db, world, reworked, "acceptance", start=T0 + 3 * H)
    for n in range(2):
        with db.transaction() as session:
            ticket = session.get(Ticket, reworked)
            reject(
                session, ticket, world.actor(session, "clerk"), reason="仍然渗水", now=clock + n * H
            )
        if n == 0:
            clock = walk(db, world, reworked, "acceptance", start=clock + H)
    [rework] = _escalations(db, EscalationKind.REPEATED_REWORK)
    assert "已返修 2 次" in rework.explanation


# ---------------------------------------------------------------------------------------------
# People's actions on escalations
# ---------------------------------------------------------------------------------------------


def test_manual_escalation_and_raising_the_level(db, world) -> None:
    ticket = register(db, world, defect_category_id=None)
    road = register(
        db,
        world,
        project_id=world.other_project_id,
        location_id=None,
        location_label="K1+200",
        defect_category_id=None,
    )
    with db.transaction() as session:
        clerk, pm = world.actor(session, "clerk"), world.actor(session, "pm")
        with pytest.raises(RetroRefused) as refused:
            escalate(session, [ticket, road], clerk, "  ", level="management")
        assert refused.value.messages == [
            "所选报修单须属于同一项目",
            "缺少升级原因",
            "直接升级至公司管理层须由项目经理或总部保修管理员办理",
        ]
        with pytest.raises(RetroRefused, match="至少选择一张报修单"):
            escalate(session, [], clerk, "业主投诉")
        escalation = escalate(session, [ticket], clerk, "业主多次投诉，媒体关注", now=T0 + H)
        assert escalation.kind == EscalationKind.MANUAL and escalation.cluster_key is None
        assert escalation.number.startswith("SJ-") and escalation.number.endswith("-2026-0001")
        assert "李资料人工升级" in escalation.explanation and "媒体关注" in escalation.explanation

        assert escalation_check(escalation, "raise_level", clerk) == [
            "升级至公司管理层须由项目经理或总部保修管理员办理"
        ]
        with pytest.raises(RetroRefused, match="缺少升级原因"):
            raise_level(session, escalation, pm, reason="")
        raise_level(session, escalation, pm, reason="涉及多户，需公司协调", now=T0 + 2 * H)
        assert escalation.level == EscalationLevel.MANAGEMENT
        assert escalation_check(escalation, "raise_level", pm) == ["已是公司管理层，无法继续升级"]
        escalation_id = escalation.id
    with db.sessions() as session:
        detail = escalation_detail(session, escalation_id)
        assert [e.kind for e in detail.events] == ["raised", "level_raised"]
        assert detail.events[1].actor_name == "张经理" and detail.events[0].actor_name == "李资料"
        assert [t.number for t in detail.tickets] == [session.get(Ticket, ticket).number]
        assert open_escalation_count(session) == 1


def test_escalation_log_is_append_only(db, world) -> None:
    for n in range(3):
        register(db, world, at=T0 + n * DAY)
    with db.transaction() as session:
        event = session.scalars(select(EscalationEvent)).first()
        event.note = "改写"
        with pytest.raises(AppendOnlyEscalationLog):
            session.flush()


# ---------------------------------------------------------------------------------------------
# Meeting, actions, closing, effect check
# ---------------------------------------------------------------------------------------------


def _recurring(db, world) -> tuple[list, Escalation]:
    ids = [register(db, world, at=T0 + n * DAY) for n in range(3)]
    [escalation] = _escalations(db, EscalationKind.RECURRING)
    return ids, escalation


def _meeting(db, world, escalation_id, held_at=T0 + 10 * DAY):
    with db.transaction() as session:
        pm = world.actor(session, "pm")
        data = meeting_prefill(session, escalation_id)
        assert data.problem.startswith("阳光花园项目“卫生间渗漏”类问题")
        assert len(data.ticket_ids) == 3 and data.escalation_ids == [escalation_id]
        data.held_at = held_at
        data.host_id = pm.id
        data.attendees = [
            AttendeeData("张经理", "第一项目部", AttendeeRole.CONSTRUCTION.value, pm.id),
            AttendeeData("周设计", "华信设计院", AttendeeRole.DESIGN.value),
        ]
        meeting = create_meeting(session, pm, data, now=held_at - DAY)
        return meeting.id


def test_meeting_actions_and_closing_the_escalation(db, world) -> None:
    _ids, escalation = _recurring(db, world)
    meeting_id = _meeting(db, world, escalation.id)
    held = T0 + 10 * DAY
    with db.transaction() as session:
        pm, tech, hq = (
            world.actor(session, "pm"),
            world.actor(session, "tech"),
            world.actor(session, "hq"),
        )
        meeting = session.get(RetrospectiveMeeting, meeting_id)
        assert session.get(Escalation, escalation.id).state == EscalationState.MEETING_SCHEDULED
        assert meeting.number.startswith("FP-")
        # The record is incomplete: no problem analysis and no root cause yet.
        data = meeting_detail(session, meeting_id).data
        with pytest.raises(RetroRefused) as refused:
            mark_meeting_held(session, meeting, pm)
        assert [p.field for p in refused.value.problems] == ["analysis", "root_cause"]
        data.five_whys = ["防水层破损", "施工时踩踏", "成品保护缺失", ""]
        data.root_cause = "成品保护制度未落实"
        update_meeting(session, meeting, pm, data)
        assert meeting.five_whys == [
            "防水层破损",
            "施工时踩踏",
            "成品保护缺失",
        ]  # blank whys dropped

        with pytest.raises(RetroRefused) as refused:
            add_action(
                session, meeting, pm, ActionData("corrective", " ", None, "", held.date() - DAY)
            )
        assert refused.value.messages == ["缺少措施内容", "缺少责任人", "完成期限不能早于会议日期"]
        fix = add_action(
            session,
            meeting,
            pm,
            ActionData("corrective", "返修 3 户卫生间防水", tech.id, "", held.date() + 7 * DAY),
            now=held,
        )
        rule = add_action(
            session,
            meeting,
            pm,
            ActionData("preventive", "修订成品保护制度", pm.id, "质量部", held.date() + 30 * DAY),
            now=held,
        )
        assert (fix.seq, rule.seq, fix.department) == (1, 2, "第一项目部")
        mark_meeting_held(session, meeting, pm, now=held + H)
        assert meeting.status == MeetingStatus.HELD
        assert session.get(Escalation, escalation.id).state == EscalationState.RECTIFYING

        # Action rules.
        with pytest.raises(RetroRefused, match="标记“已完成”须上传证据或填写完成说明"):
            set_action_status(session, fix, tech, ActionStatus.DONE.value)
        with pytest.raises(RetroRefused, match="只有措施责任人"):
            set_action_status(
                session, fix, world.actor(session, "clerk"), ActionStatus.IN_PROGRESS.value
            )
        set_action_status(session, fix, tech, ActionStatus.IN_PROGRESS.value, now=held + DAY)
        add_evidence(
            session,
            world.store,
            fix,
            tech,
            data=b"\xff\xd8photo",
            original_name="返修后.jpg",
            mime_type="image/jpeg",
            now=held + 2 * DAY,
        )
        set_action_status(session, fix, tech, ActionStatus.DONE.value, now=held + 2 * DAY)
        with pytest.raises(RetroRefused, match="不能由措施负责人本人验证"):
            set_action_status(session, fix, tech, ActionStatus.VERIFIED.value)
        set_action_status(session, fix, hq, ActionStatus.VERIFIED.value, now=held + 3 * DAY)
        assert fix.closed_at == held + 2 * DAY and fix.verified_by_id == hq.id

        escalation_row = session.get(Escalation, escalation.id)
        assert escalation_check(escalation_row, "close", pm, open_actions=1) == [
            "尚有 1 项整改措施未关闭，不能关闭升级事项"
        ]
        with pytest.raises(RetroRefused, match="尚有 1 项整改措施未关闭"):
            close_escalation(session, escalation_row, pm)
        with pytest.raises(RetroRefused, match="尚有 1 项整改措施未关闭，不能关闭会议"):
            close_meeting(session, meeting, pm)
        with pytest.raises(RetroRefused, match="取消整改措施须填写原因"):
            set_action_status(session, rule, pm, ActionStatus.CANCELLED.value)
        set_action_status(
            session, rule, pm, ActionStatus.DONE.value, note="制度已发布", now=held + 5 * DAY
        )
        # Every action closed: the watch window starts (90 days by default).
        assert escalation_row.watch_started_at == held + 5 * DAY
        assert escalation_row.watch_until == held + 95 * DAY
        close_escalation(session, escalation_row, pm, now=held + 6 * DAY)
        assert escalation_row.state == EscalationState.CLOSED
        close_meeting(session, meeting, pm, now=held + 6 * DAY)
        with pytest.raises(RetroRefused, match="会议已关闭"):
            set_action_status(session, fix, hq, ActionStatus.IN_PROGRESS.value, note="复查")
    kinds = [kind for kind, _ in _events(db, escalation.id)]
    assert kinds[:3] == ["raised", "meeting", "state"]
    assert "watch_started" in kinds and kinds[-1] == "state"
    with db.sessions() as session:
        detail = escalation_detail(session, escalation.id)
        assert detail.open_action_count == 0 and [m.number for m in detail.meetings] == [
            meeting.number
        ]


def test_effect_check_reopens_and_a_new_round_after_the_window(db, world) -> None:
    _ids, escalation = _recurring(db, world)
    meeting_id = _meeting(db, world, escalation.id)
    fixed_at = T0 + 12 * DAY
    with db.transaction() as session:
        pm = world.actor(session, "pm")
        meeting = session.get(RetrospectiveMeeting, meeting_id)
        data = meeting_detail(session, meeting_id).data
        data.analysis_method = AnalysisMethod.FISHBONE.value
        data.fishbone = {"man": ["交底不到位"], "material": ["卷材搭接不足"]}
        data.root_cause = "防水工艺执行不到位"
        update_meeting(session, meeting, pm, data)
        action = add_action(
            session, meeting, pm, ActionData("corrective", "返修", pm.id, "", fixed_at.date())
        )
        mark_meeting_held(session, meeting, pm)
        set_action_status(session, action, pm, ActionStatus.DONE.value, note="已返修", now=fixed_at)
        close_escalation(session, session.get(Escalation, escalation.id), pm, now=fixed_at)

    # A matching ticket 20 days after the fix: the escalation reopens at once (registration hook).
    again = register(db, world, at=fixed_at + 20 * DAY)
    [row] = _escalations(db, EscalationKind.RECURRING)
    assert row.id == escalation.id and row.state == EscalationState.REOPENED
    assert (
        row.level == EscalationLevel.MANAGEMENT
        and row.reopen_count == 1
        and row.watch_until is None
    )
    with db.sessions() as session:
        number = session.get(Ticket, again).number
    notes = [note for kind, note in _events(db, escalation.id) if kind == "reopened"]
    assert notes == [f"整改后 20 天内再次出现同类问题：{number}"]
    assert again in _linked(db, escalation.id)
    with db.transaction() as session:
        assert not evaluate_all(session, fixed_at + 21 * DAY).changed

    # Closed again by hand; after its window, a new cluster of three starts round 2.
    with db.transaction() as session:
        hq = world.actor(session, "hq")
        close_escalation(
            session, session.get(Escalation, escalation.id), hq, now=fixed_at + 22 * DAY
        )
        with pytest.raises(RetroRefused, match="重新打开须填写原因"):
            reopen_escalation(session, session.get(Escalation, escalation.id), hq, reason="")
    late = fixed_at + 22 * DAY + 100 * DAY
    fresh = [register(db, world, at=late + n * DAY) for n in range(3)]
    rounds = _escalations(db, EscalationKind.RECURRING)
    assert [e.cluster_round for e in rounds] == [1, 2]
    assert rounds[0].state == EscalationState.CLOSED
    assert _linked(db, rounds[1].id) == set(fresh)


def test_editor_save_overdue_actions_and_my_actions(db, world) -> None:
    _ids, escalation = _recurring(db, world)
    held = T0 + 10 * DAY
    with db.transaction() as session:
        pm, tech = world.actor(session, "pm"), world.actor(session, "tech")
        data = meeting_prefill(session, escalation.id)
        data.held_at, data.host_id = held, pm.id
        data.five_whys, data.root_cause = ["为什么渗水"], "防水层未做附加层"
        rows = [
            (None, ActionData("corrective", "返修", tech.id, "", held.date() + 3 * DAY)),
            (None, ActionData("preventive", "交底", tech.id, "", held.date() + 40 * DAY)),
            (None, ActionData("preventive", "", None, "", None)),
        ]
        with pytest.raises(RetroRefused) as refused:
            save_meeting_record(session, None, pm, data, rows)
        assert {p.field for p in refused.value.problems} >= {
            "actions[3].description",
            "actions[3].owner_id",
        }
        assert (
            session.scalar(select(func.count()).select_from(RetrospectiveMeeting)) == 0
        )  # nothing written
        meeting = save_meeting_record(session, None, pm, data, rows[:2], now=held)
        assert [a.seq for a in meeting.actions] == [1, 2]
        edited = [
            (
                meeting.actions[0].id,
                ActionData("corrective", "返修 3 户", tech.id, "", held.date() + 3 * DAY),
            ),
            *rows[1:2],
        ]
        save_meeting_record(session, meeting, pm, data, edited, now=held)
        assert meeting.actions[0].description == "返修 3 户" and len(meeting.actions) == 3
        tech_id = tech.id
    now = held + 10 * DAY
    with db.sessions() as session:
        overdue = overdue_actions(session, now)
        assert [a.description for a in overdue] == ["返修 3 户"] and overdue[0].overdue
        assert overdue_action_count(session, now, owner_id=tech_id) == 1
        mine = actions_for_owner(session, tech_id, now)
        assert [a.description for a in mine][0] == "返修 3 户"
        [row] = list_meetings(session, now=now)
        assert (row.action_count, row.open_action_count, row.overdue_action_count) == (3, 3, 1)


# ---------------------------------------------------------------------------------------------
# Typical cases
# ---------------------------------------------------------------------------------------------


def test_publish_and_search_cases(db, world) -> None:
    _ids, escalation = _recurring(db, world)
    meeting_id = _meeting(db, world, escalation.id)
    with db.transaction() as session:
        pm = world.actor(session, "pm")
        meeting = session.get(RetrospectiveMeeting, meeting_id)
        data = meeting_detail(session, meeting_id).data
        data.five_whys, data.root_cause = ["闭水试验时间不足"], "防水施工工艺不到位"
        update_meeting(session, meeting, pm, data)
        action = add_action(
            session,
            meeting,
            pm,
            ActionData("preventive", "闭水试验延长至48小时", pm.id, "", (T0 + 20 * DAY).date()),
        )
        mark_meeting_held(session, meeting, pm)
        case = case_prefill(session, meeting_id)
        assert case.defect_category_id == LEAK and "为什么1：闭水试验时间不足" in case.cause
        assert "闭水试验延长至48小时" in case.solution
        with pytest.raises(RetroRefused, match="复盘会议尚未关闭"):
            publish_case(session, meeting, pm, case)
        set_action_status(session, action, pm, ActionStatus.DONE.value, note="已执行")
        close_meeting(session, meeting, pm)
        with pytest.raises(RetroRefused) as refused:
            publish_case(session, meeting, pm, CaseData("", "", "x", "y"))
        assert refused.value.messages == ["缺少标题", "缺少问题描述"]
        case.title = "卫生间渗漏反复出现：闭水试验不足"
        published = publish_case(session, meeting, pm, case)
        assert published.number.startswith("AL-")
        case_id = published.id
    with db.sessions() as session:
        assert [c.id for c in search_cases(session, "渗漏")] == [case_id]  # a 2-character term
        assert [c.id for c in search_cases(session, "闭水 48")] == [case_id]  # words are ANDed
        assert [c.id for c in search_cases(session, "漏")] == [case_id]
        assert search_cases(session, "开裂") == []
        assert search_cases(session, "100%") == []  # LIKE wildcards are plain characters
        assert [c.id for c in search_cases(session, "")] == [case_id]
        assert [c.id for c in cases_for_category(session, LEAK)] == [case_id]
        assert (
            case_count_for_category(session, LEAK) == 1
            and case_count_for_category(session, CRACK) == 0
        )
        detail = case_detail(session, case_id)
        assert detail.row.category == "卫生间渗漏" and detail.meeting_id == meeting_id
        assert meeting_detail(session, meeting_id).case_id == case_id


# ---------------------------------------------------------------------------------------------
# The demo store
# ---------------------------------------------------------------------------------------------


def test_demo_store_has_escalations_meetings_and_a_case(demo_db) -> None:
    from app.demo.generator import REFERENCE_NOW

    with demo_db.sessions() as session:
        rows = list_escalations(session)
        assert len(rows) >= 5
        assert {r.kind for r in rows} >= {EscalationKind.RECURRING.value}
        meetings = list_meetings(session)
        assert sorted(m.status for m in meetings) == ["closed", "held"]
        assert overdue_actions(session, REFERENCE_NOW)
        assert search_cases(session, "")
        assert session.scalar(select(func.count()).select_from(CorrectiveAction)) == 6
    with demo_db.transaction() as session:
        assert not evaluate_all(session, REFERENCE_NOW).changed  # the demo is already evaluated


def test_a_timer_met_late_is_noticed_by_the_action(db, world) -> None:
    road = dict(
        project_id=world.other_project_id,
        location_id=None,
        location_label="K2+050",
        defect_category_id=None,
    )
    on_time = register(db, world, at=T0, **road)
    late = register(db, world, at=T0, **road)
    with db.transaction() as session:
        tech = world.actor(session, "tech")
        take_ticket(session, session.get(Ticket, on_time), tech, now=T0 + H)
        assert _escalations(db, EscalationKind.SLA_BREACHED) == []
        take_ticket(
            session, session.get(Ticket, late), tech, now=T0 + DAY
        )  # response due after 8 h
    [sla] = _escalations(db, EscalationKind.SLA_BREACHED)
    assert _linked(db, sla.id) == {late}


def test_owner_change_is_logged_with_names(db, world) -> None:
    from app.models.escalation_engine import assign_escalation_owner

    ticket = register(db, world, defect_category_id=None)
    with db.transaction() as session:
        pm, tech, clerk = (
            world.actor(session, "pm"),
            world.actor(session, "tech"),
            world.actor(session, "clerk"),
        )
        escalation = escalate(session, [ticket], pm, "业主投诉", owner_id=pm.id)
        with pytest.raises(RetroRefused, match="须由项目经理或总部保修管理员办理"):
            assign_escalation_owner(session, escalation, clerk, tech.id)
        with pytest.raises(RetroRefused, match="已是本升级事项的负责人"):
            assign_escalation_owner(session, escalation, pm, pm.id)
        assign_escalation_owner(session, escalation, pm, tech.id, reason="由保修员跟进")
        escalation_id = escalation.id
    with db.sessions() as session:
        owner = escalation_detail(session, escalation_id).events[-1]
        assert (owner.kind, owner.old_value, owner.new_value, owner.note) == (
            "owner",
            "张经理",
            "王师傅",
            "由保修员跟进",
        )
        assert list_escalations(session, ticket_id=ticket)[0].owner_name == "王师傅"
