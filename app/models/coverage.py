"""Warranty coverage: is a defect covered on its report date, until when, and who pays.

The period starts at the project's handover (竣工验收合格, 《建设工程质量管理条例》第四十条) and
is counted as the Civil Code counts periods (《民法典》第二百零一、二百零二条): the handover
day itself is not counted and a period of years ends on the same month and day N years later
— the last covered day — or on the last day of that month when there is no such day (a
handover on 29 February ends on 28 February). Heating and cooling count complete heating /
cooling seasons after the handover (season dates per project). Foundation and main structure
are warranted for the design service life; whether a defect is structural needs a
professional judgement. The cause decides who pays: construction defects, design, materials
and equipment are warranted (cost to the responsible party); misuse, third parties and force
majeure are not (a paid repair may be offered).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.base import to_local
from app.models.people import OrgUnit
from app.models.project import DefectCategory, Project, WarrantyTerm
from app.models.vocabulary import (
    BUILDING_PART_ZH,
    CAUSE_ZH,
    BuildingPart,
    Cause,
    Coverage,
    PeriodUnit,
    ResponsibleParty,
)
from app.models.warranty_terms import default_terms, describe_period

COVERED_CAUSES = frozenset({Cause.CONSTRUCTION_DEFECT, Cause.DESIGN, Cause.MATERIAL_EQUIPMENT})
EXCLUDED_CAUSES = frozenset({Cause.MISUSE, Cause.THIRD_PARTY, Cause.FORCE_MAJEURE})


class SeasonKind(StrEnum):
    HEATING = "heating"
    COOLING = "cooling"


SEASON_KIND_ZH = {SeasonKind.HEATING: "采暖期", SeasonKind.COOLING: "供冷期"}

# Defect categories that concern only one kind of season (others count either kind).
SEASON_OF_CATEGORY: dict[str, SeasonKind] = {"heating_fault": SeasonKind.HEATING}


class CoverageError(ValueError):
    """The project's settings do not allow a computation; the message is for the clerk."""


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------


