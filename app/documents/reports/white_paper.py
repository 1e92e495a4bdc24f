"""年度保修白皮书 (the annual white paper): cover, contents and eight chapters."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from app.documents.layout import para
from app.documents.reports import charts, parts
from app.documents.reports.gather import ReportData
from app.documents.reports.kinds import period_range
from app.documents.reports.suggestions import rising_categories, suggestions
from app.documents.reports.template import (
    ReportStyles,
    chapter,
    contents,
    cover_story,
    data_table,
    fmt_count,
    heading,
    local_minute,
    no_data,
)

NO_CASES = "本年度暂无典型案例"
NO_ESCALATIONS = "本年度暂无升级处理与专项复盘记录"


def story(data: ReportData, st: ReportStyles) -> list[Flowable]:
    year = data.period.first.year
    flow: list[Flowable] = cover_story(
        st,
        "年度保修白皮书",
        f"{year}年度",
        [
            data.company,
            f"统计期：{period_range(data.period)}",
            f"编制时间：{local_minute(data.now)}"
            + ("（年度未结束，数据截至编制时）" if data.period_is_current else ""),
        ],
    )
    flow += [*contents(st), PageBreak()]

    flow += [
        *chapter(st, "一、年度概览", 0, "c1"),
        *parts.overview(data, st),
    ]

    flow += [
        *chapter(st, "二、月度趋势", 0, "c2"),
        KeepTogether(
            [
                heading(st, "（一）收单与结案", 1, "c2-1"),
                parts.trend_chart(data),
                para("柱：各月受理与结案（归档）单数；虚线：上年同月受理单数。", st.note),
            ]
        ),
        heading(st, "（二）按月指标", 1, "c2-2"),
        parts.monthly_table(data, st),
        Spacer(1, 3 * mm),
        parts.rates_chart(data),
    ]

    flow += [
        *chapter(st, "三、主要问题类别与典型案例", 0, "c3"),
        heading(st, "（一）问题类别排行", 1, "c3-1"),
        *parts.category_section(data, st),
        heading(st, "（二）增长最快的类别", 1, "c3-2"),
        *_rising(data, st),
        heading(st, "（三）典型案例", 1, "c3-3"),
        *_cases(data, st),
    ]

    flow += [*chapter(st, "四、高发部位", 0, "c4")]
    sub = 0
    for title, rows, colour in (
        ("楼栋（住宅、厂房）", data.buildings, charts.BLUE),
        ("路段（市政道路、基础设施）", data.sections, charts.ORANGE),
        ("系统（机电安装）", data.systems, charts.GREEN),
    ):
        if rows:
            sub += 1
            flow += [
                KeepTogether(
                    [
                        heading(st, f"（{'一二三四'[sub - 1]}）{title}", 1, f"c4-{sub}"),
                        parts.places_chart(rows, colour),
                    ]
                )
            ]
    if not sub:
        flow.append(no_data(st, "本年度按部位统计的报修"))
    sub += 1
    flow += [
        heading(st, f"（{'一二三四'[sub - 1]}）重复报修部位", 1, f"c4-{sub}"),
        *parts.repeats_table(data, st),
    ]

    flow += [
        *chapter(st, "五、分包单位与项目部表现", 0, "c5"),
        heading(st, "（一）分包单位", 1, "c5-1"),
        *parts.subcontractor_table(data, st),
        heading(st, "（二）项目部", 1, "c5-2"),
        *parts.department_table(data, st),
    ]

    flow += [
        *chapter(st, "六、服务时效与业主满意度", 0, "c6"),
        heading(st, "（一）服务时效（SLA）", 1, "c6-1"),
        *parts.sla_section(data, st),
        heading(st, "（二）业主满意度", 1, "c6-2"),
        *parts.satisfaction_section(data, st),
        heading(st, "（三）在办与积压", 1, "c6-3"),
        *parts.open_section(data, st),
    ]

    flow += [*chapter(st, "七、升级处理与专项复盘", 0, "c7"), *_escalations(data, st)]

    flow += [
        *chapter(st, "八、改进建议", 0, "c8"),
        para(
            "以下建议由系统按固定规则从本年度数据生成，每条均注明所依据的数字，供年度保修工作会议讨论。",
            st.note,
        ),
        *parts.suggestion_list(suggestions(data), st),
    ]
    return flow


def _rising(data: ReportData, st: ReportStyles) -> list[Flowable]:
    rows = rising_categories(data)
    if not rows:
        return [para("与上年相比，没有报修量增长 20% 以上（且全年 5 单以上）的问题类别。", st.body)]
    table_rows = [
        (
            name,
            fmt_count(now),
            fmt_count(before),
            "新出现" if growth is None else f"+{growth * 100:.0f}%",
        )
        for name, now, before, growth in rows
    ]
    return [
        data_table(
            st,
            ["问题类别", data.label, data.previous_label, "增长"],
            table_rows,
            [70 * mm, 32 * mm, 32 * mm, 36 * mm],
        )
    ]


def _cases(data: ReportData, st: ReportStyles) -> list[Flowable]:
    if not data.cases:
        return [para(NO_CASES + "。", st.body)]
    flow: list[Flowable] = []
    for i, case in enumerate(data.cases, start=1):
        when = (
            f"（{case.occurred_on.year}年{case.occurred_on.month}月）" if case.occurred_on else ""
        )
        flow += [
            para(f"案例{i}　{case.title}{when}", st.h2),
            para(f"问题类别：{case.category or '—'}", st.note),
            para(f"问题与原因：{case.summary}", st.body),
            para(f"整改与预防措施：{case.measures}", st.body),
        ]
    return flow


def _escalations(data: ReportData, st: ReportStyles) -> list[Flowable]:
    t = data.triggers
    rows = [
        ("涉及结构安全的报修", fmt_count(t.structural)),
        ("紧急报修", fmt_count(t.emergencies)),
        ("验收通过时已返修 2 次及以上", fmt_count(t.repeated_rework)),
        ("有时限超时完成的报修", fmt_count(t.sla_breached)),
        ("同一项目同类问题全年 3 次及以上（项目 × 类别组合）", fmt_count(data.recurring.groups)),
    ]
    flow: list[Flowable] = [
        heading(st, "（一）达到升级条件的问题", 1, "c7-1"),
        data_table(st, ["升级条件", "本年度"], rows, [120 * mm, 50 * mm]),
        para("按 SPEC F3 的自动升级条件从报修数据统计；共性问题的完整列表见下表。", st.note),
        *parts.recurring_table(data, st),
        heading(st, "（二）升级处理与复盘成效", 1, "c7-2"),
    ]
    e = data.escalations
    if not e.escalations and not e.retrospectives:
        flow.append(para(NO_ESCALATIONS + "。", st.body))
        return flow
    reasons = "、".join(f"{name} {n} 次" for name, n in e.by_reason) or "—"
    text = (
        f"本年度升级处理 {e.escalations} 次（{reasons}），召开专项复盘会议 {e.retrospectives} 次，"
        f"形成整改与预防措施 {e.actions} 项，已关闭 {e.actions_closed} 项。"
    )
    if e.repeat_before is not None and e.repeat_after is not None:
        text += (
            f"复盘涉及的问题类别在复盘前同期报修 {e.repeat_before} 单，复盘后 {e.repeat_after} 单。"
        )
    flow.append(para(text, st.body))
    return flow


__all__ = ["NO_CASES", "NO_ESCALATIONS", "story"]
