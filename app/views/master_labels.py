"""Display names of the master-data codes (roles, org kinds, building parts, place kinds, units).

English source strings translated through Qt; the Chinese translations match the names in
app/models/vocabulary.py, which the documents and rule messages use.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

ROLES = {
    "clerk": QT_TRANSLATE_NOOP("Role", "Clerk / customer service"),
    "technician": QT_TRANSLATE_NOOP("Role", "Warranty technician"),
    "project_manager": QT_TRANSLATE_NOOP("Role", "Project manager"),
    "hq_admin": QT_TRANSLATE_NOOP("Role", "HQ warranty administrator"),
}

ORG_KINDS = {
    "hq": QT_TRANSLATE_NOOP("OrgKind", "Head office"),
    "project_dept": QT_TRANSLATE_NOOP("OrgKind", "Project department"),
    "subcontractor": QT_TRANSLATE_NOOP("OrgKind", "Subcontractor"),
}

BUILDING_PARTS = {
    "foundation_structure": QT_TRANSLATE_NOOP("BuildingPart", "Foundation and main structure"),
    "roof_waterproofing": QT_TRANSLATE_NOOP("BuildingPart", "Roof waterproofing"),
    "waterproof_rooms": QT_TRANSLATE_NOOP("BuildingPart", "Bathrooms and rooms against leaks"),
    "exterior_wall": QT_TRANSLATE_NOOP("BuildingPart", "Exterior walls against leaks"),
    "heating_cooling": QT_TRANSLATE_NOOP("BuildingPart", "Heating and cooling systems"),
    "electrical": QT_TRANSLATE_NOOP("BuildingPart", "Electrical pipelines"),
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
    "section": QT_TRANSLATE_NOOP("LocationKind", "Section"),
    "chainage": QT_TRANSLATE_NOOP("LocationKind", "Chainage"),
    "system": QT_TRANSLATE_NOOP("LocationKind", "System"),
    "equipment": QT_TRANSLATE_NOOP("LocationKind", "Equipment"),
}


def _translated(context: str, table: dict, code) -> str:
    source = table.get(code)
    return str(code) if source is None else QCoreApplication.translate(context, source)


def role_label(code: str) -> str:
    return _translated("Role", ROLES, code)


def org_kind_label(code: str) -> str:
    return _translated("OrgKind", ORG_KINDS, code)


def building_part_label(code: str) -> str:
    return _translated("BuildingPart", BUILDING_PARTS, code)


def period_unit_label(code: str) -> str:
    return _translated("PeriodUnit", PERIOD_UNITS, code)


def location_kind_label(code: str) -> str:
    return _translated("LocationKind", LOCATION_KINDS, code)
