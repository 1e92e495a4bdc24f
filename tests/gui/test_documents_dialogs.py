"""Documents in the app: print preview, 核验 dialog, scanned forms and batch export."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QPushButton
from sqlalchemy import func, select

from app.controllers.current_user import CurrentUser
from app.controllers.documents_controller import DocumentsController
from app.controllers.ticket_bus import TicketBus
from app.models.attachment import Attachment, Signature
from app.models.printed_document import PrintedDocument
from app.models.ticket import Ticket
from app.models.ticket_actions import add_comment
from app.models.vocabulary import TicketState
from app.views.document_preview_dialog import DocumentDialogs


class RecordingDialogs(DocumentDialogs):
    """The real dialogs, but messages are collected instead of shown modally."""

    def __init__(self) -> None:
        super().__init__(None)
        self.errors: list[str] = []
        self.infos: list[str] = []

    def show_error(self, message: str) -> None:
        self.errors.append(message)

    def show_info(self, message: str) -> None:
        self.infos.append(message)


@pytest.fixture
def documents(chinese_app, demo_db, qtbot):
    bus = TicketBus()
    user = CurrentUser(QSettings())
    with demo_db.sessions() as session:
        user.restore(session)
    views = RecordingDialogs()
    controller = DocumentsController(demo_db, bus, user, views=views)
    yield controller
    for dialog in list(controller._previews):
        dialog.close()
    if controller.verify_dialog is not None:
        controller.verify_dialog.close()


def _ids(db, state: str, limit: int) -> list[uuid.UUID]:
    with db.sessions() as session:
        return list(session.scalars(
            select(Ticket.id).where(Ticket.state == state).order_by(Ticket.number).limit(limit)
        ))


def _printed(db) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(PrintedDocument))


def _open_preview(qtbot, documents, ticket_id, kind="confirmation"):
    with qtbot.waitSignal(documents.previewShown, timeout=15_000) as shown:
        documents.preview(ticket_id, kind)
    dialog = shown.args[0]
    qtbot.addWidget(dialog)
    return dialog


def test_preview_shows_pages_zooms_pages_saves_and_prints(documents, demo_db, qtbot, tmp_path, monkeypatch) -> None:
    ticket_id = _ids(demo_db, TicketState.ARCHIVED, 1)[0]
    dialog = _open_preview(qtbot, documents, ticket_id)
    assert dialog.page_count() >= 1 and len(dialog.page_labels) == dialog.page_count()
    first = dialog.page_labels[0].pixmap()
    assert not first.isNull() and first.width() > 600  # A4 at 96 dpi is 794 px wide
    assert "核验码" in dialog.code_label.text() or "Verification" in dialog.code_label.text()

    qtbot.mouseClick(dialog.zoom_in_button, Qt.MouseButton.LeftButton)
    assert dialog.zoom() == 125
    assert dialog.page_labels[0].pixmap().width() > first.width()
    if dialog.page_count() > 1:
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        assert dialog.current_page() == 2

    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)
    assert dialog.print_to(printer) == dialog.page_count()
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000

    with demo_db.sessions() as session:  # the code on the preview is registered for verification
        assert session.scalar(select(PrintedDocument.ticket_id)) == ticket_id


def test_preview_of_a_form_the_state_does_not_allow_says_why(documents, demo_db, qtbot) -> None:
    ticket_id = _ids(demo_db, TicketState.RECEIVED, 1)[0]
    documents.preview(ticket_id, "confirmation")
    qtbot.waitUntil(lambda: bool(documents.views.errors), timeout=10_000)
    assert "报修受理" in documents.views.errors[0]
    assert _printed(demo_db) == 0


def test_verify_dialog_answers_typed_codes(documents, demo_db, qtbot, monkeypatch) -> None:
    ticket_id = _ids(demo_db, TicketState.FOLLOW_UP, 1)[0]
    dialog = _open_preview(qtbot, documents, ticket_id)
    code = dialog.code_label.text().split()[-1].split("：")[-1]
    dialog.close()

    documents.show_verify_dialog()
    verify = documents.verify_dialog
    qtbot.addWidget(verify)
    qtbot.keyClicks(verify.code_edit, code)
    qtbot.keyClick(verify.code_edit, Qt.Key.Key_Return)
    assert verify.verdict_label.text() == "与记录一致"
    assert verify.verdict_label.property("status") == "matches"

    with demo_db.transaction() as session:
        ticket = session.get(Ticket, ticket_id)
        add_comment(session, ticket, documents.user.actor(session), "业主来电：阳台也渗水")
    qtbot.keyClicks(verify.code_edit, code.lower())  # the text was selected: a new scan replaces it
    qtbot.mouseClick(verify.verify_button, Qt.MouseButton.LeftButton)
    assert verify.verdict_label.text() == "打印后记录已更改"
    assert "处理历史（新增 1 条）" in verify.detail_label.text()

    qtbot.keyClicks(verify.code_edit, "WDVERIFY:ABCDEFGHJKLM")
    qtbot.keyClick(verify.code_edit, Qt.Key.Key_Return)
    assert verify.verdict_label.text() == "未知"


def test_scanned_confirmation_becomes_attachment_and_owner_signature(documents, demo_db, qtbot, tmp_path) -> None:
    ticket_id = _ids(demo_db, TicketState.ACCEPTANCE, 1)[0]
    scan = tmp_path / "签字确认单.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"scanned signed form" * 50)
    with demo_db.sessions() as session:
        before = session.scalar(select(func.count()).select_from(Attachment).where(Attachment.ticket_id == ticket_id))
    with qtbot.waitSignal(documents.bus.ticketsChanged) as changed:
        documents.attach_scanned_form(ticket_id, str(scan))
    assert changed.args[0] == [ticket_id]
    with demo_db.sessions() as session:
        attachments = session.scalars(select(Attachment).where(Attachment.ticket_id == ticket_id)).all()
        assert len(attachments) == before + 1
        assert attachments[-1].stage == "document" and "保修完成确认单" in attachments[-1].caption
        methods = session.scalars(select(Signature.method).where(Signature.ticket_id == ticket_id)).all()
        assert "scanned" in methods
    assert documents.views.errors == []


def test_scanned_form_on_an_archived_ticket_is_refused_by_the_engine(documents, demo_db, tmp_path) -> None:
    ticket_id = _ids(demo_db, TicketState.ARCHIVED, 1)[0]
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned")
    documents.attach_scanned_form(ticket_id, str(scan))
    assert documents.views.errors and "已归档" in documents.views.errors[0]


def test_batch_export_writes_one_pdf_per_ticket(documents, demo_db, qtbot, tmp_path) -> None:
    ids = _ids(demo_db, TicketState.ARCHIVED, 3)
    with qtbot.waitSignal(documents.batchFinished, timeout=60_000) as finished:
        documents.export_batch(ids, "confirmation", str(tmp_path))
    result = finished.args[0]
    assert len(result.written) == 3 and not result.cancelled
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == sorted(p.name for p in result.written)
    assert _printed(demo_db) == 3


def test_cancel_stops_a_batch_export(documents, demo_db, qtbot, tmp_path) -> None:
    ids = _ids(demo_db, TicketState.ARCHIVED, 60)
    progress_seen = []
    with qtbot.waitSignal(documents.batchFinished, timeout=120_000) as finished:
        documents.export_batch(ids, "work-order", str(tmp_path))
        progress = documents._batch[0]
        progress.canceled.connect(lambda: progress_seen.append(progress.value()))
        qtbot.waitUntil(lambda: progress.value() >= 2, timeout=60_000)
        cancel = progress.findChild(QPushButton)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    result = finished.args[0]
    assert result.cancelled and progress_seen
    assert 2 <= len(result.written) < len(ids)
    assert len(list(tmp_path.glob("*.pdf"))) == len(result.written)
    assert _printed(demo_db) == len(result.written)


def test_preview_screen(documents, demo_db, qtbot, tmp_path) -> None:
    """The preview at a laptop's size, saved for a look (and for the docs)."""
    ticket_id = _ids(demo_db, TicketState.NOT_COVERED, 1)[0]
    dialog = _open_preview(qtbot, documents, ticket_id, "not-covered")
    dialog.resize(1366, 768)
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(tmp_path / "preview.png"))
    out = Path(tmp_path / "preview.png")
    assert out.stat().st_size > 20_000
