"""The domain's closed vocabularies (stored codes) and their Chinese names for forms/messages.

Codes are stored in the database; the Chinese names are used by documents and by the rules'
messages. The UI shows the same names through Qt translation (app/views/labels.py), and a
test keeps the two in step.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class ProjectType(StrEnum):
    RESIDENTIAL = "residential"
    ROAD = "road"
    INDUSTRIAL = "industrial"
    MEP = "mep"
    INFRASTRUCTURE = "infrastructure"
    OTHER = "other"


PROJECT_TYPE_ZH = {
    ProjectType.RESIDENTIAL: "住宅/房建",
    ProjectType.ROAD: "市政道路",
    ProjectType.INDUSTRIAL: "工业厂房",
    ProjectType.MEP: "机电安装",
    ProjectType.INFRASTRUCTURE: "基础设施",
    ProjectType.OTHER: "其他",
}


class OrgKind(StrEnum):
    HQ = "hq"
    PROJECT_DEPT = "project_dept"
    SUBCONTRACTOR = "subcontractor"


ORG_KIND_ZH = {OrgKind.HQ: "总部", OrgKind.PROJECT_DEPT: "项目部", OrgKind.SUBCONTRACTOR: "分包单位"}


class Role(StrEnum):
    CLERK = "clerk"
    TECHNICIAN = "technician"
    PROJECT_MANAGER = "project_manager"
    HQ_ADMIN = "hq_admin"


ROLE_ZH = {
    Role.CLERK: "资料员/客服专员",
    Role.TECHNICIAN: "保修员",
    Role.PROJECT_MANAGER: "项目经理",
    Role.HQ_ADMIN: "总部保修管理员",
}


class BuildingPart(StrEnum):
    FOUNDATION_STRUCTURE = "foundation_structure"
    ROOF_WATERPROOFING = "roof_waterproofing"
    WATERPROOF_ROOMS = "waterproof_rooms"
    EXTERIOR_WALL = "exterior_wall"
    HEATING_COOLING = "heating_cooling"
    ELECTRICAL = "electrical"
    WATER_DRAINAGE = "water_drainage"
    EQUIPMENT = "equipment"
    DECORATION = "decoration"
    OTHER = "other"


BUILDING_PART_ZH = {
    BuildingPart.FOUNDATION_STRUCTURE: "地基基础和主体结构",
    BuildingPart.ROOF_WATERPROOFING: "屋面防水工程",
    BuildingPart.WATERPROOF_ROOMS: "卫生间、房间防渗漏",
    BuildingPart.EXTERIOR_WALL: "外墙面防渗漏",
    BuildingPart.HEATING_COOLING: "供热与供冷系统",
    BuildingPart.ELECTRICAL: "电气管线",
    BuildingPart.WATER_DRAINAGE: "给排水管道",
    BuildingPart.EQUIPMENT: "设备安装工程",
    BuildingPart.DECORATION: "装修工程",
    BuildingPart.OTHER: "其他部位",
}


class PeriodUnit(StrEnum):
    """How a warranty period is counted."""

    YEARS = "years"
    SEASONS = "seasons"  # heating / cooling seasons
    DESIGN_LIFE = "design_life"  # the design service life of the project


PERIOD_UNIT_ZH = {PeriodUnit.YEARS: "年", PeriodUnit.SEASONS: "个采暖/供冷期", PeriodUnit.DESIGN_LIFE: "设计使用年限"}


class LocationKind(StrEnum):
    BUILDING = "building"
    UNIT = "unit"
    FLOOR = "floor"
    ROOM = "room"
    SECTION = "section"
    CHAINAGE = "chainage"
    SYSTEM = "system"
    EQUIPMENT = "equipment"


LOCATION_KIND_ZH = {
    LocationKind.BUILDING: "楼栋",
    LocationKind.UNIT: "单元",
    LocationKind.FLOOR: "楼层",
    LocationKind.ROOM: "房间",
    LocationKind.SECTION: "路段",
    LocationKind.CHAINAGE: "桩号",
    LocationKind.SYSTEM: "系统",
    LocationKind.EQUIPMENT: "设备",
}

# Which kind of place may hold which: the location tree's shape per project type.
LOCATION_CHILDREN = {
    None: {LocationKind.BUILDING, LocationKind.SECTION, LocationKind.SYSTEM},
    LocationKind.BUILDING: {LocationKind.UNIT, LocationKind.FLOOR, LocationKind.SYSTEM},
    LocationKind.UNIT: {LocationKind.FLOOR},
    LocationKind.FLOOR: {LocationKind.ROOM},
    LocationKind.ROOM: set(),
    LocationKind.SECTION: {LocationKind.CHAINAGE},
    LocationKind.CHAINAGE: set(),
    LocationKind.SYSTEM: {LocationKind.EQUIPMENT},
    LocationKind.EQUIPMENT: set(),
}


class TicketState(StrEnum):
    RECEIVED = "received"
    DIAGNOSING = "diagnosing"
    PLANNING = "planning"
    IN_REPAIR = "in_repair"
    ACCEPTANCE = "acceptance"
    FOLLOW_UP = "follow_up"
    ARCHIVED = "archived"
    NOT_COVERED = "not_covered"
    CANCELLED = "cancelled"


TICKET_STATE_ZH = {
    TicketState.RECEIVED: "报修受理",
    TicketState.DIAGNOSING: "诊断分类",
    TicketState.PLANNING: "维修计划",
    TicketState.IN_REPAIR: "维修实施",
    TicketState.ACCEPTANCE: "验收反馈",
    TicketState.FOLLOW_UP: "回访",
    TicketState.ARCHIVED: "已归档",
    TicketState.NOT_COVERED: "不予保修",
    TicketState.CANCELLED: "已取消",
}

# The main line of the lifecycle, in order (SPEC.md F2).
MAIN_LINE = (
    TicketState.RECEIVED,
    TicketState.DIAGNOSING,
    TicketState.PLANNING,
    TicketState.IN_REPAIR,
    TicketState.ACCEPTANCE,
    TicketState.FOLLOW_UP,
    TicketState.ARCHIVED,
)
CLOSED_STATES = frozenset({TicketState.ARCHIVED, TicketState.NOT_COVERED, TicketState.CANCELLED})
OPEN_STATES = tuple(s for s in TicketState if s not in CLOSED_STATES)


class Urgency(IntEnum):
    """Stored as a number so lists sort by it on an index: 1 is the most urgent."""

    EMERGENCY = 1
    URGENT = 2
    NORMAL = 3


URGENCY_ZH = {Urgency.EMERGENCY: "紧急", Urgency.URGENT: "加急", Urgency.NORMAL: "一般"}


class Channel(StrEnum):
    HOTLINE = "hotline"
    WECHAT = "wechat"
    APP = "app"
    ON_SITE = "on_site"
    IMPORT = "import"


CHANNEL_ZH = {
    Channel.HOTLINE: "电话热线",
    Channel.WECHAT: "微信小程序",
    Channel.APP: "APP",
    Channel.ON_SITE: "现场登记",
    Channel.IMPORT: "批量导入",
}


class Cause(StrEnum):
    CONSTRUCTION_DEFECT = "construction_defect"
    MISUSE = "misuse"
    THIRD_PARTY = "third_party"
    DESIGN = "design"
    MATERIAL_EQUIPMENT = "material_equipment"
    FORCE_MAJEURE = "force_majeure"


CAUSE_ZH = {
    Cause.CONSTRUCTION_DEFECT: "施工质量缺陷",
    Cause.MISUSE: "使用不当",
    Cause.THIRD_PARTY: "第三方原因",
    Cause.DESIGN: "设计原因",
    Cause.MATERIAL_EQUIPMENT: "材料设备",
    Cause.FORCE_MAJEURE: "不可抗力",
}


class Coverage(StrEnum):
    COVERED = "covered"
    EXPIRED = "expired"
    NEEDS_JUDGEMENT = "needs_judgement"
    NOT_COVERED = "not_covered"


COVERAGE_ZH = {
    Coverage.COVERED: "在保修期内",
    Coverage.EXPIRED: "已过保修期",
    Coverage.NEEDS_JUDGEMENT: "需专业研判",
    Coverage.NOT_COVERED: "不属保修范围",
}


class ResponsibleParty(StrEnum):
    OWN_TEAM = "own_team"
    SUBCONTRACTOR = "subcontractor"


RESPONSIBLE_PARTY_ZH = {ResponsibleParty.OWN_TEAM: "本单位", ResponsibleParty.SUBCONTRACTOR: "分包单位"}


class EventKind(StrEnum):
    CREATED = "created"
    STATE = "state"
    FIELD = "field"
    ASSIGNMENT = "assignment"
    COMMENT = "comment"
    ATTACHMENT = "attachment"
    SIGNATURE = "signature"
    WORK_LOG = "work_log"
    TIMER = "timer"  # response timers paused/resumed (waiting for the owner), due times moved


EVENT_KIND_ZH = {
    EventKind.CREATED: "登记报修",
    EventKind.STATE: "状态变更",
    EventKind.FIELD: "修改字段",
    EventKind.ASSIGNMENT: "变更责任人",
    EventKind.COMMENT: "备注",
    EventKind.ATTACHMENT: "添加附件",
    EventKind.SIGNATURE: "签名",
    EventKind.WORK_LOG: "维修日志",
    EventKind.TIMER: "响应计时",
}


class PhotoStage(StrEnum):
    BEFORE = "before"
    DURING = "during"
    AFTER = "after"
    DOCUMENT = "document"


PHOTO_STAGE_ZH = {
    PhotoStage.BEFORE: "维修前",
    PhotoStage.DURING: "维修中",
    PhotoStage.AFTER: "维修后",
    PhotoStage.DOCUMENT: "文件",
}


class SignerRole(StrEnum):
    OWNER = "owner"
    TECHNICIAN = "technician"


SIGNER_ROLE_ZH = {SignerRole.OWNER: "业主", SignerRole.TECHNICIAN: "维修人员"}


class SignatureMethod(StrEnum):
    ON_SCREEN = "on_screen"
    SCANNED = "scanned"


class AcceptanceResult(StrEnum):
    PASSED = "passed"
    FAILED = "failed"


ACCEPTANCE_RESULT_ZH = {AcceptanceResult.PASSED: "验收通过", AcceptanceResult.FAILED: "验收不通过"}
