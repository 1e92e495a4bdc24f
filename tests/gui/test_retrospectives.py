"""The 复盘 page, the meeting record and the case library, driven as a project manager would:
escalation → 安排复盘会议 → 5-why and two actions → minutes PDF → actions closed → escalation
closed → typical case published and found. Every step is checked in the database."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import func, select

from app.controllers.retrospectives_controller import RetroViews, build_retro_controllers
from app.models.escalation import Escalation
from app.models.escalation_terms import (
    ACTION_KIND_ZH,
    ACTION_STATUS_ZH,
    ATTENDEE_ROLE_ZH,
    ESCALATION_KIND_ZH,
    ESCALATION_LEVEL_ZH,
    ESCALATION_STATE_ZH,
    FISHBONE_ZH,
    MEETING_STATUS_ZH,
)
from app.models.people import Staff
from app.models.retrospective import ActionEvidence, CorrectiveAction, RetrospectiveMeeting
from app.models.ticket import Ticket
from app.models.typical_case import TypicalCase
from app.views import retro_labels
from app.views.case_library_page import CaseLibraryPage, PublishCaseDialog
from app.views.escalate_dialog import EscalateDialog, TicketRetroBar
from app.views.meeting_editor import ActionTable, MeetingEditor
from app.views.retrospectives_page import RetrospectivesPage
from tests.gui.test_documents_dialogs import RecordingDialogs
from tests.gui.typing_helpers import type_chinese

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


class Retro:
    """The two pages and their controllers, built as app/gui.py builds them."""

    def __init__(self, ui, db) -> None:
        self.ui = ui
        self.db = db
        self.page = RetrospectivesPage()
        self.cases_page = CaseLibraryPage()
        self.dialogs = RecordingDialogs()
        self.views = RetroViews(
            meeting_editor=lambda: MeetingEditor(ui.window),
            escalate_dialog=lambda: EscalateDialog(ui.window),
            publish_dialog=lambda: PublishCaseDialog(ui.window),
            documents=self.dialogs,
        )
        self.controllers = build_retro_controllers(
            db, ui.controller.bus, ui.controller.user, self.page, self.cases_page, self.views,
            ui.controller)
        self.retro = self.controllers.retrospectives
        self.cases = self.controllers.cases
        self.badges: list[int] = []
        self.retro.badgeChanged.connect(self.badges.append)
        self.opened: list = []
        self.retro.meetingOpened.connect(self.opened.append)


@pytest.fixture
def retro(ui, demo_db, qtbot):
    retro = Retro(ui, demo_db)
    retro.page.resize(1366, 768)
    with qtbot.waitSignal(retro.retro.loaded, timeout=20_000):
        retro.page.show()  # the first show starts the evaluation and the periodic timer
    yield retro
    retro.retro.stop()
    retro.retro.close_all(discard=True)
    retro.page.close()
    retro.cases_page.close()


def _scalar(db, query):
    with db.sessions() as session:
        return session.scalar(query)


def _click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), (widget.objectName(), widget.toolTip())
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _click_row(qtbot, table, row: int, column: int = 0, double: bool = False) -> None:
    index = table.model().index(row, column)
    table.scrollTo(index)
    point = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    if double:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _row_of(table, row_id) -> int:
    rows = [r for r in range(table.rowCount()) if table.item(r, 0).data(Qt.ItemDataRole.UserRole + 1) == row_id]
    assert rows, f"{row_id} not listed"
    return rows[0]


def _choose(qtbot, combo, text: str) -> None:
    """Pick an item as the keyboard does: focus the combo and type the start of its text."""
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text))
    combo.setFocus()
    combo.setCurrentIndex(index)  # offscreen popups do not open; the index is what a click sets
    assert combo.currentText().startswith(text)


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _drop_files(widget, paths: list[Path], pos) -> None:
    """A drop of files from the file manager on `widget` at `pos`."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def _pending_recurring(db) -> uuid.UUID:
    with db.sessions() as session:
        escalation_id = session.scalar(
            select(Escalation.id).where(Escalation.kind == "recurring", Escalation.state == "pending")
            .order_by(Escalation.raised_at.desc()).limit(1))
    assert escalation_id is not None, "the engine found no recurring problem in the demo data"
    return escalation_id


def _technician(db) -> Staff:
    with db.sessions() as session:
        return session.scalars(select(Staff).where(Staff.role == "technician", Staff.active.is_(True))
                               .order_by(Staff.name)).first()


