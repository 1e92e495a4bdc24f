"""Paints a small trend line (sparkline) in a table cell: one point per month, gaps for no value."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

LINE = QColor("#2f6fbd")
LAST_POINT = QColor("#1f3a5f")
BASELINE = QColor("#d5dde6")
SELECTED_LINE = QColor("#0b3d7a")

# The model answers these roles on the trend cell.
VALUES_ROLE = Qt.ItemDataRole.UserRole + 20  # list[float | None], oldest first
RANGE_ROLE = Qt.ItemDataRole.UserRole + 21  # (low, high) the y axis spans, or None: the values'


def sparkline_points(values: Sequence[float | None], area: QRectF,
                     value_range: tuple[float, float] | None = None) -> list[QPointF | None]:
    """Where each value sits in `area` (None where there is no value); x evenly spaced."""
    present = [v for v in values if v is not None]
    if not present:
        return [None] * len(values)
    low, high = value_range if value_range else (min(0.0, min(present)), max(present))
    low, high = min(low, min(present)), max(high, max(present))
    span = (high - low) or 1.0
    step = area.width() / (len(values) - 1) if len(values) > 1 else 0.0
    points: list[QPointF | None] = []
    for i, value in enumerate(values):
        if value is None:
            points.append(None)
            continue
        x = area.left() + (step * i if len(values) > 1 else area.width() / 2)
        y = area.bottom() - (value - low) / span * area.height()
        points.append(QPointF(x, y))
    return points


class SparklineDelegate(QStyledItemDelegate):
    """Draws the values of VALUES_ROLE as a polyline, broken where a month has no value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(132, max(22, option.fontMetrics.height() + 6))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        # The standard background first: selection and alternating rows look like every cell.
        style_option = QStyleOptionViewItem(option)
        self.initStyleOption(style_option, index)
        style_option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, style_option, painter, widget)

        values = index.data(VALUES_ROLE) or []
        if not values:
            return
        area = QRectF(option.rect).adjusted(8, 5, -8, -5)
        points = sparkline_points(values, area, index.data(RANGE_ROLE))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(BASELINE, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        path = QPainterPath()
        pen_down = False
        for point in points:
            if point is None:
                pen_down = False  # a month without a value breaks the line
            elif pen_down:
                path.lineTo(point)
            else:
                path.moveTo(point)
                pen_down = True
        painter.setPen(QPen(SELECTED_LINE if selected else LINE, 1.6))
        painter.drawPath(path)
        # Single points (a month between gaps) would be invisible as a path: dot them.
        painter.setBrush(SELECTED_LINE if selected else LINE)
        painter.setPen(Qt.PenStyle.NoPen)
        for i, point in enumerate(points):
            lonely = point is not None and (i == 0 or points[i - 1] is None) and (
                i == len(points) - 1 or points[i + 1] is None)
            if lonely:
                painter.drawEllipse(point, 1.8, 1.8)
        last = next((p for p in reversed(points) if p is not None), None)
        if last is not None and points[-1] is not None:
            painter.setBrush(LAST_POINT)
            painter.drawEllipse(last, 2.6, 2.6)
        painter.restore()
