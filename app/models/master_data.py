"""Master data services: projects, org units, staff and customers, checked with Chinese problems.

Each `save_*` checks the whole form first and raises `MasterDataRefused` with every problem
(field + Chinese message) before anything is written; the caller runs it in one transaction
(`db.transaction()`), so a refusal or a database error leaves nothing half-written. Nothing is
deleted here: staff are deactivated, subcontractor links and owned units are only added.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models.ids import new_id
from app.models.location import Location
from app.models.master_forms import (
    Choice,
    CustomerForm,
    CustomerRow,
    OrgUnitForm,
    OrgUnitRow,
    OwnershipForm,
    ProjectForm,
    ProjectRow,
    StaffForm,
    StaffRow,
    SubcontractForm,
    TermForm,
)
from app.models.people import Customer, OrgUnit, Staff, UnitOwnership
from app.models.phone import normalize_phone, phone_problem
from app.models.project import Project, ProjectSubcontractor, WarrantyTerm
from app.models.ticket import Ticket
from app.models.vocabulary import (
    BUILDING_PART_ZH,
    OPEN_STATES,
    BuildingPart,
    OrgKind,
    ProjectType,
    Role,
)
from app.models.warranty_terms import WarrantyTermError, check_term, default_terms
from app.models.workflow import Problem


class MasterDataRefused(Exception):
    """A form cannot be saved; `problems` say why, field by field, in Chinese."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.messages = [p.message for p in problems]
        super().__init__("；".join(self.messages))


def _refuse_if(problems: list[Problem]) -> None:
    if problems:
        raise MasterDataRefused(problems)


# -- values as typed ---------------------------------------------------------------------------

_DATE_FORMS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_SEASON_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")
_TRADE_SPLIT = re.compile(r"[,，、;；/\s]+")


def parse_date(text: str) -> dt.date | None:
    """A date as clerks type it (2021-04-15, 2021/4/15, 2021年4月15日); None when blank.

    Raises ValueError when the text is not a real date.
    """
    text = text.strip()
    if not text:
        return None
    for form in _DATE_FORMS:
        match = form.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            return dt.date(year, month, day)  # ValueError for 2021-02-30
    raise ValueError(text)


def _date_field(
    problems: list[Problem], field: str, label: str, text: str, required: bool
) -> dt.date | None:
    try:
        value = parse_date(text)
    except ValueError:
        problems.append(
            Problem(field, f"{label}“{text.strip()}”不是有效日期，请按 2021-04-15 的格式填写")
        )
        return None
    if value is None and required:
        problems.append(Problem(field, f"请填写{label}"))
    elif value is not None and not 1950 <= value.year <= 2100:
        problems.append(Problem(field, f"{label}的年份 {value.year} 不合理，请检查"))
        return None
    return value


def _season_day(problems: list[Problem], field: str, label: str, text: str) -> str:
    match = _SEASON_DAY.match(text.strip())
    if match:
        month, day = int(match[1]), int(match[2])
        try:
            dt.date(2000, month, day)  # a leap year: 02-29 is a real season boundary
        except ValueError:
            pass
        else:
            return f"{month:02d}-{day:02d}"
    problems.append(Problem(field, f"{label}“{text.strip()}”应为“月-日”，例如 11-15"))
    return text


def _whole(
    problems: list[Problem], field: str, label: str, value: int, low: int, high: int
) -> None:
    if not low <= value <= high:
        problems.append(Problem(field, f"{label}应在 {low}–{high} 之间（现为 {value}）"))


def parse_yuan(text: str) -> int | None:
    """An amount in yuan (12,345.67, ￥5000) as fen; None when blank; ValueError when not money."""
    text = text.strip().replace(",", "").replace("，", "").lstrip("￥¥").removesuffix("元").strip()
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if amount < 0 or amount.as_tuple().exponent < -2:
        raise ValueError(text)
    return int(amount * 100)


def split_trades(text: str) -> list[str]:
    """Trades as typed (防水, 电气/给排水) as a clean list without repeats."""
    seen: list[str] = []
    for trade in _TRADE_SPLIT.split(text.strip()):
        if trade and trade not in seen:
            seen.append(trade)
    return seen


