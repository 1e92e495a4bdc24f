"""What the intake form looks up while the clerk types: places, owners, categories, previews."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.coverage import Verdict, assess_ticket_values
from app.models.duplicates import find_duplicates
from app.models.location import Location
from app.models.people import Customer, Staff, UnitOwnership
from app.models.project import DefectCategory, Project
from app.models.workflow import OWNER_ROLES


@dataclass(frozen=True)
class Choice:
    id: uuid.UUID
    text: str
    extra: str = ""  # a project's type, a category's building part, a person's role or phone


@dataclass(frozen=True)
class DuplicateCandidate:
    id: uuid.UUID
    number: str
    state: str
    reported_at: dt.datetime
    description: str
    location: str


@dataclass(frozen=True)
class IntakePreview:
    """The coverage verdict and the open tickets at the same place, for the form's side panel."""

    verdict: Verdict | None
    building_part: str | None  # the category's usual part, on which the preview rests
    duplicates: list[DuplicateCandidate]
    owners: list[Choice]  # customers owning the picked unit (or the nearest owned place above)


def projects(session: Session) -> list[Choice]:
    rows = session.execute(select(Project.id, Project.name, Project.type).order_by(Project.code))
    return [Choice(i, name, kind) for i, name, kind in rows]


def categories(session: Session, project_id: uuid.UUID) -> list[Choice]:
    project_type = session.scalar(select(Project.type).where(Project.id == project_id))
    rows = session.execute(
        select(DefectCategory.id, DefectCategory.name, DefectCategory.building_part)
        .where(DefectCategory.project_type == project_type)
        .order_by(DefectCategory.sort_key, DefectCategory.name)
    )
    return [Choice(i, name, part) for i, name, part in rows]


def owners_for_tickets(session: Session) -> list[Choice]:
    """Active staff who may be a ticket's responsible owner (technicians first)."""
    rows = session.execute(
        select(Staff.id, Staff.name, Staff.role)
        .where(Staff.active.is_(True), Staff.role.in_([r.value for r in OWNER_ROLES]))
        .order_by(Staff.role.desc(), Staff.name)
    )
    return [Choice(i, name, role) for i, name, role in rows]


def search_locations(session: Session, project_id: uuid.UUID, text: str, limit: int = 50) -> list[Choice]:
    """Places of the project whose full name contains every typed fragment (3栋 1502 finds
    3栋2单元1502室), shortest names first so a building comes before its rooms."""
    query = select(Location.id, Location.full_name, Location.kind).where(Location.project_id == project_id)
    for fragment in text.replace("，", " ").replace(",", " ").split():
        query = query.where(Location.full_name.contains(fragment, autoescape=True))
    rows = session.execute(query.order_by(Location.sort_key, Location.full_name).limit(limit * 4))
    found = [Choice(i, name, kind) for i, name, kind in rows]
    found.sort(key=lambda c: (len(c.text), c.text))
    return found[:limit]


def unit_owners(session: Session, location_id: uuid.UUID) -> list[Choice]:
    """Customers owning the place, or the closest place above it that has owners."""
    place = session.get(Location, location_id)
    while place is not None:
        rows = session.execute(
            select(Customer.id, Customer.name, Customer.phone)
            .join(UnitOwnership, UnitOwnership.customer_id == Customer.id)
            .where(UnitOwnership.location_id == place.id)
            .order_by(UnitOwnership.since.desc().nulls_last(), Customer.name)
        ).all()
        if rows:
            return [Choice(i, name, phone) for i, name, phone in rows]
        place = session.get(Location, place.parent_id) if place.parent_id else None
    return []


def preview(
    session: Session, project_id: uuid.UUID | None, *, location_id: uuid.UUID | None,
    location_label: str, defect_category_id: uuid.UUID | None, reported_at: dt.datetime,
) -> IntakePreview:
    """The verdict a diagnosis would likely give (the category's usual building part, the cause
    not yet known) and the open tickets that the new one may duplicate."""
    if project_id is None:
        return IntakePreview(None, None, [], [])
    part = None
    if defect_category_id is not None:
        part = session.scalar(select(DefectCategory.building_part).where(DefectCategory.id == defect_category_id))
    verdict = assess_ticket_values(
        session, project_id=project_id, reported_at=reported_at, building_part=part, cause=None,
        defect_category_id=defect_category_id, responsible_party=None, responsible_org_id=None,
    )
    tickets = find_duplicates(
        session, project_id, location_id=location_id,
        location_label="" if location_id is not None else location_label,
        defect_category_id=defect_category_id,
    )
    duplicates = [
        DuplicateCandidate(t.id, t.number, t.state, t.reported_at, t.description, t.location_label)
        for t in tickets
    ]
    owners = unit_owners(session, location_id) if location_id is not None else []
    return IntakePreview(verdict, part, duplicates, owners)
