"""Statutory minimum warranty periods: defaults, longer terms accepted, shorter refused."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.models import OrgUnit, Project, WarrantyTerm
from app.models.vocabulary import BuildingPart, OrgKind, PeriodUnit
from app.models.warranty_terms import WarrantyTermError, apply_default_terms, check_term, set_term


def _project(session) -> Project:
    dept = OrgUnit(name="第一项目部", kind=OrgKind.PROJECT_DEPT)
    session.add(dept)
    session.flush()
    project = Project(
        code="P1", name="阳光花园", type="residential", project_dept_id=dept.id,
        handover_date=dt.date(2024, 6, 30), delivery_date=dt.date(2024, 8, 1),
    )
    apply_default_terms(project)
    session.add(project)
    session.flush()
    return project


def test_new_project_gets_every_statutory_minimum(db) -> None:
    with db.transaction() as session:
        project = _project(session)
        terms = {t.building_part: (t.period, t.unit) for t in project.warranty_terms}
    assert terms[BuildingPart.FOUNDATION_STRUCTURE] == (0, PeriodUnit.DESIGN_LIFE)
    assert terms[BuildingPart.ROOF_WATERPROOFING] == (5, PeriodUnit.YEARS)
    assert terms[BuildingPart.WATERPROOF_ROOMS] == (5, PeriodUnit.YEARS)
    assert terms[BuildingPart.EXTERIOR_WALL] == (5, PeriodUnit.YEARS)
    assert terms[BuildingPart.HEATING_COOLING] == (2, PeriodUnit.SEASONS)
    for part in (BuildingPart.ELECTRICAL, BuildingPart.WATER_DRAINAGE, BuildingPart.EQUIPMENT,
                 BuildingPart.DECORATION):
        assert terms[part] == (2, PeriodUnit.YEARS)
    assert len(terms) == len(BuildingPart)


def test_longer_term_is_accepted(db) -> None:
    with db.transaction() as session:
        project = _project(session)
        set_term(session, project.id, BuildingPart.ROOF_WATERPROOFING, 8, PeriodUnit.YEARS)
    with db.sessions() as session:
        term = session.scalar(select(WarrantyTerm).where(WarrantyTerm.building_part == "roof_waterproofing"))
        assert term.period == 8


@pytest.mark.parametrize(
    ("part", "period", "unit", "message"),
    [
        ("roof_waterproofing", 3, "years", "屋面防水工程的保修期不得短于法定最低期限 5 年"),
        ("exterior_wall", 4, "years", "外墙面防渗漏的保修期不得短于法定最低期限 5 年"),
        ("heating_cooling", 1, "seasons", "供热与供冷系统的保修期不得短于法定最低期限 2 个采暖/供冷期"),
        ("heating_cooling", 2, "years", "应按“个采暖/供冷期”计算"),
        ("decoration", 1, "years", "装修工程的保修期不得短于法定最低期限 2 年"),
        ("foundation_structure", 70, "years", "设计文件规定的合理使用年限"),
        ("other", 0, "years", "须由合同约定"),
        ("roof", 5, "years", "未知的工程部位"),
    ],
)
def test_term_below_the_law_is_refused_with_a_clear_message(part, period, unit, message) -> None:
    with pytest.raises(WarrantyTermError, match=message):
        check_term(part, period, unit)


def test_refusal_leaves_the_stored_term_unchanged(db) -> None:
    with db.transaction() as session:
        project_id = _project(session).id
    with pytest.raises(WarrantyTermError), db.transaction() as session:
        set_term(session, project_id, BuildingPart.ELECTRICAL, 1, PeriodUnit.YEARS)
    with db.sessions() as session:
        term = session.scalar(select(WarrantyTerm).where(WarrantyTerm.building_part == "electrical"))
        assert term.period == 2


def test_rule_holds_for_direct_orm_writes(db) -> None:
    """Whatever code writes the term, the rule is checked at flush."""
    with pytest.raises(WarrantyTermError), db.transaction() as session:
        project = _project(session)
        roof = next(t for t in project.warranty_terms if t.building_part == "roof_waterproofing")
        roof.period = 1
