"""Printed documents in the app: preview and print, save as PDF, scanned forms, batches, 核验."""

from __future__ import annotations

import mimetypes
import threading
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.config import attachments_dir
from app.controllers.background import run_in_background
from app.controllers.current_user import CurrentUser
from app.controllers.ticket_bus import TicketBus
from app.documents import (
    DOCUMENT_TITLE_ZH,
    DocumentKind,
    DocumentRefused,
    RenderedDocument,
    available_documents,
    render_for_ticket,
    verify_code,
    verify_pdf,
)
from app.documents.batch import BatchResult, export_forms
from app.documents.pages import PdfPages
from app.models.attachment_store import AttachmentStore
from app.models.db import Database
from app.models.people import Customer
from app.models.ticket import Ticket
from app.models.ticket_actions import attach_file, sign
from app.models.vocabulary import PhotoStage, SignatureMethod, SignerRole, TicketState
from app.models.workflow import TransitionRefused, entered_at, owner_signatures_since

# Which paper a scan of a ticket in this state is: the one the clerk printed for signing.
_SCANNED_FORM = {
    TicketState.PLANNING: DocumentKind.WORK_ORDER,
    TicketState.IN_REPAIR: DocumentKind.WORK_ORDER,
    TicketState.ACCEPTANCE: DocumentKind.CONFIRMATION,
    TicketState.FOLLOW_UP: DocumentKind.CONFIRMATION,
    TicketState.NOT_COVERED: DocumentKind.NOT_COVERED,
}


def page_image(pages: PdfPages, index: int, dpi: float) -> QImage:
    """A page as a QImage that owns its pixels."""
    page = pages.render(index, dpi)
    return QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGB32).copy()


class _BatchSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # BatchResult
    failed = Signal(object)  # Exception


