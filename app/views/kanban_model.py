"""Item models of the Kanban board: one list model per state column, updated incrementally.

`KanbanBoardModel` holds every card on the board and lays them out in the column models:
sorted cards, or — with swimlanes — a lane header, the lane's cards and empty filler rows so
that a lane takes the same rows in every column (the columns then scroll together). A change
to a few cards is applied as row moves, inserts and removes (STYLE.md 9), never a reset.
Cards are plain objects (app.models.board.Card, duck-typed here: views import no queries).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.views.labels import state_label

_ROOT = QModelIndex()


class RowKind(IntEnum):
    CARD = 0
    LANE = 1  # a swimlane's header
    FILLER = 2  # an empty slot that keeps lanes aligned across columns


class LaneMode:
    NONE = "none"
    PROJECT = "project"
    OWNER = "owner"
    ALL = (NONE, PROJECT, OWNER)


@dataclass(frozen=True, slots=True)
class LaneHeader:
    key: Hashable
    title: str
    count: int  # cards of this lane in this column
    overdue: int


@dataclass(frozen=True, slots=True)
class Filler:
    lane: Hashable
    slot: int


def _row_key(row: Any) -> Hashable:
    if isinstance(row, LaneHeader):
        return ("lane", row.key)
    if isinstance(row, Filler):
        return ("fill", row.lane, row.slot)
    return row.id


def row_kind(row: Any) -> RowKind:
    if isinstance(row, LaneHeader):
        return RowKind.LANE
    if isinstance(row, Filler):
        return RowKind.FILLER
    return RowKind.CARD


class KanbanColumnModel(QAbstractListModel):
    """The rows of one state column: cards, and lane headers and fillers with swimlanes."""

    CardRole = Qt.ItemDataRole.UserRole + 1  # the card object (None for other rows)
    KindRole = Qt.ItemDataRole.UserRole + 2  # a RowKind
    TicketIdRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, state: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.now = dt.datetime(2000, 1, 1)  # set by the board model
        self._rows: list[Any] = []
        self._keys: list[Hashable] = []

    # -- reading -------------------------------------------------------------------------
    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def kind_at(self, row: int) -> RowKind:
        return row_kind(self._rows[row])

    def row_of(self, ticket_id: Hashable) -> int:
        """The row of a ticket's card, or -1."""
        try:
            return self._keys.index(ticket_id)
        except ValueError:
            return -1

    def cards(self) -> list[Any]:
        return [r for r in self._rows if row_kind(r) == RowKind.CARD]

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or self.kind_at(index.row()) != RowKind.CARD:
            return Qt.ItemFlag.NoItemFlags  # the cursor skips lane headers and fillers
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        kind = row_kind(row)
        if role == self.KindRole:
            return int(kind)
        if kind == RowKind.LANE:
            return row.title if role == Qt.ItemDataRole.DisplayRole else None
        if kind != RowKind.CARD:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.number
        if role == self.CardRole:
            return row
        if role == self.TicketIdRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                part
                for part in (
                    row.number,
                    row.project_name,
                    row.location,
                    row.category,
                    row.owner_name,
                )
                if part
            )
        return None

    # -- changing ------------------------------------------------------------------------
    def reset_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = [_row_key(r) for r in self._rows]
        self.endResetModel()

    def apply_rows(self, rows: Sequence[Any]) -> None:
        """Turn the current rows into `rows` with removes, moves, inserts and data changes."""
        new_keys = [_row_key(r) for r in rows]
        wanted = set(new_keys)
        # 1. Remove rows that go, bottom up, one contiguous run at a time.
        row = len(self._keys) - 1
        while row >= 0:
            if self._keys[row] in wanted:
                row -= 1
                continue
            last = row
            while row - 1 >= 0 and self._keys[row - 1] not in wanted:
                row -= 1
            self.beginRemoveRows(_ROOT, row, last)
            del self._rows[row : last + 1]
            del self._keys[row : last + 1]
            self.endRemoveRows()
            row -= 1
        # 2. Walk the wanted order: move rows that are further down, insert the new ones.
        present = set(self._keys)
        for position, (key, new_row) in enumerate(zip(new_keys, rows, strict=True)):
            if position < len(self._keys) and self._keys[position] == key:
                if self._rows[position] != new_row:
                    self._rows[position] = new_row
                    index = self.index(position)
                    self.dataChanged.emit(index, index)
                continue
            if key in present:
                source = self._keys.index(key, position)
                self.beginMoveRows(_ROOT, source, source, _ROOT, position)
                self._rows.insert(position, self._rows.pop(source))
                self._keys.insert(position, self._keys.pop(source))
                self.endMoveRows()
                if self._rows[position] != new_row:
                    self._rows[position] = new_row
                    index = self.index(position)
                    self.dataChanged.emit(index, index)
            else:
                self.beginInsertRows(_ROOT, position, position)
                self._rows.insert(position, new_row)
                self._keys.insert(position, key)
                self.endInsertRows()
                present.add(key)

    def repaint_all(self) -> None:
        """Countdowns moved on: repaint every row (no rows change)."""
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))


