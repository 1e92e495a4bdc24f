"""The photo drop zone driven as a clerk would: drag files in, pick them, refuse some, remove."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from app.controllers.thumbnail_loader import ThumbnailCache, ThumbnailLoader
from app.views.attachment_gallery import READY, THUMB
from app.views.photo_drop_zone import MAX_FILE_BYTES, PhotoDropZone


@pytest.fixture
def media(tmp_path: Path) -> Path:
    folder = tmp_path / "media"
    folder.mkdir()
    for name, size, colour in (("crack.jpg", (1200, 900), "#8a6f5a"), ("leak.png", (640, 480), "#5a7f9a"),
                               ("tall.jpg", (600, 1000), "#6a9a5a")):
        Image.new("RGB", size, colour).save(folder / name)
    (folder / "test.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(4000))
    (folder / "setup.exe").write_bytes(b"MZ" + bytes(100))
    with open(folder / "huge.jpg", "wb") as handle:  # sparse: no 51 MB written to disk
        handle.truncate(MAX_FILE_BYTES + 1024 * 1024)
    return folder


@pytest.fixture
def zone(chinese_app, qtbot):
    zone = PhotoDropZone()
    loader = ThumbnailLoader(cache=ThumbnailCache())
    loader.attach(zone)
    zone.loader = loader  # keep it alive with the widget
    qtbot.addWidget(zone)
    zone.resize(900, 340)
    zone.show()
    qtbot.waitExposed(zone)
    yield zone
    loader.shutdown()


def _drop(zone: PhotoDropZone, paths: list[Path]) -> QDropEvent:
    """What a drag from the file manager delivers: enter, then drop, with file URLs."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(120, 80), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(zone, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(120, 80), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(zone, drop)
    return drop


def _tiles_ready(zone: PhotoDropZone) -> bool:
    return all(t.state == READY and (t.kind != "image" or t.pixmap is not None) for t in zone.model.tiles())


def test_dropped_files_are_listed_and_get_thumbnails(zone, media, qtbot) -> None:
    dropped = [media / "crack.jpg", media / "leak.png", media / "test.mp4", media / "tall.jpg"]
    with qtbot.waitSignal(zone.filesChanged):
        event = _drop(zone, dropped)
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.CopyAction
    assert zone.files() == dropped
    assert dict(zone.files_with_media_types())[media / "test.mp4"] == "video/mp4"
    assert dict(zone.files_with_media_types())[media / "leak.png"] == "image/png"
    assert zone.count_label.text()
    qtbot.waitUntil(lambda: _tiles_ready(zone), timeout=5000)
    tiles = {tile.payload.name: tile for tile in zone.model.tiles()}
    assert tiles["test.mp4"].kind == "video" and tiles["test.mp4"].pixmap is None  # video glyph
    ratio = zone.devicePixelRatioF()
    for name in ("crack.jpg", "leak.png", "tall.jpg"):
        size = tiles[name].pixmap.size()
        assert size.width() <= THUMB.width() * ratio and size.height() <= THUMB.height() * ratio
    # Scaled, not cropped: the tall photo stays tall.
    assert tiles["tall.jpg"].pixmap.height() > tiles["tall.jpg"].pixmap.width()


def test_unsupported_and_oversized_files_are_refused_with_a_message(zone, media, qtbot) -> None:
    with qtbot.waitSignal(zone.rejected) as refused:
        _drop(zone, [media / "setup.exe", media / "crack.jpg", media / "huge.jpg"])
    assert zone.files() == [media / "crack.jpg"]
    message = refused.args[0]
    assert "setup.exe" in message and "huge.jpg" in message and "crack.jpg" not in message
    assert zone.notice.isVisible() and zone.notice.text() == message
    # The same file again is not added twice.
    with qtbot.waitSignal(zone.rejected):
        _drop(zone, [media / "crack.jpg"])
    assert zone.files() == [media / "crack.jpg"]


