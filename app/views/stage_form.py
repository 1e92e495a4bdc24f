"""A stage form: labelled fields with their own message lines, and action buttons that say why
they are disabled. The engine's messages (Chinese) are shown as they come."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


def message_label(object_name: str = "fieldMessage") -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class Field:
    """One input of a form: how to read, write and watch it."""

    def __init__(self, name: str, widget: QWidget, getter: Callable[[], Any],
                 setter: Callable[[Any], None], signal) -> None:
        self.name = name
        self.widget = widget
        self.get = getter
        self.set = setter
        self.signal = signal
        self.message = message_label()


def find_data(combo: QComboBox, value: Any) -> int:
    """The index of the item holding `value` (Python equality: QComboBox.findData cannot
    compare Python objects such as UUIDs), or -1."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


def combo_field(name: str, choices: list[tuple[Any, str]], blank: str | None = None) -> Field:
    combo = QComboBox()
    combo.setObjectName(name)
    if blank is not None:
        combo.addItem(blank, None)
    for value, text in choices:
        combo.addItem(text, value)

    def set_value(value: Any) -> None:
        index = find_data(combo, value)
        combo.setCurrentIndex(index if index >= 0 else 0)

    return Field(name, combo, combo.currentData, set_value, combo.currentIndexChanged)


def text_field(name: str, placeholder: str = "", multiline: bool = False) -> Field:
    if multiline:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 14)
        return Field(name, edit, edit.toPlainText, lambda v: edit.setPlainText(v or ""), edit.textChanged)
    line = QLineEdit()
    line.setObjectName(name)
    line.setPlaceholderText(placeholder)
    return Field(name, line, line.text, lambda v: line.setText("" if v is None else str(v)), line.textChanged)


def check_field(name: str, text: str) -> Field:
    box = QCheckBox(text)
    box.setObjectName(name)
    return Field(name, box, box.isChecked, lambda v: box.setChecked(bool(v)), box.toggled)


def number_field(name: str, minimum: float, maximum: float, decimals: int = 1, suffix: str = "") -> Field:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setRange(minimum, maximum)
    spin.setDecimals(decimals)
    spin.setSuffix(suffix)
    spin.setSpecialValueText(" ")  # the minimum shows as empty: not filled in yet

    def get() -> float | None:
        return None if spin.value() == spin.minimum() else spin.value()

    return Field(name, spin, get, lambda v: spin.setValue(spin.minimum() if v is None else float(v)),
                 spin.valueChanged)


def datetime_field(name: str, optional: bool = False) -> Field:
    """A local date and time; read as a naive local datetime (the controller converts)."""
    edit = QDateTimeEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setDateTime(QDateTime.currentDateTime())
    box = QCheckBox() if optional else None
    container: QWidget = edit
    if box is not None:
        container = QWidget()
        row = QHBoxLayout(container)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(box)
        row.addWidget(edit, 1)
        edit.setEnabled(False)
        box.toggled.connect(edit.setEnabled)

    def get() -> dt.datetime | None:
        if box is not None and not box.isChecked():
            return None
        return edit.dateTime().toPython().replace(second=0, microsecond=0)

    def set_value(value: dt.datetime | None) -> None:
        if box is not None:
            box.setChecked(value is not None)
        if value is not None:
            edit.setDateTime(QDateTime(value.date(), QTime(value.hour, value.minute)))

    def suggest(value: dt.datetime) -> None:
        """The time shown when the optional box is ticked (the value stays empty until then)."""
        edit.setDateTime(QDateTime(value.date(), QTime(value.hour, value.minute)))

    field = Field(name, container, get, set_value, edit.dateTimeChanged)
    field.edit = edit  # type: ignore[attr-defined]
    field.suggest = suggest  # type: ignore[attr-defined]
    if box is not None:
        box.toggled.connect(lambda _checked: edit.dateTimeChanged.emit(edit.dateTime()))
    return field


def score_field(name: str, maximum: int = 5) -> Field:
    """1…maximum as a row of toggle buttons (满意度)."""
    container = QWidget()
    container.setObjectName(name)
    row = QHBoxLayout(container)
    row.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(container)
    group.setExclusive(True)
    for score in range(1, maximum + 1):
        button = QPushButton(str(score))
        button.setObjectName(f"{name}_{score}")
        button.setCheckable(True)
        button.setFixedWidth(button.fontMetrics().horizontalAdvance("00") + 24)
        group.addButton(button, score)
        row.addWidget(button)
    row.addStretch(1)

    def get() -> int | None:
        return group.checkedId() if group.checkedId() > 0 else None

    def set_value(value: int | None) -> None:
        button: QAbstractButton | None = group.button(int(value)) if value else None
        if button is not None:
            button.setChecked(True)
        else:
            group.setExclusive(False)
            for b in group.buttons():
                b.setChecked(False)
            group.setExclusive(True)

    return Field(name, container, get, set_value, group.idToggled)


def spin_field(name: str, minimum: int, maximum: int) -> Field:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(minimum, maximum)
    return Field(name, spin, spin.value, lambda v: spin.setValue(int(v or minimum)), spin.valueChanged)


