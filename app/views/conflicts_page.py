"""The 冲突 page: same-field edits made on two computers, both values, and one-click restore."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.config import DISPLAY_TIMEZONE

# A read that ends sooner changes nothing on screen: the rows stay, no "loading" flashes by.
LOADING_SHOWN_AFTER_MS = 300
ID_ROLE = Qt.ItemDataRole.UserRole + 1
OPEN_ROLE = Qt.ItemDataRole.UserRole + 2
(COL_RECORD, COL_FIELD, COL_MINE, COL_MINE_BY, COL_THEIRS, COL_THEIRS_BY, COL_CURRENT,
 COL_STATUS) = range(8)


class ConflictsPage(QWidget):
    """Lays out the list; ConflictsController fills it and resolves what the user picks."""

    filterChanged = Signal(str)  # "open" | "resolved" | "all"
    keepRequested = Signal(list, str)  # conflict ids, "mine" | "theirs"
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = ZoneInfo(DISPLAY_TIMEZONE)
        self._rows: dict[int, Any] = {}
        self._loading = False
        self._listed = False  # a listing has been shown (until then the table is blank)
        self._count_text = ""
        self._loading_timer = QTimer(self)
        self._loading_timer.setSingleShot(True)
        self._loading_timer.setInterval(LOADING_SHOWN_AFTER_MS)
        self._loading_timer.timeout.connect(self._show_loading)
        title = QLabel(self.tr("Conflicts"))
        title.setObjectName("pageTitle")
        hint = QLabel(self.tr(
            "When the same field was changed on two computers, the later change is in use and "
            "the other value is kept here. Keeping a value is itself a new change that every "
            "computer receives at its next sync."))
        hint.setObjectName("stageHint")
        hint.setWordWrap(True)

        self.filter_combo = QComboBox(objectName="conflictFilter")
        self.filter_combo.addItem(self.tr("Open"), "open")
        self.filter_combo.addItem(self.tr("Resolved"), "resolved")
        self.filter_combo.addItem(self.tr("All"), "all")
        self.count_label = QLabel(objectName="conflictCount")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.filter_combo)
        top.addWidget(self.count_label, 1)

        self.table = QTableWidget(0, 8, objectName="conflictTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Record"), self.tr("Field"), self.tr("My value"), self.tr("Changed here"),
            self.tr("Their value"), self.tr("Changed there"), self.tr("In use"),
            self.tr("Status"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (COL_MINE, COL_THEIRS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(objectName="conflictEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #5f6b7a; padding: 24px;")

        self.mine_text = QPlainTextEdit(objectName="conflictMineText")
        self.theirs_text = QPlainTextEdit(objectName="conflictTheirsText")
        for box in (self.mine_text, self.theirs_text):
            box.setReadOnly(True)
        self.mine_caption = QLabel(self.tr("My value"))
        self.theirs_caption = QLabel(self.tr("Their value"))
        self.keep_mine_button = QPushButton(self.tr("Keep mine"), objectName="keepMine")
        self.keep_theirs_button = QPushButton(self.tr("Keep theirs"), objectName="keepTheirs")
        # How a chosen conflict was settled, above all when another computer settled it.
        self.resolved_note = QLabel(objectName="conflictResolvedNote")
        self.resolved_note.setWordWrap(True)
        self.resolved_note.setStyleSheet("color: #1e5a9e;")
        self.message_label = QLabel(objectName="conflictMessage")
        self.message_label.setWordWrap(True)
        detail = QWidget()
        grid = QGridLayout(detail)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.mine_caption, 0, 0)
        grid.addWidget(self.theirs_caption, 0, 1)
        grid.addWidget(self.mine_text, 1, 0)
        grid.addWidget(self.theirs_text, 1, 1)
        grid.addWidget(self.keep_mine_button, 2, 0)
        grid.addWidget(self.keep_theirs_button, 2, 1)
        grid.addWidget(self.resolved_note, 3, 0, 1, 2)
        grid.addWidget(self.message_label, 4, 0, 1, 2)

        upper = QWidget()
        upper_column = QVBoxLayout(upper)
        upper_column.setContentsMargins(0, 0, 0, 0)
        upper_column.addWidget(self.table, 1)
        upper_column.addWidget(self.empty_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 200])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.filter_combo.currentIndexChanged.connect(
            lambda _i: self.filterChanged.emit(self.filter_combo.currentData()))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.keep_mine_button.clicked.connect(lambda: self._keep("mine"))
        self.keep_theirs_button.clicked.connect(lambda: self._keep("theirs"))
        self._selection_changed()

    def filter(self) -> str:
        return self.filter_combo.currentData()

    def set_rows(self, rows: list[Any]) -> None:
        """app.sync.conflicts.ConflictRow values, newest first as the controller gives them."""
        selected = set(self.selected_ids())
        self.table.setSortingEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(len(rows))
        self._rows = {row.id: row for row in rows}
        for index, row in enumerate(rows):
            cells = [
                f"{row.entity_label} {row.record_label}",
                row.field_label,
                _one_line(row.mine_text),
                f"{row.mine_by} · {self._local(row.mine_at)}",
                _one_line(row.theirs_text),
                f"{row.theirs_by} · {self._local(row.theirs_at)}",
                self.tr("Mine") if row.current_is_mine else self.tr("Theirs"),
                self._status(row),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row.id)
                item.setData(OPEN_ROLE, not row.resolved)
                if column in (COL_MINE, COL_THEIRS):
                    item.setToolTip(text)
                    # The value the record holds now is bold: the other one is the kept loser.
                    if (column == COL_MINE) == row.current_is_mine:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                self.table.setItem(index, column, item)
        for index, row in enumerate(rows):
            if row.id in selected:
                self.table.selectRow(index)
        self._loading = False
        self._listed = True
        self._loading_timer.stop()
        self._count_text = self.tr("%1 conflicts").replace("%1", str(len(rows)))
        self.count_label.setText(self._count_text)
        self.table.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        self.empty_label.setText({
            "open": self.tr("No open conflicts: every change merged cleanly."),
            "resolved": self.tr("No resolved conflicts yet."),
        }.get(self.filter(), self.tr("No conflicts.")))
        self._selection_changed()

    def set_loading(self, loading: bool) -> None:
        """The controller reads the listing (True) or gave up (False). The rows on screen stay
        and stay selectable; only a read that takes a moment says so."""
        self._loading = loading
        if loading:
            if not self._loading_timer.isActive():
                self._loading_timer.start()
            return
        self._loading_timer.stop()
        self.count_label.setText(self._count_text)
        if not self._listed:
            self.empty_label.setText("")

    def is_loading(self) -> bool:
        return self._loading

    def _show_loading(self) -> None:
        if not self._loading:
            return
        self.count_label.setText(self.tr("Reading…"))
        if not self._listed:
            self.table.setVisible(False)
            self.empty_label.setVisible(True)
            self.empty_label.setText(self.tr("Reading the conflicts…"))

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(row, 0).data(ID_ROLE) for row in rows if self.table.item(row, 0)]

    def show_message(self, text: str, ok: bool = True) -> None:
        self.message_label.setStyleSheet(f"color: {'#1e7d32' if ok else '#b3261e'};")
        self.message_label.setText(text)

    # -- inside the view -----------------------------------------------------------------
    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        chosen = [self._rows[i] for i in ids if i in self._rows]
        first = chosen[0] if chosen else None
        self.mine_text.setPlainText(first.mine_text if first else "")
        self.theirs_text.setPlainText(first.theirs_text if first else "")
        if first:
            self.mine_caption.setText(self.tr("My value — %1, %2").replace(
                "%1", first.mine_by).replace("%2", self._local(first.mine_at)))
            self.theirs_caption.setText(self.tr("Their value — %1, %2").replace(
                "%1", first.theirs_by).replace("%2", self._local(first.theirs_at)))
        else:
            self.mine_caption.setText(self.tr("My value"))
            self.theirs_caption.setText(self.tr("Their value"))
        open_chosen = any(not row.resolved for row in chosen)
        self.keep_mine_button.setEnabled(open_chosen)
        self.keep_theirs_button.setEnabled(open_chosen)
        # A record deleted on one side: keeping the edit brings the record back.
        restore = getattr(first, "restore_side", None) if first else None
        for side, button in (("mine", self.keep_mine_button),
                             ("theirs", self.keep_theirs_button)):
            if restore is None:
                button.setText(self.tr("Keep mine") if side == "mine" else self.tr("Keep theirs"))
            else:
                button.setText(self.tr("Restore this record") if side == restore
                               else self.tr("Accept the deletion"))
        self.resolved_note.setText(self._settled(first) if first and first.resolved else "")
        self.resolved_note.setVisible(bool(first and first.resolved))

    def _keep(self, side: str) -> None:
        ids = [i for i in self.selected_ids() if i in self._rows and not self._rows[i].resolved]
        if ids:
            self.keepRequested.emit(ids, side)

    def _status(self, row: Any) -> str:
        if not row.resolved:
            return self.tr("Open")
        elsewhere = getattr(row, "resolved_elsewhere", None)
        if elsewhere:
            return self.tr("Resolved on %1: kept %2").replace("%1", elsewhere).replace(
                "%2", self._kept(row))
        if getattr(row, "restored", False):
            return self.tr("Record restored")
        if row.resolution == "mine":
            return self.tr("Kept mine")
        if row.resolution == "theirs":
            return self.tr("Kept theirs")
        return self.tr("Resolved")

    def _kept(self, row: Any) -> str:
        if getattr(row, "restored", False):
            return self.tr("the record (restored)")
        return _one_line(getattr(row, "kept_text", None) or "") or (
            self.tr("mine") if row.resolution == "mine" else self.tr("theirs"))

    def _settled(self, row: Any) -> str:
        """The note under the two values of a settled conflict: where, what, when, who."""
        note = self._where_what(row)
        who = getattr(row, "resolved_by", None)
        return note + (self.tr(" Decided by %1.").replace("%1", who) if who else "")

    def _where_what(self, row: Any) -> str:
        when = self._local(getattr(row, "resolved_at", None))
        elsewhere = getattr(row, "resolved_elsewhere", None)
        if elsewhere:
            text = self.tr("Resolved on %1: kept %2 (%3). This computer follows that choice.")
            return text.replace("%1", elsewhere).replace("%2", self._kept(row)).replace("%3", when)
        if getattr(row, "restored", False):
            return self.tr("Restored here (%1): the record comes back on every computer at its "
                           "next sync.").replace("%1", when)
        return self.tr("Resolved here (%1): kept %2.").replace("%1", when).replace(
            "%2", self._kept(row))

    def _local(self, when: dt.datetime | None) -> str:
        if when is None:
            return ""
        if when.tzinfo is None:  # stored UTC (DESIGN.md "Time")
            when = when.replace(tzinfo=dt.UTC)
        return when.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()


def _one_line(text: str) -> str:
    return " ".join((text or "").split())