def test_refusal_message_gives_the_translated_reason(zone, media, qtbot) -> None:
    with qtbot.waitSignal(zone.rejected) as refused:
        zone.add_files([media / "setup.exe"])
    expected = zone.tr("this type of file cannot be added (only JPG, PNG, HEIC, BMP photos "
                       "and MP4, MOV videos)")
    assert expected in refused.args[0]


def test_delete_key_and_remove_button_take_files_out(zone, media, qtbot) -> None:
    _drop(zone, [media / "crack.jpg", media / "leak.png", media / "test.mp4"])
    view = zone.view
    view.setFocus()
    view.setCurrentIndex(zone.model.index(1))
    assert zone.remove_button.isEnabled()
    with qtbot.waitSignal(zone.filesChanged):
        QTest.keyClick(view, Qt.Key.Key_Delete)
    assert zone.files() == [media / "crack.jpg", media / "test.mp4"]

    rect = view.visualRect(zone.model.index(1))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    with qtbot.waitSignal(zone.filesChanged):
        qtbot.mouseClick(zone.remove_button, Qt.MouseButton.LeftButton)
    assert zone.files() == [media / "crack.jpg"]
    assert zone.remove_action in view.actions()  # the context menu offers the same


def test_add_button_opens_the_file_dialog(zone, media, qtbot, monkeypatch) -> None:
    asked = {}

    def fake_dialog(parent, title, folder, filters):
        asked["filters"] = filters
        return [str(media / "leak.png"), str(media / "test.mp4")], filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_dialog))
    with qtbot.waitSignal(zone.filesChanged):
        qtbot.mouseClick(zone.add_button, Qt.MouseButton.LeftButton)
    assert zone.files() == [media / "leak.png", media / "test.mp4"]
    for pattern in ("*.jpg", "*.jpeg", "*.png", "*.heic", "*.bmp", "*.mp4", "*.mov"):
        assert pattern in asked["filters"]
    qtbot.waitUntil(lambda: _tiles_ready(zone), timeout=5000)


def test_a_file_that_cannot_be_decoded_shows_no_preview(zone, media, qtbot) -> None:
    phone = media / "IMG_0001.heic"  # no HEIC decoder in Qt: kept, but no thumbnail
    phone.write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(2000))
    zone.add_files([phone])
    assert zone.files() == [phone]
    qtbot.waitUntil(lambda: zone.model.tile(0).state == "failed", timeout=5000)


def test_clear_empties_the_zone(zone, media, qtbot) -> None:
    zone.add_files([media / "crack.jpg"])
    with qtbot.waitSignal(zone.filesChanged):
        zone.clear()
    assert zone.files() == []


def test_one_loader_serves_several_views_without_mixing_them(chinese_app, media, tmp_path, qtbot) -> None:
    """The ticket windows share one loader between the intake zone, the gallery and the work
    log zone: equal keys in two zones, and a gallery refilled meanwhile, must not interfere."""
    from app.views.attachment_gallery import AttachmentGallery
    from app.views.gallery_items import GalleryItem

    loader = ThumbnailLoader(cache=ThumbnailCache())
    first, second, gallery = PhotoDropZone(), PhotoDropZone(), AttachmentGallery()
    for view in (first, second, gallery):
        qtbot.addWidget(view)
        loader.attach(view)
    first.add_files([media / "crack.jpg"])  # key 1 in both zones
    second.add_files([media / "tall.jpg"])
    gallery.set_items([GalleryItem("g", "before", "leak.png", "", "image/png", "", media / "leak.png")])
    gallery.set_items([])  # refilled: cancels the gallery's requests only
    qtbot.waitUntil(lambda: _tiles_ready(first) and _tiles_ready(second), timeout=5000)
    wide, tall = first.model.tile(0).pixmap, second.model.tile(0).pixmap
    assert wide.width() > wide.height() and tall.height() > tall.width()  # each got its own
    loader.shutdown()
