"""Verification of printed forms: short codes, the printing register and the verdicts.

A form's short code is derived from the ticket and the hash of everything the form showed
when it was printed. The register (`printed_document`) keeps that hash item by item, so a
code typed, scanned from the QR code or read back from a PDF is answered with 与记录一致,
打印后记录已更改（哪些：…）, or 未知.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.kinds import DOCUMENT_TITLE_ZH, DocumentKind
from app.documents.record import TicketRecord, content_hash, load_record, part_name
from app.models.base import to_local, utcnow
from app.models.printed_document import PrintedDocument
from app.models.ticket import Ticket

CODE_LENGTH = 12
# What the QR code holds and the PDF's keywords carry: ASCII, so a keyboard-wedge scanner
# types it faithfully into the 核验 dialog.
QR_PREFIX = "WDVERIFY:"
# Base32 without 0/O and 1/I, the letters people misread (as in installation codes).
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_TO_ALPHABET = str.maketrans(_B32, _ALPHABET)
_CODE_IN_TEXT = re.compile(r"(?<![A-Z0-9])[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}(?![A-Z0-9])")


class VerifyStatus(StrEnum):
    MATCHES = "matches"
    CHANGED = "changed"
    UNKNOWN = "unknown"


VERIFY_STATUS_ZH = {
    VerifyStatus.MATCHES: "与记录一致",
    VerifyStatus.CHANGED: "打印后记录已更改",
    VerifyStatus.UNKNOWN: "未知",
}


@dataclass(frozen=True)
class VerificationResult:
    status: VerifyStatus
    code: str  # as shown, with dashes ('' when none was found)
    message: str  # the verdict for people, in Chinese
    changes: list[str] = field(default_factory=list)  # what changed, in Chinese
    ticket_number: str = ""
    kind: str = ""
    printed_at: dt.datetime | None = None  # local time

    @property
    def verdict(self) -> str:
        return VERIFY_STATUS_ZH[self.status]


def short_code(kind: DocumentKind | str, subject_id: uuid.UUID, content_sha256: str) -> str:
    """The 12-character code printed on a form or minutes (no dashes); kind is the document
    kind's value ("confirmation", …, "minutes"), subject the ticket or the meeting."""
    seed = f"{kind}|{subject_id}|{content_sha256}".encode("ascii")
    digest = hashlib.sha256(seed).digest()
    return base64.b32encode(digest).decode("ascii").translate(_TO_ALPHABET)[:CODE_LENGTH]


