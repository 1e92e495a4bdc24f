"""The sections the summary reports and the white paper share, built from a ReportData."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.documents.layout import para
from app.documents.reports import charts
from app.documents.reports.gather import Place, ReportData
from app.documents.reports.kinds import ReportKind
from app.documents.reports.suggestions import Suggestion, overview_sentence
from app.documents.reports.template import (
    CONTENT_WIDTH,
    DASH,
    ReportStyles,
    count_change,
    data_table,
    fmt_count,
    fmt_hours,
    fmt_rate,
    fmt_score,
    key_figures,
    local_day,
    local_minute,
    no_data,
    rate_change,
    score_change,
)
from app.models.base import to_local
from app.models.sla import AGE_BAND_ZH
from app.models.vocabulary import TICKET_STATE_ZH, TicketState

SCORE_NAMES = {5: "5分 很满意", 4: "4分 满意", 3: "3分 一般", 2: "2分 不满意", 1: "1分 很不满意"}


def _month_names(data: ReportData) -> list[str]:
    if data.kind == ReportKind.ANNUAL:
        return [f"{m.month.month}月" for m in data.trend]
    # Twelve months across a year end: the year on January and on the first month only.
    return [
        f"{m.month.year}.{m.month.month}" if i == 0 or m.month.month == 1 else f"{m.month.month}月"
        for i, m in enumerate(data.trend)
    ]


def as_of_text(data: ReportData) -> str:
    """统计期末（2026年10月31日24时） or, for a period still running, 编制时（2026-11-24 16:00）."""
    if data.period_is_current:
        return f"编制时（{local_minute(data.now)}）"
    last = data.period.last
    return f"统计期末（{last.year}年{last.month}月{last.day}日24时）"


def _hours_change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return DASH
    diff = now - before
    return "持平" if abs(diff) < 0.05 else f"{diff:+.1f}小时"


# ---------------------------------------------------------------------------------------------
# Totals
# ---------------------------------------------------------------------------------------------


def key_figure_row(data: ReportData, st: ReportStyles) -> Flowable:
    v, k = data.volume, data.kpi
    compare_v = data.volume_last_year
    compare_k = data.kpi_last_year
    word = "同比"
    return key_figures(
        st,
        [
            (
                fmt_count(v.received),
                "受理报修（单）",
                f"{word} {count_change(v.received, compare_v.received)}",
            ),
            (
                fmt_count(v.closed),
                "结案归档（单）",
                f"{word} {count_change(v.closed, compare_v.closed)}",
            ),
            (
                fmt_rate(k.on_time_rate),
                "按时完工率",
                f"{word} {rate_change(k.on_time_rate, compare_k.on_time_rate)}",
            ),
            (
                fmt_rate(k.rework_rate),
                "返修率",
                f"{word} {rate_change(k.rework_rate, compare_k.rework_rate)}",
            ),
            (
                fmt_score(k.mean_satisfaction),
                "平均满意度（分）",
                f"{word} {score_change(k.mean_satisfaction, compare_k.mean_satisfaction)}",
            ),
        ],
    )


def totals_table(data: ReportData, st: ReportStyles) -> Flowable:
    """The period's totals beside the period before and (summaries) the same period last year."""
    volumes = (data.volume, data.volume_previous, data.volume_last_year)
    kpis = (data.kpi, data.kpi_previous, data.kpi_last_year)
    # (label, the three periods' figures, how a figure prints, how a change prints)
    lines = [
        ("受理报修（单）", volumes, "received", fmt_count, count_change),
        ("结案归档（单）", volumes, "closed", fmt_count, count_change),
        ("期末在办（单）", volumes, "open_at_end", fmt_count, count_change),
        ("验收通过（单）", kpis, "handled", fmt_count, count_change),
        ("平均响应时长（小时）", kpis, "mean_response_hours", fmt_hours, _hours_change),
        ("按时完工率", kpis, "on_time_rate", fmt_rate, rate_change),
        ("返修率", kpis, "rework_rate", fmt_rate, rate_change),
        ("平均满意度（分）", kpis, "mean_satisfaction", fmt_score, score_change),
        ("投诉（次）", kpis, "complaints", fmt_count, count_change),
    ]
    rows = []
    for label, periods, name, fmt, change in lines:
        now, previous, last_year = (getattr(p, name) for p in periods)
        rows.append((label, fmt(now), fmt(previous), change(now, previous), fmt(last_year),
                     change(now, last_year)))
    if data.kind == ReportKind.ANNUAL:
        header = ["指标", data.label, data.previous_label, "同比变化"]
        widths = [44 * mm, 38 * mm, 38 * mm, 50 * mm]
        return data_table(st, header, [r[:4] for r in rows], widths)
    header = [
        "指标",
        f"本期\n{data.label}",
        f"{data.previous_word}\n{data.previous_label}",
        "环比",
        f"上年同期\n{data.last_year_label}",
        "同比",
    ]
    widths = [36 * mm, 24 * mm, 24 * mm, 31 * mm, 24 * mm, 31 * mm]
    return data_table(st, header, rows, widths)


