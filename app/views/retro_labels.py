"""Display names of the escalation, meeting and CAPA codes, as translatable English sources.

The Chinese translations match the names the documents use (app/models/escalation_terms.py);
tests/gui/test_retrospectives.py keeps the code lists equal.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

LOCAL_ZONE = ZoneInfo("Asia/Shanghai")  # as app.models.base.to_local: the office's clock

ESCALATION_KINDS = {
    "major_quality": QT_TRANSLATE_NOOP("EscalationKind", "Major quality issue"),
    "recurring": QT_TRANSLATE_NOOP("EscalationKind", "Recurring problem"),
    "sla_breached": QT_TRANSLATE_NOOP("EscalationKind", "Response time exceeded"),
    "repeated_rework": QT_TRANSLATE_NOOP("EscalationKind", "Repeated rework"),
    "manual": QT_TRANSLATE_NOOP("EscalationKind", "Manual escalation"),
}

ESCALATION_LEVELS = {
    "project_manager": QT_TRANSLATE_NOOP("EscalationLevel", "Project manager"),
    "management": QT_TRANSLATE_NOOP("EscalationLevel", "Company management"),
}

ESCALATION_STATES = {
    "pending": QT_TRANSLATE_NOOP("EscalationState", "Pending"),
    "meeting_scheduled": QT_TRANSLATE_NOOP("EscalationState", "Retrospective scheduled"),
    "rectifying": QT_TRANSLATE_NOOP("EscalationState", "Rectifying"),
    "closed": QT_TRANSLATE_NOOP("EscalationState", "Closed"),
    "reopened": QT_TRANSLATE_NOOP("EscalationState", "Reopened (recurred after the fix)"),
}

ESCALATION_EVENTS = {
    "raised": QT_TRANSLATE_NOOP("EscalationEvent", "Escalated"),
    "ticket_joined": QT_TRANSLATE_NOOP("EscalationEvent", "Ticket joined"),
    "level_raised": QT_TRANSLATE_NOOP("EscalationEvent", "Level raised"),
    "state": QT_TRANSLATE_NOOP("EscalationEvent", "State changed"),
    "owner": QT_TRANSLATE_NOOP("EscalationEvent", "Owner changed"),
    "reopened": QT_TRANSLATE_NOOP("EscalationEvent", "Effect check failed, reopened"),
    "meeting": QT_TRANSLATE_NOOP("EscalationEvent", "Retrospective meeting"),
    "action": QT_TRANSLATE_NOOP("EscalationEvent", "Corrective action"),
    "watch_started": QT_TRANSLATE_NOOP("EscalationEvent", "Effect check started"),
    "comment": QT_TRANSLATE_NOOP("EscalationEvent", "Comment"),
}

MEETING_STATUSES = {
    "planned": QT_TRANSLATE_NOOP("MeetingStatus", "Planned"),
    "held": QT_TRANSLATE_NOOP("MeetingStatus", "Held"),
    "closed": QT_TRANSLATE_NOOP("MeetingStatus", "Closed"),
}

FISHBONE = {
    "man": QT_TRANSLATE_NOOP("FishboneCategory", "Man"),
    "machine": QT_TRANSLATE_NOOP("FishboneCategory", "Machine"),
    "material": QT_TRANSLATE_NOOP("FishboneCategory", "Material"),
    "method": QT_TRANSLATE_NOOP("FishboneCategory", "Method"),
    "environment": QT_TRANSLATE_NOOP("FishboneCategory", "Environment"),
    "measurement": QT_TRANSLATE_NOOP("FishboneCategory", "Measurement"),
}
FISHBONE_CATEGORIES = list(FISHBONE)

ATTENDEE_ROLE_NAMES = {
    "construction": QT_TRANSLATE_NOOP("AttendeeRole", "Construction"),
    "design": QT_TRANSLATE_NOOP("AttendeeRole", "Design"),
    "subcontractor": QT_TRANSLATE_NOOP("AttendeeRole", "Subcontractor"),
    "supervision": QT_TRANSLATE_NOOP("AttendeeRole", "Supervision"),
    "owner": QT_TRANSLATE_NOOP("AttendeeRole", "Owner"),
    "property": QT_TRANSLATE_NOOP("AttendeeRole", "Property management"),
    "other": QT_TRANSLATE_NOOP("AttendeeRole", "Other"),
}
ATTENDEE_ROLES = list(ATTENDEE_ROLE_NAMES)

ACTION_KIND_NAMES = {
    "corrective": QT_TRANSLATE_NOOP("ActionKind", "Corrective"),
    "preventive": QT_TRANSLATE_NOOP("ActionKind", "Preventive"),
}
ACTION_KINDS = list(ACTION_KIND_NAMES)

ACTION_STATUS_NAMES = {
    "not_started": QT_TRANSLATE_NOOP("ActionStatus", "Not started"),
    "in_progress": QT_TRANSLATE_NOOP("ActionStatus", "In progress"),
    "done": QT_TRANSLATE_NOOP("ActionStatus", "Done"),
    "verified": QT_TRANSLATE_NOOP("ActionStatus", "Verified"),
    "cancelled": QT_TRANSLATE_NOOP("ActionStatus", "Cancelled"),
}
ACTION_STATUSES = list(ACTION_STATUS_NAMES)
CLOSED_ACTION_STATUSES = frozenset({"done", "verified", "cancelled"})


def _label(context: str, table: dict, code: str) -> str:
    source = table.get(code)
    return QCoreApplication.translate(context, source) if source else code


def escalation_kind_label(code: str) -> str:
    return _label("EscalationKind", ESCALATION_KINDS, code)


def escalation_level_label(code: str) -> str:
    return _label("EscalationLevel", ESCALATION_LEVELS, code)


def escalation_state_label(code: str) -> str:
    return _label("EscalationState", ESCALATION_STATES, code)


def escalation_event_label(code: str) -> str:
    return _label("EscalationEvent", ESCALATION_EVENTS, code)


def meeting_status_label(code: str) -> str:
    return _label("MeetingStatus", MEETING_STATUSES, code)


def fishbone_label(code: str) -> str:
    return _label("FishboneCategory", FISHBONE, code)


def attendee_role_label(code: str) -> str:
    return _label("AttendeeRole", ATTENDEE_ROLE_NAMES, code)


def action_kind_label(code: str) -> str:
    return _label("ActionKind", ACTION_KIND_NAMES, code)


def action_status_label(code: str) -> str:
    return _label("ActionStatus", ACTION_STATUS_NAMES, code)


def local_text(value: dt.datetime | None) -> str:
    """A stored (naive UTC) time as the clerk reads it."""
    if value is None:
        return ""
    return value.replace(tzinfo=dt.UTC).astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M")
