"""The 指派责任人 dialog: pick one responsible owner (and a reason) for the selected tickets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.views.labels import role_label


@dataclass(frozen=True)
class OwnerChoice:
    """One person who can be made responsible, as the controller found them."""

    staff_id: Any
    name: str
    role: str  # vocabulary.Role code
    org_name: str
    open_tickets: int  # open tickets they already own (to spread the work)


class AssignDialog(QDialog):
    """Lists the people who can own tickets; stays open until the controller says it is done.

    The dialog checks nothing about tickets: the controller runs the assignment through the
    lifecycle engine and shows the engine's refusals over this dialog, so the clerk can change
    the person or add a reason and try again.
    """

    assignChosen = Signal(object, str)  # staff id, reason

    COL_NAME, COL_ROLE, COL_ORG, COL_LOAD = range(4)

    def __init__(self, choices: list[OwnerChoice], numbers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(self.tr("Assign responsible owner"))
        self.resize(560, 520)

        shown = "、".join(numbers[:3])
        if len(numbers) > 3:
            shown = self.tr("%1 and %n more", "", len(numbers) - 3).replace("%1", shown)
        self.summary = QLabel(
            self.tr("Assign %n ticket(s) to one responsible owner:", "", len(numbers)) + "\n" + shown
        )
        self.summary.setWordWrap(True)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("ownerFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, role or unit"))

        self.people = QTreeWidget()
        self.people.setObjectName("ownerList")
        self.people.setRootIsDecorated(False)
        self.people.setAlternatingRowColors(True)
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people.setHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Unit"), self.tr("Open tickets")]
        )
        self.people.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.people.header().setStretchLastSection(False)
        self.people.header().setSectionResizeMode(self.COL_ORG, QHeaderView.ResizeMode.Stretch)
        for choice in choices:
            item = QTreeWidgetItem(
                [choice.name, role_label(choice.role), choice.org_name, str(choice.open_tickets)]
            )
            item.setData(self.COL_NAME, Qt.ItemDataRole.UserRole, choice.staff_id)
            item.setTextAlignment(self.COL_LOAD, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.people.addTopLevelItem(item)

        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("assignReason")
        self.reason_edit.setPlaceholderText(
            self.tr("Reason (needed when replacing an owner)")
        )
        self.problems = QLabel()
        self.problems.setObjectName("assignProblems")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.hide()

        self.buttons = QDialogButtonBox()
        self.assign_button = self.buttons.addButton(self.tr("Assign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.assign_button.setObjectName("assignButton")
        self.assign_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.assign_button.clicked.connect(self._choose)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.people, 1)
        layout.addWidget(QLabel(self.tr("Reason")))
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        self.filter_edit.textChanged.connect(self._filter)
        self.people.itemSelectionChanged.connect(self._update_button)
        self.people.itemDoubleClicked.connect(lambda _item, _column: self._choose())
        QShortcut(QKeySequence.StandardKey.Find, self, self.filter_edit.setFocus)
        self._update_button()
        self.filter_edit.setFocus()

    # -- what the controller reads and sets ----------------------------------------------
    def chosen_owner(self) -> Any:
        items = self.people.selectedItems()
        return items[0].data(self.COL_NAME, Qt.ItemDataRole.UserRole) if items else None

    def chosen_name(self) -> str:
        items = self.people.selectedItems()
        return items[0].text(self.COL_NAME) if items else ""

    def choose_owner(self, staff_id: Any) -> bool:
        """Select a person in the list (as a click does); False when not listed."""
        for number in range(self.people.topLevelItemCount()):
            item = self.people.topLevelItem(number)
            if item.data(self.COL_NAME, Qt.ItemDataRole.UserRole) == staff_id:
                self.people.setCurrentItem(item)
                return True
        return False

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def set_busy(self, busy: bool) -> None:
        self.assign_button.setEnabled(not busy and self.chosen_owner() is not None)
        self.assign_button.setText(self.tr("Assigning…") if busy else self.tr("Assign"))

    def show_problems(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.setVisible(bool(text))

    # -- behaviour ------------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for number in range(self.people.topLevelItemCount()):
            item = self.people.topLevelItem(number)
            haystack = " ".join(item.text(c) for c in range(3)).lower()
            item.setHidden(bool(needle) and needle not in haystack)

    def _update_button(self) -> None:
        self.assign_button.setEnabled(self.chosen_owner() is not None)

    def _choose(self) -> None:
        owner = self.chosen_owner()
        if owner is not None:
            self.show_problems("")
            self.assignChosen.emit(owner, self.reason())
