"""Codes, Chinese names, read-only rows and the refusal of escalations, meetings and cases.

Plain Python (no SQLAlchemy, no Qt): views may import this module to show what the services
return. Codes are stored in the database; the `*_ZH` names are what documents and messages
use (the UI gives its Qt labels English sources translated to these names).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum


class EscalationKind(StrEnum):
    MAJOR_QUALITY = "major_quality"
    RECURRING = "recurring"
    SLA_BREACHED = "sla_breached"
    REPEATED_REWORK = "repeated_rework"
    MANUAL = "manual"


ESCALATION_KIND_ZH = {
    EscalationKind.MAJOR_QUALITY: "重大质量问题",
    EscalationKind.RECURRING: "共性问题反复出现",
    EscalationKind.SLA_BREACHED: "超出响应时限",
    EscalationKind.REPEATED_REWORK: "多次返修",
    EscalationKind.MANUAL: "人工升级",
}


class EscalationLevel(StrEnum):
    PROJECT_MANAGER = "project_manager"
    MANAGEMENT = "management"


ESCALATION_LEVEL_ZH = {
    EscalationLevel.PROJECT_MANAGER: "项目经理",
    EscalationLevel.MANAGEMENT: "公司管理层",
}


class EscalationState(StrEnum):
    PENDING = "pending"
    MEETING_SCHEDULED = "meeting_scheduled"
    RECTIFYING = "rectifying"
    CLOSED = "closed"
    REOPENED = "reopened"  # the effect check found the problem again after the fix


ESCALATION_STATE_ZH = {
    EscalationState.PENDING: "待处理",
    EscalationState.MEETING_SCHEDULED: "已安排复盘",
    EscalationState.RECTIFYING: "整改中",
    EscalationState.CLOSED: "已关闭",
    EscalationState.REOPENED: "重新打开（整改后复发）",
}
OPEN_ESCALATION_STATES = tuple(s for s in EscalationState if s != EscalationState.CLOSED)


class EscalationEventKind(StrEnum):
    RAISED = "raised"
    TICKET_JOINED = "ticket_joined"
    LEVEL_RAISED = "level_raised"
    STATE = "state"
    OWNER = "owner"
    REOPENED = "reopened"
    MEETING = "meeting"
    ACTION = "action"
    WATCH_STARTED = "watch_started"
    COMMENT = "comment"


ESCALATION_EVENT_ZH = {
    EscalationEventKind.RAISED: "发起升级",
    EscalationEventKind.TICKET_JOINED: "报修单并入",
    EscalationEventKind.LEVEL_RAISED: "升级层级",
    EscalationEventKind.STATE: "状态变更",
    EscalationEventKind.OWNER: "变更负责人",
    EscalationEventKind.REOPENED: "效果验证未通过，重新打开",
    EscalationEventKind.MEETING: "专项复盘会议",
    EscalationEventKind.ACTION: "整改措施",
    EscalationEventKind.WATCH_STARTED: "进入效果验证期",
    EscalationEventKind.COMMENT: "备注",
}


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CLOSED = "closed"


MEETING_STATUS_ZH = {
    MeetingStatus.PLANNED: "已安排",
    MeetingStatus.HELD: "已召开",
    MeetingStatus.CLOSED: "已关闭",
}


class AnalysisMethod(StrEnum):
    FIVE_WHY = "five_why"
    FISHBONE = "fishbone"


ANALYSIS_METHOD_ZH = {
    AnalysisMethod.FIVE_WHY: "5个为什么",
    AnalysisMethod.FISHBONE: "鱼骨图（人机料法环）",
}


class FishboneCategory(StrEnum):
    """The bones of the fishbone diagram, in drawing order (人机料法环 and 测)."""

    MAN = "man"
    MACHINE = "machine"
    MATERIAL = "material"
    METHOD = "method"
    ENVIRONMENT = "environment"
    MEASUREMENT = "measurement"


FISHBONE_ZH = {
    FishboneCategory.MAN: "人",
    FishboneCategory.MACHINE: "机",
    FishboneCategory.MATERIAL: "料",
    FishboneCategory.METHOD: "法",
    FishboneCategory.ENVIRONMENT: "环",
    FishboneCategory.MEASUREMENT: "测",
}


class AttendeeRole(StrEnum):
    CONSTRUCTION = "construction"
    DESIGN = "design"
    SUBCONTRACTOR = "subcontractor"
    SUPERVISION = "supervision"
    OWNER = "owner"
    PROPERTY = "property"
    OTHER = "other"


ATTENDEE_ROLE_ZH = {
    AttendeeRole.CONSTRUCTION: "施工",
    AttendeeRole.DESIGN: "设计",
    AttendeeRole.SUBCONTRACTOR: "分包",
    AttendeeRole.SUPERVISION: "监理",
    AttendeeRole.OWNER: "业主",
    AttendeeRole.PROPERTY: "物业",
    AttendeeRole.OTHER: "其他",
}


class ActionKind(StrEnum):
    CORRECTIVE = "corrective"
    PREVENTIVE = "preventive"


ACTION_KIND_ZH = {ActionKind.CORRECTIVE: "纠正", ActionKind.PREVENTIVE: "预防"}


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    VERIFIED = "verified"
    CANCELLED = "cancelled"


ACTION_STATUS_ZH = {
    ActionStatus.NOT_STARTED: "待开始",
    ActionStatus.IN_PROGRESS: "进行中",
    ActionStatus.DONE: "已完成",
    ActionStatus.VERIFIED: "已验证",
    ActionStatus.CANCELLED: "已取消",
}
CLOSED_ACTION_STATUSES = frozenset(
    {ActionStatus.DONE, ActionStatus.VERIFIED, ActionStatus.CANCELLED}
)


@dataclass(frozen=True)
class Problem:
    """One refused item: the field it belongs to (for the editor) and the Chinese message."""

    field: str
    message: str


class RetroRefused(Exception):
    """An escalation, meeting, action or case change was refused; `messages` say why (Chinese)."""

    def __init__(self, problems: list[Problem] | list[str]) -> None:
        self.problems = [p if isinstance(p, Problem) else Problem("", p) for p in problems]
        self.messages = [p.message for p in self.problems]
        super().__init__("；".join(self.messages))


# ---------------------------------------------------------------------------------------------
# Rows the read functions return (plain data for controllers and views)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EscalationRow:
    id: uuid.UUID
    number: str
    kind: str  # EscalationKind
    level: str  # EscalationLevel
    state: str  # EscalationState
    project_id: uuid.UUID
    project_name: str
    cluster: str  # "卫生间渗漏" / "外墙面防渗漏 · 某防水公司" / "" (Chinese)
    ticket_count: int
    owner_id: uuid.UUID | None
    owner_name: str
    raised_at: dt.datetime
    title: str
    explanation: str
    watch_until: dt.datetime | None = None


@dataclass(frozen=True)
class LinkedTicketRow:
    ticket_id: uuid.UUID
    number: str
    state: str  # TicketState code
    reported_at: dt.datetime
    location: str
    category: str  # defect category name
    description: str
    joined_at: dt.datetime
    reason: str


@dataclass(frozen=True)
class EscalationEventRow:
    at: dt.datetime
    kind: str  # EscalationEventKind
    actor_name: str  # "系统" for the engine
    old_value: str | None
    new_value: str | None
    note: str


@dataclass(frozen=True)
class MeetingRow:
    id: uuid.UUID
    number: str
    title: str
    status: str  # MeetingStatus
    held_at: dt.datetime
    place: str
    host_name: str
    project_name: str
    action_count: int
    open_action_count: int
    overdue_action_count: int


@dataclass(frozen=True)
class EscalationDetail:
    row: EscalationRow
    tickets: list[LinkedTicketRow]
    events: list[EscalationEventRow]
    meetings: list[MeetingRow]
    open_action_count: int


@dataclass(frozen=True)
class AttendeeData:
    name: str
    organisation: str = ""
    role: str = AttendeeRole.CONSTRUCTION.value
    staff_id: uuid.UUID | None = None


@dataclass(frozen=True)
class ActionData:
    kind: str
    description: str
    owner_id: uuid.UUID | None
    department: str
    due_on: dt.date | None


@dataclass(frozen=True)
class EvidenceRow:
    id: uuid.UUID
    sha256: str
    original_name: str
    mime_type: str
    size: int
    note: str
    created_at: dt.datetime


@dataclass(frozen=True)
class ActionRow:
    id: uuid.UUID
    meeting_id: uuid.UUID
    meeting_number: str
    meeting_title: str
    seq: int
    kind: str  # ActionKind
    description: str
    owner_id: uuid.UUID | None
    owner_name: str
    department: str
    due_on: dt.date | None
    status: str  # ActionStatus
    closed_at: dt.datetime | None
    note: str
    overdue: bool
    evidence: list[EvidenceRow] = field(default_factory=list)


@dataclass
class MeetingData:
    """Everything the meeting editor saves (one transaction)."""

    title: str
    held_at: dt.datetime | None  # naive UTC
    place: str = ""
    host_id: uuid.UUID | None = None
    project_id: uuid.UUID | None = None
    problem: str = ""
    analysis_method: str = AnalysisMethod.FIVE_WHY.value
    five_whys: list[str] = field(default_factory=list)
    fishbone: dict[str, list[str]] = field(default_factory=dict)
    root_cause: str = ""
    conclusions: str = ""
    attendees: list[AttendeeData] = field(default_factory=list)
    escalation_ids: list[uuid.UUID] = field(default_factory=list)
    ticket_ids: list[uuid.UUID] = field(default_factory=list)


@dataclass(frozen=True)
class MeetingDetail:
    id: uuid.UUID
    number: str
    status: str  # MeetingStatus
    data: MeetingData
    host_name: str
    project_name: str
    actions: list[ActionRow]
    escalations: list[EscalationRow]
    tickets: list[LinkedTicketRow]
    case_id: uuid.UUID | None  # the typical case published from it, if any


@dataclass
class CaseData:
    title: str
    problem: str
    cause: str
    solution: str
    defect_category_id: uuid.UUID | None = None
    photo_ids: list[uuid.UUID] = field(default_factory=list)  # ticket Attachment ids


@dataclass(frozen=True)
class CaseRow:
    id: uuid.UUID
    number: str
    title: str
    category: str
    project_name: str
    published_at: dt.datetime
    published_by: str
    excerpt: str  # the first words of the problem


@dataclass(frozen=True)
class CasePhoto:
    attachment_id: uuid.UUID
    sha256: str
    caption: str
    ticket_number: str


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    problem: str
    cause: str
    solution: str
    meeting_id: uuid.UUID | None
    meeting_number: str
    defect_category_id: uuid.UUID | None
    photos: list[CasePhoto]
