"""不予保修告知书: tells the owner why a problem is not covered, on which rule, and the options."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.documents.layout import (
    BLANK_DATE,
    CELL_FONT,
    CONTENT_WIDTH,
    INK,
    MUTED,
    FormTable,
    SealBox,
    SignLine,
    checkbox,
    fmt_date,
    heading_table,
    para,
)
from app.documents.sections import (
    FormContext,
    cause_text,
    channel_text,
    contact_name,
    coverage_text,
    part_text,
    photo_grid,
    pick_photos,
)
from app.models.coverage import EXCLUDED_CAUSES
from app.models.vocabulary import Coverage, PhotoStage

LAW_PERIODS = "《建设工程质量管理条例》第四十条（最低保修期限）及本项目工程质量保修书约定的保修期限"
LAW_EXCLUSIONS = (
    "《房屋建筑工程质量保修办法》第十七条：因使用不当或者第三方造成的质量缺陷，"
    "以及不可抗力造成的质量缺陷，不属于保修范围"
)
LAW_JUDGEMENT = "《建设工程质量管理条例》第四十一条：保修范围和保修期限内发生质量问题的，施工单位应当履行保修义务"


def rule_text(ctx: FormContext) -> str:
    """The rule the ruling rests on: an expired period, an excluded cause, or an expert's finding."""
    cause = ctx.record.values.get("cause")
    coverage = ctx.record.values.get("coverage")
    rules = []
    if coverage == Coverage.EXPIRED:
        rules.append(LAW_PERIODS)
    if cause in EXCLUDED_CAUSES:
        rules.append(LAW_EXCLUSIONS)
    if not rules:
        rules.append(f"{LAW_JUDGEMENT}；经现场查勘及专业研判，本问题不属于施工单位的保修责任")
    return "；\n".join(rules)


def story(ctx: FormContext) -> list[Flowable]:
    rec, st = ctx.record, ctx.st
    flow: list[Flowable] = []
    name = contact_name(rec) or "业主"
    description = ctx.value("description")
    if len(description) > 60:
        description = description[:58] + "……"
    channel = channel_text(ctx)
    opening = (
        f"您于{fmt_date(rec.values.get('reported_at'))}{'通过' + channel if channel else ''}反映的"
        f"{rec.project_name}{rec.location}“{description}”问题（报修单号：{rec.number}），"
        f"我司保修人员已于{fmt_date(rec.values.get('diagnosed_at') or rec.values.get('arrived_at'))}"
        "进行现场查勘。经诊断并经项目部审批，该问题不属于我司免费保修范围，现将有关情况告知如下："
    )
    flow += [para(f"{name}：", st.letter.clone("salutation", firstLineIndent=0)),
             para(opening, st.letter), Spacer(1, 3 * mm)]

    ruling = FormTable(st).section("一、判定情况")
    ruling.pairs(("工程部位", part_text(ctx)), ("原因", cause_text(ctx)))
    ruling.pairs(("保修判定", coverage_text(ctx)),
                 ("保修期至", fmt_date(rec.values.get("coverage_end_date"))))
    ruling.wide("保修期限", rec.warranty_text)
    ruling.wide("判定依据", ctx.value("coverage_reason"))
    ruling.wide("不予保修理由", ctx.value("not_covered_reason"), min_height=10 * mm)
    ruling.wide("依据条款", rule_text(ctx))
    ruling.pairs(("审批人", rec.approver_name), ("审批日期", fmt_date(rec.not_covered_at)))
    flow += [*ruling.build(), Spacer(1, 3 * mm)]

    photos = photo_grid(ctx, pick_photos(rec, 2, (PhotoStage.BEFORE,)), 40 * mm)
    if photos is not None:
        flow += [KeepTogether([heading_table(st, "二、现场照片"), photos]), Spacer(1, 3 * mm)]

    offered = bool(rec.values.get("paid_repair_offered"))
    options = []
    if offered:
        options.append("委托我司有偿维修：维修前另行报价，经您书面确认后施工，费用按实结算；")
    options += [
        "自行委托有资质的单位维修；如系第三方原因造成，可向责任方主张赔偿；",
        "如对本判定有异议，可在收到本告知书之日起 15 日内向项目部书面申请复核，或共同委托有资质的"
        "检测机构鉴定；经鉴定属于保修范围的，鉴定及维修费用由我司承担。",
    ]
    contact = rec.owner_name + (f"，电话 {rec.owner_phone}" if rec.owner_phone else "")
    section = "三" if photos is not None else "二"
    choices = FormTable(st).section(f"{section}、您可以选择的处理方式")
    choices.wide("处理方式", "\n".join(f"{i}. {text}" for i, text in enumerate(options, 1)))
    choices.pairs(("有偿维修", "■ 可提供" if offered else "□ 可提供　■ 暂不提供"), ("联系人", contact))
    flow += [KeepTogether(choices.build()), Spacer(1, 4 * mm)]

    sign = Table(
        [["", para("特此告知。", st.body), SealBox(28 * mm)],
         ["", para(f"{rec.company}\n{rec.project_dept}（盖章）", st.body), ""],
         ["", para(f"{fmt_date(rec.not_covered_at) or BLANK_DATE}", st.body), ""]],
        colWidths=[CONTENT_WIDTH - 110 * mm, 78 * mm, 32 * mm],
        style=TableStyle([CELL_FONT, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                          ("SPAN", (2, 0), (2, 2))]),
    )
    flow += [KeepTogether([sign]), Spacer(1, 5 * mm)]
    flow.append(KeepTogether(_receipt(ctx)))
    return flow


def _receipt(ctx: FormContext) -> list[Flowable]:
    rec, st = ctx.record, ctx.st
    cut = Table([[para("沿此线剪开，回执由业主签字后交项目部存档", st.caption)]],
                colWidths=[CONTENT_WIDTH],
                style=TableStyle([CELL_FONT, ("LINEABOVE", (0, 0), (-1, 0), 0.6, MUTED, None, (3, 3))]))
    body = [
        para("回　执", st.title.clone("receipt", fontSize=14, leading=20)),
        para(f"{rec.project_dept or rec.company}：", st.value),
        para(f"本人已收到《不予保修告知书》（报修单号：{rec.number}），已知悉其内容。本人选择：", st.value),
        Spacer(1, 2 * mm),
        para("　　".join([checkbox(False, "申请有偿维修"), checkbox(False, "自行维修"),
                         checkbox(False, "申请复核")]), st.value),
        Spacer(1, 4 * mm),
        Table([[para("业主签字：", st.value), SignLine(45 * mm), para("联系电话：", st.value),
                SignLine(40 * mm)],
               [para("日　　期：", st.value), para(BLANK_DATE, st.value), "", ""]],
              colWidths=[22 * mm, 55 * mm, 22 * mm, 50 * mm],
              style=TableStyle([CELL_FONT, ("VALIGN", (0, 0), (-1, -1), "BOTTOM")])),
    ]
    box = Table([[body]], colWidths=[CONTENT_WIDTH],
                style=TableStyle([CELL_FONT, ("BOX", (0, 0), (-1, -1), 1.1, INK),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 8),
                                  ("TOPPADDING", (0, 0), (-1, -1), 6),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return [cut, Spacer(1, 2 * mm), box]


def subtitle(ctx: FormContext) -> str:
    rec = ctx.record
    return f"报修单号：{rec.number}　　告知日期：{fmt_date(rec.not_covered_at)}"
