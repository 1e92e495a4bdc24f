"""A ticket's photos, videos and documents as thumbnail tiles grouped by stage (维修前/中/后)."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.models.vocabulary import PhotoStage
from app.views.gallery_items import GalleryItem
from app.views.image_viewer import ImageViewer

THUMB = QSize(160, 120)  # the picture box of a tile, logical pixels
TILE = QSize(176, 174)
GRID = QSize(TILE.width() + 8, TILE.height() + 8)

STAGE_TITLES = {
    PhotoStage.BEFORE: QT_TRANSLATE_NOOP("PhotoStage", "Before repair"),
    PhotoStage.DURING: QT_TRANSLATE_NOOP("PhotoStage", "During repair"),
    PhotoStage.AFTER: QT_TRANSLATE_NOOP("PhotoStage", "After repair"),
    PhotoStage.DOCUMENT: QT_TRANSLATE_NOOP("PhotoStage", "Documents"),
}
# The photo stages always show (an empty 维修后 group is worth seeing at acceptance).
ALWAYS_SHOWN = (PhotoStage.BEFORE, PhotoStage.DURING, PhotoStage.AFTER)


def stage_title(stage: str) -> str:
    source = STAGE_TITLES.get(stage)  # type: ignore[call-overload]
    return QCoreApplication.translate("PhotoStage", source) if source else stage


# ---------------------------------------------------------------------------------------------
# Tiles: the model and delegate shared with the photo drop zone
# ---------------------------------------------------------------------------------------------

PENDING, READY, FAILED, BROKEN = "pending", "ready", "failed", "broken"
IMAGE, VIDEO, DOCUMENT = "image", "video", "document"


@dataclass
class Tile:
    """One tile: what it shows and, in `payload`, what it stands for (GalleryItem, Path...)."""

    key: Hashable
    title: str
    subtitle: str
    tooltip: str
    kind: str  # IMAGE, VIDEO or DOCUMENT
    state: str  # PENDING, READY, FAILED or BROKEN
    payload: Any = None
    pixmap: QPixmap | None = field(default=None, repr=False)
    extension: str = ""


def tile_kind(mime_type: str) -> str:
    if mime_type.startswith("video/"):
        return VIDEO
    if mime_type.startswith("image/"):
        return IMAGE
    return DOCUMENT


_ROOT = QModelIndex()


class TileModel(QAbstractListModel):
    """A flat list of tiles with an index by key, so a thumbnail finds its row at once."""

    TileRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tiles: list[Tile] = []
        self._rows: dict[Hashable, int] = {}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._tiles)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tiles):
            return None
        tile = self._tiles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return tile.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return tile.tooltip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{tile.title} {tile.subtitle}"
        if role == self.TileRole:
            return tile
        return None

    def set_tiles(self, tiles: Iterable[Tile]) -> None:
        self.beginResetModel()
        self._tiles = list(tiles)
        self._reindex()
        self.endResetModel()

    def append(self, tiles: list[Tile]) -> None:
        if not tiles:
            return
        first = len(self._tiles)
        self.beginInsertRows(QModelIndex(), first, first + len(tiles) - 1)
        self._tiles.extend(tiles)
        self._reindex()
        self.endInsertRows()

    def remove_rows(self, rows: Iterable[int]) -> list[Tile]:
        removed = []
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._tiles):
                self.beginRemoveRows(QModelIndex(), row, row)
                removed.append(self._tiles.pop(row))
                self.endRemoveRows()
        self._reindex()
        return removed[::-1]

    def tiles(self) -> list[Tile]:
        return list(self._tiles)

    def tile(self, row: int) -> Tile:
        return self._tiles[row]

    def row_of(self, key: Hashable) -> int:
        return self._rows.get(key, -1)

    def set_picture(self, key: Hashable, image: QImage, device_ratio: float) -> bool:
        """Give tile `key` its thumbnail (a null image: FAILED); False if no such tile."""
        row = self._rows.get(key, -1)
        if row < 0:
            return False
        tile = self._tiles[row]
        if tile.state == BROKEN:
            return True
        if image.isNull():
            tile.state, tile.pixmap = FAILED, None
        else:
            pixmap = QPixmap.fromImage(image)  # on the GUI thread: QPixmap is not thread-safe
            pixmap.setDevicePixelRatio(device_ratio)
            tile.state, tile.pixmap = READY, pixmap
        index = self.index(row)
        self.dataChanged.emit(index, index, [self.TileRole])
        return True

    def _reindex(self) -> None:
        self._rows = {tile.key: row for row, tile in enumerate(self._tiles)}


class TileDelegate(QStyledItemDelegate):
    """Paints a tile: a picture box (thumbnail, video, document, pending, damaged) and two lines."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(TILE)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        tile: Tile | None = index.data(TileModel.TileRole)
        if tile is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected:
            painter.setPen(QPen(QColor("#4a7fc1"), 1.5))
            painter.setBrush(QColor("#dde9f8"))
        elif hovered:
            painter.setPen(QPen(QColor("#c9d6e6"), 1))
            painter.setBrush(QColor("#f2f6fb"))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(cell, 8, 8)

        box = QRectF(cell.left() + (cell.width() - THUMB.width()) / 2, cell.top() + 6,
                     THUMB.width(), THUMB.height())
        self._paint_picture(painter, box, tile)

        font = QFont(option.font)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        text_rect = QRectF(cell.left() + 6, box.bottom() + 5, cell.width() - 12, metrics.height())
        painter.setPen(QColor("#1d2733"))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(tile.title, Qt.TextElideMode.ElideMiddle, int(text_rect.width())))
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.88)
        painter.setFont(small)
        small_metrics = painter.fontMetrics()
        sub_rect = QRectF(text_rect.left(), text_rect.bottom() + 1, text_rect.width(), small_metrics.height())
        painter.setPen(QColor("#c62828") if tile.state == BROKEN else QColor("#7a8899"))
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                         small_metrics.elidedText(tile.subtitle, Qt.TextElideMode.ElideRight, int(sub_rect.width())))
        painter.restore()

    def _paint_picture(self, painter: QPainter, box: QRectF, tile: Tile) -> None:
        frame = QPainterPath()
        frame.addRoundedRect(box, 6, 6)
        if tile.state == BROKEN:
            painter.setPen(QPen(QColor("#e0524a"), 1.2, Qt.PenStyle.DashLine))
            painter.setBrush(QColor("#fdecea"))
            painter.drawPath(frame)
            _warning_sign(painter, QPointF(box.center().x(), box.center().y() - 10), 18)
            painter.setPen(QColor("#c62828"))
            bold = QFont(painter.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(QRectF(box.left(), box.center().y() + 12, box.width(), 22),
                             Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("AttachmentGallery", "File damaged or missing"))
            return
        if tile.kind == VIDEO:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#2b3440"))
            painter.drawPath(frame)
            if tile.pixmap is not None:
                _draw_fitted(painter, box, tile.pixmap, frame)
            _play_sign(painter, box.center(), 22)
            _corner_badge(painter, box, QCoreApplication.translate("AttachmentGallery", "Video"))
            return
        if tile.kind == DOCUMENT and tile.pixmap is None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#eef1f5"))
            painter.drawPath(frame)
            _document_sign(painter, box.center(), tile.extension)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#eef1f5"))
        painter.drawPath(frame)
        if tile.state == READY and tile.pixmap is not None:
            _draw_fitted(painter, box, tile.pixmap, frame)
            return
        picture_sign(painter, box.center(), QColor("#c3ccd8"))
        if tile.state == FAILED:
            painter.setPen(QColor("#7a8899"))
            painter.drawText(QRectF(box.left(), box.bottom() - 26, box.width(), 20),
                             Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("AttachmentGallery", "No preview"))


def _draw_fitted(painter: QPainter, box: QRectF, pixmap: QPixmap, clip: QPainterPath) -> None:
    size = pixmap.deviceIndependentSize()
    scale = min(box.width() / size.width(), box.height() / size.height(), 1.0)
    width, height = size.width() * scale, size.height() * scale
    target = QRectF(box.center().x() - width / 2, box.center().y() - height / 2, width, height)
    painter.save()
    painter.setClipPath(clip)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
    painter.restore()


def picture_sign(painter: QPainter, center: QPointF, color: QColor) -> None:
    """A small landscape picture glyph: frame, sun and hill."""
    painter.save()
    painter.setPen(QPen(color, 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    frame = QRectF(center.x() - 20, center.y() - 15, 40, 30)
    painter.drawRoundedRect(frame, 4, 4)
    painter.setBrush(color)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QPointF(frame.left() + 11, frame.top() + 9), 3.5, 3.5)
    hill = QPolygonF([QPointF(frame.left() + 4, frame.bottom() - 4),
                      QPointF(frame.left() + 16, frame.top() + 14),
                      QPointF(frame.left() + 24, frame.bottom() - 10),
                      QPointF(frame.left() + 29, frame.top() + 17),
                      QPointF(frame.right() - 4, frame.bottom() - 4)])
    painter.drawPolygon(hill)
    painter.restore()


def _play_sign(painter: QPainter, center: QPointF, radius: float) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 225))
    painter.drawEllipse(center, radius, radius)
    painter.setBrush(QColor("#2b3440"))
    r = radius * 0.45
    painter.drawPolygon(QPolygonF([QPointF(center.x() - r * 0.7, center.y() - r),
                                   QPointF(center.x() - r * 0.7, center.y() + r),
                                   QPointF(center.x() + r, center.y())]))
    painter.restore()