def add_years(start: dt.date, years: int) -> dt.date:
    """The same month and day `years` later; 29 February becomes 28 February (month end)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def parse_month_day(text: str) -> tuple[int, int]:
    """'MM-DD' as (month, day); 02-29 is allowed (it becomes 02-28 in common years)."""
    try:
        month_text, day_text = text.strip().split("-")
        month, day = int(month_text), int(day_text)
        dt.date(2000, month, day)  # a leap year: validates month and day
    except ValueError:
        raise CoverageError(f"采暖/供冷期日期应写作“月-日”（如 11-15），而不是“{text}”。") from None
    return month, day


def _on(year: int, month_day: tuple[int, int]) -> dt.date:
    month, day = month_day
    if (month, day) == (2, 29) and not _is_leap(year):
        day = 28
    return dt.date(year, month, day)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def seasons_from(year: int, start: str, end: str) -> Iterable[tuple[dt.date, dt.date]]:
    """(first day, last day) of each season starting in `year` and after (endless)."""
    start_md, end_md = parse_month_day(start), parse_month_day(end)
    crosses_new_year = end_md < start_md
    while True:
        first = _on(year, start_md)
        last = _on(year + 1 if crosses_new_year else year, end_md)
        yield first, last
        year += 1


def nth_season_end(handover: dt.date, count: int, start: str, end: str) -> dt.date:
    """Last day of the `count`-th complete season after the handover day."""
    if count < 1:
        raise CoverageError("保修的采暖/供冷期数至少为 1。")
    seen = 0
    for first, last in seasons_from(handover.year - 1, start, end):
        if first > handover:
            seen += 1
            if seen == count:
                return last
    raise AssertionError("unreachable")  # pragma: no cover


# ---------------------------------------------------------------------------------------------
# The period of one building part
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WarrantyPeriod:
    building_part: BuildingPart
    period: int
    unit: PeriodUnit
    end_date: dt.date  # the last covered day
    text: str  # how it was counted, in Chinese


def term_of(project: Project, building_part: str, terms: Mapping[str, tuple[int, str]] | None = None) -> tuple[int, PeriodUnit]:
    """The contract's (period, unit) for a part: the project's term, else the statutory default."""
    if terms is None:
        terms = {t.building_part: (t.period, t.unit) for t in project.warranty_terms}
    if building_part in terms:
        period, unit = terms[building_part]
        return period, PeriodUnit(unit)
    for part, period, unit in default_terms():
        if part == building_part:
            return period, unit
    raise CoverageError(f"未知的工程部位：{building_part}")


def warranty_period(
    project: Project,
    building_part: str,
    *,
    season: SeasonKind | None = None,
    terms: Mapping[str, tuple[int, str]] | None = None,
) -> WarrantyPeriod:
    """When the warranty of a building part of the project ends, and how that was counted."""
    part = BuildingPart(building_part)
    period, unit = term_of(project, part, terms)
    name = BUILDING_PART_ZH[part]
    handover = project.handover_date
    if unit == PeriodUnit.DESIGN_LIFE:
        years = project.design_service_life_years or 50
        end = add_years(handover, years)
        text = (f"{name}的保修期为设计文件规定的合理使用年限（本项目 {years} 年），"
                f"自竣工验收合格之日 {handover} 起算，至 {end} 止")
        return WarrantyPeriod(part, years, unit, end, text)
    if unit == PeriodUnit.SEASONS:
        end, counted = _season_end(project, period, season)
        text = (f"{name}的保修期为 {period} 个{counted}，自竣工验收合格之日 {handover} 后"
                f"第一个完整{counted}起算，至 {end} 止")
        return WarrantyPeriod(part, period, unit, end, text)
    end = add_years(handover, period)
    text = (f"{name}的保修期为 {describe_period(period, unit)}，自竣工验收合格之日 {handover} 起算，"
            f"至 {end} 止")
    return WarrantyPeriod(part, period, unit, end, text)


def _season_end(project: Project, count: int, season: SeasonKind | None) -> tuple[dt.date, str]:
    bounds = {
        SeasonKind.HEATING: (project.heating_season_start, project.heating_season_end),
        SeasonKind.COOLING: (project.cooling_season_start, project.cooling_season_end),
    }
    kinds = [season] if season is not None else list(SeasonKind)
    ends = []
    for kind in kinds:
        start, end = bounds[kind]
        if start and end:
            ends.append((nth_season_end(project.handover_date, count, start, end), kind))
    if not ends:
        wanted = "、".join(SEASON_KIND_ZH[k] for k in kinds)
        raise CoverageError(f"项目未设置{wanted}的起止日期，无法计算供热与供冷系统的保修期。")
    end, kind = max(ends)
    counted = SEASON_KIND_ZH[kind] if season is not None or len(ends) == 1 else "采暖期/供冷期"
    return end, counted


# ---------------------------------------------------------------------------------------------
# The verdict for a ticket
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    coverage: Coverage
    end_date: dt.date | None  # the last covered day
    days_left: int | None  # on the report date: 0 on the last day, negative once expired
    reason: str  # the reasoning in words, stored on the ticket
    cost_bearer: str = ""  # who pays a warranted repair
    paid_repair_possible: bool = False


def assess(
    project: Project,
    building_part: str | None,
    report_date: dt.date,
    *,
    cause: str | None = None,
    responsible: str = "",
    season: SeasonKind | None = None,
    terms: Mapping[str, tuple[int, str]] | None = None,
) -> Verdict:
    """Coverage of a defect of `building_part` reported on `report_date`, with its reasoning.

    `responsible` names who bears a warranted repair's cost (e.g. "分包单位 某某防水公司").
    """
    excluded = cause is not None and Cause(cause) in EXCLUDED_CAUSES
    cause_text = _cause_text(cause, responsible)
    if building_part is None:
        coverage = Coverage.NOT_COVERED if excluded else Coverage.NEEDS_JUDGEMENT
        return Verdict(coverage, None, None, _join("尚未确定工程部位，无法计算保修期", cause_text),
                       paid_repair_possible=excluded)
    try:
        period = warranty_period(project, building_part, season=season, terms=terms)
    except CoverageError as error:
        coverage = Coverage.NOT_COVERED if excluded else Coverage.NEEDS_JUDGEMENT
        return Verdict(coverage, None, None, _join(str(error).rstrip("。"), cause_text),
                       paid_repair_possible=excluded)
    days_left = (period.end_date - report_date).days
    if report_date <= project.handover_date:
        status = Coverage.NEEDS_JUDGEMENT
        when = f"报修日期 {report_date} 不晚于竣工验收日期 {project.handover_date}，尚未进入保修期，请核实"
    elif days_left < 0:
        status = Coverage.EXPIRED
        when = f"报修日期 {report_date} 已超过保修期 {-days_left} 天"
    else:
        status = Coverage.COVERED
        when = f"报修日期 {report_date} 在保修期内（剩余 {days_left} 天）"
    if status == Coverage.COVERED and period.unit == PeriodUnit.DESIGN_LIFE:
        status = Coverage.NEEDS_JUDGEMENT
        when += "；是否属于地基基础和主体结构质量问题，须由设计单位或有资质的检测机构鉴定"
    if excluded:
        status = Coverage.NOT_COVERED
    elif status == Coverage.EXPIRED and cause is not None:
        # A warranted cause, but too late: say so rather than name a cost bearer.
        cause_text = f"原因为“{CAUSE_ZH[Cause(cause)]}”，但已过保修期，不再免费维修，可提供有偿维修"
    covered = status in (Coverage.COVERED, Coverage.NEEDS_JUDGEMENT)
    bearer = (responsible or "责任方") if covered and cause is not None else ""
    return Verdict(
        status, period.end_date, days_left, _join(period.text, when, cause_text), bearer,
        paid_repair_possible=not covered,
    )


def _cause_text(cause: str | None, responsible: str) -> str:
    if cause is None:
        return "原因尚未确定"
    name = CAUSE_ZH[Cause(cause)]
    if Cause(cause) in EXCLUDED_CAUSES:
        return f"原因为“{name}”，不属于保修范围，可提供有偿维修"
    return f"原因为“{name}”，属于保修责任，维修费用由{responsible or '责任方'}承担"


def _join(*parts: str) -> str:
    return "；".join(p for p in parts if p) + "。"


def report_date_of(reported_at: dt.datetime) -> dt.date:
    """The local calendar day a ticket was reported on (coverage is counted in days)."""
    return to_local(reported_at).date()


def responsible_text(session: Session, party: str | None, org_id: uuid.UUID | None) -> str:
    """Who bears the cost, in words: 本单位 or 分包单位 <name>."""
    if party is None:
        return ""
    name = session.get(OrgUnit, org_id).name if org_id is not None else ""
    if party == ResponsibleParty.SUBCONTRACTOR:
        return f"分包单位 {name}" if name else "分包单位"
    return f"本单位（{name}）" if name else "本单位"


def assess_ticket_values(
    session: Session,
    *,
    project_id: uuid.UUID,
    reported_at: dt.datetime,
    building_part: str | None,
    cause: str | None,
    defect_category_id: uuid.UUID | None,
    responsible_party: str | None,
    responsible_org_id: uuid.UUID | None,
) -> Verdict:
    """The verdict for a ticket's (possibly not yet saved) diagnosis values."""
    # Reads reference data only: the ticket's pending changes need not be flushed first.
    with session.no_autoflush:
        project = session.get(Project, project_id)
        rows = session.execute(
            select(WarrantyTerm.building_part, WarrantyTerm.period, WarrantyTerm.unit).where(
                WarrantyTerm.project_id == project_id
            )
        )
        terms = {part: (period, unit) for part, period, unit in rows}
        season = None
        if defect_category_id is not None:
            category = session.get(DefectCategory, defect_category_id)
            season = SEASON_OF_CATEGORY.get(category.code) if category is not None else None
        responsible = responsible_text(session, responsible_party, responsible_org_id)
    return assess(
        project,
        building_part,
        report_date_of(reported_at),
        cause=cause,
        responsible=responsible,
        season=season,
        terms=terms,
    )

