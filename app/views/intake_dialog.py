"""新建报修: the intake form, with the coverage preview and open duplicates beside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.views import labels
from app.views.photo_drop_zone import PhotoDropZone
from app.views.stage_form import (
    StageForm,
    check_field,
    combo_field,
    discard_confirmed,
    message_label,
    text_field,
)


class IntakeDialog(QDialog):
    """The clerk types what the caller says; the controller looks up, previews and saves.

    Signals carry no database objects: ids and texts only.
    """

    projectChanged = Signal(object)  # project id
    locationTyped = Signal(str)  # text typed in the place field
    locationPicked = Signal(object)  # location id chosen from the suggestions
    edited = Signal()  # any input changed: re-check and re-preview
    saveRequested = Signal(dict)
    linkDuplicateRequested = Signal(dict, object)  # the form's values, the original ticket's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeDialog")
        self.setWindowTitle(self.tr("New repair request"))
        self.setMinimumSize(920, 600)
        self._location_id: Any = None
        self._location_text = ""
        self._suggestions: list[tuple[Any, str]] = []
        self._saved = False

        self.form = StageForm("intake")
        self.form.set_heading(self.tr("New repair request"),
                              self.tr("What the owner reports, where, and how urgent. Ctrl+S saves."))
        f = self.form
        self.project = f.add_field(self.tr("Project"), combo_field("project_id", [], self.tr("(choose)")))
        channels = [(code, labels.channel_label(code)) for code in labels.CHANNELS if code != "import"]
        self.channel = f.add_field(self.tr("Channel"), combo_field("channel", channels))
        self.reporter = f.add_field(self.tr("Reporter"), text_field("reporter_name", self.tr("e.g. 王女士")))
        self.phone = f.add_field(self.tr("Phone"), text_field("reporter_phone", self.tr("mobile or landline")))

        self.location_edit = QLineEdit()
        self.location_edit.setObjectName("location")
        self.location_edit.setPlaceholderText(self.tr("type building, unit or room, e.g. 3栋 1502"))
        self._completion = QStringListModel(self)
        completer = QCompleter(self._completion, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        self.location_edit.setCompleter(completer)
        completer.activated[str].connect(self._suggestion_chosen)
        self.location_edit.textEdited.connect(self._location_edited)
        self.location_status = QLabel()
        self.location_status.setObjectName("locationStatus")
        location_box = QWidget()
        location_layout = QVBoxLayout(location_box)
        location_layout.setContentsMargins(0, 0, 0, 0)
        location_layout.setSpacing(2)
        location_layout.addWidget(self.location_edit)
        location_layout.addWidget(self.location_status)
        location_message = message_label()
        location_layout.addWidget(location_message)
        f.add_widget(self.tr("Place"), location_box)
        f.route_messages(["location_id", "location_label"], location_message)

        self.customer = f.add_field(self.tr("Owner of the unit"),
                                    combo_field("customer_id", [], self.tr("(not registered)")))
        self.category = f.add_field(self.tr("Defect category"),
                                    combo_field("defect_category_id", [], self.tr("(decide at diagnosis)")))
        self.description = f.add_field(self.tr("Problem"), text_field("description", multiline=True))
        urgencies = [(code, labels.urgency_label(code)) for code in (3, 2, 1)]
        self.urgency = f.add_field(self.tr("Urgency"), combo_field("urgency", urgencies))
        self.structural = f.add_field("", check_field("structural_safety",
                                                      self.tr("May affect structural safety (emergency)")))
        self.owner = f.add_field(self.tr("Responsible owner"),
                                 combo_field("owner_id", [], self.tr("(dispatch later)")))
        self.photos = PhotoDropZone()
        self.photos.setObjectName("intakePhotos")
        f.add_widget(self.tr("Photos"), self.photos)
        photo_message = message_label()
        f.add_widget("", photo_message)
        f.route_messages(["photos"], photo_message)
        f.add_values(self._extra_values)
        f.add_dirty_check(lambda: bool(self.photos.files()) or bool(self._location_text))
        f.valuesEdited.connect(self.edited.emit)
        self.photos.filesChanged.connect(self.edited.emit)
        self.photos.rejected.connect(lambda text: (photo_message.setText(text), photo_message.show()))
        self.project.signal.connect(lambda *_: self.projectChanged.emit(self.project.get()))

        # Beside the form: the coverage preview and the open tickets at the same place.
        self.verdict_title = QLabel(self.tr("Warranty preview"))
        self.verdict_title.setObjectName("sectionTitle")
        self.verdict = QLabel(self.tr("Choose the project and the defect category to see the verdict."))
        self.verdict.setObjectName("coveragePreview")
        self.verdict.setWordWrap(True)
        self.duplicates_title = QLabel(self.tr("Open requests at this place"))
        self.duplicates_title.setObjectName("sectionTitle")
        self.duplicates = QListWidget()
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setWordWrap(True)
        self.link_button = QPushButton(self.tr("Same problem: link as duplicate"))
        self.link_button.setObjectName("linkDuplicate")
        self.link_button.setEnabled(False)
        self.duplicates.currentRowChanged.connect(lambda row: self.link_button.setEnabled(row >= 0))
        self.link_button.clicked.connect(self._link_clicked)
        side = QFrame()
        side.setObjectName("intakeSide")
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.verdict_title)
        side_layout.addWidget(self.verdict)
        side_layout.addSpacing(12)
        side_layout.addWidget(self.duplicates_title)
        side_layout.addWidget(self.duplicates, 1)
        side_layout.addWidget(self.link_button)

        self.save_button = f.add_action("register", self.tr("Register"), "Ctrl+S", primary=True)
        cancel = QPushButton(self.tr("Close"))
        cancel.clicked.connect(self.close)
        f.button_row.addWidget(cancel)
        f.actionRequested.connect(lambda _action, values: self.saveRequested.emit(values))
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save_button.click)

        layout = QHBoxLayout(self)
        layout.addWidget(self.form, 3)
        layout.addWidget(side, 2)
        self.form.mark_clean()

    # -- filling -------------------------------------------------------------------------
    def set_choices(self, combo_field_name: str, choices: list[tuple[Any, str]], keep: bool = True) -> None:
        field = self.form.fields[combo_field_name]
        combo = field.widget
        current = field.get() if keep else None
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value, text in choices:
            combo.addItem(text, value)
        field.set(current)
        combo.blockSignals(False)

    def set_location_suggestions(self, suggestions: list[tuple[Any, str]]) -> None:
        self._suggestions = suggestions
        self._completion.setStringList([text for _id, text in suggestions])
        if self.location_edit.hasFocus() and suggestions:
            self.location_edit.completer().complete()

    def set_location(self, location_id: Any, text: str) -> None:
        self._location_id = location_id
        self._location_text = text
        self.location_edit.setText(text)
        self._show_location_status()

    def _show_location_status(self) -> None:
        if self._location_id is not None:
            self.location_status.setText(self.tr("✓ registered place"))
        elif self._location_text.strip():
            self.location_status.setText(self.tr("not in the project's place list: saved as typed"))
        else:
            self.location_status.setText("")

    def _location_edited(self, text: str) -> None:
        self._location_id = None
        self._location_text = text
        self._show_location_status()
        self.locationTyped.emit(text)
        self.edited.emit()

    def _suggestion_chosen(self, text: str) -> None:
        for location_id, name in self._suggestions:
            if name == text:
                self.set_location(location_id, name)
                self.locationPicked.emit(location_id)
                self.edited.emit()
                return

    def show_preview(self, verdict_text: str, coverage: str | None,
                     duplicates: list[tuple[Any, str]]) -> None:
        self.verdict.setText(verdict_text)
        self.verdict.setProperty("coverage", coverage or "")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.duplicates.clear()
        for ticket_id, text in duplicates:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ticket_id)
            self.duplicates.addItem(item)
        self.duplicates_title.setText(self.tr("Open requests at this place (%1)").replace("%1", str(len(duplicates))))
        self.link_button.setEnabled(False)

    def _extra_values(self) -> dict[str, Any]:
        return {"location_id": self._location_id,
                "location_label": "" if self._location_id is not None else self._location_text.strip(),
                "photos": self.photos.files()}

    def values(self) -> dict[str, Any]:
        return self.form.values()

    def _link_clicked(self) -> None:
        item = self.duplicates.currentItem()
        if item is not None:
            self.linkDuplicateRequested.emit(self.values(), item.data(Qt.ItemDataRole.UserRole))

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        self.form.show_problems(problems)

    def set_blocked(self, messages: list[str]) -> None:
        self.form.set_blocked("register", messages)

    def finish(self) -> None:
        """The request is saved: close without asking."""
        self._saved = True
        self.accept()

    def show_message(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("WarrantyDesk"), text)

    def reject(self) -> None:  # Esc
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._saved and self.form.is_dirty() and not discard_confirmed(
            self, self.tr("Unsaved request"),
            self.tr("The request has not been registered. Close and discard what was typed?"),
        ):
            event.ignore()
            return
        event.accept()
        if not self._saved:
            self.done(QDialog.DialogCode.Rejected)