class KanbanBoardModel(QObject):
    """Every card on the board and the column models they are laid out in."""

    countsChanged = Signal()  # column and lane counts changed (headers repaint)

    def __init__(
        self,
        states: Sequence[str],
        order: Callable[[Any], Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.states = tuple(states)
        self.columns = {s: KanbanColumnModel(s, self) for s in self.states}
        self._order: Callable[[Any], Any] = order or (lambda card: card.number)
        self._cards: dict[Hashable, Any] = {}
        # Per column: the cards sorted and their sort keys (for bisect).
        self._sorted: dict[str, list[Any]] = {s: [] for s in self.states}
        self._sort_keys: dict[str, list[Any]] = {s: [] for s in self.states}
        self.totals: dict[str, int] = {}
        self.lane_mode = LaneMode.NONE
        self.now = dt.datetime(2000, 1, 1)

    def set_order(self, order: Callable[[Any], Any]) -> None:
        self._order = order

    # -- reading -------------------------------------------------------------------------
    def card(self, ticket_id: Hashable) -> Any | None:
        return self._cards.get(ticket_id)

    def card_count(self) -> int:
        return len(self._cards)

    def column_of(self, ticket_id: Hashable) -> str | None:
        card = self._cards.get(ticket_id)
        return None if card is None else card.state

    def shown(self, state: str) -> int:
        return len(self._sorted.get(state, ()))

    def total(self, state: str) -> int:
        """Every matching ticket in the state (closed columns show only the recent ones)."""
        return max(self.totals.get(state, 0), self.shown(state))

    def overdue(self, state: str) -> int:
        now = self.now
        return sum(1 for c in self._sorted.get(state, ()) if c.is_overdue(now))

    # -- changing ------------------------------------------------------------------------
    def set_now(self, now: dt.datetime) -> None:
        self.now = now
        for model in self.columns.values():
            model.now = now

    def set_cards(self, cards: Iterable[Any], totals: dict[str, int], now: dt.datetime) -> None:
        """Replace the whole board (a new filter, a reload)."""
        self.set_now(now)
        self.totals = dict(totals)
        self._cards = {}
        buckets: dict[str, list[Any]] = {s: [] for s in self.states}
        for card in cards:
            if card.state in buckets:
                self._cards[card.id] = card
                buckets[card.state].append(card)
        for state, items in buckets.items():
            keyed = sorted(((self._order(c), c) for c in items), key=lambda pair: pair[0])
            self._sort_keys[state] = [k for k, _ in keyed]
            self._sorted[state] = [c for _, c in keyed]
        for state, rows in self._layout().items():
            self.columns[state].reset_rows(rows)
        self.countsChanged.emit()

    def set_lane_mode(self, mode: str) -> None:
        if mode not in LaneMode.ALL:
            mode = LaneMode.NONE
        if mode == self.lane_mode:
            return
        self.lane_mode = mode
        for state, rows in self._layout().items():
            self.columns[state].reset_rows(rows)
        self.countsChanged.emit()

    def update_cards(self, changed: Iterable[Any], gone: Iterable[Hashable] = ()) -> None:
        """Apply fresh cards (new, moved or edited) and drop cards that left the board."""
        touched: set[str] = set()
        for ticket_id in gone:
            old = self._cards.pop(ticket_id, None)
            if old is not None:
                self._unsort(old)
                touched.add(old.state)
        for card in changed:
            if card.state not in self.columns:
                continue
            old = self._cards.get(card.id)
            if old is not None:
                self._unsort(old)
                touched.add(old.state)
            self._cards[card.id] = card
            self._insort(card)
            touched.add(card.state)
        if not touched:
            return
        layout = self._layout(None if self.lane_mode != LaneMode.NONE else touched)
        for state, rows in layout.items():
            self.columns[state].apply_rows(rows)
        self.countsChanged.emit()

    def _unsort(self, card: Any) -> None:
        cards, keys = self._sorted[card.state], self._sort_keys[card.state]
        key = self._order(card)
        at = bisect.bisect_left(keys, key)
        while at < len(cards) and cards[at].id != card.id:
            at += 1  # equal keys: find this very card
        if at < len(cards):
            del cards[at], keys[at]
            self.totals[card.state] = max(0, self.totals.get(card.state, 0) - 1)

    def _insort(self, card: Any) -> None:
        cards, keys = self._sorted[card.state], self._sort_keys[card.state]
        key = self._order(card)
        at = bisect.bisect_right(keys, key)
        keys.insert(at, key)
        cards.insert(at, card)
        self.totals[card.state] = self.totals.get(card.state, 0) + 1

    # -- layout --------------------------------------------------------------------------
    def lane_of(self, card: Any) -> tuple[Hashable, Any, str]:
        """(key, sort key, title) of the card's swimlane."""
        if self.lane_mode == LaneMode.PROJECT:
            return card.project_id, (card.project_code, card.project_name), card.project_name
        if card.owner_id is None:
            title = QCoreApplication.translate("KanbanBoardModel", "Unassigned")
            return None, (1, ""), title
        return card.owner_id, (0, card.owner_name, str(card.owner_id)), card.owner_name

    def _layout(self, states: Iterable[str] | None = None) -> dict[str, list[Any]]:
        if self.lane_mode == LaneMode.NONE:
            return {s: list(self._sorted[s]) for s in (states or self.states)}
        lanes: dict[Hashable, tuple[Any, str]] = {}
        grouped: dict[str, dict[Hashable, list[Any]]] = {}
        for state in self.states:
            per_lane: dict[Hashable, list[Any]] = {}
            for card in self._sorted[state]:
                key, sort_key, title = self.lane_of(card)
                lanes.setdefault(key, (sort_key, title))
                per_lane.setdefault(key, []).append(card)
            grouped[state] = per_lane
        order = sorted(lanes, key=lambda k: lanes[k][0])
        slots = {k: max(len(grouped[s].get(k, ())) for s in self.states) for k in order}
        now = self.now
        layout: dict[str, list[Any]] = {}
        for state in self.states:
            rows: list[Any] = []
            for key in order:
                cards = grouped[state].get(key, [])
                overdue = sum(1 for c in cards if c.is_overdue(now))
                rows.append(LaneHeader(key, lanes[key][1], len(cards), overdue))
                rows.extend(cards)
                rows.extend(Filler(key, n) for n in range(len(cards), slots[key]))
            layout[state] = rows
        return layout

    def column_title(self, state: str) -> str:
        return state_label(state)
