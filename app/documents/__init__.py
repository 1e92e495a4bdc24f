"""Printed documents: ReportLab PDFs of a ticket's forms and their verification (no Qt here)."""

from app.documents.kinds import (
    DOCUMENT_TITLE_ZH,
    DocumentKind,
    available_documents,
    document_problem,
)
from app.documents.service import (
    DocumentRefused,
    RenderedDocument,
    default_file_name,
    render_for_ticket,
    render_for_ticket_number,
)
from app.documents.verification import VerificationResult, VerifyStatus, verify_code, verify_pdf

__all__ = [
    "DOCUMENT_TITLE_ZH",
    "DocumentKind",
    "DocumentRefused",
    "RenderedDocument",
    "VerificationResult",
    "VerifyStatus",
    "available_documents",
    "default_file_name",
    "document_problem",
    "render_for_ticket",
    "render_for_ticket_number",
    "verify_code",
    "verify_pdf",
]