def _warning_sign(painter: QPainter, center: QPointF, size: float) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#e0524a"))
    painter.drawPolygon(QPolygonF([QPointF(center.x(), center.y() - size),
                                   QPointF(center.x() + size * 1.1, center.y() + size * 0.8),
                                   QPointF(center.x() - size * 1.1, center.y() + size * 0.8)]))
    painter.setPen(QPen(QColor("white"), 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(center.x(), center.y() - size * 0.45), QPointF(center.x(), center.y() + size * 0.2))
    painter.drawPoint(QPointF(center.x(), center.y() + size * 0.52))
    painter.restore()


def _document_sign(painter: QPainter, center: QPointF, extension: str) -> None:
    painter.save()
    page = QPainterPath()
    left, top, width, height, fold = center.x() - 22, center.y() - 30, 44, 58, 12
    page.moveTo(left, top)
    page.lineTo(left + width - fold, top)
    page.lineTo(left + width, top + fold)
    page.lineTo(left + width, top + height)
    page.lineTo(left, top + height)
    page.closeSubpath()
    painter.setPen(QPen(QColor("#9aa8ba"), 1.5))
    painter.setBrush(QColor("white"))
    painter.drawPath(page)
    painter.drawLine(QPointF(left + width - fold, top), QPointF(left + width - fold, top + fold))
    painter.drawLine(QPointF(left + width - fold, top + fold), QPointF(left + width, top + fold))
    if extension:
        font = QFont(painter.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        painter.setFont(font)
        painter.setPen(QColor("#2f5687"))
        painter.drawText(QRectF(left, top + 20, width, 24), Qt.AlignmentFlag.AlignCenter, extension[:4].upper())
    painter.restore()


def _corner_badge(painter: QPainter, box: QRectF, text: str) -> None:
    painter.save()
    font = QFont(painter.font())
    font.setPointSizeF(font.pointSizeF() * 0.8)
    painter.setFont(font)
    width = painter.fontMetrics().horizontalAdvance(text) + 12
    badge = QRectF(box.left() + 6, box.bottom() - 24, width, 18)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 150))
    painter.drawRoundedRect(badge, 4, 4)
    painter.setPen(QColor("white"))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


