"""The ticket list as a Qt table model that fetches pages lazily (never every row)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimeZone,
)
from PySide6.QtGui import QBrush, QColor

from app.views.labels import state_label, urgency_label

# fetch(sort_key, descending, cursor) -> (rows, next cursor or None)
PageFetcher = Callable[[str, bool, Any], tuple[list[Any], Any]]

_ROOT = QModelIndex()  # the invisible root of a flat table
_URGENCY_COLOURS = {1: QColor("#c62828"), 2: QColor("#ef6c00")}
_CLOSED_STATES = {"archived", "cancelled", "not_covered"}


class TicketTableModel(QAbstractTableModel):
    COL_NUMBER, COL_STATE, COL_URGENCY, COL_PROJECT, COL_LOCATION, COL_CATEGORY = range(6)
    COL_REPORTER, COL_PHONE, COL_DESCRIPTION, COL_OWNER, COL_REPORTED_AT = range(6, 11)
    COLUMN_COUNT = 11
    RowRole = Qt.ItemDataRole.UserRole + 1

    # Columns the database can sort by (an index behind each) and their sort keys.
    SORT_KEYS = {
        COL_NUMBER: "number",
        COL_STATE: "state",
        COL_URGENCY: "urgency",
        COL_PROJECT: "project",
        COL_LOCATION: "location",
        COL_REPORTED_AT: "reported_at",
    }

    def __init__(self, fetch: PageFetcher | None = None, parent=None) -> None:
        super().__init__(parent)
        self._fetch: PageFetcher = fetch or (lambda _key, _desc, _cursor: ([], None))
        self._rows: list[Any] = []
        self._cursor: Any = None
        self._exhausted = True
        self._sort_key = "reported_at"
        self._descending = True
        self._zone = QTimeZone(QByteArray(b"Asia/Shanghai"))

    def set_fetcher(self, fetch: PageFetcher) -> None:
        self._fetch = fetch

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Drop what is loaded and fetch the first page for the current filter and order."""
        self.beginResetModel()
        self._rows, self._cursor = self._fetch(self._sort_key, self._descending, None)
        self._exhausted = self._cursor is None
        self.endResetModel()

    def canFetchMore(self, parent=_ROOT) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=_ROOT) -> None:
        if parent.isValid() or self._exhausted:
            return
        rows, cursor = self._fetch(self._sort_key, self._descending, self._cursor)
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._cursor = cursor
        self._exhausted = cursor is None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is None:
            return
        self._sort_key = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Ticket no."),
            self.tr("State"),
            self.tr("Urgency"),
            self.tr("Project"),
            self.tr("Location"),
            self.tr("Defect category"),
            self.tr("Reporter"),
            self.tr("Phone"),
            self.tr("Description"),
            self.tr("Responsible"),
            self.tr("Reported at"),
        ][section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == self.RowRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.COL_URGENCY and row.urgency in _URGENCY_COLOURS:
                return QBrush(_URGENCY_COLOURS[row.urgency])
            if row.state in _CLOSED_STATES:
                return QBrush(QColor("#757575"))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_DESCRIPTION:
            return row.description
        return None

    def _display(self, row: Any, column: int) -> str:
        if column == self.COL_NUMBER:
            return row.number
        if column == self.COL_STATE:
            text = state_label(row.state)
            return text + (self.tr(" (rework %n)", "", row.rework_count) if row.rework_count else "")
        if column == self.COL_URGENCY:
            return urgency_label(row.urgency)
        if column == self.COL_PROJECT:
            return row.project_name
        if column == self.COL_LOCATION:
            return row.location
        if column == self.COL_CATEGORY:
            return row.category
        if column == self.COL_REPORTER:
            return row.reporter_name
        if column == self.COL_PHONE:
            return row.reporter_phone
        if column == self.COL_DESCRIPTION:
            return row.description
        if column == self.COL_OWNER:
            return row.owner_name
        if column == self.COL_REPORTED_AT:
            when = QDateTime(row.reported_at, QTimeZone(QTimeZone.Initialization.UTC))
            return when.toTimeZone(self._zone).toString("yyyy-MM-dd HH:mm")
        return ""
