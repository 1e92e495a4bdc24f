"""Warranty coverage: every building part, the last covered day, leap years, seasons, causes."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import Project
from app.models.coverage import (
    CoverageError,
    SeasonKind,
    add_years,
    assess,
    assess_ticket_values,
    nth_season_end,
    parse_month_day,
    report_date_of,
    responsible_text,
    warranty_period,
)
from app.models.vocabulary import BuildingPart, Cause, Coverage, PeriodUnit, ResponsibleParty

D = dt.date
HANDOVER = D(2024, 6, 30)


def project(handover: D = HANDOVER, **overrides) -> Project:
    values = dict(
        code="P", name="阳光花园", type="residential", handover_date=handover, design_service_life_years=50,
        heating_season_start="11-15", heating_season_end="03-15",
        cooling_season_start="06-01", cooling_season_end="09-30",
    )
    values.update(overrides)
    return Project(**values)


# The last covered day of each part with the statutory defaults, handover 2024-06-30.
LAST_DAY = {
    BuildingPart.ROOF_WATERPROOFING: D(2029, 6, 30),
    BuildingPart.WATERPROOF_ROOMS: D(2029, 6, 30),
    BuildingPart.EXTERIOR_WALL: D(2029, 6, 30),
    BuildingPart.ELECTRICAL: D(2026, 6, 30),
    BuildingPart.WATER_DRAINAGE: D(2026, 6, 30),
    BuildingPart.EQUIPMENT: D(2026, 6, 30),
    BuildingPart.DECORATION: D(2026, 6, 30),
    BuildingPart.OTHER: D(2026, 6, 30),  # the contract decides; default two years
    # Heating: 2024-11-15..2025-03-15, 2025-11-15..2026-03-15; cooling: the 2024 season had
    # started before the handover, so 2025 and 2026 count — the later end wins.
    BuildingPart.HEATING_COOLING: D(2026, 9, 30),
    BuildingPart.FOUNDATION_STRUCTURE: D(2074, 6, 30),
}


def test_every_building_part_has_a_last_day() -> None:
    assert set(LAST_DAY) == set(BuildingPart)


@pytest.mark.parametrize("part", list(BuildingPart))
def test_last_covered_day_and_the_day_after(part: BuildingPart) -> None:
    last = LAST_DAY[part]
    on_last = assess(project(), part, last, cause=Cause.CONSTRUCTION_DEFECT)
    after = assess(project(), part, last + dt.timedelta(days=1), cause=Cause.CONSTRUCTION_DEFECT)
    expected = Coverage.NEEDS_JUDGEMENT if part == BuildingPart.FOUNDATION_STRUCTURE else Coverage.COVERED
    assert (on_last.coverage, on_last.end_date, on_last.days_left) == (expected, last, 0)
    assert (after.coverage, after.days_left) == (Coverage.EXPIRED, -1)
    assert "已超过保修期 1 天" in after.reason


@pytest.mark.parametrize("part", list(BuildingPart))
def test_first_day_after_handover_is_covered(part: BuildingPart) -> None:
    verdict = assess(project(), part, HANDOVER + dt.timedelta(days=1))
    assert verdict.coverage in (Coverage.COVERED, Coverage.NEEDS_JUDGEMENT)
    assert verdict.days_left == (LAST_DAY[part] - HANDOVER).days - 1


def test_report_on_or_before_handover_needs_checking() -> None:
    verdict = assess(project(), BuildingPart.DECORATION, HANDOVER)
    assert verdict.coverage == Coverage.NEEDS_JUDGEMENT
    assert "不晚于竣工验收日期 2024-06-30，尚未进入保修期，请核实" in verdict.reason


@pytest.mark.parametrize(
    ("start", "years", "end"),
    [
        (D(2024, 2, 29), 2, D(2026, 2, 28)),  # no 29 February: the month's last day
        (D(2024, 2, 29), 4, D(2028, 2, 29)),
        (D(2024, 2, 29), 5, D(2029, 2, 28)),
        (D(2023, 2, 28), 1, D(2024, 2, 28)),  # not the 29th of the leap year
        (D(2023, 3, 1), 5, D(2028, 3, 1)),
        (D(2024, 12, 31), 2, D(2026, 12, 31)),
    ],
)
def test_add_years_follows_the_civil_code(start: D, years: int, end: D) -> None:
    assert add_years(start, years) == end


def test_leap_day_handover_ends_on_28_february() -> None:
    leap = project(D(2024, 2, 29))
    assert assess(leap, BuildingPart.DECORATION, D(2026, 2, 28)).coverage == Coverage.COVERED
    assert assess(leap, BuildingPart.DECORATION, D(2026, 3, 1)).coverage == Coverage.EXPIRED
    terms = {BuildingPart.DECORATION: (4, PeriodUnit.YEARS)}
    assert assess(leap, BuildingPart.DECORATION, D(2028, 2, 29), terms=terms).coverage == Coverage.COVERED
    assert assess(leap, BuildingPart.DECORATION, D(2028, 3, 1), terms=terms).days_left == -1


def test_a_longer_contract_term_is_used() -> None:
    terms = {BuildingPart.ROOF_WATERPROOFING: (8, PeriodUnit.YEARS)}
    verdict = assess(project(), BuildingPart.ROOF_WATERPROOFING, D(2031, 1, 1), terms=terms)
    assert (verdict.coverage, verdict.end_date) == (Coverage.COVERED, D(2032, 6, 30))
    assert "屋面防水工程的保修期为 8 年" in verdict.reason


def test_design_life_uses_the_project_value_and_needs_judgement() -> None:
    verdict = assess(project(design_service_life_years=70), BuildingPart.FOUNDATION_STRUCTURE, D(2030, 1, 1))
    assert verdict.coverage == Coverage.NEEDS_JUDGEMENT and verdict.end_date == D(2094, 6, 30)
    assert "设计文件规定的合理使用年限（本项目 70 年）" in verdict.reason
    assert "须由设计单位或有资质的检测机构鉴定" in verdict.reason


# --------------------------------------------------------------------------------- seasons


def test_heating_only_counts_heating_seasons() -> None:
    period = warranty_period(project(), BuildingPart.HEATING_COOLING, season=SeasonKind.HEATING)
    assert period.end_date == D(2026, 3, 15)
    assert "2 个采暖期" in period.text
    cooling = warranty_period(project(), BuildingPart.HEATING_COOLING, season=SeasonKind.COOLING)
    assert cooling.end_date == D(2026, 9, 30)


def test_a_season_in_progress_at_handover_does_not_count() -> None:
    # Handed over mid-winter: the 2024/25 heating season is incomplete.
    assert nth_season_end(D(2024, 12, 1), 2, "11-15", "03-15") == D(2027, 3, 15)
    # Handed over on the season's first day: that season is not complete either.
    assert nth_season_end(D(2024, 11, 15), 1, "11-15", "03-15") == D(2026, 3, 15)
    # Handed over the day before: it counts.
    assert nth_season_end(D(2024, 11, 14), 1, "11-15", "03-15") == D(2025, 3, 15)


def test_season_dates_are_configurable_per_project() -> None:
    south = project(heating_season_start="12-01", heating_season_end="02-29",
                    cooling_season_start="", cooling_season_end="")
    period = warranty_period(south, BuildingPart.HEATING_COOLING)
    assert period.end_date == D(2026, 2, 28)  # 02-29 in a common year is the 28th
    assert nth_season_end(D(2026, 6, 30), 2, "12-01", "02-29") == D(2028, 2, 29)


def test_season_boundary_days() -> None:
    p = project()
    heating = {"season": SeasonKind.HEATING}
    assert assess(p, BuildingPart.HEATING_COOLING, D(2026, 3, 15), **heating).days_left == 0
    assert assess(p, BuildingPart.HEATING_COOLING, D(2026, 3, 16), **heating).coverage == Coverage.EXPIRED


def test_missing_season_dates_need_judgement() -> None:
    verdict = assess(project(heating_season_start="", cooling_season_start=""), BuildingPart.HEATING_COOLING,
                     D(2025, 1, 1))
    assert verdict.coverage == Coverage.NEEDS_JUDGEMENT and verdict.end_date is None
    assert "项目未设置采暖期、供冷期的起止日期，无法计算供热与供冷系统的保修期" in verdict.reason


@pytest.mark.parametrize("text", ["11/15", "13-01", "02-30", "", "xx-yy"])
def test_bad_season_dates_are_refused_in_words(text: str) -> None:
    with pytest.raises(CoverageError, match="采暖/供冷期日期应写作“月-日”（如 11-15）"):
        parse_month_day(text)


# ---------------------------------------------------------------------------------- causes


@pytest.mark.parametrize("cause", [Cause.CONSTRUCTION_DEFECT, Cause.DESIGN, Cause.MATERIAL_EQUIPMENT])
def test_warranted_causes_are_covered_at_the_responsible_partys_cost(cause: Cause) -> None:
    verdict = assess(project(), BuildingPart.DECORATION, D(2025, 5, 1), cause=cause,
                     responsible="分包单位 鲁班防水工程公司")
    assert verdict.coverage == Coverage.COVERED and not verdict.paid_repair_possible
    assert verdict.cost_bearer == "分包单位 鲁班防水工程公司"
    assert "属于保修责任，维修费用由分包单位 鲁班防水工程公司承担" in verdict.reason


@pytest.mark.parametrize("cause", [Cause.MISUSE, Cause.THIRD_PARTY, Cause.FORCE_MAJEURE])
def test_excluded_causes_are_not_covered_with_a_paid_repair(cause: Cause) -> None:
    verdict = assess(project(), BuildingPart.DECORATION, D(2025, 5, 1), cause=cause)
    assert verdict.coverage == Coverage.NOT_COVERED and verdict.paid_repair_possible
    assert verdict.cost_bearer == ""
    assert "不属于保修范围，可提供有偿维修" in verdict.reason


def test_an_expired_misuse_is_not_covered_and_says_both() -> None:
    verdict = assess(project(), BuildingPart.DECORATION, D(2027, 1, 1), cause=Cause.MISUSE)
    assert verdict.coverage == Coverage.NOT_COVERED
    assert "已超过保修期" in verdict.reason and "使用不当" in verdict.reason


def test_expired_is_offered_a_paid_repair() -> None:
    verdict = assess(project(), BuildingPart.DECORATION, D(2027, 1, 1), cause=Cause.CONSTRUCTION_DEFECT)
    assert verdict.coverage == Coverage.EXPIRED and verdict.paid_repair_possible and verdict.cost_bearer == ""
    assert "但已过保修期，不再免费维修，可提供有偿维修" in verdict.reason
    assert "属于保修责任" not in verdict.reason  # no contradiction in the wording


def test_the_reasoning_in_full() -> None:
    verdict = assess(project(), BuildingPart.EXTERIOR_WALL, D(2026, 3, 2), cause=Cause.CONSTRUCTION_DEFECT,
                     responsible="本单位")
    assert verdict.reason == (
        "外墙面防渗漏的保修期为 5 年，自竣工验收合格之日 2024-06-30 起算，至 2029-06-30 止；"
        "报修日期 2026-03-02 在保修期内（剩余 1216 天）；原因为“施工质量缺陷”，属于保修责任，"
        "维修费用由本单位承担。"
    )


def test_unknown_part_and_cause() -> None:
    verdict = assess(project(), None, D(2025, 1, 1))
    assert verdict.coverage == Coverage.NEEDS_JUDGEMENT
    assert verdict.reason == "尚未确定工程部位，无法计算保修期；原因尚未确定。"
    assert assess(project(), None, D(2025, 1, 1), cause=Cause.MISUSE).coverage == Coverage.NOT_COVERED


def test_report_date_is_the_local_day() -> None:
    # 17:00 UTC on 31 December is already 1 January in Shanghai.
    assert report_date_of(dt.datetime(2026, 12, 31, 17, 0)) == D(2027, 1, 1)


def test_ticket_values_use_the_projects_terms_category_and_subcontractor(db) -> None:
    from tests.unit.lifecycle_world import HEATING, build_world

    world = build_world(db)
    with db.transaction() as session:
        verdict = assess_ticket_values(
            session, project_id=world.project_id, reported_at=dt.datetime(2026, 3, 10, 2),
            building_part=BuildingPart.HEATING_COOLING, cause=Cause.CONSTRUCTION_DEFECT,
            defect_category_id=HEATING, responsible_party=ResponsibleParty.SUBCONTRACTOR,
            responsible_org_id=world.sub_id,
        )
        assert (verdict.coverage, verdict.end_date) == (Coverage.COVERED, D(2026, 3, 15))
        assert "2 个采暖期" in verdict.reason
        assert verdict.cost_bearer == "分包单位 鲁班防水工程公司"
        assert responsible_text(session, ResponsibleParty.OWN_TEAM, world.dept_id) == "本单位（第一项目部）"
        assert responsible_text(session, None, None) == ""