class _BatchJob(QRunnable):
    def __init__(self, work, signals: _BatchSignals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work(self._signals.progress.emit)
        except Exception as error:  # shown on the GUI thread
            self._signals.failed.emit(error)
        else:
            self._signals.finished.emit(result)


class DocumentsController(QObject):
    """Owns the documents' dialogs; `views` makes them (app.views.document_preview_dialog.DocumentDialogs)."""

    statusMessage = Signal(str)  # a short note for the status bar
    previewShown = Signal(object)  # the preview dialog, once its pages are shown
    batchFinished = Signal(object)  # BatchResult
    verified = Signal(object)  # VerificationResult

    def __init__(self, db: Database, bus: TicketBus, user: CurrentUser,
                 parent: QObject | None = None, *, views: Any) -> None:
        super().__init__(parent)
        self.db = db
        self.bus = bus
        self.user = user
        self.views = views
        self.store = AttachmentStore(attachments_dir(db.path))
        self._previews: list[Any] = []
        self._batch: tuple[Any, threading.Event, _BatchSignals] | None = None
        self.verify_dialog: Any = None

    # -- for the ticket detail's 打印/导出 menu ------------------------------------------------
    def available(self, ticket_id: uuid.UUID) -> list[DocumentKind]:
        """The forms the ticket can be printed as now."""
        with self.db.sessions() as session:
            ticket = session.get(Ticket, ticket_id)
            return available_documents(ticket) if ticket is not None else []

    # -- rendering -----------------------------------------------------------------------------
    def _render_job(self, ticket_id: uuid.UUID, kind: str):
        printed_by = self.user.staff_id

        def work() -> RenderedDocument:
            with self.db.transaction() as session:
                ticket = session.get(Ticket, ticket_id)
                if ticket is None:
                    raise DocumentRefused("找不到该报修单（可能已被删除）")
                return render_for_ticket(session, self.store, ticket, kind, printed_by_id=printed_by)

        return work

    @Slot(object, str)
    def preview(self, ticket_id: uuid.UUID, kind: str) -> None:
        """Make the form off the GUI thread, then show its pages in the preview dialog."""
        run_in_background(self._render_job(ticket_id, kind), self._show_preview, self._report)

    def _show_preview(self, document: RenderedDocument) -> None:
        pages = PdfPages(document.pdf)
        dialog = self.views.preview()
        dialog.saveRequested.connect(lambda path: self._write(document, path))
        dialog.finished.connect(lambda _result: self._close_preview(dialog, pages))
        self._previews.append(dialog)
        dialog.show_document(
            f"{document.title} {document.ticket_number}", document.code, pages.sizes,
            lambda index, dpi: page_image(pages, index, dpi), document.file_name,
        )
        dialog.show()
        self._warn(document)
        self.previewShown.emit(dialog)

    def _close_preview(self, dialog: Any, pages: PdfPages) -> None:
        if dialog in self._previews:
            self._previews.remove(dialog)
        pages.close()

    @Slot(object, str)
    def save_pdf(self, ticket_id: uuid.UUID, kind: str) -> None:
        """Ask where to save the form, then make and write it off the GUI thread."""
        with self.db.sessions() as session:
            number = session.scalar(select(Ticket.number).where(Ticket.id == ticket_id)) or ""
        name = f"{DOCUMENT_TITLE_ZH[DocumentKind(kind)]}-{number}.pdf"
        path = self.views.ask_save_pdf(name)
        if not path:
            return
        render = self._render_job(ticket_id, kind)

        def work() -> RenderedDocument:
            document = render()
            Path(path).write_bytes(document.pdf)
            return document

        def saved(document: RenderedDocument) -> None:
            self._warn(document)
            self.statusMessage.emit(f"已保存《{document.title}》{document.ticket_number} → {path}")

        run_in_background(work, saved, self._report)

    def _write(self, document: RenderedDocument, path: str) -> None:
        try:
            Path(path).write_bytes(document.pdf)
        except OSError as error:
            self.views.show_error(f"无法写入文件 {path}（{error.strerror or error}）")
            return
        self.statusMessage.emit(f"已保存《{document.title}》{document.ticket_number} → {path}")

    def _warn(self, document: RenderedDocument) -> None:
        if document.warnings:
            self.views.show_error("以下文件未能打印：\n" + "\n".join(document.warnings))

    def _report(self, error: Exception) -> None:
        if isinstance(error, DocumentRefused | LookupError):
            self.views.show_error(str(error))
        elif isinstance(error, OSError):
            self.views.show_error(f"无法写入文件（{error.strerror or error}）")
        elif isinstance(error, SQLAlchemyError):
            self.views.show_error(f"数据库读写失败：{error}")
        else:
            self.views.show_error(f"生成文件失败：{error}")

    # -- the signed paper back -----------------------------------------------------------------
    @Slot(object, str)
    def attach_scanned_form(self, ticket_id: uuid.UUID, path: str) -> None:
        """A signed, scanned form becomes an attachment (and the owner's signature at acceptance)."""
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            self.views.show_error(f"无法读取文件 {path}（{error.strerror or error}）")
            return
        mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
        try:
            with self.db.transaction() as session:
                ticket = session.get(Ticket, ticket_id)
                if ticket is None:
                    raise LookupError("找不到该报修单（可能已被删除）")
                actor = self.user.actor(session)
                kind = _SCANNED_FORM.get(TicketState(ticket.state), DocumentKind.CONFIRMATION)
                title = DOCUMENT_TITLE_ZH[kind]
                attach_file(
                    session, self.store, ticket, actor, data=data, original_name=Path(path).name,
                    mime_type=mime, stage=PhotoStage.DOCUMENT, caption=f"已签字的《{title}》扫描件",
                )
                since = entered_at(session, ticket, TicketState.ACCEPTANCE)
                if ticket.state == TicketState.ACCEPTANCE and not owner_signatures_since(session, ticket, since):
                    # The engine accepts the owner's signature on the scanned form (工作流: 验收通过).
                    sign(
                        session, self.store, ticket, actor, signer_role=SignerRole.OWNER,
                        signer_name=_owner_name(session, ticket), image=data,
                        method=SignatureMethod.SCANNED,
                    )
        except TransitionRefused as refused:
            self.views.show_error("\n".join(refused.messages))
            return
        except (LookupError, SQLAlchemyError, OSError) as error:
            self.views.show_error(str(error))
            return
        self.bus.changed([ticket_id])
        self.statusMessage.emit(f"已将《{title}》扫描件附入报修单")

    # -- batch export --------------------------------------------------------------------------
    @Slot(list, str, str)
    def export_batch(self, ticket_ids: Sequence[uuid.UUID], kind: str, folder: str) -> None:
        """Write one form per ticket into `folder` off the GUI thread, with a cancellable dialog."""
        if self._batch is not None:
            self.views.show_error("已有一批文件正在导出，请等待完成或取消后再试。")
            return
        ids = list(ticket_ids)
        stop = threading.Event()
        progress = self.views.batch_progress(len(ids))
        signals = _BatchSignals()
        signals.progress.connect(progress.set_progress)
        signals.finished.connect(self._batch_done)
        signals.failed.connect(self._batch_failed)
        progress.canceled.connect(stop.set)
        self._batch = (progress, stop, signals)
        printed_by = self.user.staff_id

        def work(report) -> BatchResult:
            return export_forms(self.db, ids, kind, folder, printed_by_id=printed_by,
                                progress=report, should_stop=stop.is_set)

        progress.forceShow()
        QThreadPool.globalInstance().start(_BatchJob(work, signals))

    def cancel_batch(self) -> None:
        if self._batch is not None:
            self._batch[1].set()

    def _batch_done(self, result: BatchResult) -> None:
        progress = self._end_batch()
        if progress is not None:
            progress.finish()
        self.statusMessage.emit(result.summary())
        self.batchFinished.emit(result)

    def _batch_failed(self, error: Exception) -> None:
        progress = self._end_batch()
        if progress is not None:
            progress.finish()
        self._report(error)

    def _end_batch(self) -> Any:
        batch, self._batch = self._batch, None
        return batch[0] if batch else None

    # -- 核验 -----------------------------------------------------------------------------------
    @Slot()
    def show_verify_dialog(self) -> None:
        if self.verify_dialog is None:
            self.verify_dialog = self.views.verify()
            self.verify_dialog.codeEntered.connect(self.verify_code)
            self.verify_dialog.fileChosen.connect(self.verify_file)
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        self.verify_dialog.activateWindow()

    @Slot(str)
    def verify_code(self, text: str) -> None:
        with self.db.sessions() as session:
            self._show_verdict(verify_code(session, text))

    @Slot(str)
    def verify_file(self, path: str) -> None:
        with self.db.sessions() as session:
            self._show_verdict(verify_pdf(session, path))

    def _show_verdict(self, result) -> None:
        if self.verify_dialog is not None:
            self.verify_dialog.show_result(result.status.value, result.verdict, result.message)
        self.verified.emit(result)


def _owner_name(session, ticket: Ticket) -> str:
    customer = session.get(Customer, ticket.customer_id) if ticket.customer_id else None
    return (customer.name if customer else "") or ticket.reporter_name or "业主"


class DocumentActions:
    """What the ticket detail's 打印/导出 menu asks for, sent to the documents controller."""

    def __init__(self, documents: DocumentsController) -> None:
        self.documents = documents

    def __call__(self, ticket_id: uuid.UUID, what: str, argument: str) -> None:
        if what == "preview":
            self.documents.preview(ticket_id, argument)
        elif what == "save":
            self.documents.save_pdf(ticket_id, argument)
        elif what == "attach_scan":
            self.documents.attach_scanned_form(ticket_id, argument)
