"""Printed forms: content, embedded fonts, determinism, long texts, state rules, verification."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from app.config import attachments_dir
from app.documents import (
    DocumentKind,
    DocumentRefused,
    VerifyStatus,
    available_documents,
    render_for_ticket,
    verify_code,
    verify_pdf,
)
from app.documents.verification import code_from_pdf, normalize_code
from app.models.attachment_store import AttachmentStore
from app.models.people import Staff
from app.models.ticket import Ticket
from app.models.ticket_actions import MaterialLine, add_comment, edit_field, save_plan
from app.models.vocabulary import Role, TicketState

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")

KIND_STATE = {
    DocumentKind.CONFIRMATION: TicketState.ARCHIVED,
    DocumentKind.WORK_ORDER: TicketState.ARCHIVED,
    DocumentKind.NOT_COVERED: TicketState.NOT_COVERED,
}
TITLE = {
    DocumentKind.CONFIRMATION: "保修完成确认单",
    DocumentKind.WORK_ORDER: "维修派工单",
    DocumentKind.NOT_COVERED: "不予保修告知书",
}


def _store(db) -> AttachmentStore:
    return AttachmentStore(attachments_dir(db.path))


def _ticket_in(session, state: str, offset: int = 0) -> Ticket:
    return session.scalars(
        select(Ticket).where(Ticket.state == state).order_by(Ticket.number).offset(offset).limit(1)
    ).one()


def _render(db, number: str, kind: DocumentKind):
    with db.transaction() as session:
        ticket = session.scalar(select(Ticket).where(Ticket.number == number))
        return render_for_ticket(session, _store(db), ticket, kind)


def _admin(session) -> Staff:
    return session.scalars(select(Staff).where(Staff.role == Role.HQ_ADMIN).limit(1)).one()


def _pdftotext(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def _fonts(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout.decode()
    return out.splitlines()[2:]


@needs_poppler
@pytest.mark.parametrize("kind", list(DocumentKind))
def test_each_form_renders_with_its_fields_and_embedded_fonts(demo_db, tmp_path, kind) -> None:
    with demo_db.sessions() as session:
        ticket = _ticket_in(session, KIND_STATE[kind])
        number, description = ticket.number, ticket.description
    document = _render(demo_db, number, kind)
    text = _pdftotext(document.pdf, tmp_path)
    squeezed = "".join(text.split())
    assert "".join(TITLE[kind]) in squeezed.replace("\u2002", "")
    assert number in text
    assert description[:8] in squeezed
    assert document.code in text and "核验码" in squeezed
    assert "None" not in text
    assert "第1页/共" in squeezed
    fonts = _fonts(document.pdf, tmp_path)
    assert fonts and all(" yes yes yes " in line for line in fonts), fonts
    reader = PdfReader(io.BytesIO(document.pdf))
    assert 1 <= len(reader.pages) <= 3
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait
    assert document.warnings == []


@needs_poppler
def test_confirmation_prints_signatures_photos_and_blank_lines(demo_db, tmp_path) -> None:
    with demo_db.sessions() as session:
        accepted = _ticket_in(session, TicketState.ACCEPTANCE)
        archived = _ticket_in(session, TicketState.ARCHIVED)
        numbers = accepted.number, archived.number
    waiting = _pdftotext(_render(demo_db, numbers[0], DocumentKind.CONFIRMATION).pdf, tmp_path)
    done = _render(demo_db, numbers[1], DocumentKind.CONFIRMATION)
    for text in (waiting, _pdftotext(done.pdf, tmp_path)):
        squeezed = "".join(text.split())
        for label in ("业主签字", "维修人员签字", "项目部（盖章）", "满意度", "验收结果", "问题描述"):
            assert label in squeezed
    # Awaiting the owner: nothing ticked and no acceptance time; signed: images are embedded.
    assert "■验收通过" not in "".join(waiting.split())
    images = sum(len(page.images) for page in PdfReader(io.BytesIO(done.pdf)).pages)
    assert images >= 2  # photos and signatures (identical images are embedded once)


def test_same_record_gives_byte_identical_pdfs(demo_db) -> None:
    with demo_db.sessions() as session:
        numbers = {kind: _ticket_in(session, state, 3).number for kind, state in KIND_STATE.items()}
    for kind, number in numbers.items():
        first = _render(demo_db, number, kind)
        again = _render(demo_db, number, kind)
        assert first.pdf == again.pdf
        assert first.code == again.code


def test_forms_follow_the_ticket_state(demo_db) -> None:
    with demo_db.sessions() as session:
        received = _ticket_in(session, TicketState.RECEIVED)
        planning = _ticket_in(session, TicketState.PLANNING)
        archived = _ticket_in(session, TicketState.ARCHIVED)
        not_covered = _ticket_in(session, TicketState.NOT_COVERED)
        assert available_documents(received) == []
        assert available_documents(archived) == [DocumentKind.CONFIRMATION, DocumentKind.WORK_ORDER]
        assert available_documents(not_covered) == [DocumentKind.NOT_COVERED]
        assert planning.planned_at is None and available_documents(planning) == []
        numbers = received.number, planning.number
    with pytest.raises(DocumentRefused, match="报修受理"):
        _render(demo_db, numbers[0], DocumentKind.CONFIRMATION)
    with pytest.raises(DocumentRefused, match="尚未保存维修计划"):
        _render(demo_db, numbers[1], DocumentKind.WORK_ORDER)
    with demo_db.transaction() as session:  # a work order once the plan is saved
        planning = session.scalar(select(Ticket).where(Ticket.number == numbers[1]))
        save_plan(session, planning, _admin(session), plan_people="张师傅、防水工2人")
        assert available_documents(planning) == [DocumentKind.WORK_ORDER]


@needs_poppler
def test_long_texts_and_forty_materials_break_pages_cleanly(demo_db, tmp_path) -> None:
    description = "".join(f"第{i:03d}句：卫生间墙角渗水，瓷砖空鼓开裂。" for i in range(1, 120))[:2000]
    with demo_db.transaction() as session:
        ticket = _ticket_in(session, TicketState.PLANNING)
        actor = _admin(session)
        edit_field(session, ticket, actor, "description", description)
        materials = [MaterialLine(name=f"材料{i:02d}号防水涂料", spec="JS-II", quantity=i, unit="kg")
                     for i in range(1, 41)]
        save_plan(session, ticket, actor, materials=materials, plan_safety_measures="")
        number = ticket.number
    document = _render(demo_db, number, DocumentKind.WORK_ORDER)
    text = _pdftotext(document.pdf, tmp_path)
    squeezed = "".join(text.split())
    assert len(PdfReader(io.BytesIO(document.pdf)).pages) >= 2
    assert "第001句" in squeezed and description[-12:] in squeezed  # nothing cut off
    assert "材料01号防水涂料" in squeezed and "材料40号防水涂料" in squeezed
    assert "None" not in text
    assert "第2页/共" in squeezed


def test_verification_matches_then_reports_what_changed(demo_db, tmp_path) -> None:
    with demo_db.sessions() as session:
        number = _ticket_in(session, TicketState.FOLLOW_UP).number
    document = _render(demo_db, number, DocumentKind.CONFIRMATION)
    pdf_path = tmp_path / "form.pdf"
    pdf_path.write_bytes(document.pdf)
    with demo_db.sessions() as session:
        by_code = verify_code(session, document.code)
        by_file = verify_pdf(session, pdf_path)
    assert by_code.status == by_file.status == VerifyStatus.MATCHES
    assert by_code.message.startswith("与记录一致") and number in by_code.message

    with demo_db.transaction() as session:
        ticket = session.scalar(select(Ticket).where(Ticket.number == number))
        edit_field(session, ticket, _admin(session), "urgency", 1 if ticket.urgency != 1 else 2)
    with demo_db.sessions() as session:
        changed = verify_pdf(session, pdf_path)
    assert changed.status == VerifyStatus.CHANGED
    assert changed.message.startswith("打印后记录已更改（哪些：")
    assert "紧急程度" in changed.changes and "处理历史（新增 1 条）" in changed.changes

    with demo_db.transaction() as session:
        ticket = session.scalar(select(Ticket).where(Ticket.number == number))
        add_comment(session, ticket, _admin(session), "业主来电补充：阳台也有渗水")
    with demo_db.sessions() as session:
        changed = verify_code(session, document.code.lower())
    assert changed.status == VerifyStatus.CHANGED and "处理历史（新增 2 条）" in changed.changes

    # The changed record prints with a new code, which matches again.
    reprinted = _render(demo_db, number, DocumentKind.CONFIRMATION)
    assert reprinted.code != document.code
    with demo_db.sessions() as session:
        assert verify_code(session, reprinted.code).status == VerifyStatus.MATCHES


def test_unknown_codes_and_foreign_pdfs(demo_db, tmp_path) -> None:
    foreign = io.BytesIO()
    canvas = Canvas(foreign)
    canvas.drawString(100, 700, "Invoice 42")
    canvas.save()
    path = tmp_path / "foreign.pdf"
    path.write_bytes(foreign.getvalue())
    with demo_db.sessions() as session:
        assert verify_code(session, "ABCD-EFGH-JKLM").status == VerifyStatus.UNKNOWN
        assert verify_code(session, "hello").message.startswith("未知")
        result = verify_pdf(session, path)
        assert result.status == VerifyStatus.UNKNOWN and "没有找到核验码" in result.message
        assert verify_pdf(session, tmp_path / "absent.pdf").status == VerifyStatus.UNKNOWN


def test_codes_are_read_from_scans_typing_and_pdf_metadata(demo_db) -> None:
    assert normalize_code("WDVERIFY:ABCDEFGHJKLM") == "ABCDEFGHJKLM"
    assert normalize_code(" abcd-efgh-jklm ") == "ABCDEFGHJKLM"
    assert normalize_code("ABCD-EFGH-JKL0") is None  # 0 is never in a code
    assert normalize_code("核验码：ABCD-EFGH-JKLM 扫描二维码…") == "ABCDEFGHJKLM"
    with demo_db.sessions() as session:
        number = _ticket_in(session, TicketState.NOT_COVERED).number
    document = _render(demo_db, number, DocumentKind.NOT_COVERED)
    assert code_from_pdf(document.pdf) == document.code.replace("-", "")


def test_a_corrupted_photo_is_reported_not_printed(demo_db) -> None:
    with demo_db.sessions() as session:
        ticket = _ticket_in(session, TicketState.ARCHIVED)
        number = ticket.number
        from app.models.attachment import Attachment

        photo = session.scalars(
            select(Attachment).where(Attachment.ticket_id == ticket.id, Attachment.stage == "after")
        ).first()
    path = _store(demo_db).path_for(photo.sha256)
    shared = path.read_bytes()
    try:
        path.write_bytes(shared[:-10] + b"corrupted!")
        document = _render(demo_db, number, DocumentKind.CONFIRMATION)
    finally:
        path.write_bytes(shared)  # demo photos are shared by many tickets
    assert any("已损坏" in warning for warning in document.warnings)
