"""Reads every figure a report prints, through the analytics functions, into one data object."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.analytics import dashboard, month_stats, report_data
from app.analytics.dashboard import (
    DurationBucket,
    LocationCount,
    MonthTrend,
    OpenTickets,
    ParetoBar,
)
from app.analytics.kpi import KpiRow, kpi_totals, kpis_by_department
from app.analytics.periods import Period, months_of
from app.analytics.report_data import (
    EscalationFigures,
    EscalationTriggers,
    MonthRates,
    OpenTicket,
    RecurringCategories,
    RepeatPlaces,
    SubcontractorRow,
    TimerCompliance,
    TypicalCase,
    Volume,
)
from app.documents.reports.kinds import (
    PREVIOUS_ZH,
    ReportKind,
    period_label,
    previous_period,
    year_before,
)
from app.models.people import OrgUnit
from app.models.project import DefectCategory
from app.models.vocabulary import PROJECT_TYPE_ZH, LocationKind, OrgKind

# Lists in the summaries stay short; the white paper shows a little more.
TOP_SUMMARY = 8
TOP_ANNUAL = 10


@dataclass(frozen=True)
class Place:
    """A high-incidence building / section / system with its project (1栋 alone is ambiguous)."""

    project: str
    name: str
    count: int

    @property
    def label(self) -> str:
        return f"{self.project} {self.name}"


def _places(session: Session, rows: list[LocationCount]) -> list[Place]:
    projects = report_data.location_projects(session, [r.location_id for r in rows])
    return [Place(projects.get(r.location_id, ""), r.name, r.count) for r in rows]


@dataclass(frozen=True)
class ReportData:
    kind: ReportKind
    period: Period
    label: str  # 2026年10月
    previous: Period
    previous_label: str
    previous_word: str  # 上月 / 上季度 / 上年
    last_year: Period
    last_year_label: str
    now: dt.datetime  # naive UTC: when the report is made (snapshots are taken at this time)
    company: str

    volume: Volume
    volume_previous: Volume
    volume_last_year: Volume
    kpi: KpiRow
    kpi_previous: KpiRow
    kpi_last_year: KpiRow

    trend: list[MonthTrend]  # the 12 months up to the period's end (the year's months: annual)
    rates: list[MonthRates]  # the same months

    pareto: list[ParetoBar]  # this period, all categories
    compare_counts: dict[uuid.UUID | None, int]  # the same categories in the comparison period
    compare_label: str  # 上月 / 上季度 / 上年
    category_names: dict[uuid.UUID | None, str]  # names, with the project type where ambiguous
    causes: list[tuple[str, int]]

    buildings: list[Place]
    sections: list[Place]
    systems: list[Place]
    repeats: RepeatPlaces
    recurring: RecurringCategories

    response: list[DurationBucket]
    repair: list[DurationBucket]
    sla: list[TimerCompliance]
    satisfaction: dict[int, int]

    subcontractors: list[SubcontractorRow]  # annual: with last year's rework beside
    departments: list[KpiRow]

    open_now: OpenTickets
    oldest: list[OpenTicket]
    still_open: int  # received in the period, open now

    triggers: EscalationTriggers
    escalations: EscalationFigures
    cases: list[TypicalCase]

    @property
    def period_is_current(self) -> bool:
        """The period has not ended yet at `now`: its figures are so far."""
        return self.period.utc_end > self.now

    @property
    def top(self) -> int:
        return TOP_ANNUAL if self.kind == ReportKind.ANNUAL else TOP_SUMMARY


def company_name(session: Session) -> str:
    """The company as printed on the forms: the HQ's name before its department in brackets."""
    name = session.scalar(
        select(OrgUnit.name).where(OrgUnit.kind == OrgKind.HQ.value).order_by(OrgUnit.name).limit(1)
    )
    if not name:
        return "保修工作台"
    return name.split("（", 1)[0].strip() or name


