"""Display names of the stored codes, as translatable English source strings.

The Chinese translations in resources/i18n/warrantydesk_zh_CN.ts match the names the
documents use (app/models/vocabulary.py); tests/unit/test_translations.py keeps them equal.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TICKET_STATES = {
    "received": QT_TRANSLATE_NOOP("TicketState", "Received"),
    "diagnosing": QT_TRANSLATE_NOOP("TicketState", "Diagnosis"),
    "planning": QT_TRANSLATE_NOOP("TicketState", "Repair plan"),
    "in_repair": QT_TRANSLATE_NOOP("TicketState", "In repair"),
    "acceptance": QT_TRANSLATE_NOOP("TicketState", "Acceptance"),
    "follow_up": QT_TRANSLATE_NOOP("TicketState", "Follow-up"),
    "archived": QT_TRANSLATE_NOOP("TicketState", "Archived"),
    "not_covered": QT_TRANSLATE_NOOP("TicketState", "Not covered"),
    "cancelled": QT_TRANSLATE_NOOP("TicketState", "Cancelled"),
}

URGENCIES = {
    1: QT_TRANSLATE_NOOP("Urgency", "Emergency"),
    2: QT_TRANSLATE_NOOP("Urgency", "Urgent"),
    3: QT_TRANSLATE_NOOP("Urgency", "Normal"),
}

PROJECT_TYPES = {
    "residential": QT_TRANSLATE_NOOP("ProjectType", "Residential / building"),
    "road": QT_TRANSLATE_NOOP("ProjectType", "Municipal road"),
    "industrial": QT_TRANSLATE_NOOP("ProjectType", "Industrial plant"),
    "mep": QT_TRANSLATE_NOOP("ProjectType", "MEP installation"),
    "infrastructure": QT_TRANSLATE_NOOP("ProjectType", "Infrastructure"),
    "other": QT_TRANSLATE_NOOP("ProjectType", "Other"),
}


ORG_KINDS = {
    "hq": QT_TRANSLATE_NOOP("OrgKind", "Headquarters"),
    "project_dept": QT_TRANSLATE_NOOP("OrgKind", "Project department"),
    "subcontractor": QT_TRANSLATE_NOOP("OrgKind", "Subcontractor"),
}

ROLES = {
    "clerk": QT_TRANSLATE_NOOP("Role", "Clerk / service desk"),
    "technician": QT_TRANSLATE_NOOP("Role", "Warranty technician"),
    "project_manager": QT_TRANSLATE_NOOP("Role", "Project manager"),
    "hq_admin": QT_TRANSLATE_NOOP("Role", "HQ warranty administrator"),
}

BUILDING_PARTS = {
    "foundation_structure": QT_TRANSLATE_NOOP("BuildingPart", "Foundation and main structure"),
    "roof_waterproofing": QT_TRANSLATE_NOOP("BuildingPart", "Roof waterproofing"),
    "waterproof_rooms": QT_TRANSLATE_NOOP("BuildingPart", "Bathroom and room leak-proofing"),
    "exterior_wall": QT_TRANSLATE_NOOP("BuildingPart", "Exterior wall leak-proofing"),
    "heating_cooling": QT_TRANSLATE_NOOP("BuildingPart", "Heating and cooling system"),
    "electrical": QT_TRANSLATE_NOOP("BuildingPart", "Electrical lines"),
    "water_drainage": QT_TRANSLATE_NOOP("BuildingPart", "Water supply and drainage pipes"),
    "equipment": QT_TRANSLATE_NOOP("BuildingPart", "Equipment installation"),
    "decoration": QT_TRANSLATE_NOOP("BuildingPart", "Decoration"),
    "other": QT_TRANSLATE_NOOP("BuildingPart", "Other parts"),
}

PERIOD_UNITS = {
    "years": QT_TRANSLATE_NOOP("PeriodUnit", "years"),
    "seasons": QT_TRANSLATE_NOOP("PeriodUnit", "heating/cooling seasons"),
    "design_life": QT_TRANSLATE_NOOP("PeriodUnit", "design service life"),
}

LOCATION_KINDS = {
    "building": QT_TRANSLATE_NOOP("LocationKind", "Building"),
    "unit": QT_TRANSLATE_NOOP("LocationKind", "Unit"),
    "floor": QT_TRANSLATE_NOOP("LocationKind", "Floor"),
    "room": QT_TRANSLATE_NOOP("LocationKind", "Room"),
    "section": QT_TRANSLATE_NOOP("LocationKind", "Road section"),
    "chainage": QT_TRANSLATE_NOOP("LocationKind", "Chainage"),
    "system": QT_TRANSLATE_NOOP("LocationKind", "System"),
    "equipment": QT_TRANSLATE_NOOP("LocationKind", "Equipment"),
}

CHANNELS = {
    "hotline": QT_TRANSLATE_NOOP("Channel", "Phone hotline"),
    "wechat": QT_TRANSLATE_NOOP("Channel", "WeChat mini program"),
    "app": QT_TRANSLATE_NOOP("Channel", "App"),
    "on_site": QT_TRANSLATE_NOOP("Channel", "Registered on site"),
    "import": QT_TRANSLATE_NOOP("Channel", "Bulk import"),
}

CAUSES = {
    "construction_defect": QT_TRANSLATE_NOOP("Cause", "Construction defect"),
    "misuse": QT_TRANSLATE_NOOP("Cause", "Improper use"),
    "third_party": QT_TRANSLATE_NOOP("Cause", "Third party"),
    "design": QT_TRANSLATE_NOOP("Cause", "Design"),
    "material_equipment": QT_TRANSLATE_NOOP("Cause", "Material or equipment"),
    "force_majeure": QT_TRANSLATE_NOOP("Cause", "Force majeure"),
}

COVERAGES = {
    "covered": QT_TRANSLATE_NOOP("Coverage", "Within warranty"),
    "expired": QT_TRANSLATE_NOOP("Coverage", "Warranty expired"),
    "needs_judgement": QT_TRANSLATE_NOOP("Coverage", "Needs expert judgement"),
    "not_covered": QT_TRANSLATE_NOOP("Coverage", "Not covered by warranty"),
}

RESPONSIBLE_PARTIES = {
    "own_team": QT_TRANSLATE_NOOP("ResponsibleParty", "Own team"),
    "subcontractor": QT_TRANSLATE_NOOP("ResponsibleParty", "Subcontractor"),
}

PHOTO_STAGES = {
    "before": QT_TRANSLATE_NOOP("PhotoStage", "Before repair"),
    "during": QT_TRANSLATE_NOOP("PhotoStage", "During repair"),
    "after": QT_TRANSLATE_NOOP("PhotoStage", "After repair"),
    "document": QT_TRANSLATE_NOOP("PhotoStage", "Documents"),
}

SIGNER_ROLES = {
    "owner": QT_TRANSLATE_NOOP("SignerRole", "Owner"),
    "technician": QT_TRANSLATE_NOOP("SignerRole", "Repair staff"),
}


def _translated(context: str, table: dict, code) -> str:
    source = table.get(code)
    return str(code) if source is None else QCoreApplication.translate(context, source)


def state_label(code: str) -> str:
    return _translated("TicketState", TICKET_STATES, code)


def urgency_label(code: int) -> str:
    return _translated("Urgency", URGENCIES, code)


def project_type_label(code: str) -> str:
    return _translated("ProjectType", PROJECT_TYPES, code)


def org_kind_label(code: str) -> str:
    return _translated("OrgKind", ORG_KINDS, code)


def role_label(code: str) -> str:
    return _translated("Role", ROLES, code)


def building_part_label(code: str) -> str:
    return _translated("BuildingPart", BUILDING_PARTS, code)


def period_unit_label(code: str) -> str:
    return _translated("PeriodUnit", PERIOD_UNITS, code)


def location_kind_label(code: str) -> str:
    return _translated("LocationKind", LOCATION_KINDS, code)


def channel_label(code: str) -> str:
    return _translated("Channel", CHANNELS, code)


def cause_label(code: str) -> str:
    return _translated("Cause", CAUSES, code)


def coverage_label(code: str) -> str:
    return _translated("Coverage", COVERAGES, code)


def responsible_party_label(code: str) -> str:
    return _translated("ResponsibleParty", RESPONSIBLE_PARTIES, code)


def photo_stage_label(code: str) -> str:
    return _translated("PhotoStage", PHOTO_STAGES, code)


def signer_role_label(code: str) -> str:
    return _translated("SignerRole", SIGNER_ROLES, code)
