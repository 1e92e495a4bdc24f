"""A drop zone for photos and videos: drag files in or pick them, see thumbnails, remove some."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QKeySequence,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from app.views.attachment_gallery import (
    IMAGE,
    PENDING,
    READY,
    THUMB,
    VIDEO,
    Tile,
    TileListView,
    TileModel,
    picture_sign,
)

MAX_FILE_BYTES = 50 * 1024 * 1024
# Extension → media type stored with the attachment. HEIC (iPhone photos) is kept even though
# Qt has no decoder for it: the file is what matters; its tile says 无法预览.
IMAGE_TYPES = {
    "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "bmp": "image/bmp",
    "heic": "image/heic", "heif": "image/heif",
}
VIDEO_TYPES = {"mp4": "video/mp4", "mov": "video/quicktime"}
MEDIA_TYPES = IMAGE_TYPES | VIDEO_TYPES
MESSAGE_SECONDS = 12


def media_type(path: Path) -> str | None:
    """The media type of a file we accept, by its extension; None for any other file."""
    return MEDIA_TYPES.get(path.suffix.lower().lstrip("."))


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, math.ceil(size / 1024))} KB"


class PhotoDropZone(QWidget):
    """Collects photo and video files for a form; the controller reads `files()` on save.

    Thumbnails come from outside (views do not decode files on the GUI thread): the zone
    emits `thumbnailWanted(key, path, size)` for each photo and shows what `set_thumbnail(key,
    image)` brings (a null image: 无法预览). Refused files are named in `rejected(message)`
    and in a notice inside the zone.
    """

    filesChanged = Signal()
    rejected = Signal(str)
    thumbnailWanted = Signal(object, str, QSize)

    _last_folder = ""  # where the file dialog opens next, for this run of the app

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoDropZone")
        self.setAcceptDrops(True)
        self._keys = itertools.count(1)

        self.model = TileModel(self)
        self.view = TileListView(self.model, fit_height=False)
        self.view.setObjectName("photoDropList")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setStyleSheet("QListView { background: transparent; }")
        self.view.setMinimumHeight(THUMB.height() + 70)
        self.view.setAccessibleName(self.tr("Added photos and videos"))

        self.remove_action = QAction(self.tr("Remove"), self.view)
        self.remove_action.setShortcuts([QKeySequence(Qt.Key.Key_Delete),
                                         QKeySequence(Qt.Key.Key_Backspace)])
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove_action.triggered.connect(self.remove_selected)
        self.view.addAction(self.remove_action)

        self.hint = QLabel()
        self.hint.setObjectName("photoDropHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        title = self.tr("Drop photos or videos here")
        below = self.tr("or use “Add photos…” below")
        self.hint.setText(
            "<div style='color:#5b6878'>"
            f"<span style='font-size:13pt; color:#2f5687'>{title}</span><br/>{below}</div>"
        )
        glyph = QLabel()
        glyph.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        glyph.setPixmap(self._glyph())
        hint_page = QWidget()
        hint_page.setMinimumHeight(THUMB.height() + 30)
        hint_column = QVBoxLayout(hint_page)
        hint_column.addStretch(1)
        hint_column.addWidget(glyph)
        hint_column.addWidget(self.hint)
        hint_column.addStretch(1)

        self.drop_area = QFrame()
        self.drop_area.setObjectName("photoDropArea")
        self._pages = QStackedLayout(self.drop_area)
        self._pages.setContentsMargins(6, 6, 6, 6)
        self._pages.addWidget(hint_page)
        self._pages.addWidget(self.view)
        self._hint_page = hint_page

        self.add_button = QPushButton(self.tr("Add photos…"))
        self.add_button.setObjectName("addPhotosButton")
        self.add_button.setToolTip(self.tr("Choose photo or video files from the computer"))
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removePhotosButton")
        self.remove_button.setToolTip(self.tr("Remove the selected files (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.count_label = QLabel()
        self.count_label.setObjectName("photoCount")
        self.count_label.setStyleSheet("QLabel { color: #5b6878; }")
        self.limits_label = QLabel(self.tr("JPG, PNG, HEIC, BMP photos or MP4, MOV videos, "
                                           "up to 50 MB each"))
        self.limits_label.setObjectName("photoLimits")
        self.limits_label.setStyleSheet("QLabel { color: #8a96a6; }")
        self.notice = QLabel()
        self.notice.setObjectName("photoNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "QLabel { color: #8a1c1c; background: #fdecea; border: 1px solid #f3b9b4;"
            " border-radius: 4px; padding: 4px 8px; }"
        )
        self.notice.hide()
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.notice.hide)

        for button in (self.add_button, self.remove_button):
            button.setStyleSheet("QPushButton { padding: 4px 14px; }")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(1, 0, 1, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addSpacing(8)
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        buttons.addWidget(self.limits_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.drop_area, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)

        self.view.selectionModel().selectionChanged.connect(self._update_controls)
        self._set_drag_active(False)
        self._update_controls()

    # -- public --------------------------------------------------------------------------------

    def files(self) -> list[Path]:
        """The files added, in the order shown."""
        return [tile.payload for tile in self.model.tiles()]

    def files_with_media_types(self) -> list[tuple[Path, str]]:
        """(file, media type) pairs, the type as stored with an attachment (image/jpeg...)."""
        return [(path, media_type(path) or "application/octet-stream") for path in self.files()]

    def add_files(self, paths: list[str | Path]) -> list[Path]:
        """Add the acceptable files; refused ones are named in `rejected`. Returns those added."""
        present = {tile.payload for tile in self.model.tiles()}
        tiles: list[Tile] = []
        refused: list[str] = []
        for raw in paths:
            path = Path(raw).absolute()
            reason = self._refusal(path, present)
            if reason:
                refused.append(self.tr("%1: %2").replace("%1", path.name).replace("%2", reason))
                continue
            present.add(path)
            tiles.append(self._tile(path))
        self.model.append(tiles)
        if tiles:
            self._pages.setCurrentWidget(self.view)
            size = self._thumbnail_size()
            for tile in tiles:
                if tile.kind == IMAGE:
                    self.thumbnailWanted.emit(tile.key, str(tile.payload), size)
            self._update_controls()
            self.filesChanged.emit()
        if refused:
            message = self.tr("%n file(s) not added:", "", len(refused)) + "\n" + "\n".join(refused)
            self.notice.setText(message)
            self.notice.show()
            self._notice_timer.start(MESSAGE_SECONDS * 1000)
            self.rejected.emit(message)
        elif tiles:
            self.notice.hide()
        return [tile.payload for tile in tiles]

    def remove_selected(self) -> None:
        rows = [index.row() for index in self.view.selectionModel().selectedIndexes()]
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        if self.model.remove_rows(rows):
            self._after_removal()

    def clear(self) -> None:
        if self.model.rowCount():
            self.model.set_tiles([])
            self._after_removal()

    def set_thumbnail(self, key: object, image: QImage) -> None:
        self.model.set_picture(key, image, self.devicePixelRatioF())

    def choose_files(self) -> None:
        """The 添加照片… button: a file dialog for photos and videos."""
        patterns = " ".join(f"*.{ext}" for ext in MEDIA_TYPES)
        images = " ".join(f"*.{ext}" for ext in IMAGE_TYPES)
        videos = " ".join(f"*.{ext}" for ext in VIDEO_TYPES)
        filters = ";;".join([
            self.tr("Photos and videos (%1)").replace("%1", patterns),
            self.tr("Photos (%1)").replace("%1", images),
            self.tr("Videos (%1)").replace("%1", videos),
        ])
        folder = PhotoDropZone._last_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.PicturesLocation)
        names, _chosen = QFileDialog.getOpenFileNames(self, self.tr("Add photos or videos"), folder, filters)
        if names:
            PhotoDropZone._last_folder = str(Path(names[0]).parent)
            self.add_files(names)

    # -- drag and drop -------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
            self._set_drag_active(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drag_active(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drag_active(False)
        urls: list[QUrl] = event.mimeData().urls()
        local = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        if not local:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)  # the original stays where it was
        event.accept()
        self.add_files(local)

    # -- internals -----------------------------------------------------------------------------

    def _refusal(self, path: Path, present: set[Path]) -> str:
        if path in present:
            return self.tr("already added")
        if not path.is_file():
            return self.tr("not a file, or it no longer exists")
        if media_type(path) is None:
            return self.tr("this type of file cannot be added (only JPG, PNG, HEIC, BMP photos "
                           "and MP4, MOV videos)")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return self.tr("%1 is larger than the 50 MB limit").replace("%1", size_text(size))
        if size == 0:
            return self.tr("the file is empty")
        return ""

    def _tile(self, path: Path) -> Tile:
        is_video = media_type(path) in VIDEO_TYPES.values()
        size = size_text(path.stat().st_size)
        return Tile(
            key=next(self._keys),
            title=path.name,
            subtitle=size,
            tooltip=f"{path}\n{size}",
            kind=VIDEO if is_video else IMAGE,
            state=READY if is_video else PENDING,
            payload=path,
            extension=path.suffix.lstrip("."),
        )

    def _glyph(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(72 * ratio), round(56 * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(1.5, 1.5)
        picture_sign(painter, QPointF(24, 18), QColor("#8fa6c4"))
        painter.end()
        return pixmap

    def _thumbnail_size(self) -> QSize:
        ratio = self.devicePixelRatioF()
        return QSize(math.ceil(THUMB.width() * ratio), math.ceil(THUMB.height() * ratio))

    def _after_removal(self) -> None:
        if not self.model.rowCount():
            self._pages.setCurrentWidget(self._hint_page)
        self._update_controls()
        self.filesChanged.emit()

    def _update_controls(self) -> None:
        count = self.model.rowCount()
        total = sum(path.stat().st_size for path in self.files() if path.exists())
        self.count_label.setText(
            self.tr("%n file(s), %1", "", count).replace("%1", size_text(total)) if count else ""
        )
        self.remove_button.setEnabled(self.view.selectionModel().hasSelection())

    def _set_drag_active(self, active: bool) -> None:
        border, background = ("#4a7fc1", "#eaf2fc") if active else ("#c3cedb", "#fafbfd")
        self.drop_area.setStyleSheet(
            f"QFrame#photoDropArea {{ border: 2px dashed {border}; border-radius: 8px;"
            f" background: {background}; }}"
        )
