"""The sync indicator in the status bar: state, pending changes, progress and the 同步 button."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QToolButton,
    QWidget,
)

# state → (name, colour of the dot)
STATES = {
    "unconfigured": (QT_TRANSLATE_NOOP("SyncStatusWidget", "Sync not set up"), "#8a94a3"),
    "needs_password": (QT_TRANSLATE_NOOP("SyncStatusWidget", "Password needed"), "#c77700"),
    "online": (QT_TRANSLATE_NOOP("SyncStatusWidget", "Online"), "#1e7d32"),
    "offline": (QT_TRANSLATE_NOOP("SyncStatusWidget", "Offline"), "#b3261e"),
    "syncing": (QT_TRANSLATE_NOOP("SyncStatusWidget", "Syncing"), "#1f5fa8"),
    "conflicts": (QT_TRANSLATE_NOOP("SyncStatusWidget", "Conflicts (%1)"), "#c77700"),
}
SYNC_SHORTCUT = "F9"  # Send/Receive in the mail programs office users know


class SyncStatusWidget(QWidget):
    """Shows what SyncController reports; clicking the state opens conflicts or the settings."""

    syncRequested = Signal()
    stopRequested = Signal()
    detailsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.state = "unconfigured"
        self.dot = QLabel("●", objectName="syncDot")
        self.state_button = QToolButton(objectName="syncState")
        self.state_button.setAutoRaise(True)
        self.state_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.pending_label = QLabel(objectName="syncPending")
        self.progress = QProgressBar(objectName="syncProgress")
        self.progress.setFixedWidth(140)
        self.progress.setMaximumHeight(16)
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.sync_button = QToolButton(objectName="syncNow")
        self.sync_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.dot)
        layout.addWidget(self.state_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.pending_label)
        layout.addWidget(self.sync_button)

        self.shortcut = QShortcut(QKeySequence(SYNC_SHORTCUT), self)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self._button_clicked)
        self.sync_button.clicked.connect(self._button_clicked)
        self.state_button.clicked.connect(self.detailsRequested)
        self.show_status("unconfigured", pending=0, conflicts=0, detail="")

    def show_status(self, state: str, *, pending: int, conflicts: int, detail: str) -> None:
        """One of STATES; `detail` (the last result or reason) is the tooltip."""
        self.state = state
        name, colour = STATES[state]
        text = QCoreApplication.translate("SyncStatusWidget", name).replace("%1", str(conflicts))
        self.dot.setStyleSheet(f"color: {colour};")
        self.state_button.setText(text)
        self.pending_label.setText(
            self.tr("%1 to upload").replace("%1", str(pending))
            if pending and state != "unconfigured" else ""
        )
        syncing = state == "syncing"
        self.progress.setVisible(syncing)
        if not syncing:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
        self.sync_button.setText(self.tr("Stop") if syncing else self.tr("Sync"))
        self.sync_button.setToolTip(
            self.tr("Stop after the current step") if syncing
            else self.tr("Sync now (%1)").replace("%1", SYNC_SHORTCUT)
        )
        self.state_button.setToolTip(detail)
        self.dot.setToolTip(detail)

    def show_progress(self, text: str, done: int, total: int) -> None:
        # A total of 0 means "not known yet": a busy bar rather than a wrong percentage.
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(min(done, total) if total > 0 else 0)
        self.progress.setToolTip(text)
        self.state_button.setToolTip(text)
        shown = f"{text} {done}/{total}" if total > 0 else text
        self.pending_label.setText(shown)

    def _button_clicked(self) -> None:
        if self.state == "syncing":
            self.stopRequested.emit()
        else:
            self.syncRequested.emit()


def ask_sync_password(parent: QWidget | None, account: str) -> str | None:
    """Ask for the server password when it could not be stored; None when cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("SyncStatusWidget", "Sync password"),
        QCoreApplication.translate(
            "SyncStatusWidget", "Password for %1 (kept until the program closes):"
        ).replace("%1", account),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None