def _phone_field(
    problems: list[Problem], field: str, text: str, required: bool, label: str
) -> None:
    if not text.strip():
        if required:
            problems.append(Problem(field, f"请填写{label}"))
        return
    message = phone_problem(text)
    if message:
        problems.append(Problem(field, message.replace("联系电话", label, 1)))


def _text(
    problems: list[Problem], field: str, label: str, text: str, limit: int, required: bool = True
) -> str:
    text = text.strip()
    if required and not text:
        problems.append(Problem(field, f"请填写{label}"))
    elif len(text) > limit:
        problems.append(Problem(field, f"{label}不能超过 {limit} 个字（现为 {len(text)} 个）"))
    return text


# -- projects ------------------------------------------------------------------------------------


def list_projects(session: Session) -> list[ProjectRow]:
    places = (
        select(Location.project_id, func.count().label("n"))
        .group_by(Location.project_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Project.id,
            Project.code,
            Project.name,
            Project.type,
            OrgUnit.name,
            Project.handover_date,
            func.coalesce(places.c.n, 0),
        )
        .join(OrgUnit, OrgUnit.id == Project.project_dept_id)
        .outerjoin(places, places.c.project_id == Project.id)
        .order_by(Project.code)
    )
    return [
        ProjectRow(pid, code, name, ptype, dept, handover.isoformat(), count)
        for pid, code, name, ptype, dept, handover, count in rows
    ]


_PROJECT_NUMBERS = (
    "design_service_life_years",
    "sla_emergency_hours",
    "sla_urgent_hours",
    "sla_normal_hours",
    "sla_emergency_response_minutes",
    "sla_urgent_response_minutes",
    "sla_normal_response_minutes",
    "repair_days",
    "recurrence_threshold",
    "recurrence_window_days",
)
_SEASON_FIELDS = (
    ("heating_season_start", "采暖期开始"),
    ("heating_season_end", "采暖期结束"),
    ("cooling_season_start", "供冷期开始"),
    ("cooling_season_end", "供冷期结束"),
)


def new_project_form() -> ProjectForm:
    """A blank project with the statutory minimum terms and the usual limits."""
    return ProjectForm(
        terms=[TermForm(part.value, period, unit.value) for part, period, unit in default_terms()]
    )


def load_project(session: Session, project_id: uuid.UUID) -> ProjectForm:
    project = session.get(Project, project_id)
    if project is None:
        raise MasterDataRefused([Problem("id", "该项目已不存在，请刷新列表")])
    form = ProjectForm(
        id=project.id,
        code=project.code,
        name=project.name,
        type=project.type,
        address=project.address,
        handover_date=project.handover_date.isoformat(),
        delivery_date=project.delivery_date.isoformat() if project.delivery_date else "",
        project_dept_id=project.project_dept_id,
        manager_id=project.manager_id,
        cost_rule=project.cost_rule,
        retention_amount=_yuan_text(project.retention_amount_fen),
        retention_release_date=(
            project.retention_release_date.isoformat() if project.retention_release_date else ""
        ),
    )
    for name in _PROJECT_NUMBERS:
        setattr(form, name, getattr(project, name))
    for name, _label in _SEASON_FIELDS:
        setattr(form, name, getattr(project, name))
    stored = {term.building_part: term for term in project.warranty_terms}
    form.terms = []
    for part, period, unit in default_terms():
        term = stored.get(part.value)
        form.terms.append(
            TermForm(part.value, term.period, term.unit)
            if term
            else TermForm(part.value, period, unit.value)
        )
    form.subcontractors = [
        SubcontractForm(link.org_unit_id, link.trade, link.id)
        for link in sorted(
            project.subcontractors, key=lambda link: (link.trade, str(link.org_unit_id))
        )
    ]
    return form


def _yuan_text(fen: int) -> str:
    if not fen:
        return ""
    yuan, cents = divmod(fen, 100)
    return f"{yuan}.{cents:02d}" if cents else str(yuan)


