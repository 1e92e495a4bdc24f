"""Making a ticket's form: check the state, read the record, register the code, lay out the PDF."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents import confirmation, not_covered, work_order
from app.documents.kinds import (
    DOCUMENT_TITLE_ZH,
    FORM_NUMBER_PREFIX,
    DocumentKind,
    document_problem,
)
from app.documents.layout import Letterhead, build_pdf, styles, title_block
from app.documents.record import TicketRecord, content_hash, load_record
from app.documents.sections import FileReader, FormContext
from app.documents.verification import QR_PREFIX, format_code, register_printing, short_code
from app.models.attachment_store import AttachmentStore
from app.models.ticket import Ticket

_BUILDERS: dict[DocumentKind, tuple[Callable, Callable]] = {
    DocumentKind.CONFIRMATION: (confirmation.story, confirmation.subtitle),
    DocumentKind.WORK_ORDER: (work_order.story, work_order.subtitle),
    DocumentKind.NOT_COVERED: (not_covered.story, not_covered.subtitle),
}
_NO_DATE = dt.datetime(2000, 1, 1)


class DocumentRefused(Exception):
    """The form cannot be made (unknown ticket, wrong state); the message is Chinese."""


@dataclass(frozen=True)
class RenderedDocument:
    kind: DocumentKind
    ticket_id: uuid.UUID
    ticket_number: str
    title: str  # 保修完成确认单
    code: str  # K7QM-3XH9-P2WX
    pdf: bytes
    warnings: list[str] = field(default_factory=list)  # files that could not be printed

    @property
    def file_name(self) -> str:
        return default_file_name(self.kind, self.ticket_number)


def default_file_name(kind: DocumentKind | str, ticket_number: str) -> str:
    """保修完成确认单-BX-JN01-2026-00042.pdf"""
    return f"{DOCUMENT_TITLE_ZH[DocumentKind(kind)]}-{ticket_number}.pdf"


def render_record(record: TicketRecord, kind: DocumentKind, read_file: FileReader) -> RenderedDocument:
    """Lay out the form for a loaded record (no database needed)."""
    kind = DocumentKind(kind)
    code = format_code(short_code(kind, record.ticket_id, content_hash(record.parts)))
    story_of, subtitle_of = _BUILDERS[kind]
    ctx = FormContext(record, styles(), read_file)
    title = DOCUMENT_TITLE_ZH[kind]
    letterhead = Letterhead(
        title=title,
        company=record.company,
        project_dept=record.project_dept,
        form_number=f"{FORM_NUMBER_PREFIX[kind]}-{record.number}",
        code=code,
        qr_data=QR_PREFIX + code.replace("-", ""),
        created=record.last_change_at or _NO_DATE,
        keywords=f"{QR_PREFIX}{code.replace('-', '')} 核验码 {code} {record.number}",
        subject=f"报修单 {record.number} · 核验码 {code}",
    )
    story = [title_block(ctx.st, letterhead, subtitle_of(ctx)), *story_of(ctx)]
    pdf = build_pdf(letterhead, story)
    return RenderedDocument(kind, record.ticket_id, record.number, title, code, pdf, ctx.warnings)


def render_for_ticket(
    session: Session,
    store: AttachmentStore,
    ticket: Ticket,
    kind: DocumentKind | str,
    *,
    printed_by_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> RenderedDocument:
    """The form of `ticket`, its code registered for verification (call inside a transaction)."""
    kind = DocumentKind(kind)
    problem = document_problem(ticket, kind)
    if problem:
        raise DocumentRefused(problem)
    record = load_record(session, ticket)
    register_printing(session, record, kind, printed_by_id=printed_by_id, now=now)
    return render_record(record, kind, store.read)


def find_ticket(session: Session, number: str) -> Ticket:
    ticket = session.scalar(select(Ticket).where(Ticket.number == number.strip()))
    if ticket is None:
        raise DocumentRefused(f"找不到报修单 {number}")
    return ticket


def render_for_ticket_number(
    session: Session, store: AttachmentStore, number: str, kind: DocumentKind | str, **options
) -> RenderedDocument:
    return render_for_ticket(session, store, find_ticket(session, number), kind, **options)