def test_labels_name_every_code_as_the_documents_do() -> None:
    for table, names in (
        (retro_labels.ESCALATION_KINDS, ESCALATION_KIND_ZH), (retro_labels.ESCALATION_LEVELS, ESCALATION_LEVEL_ZH),
        (retro_labels.ESCALATION_STATES, ESCALATION_STATE_ZH), (retro_labels.MEETING_STATUSES, MEETING_STATUS_ZH),
        (retro_labels.FISHBONE, FISHBONE_ZH), (retro_labels.ATTENDEE_ROLE_NAMES, ATTENDEE_ROLE_ZH),
        (retro_labels.ACTION_KIND_NAMES, ACTION_KIND_ZH), (retro_labels.ACTION_STATUS_NAMES, ACTION_STATUS_ZH),
    ):
        assert list(table) == [code.value for code in names]


def test_escalation_to_meeting_minutes_actions_closure_and_case(retro, demo_db, qtbot, tmp_path) -> None:
    page = retro.page
    # The engine ran at start: recurring demo defects are escalations, the badge counts them.
    escalation_id = _pending_recurring(demo_db)
    assert retro.badges and retro.badges[-1] >= 1
    _choose(qtbot, page.state_filter, retro_labels.escalation_state_label("pending"))
    qtbot.waitUntil(lambda: page.escalation_table.rowCount() > 0
                    and all(page.escalation_table.item(r, 3).text() == page.state_filter.currentText()
                            for r in range(page.escalation_table.rowCount())), timeout=10_000)
    _click_row(qtbot, page.escalation_table, _row_of(page.escalation_table, escalation_id), 1)
    qtbot.waitUntil(lambda: page.shown_escalation() == escalation_id, timeout=10_000)
    assert page.ticket_tree.topLevelItemCount() >= 3  # the cluster: N tickets of one category
    assert "次" in page.explanation.toPlainText()  # why, with the numbers

    # 安排复盘会议: the editor opens with the escalation and its tickets.
    _click(qtbot, page.schedule_button)
    qtbot.waitUntil(lambda: bool(retro.opened))
    meeting = retro.opened[-1]
    editor: MeetingEditor = meeting.editor
    qtbot.waitExposed(editor)
    assert editor.ticket_list.rowCount() >= 3
    ticked = [editor.escalation_list.item(i) for i in range(editor.escalation_list.count())
              if editor.escalation_list.item(i).checkState() == Qt.CheckState.Checked]
    assert len(ticked) == 1

    # A refusal first: no subject → said next to the field, nothing written.
    editor.subject_edit.selectAll()
    qtbot.keyClick(editor.subject_edit, Qt.Key.Key_Delete)
    _click(qtbot, editor.save_button)  # saved off the GUI thread: the answer comes shortly
    qtbot.waitUntil(lambda: editor.problems["title"].isVisible())
    assert "缺少会议主题" in editor.problems["title"].text()
    assert _scalar(demo_db, select(func.count()).select_from(RetrospectiveMeeting)
                   .where(RetrospectiveMeeting.title == "")) == 0

    type_chinese(editor.subject_edit, "外墙渗漏反复出现专项复盘")
    editor.place_edit.selectAll()
    qtbot.keyClick(editor.place_edit, Qt.Key.Key_Delete)
    type_chinese(editor.place_edit, "项目部二楼会议室")
    _click(qtbot, editor.findChild(type(editor.save_button), "addExternal"))
    type_chinese(editor.external_table.cellWidget(0, 0), "周工")
    type_chinese(editor.external_table.cellWidget(0, 1), "市建筑设计院")
    _choose(qtbot, editor.external_table.cellWidget(0, 2), retro_labels.attendee_role_label("design"))
    editor.tabs.setCurrentIndex(2)
    editor.problem_edit.clear()
    type_chinese(editor.problem_edit, "三个月内同一楼栋外墙多次渗水")
    whys = ["雨水从窗框四周渗入", "窗框与墙体间打胶开裂", "打胶前基层未清理干净", "交底未明确清理要求"]
    for edit, text in zip(editor.five_why.edits(), whys, strict=False):
        type_chinese(edit, text)
    type_chinese(editor.conclusions_edit, "修订外窗打胶工艺并对班组重新交底")

    technician = _technician(demo_db)
    editor.tabs.setCurrentIndex(3)
    for description in ("对渗水窗框重新打胶", "修订外窗打胶作业指导书并交底"):
        _click(qtbot, editor.findChild(type(editor.save_button), "addAction"))
        row = editor.actions.rowCount() - 1
        type_chinese(editor.actions.cellWidget(row, ActionTable.COL_TEXT), description)
        _choose(qtbot, editor.actions.cellWidget(row, ActionTable.COL_OWNER), technician.name)
    _choose(qtbot, editor.actions.cellWidget(1, ActionTable.COL_KIND), retro_labels.action_kind_label("preventive"))
    _click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: editor.meeting_id() is not None)

    with demo_db.sessions() as session:
        record = session.get(RetrospectiveMeeting, editor.meeting_id())
        assert record.title == "外墙渗漏反复出现专项复盘" and record.place == "项目部二楼会议室"
        assert record.five_whys == whys and record.root_cause == whys[-1]
        assert record.analysis_method == "five_why" and record.status == "planned"
        assert any(a.name == "周工" and a.role == "design" for a in record.attendees)
        actions = list(record.actions)
        assert [a.description for a in actions] == ["对渗水窗框重新打胶", "修订外窗打胶作业指导书并交底"]
        assert [a.kind for a in actions] == ["corrective", "preventive"]
        assert all(a.owner_id == technician.id and a.status == "not_started" for a in actions)
        assert session.get(Escalation, escalation_id).state == "meeting_scheduled"
    meeting_id = editor.meeting_id()

    # 标记已召开: the escalation is now being rectified.
    _click(qtbot, editor.held_button)
    qtbot.waitUntil(lambda: meeting.status == "held")
    assert _scalar(demo_db, select(Escalation.state).where(Escalation.id == escalation_id)) == "rectifying"

    # 保存 PDF: the minutes with the 5-why chain and both actions.
    target = tmp_path / "纪要.pdf"
    retro.dialogs.ask_save_pdf = lambda _name: str(target)
    _click(qtbot, editor.pdf_button)
    qtbot.waitUntil(target.exists, timeout=20_000)
    if shutil.which("pdftotext"):
        text = _pdf_text(target)
        assert "专项复盘会议纪要" in text
        for expected in (whys[0], whys[-1], "对渗水窗框重新打胶", "周工"):
            assert expected in text.replace(" ", ""), expected

    # 打印纪要: the preview opens and the system print dialog over it.
    printed: list = []
    asked: list[str] = []
    meeting.minutesRendered.connect(printed.append)

    def dismiss_print_dialog() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, dismiss_print_dialog)
            return
        asked.append(box.metaObject().className())
        box.reject()

    with qtbot.waitSignal(meeting.previewShown, timeout=20_000) as shown:
        _click(qtbot, editor.print_button)
    QTimer.singleShot(0, dismiss_print_dialog)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked == ["QPrintDialog"]  # the system print dialog, over the preview
    preview = shown.args[0]
    assert preview.page_count() >= 1 and printed[0].pdf.startswith(b"%PDF")
    preview.close()

    # Closing action 2 without evidence or a note is refused, next to the table.
    _choose(qtbot, editor.actions.cellWidget(1, ActionTable.COL_STATUS), retro_labels.action_status_label("done"))
    _click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: "证据" in editor.problems["actions"].text())
    assert _scalar(demo_db, select(CorrectiveAction.status).where(
        CorrectiveAction.meeting_id == meeting_id, CorrectiveAction.seq == 2)) == "not_started"

    # Evidence dropped on action 1's row; a note typed for action 2; both done.
    photo = tmp_path / "重新打胶后.png"
    photo.write_bytes(_png_bytes())
    row_rect = editor.actions.visualRect(editor.actions.model().index(0, ActionTable.COL_KIND))
    _drop_files(editor.actions.viewport(), [photo], row_rect.center())
    assert "1" in editor.actions.cellWidget(0, ActionTable.COL_EVIDENCE).text()
    _choose(qtbot, editor.actions.cellWidget(0, ActionTable.COL_STATUS), retro_labels.action_status_label("done"))
    type_chinese(editor.actions.cellWidget(1, ActionTable.COL_NOTE), "作业指导书已修订并完成班组交底")
    _click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: not editor.is_dirty())
    with demo_db.sessions() as session:
        statuses = list(session.scalars(select(CorrectiveAction.status).where(
            CorrectiveAction.meeting_id == meeting_id).order_by(CorrectiveAction.seq)))
        assert statuses == ["done", "done"]
        evidence = session.scalars(select(ActionEvidence).join(CorrectiveAction).where(
            CorrectiveAction.meeting_id == meeting_id)).all()
        assert [e.original_name for e in evidence] == ["重新打胶后.png"]

    # 关闭会议, then the escalation on the page.
    _click(qtbot, editor.close_meeting_button)
    qtbot.waitUntil(lambda: meeting.status == "closed")
    editor.close()
    page.tabs.setCurrentIndex(0)
    _choose(qtbot, page.state_filter, retro_labels.escalation_state_label("rectifying"))
    qtbot.waitUntil(lambda: page.escalation_table.rowCount() > 0
                    and page.escalation_table.item(0, 3).text() == page.state_filter.currentText(),
                    timeout=10_000)
    _click_row(qtbot, page.escalation_table, _row_of(page.escalation_table, escalation_id), 1)
    qtbot.waitUntil(lambda: page.shown_escalation() == escalation_id and page.close_button.isEnabled(),
                    timeout=10_000)
    _click(qtbot, page.close_button)
    assert _scalar(demo_db, select(Escalation.state).where(Escalation.id == escalation_id)) == "closed"

    # 发布为典型案例 from the closed meeting, then find it by a 2-character term.
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: any(page.meeting_table.item(r, 0).data(Qt.ItemDataRole.UserRole + 1) == meeting_id
                                for r in range(page.meeting_table.rowCount())), timeout=10_000)
    _click_row(qtbot, page.meeting_table, _row_of(page.meeting_table, meeting_id), 2)
    _click(qtbot, page.publish_button)
    dialog = retro.cases.dialog
    assert isinstance(dialog, PublishCaseDialog) and "窗框" in dialog.cause_edit.toPlainText()
    dialog.title_edit.clear()
    type_chinese(dialog.title_edit, "外窗打胶不规范导致外墙渗水")
    _click(qtbot, dialog.publish_button)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    with demo_db.sessions() as session:
        case = session.scalars(select(TypicalCase).where(TypicalCase.meeting_id == meeting_id)).one()
        assert case.title == "外窗打胶不规范导致外墙渗水"
    cases = retro.cases_page
    cases.resize(1366, 768)
    cases.show()
    with qtbot.waitSignal(retro.cases.casesShown, timeout=10_000):
        type_chinese(cases.search_edit, "打胶")
    assert cases.case_table.rowCount() >= 1
    assert any(cases.case_table.item(r, 0).text() == case.number for r in range(cases.case_table.rowCount()))
    with qtbot.waitSignal(retro.cases.casesShown, timeout=10_000):
        cases.search_edit.clear()
        type_chinese(cases.search_edit, "不存在的词语")
    assert cases.case_table.rowCount() == 0 and "0" in cases.result_label.text()


