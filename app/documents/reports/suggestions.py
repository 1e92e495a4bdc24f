"""Improvement suggestions and summary sentences written from the figures by fixed rules.

Each rule looks at one kind of figure (categories rising fastest, the subcontractor with the
worst rework, places reported again and again, timers kept late, satisfaction, backlog,
causes), fires above a threshold, and writes its Chinese sentence with the numbers it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.analytics.report_data import SubcontractorRow
from app.documents.reports.gather import ReportData
from app.documents.reports.template import fmt_rate, fmt_score, local_day
from app.models.sla import AgeBand

# A category "rises" when it grew at least this much and had at least MIN_RISING tickets.
RISING_GROWTH = 0.20
MIN_RISING = 5
TOP_SHARE = 0.25  # one category is a quarter of all tickets: the year's first problem
MIN_SUB_TICKETS = 5  # subcontractors with fewer accepted tickets are not ranked
SLA_TARGET = 0.90
MIN_TIMERS = 10
SATISFACTION_TARGET = 4.2
LOW_SCORE_SHARE = 0.05
REWORK_TARGET = 0.08
CONSTRUCTION_SHARE = 0.60
MAX_RISING = 3

# Advice by what the category name says (first match wins).
_CATEGORY_ADVICE = (
    (
        ("渗", "漏", "水"),
        "建议复核防水节点做法（附加层、闭水试验、细部收口），在雨季前对在保项目开展专项排查。",
    ),
    (
        ("裂", "空鼓", "脱落", "沉陷", "沉降", "起砂"),
        "建议分析开裂、空鼓的成因（温度应力、沉降、基层处理），在同类在建项目中加强工序验收。",
    ),
    (("堵", "排水"), "建议对排水系统做通球与疏通检查，完善交付前的管道冲洗和验收。"),
    (
        ("电", "路灯", "配电", "自控", "报警"),
        "建议对电气线路和控制系统开展专项巡检，核查材料设备批次。",
    ),
    (("暖", "空调", "热", "冷"), "建议在采暖、供冷季前完成系统调试与巡检，备足常用配件。"),
    (("门窗", "五金"), "建议核查门窗五金的选型与安装质量，交付前逐樘检查启闭。"),
)
_TIMER_ADVICE = {
    "响应": "建议设置值班接单和超时提醒，报修后按时限联系业主。",
    "到场": "建议按片区就近配置保修人员，预约时即备料，减少二次上门。",
    "完工": "建议对超期维修逐单分析原因，必要时调配分包力量或报项目经理协调。",
}


@dataclass(frozen=True)
class Suggestion:
    topic: str  # 问题类别 / 分包单位 / 重复报修 …
    text: str


def _advice(name: str) -> str:
    for words, advice in _CATEGORY_ADVICE:
        if any(w in name for w in words):
            return advice
    return "建议组织专项分析，查明原因后制定预防措施并纳入施工技术交底。"


def rising_categories(data: ReportData) -> list[tuple[str, int, int, float | None]]:
    """(name, now, before, growth) of the categories rising fastest; growth None for new ones."""
    rows = []
    for bar in data.pareto:
        if bar.category_id is None or bar.count < MIN_RISING:
            continue
        before = data.compare_counts.get(bar.category_id, 0)
        name = data.category_names.get(bar.category_id, bar.name)
        if before == 0:
            rows.append((name, bar.count, 0, None))
        elif (bar.count - before) / before >= RISING_GROWTH:
            rows.append((name, bar.count, before, (bar.count - before) / before))
    # New categories first (infinite growth), then by growth, then by count.
    rows.sort(key=lambda r: (r[3] is not None, -(r[3] or 0), -r[1], r[0]))
    return rows[:MAX_RISING]


def _worst(rows: list[SubcontractorRow], rate, reverse: bool) -> SubcontractorRow | None:
    ranked = [r for r in rows if rate(r) is not None]
    if not ranked:
        return None
    ranked.sort(key=lambda r: ((-rate(r)) if reverse else rate(r), r.name))
    return ranked[0]


def suggestions(data: ReportData) -> list[Suggestion]:
    """The suggestions the figures call for, each citing its numbers; at least one."""
    found: list[Suggestion] = []
    kpi, word = data.kpi, data.compare_label

    for name, now, before, growth in rising_categories(data):
        if growth is None:
            text = f"「{name}」本期报修 {now} 单，{word}为 0 单，属新出现的问题。"
        else:
            text = (
                f"「{name}」本期报修 {now} 单，较{word} {before} 单增长 {growth * 100:.0f}%，"
                f"增幅居各类别前列。"
            )
        found.append(Suggestion("问题类别", text + _advice(name)))

    total = sum(b.count for b in data.pareto)
    if data.pareto and total and data.pareto[0].share >= TOP_SHARE:
        top = data.pareto[0]
        name = data.category_names.get(top.category_id, top.name)
        found.append(
            Suggestion(
                "问题类别",
                (
                    f"「{name}」占全部报修的 {top.share * 100:.1f}%（{top.count}/{total} 单），是首要问题，"
                    f"建议列为质量改进重点课题，由技术负责人牵头制定专项治理方案。"
                ),
            )
        )

    ranked = [r for r in data.subcontractors if r.handled >= MIN_SUB_TICKETS]
    worst = _worst(ranked, lambda r: r.rework_rate, reverse=True)
    if (
        worst is not None
        and worst.rework_rate
        and (kpi.rework_rate is None or worst.rework_rate > kpi.rework_rate)
    ):
        found.append(
            Suggestion(
                "分包单位",
                (
                    f"分包单位「{worst.name}」返修率 {fmt_rate(worst.rework_rate)}"
                    f"（{worst.reworked}/{worst.handled} 单），"
                    f"高于全部报修单平均返修率 {fmt_rate(kpi.rework_rate)}。"
                    f"建议约谈该单位，将返修率纳入分包考核，返修费用按合同从质保金中扣回。"
                ),
            )
        )
    slow = _worst(
        [r for r in data.subcontractors if r.completed >= MIN_SUB_TICKETS],
        lambda r: r.on_time_rate,
        reverse=False,
    )
    if (
        slow is not None
        and kpi.on_time_rate is not None
        and slow.on_time_rate is not None
        and slow.on_time_rate < kpi.on_time_rate - 0.10
    ):
        found.append(
            Suggestion(
                "分包单位",
                (
                    f"分包单位「{slow.name}」按时完工率仅 {fmt_rate(slow.on_time_rate)}"
                    f"（{slow.completed_on_time}/{slow.completed} 单），"
                    f"低于平均 {fmt_rate(kpi.on_time_rate)}"
                    f" 超过 10 个百分点。建议要求其增派人员并按周报告在修单进度。"
                ),
            )
        )

    repeats = data.repeats
    if repeats.places:
        first = repeats.places[0]
        found.append(
            Suggestion(
                "重复报修",
                (
                    f"{first.project}「{first.place}」本期报修 {first.tickets} 次"
                    f"（涉及 {first.categories} 类问题）；"
                    f"本期共有 {repeats.place_count} 处部位重复报修，合计 {repeats.ticket_count} 单。"
                    f"建议对重复报修部位逐户回访、整体排查，查清根源后一次修复，避免“头痛医头”。"
                ),
            )
        )

    behind = [
        t
        for t in data.sla
        if t.met >= MIN_TIMERS and t.on_time_rate is not None and t.on_time_rate < SLA_TARGET
    ]
    if behind:
        figures = "；".join(
            f"{t.name}按时率 {fmt_rate(t.on_time_rate)}（{t.met} 单中超时 {t.late} 单）"
            for t in behind
        )
        # The advice of the worst timer: one clear action rather than three.
        worst = min(behind, key=lambda t: t.on_time_rate or 0)
        found.append(
            Suggestion(
                "服务时效",
                (f"{figures}，低于 {SLA_TARGET * 100:.0f}% 的目标。{_TIMER_ADVICE[worst.name]}"),
            )
        )

    rated = sum(data.satisfaction.values())
    low = data.satisfaction.get(1, 0) + data.satisfaction.get(2, 0)
    if rated and (
        kpi.mean_satisfaction is not None
        and kpi.mean_satisfaction < SATISFACTION_TARGET
        or low / rated >= LOW_SCORE_SHARE
    ):
        found.append(
            Suggestion(
                "业主满意度",
                (
                    f"平均满意度 {fmt_score(kpi.mean_satisfaction)} 分，低分（≤2 分）{low} 单，"
                    f"占已评分的 {low / rated * 100:.1f}%。建议对低分业主 100% 回访，"
                    f"由项目经理当面沟通并跟踪整改承诺。"
                ),
            )
        )

    if kpi.rework_rate is not None and kpi.rework_rate >= REWORK_TARGET:
        found.append(
            Suggestion(
                "返修",
                (
                    f"返修率 {fmt_rate(kpi.rework_rate)}（{kpi.reworked}/{kpi.handled} 单）高于 "
                    f"{REWORK_TARGET * 100:.0f}% 的控制线。建议完工前增加自检和班组互检，验收不通过的单据逐单复盘。"
                ),
            )
        )

    long_open = next((b for b in data.open_now.bands if b.band == AgeBand.OVER_30), None)
    if long_open is not None and long_open.open:
        found.append(
            Suggestion(
                "积压",
                (
                    f"截至{local_day(data.now)}，在办超过 30 天的报修单 {long_open.open} 单"
                    f"（其中逾期 {long_open.overdue} 单）。建议按单督办，超期原因报项目经理审定。"
                ),
            )
        )

    diagnosed = sum(n for _name, n in data.causes)
    construction = dict(data.causes).get("施工质量缺陷", 0)
    if diagnosed and construction / diagnosed >= CONSTRUCTION_SHARE:
        found.append(
            Suggestion(
                "质量源头",
                (
                    f"已诊断的报修中施工质量缺陷占 {construction / diagnosed * 100:.1f}%"
                    f"（{construction}/{diagnosed} 单）。建议把高发问题写入岗前培训和技术交底，"
                    f"并在在建项目的隐蔽工程验收中重点检查。"
                ),
            )
        )

    if not found:
        found.append(
            Suggestion(
                "总体",
                (
                    f"本期各项指标均在目标范围内（按时完工率 {fmt_rate(kpi.on_time_rate)}，"
                    f"返修率 {fmt_rate(kpi.rework_rate)}，平均满意度 {fmt_score(kpi.mean_satisfaction)} 分），"
                    f"建议保持现有做法，持续跟踪。"
                ),
            )
        )
    return found


def overview_sentence(data: ReportData) -> str:
    """The opening paragraph of 总体情况: what happened in the period, compared."""
    v, vp, vl, k = data.volume, data.volume_previous, data.volume_last_year, data.kpi
    if not v.received and not v.closed and not k.handled and not k.completed:
        return f"{data.label}无数据：本期没有受理、完工或验收的报修单。"

    def versus(now: int, before: int, word: str) -> str:
        if before == 0:
            return f"{word}为 0 单" if now else f"{word}同为 0 单"
        diff = now - before
        if diff == 0:
            return f"与{word}持平"
        return f"较{word}{'增加' if diff > 0 else '减少'} {abs(diff)} 单（{diff / before * 100:+.1f}%）"

    so_far = "（截至" + local_day(data.now) + "）" if data.period_is_current else ""
    parts = [
        f"{data.label}{so_far}共受理报修 {v.received} 单，"
        + versus(v.received, vp.received, data.previous_word),
    ]
    if data.kind != "annual":
        parts.append(f"{versus(v.received, vl.received, '上年同期')}")
    text = "，".join(parts) + "。"
    text += (
        f"结案（归档）{v.closed} 单，期末在办 {v.open_at_end} 单；验收通过 {k.handled} 单，"
        f"按时完工率 {fmt_rate(k.on_time_rate)}，返修率 {fmt_rate(k.rework_rate)}，"
        f"平均满意度 {fmt_score(k.mean_satisfaction)} 分，投诉 {k.complaints} 次。"
    )
    return text