def totals_note(data: ReportData, st: ReportStyles) -> Flowable:
    return para(
        f"口径：受理按报修时间、结案按归档时间、验收通过与满意度按验收时间、按时完工率按完工报验时间归期"
        f"（docs/kpi.md）；“期末在办”为{as_of_text(data)}尚未归档、未判定不予保修或取消的报修单。"
        f"比率无可计数的报修单时显示“{DASH}”。"
        + (
            "统计期尚未结束：本期为截至编制时的数据，对比期为全期数据。"
            if data.period_is_current
            else ""
        ),
        st.note,
    )


# ---------------------------------------------------------------------------------------------
# Trend
# ---------------------------------------------------------------------------------------------


def overview(data: ReportData, st: ReportStyles) -> list[Flowable]:
    """The opening chapter's body: a sentence, the key figures, the totals and their note."""
    return [
        para(overview_sentence(data), st.body),
        key_figure_row(data, st),
        Spacer(1, 3 * mm),
        totals_table(data, st),
        totals_note(data, st),
    ]


def trend_chart(data: ReportData) -> Flowable:
    t = data.trend
    return charts.trend_chart(
        CONTENT_WIDTH,
        64 * mm,
        _month_names(data),
        [m.received for m in t],
        [m.closed for m in t],
        [m.received_year_before for m in t],
    )


def rates_chart(data: ReportData) -> Flowable:
    return charts.rate_lines(
        CONTENT_WIDTH,
        52 * mm,
        _month_names(data),
        [
            ("按时完工率", charts.GREEN, [r.on_time_rate for r in data.rates]),
            ("返修率", charts.RED, [r.rework_rate for r in data.rates]),
        ],
    )


def monthly_table(data: ReportData, st: ReportStyles) -> Flowable:
    rows = []
    today = to_local(data.now).date()
    for m, r in zip(data.trend, data.rates, strict=True):
        name = f"{m.month.year}年{m.month.month}月"
        if m.month > today:  # a month still to come: nothing to compare yet
            rows.append(
                (name, DASH, fmt_count(m.received_year_before), DASH, DASH, DASH, DASH, DASH)
            )
            continue
        rows.append(
            (
                name,
                fmt_count(m.received),
                fmt_count(m.received_year_before),
                count_change(m.received, m.received_year_before),
                fmt_count(m.closed),
                fmt_rate(r.on_time_rate),
                fmt_rate(r.rework_rate),
                fmt_score(r.mean_satisfaction),
            )
        )
    total = [
        sum(m.received for m in data.trend),
        sum(m.received_year_before for m in data.trend),
        sum(m.closed for m in data.trend),
    ]
    rows.append(
        (
            "合计",
            fmt_count(total[0]),
            fmt_count(total[1]),
            count_change(total[0], total[1]),
            fmt_count(total[2]),
            fmt_rate(data.kpi.on_time_rate),
            fmt_rate(data.kpi.rework_rate),
            fmt_score(data.kpi.mean_satisfaction),
        )
    )
    header = ["月份", "收单", "上年同月", "同比", "结案", "按时完工率", "返修率", "满意度"]
    widths = [24 * mm, 17 * mm, 19 * mm, 30 * mm, 17 * mm, 22 * mm, 20 * mm, 19 * mm]
    return data_table(st, header, rows, widths)


# ---------------------------------------------------------------------------------------------
# Categories
# ---------------------------------------------------------------------------------------------


def category_section(data: ReportData, st: ReportStyles) -> list[Flowable]:
    bars = data.pareto[: data.top]
    if not bars:
        return [no_data(st, "本期报修问题类别")]
    names = [data.category_names.get(b.category_id, b.name) for b in bars]
    chart = charts.horizontal_bars(CONTENT_WIDTH, None, names, [b.count for b in bars])
    rows = []
    for i, (bar, name) in enumerate(zip(bars, names, strict=True), start=1):
        before = data.compare_counts.get(bar.category_id, 0)
        rows.append(
            (
                str(i),
                name,
                fmt_count(bar.count),
                fmt_rate(bar.share),
                fmt_rate(bar.cumulative_share),
                fmt_count(before),
                count_change(bar.count, before),
            )
        )
    header = ["排名", "问题类别", "本期", "占比", "累计占比", data.compare_label, "变化"]
    widths = [12 * mm, 50 * mm, 18 * mm, 19 * mm, 21 * mm, 18 * mm, 32 * mm]
    flow: list[Flowable] = [
        chart,
        Spacer(1, 2 * mm),
        data_table(st, header, rows, widths, align_right_from=2),
    ]
    others = len(data.pareto) - len(bars)
    total = sum(b.count for b in data.pareto)
    note = f"共 {len(data.pareto)} 个类别 {total:,} 单"
    if others > 0:
        rest = sum(b.count for b in data.pareto[len(bars) :])
        note += f"，表中列出前 {len(bars)} 个（其余 {others} 个类别合计 {rest:,} 单）"
    flow.append(para(note + "。", st.note))
    if data.causes:
        diagnosed = sum(n for _c, n in data.causes)
        flow.append(
            para(
                "原因构成（已诊断 "
                + f"{diagnosed:,} 单）："
                + "、".join(
                    f"{name} {n:,} 单（{n / diagnosed * 100:.1f}%）" for name, n in data.causes
                )
                + "。",
                st.body,
            )
        )
    return flow


