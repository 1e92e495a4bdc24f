"""Typing Chinese into widgets in tests, as an input method does."""

from __future__ import annotations


def type_chinese(widget, text: str) -> None:
    """Type as a Chinese input method does: QTest only types ASCII keys, an IME commits text."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
