"""保修工作总结 (monthly / quarterly summary report): one flowing document, no contents page."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from app.documents.layout import para
from app.documents.reports import parts
from app.documents.reports.gather import ReportData
from app.documents.reports.kinds import REPORT_TITLE_ZH, period_range
from app.documents.reports.suggestions import suggestions
from app.documents.reports.template import ReportStyles, chapter, cover_block, local_minute


def story(data: ReportData, st: ReportStyles) -> list[Flowable]:
    title = REPORT_TITLE_ZH[data.kind]
    gap = "\u00a0" * 6  # ReportLab collapses ordinary and ideographic spaces
    so_far = "（统计期未结束，数据截至编制时）" if data.period_is_current else ""
    lines = [
        f"编制单位：{data.company}{gap}统计期：{period_range(data.period)}",
        f"对比期：{data.previous_word}（{data.previous_label}）、上年同期（{data.last_year_label}）"
        f"{gap}编制时间：{local_minute(data.now)}{so_far}",
    ]
    flow: list[Flowable] = cover_block(st, title, data.label, lines)

    flow += [
        *chapter(st, "一、总体情况", 0, "s1"),
        *parts.overview(data, st),
    ]
    flow += [
        KeepTogether(
            [
                *chapter(st, "二、收单与结案趋势（近 12 个月）", 0, "s2"),
                parts.trend_chart(data),
                para("柱：各月受理与结案（归档）单数；虚线：上年同月受理单数。", st.note),
            ]
        )
    ]
    flow += [*chapter(st, "三、主要问题类别", 0, "s3"), *parts.category_section(data, st)]
    flow += [*chapter(st, "四、高发部位", 0, "s4")]
    if data.buildings:
        flow += [
            para("报修最多的楼栋（含其下单元、楼层、房间）", st.h2),
            parts.places_chart(data.buildings),
        ]
    flow += [para("重复报修部位", st.h2), *parts.repeats_table(data, st)]
    flow += [*chapter(st, "五、服务时效（SLA）", 0, "s5"), *parts.sla_section(data, st)]
    flow += [*chapter(st, "六、业主满意度", 0, "s6"), *parts.satisfaction_section(data, st)]
    flow += [*chapter(st, "七、分包单位表现", 0, "s7"), *parts.subcontractor_table(data, st)]
    flow += [
        *chapter(st, "八、未结问题", 0, "s8"),
        *parts.open_section(data, st),
        para("反复出现的同类问题（同一项目、同一类别本期 3 次及以上）", st.h2),
        *parts.recurring_table(data, st),
    ]
    flow += [*chapter(st, "九、工作建议", 0, "s9"), *parts.suggestion_list(suggestions(data), st)]
    return flow
