"""Summary reports and the annual white paper: sections, numbers, fonts, empty periods, CLI."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from app.__main__ import main
from app.analytics import dashboard, periods, report_data
from app.analytics.kpi import kpi_totals
from app.analytics.periods import Period
from app.documents.reports import (
    PeriodError,
    ReportKind,
    default_file_name,
    parse_month,
    parse_quarter,
    parse_year,
    period_label,
    render_report,
)
from app.documents.reports.charts import nice_scale
from app.documents.reports.gather import gather
from app.documents.reports.kinds import previous_period, year_before
from app.documents.reports.suggestions import suggestions
from app.documents.reports.template import fmt_rate, fmt_score
from app.models import OrgUnit, Ticket
from app.models.ticket_actions import diagnose, take_ticket
from app.models.vocabulary import LocationKind, OrgKind, ResponsibleParty
from tests.unit.lifecycle_world import DIAGNOSIS, T0, build_world, register, walk

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils missing"
)

NOW = dt.datetime(2026, 11, 24, 8, 0)  # the demo data's reference time (16:00 in Shanghai)
PERIODS = {
    ReportKind.MONTHLY: periods.month(2026, 10),
    ReportKind.QUARTERLY: periods.quarter(2026, 3),
    ReportKind.ANNUAL: periods.year(2026),
}
SUMMARY_SECTIONS = [
    "一、总体情况",
    "二、收单与结案趋势",
    "三、主要问题类别",
    "四、高发部位",
    "五、服务时效（SLA）",
    "六、业主满意度",
    "七、分包单位表现",
    "八、未结问题",
    "九、工作建议",
]
WHITE_PAPER_SECTIONS = [
    "一、年度概览",
    "二、月度趋势",
    "三、主要问题类别与典型案例",
    "四、高发部位",
    "五、分包单位与项目部表现",
    "六、服务时效与业主满意度",
    "七、升级处理与专项复盘",
    "八、改进建议",
]


def _text(pdf: bytes, tmp_path: Path, name: str = "report.pdf") -> str:
    """The PDF's text without white space: a sentence wrapped at a space reads as one."""
    path = tmp_path / name
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True)
    return _squash(out.stdout.decode("utf-8"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _fonts(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout.decode()
    return out.splitlines()[2:]


# ---------------------------------------------------------------------------------------------
# Periods and names
# ---------------------------------------------------------------------------------------------


def test_periods_are_read_and_named() -> None:
    assert parse_month("2026-10") == periods.month(2026, 10)
    assert parse_quarter("2026Q3") == periods.quarter(2026, 3)
    assert parse_quarter("2026q1") == periods.quarter(2026, 1)
    assert parse_year("2026") == periods.year(2026)
    for bad, parse in (
        ("2026-13", parse_month),
        ("10/2026", parse_month),
        ("2026Q5", parse_quarter),
        ("26", parse_year),
        ("", parse_year),
    ):
        with pytest.raises(PeriodError, match="格式应为"):
            parse(bad)
    assert period_label("monthly", periods.month(2026, 10)) == "2026年10月"
    assert period_label("quarterly", periods.quarter(2026, 3)) == "2026年第三季度"
    assert period_label("annual", periods.year(2026)) == "2026年度"
    assert previous_period("monthly", periods.month(2026, 1)) == periods.month(2025, 12)
    assert previous_period("quarterly", periods.quarter(2026, 1)) == periods.quarter(2025, 4)
    assert year_before("quarterly", periods.quarter(2026, 3)) == periods.quarter(2025, 3)
    assert default_file_name("annual", periods.year(2026)) == "年度保修白皮书-2026年度.pdf"


def test_a_period_that_is_not_whole_is_refused(demo_db) -> None:
    with demo_db.sessions() as session, pytest.raises(PeriodError, match="不是一个完整的月"):
        render_report(session, "monthly", Period(dt.date(2026, 10, 2), dt.date(2026, 10, 31)), NOW)


def test_axis_scales_are_round() -> None:
    assert nice_scale(133) == (150, 50)
    top, step = nice_scale(7)
    assert top >= 7 and step in (1, 2) and top % step == 0
    assert nice_scale(0) == (1.0, 0.2)


# ---------------------------------------------------------------------------------------------
# The three reports on the demo store
# ---------------------------------------------------------------------------------------------


@needs_poppler
@pytest.mark.parametrize("kind", list(ReportKind))
def test_each_report_has_its_sections_and_the_analytics_numbers(demo_db, tmp_path, kind) -> None:
    period = PERIODS[kind]
    with demo_db.sessions() as session:
        pdf = render_report(session, kind, period, NOW)
        kpi = kpi_totals(session, period.first, period.last)
        received = sum(m.received for m in dashboard.monthly_trend(session, period))
        closed = sum(m.closed for m in dashboard.monthly_trend(session, period))
        top = dashboard.category_pareto(session, period)[0]
        sla = report_data.sla_compliance(session, period)
    text = _text(pdf, tmp_path)
    sections = WHITE_PAPER_SECTIONS if kind == ReportKind.ANNUAL else SUMMARY_SECTIONS
    for title in sections:
        assert title in text, title
    assert period_label(kind, period) in text
    # The figures of the analytics functions, as the opening paragraph prints them.
    assert _squash(f"共受理报修 {received} 单") in text
    assert _squash(f"结案（归档）{closed} 单") in text
    assert _squash(f"验收通过 {kpi.handled} 单") in text
    assert _squash(f"按时完工率 {fmt_rate(kpi.on_time_rate)}") in text
    assert _squash(f"返修率 {fmt_rate(kpi.rework_rate)}") in text
    assert _squash(f"平均满意度 {fmt_score(kpi.mean_satisfaction)} 分") in text
    assert _squash(f"投诉 {kpi.complaints} 次") in text
    assert top.name in text and str(top.count) in text
    assert _squash(f"响应时限 {sla[0].met:,} {sla[0].met - sla[0].late:,} {sla[0].late:,}") in text
    assert _squash("第 2 页 共") in text


@needs_poppler
def test_white_paper_has_cover_contents_and_rule_based_suggestions(demo_db, tmp_path) -> None:
    period = PERIODS[ReportKind.ANNUAL]
    with demo_db.sessions() as session:
        pdf = render_report(session, "annual", period, NOW)
        data = gather(session, "annual", period, NOW)
    text = _text(pdf, tmp_path)
    assert text.startswith("年度保修白皮书2026年度")  # the cover comes first, without a header
    assert "目录" in text
    # Contents lines carry page numbers: "一、年度概览 . . . 3".
    assert "一、年度概览" in text.split("二、月度趋势")[0]
    assert "本年度暂无典型案例" in text or "案例1" in text
    items = suggestions(data)
    assert items
    for item in items:
        assert _squash(item.text)[:30] in text
        assert any(ch.isdigit() for ch in item.text), item.text  # every suggestion cites numbers
    # Page numbers on every page but the cover.
    pages = text.count("页共")
    assert pages >= 6


@needs_poppler
@pytest.mark.parametrize("kind", [ReportKind.MONTHLY, ReportKind.ANNUAL])
def test_font_is_embedded_and_output_is_deterministic(demo_db, tmp_path, kind) -> None:
    with demo_db.sessions() as session:
        first = render_report(session, kind, PERIODS[kind], NOW)
        second = render_report(session, kind, PERIODS[kind], NOW)
    assert first == second
    fonts = _fonts(first, tmp_path)
    assert fonts and all("WenQuanYi" in line for line in fonts), fonts
    assert all(line.split()[-5] == "yes" for line in fonts), fonts  # the emb column


@needs_poppler
def test_empty_period_says_no_data(demo_db, tmp_path) -> None:
    with demo_db.sessions() as session:
        monthly = render_report(session, "monthly", periods.month(2020, 1), NOW)
        annual = render_report(session, "annual", periods.year(2020), NOW)
    for pdf in (monthly, annual):
        text = _text(pdf, tmp_path)
        assert "无数据" in text
        assert "None" not in text and "nan" not in text
    assert "2020年1月无数据" in _text(monthly, tmp_path)


@needs_poppler
def test_empty_store_renders(db, tmp_path) -> None:
    with db.sessions() as session:
        pdf = render_report(session, "annual", periods.year(2026), NOW)
    text = _text(pdf, tmp_path)
    assert "年度保修白皮书" in text and "无数据" in text and "本年度暂无典型案例" in text


# ---------------------------------------------------------------------------------------------
# A hand-built month with known numbers
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def march(db):
    """March 2026: three tickets at 3栋1502室 (A archived, B accepted, C waiting), one in
    February (archived); A was repaired by the waterproofing subcontractor."""
    world = build_world(db)
    a = register(db, world, T0)
    with db.transaction() as session:
        ticket = world.ticket(session, a)
        tech = world.actor(session, "tech")
        take_ticket(session, ticket, tech, now=T0 + dt.timedelta(minutes=20))
        diagnose(
            session,
            ticket,
            tech,
            now=T0 + dt.timedelta(minutes=50),
            **{
                **DIAGNOSIS,
                "responsible_party": ResponsibleParty.SUBCONTRACTOR,
                "responsible_org_id": world.sub_id,
            },
        )
    walk(db, world, a, "archived", start=T0 + dt.timedelta(hours=1))
    b = register(db, world, T0 + dt.timedelta(days=2))
    walk(db, world, b, "follow_up", start=T0 + dt.timedelta(days=2))
    register(db, world, T0 + dt.timedelta(days=5))
    february = dt.datetime(2026, 2, 10, 2, 0)
    walk(db, world, register(db, world, february), "archived", start=february)
    return world


@needs_poppler
def test_known_month(db, march, tmp_path) -> None:
    now = dt.datetime(2026, 3, 20, 2, 0)
    with db.sessions() as session:
        pdf = render_report(session, "monthly", periods.month(2026, 3), now)
        data = gather(session, "monthly", periods.month(2026, 3), now)
    assert (data.volume.received, data.volume.closed, data.volume.open_at_end) == (3, 1, 2)
    assert (data.volume_previous.received, data.volume_previous.closed) == (1, 1)
    assert data.kpi.handled == 2 and data.kpi.on_time_rate == 1.0
    assert data.satisfaction == {1: 0, 2: 0, 3: 0, 4: 0, 5: 2}
    [sub] = data.subcontractors
    assert (sub.name, sub.received, sub.completed, sub.handled, sub.reworked) == (
        "鲁班防水工程公司",
        1,
        1,
        1,
        0,
    )
    assert data.repeats.place_count == 1 and data.repeats.places[0].tickets == 3
    text = _text(pdf, tmp_path)
    assert (
        _squash("2026年3月（截至2026年3月20日）共受理报修 3 单，较上月增加 2 单（+200.0%）") in text
    )
    assert _squash("结案（归档）1 单，期末在办 2 单；验收通过 2 单，按时完工率 100.0%") in text
    assert _squash("平均满意度 5.00 分") in text
    assert _squash("鲁班防水工程公司 防水 1 1 100.0% 1 0.0% 5.00") in text
    assert _squash("「3栋1502室」本期报修 3 次") in text
    assert "卫生间渗漏" in text


def test_report_data_agrees_with_plain_python(demo_db) -> None:
    period = periods.year(2026)
    with demo_db.sessions() as session:
        tickets = session.scalars(select(Ticket)).all()
        subs = set(
            session.scalars(select(OrgUnit.id).where(OrgUnit.kind == OrgKind.SUBCONTRACTOR.value))
        )
        [volume] = report_data.volumes(session, [period], NOW)
        sla = report_data.sla_compliance(session, period)
        scores = report_data.satisfaction_counts(session, period)
        by_sub = {r.org_id: r for r in report_data.subcontractor_performance(session, period)}
        repeats = report_data.repeat_places(session, period, limit=1000)
    assert volume.received == sum(period.contains(t.reported_at) for t in tickets)
    assert volume.closed == sum(period.contains(t.archived_at) for t in tickets)
    assert volume.open_at_end == sum(t.state in report_data.OPEN_STATE_VALUES for t in tickets)
    response = [t for t in tickets if period.contains(t.responded_at)]
    assert sla[0].met == len(response)
    assert sla[0].late == sum(
        t.response_due_at is not None and t.responded_at > t.response_due_at for t in response
    )
    accepted = [t for t in tickets if period.contains(t.accepted_at)]
    assert scores == {s: sum(t.satisfaction == s for t in accepted) for s in range(1, 6)}
    expected = Counter(
        t.responsible_org_id
        for t in tickets
        if t.responsible_org_id in subs and period.contains(t.reported_at)
    )
    assert {k: r.received for k, r in by_sub.items() if r.received} == dict(expected)
    for org, row in by_sub.items():
        done = [
            t for t in tickets if t.responsible_org_id == org and period.contains(t.accepted_at)
        ]
        assert row.handled == len(done)
        assert row.reworked == sum(t.rework_count >= 1 for t in done)
    with demo_db.sessions() as session:
        kinds = [LocationKind.BUILDING, LocationKind.SECTION, LocationKind.SYSTEM]
        together = report_data.place_counts(session, period, kinds, limit=1000)
        for kind in kinds:
            assert together[kind] == dashboard.location_counts(session, period, kind), kind
        compared = report_data.subcontractor_performance(
            session, period, compare=periods.year(2025)
        )
    for row in compared:
        done = [
            t
            for t in tickets
            if t.responsible_org_id == row.org_id and periods.year(2025).contains(t.accepted_at)
        ]
        assert (row.handled_before, row.reworked_before) == (
            len(done),
            sum(t.rework_count >= 1 for t in done),
        )
        assert row.received == by_sub[row.org_id].received
    places = Counter(
        t.location_id
        for t in tickets
        if t.location_id and period.contains(t.reported_at) and t.state != "cancelled"
    )
    assert repeats.place_count == sum(1 for n in places.values() if n >= 2)
    assert repeats.ticket_count == sum(n for n in places.values() if n >= 2)


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------


@needs_poppler
def test_cli_writes_each_report(demo_db, tmp_path, capsys) -> None:
    path = str(demo_db.path)
    demo_db.close()
    for args, name in (
        (["monthly", "--month", "2026-10"], "m.pdf"),
        (["quarterly", "--quarter", "2026Q3"], "q.pdf"),
        (["annual", "--year", "2026"], "a.pdf"),
    ):
        target = tmp_path / name
        assert (
            main(["--db", path, "report", *args, "-o", str(target), "--as-of", "2026-11-24"]) == 0
        )
        assert target.read_bytes().startswith(b"%PDF")
    assert "年度保修白皮书-2026年度" in capsys.readouterr().out
    assert "年度保修白皮书" in _text((tmp_path / "a.pdf").read_bytes(), tmp_path, "again.pdf")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["monthly", "--month", "2026-13"], "月份格式应为 YYYY-MM"),
        (["quarterly", "--quarter", "2026Q5"], "季度格式应为 YYYYQn"),
        (["annual"], "需要 --year"),
        (["monthly", "--month", "2026-10", "--year", "2026"], "不接受 --year"),
        (["annual", "--year", "2099"], "尚未开始"),
    ],
)
def test_cli_bad_periods_exit_2_with_a_chinese_message(
    demo_db, tmp_path, capsys, args, message
) -> None:
    target = tmp_path / "x.pdf"
    assert main(["--db", str(demo_db.path), "report", *args, "-o", str(target)]) == 2
    assert message in capsys.readouterr().err
    assert not target.exists()