def check_project(session: Session, form: ProjectForm) -> list[Problem]:
    """Every problem of a project form (empty: it can be saved)."""
    problems: list[Problem] = []
    code = _text(problems, "code", "项目编号", form.code, 30)
    _text(problems, "name", "项目名称", form.name, 100)
    _text(problems, "address", "项目地址", form.address, 200, required=False)
    if code:
        clash = session.execute(
            select(Project.id, Project.name).where(Project.code == code)
        ).first()
        if clash is not None and clash.id != form.id:
            problems.append(
                Problem("code", f"项目编号“{code}”已被项目“{clash.name}”使用，请换一个编号")
            )
    try:
        ProjectType(form.type)
    except ValueError:
        problems.append(Problem("type", f"未知的项目类型：{form.type}"))
    handover = _date_field(problems, "handover_date", "竣工验收合格日期", form.handover_date, True)
    delivery = _date_field(problems, "delivery_date", "交付日期", form.delivery_date, False)
    if handover and delivery and delivery < handover:
        problems.append(Problem("delivery_date", "交付日期不能早于竣工验收合格日期"))
    _date_field(
        problems, "retention_release_date", "质保金返还日期", form.retention_release_date, False
    )
    dept = session.get(OrgUnit, form.project_dept_id) if form.project_dept_id else None
    if dept is None or dept.kind != OrgKind.PROJECT_DEPT:
        problems.append(Problem("project_dept_id", "请选择负责该项目的项目部"))
    if form.manager_id is not None:
        manager = session.get(Staff, form.manager_id)
        if manager is None or not manager.active:
            problems.append(Problem("manager_id", "项目经理须为在职人员"))
    _whole(
        problems,
        "design_service_life_years",
        "设计使用年限（年）",
        form.design_service_life_years,
        1,
        200,
    )
    for name, label in _SEASON_FIELDS:
        _season_day(problems, name, label, getattr(form, name))
    _check_limits(problems, form)
    try:
        parse_yuan(form.retention_amount)
    except ValueError:
        problems.append(
            Problem(
                "retention_amount",
                f"质保金“{form.retention_amount.strip()}”不是有效金额（元，最多两位小数）",
            )
        )
    _check_terms(problems, form.terms)
    _check_subcontractors(session, problems, form.subcontractors)
    return problems


def _check_limits(problems: list[Problem], form: ProjectForm) -> None:
    for level, label in (("emergency", "紧急"), ("urgent", "加急"), ("normal", "一般")):
        _whole(
            problems,
            f"sla_{level}_hours",
            f"{label}到场时限（小时）",
            getattr(form, f"sla_{level}_hours"),
            1,
            720,
        )
        _whole(
            problems,
            f"sla_{level}_response_minutes",
            f"{label}响应时限（分钟）",
            getattr(form, f"sla_{level}_response_minutes"),
            1,
            10_080,
        )
    if not form.sla_emergency_hours <= form.sla_urgent_hours <= form.sla_normal_hours:
        problems.append(Problem("sla_urgent_hours", "到场时限应为 紧急 ≤ 加急 ≤ 一般"))
    if not (
        form.sla_emergency_response_minutes
        <= form.sla_urgent_response_minutes
        <= form.sla_normal_response_minutes
    ):
        problems.append(Problem("sla_urgent_response_minutes", "响应时限应为 紧急 ≤ 加急 ≤ 一般"))
    _whole(problems, "repair_days", "维修完成时限（天）", form.repair_days, 1, 365)
    _whole(problems, "recurrence_threshold", "共性问题次数阈值", form.recurrence_threshold, 2, 100)
    _whole(
        problems, "recurrence_window_days", "共性问题统计天数", form.recurrence_window_days, 1, 3650
    )


def term_problem(term: TermForm) -> Problem | None:
    """The legal check of one term (refusing anything below the statutory minimum)."""
    try:
        check_term(term.building_part, term.period, term.unit)
    except WarrantyTermError as error:
        return Problem(f"term:{term.building_part}", str(error))
    return None


def _check_terms(problems: list[Problem], terms: Iterable[TermForm]) -> None:
    seen = set()
    for term in terms:
        if term.building_part in seen:
            name = BUILDING_PART_ZH.get(term.building_part, term.building_part)
            problems.append(Problem(f"term:{term.building_part}", f"{name}的保修期填写了两次"))
        seen.add(term.building_part)
        problem = term_problem(term)
        if problem:
            problems.append(problem)