# ---------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------


def places_chart(rows: list[Place], colour=charts.BLUE) -> Flowable:
    return charts.horizontal_bars(
        CONTENT_WIDTH, None, [r.label for r in rows], [r.count for r in rows], colour=colour
    )


def repeats_table(data: ReportData, st: ReportStyles) -> list[Flowable]:
    r = data.repeats
    if not r.places:
        return [no_data(st, "本期重复报修部位")]
    rows = [
        (str(i), p.project, p.place, fmt_count(p.tickets), str(p.categories))
        for i, p in enumerate(r.places, start=1)
    ]
    header = ["序号", "项目", "部位", "报修次数", "问题类别数"]
    widths = [12 * mm, 60 * mm, 58 * mm, 20 * mm, 20 * mm]
    return [
        para(
            f"本期同一部位报修 2 次及以上的共 {r.place_count:,} 处、{r.ticket_count:,} 单，次数最多的如下：",
            st.body,
        ),
        data_table(st, header, rows, widths, align_right_from=3),
    ]


def recurring_table(data: ReportData, st: ReportStyles) -> list[Flowable]:
    if not data.recurring.rows:
        return [no_data(st, "本期反复出现的同类问题")]
    rows = [
        (str(i), r.project, r.category, fmt_count(r.tickets))
        for i, r in enumerate(data.recurring.rows, 1)
    ]
    header = ["序号", "项目", "问题类别", "报修单数"]
    widths = [12 * mm, 80 * mm, 50 * mm, 28 * mm]
    flow: list[Flowable] = [data_table(st, header, rows, widths, align_right_from=3)]
    if data.recurring.groups > len(rows):
        flow.append(
            para(f"共 {data.recurring.groups:,} 组，表中列出次数最多的 {len(rows)} 组。", st.note)
        )
    return flow


# ---------------------------------------------------------------------------------------------
# SLA and satisfaction
# ---------------------------------------------------------------------------------------------


def sla_section(data: ReportData, st: ReportStyles) -> list[Flowable]:
    rows = [
        (
            f"{t.name}时限",
            fmt_count(t.met),
            fmt_count(t.met - t.late),
            fmt_count(t.late),
            fmt_rate(t.on_time_rate),
        )
        for t in data.sla
    ]
    table = data_table(
        st,
        ["时限", "本期完成", "按时", "超时", "按时率"],
        rows,
        [40 * mm, 32 * mm, 32 * mm, 32 * mm, 34 * mm],
    )
    response = charts.stacked_bars(
        CONTENT_WIDTH,
        50 * mm,
        [b.label for b in data.response],
        [b.met for b in data.response],
        [b.late for b in data.response],
        met_label="响应达标",
        late_label="响应超时",
    )
    repair = charts.stacked_bars(
        CONTENT_WIDTH,
        50 * mm,
        [b.label for b in data.repair],
        [b.met for b in data.repair],
        [b.late for b in data.repair],
        met_label="完工达标",
        late_label="完工超时",
    )
    return [
        table,
        para(
            "各时限按其完成时间归期（接单响应、到场、完工报验），超时 = 完成时间晚于时限（时限已顺延暂停时间）。",
            st.note,
        ),
        KeepTogether([para("响应时长分布（从报修到接单响应）", st.h2), response]),
        KeepTogether([para("维修时长分布（从报修到完工报验）", st.h2), repair]),
        KeepTogether([para("按时完工率与返修率（按月）", st.h2), rates_chart(data)]),
    ]


def satisfaction_section(data: ReportData, st: ReportStyles) -> list[Flowable]:
    k = data.kpi
    rated = sum(data.satisfaction.values())
    pie = charts.score_pie(CONTENT_WIDTH, 48 * mm, data.satisfaction, SCORE_NAMES)
    if not rated:
        text = "本期没有验收通过的报修单，满意度无数据。"
    else:
        text = (
            f"本期验收通过并评分 {rated:,} 单，平均满意度 {fmt_score(k.mean_satisfaction)} 分"
            f"（{data.previous_word} {fmt_score(data.kpi_previous.mean_satisfaction)} 分）。"
        )
    text += (
        f"投诉 {k.complaints} 次：满意度 ≤2 分 {k.low_scores} 次、验收不通过 {k.failed_acceptances} 次、"
        f"已归档后重新打开 {k.reopenings} 次。"
    )
    return [pie, Spacer(1, 2 * mm), para(text, st.body)]