def test_manual_escalation_from_a_ticket(retro, demo_db, qtbot) -> None:
    with demo_db.sessions() as session:
        ticket = session.scalars(select(Ticket).where(Ticket.state == "in_repair").order_by(Ticket.number)).first()
    bar = TicketRetroBar()
    retro.controllers.ticket_links.attach(ticket.id, bar)
    qtbot.addWidget(bar)
    bar.show()
    _click(qtbot, bar.escalate_button)
    dialog = retro.retro.escalate_dialog
    assert ticket.number in dialog.tickets_label.text()
    _click(qtbot, dialog.ok_button)  # no reason: refused, in Chinese, nothing written
    assert "缺少升级原因" in dialog.message.text()
    before = _scalar(demo_db, select(func.count()).select_from(Escalation).where(Escalation.kind == "manual"))
    type_chinese(dialog.reason_edit, "业主投诉强烈，需项目经理协调")
    _click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with demo_db.sessions() as session:
        manual = session.scalars(select(Escalation).where(Escalation.kind == "manual")
                                 .order_by(Escalation.raised_at.desc())).first()
        assert _scalar(demo_db, select(func.count()).select_from(Escalation)
                       .where(Escalation.kind == "manual")) == before + 1
        assert "业主投诉强烈" in manual.explanation and manual.level == "project_manager"
    assert manual.number in bar.escalation_label.text()  # the bar follows the bus


