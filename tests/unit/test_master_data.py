"""Master data services: projects with terms and subcontractors, org units, staff, customers."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.models import Customer, OrgUnit, Project, Staff, Ticket, UnitOwnership, WarrantyTerm
from app.models.location_patterns import create_bulk, search_places
from app.models.master_data import (
    MasterDataRefused,
    list_projects,
    list_staff,
    load_customer,
    load_project,
    new_project_form,
    parse_date,
    save_customer,
    save_org_unit,
    save_project,
    save_staff,
    search_customers,
    set_staff_active,
)
from app.models.master_forms import (
    CustomerForm,
    OrgUnitForm,
    OwnershipForm,
    StaffForm,
    SubcontractForm,
)
from app.models.vocabulary import OPEN_STATES


def _units(db):
    with db.transaction() as session:
        dept = save_org_unit(session, OrgUnitForm(name="第一项目部", kind="project_dept"))
        sub = save_org_unit(
            session,
            OrgUnitForm(
                name="东方防水公司",
                kind="subcontractor",
                trades="防水, 堵漏",
                contact_phone="0531-88886666",
            ),
        )
    return dept, sub


def _form(dept, **changes):
    form = new_project_form()
    form.code, form.name, form.handover_date, form.project_dept_id = (
        "ZZ-9",
        "阳光花园",
        "2024/6/1",
        dept,
    )
    for key, value in changes.items():
        setattr(form, key, value)
    return form


def _count(db, entity) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(entity))


def test_project_is_saved_with_terms_and_subcontractors(db) -> None:
    dept, sub = _units(db)
    form = _form(dept, sla_emergency_hours=1, recurrence_threshold=4, retention_amount="12,345.6")
    form.terms[1].period = 8  # roof waterproofing: longer than the law's 5 years is fine
    form.subcontractors = [SubcontractForm(sub, "防水")]
    with db.transaction() as session:
        project_id = save_project(session, form)
    with db.sessions() as session:
        project = session.get(Project, project_id)
        assert project.handover_date == dt.date(2024, 6, 1)
        assert (project.sla_emergency_hours, project.recurrence_threshold) == (1, 4)
        assert project.retention_amount_fen == 1_234_560
        terms = {t.building_part: (t.period, t.unit) for t in project.warranty_terms}
        assert terms["roof_waterproofing"] == (8, "years") and len(terms) == 10
        assert [(s.org_unit_id, s.trade) for s in project.subcontractors] == [(sub, "防水")]
        unit = session.get(OrgUnit, sub)
        assert (unit.trades, unit.contact_phone) == ("防水、堵漏", "053188886666")
        loaded = load_project(session, project_id)
    assert loaded.retention_amount == "12345.60" and loaded.handover_date == "2024-06-01"
    loaded.name = "阳光花园一期"
    loaded.subcontractors.append(SubcontractForm(sub, "堵漏"))
    with db.transaction() as session:
        save_project(session, loaded)
    with db.sessions() as session:
        assert list_projects(session)[0].name == "阳光花园一期"
        assert len(session.get(Project, project_id).subcontractors) == 2


def test_term_below_the_law_is_refused_and_nothing_is_saved(db) -> None:
    dept, _sub = _units(db)
    form = _form(dept)
    roof = next(t for t in form.terms if t.building_part == "roof_waterproofing")
    roof.period = 3
    with pytest.raises(MasterDataRefused) as refused, db.transaction() as session:
        save_project(session, form)
    problem = refused.value.problems[0]
    assert problem.field == "term:roof_waterproofing"
    assert "不得短于法定最低期限 5 年" in problem.message
    assert _count(db, Project) == 0 and _count(db, WarrantyTerm) == 0


def test_duplicate_code_bad_dates_and_limits_are_refused(db) -> None:
    dept, _sub = _units(db)
    with db.transaction() as session:
        save_project(session, _form(dept))
    bad = _form(
        dept,
        name="另一个",
        handover_date="2024-02-30",
        delivery_date="明天",
        sla_emergency_hours=48,
        heating_season_start="13-01",
        recurrence_threshold=1,
    )
    with pytest.raises(MasterDataRefused) as refused, db.transaction() as session:
        save_project(session, bad)
    fields = {p.field: p.message for p in refused.value.problems}
    assert "已被项目“阳光花园”使用" in fields["code"]
    assert "不是有效日期" in fields["handover_date"] and "不是有效日期" in fields["delivery_date"]
    assert "紧急 ≤ 加急 ≤ 一般" in fields["sla_urgent_hours"]
    assert "月-日" in fields["heating_season_start"]
    assert "2–100" in fields["recurrence_threshold"]
    assert _count(db, Project) == 1


def test_dates_as_clerks_type_them() -> None:
    assert parse_date("2021年4月15日") == parse_date("2021/4/15") == dt.date(2021, 4, 15)
    assert parse_date("20210415") == dt.date(2021, 4, 15) and parse_date("  ") is None
    with pytest.raises(ValueError):
        parse_date("15.4.2021")


def test_staff_are_added_and_deactivated_never_deleted(db) -> None:
    dept, _sub = _units(db)
    with pytest.raises(MasterDataRefused, match="不是有效的手机号"), db.transaction() as session:
        save_staff(
            session, StaffForm(name="王工", phone="1380000", role="technician", org_unit_id=dept)
        )
    with db.transaction() as session:
        staff_id = save_staff(
            session,
            StaffForm(name="王工", phone="138 0000 1111", role="technician", org_unit_id=dept),
        )
    with pytest.raises(MasterDataRefused, match="当前使用本机"), db.transaction() as session:
        set_staff_active(session, staff_id, False, current_staff_id=staff_id)
    with db.transaction() as session:
        set_staff_active(session, staff_id, False)
    with db.sessions() as session:
        assert session.get(Staff, staff_id).active is False
        assert [row.active for row in list_staff(session)] == [False]
        assert list_staff(session, include_inactive=False) == []


def test_staff_with_open_tickets_cannot_be_deactivated(demo_db) -> None:
    with demo_db.sessions() as session:
        owner_id = session.scalar(
            select(Ticket.owner_id)
            .where(Ticket.state.in_([s.value for s in OPEN_STATES]), Ticket.owner_id.is_not(None))
            .limit(1)
        )
    with (
        pytest.raises(MasterDataRefused, match="请先改派后再停用"),
        demo_db.transaction() as session,
    ):
        set_staff_active(session, owner_id, False)
    with demo_db.sessions() as session:
        assert session.get(Staff, owner_id).active is True


def test_customer_phone_is_checked_and_units_are_added(db) -> None:
    dept, _sub = _units(db)
    with db.transaction() as session:
        project_id = save_project(session, _form(dept))
        create_bulk(session, project_id, None, "3栋, 2单元, 15层, 01-02室")
        room = search_places(session, project_id, "1502室")[0]
    form = CustomerForm(name="李女士", phone="0531-888", units=[OwnershipForm(room.id, "2024-7-1")])
    with pytest.raises(MasterDataRefused) as refused, db.transaction() as session:
        save_customer(session, form)
    assert refused.value.problems[0].field == "phone"
    assert "带区号的固定电话" in refused.value.problems[0].message
    assert _count(db, Customer) == 0 and _count(db, UnitOwnership) == 0
    form.phone = "139-1234-5678"
    with db.transaction() as session:
        customer_id = save_customer(session, form)
    with db.sessions() as session:
        loaded = load_customer(session, customer_id)
        assert loaded.phone == "13912345678"
        assert [(u.label, u.since) for u in loaded.units] == [
            ("阳光花园 · 3栋2单元1502室", "2024-07-01")
        ]
        assert [row.id for row in search_customers(session, "1502")] == [customer_id]
        assert [row.id for row in search_customers(session, "1234 5678")] == [customer_id]
        assert search_customers(session, "李女")[0].units == "3栋2单元1502室"
    with pytest.raises(MasterDataRefused, match="已有客户“李女士”"), db.transaction() as session:
        save_customer(session, CustomerForm(name="李女士", phone="13912345678"))