def test_cli_unknown_report_kind_exits_2(demo_db, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(demo_db.path), "report", "weekly", "--month", "2026-10"])
    assert exit_info.value.code == 2
    assert "未知报表类型" in capsys.readouterr().err


def test_escalations_and_typical_cases_are_read_from_the_store(demo_db) -> None:
    from app.models.escalation import Escalation
    from app.models.retrospective import RetrospectiveMeeting
    from app.models.typical_case import TypicalCase

    period = periods.year(2026)
    with demo_db.sessions() as session:
        figures = report_data.escalation_figures(session, period, NOW)
        cases = report_data.typical_cases(session, period)
        raised = [e for e in session.scalars(select(Escalation)) if period.contains(e.raised_at)]
        held = [
            m
            for m in session.scalars(select(RetrospectiveMeeting))
            if period.contains(m.held_at) and m.status != "planned"
        ]
        published = [
            c for c in session.scalars(select(TypicalCase)) if period.contains(c.published_at)
        ]
    assert figures is not None and cases is not None
    assert figures.escalations == len(raised)
    assert sum(n for _reason, n in figures.by_reason) == len(raised)
    assert figures.retrospectives == len(held)
    assert [c.title for c in cases] == [
        c.title for c in sorted(published, key=lambda c: (c.published_at, c.number))
    ][:6]


def test_store_without_cases_or_escalations_says_so(db) -> None:
    """Every store has the case library and escalation tables (0007); an empty one reads as none."""
    with db.sessions() as session:
        assert report_data.typical_cases(session, periods.year(2026)) == []
        figures = report_data.escalation_figures(session, periods.year(2026))
    assert (figures.escalations, figures.retrospectives, figures.actions) == (0, 0, 0)