def test_raise_to_management_needs_a_reason(retro, demo_db, qtbot) -> None:
    page = retro.page
    escalation_id = _pending_recurring(demo_db)
    _click_row(qtbot, page.escalation_table, _row_of(page.escalation_table, escalation_id), 1)
    qtbot.waitUntil(lambda: page.shown_escalation() == escalation_id and page.raise_button.isEnabled(),
                    timeout=10_000)
    _click(qtbot, page.raise_button)
    assert "缺少升级原因" in page.refusal_label.text() and page.refusal_label.isVisible()
    assert _scalar(demo_db, select(Escalation.level).where(Escalation.id == escalation_id)) == "project_manager"
    type_chinese(page.note_edit, "同类渗漏三个月内反复出现，需公司协调设计变更")
    _click(qtbot, page.raise_button)
    assert _scalar(demo_db, select(Escalation.level).where(Escalation.id == escalation_id)) == "management"
    assert page.note_edit.text() == "" and not page.refusal_label.isVisible()
    # Already at the top: the button says why it is grey.
    qtbot.waitUntil(lambda: not page.raise_button.isEnabled(), timeout=10_000)
    assert "已是公司管理层" in page.raise_button.toolTip()
    events = [page.event_tree.topLevelItem(i).text(2) for i in range(page.event_tree.topLevelItemCount())]
    assert any("设计变更" in text for text in events)


