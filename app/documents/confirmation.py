"""保修完成确认单: the completion confirmation form the owner signs at acceptance."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.documents.layout import (
    BLANK_DATE,
    LABEL_FILL,
    FormTable,
    SealBox,
    SignLine,
    checkbox,
    fmt_date,
    fmt_dt,
    fmt_number,
    grid_table,
    heading_table,
    para,
)
from app.documents.sections import (
    FormContext,
    cause_text,
    channel_text,
    contact_name,
    contact_phone,
    coverage_text,
    latest_signature,
    part_text,
    person_with_phone,
    photo_grid,
    pick_photos,
    responsible_text,
    signature_cell,
    signature_date,
)
from app.models.vocabulary import AcceptanceResult, SignerRole

SATISFACTION_ZH = {5: "非常满意", 4: "满意", 3: "一般", 2: "不满意", 1: "很不满意"}


def story(ctx: FormContext) -> list[Flowable]:
    """The form's body below the title."""
    rec, st = ctx.record, ctx.st
    flow: list[Flowable] = []

    intake = FormTable(st).section("一、报修信息")
    intake.pairs(("项目名称", rec.project_name), ("项目编号", rec.project_code))
    intake.pairs(("报修单号", rec.number), ("报修时间", fmt_dt(rec.values.get("reported_at"))))
    intake.pairs(("业主/报修人", contact_name(rec)), ("联系电话", contact_phone(rec)))
    intake.pairs(("报修位置", rec.location), ("报修渠道", channel_text(ctx)))
    intake.wide("问题描述", ctx.value("description"), min_height=12 * mm)
    flow += [*intake.build(), Spacer(1, 3 * mm)]

    diagnosis = FormTable(st).section("二、诊断与保修判定")
    diagnosis.pairs(("原因", cause_text(ctx)), ("缺陷类别", rec.category))
    diagnosis.pairs(("工程部位", part_text(ctx)), ("保修判定", coverage_text(ctx)))
    diagnosis.pairs(("责任方", responsible_text(ctx)),
                    ("保修期至", fmt_date(rec.values.get("coverage_end_date"))))
    diagnosis.wide("判定依据", ctx.value("coverage_reason"))
    flow += [*diagnosis.build(), Spacer(1, 3 * mm)]

    work = FormTable(st).section("三、维修情况")
    work.pairs(("维修人员", ctx.value("plan_people")),
               ("责任人", person_with_phone(rec.owner_name, rec.owner_phone)))
    work.pairs(("到场时间", fmt_dt(rec.values.get("arrived_at"))),
               ("完工时间", fmt_dt(rec.values.get("completed_at"))))
    work.pairs(("作业指导书", ctx.value("plan_sop_ref")),
               ("返修次数", str(rec.values.get("rework_count") or 0)))
    flow += work.build()
    logs = [
        [fmt_dt(log.started_at), log.people, log.description, log.materials_used]
        for log in rec.work_logs
    ] or [["", "", "", ""]]
    flow.append(grid_table(st, ["作业时间", "作业人员", "维修内容", "使用材料"], logs,
                           [28 * mm, 32 * mm, 76 * mm, 38 * mm]))
    if rec.materials:
        rows = [[str(i), m.name, m.spec, fmt_number(m.quantity), m.unit]
                for i, m in enumerate(rec.materials, 1)]
        flow.append(grid_table(st, ["序号", "材料名称", "规格型号", "数量", "单位"], rows,
                               [14 * mm, 64 * mm, 56 * mm, 20 * mm, 20 * mm]))
    flow.append(Spacer(1, 3 * mm))

    photos = photo_grid(ctx, pick_photos(rec))
    if photos is not None:
        flow += [KeepTogether([heading_table(st, "四、维修前后照片"), photos]), Spacer(1, 3 * mm)]

    flow.append(KeepTogether(_acceptance(ctx, "五、验收意见" if photos else "四、验收意见")))
    flow.append(Spacer(1, 3 * mm))
    flow.append(KeepTogether(_signatures(ctx, "六、签字确认" if photos else "五、签字确认")))
    flow += [Spacer(1, 2 * mm), para(
        "说明：本确认单一式两份，业主与项目部各执一份；业主签字即确认上述维修已完成并验收。"
        "本单内容以保修工作台记录为准，可凭核验码核对。", st.small)]
    return flow


def _acceptance(ctx: FormContext, title: str) -> list[Flowable]:
    rec, st = ctx.record, ctx.st
    result = rec.values.get("acceptance_result")
    score = rec.values.get("satisfaction")
    table = FormTable(st).section(title)
    table.pairs(
        ("验收结果", "　".join([checkbox(result == AcceptanceResult.PASSED, "验收通过"),
                              checkbox(result == AcceptanceResult.FAILED, "验收不通过")])),
        ("验收时间", fmt_dt(rec.values.get("accepted_at"))),
    )
    table.wide("满意度", "　".join(checkbox(score == value, f"{label}（{value}分）")
                                  for value, label in SATISFACTION_ZH.items()))
    opinion = "\n".join(t for t in (ctx.value("acceptance_comment"), ctx.value("satisfaction_comment")) if t)
    table.wide("业主意见", opinion, min_height=14 * mm)
    return table.build()


def _signatures(ctx: FormContext, title: str) -> list[Flowable]:
    st = ctx.st
    owner = latest_signature(ctx.record, SignerRole.OWNER)
    technician = latest_signature(ctx.record, SignerRole.TECHNICIAN)
    table = FormTable(st).section(title)
    table.pairs(("业主签字", signature_cell(ctx, owner, 58 * mm)),
                ("维修人员签字", signature_cell(ctx, technician, 58 * mm)), min_height=18 * mm)
    table.pairs(("签字日期", signature_date(owner)), ("签字日期", signature_date(technician)))
    confirm = [
        para("经现场验收，维修工作已按计划完成，同意确认。", st.value),
        Spacer(1, 5 * mm),
        para("项目负责人（签字）：", st.value),
        SignLine(50 * mm),
        para(f"日期：{BLANK_DATE}", st.value),
    ]
    table.raw(
        [para("项目部确认", st.label), confirm, "", SealBox(30 * mm, "项目部（盖章）")],
        ("SPAN", (1, 0), (2, 0)),
        ("BACKGROUND", (0, 0), (0, 0), LABEL_FILL),
        ("ALIGN", (3, 0), (3, 0), "CENTER"),
    )
    return table.build()


def subtitle(ctx: FormContext) -> str:
    rec = ctx.record
    return f"报修单号：{rec.number}　　记录日期：{fmt_date(rec.last_change_at)}"

