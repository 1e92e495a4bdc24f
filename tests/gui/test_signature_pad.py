"""The signature pad driven with mouse, pen and touch: ink, PNG output, clear, undo, a dot."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.views.signature_pad import SignaturePad


@pytest.fixture
def pad(chinese_app, qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(600, 240)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def _drag(pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[0]))
    for x, y in points[1:]:
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[-1]))


def _wave(left: int = 80, width: int = 360, base: int = 150) -> list[tuple[int, int]]:
    return [(left + i * width // 60, base - round(35 * math.sin(i / 5))) for i in range(61)]


def _ink_pixels(image: QImage) -> int:
    """Pixels with visible dark ink (alpha, and darker than mid grey)."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            if colour.alpha() > 128 and colour.lightness() < 110:
                count += 1
    return count


def test_an_empty_pad_shows_the_hint_and_has_no_ink(pad) -> None:
    assert pad.is_empty()
    assert not pad.has_enough_ink()
    assert pad.strokes() == []
    assert not pad.clear_button.isEnabled()
    with pytest.raises(ValueError):
        pad.to_png()


def test_a_mouse_stroke_becomes_a_cropped_png_with_ink(pad, qtbot) -> None:
    with qtbot.waitSignal(pad.changed):
        _drag(pad, _wave())
    assert not pad.is_empty()
    assert pad.has_enough_ink()
    strokes = pad.strokes()
    assert len(strokes) == 1 and len(strokes[0]) > 20
    assert strokes[0][0].x == pytest.approx(80) and strokes[0][0].pressure == pytest.approx(0.5)

    image = QImage.fromData(pad.to_png(width=600))
    assert not image.isNull()
    assert image.width() == 600
    # Cropped to the ink: a 360×70 px signature keeps its shape, not the pad's 600×240.
    assert 90 < image.height() < 180
    assert image.pixelColor(0, 0).alpha() == 0  # transparent by default
    assert _ink_pixels(image) > 500

    white = QImage.fromData(pad.to_png(width=300, background=QColor("white")))
    assert white.width() == 300
    assert white.pixelColor(0, 0) == QColor("white")
    assert _ink_pixels(white) > 100


def test_clear_button_empties_the_pad(pad, qtbot) -> None:
    _drag(pad, _wave())
    assert pad.clear_button.isEnabled()
    with qtbot.waitSignal(pad.changed):
        qtbot.mouseClick(pad.clear_button, Qt.MouseButton.LeftButton)
    assert pad.is_empty()
    assert not pad.has_enough_ink()
    assert not pad.clear_button.isEnabled()


def test_undo_removes_the_last_stroke_only(pad, qtbot) -> None:
    _drag(pad, _wave())
    _drag(pad, [(300, 180), (360, 178), (420, 182), (480, 180)])
    assert len(pad.strokes()) == 2
    qtbot.mouseClick(pad.undo_button, Qt.MouseButton.LeftButton)
    assert len(pad.strokes()) == 1
    pad.setFocus()
    QTest.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pad.is_empty()


def test_a_dot_or_a_short_slip_is_not_a_signature(pad) -> None:
    QTest.mouseClick(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(200, 120))
    assert not pad.is_empty()  # there is ink...
    assert not pad.has_enough_ink()  # ...but not a signature
    assert not QImage.fromData(pad.to_png()).isNull()  # a dot still renders
    _drag(pad, [(100, 100), (110, 102), (118, 101)])
    assert not pad.has_enough_ink()


def _pen() -> QPointingDevice:
    return QPointingDevice(
        "test pen", 7001, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 2,
    )


def _pen_stroke(pad: SignaturePad, pen: QPointingDevice, pressure: float, y: int) -> None:
    points = [QPointF(60 + i * 8, y + 6 * math.sin(i / 3)) for i in range(50)]
    kinds = [QTabletEvent.Type.TabletPress] + [QTabletEvent.Type.TabletMove] * 48 + [QTabletEvent.Type.TabletRelease]
    for kind, point in zip(kinds, points, strict=True):
        buttons = Qt.MouseButton.NoButton if kind == QTabletEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
        event = QTabletEvent(kind, pen, point, pad.mapToGlobal(point), pressure, 0.0, 0.0, 0.0, 0.0, 0.0,
                             Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, buttons)
        QApplication.sendEvent(pad, event)


def test_pen_pressure_sets_the_line_width(pad) -> None:
    pen = _pen()
    _pen_stroke(pad, pen, 0.15, 80)
    assert len(pad.strokes()) == 1
    assert all(p.pressure == pytest.approx(0.15) for p in pad.strokes()[0])
    light = _ink_pixels(QImage.fromData(pad.to_png(width=600)))
    pad.clear()
    _pen_stroke(pad, pen, 1.0, 80)
    heavy = _ink_pixels(QImage.fromData(pad.to_png(width=600)))
    assert heavy > light * 1.8


def test_a_finger_signs_by_touch(pad, qtbot) -> None:
    screen = QTest.createTouchDevice()
    touch = QTest.touchEvent(pad, screen)
    touch.press(0, QPoint(100, 150)).commit()
    for i in range(1, 40):
        QTest.touchEvent(pad, screen).move(0, QPoint(100 + i * 8, 150 - round(30 * math.sin(i / 4)))).commit()
    with qtbot.waitSignal(pad.changed):
        QTest.touchEvent(pad, screen).release(0, QPoint(420, 150)).commit()
    assert len(pad.strokes()) == 1  # touch only: no second stroke from synthesised mouse events
    assert pad.has_enough_ink()


def test_the_pad_paints_hint_guide_and_ink(pad) -> None:
    empty = pad.grab().toImage()
    _drag(pad, _wave())
    signed = pad.grab().toImage()
    # The ink shows on screen where it was drawn (the wave crosses its baseline at x=80).
    assert empty.pixelColor(80, 150).lightness() > 200
    assert signed.pixelColor(80, 150).lightness() < 120
