"""The three printed forms of a ticket and which of them its state allows."""

from __future__ import annotations

from enum import StrEnum

from app.models.ticket import Ticket
from app.models.vocabulary import TICKET_STATE_ZH, TicketState

S = TicketState


class DocumentKind(StrEnum):
    CONFIRMATION = "confirmation"  # 保修完成确认单
    WORK_ORDER = "work-order"  # 维修派工单
    NOT_COVERED = "not-covered"  # 不予保修告知书


DOCUMENT_TITLE_ZH = {
    DocumentKind.CONFIRMATION: "保修完成确认单",
    DocumentKind.WORK_ORDER: "维修派工单",
    DocumentKind.NOT_COVERED: "不予保修告知书",
}

# Printed in the form number before the ticket number (完成确认 / 派工 / 告知).
FORM_NUMBER_PREFIX = {
    DocumentKind.CONFIRMATION: "WC",
    DocumentKind.WORK_ORDER: "PG",
    DocumentKind.NOT_COVERED: "GZ",
}

# The confirmation form is printed for the owner to sign at acceptance and afterwards filed.
_CONFIRMATION_STATES = frozenset({S.ACCEPTANCE, S.FOLLOW_UP, S.ARCHIVED})
# A work order needs a saved plan; it is reprinted for rework until the ticket closes.
_WORK_ORDER_STATES = frozenset({S.PLANNING, S.IN_REPAIR, S.ACCEPTANCE, S.FOLLOW_UP, S.ARCHIVED})


def document_problem(ticket: Ticket, kind: DocumentKind | str) -> str | None:
    """Why the ticket cannot have this form now (Chinese), or None when it can."""
    kind = DocumentKind(kind)
    title = DOCUMENT_TITLE_ZH[kind]
    state = TICKET_STATE_ZH.get(ticket.state, ticket.state)  # type: ignore[call-overload]
    if kind == DocumentKind.CONFIRMATION and ticket.state not in _CONFIRMATION_STATES:
        return f"报修单 {ticket.number} 处于“{state}”，完工报验后（验收反馈、回访、已归档）才能打印《{title}》"
    if kind == DocumentKind.WORK_ORDER:
        if ticket.state not in _WORK_ORDER_STATES:
            return f"报修单 {ticket.number} 处于“{state}”，不能打印《{title}》"
        if ticket.planned_at is None:
            return f"报修单 {ticket.number} 尚未保存维修计划，不能打印《{title}》"
    if kind == DocumentKind.NOT_COVERED and ticket.state != S.NOT_COVERED:
        return f"报修单 {ticket.number} 处于“{state}”，经项目经理审批“不予保修”后才能打印《{title}》"
    return None


def available_documents(ticket: Ticket) -> list[DocumentKind]:
    """The forms the ticket can be printed as now (for the ticket detail's 打印/导出 menu)."""
    return [kind for kind in DocumentKind if document_problem(ticket, kind) is None]
