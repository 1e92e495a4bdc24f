"""Printed forms: one confirmation form with 4 photos, 1,000 forms in a batch, the print preview."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from sqlalchemy import case, func, select

from app.config import attachments_dir
from app.demo.generator import generate_demo
from app.documents import DocumentKind, render_for_ticket
from app.documents.batch import export_forms
from app.documents.record import load_record
from app.documents.service import render_record
from app.models.attachment import Attachment
from app.models.attachment_store import AttachmentStore
from app.models.db import open_database
from app.models.ticket import Ticket
from benchmarks.report import median_ms, pad

FORM_TARGET_MS = 60
BATCH = 1000
BATCH_TARGET_S = 60
PREVIEW_TARGET_MS = 300
DEMO_TICKETS = 1300  # about 80 % end archived: enough for a batch of 1,000 confirmation forms


def _store(folder: Path):
    path = folder / "documents.db"
    if not path.exists():
        db = open_database(path, create=True)
        generate_demo(db, tickets=DEMO_TICKETS, seed=5)
        return db
    return open_database(path)


def _ticket_with_four_photos(session) -> Ticket:
    before = func.sum(case((Attachment.stage == "before", 1), else_=0))
    after = func.sum(case((Attachment.stage == "after", 1), else_=0))
    ticket_id = session.scalar(
        select(Attachment.ticket_id).join(Ticket, Ticket.id == Attachment.ticket_id)
        .where(Ticket.state == "archived").group_by(Attachment.ticket_id)
        .having(before >= 2, after >= 2).limit(1)
    )
    return session.get(Ticket, ticket_id)


def _preview_ms(db, ticket_id) -> float:
    """From the menu click to the preview dialog with its pages shown (offscreen Qt)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.controllers.current_user import CurrentUser
    from app.controllers.documents_controller import DocumentsController
    from app.controllers.ticket_bus import TicketBus
    from app.views.document_preview_dialog import DocumentDialogs

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)
    user = CurrentUser(settings)
    controller = DocumentsController(db, TicketBus(), user, views=DocumentDialogs(None))
    times = []
    for _ in range(6):
        shown = []
        controller.previewShown.connect(shown.append)
        start = time.perf_counter()
        controller.preview(ticket_id, DocumentKind.CONFIRMATION)
        while not shown:
            app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        controller.previewShown.disconnect()
        shown[0].close()
        app.processEvents()
    warm = sorted(times[1:])  # the first also loads the font and PDFium
    return warm[len(warm) // 2]


def run(data_dir: str) -> None:
    folder = Path(data_dir) / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    db = _store(folder)
    store = AttachmentStore(attachments_dir(db.path))
    try:
        with db.transaction() as session:
            ticket = _ticket_with_four_photos(session)
            ticket_id = ticket.id
            render_for_ticket(session, store, ticket, DocumentKind.CONFIRMATION)  # warm up
            record = load_record(session, ticket)
            layout_ms = median_ms(lambda: render_record(record, DocumentKind.CONFIRMATION, store.read))
            full_ms = median_ms(lambda: render_for_ticket(session, store, ticket, DocumentKind.CONFIRMATION))
            ids = list(session.scalars(
                select(Ticket.id).where(Ticket.state == "archived").order_by(Ticket.number).limit(BATCH)
            ))
        out = Path(tempfile.mkdtemp(prefix="wd-batch-"))
        start = time.perf_counter()
        result = export_forms(db, ids, DocumentKind.CONFIRMATION, out)
        batch_s = time.perf_counter() - start
        size_mb = sum(p.stat().st_size for p in result.written) / 1e6
        shutil.rmtree(out, ignore_errors=True)
        preview_ms = _preview_ms(db, ticket_id)
    finally:
        db.close()

    def ok(value: float, target: float) -> str:
        return "✓" if value <= target else "✗"

    print("\nPrinted forms (ReportLab; WenQuanYi Micro Hei embedded)")
    print(f"{pad('measure', 52)}{'value':>12}  target  ok")
    print(f"{pad('confirmation form, 4 photos: layout only (ms)', 52)}{layout_ms:>12.1f}  ≤ {FORM_TARGET_MS}   "
          f"{ok(layout_ms, FORM_TARGET_MS)}")
    print(f"{pad('  … read record + register code + layout (ms)', 52)}{full_ms:>12.1f}  ≤ {FORM_TARGET_MS}   "
          f"{ok(full_ms, FORM_TARGET_MS)}")
    print(f"{pad(f'batch of {len(result.written):,} confirmation forms (s)', 52)}{batch_s:>12.1f}  ≤ {BATCH_TARGET_S}   "
          f"{ok(batch_s, BATCH_TARGET_S)}   ({size_mb:.0f} MB written)")
    print(f"{pad('print preview shown, warm (ms)', 52)}{preview_ms:>12.1f}  ≤ {PREVIEW_TARGET_MS}  "
          f"{ok(preview_ms, PREVIEW_TARGET_MS)}")


if __name__ == "__main__":
    import sys

    run(sys.argv[1] if len(sys.argv) > 1 else "bench-data")
