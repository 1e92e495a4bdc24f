"""The default defect taxonomy per project type (SPEC.md F1: type-specific focus)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.ids import stable_id
from app.models.project import DefectCategory
from app.models.vocabulary import BuildingPart as P
from app.models.vocabulary import ProjectType as T

# (code, 中文名称, usual building part)
DEFAULT_TAXONOMY: dict[T, list[tuple[str, str, P]]] = {
    T.RESIDENTIAL: [
        ("roof_leak", "屋面渗漏", P.ROOF_WATERPROOFING),
        ("bathroom_leak", "卫生间渗漏", P.WATERPROOF_ROOMS),
        ("exterior_wall_leak", "外墙渗水", P.EXTERIOR_WALL),
        ("window_leak", "门窗渗水", P.EXTERIOR_WALL),
        ("wall_crack", "墙面开裂", P.DECORATION),
        ("floor_hollow", "地面空鼓", P.DECORATION),
        ("ceiling_crack", "顶棚裂缝", P.DECORATION),
        ("structural_crack", "结构裂缝", P.FOUNDATION_STRUCTURE),
        ("pipe_leak", "给排水管道漏水", P.WATER_DRAINAGE),
        ("drain_blocked", "排水堵塞", P.WATER_DRAINAGE),
        ("electrical_fault", "电气线路故障", P.ELECTRICAL),
        ("heating_fault", "地暖/暖气不热", P.HEATING_COOLING),
        ("door_window_damage", "门窗五金损坏", P.DECORATION),
        ("tile_loose", "瓷砖空鼓脱落", P.DECORATION),
    ],
    T.ROAD: [
        ("pavement_crack", "路面裂缝", P.FOUNDATION_STRUCTURE),
        ("pavement_settlement", "路面沉陷", P.FOUNDATION_STRUCTURE),
        ("rutting", "车辙拥包", P.OTHER),
        ("pothole", "坑槽松散", P.OTHER),
        ("flatness", "平整度超标", P.OTHER),
        ("drain_blocked", "排水不畅", P.WATER_DRAINAGE),
        ("manhole", "检查井沉降破损", P.WATER_DRAINAGE),
        ("curb_damage", "路缘石破损", P.OTHER),
        ("streetlight_fault", "路灯故障", P.ELECTRICAL),
        ("marking_worn", "标线磨损", P.OTHER),
    ],
    T.INDUSTRIAL: [
        ("roof_leak", "屋面渗漏", P.ROOF_WATERPROOFING),
        ("floor_crack", "地坪开裂起砂", P.DECORATION),
        ("steel_corrosion", "钢结构锈蚀", P.FOUNDATION_STRUCTURE),
        ("wall_panel_leak", "墙面板渗水", P.EXTERIOR_WALL),
        ("crane_rail", "吊车轨道偏差", P.EQUIPMENT),
        ("door_fault", "工业门故障", P.EQUIPMENT),
        ("drain_blocked", "排水堵塞", P.WATER_DRAINAGE),
        ("electrical_fault", "电气线路故障", P.ELECTRICAL),
    ],
    T.MEP: [
        ("hvac_fault", "空调系统故障", P.HEATING_COOLING),
        ("pump_fault", "水泵运行异常", P.EQUIPMENT),
        ("elevator_fault", "电梯故障", P.EQUIPMENT),
        ("fire_alarm", "消防报警误报", P.EQUIPMENT),
        ("power_distribution", "配电柜故障", P.ELECTRICAL),
        ("pipe_leak", "管道渗漏", P.WATER_DRAINAGE),
        ("noise_vibration", "设备噪声振动", P.EQUIPMENT),
        ("control_system", "楼宇自控失灵", P.ELECTRICAL),
    ],
    T.INFRASTRUCTURE: [
        ("concrete_crack", "混凝土裂缝", P.FOUNDATION_STRUCTURE),
        ("joint_leak", "伸缩缝渗漏", P.WATERPROOF_ROOMS),
        ("slope_erosion", "边坡冲刷", P.OTHER),
        ("railing_damage", "栏杆损坏", P.OTHER),
        ("drain_blocked", "排水不畅", P.WATER_DRAINAGE),
        ("bearing_fault", "支座病害", P.FOUNDATION_STRUCTURE),
    ],
    T.OTHER: [
        ("leak", "渗漏", P.WATERPROOF_ROOMS),
        ("crack", "开裂", P.DECORATION),
        ("equipment_fault", "设备故障", P.EQUIPMENT),
        ("other", "其他问题", P.OTHER),
    ],
}


def category_id(project_type: str, code: str):
    """The same id on every installation, so offices share one taxonomy."""
    return stable_id(f"defect_category:{project_type}:{code}")


# Every store seeds the same default rows with the same ids; the same stamps too, so two stores
# meeting on the shared server agree on them instead of reporting a conflict per category.
SEEDED_AT = dt.datetime(2026, 1, 1)


def ensure_default_taxonomy(session: Session) -> None:
    """Insert the default categories that are missing (idempotent)."""
    existing = set(session.execute(select(DefectCategory.project_type, DefectCategory.code)).all())
    for project_type, categories in DEFAULT_TAXONOMY.items():
        for order, (code, name, part) in enumerate(categories):
            if (project_type.value, code) in existing:
                continue
            session.add(
                DefectCategory(
                    id=category_id(project_type.value, code),
                    project_type=project_type.value,
                    code=code,
                    name=name,
                    building_part=part.value,
                    sort_key=order,
                    created_at=SEEDED_AT,
                    updated_at=SEEDED_AT,
                )
            )
