"""Batch export: one form per ticket into a folder, with progress and a way to stop."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from app.config import attachments_dir
from app.documents.kinds import DOCUMENT_TITLE_ZH, DocumentKind, document_problem
from app.documents.service import render_for_ticket
from app.models.attachment_store import AttachmentStore
from app.models.db import Database
from app.models.ticket import Ticket


@dataclass
class BatchResult:
    kind: DocumentKind
    total: int
    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why a ticket has no such form (Chinese)
    failed: list[str] = field(default_factory=list)
    cancelled: bool = False

    def summary(self) -> str:
        """One paragraph for the clerk, in Chinese."""
        title = DOCUMENT_TITLE_ZH[self.kind]
        text = f"已导出 {len(self.written)} 份《{title}》（共选 {self.total} 张报修单）"
        if self.cancelled:
            text += "；已取消，其余未导出"
        if self.skipped:
            text += f"；跳过 {len(self.skipped)} 张（状态不符）"
        if self.failed:
            text += f"；{len(self.failed)} 张失败：" + "；".join(self.failed[:3])
        return text + "。"


def export_forms(
    db: Database,
    ticket_ids: Sequence[uuid.UUID],
    kind: DocumentKind | str,
    folder: Path | str,
    *,
    printed_by_id: uuid.UUID | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> BatchResult:
    """Write the form of each ticket into `folder`; tickets without it are skipped with a reason."""
    kind = DocumentKind(kind)
    folder = Path(folder)
    store = AttachmentStore(attachments_dir(db.path))
    result = BatchResult(kind, len(ticket_ids))
    for done, ticket_id in enumerate(ticket_ids, 1):
        if should_stop is not None and should_stop():
            result.cancelled = True
            break
        number = ""
        try:
            with db.transaction() as session:
                ticket = session.get(Ticket, ticket_id)
                if ticket is None:
                    result.skipped.append(f"报修单 {ticket_id} 已不存在")
                    continue
                number = ticket.number
                problem = document_problem(ticket, kind)
                if problem:
                    result.skipped.append(problem)
                    continue
                document = render_for_ticket(session, store, ticket, kind, printed_by_id=printed_by_id)
            target = folder / document.file_name
            target.write_bytes(document.pdf)
            result.written.append(target)
        except (OSError, SQLAlchemyError) as error:
            result.failed.append(f"{number or ticket_id}：{error}")
        finally:
            if progress is not None:
                progress(done, len(ticket_ids), number)
    return result
