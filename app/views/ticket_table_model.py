"""The ticket list as a Qt table model that fetches pages lazily (never every row)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QDate,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimeZone,
)
from PySide6.QtGui import QBrush, QColor

from app.views.labels import (
    building_part_label,
    channel_label,
    coverage_label,
    state_label,
    urgency_label,
)

# fetch(sort_key, descending, cursor) -> (rows, next cursor or None)
PageFetcher = Callable[[str, bool, Any], tuple[list[Any], Any]]

_ROOT = QModelIndex()  # the invisible root of a flat table
_URGENCY_COLOURS = {1: QColor("#c62828"), 2: QColor("#ef6c00")}
_CLOSED_STATES = {"archived", "cancelled", "not_covered"}
_CLOSED_TEXT = QColor("#757575")
OVERDUE_RED = QColor("#c62828")
PAUSED_GREY = QColor("#6d7b8d")

# Ageing bands (sla.AgeBand 0–3) of open tickets: a strong colour for the thin bar beside the
# ticket number and a pale tint of it for the age cell, so the row stays readable and calm.
AGE_BAR_COLOURS = (QColor("#81c784"), QColor("#f2b134"), QColor("#ef8a3c"), QColor("#d9534f"))
AGE_TINTS = (QColor("#edf6ed"), QColor("#fdf3d8"), QColor("#fde6d3"), QColor("#f9dedd"))
AGE_BANDS = (
    QT_TRANSLATE_NOOP("TicketTableModel", "0–7 days"),
    QT_TRANSLATE_NOOP("TicketTableModel", "8–14 days"),
    QT_TRANSLATE_NOOP("TicketTableModel", "15–30 days"),
    QT_TRANSLATE_NOOP("TicketTableModel", "Over 30 days"),
)

TIMERS = {
    "response": QT_TRANSLATE_NOOP("TicketTableModel", "response"),
    "arrival": QT_TRANSLATE_NOOP("TicketTableModel", "arrival on site"),
    "completion": QT_TRANSLATE_NOOP("TicketTableModel", "completion"),
}


def _as_text(value: Any) -> str:
    # One cell stays one cell in Excel: no tabs or line breaks inside.
    return " ".join(str(value or "").split())


class TicketTableModel(QAbstractTableModel):
    COL_NUMBER, COL_STATE, COL_URGENCY, COL_PROJECT, COL_LOCATION, COL_CATEGORY = range(6)
    COL_REPORTER, COL_PHONE, COL_DESCRIPTION, COL_OWNER, COL_REPORTED_AT = range(6, 11)
    COL_AGE, COL_DUE, COL_COVERAGE, COL_CHANNEL, COL_CUSTOMER, COL_REWORK = range(11, 17)
    COL_BUILDING_PART = 17
    COLUMN_COUNT = 18
    RowRole = Qt.ItemDataRole.UserRole + 1
    AgeBandRole = Qt.ItemDataRole.UserRole + 2  # sla.AgeBand number of an open ticket, or None
    OverdueRole = Qt.ItemDataRole.UserRole + 3  # True when an unmet timer is past due

    # Columns the database can sort by (an index behind each): (sort key, reversed). The age
    # is the report time seen from today, so "youngest first" is "newest report first".
    SORT_KEYS = {
        COL_NUMBER: ("number", False),
        COL_STATE: ("state", False),
        COL_URGENCY: ("urgency", False),
        COL_PROJECT: ("project", False),
        COL_LOCATION: ("location", False),
        COL_REPORTED_AT: ("reported_at", False),
        COL_AGE: ("reported_at", True),
    }
    # Shown until the clerk chooses otherwise (the rest are offered in the column chooser).
    HIDDEN_BY_DEFAULT = (COL_REPORTER, COL_PHONE, COL_COVERAGE, COL_CHANNEL, COL_CUSTOMER,
                         COL_REWORK, COL_BUILDING_PART)

    def __init__(self, fetch: PageFetcher | None = None, parent=None) -> None:
        super().__init__(parent)
        self._fetch: PageFetcher = fetch or (lambda _key, _desc, _cursor: ([], None))
        self._rows: list[Any] = []
        self._cursor: Any = None
        self._exhausted = True
        self._sort_key = "reported_at"
        self._descending = True
        self._zone = QTimeZone(QByteArray(b"Asia/Shanghai"))
        self._utc = QTimeZone(QTimeZone.Initialization.UTC)
        self._now: dt.datetime | None = None  # naive UTC; None: the clock at each paint

    def set_fetcher(self, fetch: PageFetcher) -> None:
        self._fetch = fetch

    # -- loading -------------------------------------------------------------------------
    def reload(self, at_least: int = 0) -> None:
        """Drop what is loaded and fetch the first page for the current filter and order.

        `at_least`: keep fetching pages until that many rows are loaded (a refresh that keeps
        the clerk's scroll position).
        """
        self.beginResetModel()
        self._rows, self._cursor = self._fetch(self._sort_key, self._descending, None)
        self._exhausted = self._cursor is None
        while len(self._rows) < at_least and not self._exhausted:
            rows, self._cursor = self._fetch(self._sort_key, self._descending, self._cursor)
            self._rows.extend(rows)
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

    def is_sortable(self, column: int) -> bool:
        return column in self.SORT_KEYS

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if column not in self.SORT_KEYS:
            return
        key, reverse = self.SORT_KEYS[column]
        self._sort_key = key
        self._descending = (order == Qt.SortOrder.DescendingOrder) != reverse
        self.reload()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def loaded_ids(self) -> list[Any]:
        return [row.id for row in self._rows]

    def row_of(self, ticket_id: Any) -> int:
        """The row showing this ticket, or -1 when it is not loaded."""
        for number, row in enumerate(self._rows):
            if row.id == ticket_id:
                return number
        return -1

    # -- live changes ----------------------------------------------------------------------
    def refresh_rows(self, checked_ids: Iterable[Any], fresh: Sequence[Any]) -> None:
        """Follow changes of some tickets without reloading the list.

        `fresh`: the rows of `checked_ids` that the filter still shows, with the cursor of the
        current order. A row that changed in place is redrawn; one that left the filter goes;
        one whose place in the order changed moves; a newly matching one is inserted where the
        order puts it, if that falls among the loaded rows (otherwise a later page brings it).
        """
        fresh_by_id = {row.id: row for row in fresh}
        positions: dict[Any, int] | None = None  # rebuilt only after rows moved
        for ticket_id in checked_ids:
            if positions is None:
                positions = {row.id: number for number, row in enumerate(self._rows)}
            number = positions.get(ticket_id, -1)
            new = fresh_by_id.get(ticket_id)
            if number >= 0 and new is not None and new.cursor == self._rows[number].cursor:
                self._rows[number] = new
                self.dataChanged.emit(self.index(number, 0), self.index(number, self.COLUMN_COUNT - 1))
                continue
            positions = None
            if number >= 0:
                self.beginRemoveRows(QModelIndex(), number, number)
                del self._rows[number]
                self.endRemoveRows()
            if new is not None:
                place = self._place_of(new.cursor)
                if place is not None:
                    self.beginInsertRows(QModelIndex(), place, place)
                    self._rows.insert(place, new)
                    self.endInsertRows()

    def _place_of(self, cursor: tuple) -> int | None:
        """Where a row with this sort key belongs among the loaded rows (None: past them)."""
        for number, row in enumerate(self._rows):
            if (cursor > row.cursor) if self._descending else (cursor < row.cursor):
                return number
        return len(self._rows) if self._exhausted else None

    def set_now(self, now: dt.datetime) -> None:
        """Advance the clock the countdowns and ages are shown against (naive UTC)."""
        self._now = now
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.COL_AGE), self.index(len(self._rows) - 1, self.COL_DUE)
            )

    def _clock(self) -> dt.datetime:
        return self._now or dt.datetime.now(dt.UTC).replace(tzinfo=None)

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def column_titles(self) -> list[str]:
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
            self.tr("Age"),
            self.tr("Due"),
            self.tr("Coverage"),
            self.tr("Channel"),
            self.tr("Customer"),
            self.tr("Rework"),
            self.tr("Building part"),
        ]

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == self.COL_DUE:
                return self.tr("Time left until the next timer (response, arrival, completion) is due")
            if section == self.COL_AGE:
                return self.tr("Days since the ticket was reported (open tickets)")
            if not self.is_sortable(section):
                return self.tr("This column cannot be sorted")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == self.RowRole:
            return row
        if role == self.AgeBandRole:
            return row.age_band
        if role == self.OverdueRole:
            return row.overdue
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == self.COL_AGE and row.age_band is not None:
                return QBrush(AGE_TINTS[row.age_band])
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.COL_AGE, self.COL_REWORK):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _foreground(self, row: Any, column: int) -> QBrush | None:
        if column == self.COL_URGENCY and row.urgency in _URGENCY_COLOURS:
            return QBrush(_URGENCY_COLOURS[row.urgency])
        if column == self.COL_DUE and row.overdue:
            return QBrush(OVERDUE_RED)
        if column == self.COL_DUE and row.paused:
            return QBrush(PAUSED_GREY)
        if row.state in _CLOSED_STATES:
            return QBrush(_CLOSED_TEXT)
        return None

    def _tooltip(self, row: Any, column: int) -> str | None:
        if column == self.COL_DESCRIPTION:
            return row.description
        if column in (self.COL_STATE, self.COL_DUE) and row.overdue:
            timers = "、".join(
                QCoreApplication.translate("TicketTableModel", TIMERS[t])
                for t in row.overdue_timers if t in TIMERS
            )
            return self.tr("Overdue: %1").replace("%1", timers)
        if column in (self.COL_AGE, self.COL_NUMBER) and row.age_band is not None:
            return self.tr("Ageing: %1").replace(
                "%1", QCoreApplication.translate("TicketTableModel", AGE_BANDS[row.age_band])
            )
        return None

    def _local(self, when: dt.datetime) -> str:
        moment = QDateTime(
            QDate(when.year, when.month, when.day),
            QTime(when.hour, when.minute, when.second),
            self._utc,
        )
        return moment.toTimeZone(self._zone).toString("yyyy-MM-dd HH:mm")

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
            return self._local(row.reported_at)
        if column == self.COL_AGE:
            if row.age_band is None:
                return ""
            days = max(0, (self._clock() - row.reported_at) // dt.timedelta(days=1))
            return self.tr("%n day(s)", "", days)
        if column == self.COL_DUE:
            return self._due_text(row)
        if column == self.COL_COVERAGE:
            return coverage_label(row.coverage) if row.coverage else ""
        if column == self.COL_CHANNEL:
            return channel_label(row.channel) if row.channel else ""
        if column == self.COL_CUSTOMER:
            return row.customer_name
        if column == self.COL_REWORK:
            return str(row.rework_count) if row.rework_count else ""
        if column == self.COL_BUILDING_PART:
            return building_part_label(row.building_part) if row.building_part else ""
        return ""

    def _due_text(self, row: Any) -> str:
        """The countdown to the next timer: 剩 5小时 / 超时 2天 / 已暂停 (open tickets only)."""
        if row.next_due is None or row.age_band is None:
            return ""
        if row.paused:
            return self.tr("Paused")
        left = row.next_due - self._clock()
        if row.overdue or left < dt.timedelta(0):
            return self.tr("Overdue %1").replace("%1", self._span(-left))
        return self.tr("%1 left").replace("%1", self._span(left))

    def _span(self, span: dt.timedelta) -> str:
        minutes = max(0, int(span.total_seconds() // 60))
        if minutes >= 48 * 60:
            return self.tr("%n day(s)", "", minutes // (24 * 60))
        if minutes >= 60:
            return self.tr("%n hour(s)", "", minutes // 60)
        return self.tr("%n minute(s)", "", minutes)

    # -- copying -------------------------------------------------------------------------
    def table_text(self, rows: Sequence[int], columns: Sequence[int]) -> tuple[str, str]:
        """The rows as (tab-separated text, HTML table), header first, shown text only.

        Excel and WPS take the HTML table cell by cell; `mso-number-format:"\\@"` keeps ticket
        numbers and phone numbers as text (not 1.39E+10) and dates as written.
        """
        titles = self.column_titles()
        header = [titles[c] for c in columns]
        body = [[_as_text(self._display(self._rows[r], c)) for c in columns] for r in rows]
        tsv = "\r\n".join("\t".join(cells) for cells in [header, *body]) + "\r\n"
        cell = '<td style="mso-number-format:\'\\@\'">{}</td>'
        lines = [
            "<html><head><meta charset=\"utf-8\"></head><body><table border=\"1\">",
            "<tr>" + "".join(f"<th>{html.escape(t)}</th>" for t in header) + "</tr>",
            *("<tr>" + "".join(cell.format(html.escape(v)) for v in cells) + "</tr>" for cells in body),
            "</table></body></html>",
        ]
        return tsv, "\n".join(lines)
