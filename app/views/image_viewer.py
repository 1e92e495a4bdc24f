"""The full-size photo viewer of a ticket: fit, 100 %, wheel zoom, previous/next, Esc closes."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.views.gallery_items import GalleryItem

MIN_ZOOM = 0.02
MAX_ZOOM = 8.0
WHEEL_STEP = 1.2  # per notch of the wheel


class _Canvas(QGraphicsView):
    """The picture, panned by dragging and zoomed around the mouse with the wheel."""

    zoomChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageCanvas")
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(QColor("#1c1f24"))
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fitting = True
        self.stand_in = False  # a thumbnail shown until the full picture comes

    def set_pixmap(self, pixmap: QPixmap | None, stand_in: bool = False) -> None:
        self.stand_in = stand_in
        self.item.setPixmap(pixmap if pixmap is not None else QPixmap())
        self.scene().setSceneRect(QRectF(self.item.boundingRect()))
        if self.fitting:
            self.fit()
        else:
            self.zoomChanged.emit(self.zoom())

    def has_picture(self) -> bool:
        return not self.item.pixmap().isNull()

    def zoom(self) -> float:
        """Picture pixels per screen (device) pixel, as photo viewers count 100 %."""
        return self.transform().m11() * self.devicePixelRatioF()

    def set_zoom(self, zoom: float) -> None:
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self.fitting = False
        # scale() (not setTransform) keeps the point under the mouse in place.
        factor = zoom / self.zoom()
        self.scale(factor, factor)
        self.zoomChanged.emit(self.zoom())

    def fit(self) -> None:
        self.fitting = True
        if self.has_picture():
            self.resetTransform()
            box = self.item.boundingRect()
            view = self.viewport().rect().adjusted(8, 8, -8, -8)
            scale = min(view.width() / box.width(), view.height() / box.height())
            if not self.stand_in:
                # Small pictures are not blown up past 100 %: they would only turn blurry.
                scale = min(scale, 1.0 / self.devicePixelRatioF())
            self.setTransform(self.transform().fromScale(scale, scale))
            self.centerOn(self.item)
        self.zoomChanged.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if not steps or not self.has_picture() or self.stand_in:
            return
        self.set_zoom(self.zoom() * WHEEL_STEP**steps)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit()


class ImageViewer(QDialog):
    """Shows the ticket's pictures one at a time; the full image is loaded off the GUI thread.

    The viewer asks for pictures with `imageWanted(id, path)` and is answered with
    `set_image(id, QImage)` (a null image: could not be read). Until the full picture comes,
    the thumbnail is shown. `openExternally(path)` asks for the system's own program.
    """

    imageWanted = Signal(object, str)
    openExternally = Signal(object)  # pathlib.Path
    currentChanged = Signal(int)

    def __init__(self, items: Sequence[GalleryItem], current: int = 0,
                 previews: dict[Hashable, QPixmap] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self.setWindowTitle(self.tr("Photo viewer"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)
        self._items = list(items)
        self._previews = dict(previews or {})
        self._full: dict[Hashable, QPixmap] = {}  # the shown picture and its neighbours only
        self._failed: set[Hashable] = set()
        self._index = -1
        self.setStyleSheet(
            "QDialog#imageViewer { background: #1c1f24; }"
            "QWidget#viewerBar { background: #262a31; }"
            "QLabel { color: #e6e9ee; }"
            "QLabel#viewerTitle { font-weight: 600; }"
            "QLabel#viewerCaption { color: #aab3c0; }"
            "QLabel#viewerMessage { font-size: 13pt; font-weight: bold; }"
            "QToolButton { color: #e6e9ee; background: transparent; border: 1px solid transparent;"
            " border-radius: 4px; padding: 4px 10px; }"
            "QToolButton:hover { background: #363c45; border-color: #4a525e; }"
            "QToolButton:checked { background: #2f5687; }"
            "QToolButton:disabled { color: #6b7480; }"
        )

        self.canvas = _Canvas()
        self.message = QLabel(self.canvas)
        self.message.setObjectName("viewerMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.hide()

        self.previous_button = self._button(self.tr("‹ Previous"), self.tr("Previous picture (Left)"))
        self.next_button = self._button(self.tr("Next ›"), self.tr("Next picture (Right)"))
        self.fit_button = self._button(self.tr("Fit"), self.tr("Fit the picture to the window (F)"))
        self.actual_button = self._button("100%", self.tr("Actual size, one picture pixel per screen pixel (1)"))
        self.zoom_out_button = self._button("−", self.tr("Zoom out (-)"))
        self.zoom_in_button = self._button("+", self.tr("Zoom in (+)"))
        self.external_button = self._button(self.tr("Open with system viewer"),
                                            self.tr("Open the file in the computer's own program"))
        self.fit_button.setCheckable(True)
        self.position_label = QLabel()
        self.position_label.setObjectName("viewerPosition")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("viewerZoom")
        self.zoom_label.setMinimumWidth(48)
        self.title_label = QLabel()
        self.title_label.setObjectName("viewerTitle")
        self.caption_label = QLabel()
        self.caption_label.setObjectName("viewerCaption")
        self.caption_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        bar = QWidget()
        bar.setObjectName("viewerBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(10, 6, 10, 6)
        row.setSpacing(4)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(self.zoom_out_button)
        row.addWidget(self.zoom_label)
        row.addWidget(self.zoom_in_button)
        row.addWidget(self.fit_button)
        row.addWidget(self.actual_button)
        row.addStretch(1)
        row.addWidget(self.external_button)
        # What the picture is, under it, as a caption strip.
        strip = QWidget()
        strip.setObjectName("viewerBar")
        texts = QHBoxLayout(strip)
        texts.setContentsMargins(14, 6, 14, 8)
        texts.setSpacing(12)
        texts.addWidget(self.title_label)
        texts.addWidget(self.caption_label, 1)
        texts.addWidget(self.position_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(strip)

        self.previous_button.clicked.connect(self.show_previous)
        self.next_button.clicked.connect(self.show_next)
        self.fit_button.clicked.connect(self.canvas.fit)
        self.actual_button.clicked.connect(lambda: self.canvas.set_zoom(1.0))
        self.zoom_in_button.clicked.connect(lambda: self.canvas.set_zoom(self.canvas.zoom() * WHEEL_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.canvas.set_zoom(self.canvas.zoom() / WHEEL_STEP))
        self.external_button.clicked.connect(self._open_external)
        self.canvas.zoomChanged.connect(self._zoom_shown)
        for keys, slot in (
            ((Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace), self.show_previous),
            ((Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space), self.show_next),
            ((Qt.Key.Key_Home,), lambda: self.show_index(0)),
            ((Qt.Key.Key_End,), lambda: self.show_index(len(self._items) - 1)),
            ((Qt.Key.Key_F,), self.canvas.fit),
            ((Qt.Key.Key_1,), lambda: self.canvas.set_zoom(1.0)),
            ((Qt.Key.Key_Plus, Qt.Key.Key_Equal), self.zoom_in_button.click),
            ((Qt.Key.Key_Minus,), self.zoom_out_button.click),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)

        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(int(screen.width() * 0.8), int(screen.height() * 0.85))
        # The first picture is asked for when the dialog shows, once the asker is connected.
        self._start = max(0, min(current, len(self._items) - 1))

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows and Space page, not press
        return button

    # -- public --------------------------------------------------------------------------------

    def current_index(self) -> int:
        return self._index

    def current_item(self) -> GalleryItem | None:
        return self._items[self._index] if 0 <= self._index < len(self._items) else None

    def show_previous(self) -> None:
        self.show_index(self._index - 1)

    def show_next(self) -> None:
        self.show_index(self._index + 1)

    def show_index(self, index: int) -> None:
        if not 0 <= index < len(self._items) or index == self._index:
            return
        self._index = index
        item = self._items[index]
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self._items) - 1)
        self.position_label.setText(f"{index + 1} / {len(self._items)}")
        self.title_label.setText(item.caption or item.original_name)
        details = [item.original_name] if item.caption else []
        details.append(item.created_at_local_text)
        self.caption_label.setText("  ·  ".join(d for d in details if d))
        self.setWindowTitle(self.tr("Photo viewer — %1").replace("%1", item.original_name))
        self.external_button.setEnabled(item.path is not None and not item.broken)
        # Keep only this picture and its neighbours decoded: 48 MB each at 12 megapixels.
        keep = {self._items[i].id for i in (index - 1, index, index + 1) if 0 <= i < len(self._items)}
        self._full = {k: v for k, v in self._full.items() if k in keep}
        self.canvas.fitting = True
        self._show_current()
        if not item.broken and item.path is not None and item.id not in self._full \
                and item.id not in self._failed:
            self.imageWanted.emit(item.id, str(item.path))
        self.currentChanged.emit(index)

    def set_image(self, key: Hashable, image: QImage) -> None:
        """The full picture of item `key` arrived (null: it could not be read)."""
        if image.isNull():
            self._failed.add(key)
        else:
            pixmap = QPixmap.fromImage(image)
            self._full[key] = pixmap
        current = self.current_item()
        if current is not None and current.id == key:
            self._show_current()

    def is_showing_full_image(self) -> bool:
        current = self.current_item()
        return current is not None and current.id in self._full

    def zoom(self) -> float:
        return self.canvas.zoom()

    # -- internals -----------------------------------------------------------------------------

    def _show_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        message, alarming = "", False
        if item.broken:
            message = (self.tr("File damaged or missing") + "\n"
                       + self.tr("The stored file is gone or no longer matches its fingerprint."))
            alarming = True
            pixmap = None
        elif item.id in self._full:
            pixmap = self._full[item.id]
        elif item.id in self._failed:
            message = self.tr("This picture cannot be shown here.\nOpen it with the system viewer.")
            pixmap = None
        else:
            pixmap = self._previews.get(item.id)  # the thumbnail, until the full picture comes
            if pixmap is None:
                message = self.tr("Loading…")
        stand_in = pixmap is not None and item.id not in self._full
        if stand_in:
            pixmap = pixmap.copy()
            pixmap.setDevicePixelRatio(1.0)
        self.canvas.set_pixmap(pixmap, stand_in)
        self.message.setText(message)
        self.message.setStyleSheet("QLabel { color: %s; }" % ("#ff8a80" if alarming else "#c9d1dc"))
        self.message.setVisible(bool(message))
        self._place_message()
        for button in (self.fit_button, self.actual_button, self.zoom_in_button,
                       self.zoom_out_button):
            button.setEnabled(pixmap is not None and not stand_in)

    def _zoom_shown(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f}%" if self.canvas.has_picture() else "")
        self.fit_button.setChecked(self.canvas.fitting and self.canvas.has_picture()
                                   and not self.canvas.stand_in)

    def _open_external(self) -> None:
        item = self.current_item()
        if item is not None and item.path is not None and not item.broken:
            self.openExternally.emit(Path(item.path))

    def _place_message(self) -> None:
        self.message.setGeometry(self.canvas.rect().adjusted(20, 20, -20, -20))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_message()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc closes (QDialog); Enter must not, as the viewer has no default button.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._index < 0 and self._items:
            self.show_index(self._start)

    def sizeHint(self) -> QSize:
        return QSize(1100, 760)
