"""Shared pieces of the master-data editors: problem labels, unsaved-change tracking, the prompt."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QWidget,
)

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class ProblemLabel(QLabel):
    """A Chinese problem message shown right under its field; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemLabel")
        self.setProperty("problem", True)  # styled red by resources/styles/app.qss
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class DirtyTracker(QObject):
    """Knows whether the clerk changed any watched field since the form was filled or saved."""

    dirtyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dirty = False
        self._quiet = 0

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self.touch)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self.touch)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.touch)
                if widget.isEditable():
                    widget.editTextChanged.connect(self.touch)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self.touch)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.touch)
            elif isinstance(widget, QTableWidget):
                widget.itemChanged.connect(self.touch)

    def touch(self, *_args) -> None:
        if not self._quiet:
            self.set_dirty(True)

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Fill widgets from code without counting it as the clerk's change."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    @property
    def filling(self) -> bool:
        return self._quiet > 0

    @property
    def dirty(self) -> bool:
        return self._dirty


def ask_unsaved(parent: QWidget, what: str) -> str:
    """保存 / 放弃 / 取消: what to do with unsaved changes of `what` (a project, a customer)."""
    box = QMessageBox(parent)
    box.setObjectName("unsavedPrompt")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("MasterData", "Unsaved changes"))
    box.setText(QCoreApplication.translate("MasterData", "%1 has unsaved changes. Save them?").replace("%1", what))
    save = box.addButton(QCoreApplication.translate("MasterData", "Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(QCoreApplication.translate("MasterData", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QCoreApplication.translate("MasterData", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    save.setObjectName("unsavedSave")
    discard.setObjectName("unsavedDiscard")
    cancel.setObjectName("unsavedCancel")
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked: QAbstractButton | None = box.clickedButton()
    box.deleteLater()
    if clicked is save:
        return SAVE
    if clicked is discard:
        return DISCARD
    return CANCEL


class CloseGuard(QObject):
    """Asks before the main window closes while an editor holds unsaved changes.

    The main window belongs to everyone; an event filter lets a page veto the close without
    editing it. `may_leave()` returns False to keep the window open.
    """

    def __init__(self, page: QWidget, may_leave: Callable[[], bool]) -> None:
        super().__init__(page)
        self._page = page
        self._may_leave = may_leave
        self._window: QWidget | None = None

    def attach(self) -> None:
        window = self._page.window()
        if window is not self._page and window is not self._window:
            if self._window is not None:
                self._window.removeEventFilter(self)
            window.installEventFilter(self)
            self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched is self._window and not self._may_leave():
            event.ignore()
            return True
        return False


def may_discard(
    parent: QWidget, tracker: DirtyTracker, what: str, save: Callable[[], None]
) -> bool:
    """True when the form may be left: nothing unsaved, the clerk discarded it, or it saved."""
    if not tracker.dirty:
        return True
    answer = ask_unsaved(parent, what)
    if answer == CANCEL:
        return False
    if answer == DISCARD:
        tracker.set_dirty(False)
        return True
    save()  # the controller saves synchronously; a refused save leaves the form dirty
    return not tracker.dirty


