"""Attachments (files stored by content hash) and signatures of a ticket; both append-only."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, IdMixin, utcnow


class Attachment(IdMixin, Base):
    """A photo, video or document of a ticket; the file lives at attachments/ab/cdef… by hash."""

    __tablename__ = "attachment"

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ticket.id"), index=True)
    work_log_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("work_log.id"))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    mime_type: Mapped[str] = mapped_column(String(100))
    original_name: Mapped[str] = mapped_column(String(255))
    stage: Mapped[str] = mapped_column(String(20))  # vocabulary.PhotoStage
    caption: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))


class Signature(IdMixin, Base):
    """A signature on a ticket: drawn on screen or scanned from the signed paper form."""

    __tablename__ = "signature"

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ticket.id"), index=True)
    signer_role: Mapped[str] = mapped_column(String(20))  # vocabulary.SignerRole
    signer_name: Mapped[str] = mapped_column(String(50))
    method: Mapped[str] = mapped_column(String(20))  # vocabulary.SignatureMethod
    image_sha256: Mapped[str] = mapped_column(String(64))  # the PNG/scan, stored like attachments
    signed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
