"""Entities and domain rules of WarrantyDesk; no Qt here (DESIGN.md, layers)."""

from app.models import escalation as _escalation  # noqa: F401  (升级与复盘 tables)
from app.models import history as _history  # noqa: F401  (registers the append-only guard)
from app.models import month_stat as _month_stat  # noqa: F401  (dashboard figures per month)
from app.models import outbox as _outbox  # noqa: F401  (sync change capture and its tables)
from app.models import retrospective as _retrospective  # noqa: F401
from app.models import typical_case as _typical_case  # noqa: F401
from app.models import warranty_terms as _warranty_terms  # noqa: F401  (registers the rule)
from app.models.attachment import Attachment, Signature
from app.models.base import Base
from app.models.location import Location
from app.models.meta import AppMeta, TicketCounter
from app.models.people import Customer, OrgUnit, Staff, UnitOwnership
from app.models.printed_document import PrintedDocument  # noqa: F401  (documents' codes)
from app.models.project import DefectCategory, Project, ProjectSubcontractor, WarrantyTerm
from app.models.search import TicketSearchDoc
from app.models.ticket import PlanMaterial, Ticket, TicketEvent, WorkLog

__all__ = [
    "AppMeta",
    "Attachment",
    "Base",
    "Customer",
    "DefectCategory",
    "Location",
    "OrgUnit",
    "PlanMaterial",
    "Project",
    "ProjectSubcontractor",
    "Signature",
    "Staff",
    "Ticket",
    "TicketCounter",
    "TicketEvent",
    "TicketSearchDoc",
    "UnitOwnership",
    "WarrantyTerm",
    "WorkLog",
]