def _category_names(session: Session, bars: list[ParetoBar]) -> dict[uuid.UUID | None, str]:
    """Category names; where two project types share a name, the type is added (屋面渗漏（工业厂房）)."""
    ids = [b.category_id for b in bars if b.category_id is not None]
    types = (
        dict(
            session.execute(
                select(DefectCategory.id, DefectCategory.project_type).where(
                    DefectCategory.id.in_(ids)
                )
            ).all()
        )
        if ids
        else {}
    )
    seen: dict[str, int] = {}
    for bar in bars:
        seen[bar.name] = seen.get(bar.name, 0) + 1
    names: dict[uuid.UUID | None, str] = {}
    for bar in bars:
        name = bar.name
        if seen[name] > 1 and bar.category_id in types:
            kind = types[bar.category_id]
            name = f"{name}（{PROJECT_TYPE_ZH.get(kind, kind)}）"  # type: ignore[call-overload]
        names[bar.category_id] = name
    return names


def _twelve_months_to(period: Period) -> Period:
    """The twelve months up to the period's end: a whole year of trend on one page."""
    index = period.last.year * 12 + period.last.month - 1 - 11
    return Period(dt.date(index // 12, index % 12 + 1, 1), period.last)


def gather(
    session: Session, kind: ReportKind | str, period: Period, now: dt.datetime
) -> ReportData:
    """Every figure of the report, each from one grouped query (see app/analytics)."""
    kind = ReportKind(kind)
    annual = kind == ReportKind.ANNUAL
    previous = previous_period(kind, period)
    last_year = year_before(kind, period)
    wanted = [period, previous] if annual else [period, previous, last_year]
    window = period if annual else _twelve_months_to(period)
    # Before the first read: a session reading already cannot see months rebuilt elsewhere.
    month_stats.refresh(session, *wanted, window, *dashboard.year_before_months(window))
    found = report_data.volumes(session, wanted, now)
    volume, volume_previous = found[0], found[1]
    volume_last_year = found[1] if annual else found[2]

    kpi = kpi_totals(session, period.first, period.last)
    kpi_previous = kpi_totals(session, previous.first, previous.last)
    kpi_last_year = kpi_previous if annual else kpi_totals(session, last_year.first, last_year.last)

    months = months_of(window)
    trend = dashboard.monthly_trend(session, window)
    rates = report_data.monthly_rates(session, months)

    pareto = dashboard.category_pareto(session, period)
    compare = last_year if annual else previous
    compare_counts = {b.category_id: b.count for b in dashboard.category_pareto(session, compare)}

    top = TOP_ANNUAL if annual else TOP_SUMMARY
    kinds = [LocationKind.BUILDING, LocationKind.SECTION, LocationKind.SYSTEM]
    counts = report_data.place_counts(session, period, kinds if annual else kinds[:1], limit=top)
    buildings = _places(session, counts[LocationKind.BUILDING])
    sections = _places(session, counts[LocationKind.SECTION]) if annual else []
    systems = _places(session, counts[LocationKind.SYSTEM]) if annual else []

    subcontractors = report_data.subcontractor_performance(
        session, period, compare=last_year if annual else None
    )

    return ReportData(
        kind=kind,
        period=period,
        label=period_label(kind, period),
        previous=previous,
        previous_label=period_label(kind, previous),
        previous_word=PREVIOUS_ZH[kind],
        last_year=last_year,
        last_year_label=period_label(kind, last_year),
        now=now,
        company=company_name(session),
        volume=volume,
        volume_previous=volume_previous,
        volume_last_year=volume_last_year,
        kpi=kpi,
        kpi_previous=kpi_previous,
        kpi_last_year=kpi_last_year,
        trend=trend,
        rates=rates,
        pareto=pareto,
        compare_counts=compare_counts,
        compare_label=PREVIOUS_ZH[kind],
        category_names=_category_names(session, pareto),
        causes=report_data.cause_counts(session, period),
        buildings=buildings,
        sections=sections,
        systems=systems,
        repeats=report_data.repeat_places(session, period, limit=top),
        recurring=report_data.recurring_categories(session, period, limit=top),
        response=dashboard.response_time_distribution(session, period),
        repair=dashboard.repair_time_distribution(session, period),
        sla=report_data.sla_compliance(session, period),
        satisfaction=report_data.satisfaction_counts(session, period),
        subcontractors=subcontractors,
        departments=kpis_by_department(session, period.first, period.last) if annual else [],
        open_now=dashboard.open_tickets(session, now),
        oldest=report_data.oldest_open(session, now, limit=top),
        still_open=report_data.received_still_open(session, period),
        triggers=report_data.escalation_triggers(session, period),
        escalations=report_data.escalation_figures(session, period, now),
        cases=report_data.typical_cases(session, period),
    )
