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

_CONTEXTS = {id(TICKET_STATES): "TicketState", id(URGENCIES): "Urgency", id(PROJECT_TYPES): "ProjectType"}


def label(table: dict, code) -> str:
    """The translated display name of `code` in one of the tables above."""
    source = table.get(code)
    if source is None:
        return str(code)
    return QCoreApplication.translate(_CONTEXTS[id(table)], source)
