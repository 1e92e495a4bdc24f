"""A signature pad: the owner signs on screen with mouse, pen or finger; the ink becomes a PNG."""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShortcut,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QVBoxLayout, QWidget

INK = QColor("#0d1f45")  # blue-black, like a ballpoint on the paper form
PEN_WIDTH = 2.6  # logical pixels at medium pressure
MOUSE_PRESSURE = 0.5
MIN_STEP = 0.75  # points closer than this (logical px) add nothing but noise
# What counts as a signature rather than a tap or a slip: enough ink, spread over some room.
MIN_INK_LENGTH = 60.0
MIN_INK_EXTENT = 24.0


class StrokePoint(NamedTuple):
    x: float
    y: float
    pressure: float  # 0..1; the mouse draws at 0.5


def _width(pressure: float, scale: float = 1.0) -> float:
    # Light pressure still leaves a visible line; a firm press is about twice medium.
    return PEN_WIDTH * scale * (0.35 + 1.3 * max(0.0, min(1.0, pressure)))


def _paint_stroke(painter: QPainter, points: list[StrokePoint], scale: float = 1.0,
                  offset: QPointF | None = None) -> None:
    """Draw one stroke smoothed with quadratic curves through the midpoints of its points.

    Each curve piece gets the width of its pressure; round caps hide the joins. With constant
    pressure (mouse, touch) the whole stroke is one path, which antialiases more evenly.
    """
    if not points:
        return
    dx, dy = (offset.x(), offset.y()) if offset is not None else (0.0, 0.0)

    def at(p: StrokePoint) -> QPointF:
        return QPointF((p.x + dx) * scale, (p.y + dy) * scale)

    pen = QPen(INK)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if len(points) == 1:
        # A dot: a filled circle the size of the pen.
        radius = _width(points[0].pressure, scale) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(INK)
        painter.drawEllipse(at(points[0]), radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        return
    uniform = len({round(p.pressure, 2) for p in points}) == 1
    if uniform:
        pen.setWidthF(_width(points[0].pressure, scale))
        painter.setPen(pen)
        painter.drawPath(_smooth_path([at(p) for p in points]))
        return
    start = at(points[0])
    for i in range(1, len(points)):
        here = at(points[i])
        end = here if i == len(points) - 1 else (here + at(points[i + 1])) / 2
        piece = QPainterPath(start)
        if i == len(points) - 1:
            piece.lineTo(end)
        else:
            piece.quadTo(here, end)
        pen.setWidthF(_width((points[i - 1].pressure + points[i].pressure) / 2, scale))
        painter.setPen(pen)
        painter.drawPath(piece)
        start = end


def _smooth_path(points: list[QPointF]) -> QPainterPath:
    path = QPainterPath(points[0])
    for i in range(1, len(points) - 1):
        path.quadTo(points[i], (points[i] + points[i + 1]) / 2)
    path.lineTo(points[-1])
    return path


class SignaturePad(QWidget):
    """Captures a handwritten signature; `to_png()` gives the ink cropped and scaled.

    Mouse, pen (QTabletEvent: pressure sets the line width) and touch all draw. Points are kept
    in logical pixels, so the pad repaints crisply on any screen (the finished ink is cached
    at the screen's device pixel ratio) and the PNG is drawn from the strokes, not upscaled.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 140)
        self.setAccessibleName(self.tr("Signature pad"))

        self._strokes: list[list[StrokePoint]] = []
        self._current: list[StrokePoint] | None = None
        self._ink_cache: QImage | None = None  # finished strokes, at the device pixel ratio

        self.undo_button = QToolButton(self)
        self.undo_button.setObjectName("signatureUndo")
        self.undo_button.setText(self.tr("Undo stroke"))
        self.undo_button.setToolTip(self.tr("Remove the last stroke (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo_last_stroke)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("signatureClear")
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Erase the signature and sign again"))
        self.clear_button.clicked.connect(self.clear)
        for button in (self.undo_button, self.clear_button):
            button.setCursor(Qt.CursorShape.ArrowCursor)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAutoRaise(True)
            button.setStyleSheet(
                "QToolButton { color: #2f5687; padding: 3px 10px; border: 1px solid #c9d3e0;"
                " border-radius: 4px; background: #f7f9fc; }"
                "QToolButton:hover { background: #e8eff8; }"
                "QToolButton:disabled { color: #a8b2bf; border-color: #e1e6ec; }"
            )
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(6)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(buttons)
        layout.addStretch(1)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_last_stroke,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_buttons()

    # -- public API ----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(560, 220)

    def is_empty(self) -> bool:
        """No ink at all."""
        return not self._strokes

    def has_enough_ink(self) -> bool:
        """Whether the ink can be a signature: a dot, a tap or a short slip is not."""
        if not self._strokes:
            return False
        length = 0.0
        for stroke in self._strokes:
            for a, b in zip(stroke, stroke[1:], strict=False):
                length += math.hypot(b.x - a.x, b.y - a.y)
        box = self._ink_rect()
        return length >= MIN_INK_LENGTH and max(box.width(), box.height()) >= MIN_INK_EXTENT

    def strokes(self) -> list[list[StrokePoint]]:
        """Every finished stroke: lists of (x, y, pressure) in logical pixels of the pad."""
        return [list(stroke) for stroke in self._strokes]

    def clear(self) -> None:
        if not self._strokes and self._current is None:
            return
        self._strokes.clear()
        self._current = None
        self._ink_cache = None
        self._ink_changed()

    def undo_last_stroke(self) -> None:
        if not self._strokes:
            return
        self._strokes.pop()
        self._ink_cache = None
        self._ink_changed()

    def to_png(self, width: int = 600, background: QColor | None = None,
               margin: float = 0.06) -> bytes:
        """The signature as PNG bytes, `width` pixels wide, cropped to the ink.

        The strokes are drawn again at the output scale, so the PNG is sharp at any width.
        `background` None leaves it transparent (for printing over a form); a margin of
        `margin` × the ink's width (at least the pen width) keeps the ink off the edges.
        """
        if not self._strokes:
            raise ValueError("the signature pad is empty")
        ink = self._ink_rect()
        pad = max(PEN_WIDTH * 2, margin * max(ink.width(), ink.height()))
        box = ink.adjusted(-pad, -pad, pad, pad)
        scale = width / box.width()
        height = max(1, round(box.height() * scale))
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(background if background is not None else Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The line keeps its look relative to the letters: scale the pen with the picture.
        for stroke in self._strokes:
            _paint_stroke(painter, stroke, scale, QPointF(-box.left(), -box.top()))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    # -- input ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._synthesized(event):
            super().mousePressEvent(event)
            return
        self._begin(event.position(), MOUSE_PRESSURE)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._current is None or self._synthesized(event):
            super().mouseMoveEvent(event)
            return
        self._extend(event.position(), MOUSE_PRESSURE)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._current is None or self._synthesized(event):
            super().mouseReleaseEvent(event)
            return
        self._extend(event.position(), MOUSE_PRESSURE)
        self._end()
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepting the tablet event stops Qt from sending the same movement again as mouse.
        kind = event.type()
        pressure = event.pressure()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), pressure)
        elif kind == QEvent.Type.TabletMove and self._current is not None:
            self._extend(event.position(), pressure)
        elif kind == QEvent.Type.TabletRelease and self._current is not None:
            self._extend(event.position(), pressure)
            self._end()
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                    QEvent.Type.TouchCancel):
            self._touch(event)  # type: ignore[arg-type]
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        # One finger signs; a second finger resting on the glass is ignored.
        points = event.points()
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            self._current = None
            self.update()
            return
        if not points:
            return
        point = points[0]
        position = point.position()
        if kind == QEvent.Type.TouchBegin:
            self._begin(position, MOUSE_PRESSURE)
        elif self._current is not None:
            self._extend(position, MOUSE_PRESSURE)
            if kind == QEvent.Type.TouchEnd:
                self._end()
        event.accept()

    @staticmethod
    def _synthesized(event: QMouseEvent) -> bool:
        # Mouse events Qt makes from touch or pen input that we already took.
        return event.source() != Qt.MouseEventSource.MouseEventNotSynthesized

    def _begin(self, position: QPointF, pressure: float) -> None:
        self._current = [StrokePoint(position.x(), position.y(), pressure)]
        self.update()

    def _extend(self, position: QPointF, pressure: float) -> None:
        assert self._current is not None
        last = self._current[-1]
        x = min(max(position.x(), 0.0), float(self.width()))
        y = min(max(position.y(), 0.0), float(self.height()))
        if math.hypot(x - last.x, y - last.y) < MIN_STEP:
            return
        self._current.append(StrokePoint(x, y, pressure))
        self.update()

    def _end(self) -> None:
        stroke, self._current = self._current, None
        if not stroke:
            return
        self._strokes.append(stroke)
        if self._ink_cache is not None:
            painter = QPainter(self._ink_cache)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            _paint_stroke(painter, stroke)
            painter.end()
        self._ink_changed()

    def _ink_changed(self) -> None:
        self._update_buttons()
        self.update()
        self.changed.emit()

    def _update_buttons(self) -> None:
        self.undo_button.setEnabled(bool(self._strokes))
        self.clear_button.setEnabled(bool(self._strokes))

    def _ink_rect(self) -> QRectF:
        xs = [p.x for stroke in self._strokes for p in stroke]
        ys = [p.y for stroke in self._strokes for p in stroke]
        return QRectF(min(xs), min(ys), max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0))

    # -- painting ------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._ink_cache = None
        super().resizeEvent(event)

    def _ensure_cache(self) -> QImage:
        ratio = self.devicePixelRatioF()
        cache = self._ink_cache
        if cache is None or cache.devicePixelRatio() != ratio:
            cache = QImage(round(self.width() * ratio), round(self.height() * ratio),
                           QImage.Format.Format_ARGB32_Premultiplied)
            cache.setDevicePixelRatio(ratio)
            cache.fill(Qt.GlobalColor.transparent)
            painter = QPainter(cache)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            for stroke in self._strokes:
                _paint_stroke(painter, stroke)
            painter.end()
            self._ink_cache = cache
        return cache

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(QColor("#4a7fc1") if self.hasFocus() else QColor("#c9d3e0"), 1))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(frame, 8, 8)

        # The line to sign on, with the 签名 mark at its start, as on the paper form.
        baseline = self.height() * 0.72
        left, right = 28.0, self.width() - 28.0
        painter.setPen(QPen(QColor("#b8c4d4"), 1.2))
        painter.drawLine(QPointF(left + 22, baseline), QPointF(right, baseline))
        mark = painter.font()
        mark.setPointSizeF(mark.pointSizeF() * 1.6)
        painter.setFont(mark)
        painter.setPen(QColor("#9aa8ba"))
        painter.drawText(QRectF(left - 4, baseline - 30, 26, 30),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, "×")
        if not self._strokes and self._current is None:
            hint = painter.font()
            hint.setPointSizeF(self.font().pointSizeF() * 1.5)
            painter.setFont(hint)
            painter.setPen(QColor("#a9b4c2"))
            painter.drawText(QRectF(0, 0, self.width(), baseline - 8),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             self.tr("Please sign here"))

        painter.drawImage(QPointF(0, 0), self._ensure_cache())
        if self._current:
            _paint_stroke(painter, self._current)
        painter.end()