def _check_subcontractors(
    session: Session, problems: list[Problem], links: list[SubcontractForm]
) -> None:
    seen = set()
    for row, link in enumerate(links):
        field = f"subcontractor:{row}"
        unit = session.get(OrgUnit, link.org_unit_id) if link.org_unit_id else None
        if unit is None or unit.kind != OrgKind.SUBCONTRACTOR:
            problems.append(Problem(field, f"第 {row + 1} 行：请选择一个分包单位"))
            continue
        trade = link.trade.strip()
        if not trade:
            problems.append(
                Problem(field, f"第 {row + 1} 行：请填写{unit.name}负责的专业（如 防水）")
            )
        elif len(trade) > 50:
            problems.append(Problem(field, f"第 {row + 1} 行：专业名称不能超过 50 个字"))
        if (link.org_unit_id, trade) in seen:
            problems.append(Problem(field, f"第 {row + 1} 行：{unit.name}的“{trade}”重复了"))
        seen.add((link.org_unit_id, trade))


def save_project(session: Session, form: ProjectForm) -> uuid.UUID:
    """Create or update a project with its terms and subcontractors; returns its id."""
    _refuse_if(check_project(session, form))
    if form.id is None:
        project = Project(id=new_id())
        session.add(project)
    else:
        project = session.get(Project, form.id)
    project.code = form.code.strip()
    project.name = form.name.strip()
    project.type = form.type
    project.address = form.address.strip()
    project.handover_date = parse_date(form.handover_date)
    project.delivery_date = parse_date(form.delivery_date)
    project.project_dept_id = form.project_dept_id
    project.manager_id = form.manager_id
    project.cost_rule = form.cost_rule.strip()
    project.retention_amount_fen = parse_yuan(form.retention_amount) or 0
    project.retention_release_date = parse_date(form.retention_release_date)
    for name in _PROJECT_NUMBERS:
        setattr(project, name, getattr(form, name))
    for name, _label in _SEASON_FIELDS:
        month, day = getattr(form, name).strip().split("-")
        setattr(project, name, f"{int(month):02d}-{int(day):02d}")
    stored = {term.building_part: term for term in project.warranty_terms}
    given = {term.building_part: term for term in form.terms}
    for part, period, unit in default_terms():  # every part has a term, the law's if not given
        term = given.get(part.value) or TermForm(part.value, period, unit.value)
        row = stored.get(part.value)
        if row is None:
            project.warranty_terms.append(
                WarrantyTerm(
                    id=new_id(), building_part=part.value, period=term.period, unit=term.unit
                )
            )
        else:
            row.period, row.unit = term.period, term.unit
    links = {link.id: link for link in project.subcontractors}
    for link in form.subcontractors:
        trade = link.trade.strip()
        if link.id is not None and link.id in links:
            links[link.id].org_unit_id, links[link.id].trade = link.org_unit_id, trade
        elif not any(
            old.org_unit_id == link.org_unit_id and old.trade == trade
            for old in project.subcontractors
        ):
            project.subcontractors.append(
                ProjectSubcontractor(id=new_id(), org_unit_id=link.org_unit_id, trade=trade)
            )
    _flush(session, "code", "项目编号或分包单位与已有记录重复")
    return project.id


def _flush(session: Session, field: str, message: str) -> None:
    """Flush; a constraint the check could not see (another desk saved first) becomes a problem."""
    try:
        session.flush()
    except IntegrityError as error:
        raise MasterDataRefused(
            [Problem(field, f"{message}（数据库拒绝保存：{error.orig}）")]
        ) from error


# -- organisation units --------------------------------------------------------------------------


def list_org_units(session: Session, kind: str | None = None) -> list[OrgUnitRow]:
    staff = (
        select(Staff.org_unit_id, func.count().label("n"))
        .where(Staff.active.is_(True))
        .group_by(Staff.org_unit_id)
        .subquery()
    )
    query = (
        select(OrgUnit, func.coalesce(staff.c.n, 0))
        .outerjoin(staff, staff.c.org_unit_id == OrgUnit.id)
        .order_by(OrgUnit.kind, OrgUnit.name)
    )
    if kind:
        query = query.where(OrgUnit.kind == kind)
    order = {OrgKind.HQ: 0, OrgKind.PROJECT_DEPT: 1, OrgKind.SUBCONTRACTOR: 2}
    rows = [
        OrgUnitRow(
            unit.id,
            unit.name,
            unit.kind,
            unit.parent_id,
            unit.trades,
            unit.contact_name,
            unit.contact_phone,
            count,
        )
        for unit, count in session.execute(query)
    ]
    return sorted(rows, key=lambda row: (order.get(row.kind, 9), row.name))


