"""Statutory minimum warranty periods (建设工程质量管理条例 第四十条) and contract terms above them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from app.models.project import Project, WarrantyTerm
from app.models.vocabulary import BUILDING_PART_ZH, PERIOD_UNIT_ZH, BuildingPart, PeriodUnit

LAW = "《建设工程质量管理条例》第四十条"


@dataclass(frozen=True)
class Minimum:
    period: int
    unit: PeriodUnit


STATUTORY_MINIMUMS: dict[BuildingPart, Minimum] = {
    BuildingPart.FOUNDATION_STRUCTURE: Minimum(0, PeriodUnit.DESIGN_LIFE),
    BuildingPart.ROOF_WATERPROOFING: Minimum(5, PeriodUnit.YEARS),
    BuildingPart.WATERPROOF_ROOMS: Minimum(5, PeriodUnit.YEARS),
    BuildingPart.EXTERIOR_WALL: Minimum(5, PeriodUnit.YEARS),
    BuildingPart.HEATING_COOLING: Minimum(2, PeriodUnit.SEASONS),
    BuildingPart.ELECTRICAL: Minimum(2, PeriodUnit.YEARS),
    BuildingPart.WATER_DRAINAGE: Minimum(2, PeriodUnit.YEARS),
    BuildingPart.EQUIPMENT: Minimum(2, PeriodUnit.YEARS),
    BuildingPart.DECORATION: Minimum(2, PeriodUnit.YEARS),
    # The law sets nothing for other parts; the contract decides (default two years).
    BuildingPart.OTHER: Minimum(0, PeriodUnit.YEARS),
}
DEFAULT_OTHER_YEARS = 2


class WarrantyTermError(ValueError):
    """A contract term the law does not allow; the message is for the clerk, in Chinese."""


def describe_period(period: int, unit: str) -> str:
    if unit == PeriodUnit.DESIGN_LIFE:
        return "设计文件规定的合理使用年限"
    return f"{period} {PERIOD_UNIT_ZH[PeriodUnit(unit)]}"


def check_term(building_part: str, period: int, unit: str) -> None:
    """Raise WarrantyTermError unless the term is at least the statutory minimum."""
    try:
        part = BuildingPart(building_part)
    except ValueError:
        raise WarrantyTermError(f"未知的工程部位：{building_part}") from None
    try:
        unit = PeriodUnit(unit)
    except ValueError:
        raise WarrantyTermError(f"未知的保修期计量方式：{unit}") from None
    minimum = STATUTORY_MINIMUMS[part]
    name = BUILDING_PART_ZH[part]
    if minimum.unit == PeriodUnit.DESIGN_LIFE:
        if unit != PeriodUnit.DESIGN_LIFE:
            raise WarrantyTermError(
                f"{name}的保修期为设计文件规定的合理使用年限（{LAW}），不得约定为"
                f"{describe_period(period, unit)}。"
            )
        return
    if unit == PeriodUnit.DESIGN_LIFE:
        return  # design life is longer than any statutory minimum here
    if unit != minimum.unit:
        raise WarrantyTermError(
            f"{name}的保修期应按“{PERIOD_UNIT_ZH[minimum.unit]}”计算（{LAW}）。"
        )
    if period < 0:
        raise WarrantyTermError(f"{name}的保修期不能为负数。")
    if period < minimum.period:
        raise WarrantyTermError(
            f"{name}的保修期不得短于法定最低期限 {describe_period(minimum.period, unit)}"
            f"（{LAW}），合同约定为 {describe_period(period, unit)}。"
        )
    if part == BuildingPart.OTHER and period == 0:
        raise WarrantyTermError(f"{name}的保修期须由合同约定，不能为 0。")


def default_terms() -> list[tuple[BuildingPart, int, PeriodUnit]]:
    """The statutory minimums as (part, period, unit), used for a new project."""
    terms = []
    for part, minimum in STATUTORY_MINIMUMS.items():
        period = DEFAULT_OTHER_YEARS if part == BuildingPart.OTHER else minimum.period
        terms.append((part, period, minimum.unit))
    return terms


def apply_default_terms(project: Project) -> None:
    """Give a new project the statutory minimum for every building part."""
    present = {term.building_part for term in project.warranty_terms}
    for part, period, unit in default_terms():
        if part not in present:
            project.warranty_terms.append(
                WarrantyTerm(building_part=part, period=period, unit=unit)
            )


def set_term(session: Session, project_id: uuid.UUID, building_part: str, period: int, unit: str) -> WarrantyTerm:
    """Set the contract's term for one building part, refusing anything below the law."""
    check_term(building_part, period, unit)
    term = session.scalar(
        select(WarrantyTerm).where(
            WarrantyTerm.project_id == project_id, WarrantyTerm.building_part == building_part
        )
    )
    if term is None:
        term = WarrantyTerm(project_id=project_id, building_part=building_part)
        session.add(term)
    term.period = period
    term.unit = unit
    return term


@event.listens_for(WarrantyTerm, "before_insert")
@event.listens_for(WarrantyTerm, "before_update")
def _refuse_terms_below_the_law(_mapper, _connection, term: WarrantyTerm) -> None:
    # The one place the rule is enforced, whichever code path writes the term.
    check_term(term.building_part, term.period, term.unit)