class TileListView(QListView):
    """Tiles in rows that wrap; `fit_height` makes the view as tall as its rows (no scrolling)."""

    def __init__(self, model: TileModel, fit_height: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(TileDelegate(self))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setGridSize(GRID)
        self.setMouseTracking(True)  # hover highlight
        self.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._fit = fit_height
        if fit_height:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setFrameShape(QFrame.Shape.NoFrame)
            model.modelReset.connect(self._fit_rows)
            model.rowsInserted.connect(self._fit_rows)
            model.rowsRemoved.connect(self._fit_rows)

    def per_row(self) -> int:
        return max(1, self.viewport().width() // GRID.width())

    def _fit_rows(self) -> None:
        rows = math.ceil(self.model().rowCount() / self.per_row())
        self.setFixedHeight(max(rows, 1) * GRID.height() + 2 * self.frameWidth() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit and event.size().width() != event.oldSize().width():
            self._fit_rows()


# ---------------------------------------------------------------------------------------------
# The gallery
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FullImageKey:
    """The key of a full-size picture the viewer asked for (thumbnails use the item id)."""

    id: Hashable


class _StageGroup(QWidget):
    def __init__(self, stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName(f"galleryGroup_{stage}")
        self.header = QLabel()
        self.header.setObjectName("galleryGroupHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setStyleSheet("QLabel { padding: 6px 2px 2px 2px; border-bottom: 1px solid #e1e6ec; }")
        self.model = TileModel(self)
        self.view = TileListView(self.model, fit_height=True)
        self.view.setObjectName(f"galleryView_{stage}")
        self.view.setAccessibleName(stage_title(stage))
        self.view.setStyleSheet("QListView { background: transparent; }")
        self.empty = QLabel(QCoreApplication.translate("AttachmentGallery", "None yet"))
        self.empty.setObjectName("galleryGroupEmpty")
        self.empty.setStyleSheet("QLabel { color: #9aa6b5; padding: 6px 4px 10px 4px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)

    def set_tiles(self, tiles: list[Tile]) -> None:
        self.model.set_tiles(tiles)
        count = len(tiles)
        self.header.setText(
            f"<span style='font-size:11pt; font-weight:600; color:#1f3a5f'>{stage_title(self.stage)}</span>"
            f"&nbsp;&nbsp;<span style='color:#ffffff; background-color:#7a8da6;'>&nbsp;{count}&nbsp;</span>"
        )
        self.view.setVisible(count > 0)
        self.empty.setVisible(count == 0)

    def count(self) -> int:
        return self.model.rowCount()


class AttachmentGallery(QWidget):
    """Shows a ticket's attachments by stage; double-click opens the viewer or the video player.

    Feed it with `set_items(...)` (GalleryItem, or anything with the same attributes); it asks
    for thumbnails with `thumbnailWanted(id, path, size)` after `thumbnailsReset()` and shows
    each when `set_thumbnail(id, image)` brings it. Items marked `broken` get a 文件损坏/缺失
    marker and are never decoded. Videos are not played here: `openExternally(path)`.
    """

    thumbnailWanted = Signal(object, str, QSize)
    imageWanted = Signal(object, str)
    thumbnailsReset = Signal()
    openExternally = Signal(object)  # pathlib.Path
    viewerOpened = Signal(object)  # the ImageViewer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentGallery")
        self._items: list[GalleryItem] = []
        self._group_of: dict[Hashable, _StageGroup] = {}
        self.viewer: ImageViewer | None = None

        self.summary = QLabel()
        self.summary.setObjectName("gallerySummary")
        self.summary.setStyleSheet("QLabel { color: #5b6878; padding: 4px 6px; }")
        self.groups: dict[str, _StageGroup] = {}
        content = QWidget()
        content.setObjectName("galleryContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(4, 0, 4, 4)
        column.setSpacing(6)
        for stage in PhotoStage:
            group = _StageGroup(stage.value)
            group.view.activated.connect(lambda index, g=group: self._activate(g, index.row()))
            self._add_actions(group)
            self.groups[stage.value] = group
            column.addWidget(group)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("galleryScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.summary)
        layout.addWidget(self.scroll, 1)
        self.set_items([])

    # -- public --------------------------------------------------------------------------------

    def set_items(self, items: Iterable[GalleryItem | Any]) -> None:
        """Show these attachments (replacing any before); thumbnails are asked for afterwards."""
        self._items = [i if isinstance(i, GalleryItem) else GalleryItem.from_record(i) for i in items]
        self._group_of.clear()
        by_stage: dict[str, list[Tile]] = {stage.value: [] for stage in PhotoStage}
        for item in self._items:
            stage = item.stage if item.stage in by_stage else PhotoStage.DOCUMENT.value
            by_stage[stage].append(self._tile(item))
        self.thumbnailsReset.emit()  # the previous ticket's pictures are no longer wanted
        for stage, group in self.groups.items():
            group.set_tiles(by_stage[stage])
            group.setVisible(bool(by_stage[stage]) or stage in ALWAYS_SHOWN)
            for tile in by_stage[stage]:
                self._group_of[tile.key] = group
        total = len(self._items)
        self.summary.setText(self.tr("%n attachment(s)", "", total) if total else self.tr("No attachments yet"))
        size = self.thumbnail_request_size()
        for item in self._items:
            if item.is_image and not item.broken and item.path is not None:
                self.thumbnailWanted.emit(item.id, str(item.path), size)

    def items(self) -> list[GalleryItem]:
        return list(self._items)

    def count(self, stage: str) -> int:
        group = self.groups.get(stage)
        return group.count() if group is not None else 0

    def thumbnail_request_size(self) -> QSize:
        """The thumbnail box in device pixels (sharp on a 4K screen at 200 %)."""
        ratio = self.devicePixelRatioF()
        return QSize(math.ceil(THUMB.width() * ratio), math.ceil(THUMB.height() * ratio))

    def set_thumbnail(self, key: Hashable, image: QImage) -> None:
        """A thumbnail (or, for FullImageKey, the viewer's picture) arrived; null: unreadable."""
        if isinstance(key, FullImageKey):
            if self.viewer is not None:
                self.viewer.set_image(key.id, image)
            return
        group = self._group_of.get(key)
        if group is not None:
            group.model.set_picture(key, image, self.devicePixelRatioF())

    def tile(self, key: Hashable) -> Tile | None:
        group = self._group_of.get(key)
        if group is None:
            return None
        return group.model.tile(group.model.row_of(key))

    def open_item(self, key: Hashable) -> None:
        """What a double-click does: a picture opens in the viewer, a video in the system player."""
        item = next((i for i in self._items if i.id == key), None)
        if item is None:
            return
        if item.is_image:
            self._open_viewer(item)
        elif item.path is not None and not item.broken:
            self.openExternally.emit(Path(item.path))

    # -- internals -----------------------------------------------------------------------------

    def _tile(self, item: GalleryItem) -> Tile:
        kind = tile_kind(item.mime_type)
        name = item.original_name or self.tr("(no name)")
        lines = [item.caption, name if item.caption else "", item.created_at_local_text]
        if item.broken:
            lines.append(self.tr("File damaged or missing: the stored file is gone or no longer "
                                 "matches its fingerprint."))
        elif kind == VIDEO:
            lines.append(self.tr("Double-click to play in the system player"))
        elif kind == IMAGE:
            lines.append(self.tr("Double-click to view full size"))
        return Tile(
            key=item.id,
            title=item.caption or name,
            subtitle=self.tr("File damaged or missing") if item.broken else item.created_at_local_text,
            tooltip="\n".join(line for line in lines if line),
            kind=kind,
            state=BROKEN if item.broken else (PENDING if kind == IMAGE else READY),
            payload=item,
            extension=Path(name).suffix.lstrip("."),
        )

    def _add_actions(self, group: _StageGroup) -> None:
        view_action = QAction(self.tr("View full size"), group.view)
        view_action.triggered.connect(lambda: self._act_on_current(group, external=False))
        external = QAction(self.tr("Open with system program"), group.view)
        external.triggered.connect(lambda: self._act_on_current(group, external=True))
        group.view.addAction(view_action)
        group.view.addAction(external)

    def _act_on_current(self, group: _StageGroup, external: bool) -> None:
        index = group.view.currentIndex()
        if not index.isValid():
            return
        item: GalleryItem = group.model.tile(index.row()).payload
        if external:
            if item.path is not None and not item.broken:
                self.openExternally.emit(Path(item.path))
        else:
            self.open_item(item.id)

    def _activate(self, group: _StageGroup, row: int) -> None:
        if 0 <= row < group.model.rowCount():
            self.open_item(group.model.tile(row).key)

    def _open_viewer(self, item: GalleryItem) -> None:
        pictures = [i for i in self._items if i.is_image]  # in stage order, as shown
        pictures.sort(key=lambda i: list(self.groups).index(self._group_of[i.id].stage))
        previews = {}
        for picture in pictures:
            tile = self.tile(picture.id)
            if tile is not None and tile.pixmap is not None:
                previews[picture.id] = tile.pixmap
        if self.viewer is not None:
            self.viewer.close()
        self.viewer = ImageViewer(pictures, pictures.index(item), previews, self)
        self.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer.imageWanted.connect(lambda key, path: self.imageWanted.emit(FullImageKey(key), path))
        self.viewer.openExternally.connect(self.openExternally)
        viewer = self.viewer
        viewer.finished.connect(lambda _result: self._viewer_closed(viewer))
        self.viewerOpened.emit(viewer)
        viewer.open()

    def _viewer_closed(self, viewer: ImageViewer) -> None:
        if self.viewer is viewer:
            self.viewer = None
