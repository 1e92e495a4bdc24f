"""The ticket detail window: header with timers, the form of the current stage, the timeline of
every event, the attachments and related tickets."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.views import labels
from app.views.attachment_gallery import AttachmentGallery
from app.views.gallery_items import GalleryItem
from app.views.stage_form import StageForm, discard_confirmed


def countdown_text(remaining: dt.timedelta) -> str:
    """'还剩 3小时20分' / '超时 2天5小时' in the clerk's words."""
    minutes = int(abs(remaining).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        span = QCoreApplication.translate("TicketDetailWindow", "%1 d %2 h").replace("%1", str(days)).replace(
            "%2", str(hours))
    elif hours:
        span = QCoreApplication.translate("TicketDetailWindow", "%1 h %2 min").replace("%1", str(hours)).replace(
            "%2", str(mins))
    else:
        span = QCoreApplication.translate("TicketDetailWindow", "%1 min").replace("%1", str(mins))
    if remaining.total_seconds() < 0:
        return QCoreApplication.translate("TicketDetailWindow", "overdue %1").replace("%1", span)
    return QCoreApplication.translate("TicketDetailWindow", "%1 left").replace("%1", span)


class TicketDetailWindow(QWidget):
    """One open ticket. The controller fills it and runs what its forms ask for."""

    actionRequested = Signal(str, dict)  # engine action and the form's values
    formEdited = Signal(str)  # the key of the form whose values changed
    refreshRequested = Signal()
    relatedActivated = Signal(object)  # the id of a related ticket to open
    documentRequested = Signal(str, str)  # what (preview/save/attach_scan), document kind or file
    openExternally = Signal(object)  # a video's path
    closed = Signal()

    def __init__(self, forms: list[StageForm], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("ticketDetail")
        self.setMinimumSize(980, 640)
        self._timers: list[Any] = []
        self._paused = False
        self._allow_close = False

        # Header
        self.number_label = QLabel()
        self.number_label.setObjectName("ticketNumber")
        self.state_label = QLabel()
        self.state_label.setObjectName("stateChip")
        self.urgency_label = QLabel()
        self.urgency_label.setObjectName("urgencyChip")
        self.place_label = QLabel()
        self.place_label.setObjectName("ticketPlace")
        self.owner_label = QLabel()
        self.owner_label.setObjectName("ticketOwner")
        self.coverage_label = QLabel()
        self.coverage_label.setObjectName("coverageVerdict")
        self.coverage_label.setWordWrap(True)
        self.timer_box = QHBoxLayout()
        self.timer_labels: list[QLabel] = []

        self.print_button = QToolButton()
        self.print_button.setObjectName("printMenu")
        self.print_button.setText(self.tr("Print / export"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self.print_button)
        self.print_button.setMenu(self.print_menu)
        refresh = QToolButton()
        refresh.setText(self.tr("Refresh"))
        refresh.setToolTip(self.tr("Refresh (F5)"))
        refresh.clicked.connect(self.refreshRequested.emit)

        top = QHBoxLayout()
        top.addWidget(self.number_label)
        top.addWidget(self.state_label)
        top.addWidget(self.urgency_label)
        top.addStretch(1)
        self._header = top
        top.addWidget(self.print_button)
        top.addWidget(refresh)
        facts = QGridLayout()
        facts.addWidget(self.place_label, 0, 0)
        facts.addWidget(self.owner_label, 0, 1)
        facts.addLayout(self.timer_box, 1, 0, 1, 2)
        facts.addWidget(self.coverage_label, 2, 0, 1, 2)
        facts.setColumnStretch(0, 3)
        facts.setColumnStretch(1, 2)
        header = QFrame()
        header.setObjectName("detailHeader")
        header_layout = QVBoxLayout(header)
        header_layout.addLayout(top)
        header_layout.addLayout(facts)

        # The stage: the current form on top, the other allowed actions below.
        self.forms = {form.key: form for form in forms}
        stage = QWidget()
        stage_layout = QVBoxLayout(stage)
        self.no_action_label = QLabel()
        self.no_action_label.setObjectName("noActionHint")
        self.no_action_label.setWordWrap(True)
        stage_layout.addWidget(self.no_action_label)
        for form in forms:
            form.actionRequested.connect(self.actionRequested.emit)
            form.valuesEdited.connect(lambda key=form.key: self.formEdited.emit(key))
            form.hide()
        self.main_forms = QVBoxLayout()
        stage_layout.addLayout(self.main_forms)
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("sideActions")
        stage_layout.addWidget(self.side_tabs)
        stage_layout.addStretch(1)
        stage_scroll = QScrollArea()
        stage_scroll.setWidgetResizable(True)
        stage_scroll.setWidget(stage)
        stage_scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.summary = QTextBrowser()
        self.summary.setObjectName("ticketSummary")
        self.summary.setOpenLinks(False)
        self.gallery = AttachmentGallery()
        self.gallery.setObjectName("attachmentGallery")
        self.gallery.openExternally.connect(self.openExternally.emit)
        self.related = QTreeWidget()
        self.related.setObjectName("relatedTickets")
        self.related.setHeaderLabels([self.tr("Relation"), self.tr("Number"), self.tr("State"),
                                      self.tr("Reported"), self.tr("Problem")])
        self.related.setRootIsDecorated(False)
        self.related.itemActivated.connect(
            lambda item, _column: self.relatedActivated.emit(item.data(0, Qt.ItemDataRole.UserRole)))

        self.tabs = QTabWidget()
        self.tabs.setObjectName("detailTabs")
        self.tabs.addTab(stage_scroll, self.tr("Handle"))
        self.tabs.addTab(self.summary, self.tr("Details"))
        self.tabs.addTab(self.gallery, self.tr("Attachments"))
        self.tabs.addTab(self.related, self.tr("Related"))

        self.timeline = QTreeWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setHeaderLabels([self.tr("Time"), self.tr("By"), self.tr("What happened")])
        self.timeline.setRootIsDecorated(False)
        self.timeline.setWordWrap(True)
        self.timeline.setUniformRowHeights(False)
        self.timeline.setAlternatingRowColors(True)
        timeline_box = QWidget()
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("History"))
        title.setObjectName("sectionTitle")
        timeline_layout.addWidget(title)
        timeline_layout.addWidget(self.timeline)

        splitter = QSplitter()
        splitter.addWidget(self.tabs)
        splitter.addWidget(timeline_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(splitter, 1)

        self._tick = QTimer(self)
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self._show_timers)
        self._tick.start()
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refreshRequested.emit)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        QShortcut(QKeySequence("Esc"), self, self.close)
        for number in range(4):
            QShortcut(QKeySequence(f"Alt+{number + 1}"), self, lambda n=number: self.tabs.setCurrentIndex(n))

    # -- filling -------------------------------------------------------------------------
    def add_header_widget(self, widget: QWidget) -> None:
        """A widget another room adds to the header (before 打印/导出): e.g. the escalation bar."""
        self._header.insertWidget(self._header.indexOf(self.print_button), widget)

    def show_detail(self, detail: Any) -> None:
        """Show a ticket snapshot (app.models.ticket_detail.TicketDetail)."""
        self.setWindowTitle(f"{detail.number} — {self.tr('WarrantyDesk')}")
        self.number_label.setText(detail.number)
        self.state_label.setText(labels.state_label(detail.state))
        self.state_label.setProperty("state", detail.state)
        self.urgency_label.setText(labels.urgency_label(detail.urgency))
        self.urgency_label.setProperty("urgency", detail.urgency)
        for chip in (self.state_label, self.urgency_label):
            chip.style().unpolish(chip)
            chip.style().polish(chip)
        self.place_label.setText(f"{detail.project_name}  ·  {detail.location}")
        owner = detail.owner or self.tr("not assigned")
        rework = self.tr("  ·  rework %1").replace("%1", str(detail.rework_count)) if detail.rework_count else ""
        self.owner_label.setText(self.tr("Owner: %1").replace("%1", owner) + rework)
        if detail.coverage:
            self.coverage_label.setText(f"<b>{html.escape(labels.coverage_label(detail.coverage))}</b>："
                                        f"{html.escape(detail.coverage_reason)}")
        else:
            self.coverage_label.setText(self.tr("Warranty verdict: after diagnosis"))
        self.coverage_label.setProperty("coverage", detail.coverage or "")
        self._timers = list(detail.timers)
        self._paused = detail.paused
        self._show_timers()
        self.summary.setHtml(self.summary_html(detail))
        self._show_timeline(detail.events)
        self.gallery.set_items([GalleryItem.from_record(a) for a in detail.attachments])
        self.tabs.setTabText(2, self.tr("Attachments (%1)").replace("%1", str(len(detail.attachments))))
        self._show_related(detail.related)

    def _show_timers(self) -> None:
        while len(self.timer_labels) < len(self._timers):
            label = QLabel()
            label.setObjectName("timerChip")
            self.timer_box.addWidget(label)
            self.timer_labels.append(label)
        now = dt.datetime.now(dt.UTC)
        for label, row in zip(self.timer_labels, self._timers, strict=False):
            if row.met_text:
                text = self.tr("%1: done %2").replace("%1", row.label).replace("%2", row.met_text)
                status = "late" if row.breached else "met"
            elif row.due_at is None:
                text, status = self.tr("%1: —").replace("%1", row.label), "none"
            else:
                remaining = row.due_at - now
                text = f"{row.label}：{countdown_text(remaining)}（{row.due_text}）"
                status = "overdue" if remaining.total_seconds() < 0 else "running"
                if self._paused:
                    text += self.tr(" — paused")
            label.setText(text)
            label.setProperty("timer", status)
            label.style().unpolish(label)
            label.style().polish(label)
            label.show()
        for label in self.timer_labels[len(self._timers):]:
            label.hide()

    def show_stage(self, main: list[str], side: list[str], hint: str = "") -> None:
        """Show the forms of the current stage on top and the other allowed actions as tabs."""
        current_side = self.side_tabs.tabText(self.side_tabs.currentIndex())
        for form in self.forms.values():
            form.hide()
            form.setParent(None)
        self.side_tabs.clear()
        for key in main:
            self.main_forms.addWidget(self.forms[key])
            self.forms[key].show()
        for key in side:
            form = self.forms[key]
            form.setVisible(True)  # undo the hide above; the tab widget shows only its current page
            self.side_tabs.addTab(form, form.title_label.text())
        self.side_tabs.setVisible(bool(side))
        for index in range(self.side_tabs.count()):
            if self.side_tabs.tabText(index) == current_side:
                self.side_tabs.setCurrentIndex(index)
        self.no_action_label.setText(hint)
        self.no_action_label.setVisible(bool(hint))

    def focus_form(self, key: str) -> None:
        """Bring a form forward (a Kanban drop that needs input) and put the cursor in it."""
        self.tabs.setCurrentIndex(0)
        form = self.forms.get(key)
        if form is None:
            return
        index = self.side_tabs.indexOf(form)
        if index >= 0:
            self.side_tabs.setCurrentIndex(index)
        first = next(iter(form.fields.values()), None)
        if first is not None:
            first.widget.setFocus()

    def _show_timeline(self, rows: list[Any]) -> None:
        self.timeline.clear()
        items = []
        for row in reversed(rows):  # newest first
            item = QTreeWidgetItem([row.at, row.actor, row.text])
            item.setToolTip(2, row.text)
            item.setData(0, Qt.ItemDataRole.UserRole, row.kind)
            items.append(item)
        self.timeline.addTopLevelItems(items)
        self.timeline.resizeColumnToContents(0)
        self.timeline.resizeColumnToContents(1)

    def _show_related(self, rows: list[Any]) -> None:
        self.related.clear()
        for row in rows:
            item = QTreeWidgetItem([row.relation, row.number, labels.state_label(row.state), row.reported_at,
                                    row.description])
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            self.related.addTopLevelItem(item)
        for column in range(4):
            self.related.resizeColumnToContents(column)
        self.tabs.setTabText(3, self.tr("Related (%1)").replace("%1", str(len(rows))))

    def set_documents(self, kinds: list[tuple[str, str]]) -> None:
        """The print menu: (kind, title) of the documents this ticket can have."""
        self.print_menu.clear()
        for kind, title in kinds:
            self.print_menu.addAction(self.tr("Preview and print: %1").replace("%1", title),
                                      lambda k=kind: self.documentRequested.emit("preview", k))
            self.print_menu.addAction(self.tr("Save as PDF: %1").replace("%1", title),
                                      lambda k=kind: self.documentRequested.emit("save", k))
        if kinds:
            self.print_menu.addSeparator()
        self.print_menu.addAction(self.tr("Attach the signed, scanned form…"), self._choose_scan)
        self.print_button.setEnabled(True)

    def _choose_scan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Signed, scanned form"), "", self.tr("Images and PDF (*.jpg *.jpeg *.png *.pdf)"))
        if path:
            self.documentRequested.emit("attach_scan", path)

    def show_message(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("WarrantyDesk"), text)

    def summary_html(self, d: Any) -> str:
        """The 详情 tab: everything recorded on the ticket, stage by stage, read-only."""
        v = d.values
        code = lambda name, label: label(v[name]) if v.get(name) else ""  # noqa: E731
        joined = lambda *parts: " ".join(p for p in parts if p)  # noqa: E731
        hours = v.get("plan_duration_hours")
        results = {"passed": self.tr("passed"), "failed": self.tr("failed")}
        return "".join([
            _section(self.tr("Request"), [
                _row(self.tr("Reported"), d.reported_at),
                _row(self.tr("Channel"), labels.channel_label(d.channel)),
                _row(self.tr("Reporter"), joined(d.reporter_name, d.reporter_phone)),
                _row(self.tr("Owner of the unit"), joined(d.customer, d.customer_phone)),
                _row(self.tr("Place"), d.location),
                _row(self.tr("Problem"), d.description),
            ]),
            _section(self.tr("Diagnosis"), [
                _row(self.tr("Cause"), code("cause", labels.cause_label)),
                _row(self.tr("Defect category"), d.category),
                _row(self.tr("Building part"), code("building_part", labels.building_part_label)),
                _row(self.tr("Structural safety"), self.tr("yes — reported to the authority") if v.get("structural_safety") else ""),
                _row(self.tr("Responsible"), joined(code("responsible_party", labels.responsible_party_label),
                                               d.responsible_org)),
                _row(self.tr("Warranty until"), v.get("coverage_end_date") or ""),
                _row(self.tr("Not covered because"), v.get("not_covered_reason")),
            ]),
            _section(self.tr("Repair plan"), [
                _row(self.tr("People"), v.get("plan_people")),
                _row(self.tr("Estimated hours"), f"{hours:g}" if hours else ""),
                _row(self.tr("Safety measures"), v.get("plan_safety_measures")),
                _row(self.tr("Appointment"), d.appointment_text),
                _row(self.tr("Materials"), "；".join(joined(n, s, f"{q:g}{u}") for n, s, q, u in d.materials)),
            ]),
            _section(self.tr("Work logs"), [
                _row(f"{log.started_at}–{log.ended_at[-5:]}" if log.ended_at else log.started_at,
                     f"{log.people}：{log.description}" + (f"（{log.materials_used}）" if log.materials_used else ""))
                for log in d.work_logs
            ]),
            _section(self.tr("Acceptance and follow-up"), [
                _row(self.tr("Result"), results.get(v.get("acceptance_result") or "", "")),
                _row(self.tr("Satisfaction"), f"{v['satisfaction']} / 5" if v.get("satisfaction") else ""),
                _row(self.tr("Owner's comment"), v.get("satisfaction_comment") or v.get("acceptance_comment")),
                _row(self.tr("Signatures"), "；".join(
                    joined(labels.signer_role_label(s.signer_role), s.signer_name, s.signed_at) for s in d.signatures)),
                _row(self.tr("Follow-up"), v.get("follow_up_result")),
                _row(self.tr("Cancelled because"), v.get("cancel_reason")),
            ]),
        ])

    # -- closing -------------------------------------------------------------------------
    def unsaved_forms(self) -> list[StageForm]:
        return [f for f in self.forms.values() if f.isVisible() and f.is_dirty()]

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._allow_close and self.unsaved_forms() and not discard_confirmed(
            self, self.tr("Unsaved changes"),
            self.tr("This ticket has input that is not saved. Close and discard it?"),
        ):
            event.ignore()
            return
        self._tick.stop()
        self.closed.emit()
        super().closeEvent(event)


def _row(label: str, value: Any) -> str:
    if value in (None, ""):
        return ""
    text = html.escape(str(value)).replace("\n", "<br>")
    return f"<tr><th align='right' valign='top'>{html.escape(label)}</th><td>{text}</td></tr>"


def _section(title: str, rows: list[str]) -> str:
    body = "".join(rows)
    return f"<h3>{html.escape(title)}</h3><table cellspacing='4'>{body}</table>" if body else ""
