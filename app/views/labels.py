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



def _translated(context: str, table: dict, code) -> str:
    source = table.get(code)
    return str(code) if source is None else QCoreApplication.translate(context, source)


def state_label(code: str) -> str:
    return _translated("TicketState", TICKET_STATES, code)


def urgency_label(code: int) -> str:
    return _translated("Urgency", URGENCIES, code)


def project_type_label(code: str) -> str:
    return _translated("ProjectType", PROJECT_TYPES, code)
