"""设置 → 同步: the shared server, the password, TLS, which projects and how often to sync."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

# The libpq sslmode values the engine accepts, with what they mean to an office user.
TLS_CHOICES = [
    ("disable", QT_TRANSLATE_NOOP("SyncTls", "No encryption (only inside a trusted network)")),
    ("prefer", QT_TRANSLATE_NOOP("SyncTls", "Encrypt when the server offers it")),
    ("require", QT_TRANSLATE_NOOP("SyncTls", "Always encrypt")),
    ("verify-full", QT_TRANSLATE_NOOP("SyncTls", "Encrypt and verify the server certificate")),
]
PROJECT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_INTERVAL_MINUTES = 24 * 60


class SyncSettingsPanel(QWidget):
    """Lays out the fields; SyncSettingsController fills them, tests the connection and saves."""

    testRequested = Signal()
    saveRequested = Signal()
    shown = Signal()  # the tab became visible: the project list is read again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url_edit = QLineEdit(objectName="syncUrl")
        self.url_edit.setPlaceholderText("postgresql://server.example.cn:5432/warrantydesk")
        self.user_edit = QLineEdit(objectName="syncUser")
        self.password_edit = QLineEdit(objectName="syncPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_note = QLabel(objectName="syncPasswordNote")
        self.password_note.setWordWrap(True)
        self.tls_combo = QComboBox(objectName="syncTls")
        for code, name in TLS_CHOICES:
            self.tls_combo.addItem(QCoreApplication.translate("SyncTls", name), code)

        server = QGroupBox(self.tr("Shared server"))
        server_form = QFormLayout(server)
        server_form.addRow(self.tr("Server address"), self.url_edit)
        server_form.addRow(self.tr("User name"), self.user_edit)
        server_form.addRow(self.tr("Password"), self.password_edit)
        server_form.addRow("", self.password_note)
        server_form.addRow(self.tr("Encryption (TLS)"), self.tls_combo)

        self.project_list = QListWidget(objectName="syncProjects")
        self.project_list.setMinimumHeight(120)
        scope_note = QLabel(self.tr(
            "Tick the projects this computer works on; with none ticked, every project is "
            "synced. Tickets of other projects leave this computer at the next sync (they stay "
            "on the server)."))
        scope_note.setObjectName("stageHint")
        scope_note.setWordWrap(True)
        self.interval_spin = QSpinBox(objectName="syncInterval")
        self.interval_spin.setRange(0, MAX_INTERVAL_MINUTES)
        self.interval_spin.setSpecialValueText(self.tr("Off"))  # shown for 0
        self.interval_spin.setSuffix(self.tr(" min"))
        interval_note = QLabel(self.tr(
            "Automatic sync every this many minutes while the program is open; the Sync "
            "button in the status bar syncs at any time."))
        interval_note.setObjectName("stageHint")
        interval_note.setWordWrap(True)
        scope = QGroupBox(self.tr("What and when"))
        scope_form = QFormLayout(scope)
        scope_form.addRow(self.tr("Projects"), self.project_list)
        scope_form.addRow("", scope_note)
        scope_form.addRow(self.tr("Automatic sync"), self.interval_spin)
        scope_form.addRow("", interval_note)

        self.test_button = QPushButton(self.tr("Test connection"), objectName="syncTest")
        self.save_button = QPushButton(self.tr("Save"), objectName="syncSave")
        self.save_button.setProperty("primary", True)
        self.result_label = QLabel(objectName="syncResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.result_label, 1)

        columns = QHBoxLayout()
        columns.addWidget(server, 1)
        columns.addWidget(scope, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.test_button.clicked.connect(self.testRequested)
        self.save_button.clicked.connect(self.saveRequested)

    # -- filled by the controller ------------------------------------------------------
    def set_projects(self, projects: list[tuple[Any, str, str]], ticked: set[Any]) -> None:
        """(project id, code, name) of every project; `ticked` ids are checked."""
        self.project_list.clear()
        for project_id, code, name in projects:
            item = QListWidgetItem(f"{code}  {name}")
            item.setData(PROJECT_ID_ROLE, project_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = project_id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.project_list.addItem(item)

    def ticked_projects(self) -> set[Any]:
        return set(self.values()["scope_project_ids"])

    def set_values(self, sync: Any | None) -> None:
        """Show saved settings (an app.sync SyncSettings, or None for the empty form)."""
        self.url_edit.setText(sync.url if sync else "")
        self.user_edit.setText(sync.user if sync else "")
        self.password_edit.clear()  # the stored password never sits in a widget
        index = self.tls_combo.findData(sync.tls_mode if sync else "prefer")
        self.tls_combo.setCurrentIndex(max(index, 0))
        self.interval_spin.setValue(sync.interval_minutes if sync else 10)
        ticked = set(sync.scope_project_ids) if sync else set()
        for row in range(self.project_list.count()):
            item = self.project_list.item(row)
            on = item.data(PROJECT_ID_ROLE) in ticked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def show_password_state(self, placeholder: str, note: str) -> None:
        self.password_edit.setPlaceholderText(placeholder)
        self.password_note.setText(note)
        self.password_note.setVisible(bool(note))

    def values(self) -> dict[str, Any]:
        """The form as keyword arguments of app.sync.settings.SyncSettings."""
        ticked = [
            self.project_list.item(row).data(PROJECT_ID_ROLE)
            for row in range(self.project_list.count())
            if self.project_list.item(row).checkState() == Qt.CheckState.Checked
        ]
        return {
            "url": self.url_edit.text().strip(),
            "user": self.user_edit.text().strip(),
            "password": self.password_edit.text(),
            "tls_mode": self.tls_combo.currentData(),
            "scope_project_ids": tuple(ticked),
            "interval_minutes": self.interval_spin.value(),
        }

    # -- feedback ----------------------------------------------------------------------
    def show_busy(self, text: str) -> None:
        self.test_button.setEnabled(False)
        self._show(text, "syncBusy")

    def show_result(self, ok: bool, text: str) -> None:
        self.test_button.setEnabled(True)
        self._show(text, "syncOk" if ok else "syncFailed")

    def _show(self, text: str, kind: str) -> None:
        colours = {"syncOk": "#1e7d32", "syncFailed": "#b3261e", "syncBusy": "#5f6b7a"}
        self.result_label.setProperty("kind", kind)
        self.result_label.setStyleSheet(f"color: {colours[kind]};")
        self.result_label.setText(text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()