def format_code(code: str) -> str:
    """'K7QM3XH9P2WX' → 'K7QM-3XH9-P2WX' (easier to read aloud and type)."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalize_code(text: str) -> str | None:
    """The code in what was typed or scanned (dashes, spaces, the QR prefix); None if none."""
    cleaned = (text or "").strip().upper()
    if cleaned.startswith(QR_PREFIX):
        cleaned = cleaned[len(QR_PREFIX) :]
    compact = re.sub(r"[\s\-_–—·.]", "", cleaned)
    if len(compact) == CODE_LENGTH and all(ch in _ALPHABET for ch in compact):
        return compact
    # Pasted with words around it ("核验码：K7QM-3XH9-P2WX"): take the one code-shaped token.
    found = {m.replace("-", "") for m in _CODE_IN_TEXT.findall(cleaned)}
    return found.pop() if len(found) == 1 else None


def register_printing(
    session: Session,
    record: TicketRecord,
    kind: DocumentKind,
    *,
    printed_by_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> str:
    """Keep what this form shows under its code (once per distinct content); returns the code."""
    digest = content_hash(record.parts)
    code = short_code(kind, record.ticket_id, digest)
    exists = session.scalar(select(PrintedDocument.id).where(PrintedDocument.code == code))
    if exists is None:
        session.add(
            PrintedDocument(
                code=code,
                kind=DocumentKind(kind).value,
                ticket_id=record.ticket_id,
                content_sha256=digest,
                parts=dict(record.parts),
                event_count=record.event_count,
                printed_at=now or utcnow(),
                printed_by_id=printed_by_id,
            )
        )
        session.flush()
    return code


def _changes(printed: PrintedDocument, record: TicketRecord) -> list[str]:
    """What differs between the printed parts and the record now, in Chinese, in print order."""
    old: dict[str, str] = printed.parts or {}
    changes = []
    for key in list(record.parts) + [k for k in old if k not in record.parts]:
        if old.get(key) == record.parts.get(key):
            continue
        name = part_name(key)
        if key == "events":
            added = record.event_count - printed.event_count
            if added > 0:
                name = f"{name}（新增 {added} 条）"
        changes.append(name)
    return changes


def verify_code(session: Session, text: str) -> VerificationResult:
    """Answer a typed or scanned code: matches the record, changed since printing, or unknown."""
    code = normalize_code(text)
    if code is None:
        shown = (text or "").strip()
        return VerificationResult(
            VerifyStatus.UNKNOWN, shown,
            f"未知：“{shown}”不是有效的核验码（核验码为 12 位字母和数字，如 K7QM-3XH9-P2WX）",
        )
    printed = session.scalar(select(PrintedDocument).where(PrintedDocument.code == code))
    if printed is None:
        # Meeting minutes keep their own register (they belong to no ticket).
        from app.documents.minutes import verify_minutes_code

        minutes = verify_minutes_code(session, code)
        if minutes is not None:
            return minutes
        return VerificationResult(
            VerifyStatus.UNKNOWN, format_code(code),
            f"未知：本数据库中没有核验码 {format_code(code)} 的打印记录"
            "（可能来自其他数据库，或不是本系统打印的文件）",
        )
    ticket = session.get(Ticket, printed.ticket_id)
    title = DOCUMENT_TITLE_ZH.get(printed.kind, printed.kind)  # type: ignore[call-overload]
    printed_at = to_local(printed.printed_at).replace(tzinfo=None)
    when = printed_at.strftime("%Y-%m-%d %H:%M")
    if ticket is None:
        return VerificationResult(
            VerifyStatus.UNKNOWN, format_code(code), f"未知：《{title}》对应的报修单已不存在",
            kind=printed.kind, printed_at=printed_at,
        )
    record = load_record(session, ticket)
    what = f"《{title}》{ticket.number}（{when} 打印）"
    if content_hash(record.parts) == printed.content_sha256:
        return VerificationResult(
            VerifyStatus.MATCHES, format_code(code), f"与记录一致：{what}",
            ticket_number=ticket.number, kind=printed.kind, printed_at=printed_at,
        )
    changes = _changes(printed, record)
    return VerificationResult(
        VerifyStatus.CHANGED, format_code(code),
        f"打印后记录已更改（哪些：{'、'.join(changes)}）：{what}",
        changes=changes, ticket_number=ticket.number, kind=printed.kind, printed_at=printed_at,
    )


def code_from_pdf(data: bytes) -> str | None:
    """The verification code a form carries: its PDF keywords, else its printed text."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        keywords = str((reader.metadata or {}).get("/Keywords") or "")
        for word in keywords.replace(",", " ").split():
            code = normalize_code(word)
            if code:
                return code
        for page in reader.pages[:3]:
            text = page.extract_text() or ""
            match = re.search(r"核验码[:：]?\s*([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})", text)
            if match:
                return normalize_code(match.group(1))
    except (PdfReadError, ValueError, OSError):
        return None
    return None


def verify_pdf(session: Session, path: Path | str) -> VerificationResult:
    """Verify a PDF file by the code it carries."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return VerificationResult(VerifyStatus.UNKNOWN, "", f"未知：无法读取文件 {path}（{error}）")
    code = code_from_pdf(data)
    if code is None:
        return VerificationResult(
            VerifyStatus.UNKNOWN, "", f"未知：文件 {path.name} 中没有找到核验码（不是本系统打印的文件）"
        )
    return verify_code(session, code)
