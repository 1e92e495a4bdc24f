"""Bulk creation of the location tree from a pattern, single places, renaming and search."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.models import Location, OrgUnit, Project
from app.models.location_patterns import (
    MAX_BULK_NODES,
    PatternError,
    add_place,
    children_of,
    count_places,
    create_bulk,
    parse_pattern,
    plan_bulk,
    rename_place,
    search_places,
)
from app.models.vocabulary import LocationKind as K

ESTATE = "1-18栋, 1-2单元, 1-33层, 01-04室"


def _project(db, code: str = "P-1", ptype: str = "residential"):
    with db.transaction() as session:
        dept = OrgUnit(name=f"{code}项目部", kind="project_dept")
        session.add(dept)
        session.flush()
        project = Project(
            code=code,
            name=f"{code}工程",
            type=ptype,
            project_dept_id=dept.id,
            handover_date=dt.date(2024, 6, 1),
        )
        session.add(project)
        session.flush()
        return project.id


def _count(db, project_id, kind=None) -> int:
    with db.sessions() as session:
        query = select(func.count()).select_from(Location).where(Location.project_id == project_id)
        if kind:
            query = query.where(Location.kind == kind)
        return session.scalar(query)


def test_pattern_levels_and_count() -> None:
    levels = parse_pattern(ESTATE, None)
    assert [level.kind for level in levels] == [K.BUILDING, K.UNIT, K.FLOOR, K.ROOM]
    assert [len(level.values) for level in levels] == [18, 2, 33, 4]
    assert count_places(levels) == 18 + 36 + 1188 + 4752


def test_estate_is_created_with_demo_style_labels(db) -> None:
    """(Its speed — 5,994 places in about half a second — is measured in benchmarks/locations.py, not
    asserted here: a timed assertion fails on a busy machine.)"""
    project_id = _project(db)
    with db.transaction() as session:
        plan = create_bulk(session, project_id, None, ESTATE)
    assert plan.new == 5994 and plan.existing == 0
    assert _count(db, project_id, K.ROOM) == 4752
    with db.sessions() as session:
        room = session.scalars(select(Location).where(Location.full_name == "3栋2单元1502室")).one()
        assert room.name == "1502室" and room.kind == K.ROOM and room.sort_key == 2
        floor = session.get(Location, room.parent_id)
        assert (floor.name, floor.full_name) == ("15层", "3栋2单元15层")
        unit = session.get(Location, floor.parent_id)
        assert (unit.name, unit.full_name, unit.kind) == ("2单元", "3栋2单元", K.UNIT)
    assert "4,752 个房间" in plan.summary()


def test_existing_places_are_skipped_and_reported(db) -> None:
    project_id = _project(db)
    with db.transaction() as session:
        create_bulk(session, project_id, None, "1-2栋, 1-2单元, 1-3层, 01-02室")
    with db.sessions() as session:
        plan = plan_bulk(session, project_id, None, "1-3栋, 1-2单元, 1-3层, 01-02室")
    assert plan.existing == 2 + 4 + 12 + 24
    assert plan.new_by_kind == {K.BUILDING: 1, K.UNIT: 2, K.FLOOR: 6, K.ROOM: 12}
    assert "已存在 42 个，将跳过" in plan.summary()
    with db.transaction() as session:
        create_bulk(session, project_id, None, "1-3栋, 1-2单元, 1-3层, 01-02室")
    assert _count(db, project_id) == 3 + 6 + 18 + 36


def test_under_a_selected_floor_rooms_carry_its_number(db) -> None:
    project_id = _project(db)
    with db.transaction() as session:
        create_bulk(session, project_id, None, "5栋, 1-12层")
    with db.sessions() as session:
        floor = session.scalars(select(Location).where(Location.full_name == "5栋12层")).one()
    with db.transaction() as session:
        plan = create_bulk(session, project_id, floor.id, "1-3室")
    assert plan.samples == ["5栋1201室", "5栋1203室"]
    with db.transaction() as session:
        create_bulk(session, project_id, floor.id, "1205-1206室")  # long numbers as typed
    with db.sessions() as session:
        names = [row.name for row in children_of(session, project_id, floor.id)]
    assert names == ["1201室", "1202室", "1203室", "1205室", "1206室"]


def test_road_and_mep_kinds() -> None:
    road = parse_pattern("主线/辅路, K0+000-K1+000@200", None, "road")
    assert [level.kind for level in road] == [K.SECTION, K.CHAINAGE]
    assert [v[0] for v in road[1].values] == [
        "K0+000",
        "K0+200",
        "K0+400",
        "K0+600",
        "K0+800",
        "K1+000",
    ]
    mep = parse_pattern("给排水系统/电气系统, 1-4号水泵", None, "mep")
    assert [level.kind for level in mep] == [K.SYSTEM, K.EQUIPMENT]


def test_chainage_full_names_have_a_space(db) -> None:
    project_id = _project(db, "R-1", "road")
    with db.transaction() as session:
        create_bulk(session, project_id, None, "1-2标段, K0+000-K0+300")
    with db.sessions() as session:
        names = set(session.scalars(select(Location.full_name).where(Location.kind == K.CHAINAGE)))
    assert "1标段 K0+300" in names and len(names) == 8


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("", "请填写生成模式"),
        ("18-1栋", "小于开始编号"),
        ("1-3栋, 1-5室", "不能建在楼栋之下"),
        ("1-3层", "不能建在项目最上一级"),
        ("1-999栋, 1-9单元, 1-99层, 1-9室", "超过一次最多 50,000 个的上限"),
        ("1-3栋, 1-2单元, 1-3层, 1-2室, 1-2层", "不能再建位置"),
    ],
)
def test_bad_patterns_are_refused_in_chinese(db, pattern: str, message: str) -> None:
    project_id = _project(db)
    with db.sessions() as session, pytest.raises(PatternError, match=message):
        plan_bulk(session, project_id, None, pattern)
    assert _count(db, project_id) == 0
    assert MAX_BULK_NODES == 50_000


def test_a_refused_pattern_writes_nothing(db) -> None:
    project_id = _project(db)
    with db.transaction() as session:
        create_bulk(session, project_id, None, "1栋")
        add_place(session, project_id, None, K.SECTION, "2栋")  # a clash of kinds below
    with pytest.raises(PatternError, match="已作为路段存在"), db.transaction() as session:
        create_bulk(session, project_id, None, "1-3栋, 1-2层")
    assert _count(db, project_id) == 2


def test_add_and_rename_single_places(db) -> None:
    project_id = _project(db)
    with db.transaction() as session:
        create_bulk(session, project_id, None, "1栋, 1单元, 1-2层, 01-02室")
    with db.sessions() as session:
        building = children_of(session, project_id, None)[0]
    with db.transaction() as session:
        unit = add_place(session, project_id, building.id, K.UNIT, "2单元")
        assert unit.full_name == "1栋2单元"
    with pytest.raises(PatternError, match="名称不能重复"), db.transaction() as session:
        add_place(session, project_id, building.id, K.UNIT, "2单元")
    with pytest.raises(PatternError, match="房间不能建在楼栋"), db.transaction() as session:
        add_place(session, project_id, building.id, K.ROOM, "101室")
    with db.transaction() as session:
        rename_place(session, building.id, "1号楼")
    with db.sessions() as session:
        found = search_places(session, project_id, "1号楼1单元2")
        assert {row.full_name for row in found} == {
            "1号楼1单元2层",
            "1号楼1单元201室",
            "1号楼1单元202室",
        }
        assert children_of(session, project_id, None)[0].children == 2