class StageForm(QWidget):
    """A titled form of fields and action buttons for one stage of the ticket.

    `actionRequested(action, values)` asks the controller to run an engine action with the
    form's values; `valuesEdited(action)` asks it to re-check that action's preconditions.
    """

    actionRequested = Signal(str, dict)
    valuesEdited = Signal()

    def __init__(self, key: str, title: str = "", hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"stageForm_{key}")
        self.fields: dict[str, Field] = {}
        self.buttons: dict[str, QPushButton] = {}
        self._blocked_labels: dict[str, QLabel] = {}
        self._clean: dict[str, Any] = {}
        self._extra_values: list[Callable[[], dict[str, Any]]] = []
        self._dirty_checks: list[Callable[[], bool]] = []
        self._message_labels: dict[str, QLabel] = {}  # problems of inputs that are not fields

        self.title_label = QLabel(title)
        self.title_label.setObjectName("stageTitle")
        self.hint_label = QLabel(hint)
        self.hint_label.setObjectName("stageHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setVisible(bool(hint))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.general_message = message_label("formMessage")
        self.button_row = QHBoxLayout()
        self.button_row.addStretch(1)
        self.blocked_box = QVBoxLayout()
        self.blocked_box.setSpacing(2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.hint_label)
        layout.addLayout(self.form)
        layout.addWidget(self.general_message)
        layout.addLayout(self.blocked_box)
        layout.addLayout(self.button_row)
        layout.addStretch(1)

    # -- building ----------------------------------------------------------------------
    def set_heading(self, title: str, hint: str = "") -> None:
        self.title_label.setText(title)
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))

    def add_field(self, label: str, field: Field) -> Field:
        column = QWidget()
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(field.widget)
        box.addWidget(field.message)
        self.form.addRow(label, column)
        self.fields[field.name] = field
        field.signal.connect(lambda *_: self.valuesEdited.emit())
        return field

    def add_widget(self, label: str, widget: QWidget) -> None:
        self.form.addRow(label, widget)

    def set_row_visible(self, widget: QWidget, visible: bool) -> None:
        """Show or hide a field's (or widget's) whole row, label included."""
        for field in self.fields.values():
            if field.widget is widget:
                widget = field.widget.parentWidget()
                break
        self.form.setRowVisible(widget, visible)

    def add_values(self, collect: Callable[[], dict[str, Any]]) -> None:
        """Values that come from a widget that is not a plain field (a table, a pad)."""
        self._extra_values.append(collect)

    def add_action(self, action: str, text: str, shortcut: str = "", primary: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"action_{action}")
        if primary:
            button.setDefault(True)
            button.setProperty("primary", True)
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
            button.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        button.clicked.connect(lambda: self.actionRequested.emit(action, self.values()))
        self.button_row.addWidget(button)
        self.buttons[action] = button
        blocked = message_label("blockedReason")
        self.blocked_box.addWidget(blocked)
        self._blocked_labels[action] = blocked
        return button

    # -- values ------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        values = {name: field.get() for name, field in self.fields.items()}
        for collect in self._extra_values:
            values.update(collect())
        return values

    def set_values(self, values: dict[str, Any]) -> None:
        for name, field in self.fields.items():
            if name in values:
                field.set(values[name])
        self.mark_clean()

    def mark_clean(self) -> None:
        self._clean = {name: field.get() for name, field in self.fields.items()}

    def route_messages(self, names: list[str], label: QLabel) -> None:
        """Show problems named `names` (e.g. the engine's 'signature') in `label`."""
        for name in names:
            self._message_labels[name] = label

    def add_dirty_check(self, check: Callable[[], bool]) -> None:
        """Unsaved input outside the plain fields (materials table, signature, photos)."""
        self._dirty_checks.append(check)

    def is_dirty(self) -> bool:
        changed = any(field.get() != self._clean.get(name) for name, field in self.fields.items())
        return changed or any(check() for check in self._dirty_checks)

    # -- messages ----------------------------------------------------------------------
    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        """Each message next to its field; the rest (state, role...) above the buttons."""
        targets = {name: field.message for name, field in self.fields.items()}
        targets.update(self._message_labels)
        for label in targets.values():
            label.hide()
        general = []
        by_label: dict[QLabel, list[str]] = {}
        for name, message in problems:
            if name in targets:
                by_label.setdefault(targets[name], []).append(message)
            else:
                general.append(message)
        for label, messages in by_label.items():
            label.setText("\n".join(messages))
            label.show()
        self.general_message.setText("\n".join(general))
        self.general_message.setVisible(bool(general))

    def set_blocked(self, action: str, messages: list[str]) -> None:
        """Enable the action's button, or disable it and say why next to it."""
        button = self.buttons.get(action)
        if button is None:
            return
        button.setEnabled(not messages)
        label = self._blocked_labels[action]
        if messages:
            # Base-class strings use an explicit context: self.tr would look them up under the
            # subclass's name.
            why = QCoreApplication.translate("StageForm", "Cannot %1 yet: %2")
            why = why.replace("%1", button.text()).replace("%2", "；".join(messages))
            label.setText(why)
            button.setToolTip(why)
        label.setVisible(bool(messages) and not button.isHidden())


def discard_confirmed(parent: QWidget, title: str, question: str) -> bool:
    """Ask before unsaved input is thrown away (Discard / Cancel; Cancel is the default)."""
    answer = QMessageBox.question(
        parent, title, question,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def fit_width(widget: QWidget) -> None:
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
