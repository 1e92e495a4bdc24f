"""The 设置 page: interface language, and facts about this installation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.views.labels import role_label
from app.views.sync_settings_panel import SyncSettingsPanel

LANGUAGES = [("zh_CN", "简体中文"), ("en", "English")]


class SettingsPage(QWidget):
    languageChosen = Signal(str)  # locale code; applied after a restart
    restartRequested = Signal()
    userChosen = Signal(object)  # the staff id of who works at this desk

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")

        self.user_combo = QComboBox()
        self.user_combo.setObjectName("userCombo")
        self.user_combo.setMinimumContentsLength(16)
        self.user_note = QLabel(self.tr("Every action is recorded under this name; the role decides what "
                                        "may be done."))
        self.user_note.setObjectName("stageHint")
        self.user_note.setWordWrap(True)
        user_box = QGroupBox(self.tr("Who is working here"))
        user_form = QFormLayout(user_box)
        user_form.addRow(self.tr("Current user"), self.user_combo)
        user_form.addRow("", self.user_note)

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        for code, name in LANGUAGES:  # each language is named in itself
            self.language_combo.addItem(name, code)
        self.restart_note = QLabel()
        self.restart_button = QPushButton(self.tr("Restart now"))
        self.restart_button.setVisible(False)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_combo)
        language_row.addWidget(self.restart_note, 1)
        language_row.addWidget(self.restart_button)
        interface = QGroupBox(self.tr("Interface"))
        interface_form = QFormLayout(interface)
        interface_form.addRow(self.tr("Language"), language_row)

        self.db_path_label = QLabel()
        self.db_path_label.setObjectName("dbPathLabel")
        self.db_path_label.setWordWrap(True)
        self.installation_label = QLabel()
        self.installation_label.setObjectName("installationLabel")
        self.version_label = QLabel()
        store = QGroupBox(self.tr("This installation"))
        store_form = QFormLayout(store)
        store_form.addRow(self.tr("Database file"), self.db_path_label)
        store_form.addRow(self.tr("Installation code"), self.installation_label)
        store_form.addRow(self.tr("Version"), self.version_label)

        general = QWidget()
        general_column = QVBoxLayout(general)
        general_column.addWidget(user_box)
        general_column.addWidget(interface)
        general_column.addWidget(store)
        general_column.addStretch(1)
        # 设置 → 同步: filled and saved by SyncSettingsController (app/controllers).
        self.sync_panel = SyncSettingsPanel()
        self.tabs = QTabWidget(objectName="settingsTabs")
        self.tabs.addTab(general, self.tr("General"))
        self.tabs.addTab(self.sync_panel, self.tr("Sync"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

        self.language_combo.activated.connect(
            lambda _index: self.languageChosen.emit(self.language_combo.currentData())
        )
        self.restart_button.clicked.connect(self.restartRequested)
        self.user_combo.activated.connect(lambda _index: self.userChosen.emit(self.user_combo.currentData()))

    def set_users(self, users: list[tuple[object, str, str]], current: object) -> None:
        """(staff id, name, role code) of every active staff member; `current` is selected."""
        self.user_combo.clear()
        for staff_id, name, role in users:
            self.user_combo.addItem(f"{name} — {role_label(role)}", staff_id)
        index = next((i for i, (staff_id, *_rest) in enumerate(users) if staff_id == current), -1)
        self.user_combo.setCurrentIndex(index)

    def show_sync_tab(self) -> None:
        self.tabs.setCurrentWidget(self.sync_panel)

    def set_language(self, code: str) -> None:
        index = self.language_combo.findData(code)
        self.language_combo.setCurrentIndex(max(index, 0))

    def show_restart_needed(self, needed: bool) -> None:
        self.restart_note.setText(self.tr("Takes effect after a restart.") if needed else "")
        self.restart_button.setVisible(needed)

    def show_installation(self, db_path: str, installation_code: str, version: str) -> None:
        self.db_path_label.setText(db_path)
        self.installation_label.setText(installation_code)
        self.version_label.setText(version)