def org_unit_form(session: Session, unit_id: uuid.UUID) -> OrgUnitForm:
    unit = session.get(OrgUnit, unit_id)
    if unit is None:
        raise MasterDataRefused([Problem("id", "该单位已不存在，请刷新列表")])
    return OrgUnitForm(
        unit.id,
        unit.name,
        unit.kind,
        unit.parent_id,
        unit.trades,
        unit.contact_name,
        unit.contact_phone,
    )


def check_org_unit(session: Session, form: OrgUnitForm) -> list[Problem]:
    problems: list[Problem] = []
    name = _text(problems, "name", "单位名称", form.name, 100)
    try:
        OrgKind(form.kind)
    except ValueError:
        problems.append(Problem("kind", f"未知的单位类型：{form.kind}"))
    if name:
        clash = session.scalar(
            select(OrgUnit.id).where(OrgUnit.name == name, OrgUnit.kind == form.kind).limit(1)
        )
        if clash is not None and clash != form.id:
            problems.append(Problem("name", f"已有同名单位“{name}”"))
    trades = "、".join(split_trades(form.trades))
    if len(trades) > 200:
        problems.append(Problem("trades", "专业不能超过 200 个字"))
    _text(problems, "contact_name", "联系人", form.contact_name, 50, required=False)
    _phone_field(problems, "contact_phone", form.contact_phone, False, "联系电话")
    if form.parent_id is not None and form.parent_id == form.id:
        problems.append(Problem("parent_id", "上级单位不能是它自己"))
    return problems


def save_org_unit(session: Session, form: OrgUnitForm) -> uuid.UUID:
    _refuse_if(check_org_unit(session, form))
    parent_id = form.parent_id
    if parent_id is None and form.kind != OrgKind.HQ:
        # Project departments and subcontractors sit under the head office (three levels).
        parent_id = session.scalar(select(OrgUnit.id).where(OrgUnit.kind == OrgKind.HQ).limit(1))
    if form.id is None:
        unit = OrgUnit(id=new_id())
        session.add(unit)
    else:
        unit = session.get(OrgUnit, form.id)
    unit.name = form.name.strip()
    unit.kind = form.kind
    unit.parent_id = parent_id
    unit.trades = "、".join(split_trades(form.trades))
    unit.contact_name = form.contact_name.strip()
    unit.contact_phone = normalize_phone(form.contact_phone)
    _flush(session, "name", "单位保存失败")
    return unit.id


def org_choices(session: Session, kind: str | None = None) -> list[Choice]:
    query = select(OrgUnit.id, OrgUnit.name).order_by(OrgUnit.name)
    if kind:
        query = query.where(OrgUnit.kind == kind)
    return [Choice(unit_id, name) for unit_id, name in session.execute(query)]


def manager_choices(session: Session) -> list[Choice]:
    """Active staff who may manage a project (project managers and HQ admins)."""
    rows = session.execute(
        select(Staff.id, Staff.name, OrgUnit.name)
        .join(OrgUnit, OrgUnit.id == Staff.org_unit_id)
        .where(Staff.active.is_(True), Staff.role.in_([Role.PROJECT_MANAGER, Role.HQ_ADMIN]))
        .order_by(Staff.name)
    )
    return [Choice(staff_id, f"{name}（{unit}）") for staff_id, name, unit in rows]


# -- staff ---------------------------------------------------------------------------------------


def list_staff(session: Session, include_inactive: bool = True, text: str = "") -> list[StaffRow]:
    query = (
        select(
            Staff.id,
            Staff.name,
            Staff.phone,
            Staff.role,
            Staff.org_unit_id,
            OrgUnit.name,
            Staff.active,
        )
        .join(OrgUnit, OrgUnit.id == Staff.org_unit_id)
        .order_by(Staff.active.desc(), OrgUnit.name, Staff.name)
    )
    if not include_inactive:
        query = query.where(Staff.active.is_(True))
    if text.strip():
        like = f"%{_escape(text.strip())}%"
        query = query.where(
            or_(
                Staff.name.like(like, escape="\\"),
                Staff.phone.like(like, escape="\\"),
                OrgUnit.name.like(like, escape="\\"),
            )
        )
    return [StaffRow(*row) for row in session.execute(query)]


