"""A page a later release fills: says what it will hold, and pretends nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, plans: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        status = QLabel(self.tr("Not available yet in this version. This page will hold:"))
        items = QLabel("\n".join(f"•  {plan}" for plan in plans))
        items.setWordWrap(True)
        items.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addWidget(status)
        layout.addWidget(items)
        layout.addStretch(1)
