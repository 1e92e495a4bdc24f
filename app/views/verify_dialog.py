"""The 核验 dialog: type or scan a form's verification code, or choose a PDF, and see the verdict."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# Verdict colours: green matches, orange changed, grey unknown.
_VERDICT_STYLE = {
    "matches": "color: #1b7a2f;",
    "changed": "color: #b35900;",
    "unknown": "color: #555555;",
}


class VerifyDialog(QDialog):
    """A barcode scanner types like a keyboard and ends with Enter: both paths land in one slot."""

    codeEntered = Signal(str)
    fileChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("Verify a printed document"))
        self.resize(620, 320)
        intro = QLabel(self.tr(
            "Scan the QR code with a scanner, or type the 12-character verification code printed "
            "at the foot of the form. You can also choose the PDF file."
        ))
        intro.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("verifyCodeEdit")
        self.code_edit.setPlaceholderText(self.tr("e.g. K7QM-3XH9-P2WX"))
        self.code_edit.setClearButtonEnabled(True)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setDefault(True)
        self.file_button = QPushButton(self.tr("Choose PDF file…"))
        self.file_button.setObjectName("verifyFileButton")
        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.verify_button)
        row.addWidget(self.file_button)

        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdictLabel")
        font = self.verdict_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.verdict_label.setFont(font)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("verdictDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        result = QFrame()
        result.setFrameShape(QFrame.Shape.StyledPanel)
        result_layout = QVBoxLayout(result)
        result_layout.addWidget(self.verdict_label)
        result_layout.addWidget(self.detail_label)
        result_layout.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(result, 1)
        layout.addWidget(buttons)

        self.code_edit.returnPressed.connect(self._submit)
        self.verify_button.clicked.connect(self._submit)
        self.file_button.clicked.connect(self._choose_file)
        self.code_edit.setFocus()

    def _submit(self) -> None:
        text = self.code_edit.text().strip()
        if text:
            self.codeEntered.emit(text)

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a printed PDF"), "", self.tr("PDF files (*.pdf)")
        )
        if path:
            self.fileChosen.emit(path)

    def show_result(self, status: str, verdict: str, message: str) -> None:
        """Show a verdict (status: matches / changed / unknown) and ready the box for the next scan."""
        self.verdict_label.setText(verdict)
        self.verdict_label.setStyleSheet(_VERDICT_STYLE.get(status, ""))
        self.verdict_label.setProperty("status", status)
        self.detail_label.setText(message)
        self.code_edit.selectAll()  # the next scan replaces the code
        self.code_edit.setFocus()