def staff_form(session: Session, staff_id: uuid.UUID) -> StaffForm:
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise MasterDataRefused([Problem("id", "该人员已不存在，请刷新列表")])
    return StaffForm(staff.id, staff.name, staff.phone, staff.role, staff.org_unit_id, staff.active)


def check_staff(session: Session, form: StaffForm) -> list[Problem]:
    problems: list[Problem] = []
    name = _text(problems, "name", "姓名", form.name, 50)
    _phone_field(problems, "phone", form.phone, False, "电话")
    try:
        Role(form.role)
    except ValueError:
        problems.append(Problem("role", f"未知的角色：{form.role}"))
    if form.org_unit_id is None or session.get(OrgUnit, form.org_unit_id) is None:
        problems.append(Problem("org_unit_id", "请选择所属单位"))
    phone = normalize_phone(form.phone)
    if name and phone:
        clash = session.scalar(
            select(Staff.id).where(Staff.name == name, Staff.phone == phone).limit(1)
        )
        if clash is not None and clash != form.id:
            problems.append(
                Problem("name", f"已有同名同电话的人员“{name}”，请勿重复添加（可重新启用）")
            )
    if form.id is not None and not form.active:
        problems.extend(_deactivation_problems(session, form.id))
    return problems


def save_staff(session: Session, form: StaffForm) -> uuid.UUID:
    _refuse_if(check_staff(session, form))
    if form.id is None:
        staff = Staff(id=new_id())
        session.add(staff)
    else:
        staff = session.get(Staff, form.id)
    staff.name = form.name.strip()
    staff.phone = normalize_phone(form.phone)
    staff.role = form.role
    staff.org_unit_id = form.org_unit_id
    staff.active = form.active
    _flush(session, "name", "人员保存失败")
    return staff.id


def _deactivation_problems(session: Session, staff_id: uuid.UUID) -> list[Problem]:
    staff = session.get(Staff, staff_id)
    if staff is None or not staff.active:
        return []
    owned = session.scalar(
        select(func.count())
        .select_from(Ticket)
        .where(Ticket.owner_id == staff_id, Ticket.state.in_([s.value for s in OPEN_STATES]))
    )
    if owned:
        return [
            Problem("active", f"{staff.name}仍是 {owned} 张未关闭报修单的责任人，请先改派后再停用")
        ]
    return []


def set_staff_active(
    session: Session,
    staff_id: uuid.UUID,
    active: bool,
    *,
    current_staff_id: uuid.UUID | None = None,
) -> None:
    """Deactivate (never delete) or re-activate a staff member."""
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise MasterDataRefused([Problem("id", "该人员已不存在，请刷新列表")])
    if not active:
        problems = _deactivation_problems(session, staff_id)
        if staff_id == current_staff_id:
            problems.append(
                Problem("active", "不能停用当前使用本机的人员；请先在“设置”中切换当前用户")
            )
        _refuse_if(problems)
    staff.active = active
    session.flush()


# -- customers -----------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_customers(session: Session, text: str = "", limit: int = 200) -> list[CustomerRow]:
    """Customers whose name, phone or owned unit contains `text` (newest first when blank)."""
    query = select(Customer.id)
    text = text.strip()
    if text:
        like = f"%{_escape(text)}%"
        digits = normalize_phone(text)
        owned = (
            select(UnitOwnership.customer_id)
            .join(Location, Location.id == UnitOwnership.location_id)
            .where(Location.full_name.like(like, escape="\\"))
        )
        conditions = [Customer.name.like(like, escape="\\"), Customer.id.in_(owned)]
        if digits.isdigit():
            conditions += [
                Customer.phone.like(f"%{digits}%"),
                Customer.alt_phone.like(f"%{digits}%"),
            ]
        query = query.where(or_(*conditions)).order_by(Customer.name)
    else:
        query = query.order_by(Customer.created_at.desc())
    ids = list(session.scalars(query.limit(limit)))
    if not ids:
        return []
    units: dict[uuid.UUID, list[str]] = {}
    for customer_id, full_name in session.execute(
        select(UnitOwnership.customer_id, Location.full_name)
        .join(Location, Location.id == UnitOwnership.location_id)
        .where(UnitOwnership.customer_id.in_(ids))
        .order_by(Location.full_name)
    ):
        units.setdefault(customer_id, []).append(full_name)
    people = {c.id: c for c in session.scalars(select(Customer).where(Customer.id.in_(ids)))}
    return [
        CustomerRow(cid, people[cid].name, people[cid].phone, "、".join(units.get(cid, [])))
        for cid in ids
    ]


