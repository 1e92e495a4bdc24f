"""维修派工单: the work order a technician takes to site, with a sign-off table."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.documents.layout import (
    FormTable,
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
    contact_name,
    contact_phone,
    coverage_text,
    part_text,
    person_with_phone,
    photo_grid,
    pick_photos,
    responsible_text,
    urgency_text,
    yes_no,
)
from app.models.vocabulary import PhotoStage


def story(ctx: FormContext) -> list[Flowable]:
    rec, st = ctx.record, ctx.st
    flow: list[Flowable] = []

    dispatch = FormTable(st).section("一、派工信息")
    dispatch.pairs(("报修单号", rec.number), ("紧急程度", urgency_text(ctx)))
    dispatch.pairs(("派工时间", fmt_dt(rec.values.get("planned_at"))),
                   ("预约上门", fmt_dt(rec.values.get("plan_appointment_at"))))
    dispatch.pairs(("责任人", person_with_phone(rec.owner_name, rec.owner_phone)),
                   ("完工时限", fmt_dt(rec.values.get("completion_due_at"))))
    hours = fmt_number(rec.values.get("plan_duration_hours"))
    dispatch.pairs(("预计工期", f"{hours} 小时" if hours else ""),
                   ("返修次数", str(rec.values.get("rework_count") or 0)))
    flow += [*dispatch.build(), Spacer(1, 3 * mm)]

    site = FormTable(st).section("二、现场信息")
    site.pairs(("项目名称", rec.project_name), ("项目地址", rec.project_address))
    site.pairs(("维修位置", rec.location), ("报修时间", fmt_dt(rec.values.get("reported_at"))))
    site.pairs(("联系人", contact_name(rec)), ("联系电话", contact_phone(rec)))
    site.wide("问题描述", ctx.value("description"), min_height=12 * mm)
    flow += [*site.build(), Spacer(1, 3 * mm)]

    diagnosis = FormTable(st).section("三、诊断结论")
    diagnosis.pairs(("原因", cause_text(ctx)), ("缺陷类别", rec.category))
    diagnosis.pairs(("工程部位", part_text(ctx)), ("保修判定", coverage_text(ctx)))
    diagnosis.pairs(("涉及结构安全", yes_no(rec.values.get("structural_safety"))),
                    ("设计单位方案", yes_no(rec.values.get("plan_by_design_unit"))))
    diagnosis.wide("责任方", responsible_text(ctx))
    flow += [*diagnosis.build(), Spacer(1, 3 * mm)]

    plan = FormTable(st).section("四、维修方案")
    plan.wide("人员安排", ctx.value("plan_people"))
    plan.wide("安全措施", ctx.value("plan_safety_measures"), min_height=10 * mm)
    sop = ctx.value("plan_sop_ref")
    plan.wide("作业指导书", f"{sop}（按作业指导书的工序和质量标准施工）" if sop else "")
    flow += [*plan.build(), Spacer(1, 3 * mm)]

    rows = [[str(i), m.name, m.spec, fmt_number(m.quantity), m.unit, ""]
            for i, m in enumerate(rec.materials, 1)]
    rows = rows or [["", "", "", "", "", ""] for _ in range(3)]  # blanks to fill in on site
    flow.append(heading_table(st, "五、材料清单"))
    flow.append(grid_table(st, ["序号", "材料名称", "规格型号", "计划数量", "单位", "实际用量"], rows,
                           [13 * mm, 55 * mm, 44 * mm, 20 * mm, 16 * mm, 26 * mm]))
    flow.append(Spacer(1, 3 * mm))

    number = 6
    photos = photo_grid(ctx, pick_photos(rec, 2, (PhotoStage.BEFORE,)), 40 * mm)
    if photos is not None:
        flow += [KeepTogether([heading_table(st, "六、维修前照片"), photos]), Spacer(1, 3 * mm)]
        number = 7
    steps = [
        ("接单响应", fmt_dt(rec.values.get("responded_at"))),
        ("到场签到", fmt_dt(rec.values.get("arrived_at"))),
        ("安全交底/开工", ""),
        ("完工自检", ""),
        ("清理/业主确认", ""),
    ]
    signoff = grid_table(st, ["作业环节", "时间", "作业人员签字", "业主/监督签字", "备注"],
                         [[step, when, "", "", ""] for step, when in steps],
                         [28 * mm, 34 * mm, 38 * mm, 38 * mm, 36 * mm])
    signoff.setStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), ["white"]),
                      ("TOPPADDING", (0, 1), (-1, -1), 6), ("BOTTOMPADDING", (0, 1), (-1, -1), 6)])
    chinese = "一二三四五六七八九"
    flow.append(KeepTogether([heading_table(st, f"{chinese[number - 1]}、作业签认"), signoff]))
    flow += [Spacer(1, 2 * mm), para(
        "注意事项：1. 作业前须进行安全技术交底，按安全措施作业；2. 完工后拍摄维修后照片，"
        "在保修工作台填写维修日志；3. 本派工单随报修单存档。", st.small)]
    return flow


def subtitle(ctx: FormContext) -> str:
    rec = ctx.record
    return f"报修单号：{rec.number}　　派工日期：{fmt_date(rec.values.get('planned_at'))}"
