"""Paints the Kanban board's cards and swimlane headers (no widget per card).

A card: the urgency stripe and number, project and location, defect category and owner, and
a badge counting down to the next deadline (red once passed) with the photo and rework
counts. The same painter draws the board on screen, the drag image and the exported page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.views.kanban_model import RowKind
from app.views.labels import urgency_label

URGENCY_COLOURS = {1: QColor("#c62828"), 2: QColor("#ef6c00"), 3: QColor("#78909c")}
OVERDUE = QColor("#c62828")
DUE_SOON = QColor("#f9a825")  # under a day left (under 2 hours for the response)
CALM = QColor("#e3ebf3")
PAUSED = QColor("#cfd8dc")
CARD_BACKGROUND = QColor("#ffffff")
CARD_BORDER = QColor("#d5dde6")
SELECTED_BORDER = QColor("#2f6fbd")
TEXT = QColor("#1c2733")
MUTED = QColor("#5d6b7a")
LANE_BACKGROUND = QColor("#dde6f0")
LANE_TEXT = QColor("#1f3a5f")
REWORK = QColor("#b45309")


class KanbanCardDelegate(QStyledItemDelegate):
    """Draws one row of a column: a card, a swimlane header, or nothing (a filler)."""

    MARGIN_X, MARGIN_Y, PADDING = 4, 3, 6

    def __init__(self, parent: QWidget | None = None, font: QFont | None = None) -> None:
        super().__init__(parent)
        base = QFont(font) if font is not None else (parent.font() if parent else QFont())
        self.body_font = QFont(base)
        self.body_font.setPointSizeF(max(8.0, base.pointSizeF() * 0.95))
        self.bold_font = QFont(self.body_font)
        self.bold_font.setBold(True)
        self.small_font = QFont(base)
        self.small_font.setPointSizeF(max(7.5, base.pointSizeF() * 0.85))
        # The number in the regular weight: the CJK font's bold is synthesised and wider.
        self.number_font = QFont(base)
        self.number_font.setPointSizeF(max(8.0, base.pointSizeF() * 0.98))
        self._number = QFontMetrics(self.number_font)
        self._body = QFontMetrics(self.body_font)
        self._small = QFontMetrics(self.small_font)
        self.line = self._body.height() + 2
        self.card_height = (
            2 * self.MARGIN_Y + 2 * self.PADDING + 3 * self.line + self._small.height() + 8
        )
        self.lane_height = self._body.height() + self._small.height() + 12

    # -- sizes ---------------------------------------------------------------------------
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = max(option.rect.width(), 160)
        if index.isValid() and index.model().kind_at(index.row()) == RowKind.LANE:
            return QSize(width, self.lane_height)
        return QSize(width, self.card_height)

    def height_of(self, kind: RowKind) -> int:
        return self.lane_height if kind == RowKind.LANE else self.card_height

    # -- painting ------------------------------------------------------------------------
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        row = model.row_at(index.row())
        kind = model.kind_at(index.row())
        if kind == RowKind.CARD:
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
            self.paint_card(painter, option.rect, row, model.now, selected=selected, hover=hover)
        elif kind == RowKind.LANE:
            self.paint_lane(painter, option.rect, row)

    def paint_row(
        self, painter: QPainter, rect: QRect, row: Any, kind: RowKind, now: dt.datetime
    ) -> None:
        if kind == RowKind.CARD:
            self.paint_card(painter, rect, row, now)
        elif kind == RowKind.LANE:
            self.paint_lane(painter, rect, row)

    def paint_card(
        self,
        painter: QPainter,
        rect: QRect,
        card: Any,
        now: dt.datetime,
        *,
        selected: bool = False,
        hover: bool = False,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        box = QRectF(rect.adjusted(self.MARGIN_X, self.MARGIN_Y, -self.MARGIN_X, -self.MARGIN_Y))
        border = SELECTED_BORDER if selected else (QColor("#9fb3c8") if hover else CARD_BORDER)
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(QColor("#f3f8fe") if selected else CARD_BACKGROUND)
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        # The urgency stripe on the left edge.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(URGENCY_COLOURS.get(card.urgency, URGENCY_COLOURS[3]))
        painter.drawRoundedRect(QRectF(box.left() + 1, box.top() + 1, 5, box.height() - 2), 2, 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

        left = int(box.left()) + 6 + self.PADDING
        right = int(box.right()) - self.PADDING
        width = right - left
        y = int(box.top()) + self.PADDING
        # Line 1: the number in full (people read it aloud); 紧急/加急 on the right when room
        # is left — the stripe already carries the urgency.
        painter.setFont(self.number_font)
        painter.setPen(TEXT)
        number_width = self._number.horizontalAdvance(card.number)
        self._text(painter, QRect(left, y, width, self.line), card.number, self._number)
        urgency = urgency_label(card.urgency) if card.urgency != 3 else ""
        urgency_width = self._small.horizontalAdvance(urgency)
        if urgency and number_width + 6 + urgency_width <= width:
            painter.setFont(self.small_font)
            painter.setPen(URGENCY_COLOURS.get(card.urgency, MUTED))
            painter.drawText(
                QRect(right - urgency_width, y, urgency_width, self.line),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                urgency,
            )
        y += self.line
        # Line 2: the place first (what the technician looks for), then the project.
        painter.setFont(self.body_font)
        painter.setPen(TEXT)
        place = " · ".join(p for p in (card.location, card.project_name) if p)
        self._text(painter, QRect(left, y, width, self.line), place)
        y += self.line
        # Line 3: defect category and owner.
        painter.setPen(MUTED)
        owner = card.owner_name or self.tr("Unassigned")
        category = card.category or self.tr("Not diagnosed")
        self._text(painter, QRect(left, y, width, self.line), f"{category} · {owner}")
        y += self.line + 3
        # Line 4: the deadline badge; photos and rework on the right.
        painter.setFont(self.small_font)
        counts = []
        if card.rework_count:
            counts.append((self.tr("Rework %1").replace("%1", str(card.rework_count)), REWORK))
        counts.append((self.tr("Photos %1").replace("%1", str(card.photo_count)), MUTED))
        x = right
        for text, colour in reversed(counts):
            w = self._small.horizontalAdvance(text)
            painter.setPen(colour)
            painter.drawText(
                QRect(x - w, y, w, self._small.height() + 4),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
            x -= w + 8
        badge, fill, ink = self.deadline_badge(card, now)
        if badge:
            room = max(0, x - left - 2)
            text = self._small.elidedText(badge, Qt.TextElideMode.ElideRight, room - 10)
            w = min(room, self._small.horizontalAdvance(text) + 10)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            badge_rect = QRectF(left - 1, y, w, self._small.height() + 4)
            painter.drawRoundedRect(badge_rect, 3, 3)
            painter.setPen(ink)
            painter.drawText(badge_rect, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()

    def paint_lane(self, painter: QPainter, rect: QRect, lane: Any) -> None:
        painter.save()
        box = rect.adjusted(2, 4, -2, -2)
        painter.fillRect(box, LANE_BACKGROUND)
        painter.fillRect(QRect(box.left(), box.top(), 4, box.height()), LANE_TEXT)
        painter.setPen(LANE_TEXT)
        painter.setFont(self.bold_font)
        inner = box.adjusted(10, 2, -6, 0)
        self._text(
            painter,
            QRect(inner.left(), inner.top(), inner.width(), self._body.height()),
            lane.title,
            QFontMetrics(self.bold_font),
        )
        painter.setFont(self.small_font)
        text = self.tr("%n card(s)", "", lane.count)
        if lane.overdue:
            text += " · " + self.tr("%n overdue", "", lane.overdue)
        painter.setPen(OVERDUE if lane.overdue else MUTED)
        painter.drawText(
            QRect(
                inner.left(), inner.top() + self._body.height(), inner.width(), self._small.height()
            ),
            int(Qt.AlignmentFlag.AlignLeft),
            text,
        )
        painter.restore()

    def _text(
        self, painter: QPainter, rect: QRect, text: str, metrics: QFontMetrics | None = None
    ) -> None:
        shown = (metrics or self._body).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown
        )

    # -- the countdown -------------------------------------------------------------------
    def deadline_badge(self, card: Any, now: dt.datetime) -> tuple[str, QColor, QColor]:
        """(text, fill, ink) of the deadline badge; empty text when nothing is due."""
        left = card.remaining(now)
        if left is None:
            return "", CALM, TEXT
        what = self.deadline_name(card.deadline_kind)
        if card.is_overdue(now):
            text = self.tr("%1 overdue %2").replace("%1", what).replace("%2", self.duration(-left))
            return text, OVERDUE, QColor("white")
        text = self.tr("%1 in %2").replace("%1", what).replace("%2", self.duration(left))
        if card.paused_since is not None:
            return self.tr("Paused · %1").replace("%1", text), PAUSED, TEXT
        soon = dt.timedelta(hours=2 if card.deadline_kind == "response" else 24)
        return text, (DUE_SOON if left <= soon else CALM), TEXT

    def deadline_name(self, kind: str | None) -> str:
        return {
            "response": self.tr("Response"),
            "arrival": self.tr("On site"),
            "completion": self.tr("Completion"),
            "follow_up": self.tr("Follow-up"),
        }.get(kind or "", self.tr("Due"))

    def duration(self, span: dt.timedelta) -> str:
        minutes = max(0, int(span.total_seconds() // 60))
        days, rest = divmod(minutes, 24 * 60)
        hours, minutes = divmod(rest, 60)
        if days >= 3:  # hours no longer matter, and the badge stays short
            return self.tr("%1d").replace("%1", str(days))
        if days:
            return self.tr("%1d %2h").replace("%1", str(days)).replace("%2", str(hours))
        if hours:
            return self.tr("%1h %2m").replace("%1", str(hours)).replace("%2", str(minutes))
        return self.tr("%1 min").replace("%1", str(minutes))