def load_customer(session: Session, customer_id: uuid.UUID) -> CustomerForm:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise MasterDataRefused([Problem("id", "该客户已不存在，请刷新列表")])
    form = CustomerForm(
        customer.id,
        customer.name,
        customer.phone,
        customer.alt_phone,
        customer.preferences,
        customer.notes,
    )
    rows = session.execute(
        select(UnitOwnership, Location.full_name, Project.name)
        .join(Location, Location.id == UnitOwnership.location_id)
        .join(Project, Project.id == Location.project_id)
        .where(UnitOwnership.customer_id == customer_id)
        .order_by(Project.name, Location.full_name)
    )
    form.units = [
        OwnershipForm(
            own.location_id,
            own.since.isoformat() if own.since else "",
            own.id,
            place_label(project, full),
        )
        for own, full, project in rows
    ]
    return form


def place_label(project_name: str, full_name: str) -> str:
    return f"{project_name} · {full_name}"


def describe_place(session: Session, location_id: uuid.UUID) -> str:
    row = session.execute(
        select(Location.full_name, Project.name)
        .join(Project, Project.id == Location.project_id)
        .where(Location.id == location_id)
    ).first()
    return place_label(row[1], row[0]) if row else ""


def check_customer(session: Session, form: CustomerForm) -> list[Problem]:
    problems: list[Problem] = []
    name = _text(problems, "name", "客户姓名", form.name, 50)
    _phone_field(problems, "phone", form.phone, True, "联系电话")
    _phone_field(problems, "alt_phone", form.alt_phone, False, "备用电话")
    phone = normalize_phone(form.phone)
    if name and phone:
        clash = session.scalar(
            select(Customer.id).where(Customer.name == name, Customer.phone == phone).limit(1)
        )
        if clash is not None and clash != form.id:
            problems.append(Problem("name", f"已有客户“{name}”（{phone}），请在列表中搜索后编辑"))
    seen = set()
    for row, unit in enumerate(form.units):
        field = f"unit:{row}"
        if unit.location_id in seen:
            problems.append(Problem(field, f"房屋“{unit.label}”重复了"))
        seen.add(unit.location_id)
        if unit.id is None and session.get(Location, unit.location_id) is None:
            problems.append(Problem(field, "所选的房屋已不存在，请重新选择"))
        _date_field(problems, field, f"“{unit.label}”的起始日期", unit.since, False)
    return problems


def save_customer(session: Session, form: CustomerForm) -> uuid.UUID:
    """Create or update a customer; units are added (or their date changed), never removed."""
    _refuse_if(check_customer(session, form))
    if form.id is None:
        customer = Customer(id=new_id())
        session.add(customer)
    else:
        customer = session.get(Customer, form.id)
    customer.name = form.name.strip()
    customer.phone = normalize_phone(form.phone)
    customer.alt_phone = normalize_phone(form.alt_phone)
    customer.preferences = form.preferences.strip()
    customer.notes = form.notes.strip()
    owned = {own.location_id: own for own in customer.units}
    for unit in form.units:
        since = parse_date(unit.since)
        existing = owned.get(unit.location_id)
        if existing is not None:
            existing.since = since
        else:
            customer.units.append(
                UnitOwnership(id=new_id(), location_id=unit.location_id, since=since)
            )
    _flush(session, "name", "客户保存失败")
    return customer.id


def owners_of(session: Session, location_id: uuid.UUID) -> list[str]:
    """Who already owns a unit (shown when a clerk adds it to another customer)."""
    return list(
        session.scalars(
            select(Customer.name)
            .join(UnitOwnership, UnitOwnership.customer_id == Customer.id)
            .where(UnitOwnership.location_id == location_id)
        )
    )


BUILDING_PARTS = tuple(part.value for part in BuildingPart)
