"""升级处理…: manual escalation of a ticket, and the ticket window's bar with the case link."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.views.master_form_support import ProblemLabel
from app.views.retro_labels import ESCALATION_LEVELS, escalation_level_label


class EscalateDialog(QDialog):
    """Escalate tickets by hand: the level and the reason; the engine decides if it may."""

    escalateRequested = Signal(str, str)  # level, reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalateDialog")
        self.setWindowTitle(self.tr("Escalate"))
        self.resize(560, 360)
        self.tickets_label = QLabel(objectName="escalateTickets")
        self.tickets_label.setWordWrap(True)
        self.existing_label = QLabel(objectName="escalateExisting")
        self.existing_label.setObjectName("stageHint")
        self.existing_label.setWordWrap(True)
        self.level_combo = QComboBox(objectName="escalateLevel")
        for code in ESCALATION_LEVELS:
            self.level_combo.addItem(escalation_level_label(code), code)
        self.reason_edit = QPlainTextEdit(objectName="escalateReason")
        self.reason_edit.setPlaceholderText(self.tr("Why this needs the project manager or management: "
                                                    "what happened, what is at stake"))
        self.reason_edit.setTabChangesFocus(True)
        self.message = ProblemLabel()
        self.message.setObjectName("escalateMessage")
        form = QFormLayout()
        form.addRow(self.tr("Tickets"), self.tickets_label)
        form.addRow(self.tr("Escalate to"), self.level_combo)
        form.addRow(self.tr("Reason"), self.reason_edit)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Escalate"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("escalateOk")
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("escalateCancel")
        buttons.accepted.connect(
            lambda: self.escalateRequested.emit(self.level_combo.currentData(),
                                                self.reason_edit.toPlainText().strip()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.existing_label)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def set_tickets(self, numbers: list[str], existing: list[str]) -> None:
        """The tickets to escalate and the open escalations they are already part of."""
        self.tickets_label.setText("、".join(numbers))
        self.existing_label.setText(
            self.tr("Already escalated: %1").replace("%1", "；".join(existing)) if existing else "")
        self.existing_label.setVisible(bool(existing))

    def show_problems(self, messages: list[str]) -> None:
        self.message.show_message("\n".join(messages))


class TicketRetroBar(QWidget):
    """For the ticket window's header: 升级处理… and the link 同类典型案例 (N)."""

    escalateRequested = Signal()
    casesRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketRetroBar")
        self.escalate_button = QPushButton(self.tr("Escalate…"), objectName="escalateTicket")
        self.escalate_button.setToolTip(self.tr("Escalate this ticket to the project manager or "
                                                "company management"))
        self.escalate_button.clicked.connect(self.escalateRequested.emit)
        self.cases_link = QLabel(objectName="similarCases")
        self.cases_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.cases_link.linkActivated.connect(lambda _link: self.casesRequested.emit())
        self.escalation_label = QLabel(objectName="ticketEscalations")
        self.escalation_label.setObjectName("blockedReason")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.escalation_label)
        layout.addWidget(self.cases_link)
        layout.addWidget(self.escalate_button)
        self.set_case_count(0)
        self.set_escalations([])

    def set_case_count(self, count: int) -> None:
        text = self.tr("Typical cases of this category (%1)").replace("%1", str(count))
        self.cases_link.setText(f"<a href='cases'>{text}</a>" if count else "")
        self.cases_link.setVisible(bool(count))

    def set_escalations(self, numbers: list[str]) -> None:
        """The open escalations the ticket belongs to (shown so nobody escalates twice)."""
        self.escalation_label.setText(
            self.tr("Escalated: %1").replace("%1", "、".join(numbers)) if numbers else "")
        self.escalation_label.setVisible(bool(numbers))
