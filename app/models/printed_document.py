"""Printed documents (打印文件): the verification code of each printed form and what it showed."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, IdMixin, utcnow


class PrintedDocument(IdMixin, Base):
    """One distinct printed content of a ticket's form, found again by its short code.

    The code is derived from the content, so printing an unchanged record again gives the same
    code and no new row. `parts` keeps one hash per printed item (each field, the history, the
    photos, the signatures…) so verification can say what changed since printing.
    """

    __tablename__ = "printed_document"

    code: Mapped[str] = mapped_column(String(16), unique=True)  # short code, no dashes
    kind: Mapped[str] = mapped_column(String(20))  # documents.DocumentKind
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ticket.id"), index=True)
    content_sha256: Mapped[str] = mapped_column(String(64))
    parts: Mapped[dict] = mapped_column(JSON)  # {part key: hash}
    event_count: Mapped[int] = mapped_column(default=0)  # history entries when printed
    printed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    printed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
