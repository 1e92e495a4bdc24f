"""The progress dialog of a batch export of forms: counts, the current ticket, 取消."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget


class BatchExportProgress(QProgressDialog):
    """Shown while forms are written off the GUI thread; `canceled` asks the work to stop."""

    def __init__(self, total: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchExportProgress")
        self.setWindowTitle(self.tr("Exporting forms"))
        self.setCancelButtonText(self.tr("Cancel"))
        self.setRange(0, max(total, 1))
        self.setValue(0)
        self.setMinimumDuration(300)  # quick exports finish before it appears
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self.set_progress(0, total, "")

    def set_progress(self, done: int, total: int, number: str) -> None:
        self.setMaximum(max(total, 1))
        self.setValue(done)
        text = self.tr("%1 of %2 forms written").replace("%1", str(done)).replace("%2", str(total))
        if number:
            text += "\n" + self.tr("Current ticket: %1").replace("%1", number)
        self.setLabelText(text)

    def finish(self) -> None:
        self.setValue(self.maximum())
        self.close()
