"""A project's location tree: lazily expanded, searchable; single adds, renames, bulk creation."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.models.vocabulary import LOCATION_CHILDREN, LocationKind
from app.views.labels import location_kind_label
from app.views.master_form_support import ProblemLabel
from app.views.stage_form import find_data

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
FULL_ROLE = Qt.ItemDataRole.UserRole + 3
LOADED_ROLE = Qt.ItemDataRole.UserRole + 4
NAME_ROLE = Qt.ItemDataRole.UserRole + 5
SEARCH_PAUSE_MS = 250
# What a new place of each kind is usually called (the placeholder of the name field).
_EXAMPLES = {
    "building": "19栋",
    "unit": "3单元",
    "floor": "34层",
    "room": "3401室",
    "section": "辅路",
    "chainage": "K3+200",
    "system": "消防系统",
    "equipment": "5号水泵",
}
PREVIEW_PAUSE_MS = 300


class BulkLocationDialog(QDialog):
    """Type a pattern, see how many places it makes, create them in one go."""

    previewRequested = Signal(str)
    createRequested = Signal(str)

    def __init__(self, target: str, parent: QWidget | None = None) -> None:
        """`target` says where the places go (新位置建在：3栋 之下)."""
        super().__init__(parent)
        self.setObjectName("bulkLocationDialog")
        self.setWindowTitle(self.tr("Create places from a pattern"))
        self.setMinimumWidth(560)
        where = QLabel(target)
        where.setWordWrap(True)
        self.pattern_edit = QLineEdit(objectName="patternEdit")
        self.pattern_edit.setPlaceholderText("1-18栋, 1-2单元, 1-33层, 01-04室")
        help_text = QLabel(
            self.tr(
                "Levels separated by commas, from the top down. Examples:\n"
                "  1-18栋, 1-2单元, 1-33层, 01-04室   (rooms are numbered with their floor: 1502室)\n"
                "  主线/辅路, K0+000-K3+000@100   (road sections and chainages every 100 m)\n"
                "  给排水系统/电气系统, 1-4号水泵   (systems and their equipment)\n"
                "Places that already exist are kept and skipped."
            )
        )
        help_text.setObjectName("hintLabel")
        help_text.setWordWrap(True)
        self.preview_label = QLabel(objectName="bulkPreview")
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(
            self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("bulkCreate")
        self.create_button.setEnabled(False)
        self.close_button = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setObjectName("bulkClose")
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.pattern_edit)
        layout.addWidget(help_text)
        layout.addWidget(self.preview_label, 1)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_PAUSE_MS)
        self._timer.timeout.connect(self._preview_now)
        self.pattern_edit.textChanged.connect(self._pattern_changed)
        self.pattern_edit.returnPressed.connect(self._preview_now)
        self.create_button.clicked.connect(self._create)
        self.close_button.clicked.connect(self.reject)

    def _pattern_changed(self) -> None:
        self.create_button.setEnabled(False)
        self._timer.start()

    def _preview_now(self) -> None:
        self._timer.stop()
        self.previewRequested.emit(self.pattern_edit.text())

    def _create(self) -> None:
        self._timer.stop()
        self.create_button.setEnabled(False)
        self.pattern_edit.setEnabled(False)
        self.preview_label.setText(self.tr("Creating…"))
        self.createRequested.emit(self.pattern_edit.text())

    def show_preview(self, text: str, can_create: bool) -> None:
        self.preview_label.setText(text)
        self.preview_label.setProperty("problem", not can_create and bool(self.pattern_edit.text()))
        self.preview_label.style().polish(self.preview_label)
        self.create_button.setEnabled(can_create)

    def show_finished(self, text: str) -> None:
        self.pattern_edit.setEnabled(True)
        self.preview_label.setText(text)
        self.create_button.setEnabled(False)


class LocationTreePanel(QWidget):
    """Lays out the tree; the controller answers its requests with rows (id, kind, name...)."""

    childrenRequested = Signal(object)  # parent id, None for the top level
    searchRequested = Signal(str)
    addRequested = Signal(object, str, str)  # parent id or None, kind, name
    renameRequested = Signal(object, str)  # place id, new name
    bulkPreviewRequested = Signal(object, str)  # parent id or None, pattern
    bulkCreateRequested = Signal(object, str)
    placeActivated = Signal(object, str)  # id, full name (double-click; pick mode)

    def __init__(self, pick_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pick_only = pick_only
        self._items: dict[uuid.UUID, QStandardItem] = {}
        self._searching = False
        self._filling = False
        self.bulk_dialog: BulkLocationDialog | None = None
        self._bulk_parent: uuid.UUID | None = None

        self.search_edit = QLineEdit(objectName="placeSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search places, e.g. 3栋2单元15 or 1502"))
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("Place"), self.tr("Kind"), self.tr("Below")])
        self.tree = QTreeView(objectName="placeTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.resizeSection(1, 70)
        header.resizeSection(2, 60)
        self.count_label = QLabel(objectName="placeCount")
        self.message = ProblemLabel()
        self.message.setObjectName("placeProblem")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.message)
        if not pick_only:
            layout.addLayout(self._edit_row())

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._search_now)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._search_now)
        self.tree.expanded.connect(self._on_expanded)
        self.tree.doubleClicked.connect(self._on_double_click)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_target())
        self.model.itemChanged.connect(self._on_item_changed)
        self._update_target()

    def _edit_row(self) -> QVBoxLayout:
        self.target_label = QLabel(objectName="addTarget")
        self.top_button = QPushButton(self.tr("Top level"), objectName="topLevel")
        self.top_button.setToolTip(
            self.tr("Add at the project's top level instead of under the selection")
        )
        self.kind_combo = QComboBox(objectName="placeKind")
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_combo.setMinimumContentsLength(6)
        self.name_edit = QLineEdit(objectName="placeName")
        self.add_button = QPushButton(self.tr("Add"), objectName="addPlace")
        self.rename_button = QPushButton(self.tr("Rename (F2)"), objectName="renamePlace")
        self.bulk_button = QPushButton(self.tr("Create from pattern…"), objectName="bulkPlaces")
        first = QHBoxLayout()
        first.addWidget(self.target_label, 1)
        first.addWidget(self.top_button)
        second = QHBoxLayout()
        second.addWidget(self.kind_combo)
        second.addWidget(self.name_edit, 1)
        second.addWidget(self.add_button)
        second.addSpacing(12)
        second.addWidget(self.rename_button)
        second.addWidget(self.bulk_button)
        column = QVBoxLayout()
        column.addLayout(first)
        column.addLayout(second)
        self.kind_combo.currentIndexChanged.connect(self._show_example)
        self.top_button.clicked.connect(self._choose_top)
        self.add_button.clicked.connect(self._add)
        self.name_edit.returnPressed.connect(self._add)
        self.rename_button.clicked.connect(self._rename)
        self.bulk_button.clicked.connect(self.open_bulk_dialog)
        return column

    # -- rows from the controller ---------------------------------------------------------------
    def _row(self, place) -> list[QStandardItem]:
        name = QStandardItem(place.full_name if self._searching else place.name)
        name.setData(place.id, ID_ROLE)
        name.setData(place.kind, KIND_ROLE)
        name.setData(place.full_name, FULL_ROLE)
        name.setData(False, LOADED_ROLE)
        name.setData(place.name, NAME_ROLE)
        name.setToolTip(place.full_name)
        name.setEditable(not self._searching and not self.pick_only)
        kind = QStandardItem(location_kind_label(place.kind))
        below = QStandardItem(str(place.children) if place.children else "")
        for item in (kind, below):
            item.setEditable(False)
        below.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if place.children and not self._searching:
            name.appendRow([QStandardItem("…"), QStandardItem(), QStandardItem()])  # expandable
        self._items[place.id] = name
        return [name, kind, below]

    def set_top(self, places: list) -> None:
        """Show the project's top-level places (the tree starts collapsed)."""
        self._show_roots(places, searching=False)

    def _show_roots(self, places: list, *, searching: bool) -> None:
        self._filling = True
        self._searching = searching
        self.model.removeRows(0, self.model.rowCount())
        self._items.clear()
        for place in places:
            self.model.appendRow(self._row(place))
        self._filling = False
        self._update_target()

    def set_children(self, parent_id: uuid.UUID | None, places: list) -> None:
        """Replace the children of one place (after expanding it, adding or renaming)."""
        if parent_id is None:
            self.set_top(places)
            return
        item = self._items.get(parent_id)
        if item is None or self._searching:
            return
        self._filling = True
        item.removeRows(0, item.rowCount())
        for place in places:
            item.appendRow(self._row(place))
        item.setData(True, LOADED_ROLE)
        count = item.model().itemFromIndex(item.index().siblingAtColumn(2))
        if count is not None:
            count.setText(str(len(places)) if places else "")
        self._filling = False
        self.tree.expand(item.index())

    def show_search_results(self, places: list) -> None:
        self._show_roots(places, searching=True)

    def show_count(self, text: str) -> None:
        self.count_label.setText(text)

    def show_message(self, text: str) -> None:
        self.message.show_message(text)

    def clear(self) -> None:
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.set_top([])
        self.show_message("")
        self.count_label.clear()

    # -- the selection ----------------------------------------------------------------------------
    def selected_place(self) -> tuple[uuid.UUID | None, str | None, str]:
        """(id, kind, full name) of the selected place; (None, None, '') for the top level."""
        index = self.tree.currentIndex().siblingAtColumn(0)
        if not index.isValid() or index.data(ID_ROLE) is None:
            return None, None, ""
        return index.data(ID_ROLE), index.data(KIND_ROLE), index.data(FULL_ROLE)

    def select_place(self, place_id: uuid.UUID) -> None:
        item = self._items.get(place_id)
        if item is not None:
            self.tree.setCurrentIndex(item.index())
            self.tree.scrollTo(item.index())

    def _choose_top(self) -> None:
        self.tree.setCurrentIndex(QModelIndex())
        self.tree.clearSelection()
        self._update_target()

    def _update_target(self) -> None:
        if self.pick_only:
            return
        place_id, kind, full = self.selected_place()
        allowed = LOCATION_CHILDREN[LocationKind(kind) if kind else None]
        if place_id is None:
            self.target_label.setText(self.tr("New places go to the project's top level"))
        else:
            self.target_label.setText(self.tr("New places go under: %1").replace("%1", full))
        current = self.kind_combo.currentData()
        self.kind_combo.clear()
        for code in LocationKind:
            if code in allowed:
                self.kind_combo.addItem(location_kind_label(code), code.value)
        self.kind_combo.setCurrentIndex(max(0, find_data(self.kind_combo, current)))
        self._show_example()
        can_add = bool(allowed) and not self._searching
        for widget in (self.kind_combo, self.name_edit, self.add_button, self.bulk_button):
            widget.setEnabled(can_add)
        self.rename_button.setEnabled(place_id is not None and not self._searching)

    def _show_example(self) -> None:
        example = _EXAMPLES.get(self.kind_combo.currentData(), "")
        self.name_edit.setPlaceholderText(self.tr("Name, e.g. %1").replace("%1", example))

    # -- user actions --------------------------------------------------------------------------
    def _search_now(self) -> None:
        self._search_timer.stop()
        text = self.search_edit.text().strip()
        if text:
            self.searchRequested.emit(text)
        else:
            self.childrenRequested.emit(None)

    def _on_expanded(self, index: QModelIndex) -> None:
        item = self.model.itemFromIndex(index.siblingAtColumn(0))
        if item is not None and not item.data(LOADED_ROLE) and not self._searching:
            self.childrenRequested.emit(item.data(ID_ROLE))

    def _on_double_click(self, index: QModelIndex) -> None:
        index = index.siblingAtColumn(0)
        if self.pick_only and index.data(ID_ROLE) is not None:
            self.placeActivated.emit(index.data(ID_ROLE), index.data(FULL_ROLE))

    def _add(self) -> None:
        place_id, _kind, _full = self.selected_place()
        kind = self.kind_combo.currentData()
        if kind:
            self.addRequested.emit(place_id, kind, self.name_edit.text())

    def added(self) -> None:
        """The controller saved the new place: ready for the next name."""
        self.name_edit.clear()
        self.name_edit.setFocus()

    def _rename(self) -> None:
        index = self.tree.currentIndex().siblingAtColumn(0)
        if index.isValid():
            self.tree.edit(index)

    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._filling or item.column() != 0 or item.data(ID_ROLE) is None:
            return
        if item.text() != item.data(NAME_ROLE):
            self.renameRequested.emit(item.data(ID_ROLE), item.text())

    def open_bulk_dialog(self) -> BulkLocationDialog:
        place_id, _kind, full = self.selected_place()
        self._bulk_parent = place_id
        if place_id is None:
            target = self.tr("New places go to the project's top level")
        else:
            target = self.tr("New places go under: %1").replace("%1", full)
        if self.bulk_dialog is not None:
            self.bulk_dialog.close()
            self.bulk_dialog.deleteLater()
        dialog = BulkLocationDialog(target, self)
        dialog.previewRequested.connect(
            lambda text: self.bulkPreviewRequested.emit(self._bulk_parent, text)
        )
        dialog.createRequested.connect(
            lambda text: self.bulkCreateRequested.emit(self._bulk_parent, text)
        )
        self.bulk_dialog = dialog
        dialog.open()  # window-modal, without blocking the event loop
        dialog.pattern_edit.setFocus()
        return dialog

    def show_bulk_preview(self, text: str, can_create: bool) -> None:
        if self.bulk_dialog is not None:
            self.bulk_dialog.show_preview(text, can_create)

    def show_bulk_finished(self, text: str) -> None:
        if self.bulk_dialog is not None:
            self.bulk_dialog.show_finished(text)

    def bulk_parent(self) -> uuid.UUID | None:
        return self._bulk_parent
