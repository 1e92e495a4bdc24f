"""The pages later releases fill, with what each will hold (shown honestly as not yet there)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_C = "Placeholder"

PLANNED_PAGES = {
    "kanban": [
        QT_TRANSLATE_NOOP("Placeholder", "A column per lifecycle state, a card per open ticket"),
        QT_TRANSLATE_NOOP("Placeholder", "Drag a card to move the ticket; missing data opens the stage form"),
        QT_TRANSLATE_NOOP("Placeholder", "Swimlanes by project or owner; print the board for the site office"),
    ],
    "projects": [
        QT_TRANSLATE_NOOP("Placeholder", "Projects with type, handover and delivery dates, department, subcontractors"),
        QT_TRANSLATE_NOOP("Placeholder", "Warranty terms per building part, never below the statutory minimum"),
        QT_TRANSLATE_NOOP("Placeholder", "Location tree: buildings, units, floors, rooms; road sections; systems"),
    ],
    "customers": [
        QT_TRANSLATE_NOOP("Placeholder", "Owners with contacts, the units they own and their full ticket history"),
        QT_TRANSLATE_NOOP("Placeholder", "Communication log with promised dates, preferences and notes"),
    ],
    "followups": [
        QT_TRANSLATE_NOOP("Placeholder", "Follow-up visits scheduled within 7 days of acceptance, with outcome"),
        QT_TRANSLATE_NOOP("Placeholder", "Overdue follow-ups and rewards given"),
    ],
}


def planned(key: str) -> list[str]:
    return [QCoreApplication.translate(_C, text) for text in PLANNED_PAGES[key]]