def test_my_actions_overdue_first_in_red_and_the_badge(retro, demo_db, qtbot) -> None:
    page = retro.page
    page.tabs.setCurrentIndex(2)
    with qtbot.waitSignal(retro.retro.loaded, timeout=10_000):
        _click(qtbot, page.mine_check)  # every owner's actions
    assert not page.mine_check.isChecked() and page.action_table.rowCount() > 1
    overdue = [r for r in range(page.action_table.rowCount())
               if page.action_table.item(r, 0).foreground().color() == QColor("#b3261e")]
    assert overdue, "the demo data has an overdue action"
    assert overdue == list(range(len(overdue)))  # overdue first
    # The badge: open escalations plus overdue actions.
    with demo_db.sessions() as session:
        from app.models.escalation_engine import open_escalation_count
        from app.models.retrospective_service import overdue_action_count

        expected = open_escalation_count(session) + overdue_action_count(session, dt.datetime.now(dt.UTC).replace(tzinfo=None))
    assert retro.badges[-1] == expected


def test_ticket_bar_links_to_the_cases_of_its_category(retro, demo_db, qtbot) -> None:
    with demo_db.sessions() as session:
        case = session.scalars(select(TypicalCase)).first()
        assert case is not None, "the demo data has a published case"
        ticket_id = session.scalar(select(Ticket.id).where(Ticket.defect_category_id == case.defect_category_id)
                                   .limit(1))
    bar = TicketRetroBar()
    qtbot.addWidget(bar)
    retro.controllers.ticket_links.attach(ticket_id, bar)
    bar.show()
    assert bar.cases_link.isVisible() and "同类典型案例（1）" in bar.cases_link.text()
    requested: list[str] = []
    retro.cases.pageRequested.connect(requested.append)
    with qtbot.waitSignal(retro.cases.casesShown, timeout=10_000):
        qtbot.mouseClick(bar.cases_link, Qt.MouseButton.LeftButton, pos=bar.cases_link.rect().center())
    assert requested == ["knowledge"]
    cases = retro.cases_page
    assert not cases.category_label.isHidden()
    assert cases.case_table.rowCount() == 1 and cases.case_table.item(0, 0).text() == case.number



def _png_bytes() -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    image = QImage(32, 24, QImage.Format.Format_RGB32)
    image.fill(QColor("#88aacc"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def test_thresholds_per_project_type_are_saved_in_one_go(ui, demo_db, qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QSpinBox

    from app.models.escalation import EscalationSetting

    controller = ui.retro.retrospectives
    ui.window.show_page("retrospectives")
    _click(qtbot, ui.window.page("retrospectives").findChild(QPushButton, "retroThresholds"))
    dialog = controller.settings_dialog
    assert dialog.isVisible() and len(dialog.rows) == 6  # every project type, defaults shown
    assert dialog.rows["road"][0].value() == 3 and dialog.rows["road"][1].value() == 90

    def type_value(box: QSpinBox, text: str) -> None:
        box.selectAll()
        qtbot.keyClicks(box, text)

    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    type_value(dialog.rows["road"][0], "1")  # a single ticket is no recurring problem
    type_value(dialog.rows["mep"][0], "5")
    _click(qtbot, save)
    assert "至少为 2 次" in dialog.problems_label.text()
    assert _scalar(demo_db, select(func.count()).select_from(EscalationSetting)) == 0  # nothing half-saved

    type_value(dialog.rows["road"][0], "4")
    type_value(dialog.rows["road"][1], "60")
    _click(qtbot, save)
    assert not dialog.isVisible()
    with demo_db.sessions() as session:
        saved = {s.project_type: (s.recurrence_threshold, s.recurrence_window_days, s.watch_days)
                 for s in session.scalars(select(EscalationSetting))}
    assert saved["road"] == (4, 60, 90) and saved["mep"] == (5, 90, 90)
    qtbot.waitUntil(lambda: not controller._evaluating, timeout=20_000)  # the check it started