# ---------------------------------------------------------------------------------------------
# Subcontractors, departments
# ---------------------------------------------------------------------------------------------


def subcontractor_table(data: ReportData, st: ReportStyles) -> list[Flowable]:
    rows_in = data.subcontractors
    if not rows_in:
        return [no_data(st, "本期分包单位责任报修")]
    annual = data.kind == ReportKind.ANNUAL
    rows = []
    for r in rows_in:
        row = [
            r.name,
            r.trades or DASH,
            fmt_count(r.received),
            fmt_count(r.completed),
            fmt_rate(r.on_time_rate),
            fmt_count(r.handled),
            fmt_rate(r.rework_rate),
            fmt_score(r.mean_satisfaction),
        ]
        if annual:
            row.append(fmt_rate(r.rework_rate_before))
        rows.append(row)
    header = ["分包单位", "专业", "报修单", "完工", "按时完工率", "验收通过", "返修率", "满意度"]
    widths = [48 * mm, 18 * mm, 15 * mm, 13 * mm, 20 * mm, 17 * mm, 17 * mm, 15 * mm]
    if annual:
        header.append("上年返修率")
        widths = [40 * mm, 16 * mm, 14 * mm, 12 * mm, 19 * mm, 16 * mm, 16 * mm, 14 * mm, 19 * mm]
    return [
        data_table(st, header, rows, widths, align_right_from=2),
        para(
            "按诊断确定的责任分包单位统计：报修单按报修时间、完工与按时完工率按完工报验时间、"
            "验收通过、返修率与满意度按验收时间归期。",
            st.note,
        ),
    ]


def department_table(data: ReportData, st: ReportStyles) -> list[Flowable]:
    if not data.departments:
        return [no_data(st, "本期项目部")]
    rows = [
        (
            r.name,
            fmt_count(r.handled),
            fmt_hours(r.mean_response_hours),
            fmt_rate(r.on_time_rate),
            fmt_rate(r.rework_rate),
            fmt_score(r.mean_satisfaction),
            fmt_count(r.complaints),
        )
        for r in data.departments
    ]
    header = ["项目部", "处理量", "平均响应（小时）", "按时完工率", "返修率", "满意度", "投诉"]
    widths = [46 * mm, 18 * mm, 28 * mm, 22 * mm, 20 * mm, 18 * mm, 18 * mm]
    return [data_table(st, header, rows, widths)]


# ---------------------------------------------------------------------------------------------
# Open problems
# ---------------------------------------------------------------------------------------------


def open_section(data: ReportData, st: ReportStyles) -> list[Flowable]:
    o = data.open_now
    total = sum(b.open for b in o.bands)
    overdue = sum(b.overdue for b in o.bands)
    when = local_day(data.now)
    flow: list[Flowable] = [
        para(
            f"截至{when}，在办报修单 {total:,} 单，其中已逾期 {overdue:,} 单，逾期未回访 {o.overdue_follow_ups:,} 单；"
            f"本期受理的报修单中仍有 {data.still_open:,} 单未结。",
            st.body,
        )
    ]
    rows = [(AGE_BAND_ZH[b.band], fmt_count(b.open), fmt_count(b.overdue)) for b in o.bands]
    rows.append(("合计", fmt_count(total), fmt_count(overdue)))
    flow.append(
        data_table(
            st, ["账龄（自报修日起）", "在办单数", "其中逾期"], rows, [60 * mm, 40 * mm, 40 * mm]
        )
    )
    if data.oldest:
        flow.append(para("等待时间最长的在办报修单", st.h2))
        rows = [
            (
                t.number,
                t.project,
                t.place or DASH,
                t.category or DASH,
                TICKET_STATE_ZH.get(TicketState(t.state), t.state),
                f"{t.age_days} 天",
                "逾期" if t.overdue else "",
            )
            for t in data.oldest
        ]
        header = ["报修单号", "项目", "位置", "问题类别", "状态", "已等待", "时限"]
        widths = [34 * mm, 38 * mm, 32 * mm, 22 * mm, 16 * mm, 16 * mm, 12 * mm]
        flow.append(data_table(st, header, rows, widths, align_right_from=5))
    return flow


def suggestion_list(items: list[Suggestion], st: ReportStyles) -> list[Flowable]:
    return [
        para(f"{i}．【{s.topic}】{s.text}", st.suggestion) for i, s in enumerate(items, start=1)
    ]
