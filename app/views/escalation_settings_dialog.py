"""升级阈值: per project type, how many tickets in how many days make a recurring problem."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.views.labels import project_type_label


class EscalationSettingsDialog(QDialog):
    """One row per project type: threshold N, window D days, watch window after the fix."""

    saveRequested = Signal(dict)  # {project type: (threshold, window days, watch days)}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalationSettings")
        self.setWindowTitle(self.tr("Escalation thresholds"))
        intro = QLabel(self.tr(
            "A defect category (or a building part with one subcontractor) is a recurring problem "
            "when it comes back N times within D days in one project. A project's own values, set "
            "on the Projects page, win over its type's. After the corrective actions are closed, "
            "a new matching ticket within the watch window reopens the escalation."))
        intro.setWordWrap(True)
        self.grid = QGridLayout()
        for column, text in enumerate((self.tr("Project type"), self.tr("Times (N)"),
                                       self.tr("Within days (D)"), self.tr("Watch window (days)"))):
            header = QLabel(text)
            header.setObjectName("formSection")
            self.grid.addWidget(header, 0, column)
        self.rows: dict[str, tuple[QSpinBox, QSpinBox, QSpinBox]] = {}
        self.problems_label = QLabel(objectName="formProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.grid)
        layout.addWidget(self.problems_label)
        layout.addWidget(buttons)
        self.resize(620, 360)

    def set_values(self, values: dict[str, tuple[int, int, int]]) -> None:
        """Show one row per project type with its current (threshold, window, watch) days."""
        for row, (project_type, numbers) in enumerate(values.items(), start=1):
            self.grid.addWidget(QLabel(project_type_label(project_type)), row, 0)
            boxes = []
            for column, (value, low, high) in enumerate(
                    zip(numbers, (1, 1, 1), (100, 3650, 3650), strict=True), start=1):
                box = QSpinBox(objectName=f"{project_type}-{column}")
                box.setRange(low, high)
                box.setValue(value)
                box.setAlignment(Qt.AlignmentFlag.AlignRight)
                self.grid.addWidget(box, row, column)
                boxes.append(box)
            self.rows[project_type] = (boxes[0], boxes[1], boxes[2])

    def show_problems(self, messages: list[str]) -> None:
        self.problems_label.setText("\n".join(messages))
        self.problems_label.setVisible(bool(messages))

    def _save(self) -> None:
        self.saveRequested.emit({
            project_type: (n.value(), days.value(), watch.value())
            for project_type, (n, days, watch) in self.rows.items()
        })
