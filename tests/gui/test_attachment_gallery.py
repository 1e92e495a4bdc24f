"""The attachment gallery: groups and counts, thumbnails off-thread, viewer, videos, damage."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.controllers.thumbnail_loader import ThumbnailCache, ThumbnailLoader
from app.views.attachment_gallery import BROKEN, PENDING, READY, AttachmentGallery
from app.views.gallery_items import GalleryItem


@pytest.fixture
def photos(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "attachments"
    folder.mkdir()
    files = {}
    for name, size, colour in (("before1.jpg", (1600, 1200), "#8a6f5a"), ("before2.jpg", (1200, 1600), "#5a6f8a"),
                               ("during.jpg", (1600, 1200), "#6a8a5a"), ("after.jpg", (2000, 1500), "#9a9a9a")):
        Image.new("RGB", size, colour).save(folder / name, quality=90)
        files[name] = folder / name
    files["video.mp4"] = folder / "video.mp4"
    files["video.mp4"].write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(4000))
    return files


def _item(name: str, stage: str, path: Path | None, mime: str = "image/jpeg", caption: str = "",
          broken: bool = False) -> GalleryItem:
    return GalleryItem(uuid.uuid4(), stage, name, caption, mime, "2026-11-20 09:12", path, broken)


@pytest.fixture
def items(photos) -> list[GalleryItem]:
    return [
        _item("before1.jpg", "before", photos["before1.jpg"], caption="卫生间地面渗水"),
        _item("before2.jpg", "before", photos["before2.jpg"]),
        _item("video.mp4", "during", photos["video.mp4"], mime="video/mp4", caption="闭水试验"),
        _item("during.jpg", "during", photos["during.jpg"]),
        _item("gone.jpg", "during", photos["during.jpg"].with_name("gone.jpg"), broken=True),
        _item("after.jpg", "after", photos["after.jpg"], caption="修复完成"),
    ]


@pytest.fixture
def gallery(chinese_app, qtbot):
    gallery = AttachmentGallery()
    loader = ThumbnailLoader(cache=ThumbnailCache())
    loader.attach(gallery)
    gallery.loader = loader
    qtbot.addWidget(gallery)
    gallery.resize(1000, 700)
    gallery.show()
    qtbot.waitExposed(gallery)
    yield gallery
    if gallery.viewer is not None:
        gallery.viewer.close()
    loader.shutdown()


def _thumbnails_done(gallery: AttachmentGallery, items: list[GalleryItem]) -> bool:
    return all(gallery.tile(i.id).state != PENDING for i in items)


def _double_click(gallery: AttachmentGallery, item: GalleryItem) -> None:
    group = gallery.groups[item.stage]
    index = group.model.index(group.model.row_of(item.id))
    view = group.view
    point = view.visualRect(index).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def test_items_are_grouped_by_stage_with_counts(gallery, items, qtbot) -> None:
    gallery.set_items(items)
    assert gallery.count("before") == 2
    assert gallery.count("during") == 3
    assert gallery.count("after") == 1
    assert gallery.count("document") == 0
    assert not gallery.groups["document"].isVisibleTo(gallery)  # no documents: no group
    for stage, count in (("before", 2), ("during", 3), ("after", 1)):
        header = gallery.groups[stage].header.text()
        assert f"&nbsp;{count}&nbsp;" in header
    assert gallery.summary.text() == gallery.tr("%n attachment(s)", "", 6)
    tile = gallery.tile(items[0].id)
    assert tile.title == "卫生间地面渗水"
    assert "before1.jpg" in tile.tooltip and "2026-11-20 09:12" in tile.tooltip


def test_empty_gallery_keeps_the_photo_stages_with_a_note(gallery) -> None:
    gallery.set_items([])
    for stage in ("before", "during", "after"):
        assert gallery.groups[stage].isVisibleTo(gallery)
        assert gallery.groups[stage].empty.isVisibleTo(gallery)


def test_thumbnails_arrive_for_pictures_only(gallery, items, qtbot) -> None:
    wanted = []
    gallery.thumbnailWanted.connect(lambda key, path, size: wanted.append(key))
    gallery.set_items(items)
    pictures = [i for i in items if i.is_image and not i.broken]
    assert sorted(map(str, wanted)) == sorted(str(i.id) for i in pictures)  # not video, not broken
    qtbot.waitUntil(lambda: _thumbnails_done(gallery, items), timeout=5000)
    for item in pictures:
        tile = gallery.tile(item.id)
        assert tile.state == READY and tile.pixmap is not None
        assert tile.pixmap.deviceIndependentSize().width() <= 160.5
    assert gallery.tile(items[2].id).kind == "video"


def test_broken_file_shows_the_damage_marker(gallery, items, qtbot) -> None:
    gallery.set_items(items)
    qtbot.waitUntil(lambda: _thumbnails_done(gallery, items), timeout=5000)
    broken = gallery.tile(items[4].id)
    assert broken.state == BROKEN and broken.pixmap is None
    assert broken.subtitle == gallery.tr("File damaged or missing")
    assert gallery.tr("File damaged or missing") in broken.tooltip
    # And it is painted: the tile's picture box is tinted red.
    group = gallery.groups["during"]
    rect = group.view.visualRect(group.model.index(group.model.row_of(items[4].id)))
    image = group.view.viewport().grab(rect).toImage()
    pixel = image.pixelColor(20, 30)
    assert pixel.red() > pixel.green() + 10


def test_double_click_opens_the_viewer_with_the_full_picture(gallery, items, qtbot) -> None:
    gallery.set_items(items)
    qtbot.waitUntil(lambda: _thumbnails_done(gallery, items), timeout=5000)
    _double_click(gallery, items[1])
    viewer = gallery.viewer
    assert viewer is not None
    qtbot.waitExposed(viewer)
    assert viewer.current_item().id == items[1].id
    qtbot.waitUntil(viewer.is_showing_full_image, timeout=5000)
    assert viewer.canvas.item.pixmap().size() == QSize(1200, 1600)  # full size, not the thumbnail
    assert viewer.title_label.text() == "before2.jpg"

    # Next skips the video: the viewer pages through pictures only.
    QTest.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.current_item().id == items[3].id
    QTest.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.current_item().id == items[4].id  # the damaged one says so
    assert viewer.message.isVisibleTo(viewer)
    assert gallery.tr("File damaged or missing") in viewer.message.text()
    qtbot.mouseClick(viewer.previous_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(viewer.is_showing_full_image, timeout=5000)

    # 100 %, then zoom with the wheel, then fit again.
    QTest.keyClick(viewer, Qt.Key.Key_1)
    assert viewer.zoom() == pytest.approx(1.0)
    centre = viewer.canvas.viewport().rect().center()
    wheel = QWheelEvent(QPointF(centre), QPointF(viewer.canvas.viewport().mapToGlobal(centre)), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewer.canvas.viewport(), wheel)
    assert viewer.zoom() == pytest.approx(1.44)
    qtbot.mouseClick(viewer.fit_button, Qt.MouseButton.LeftButton)
    assert viewer.zoom() < 1.0 and viewer.canvas.fitting

    with qtbot.waitSignal(viewer.finished):
        QTest.keyClick(viewer, Qt.Key.Key_Escape)
    assert gallery.viewer is None


def test_viewer_open_externally_asks_the_controller(gallery, items, qtbot) -> None:
    gallery.set_items(items)
    gallery.open_item(items[0].id)
    with qtbot.waitSignal(gallery.openExternally) as opened:
        qtbot.mouseClick(gallery.viewer.external_button, Qt.MouseButton.LeftButton)
    assert opened.args == [items[0].path]


def test_double_click_on_a_video_opens_it_externally(gallery, items, qtbot) -> None:
    gallery.set_items(items)
    with qtbot.waitSignal(gallery.openExternally) as opened:
        _double_click(gallery, items[2])
    assert opened.args == [items[2].path]
    assert gallery.viewer is None


def test_refilling_drops_the_previous_tickets_thumbnails(gallery, items, photos, qtbot) -> None:
    gallery.set_items(items)
    other = [_item("after.jpg", "after", photos["after.jpg"])]
    gallery.set_items(other)  # before the first ticket's thumbnails came
    qtbot.waitUntil(lambda: _thumbnails_done(gallery, other), timeout=5000)
    assert gallery.items() == other
    assert gallery.tile(items[0].id) is None
    assert gallery.loader.wait_for_done()
    assert gallery.loader.pending() == 0


def test_the_loader_caches_and_cancels(chinese_app, photos, qtbot) -> None:
    loader = ThumbnailLoader(cache=ThumbnailCache())
    got: dict[object, QImage] = {}
    loader.ready.connect(lambda key, image: got.__setitem__(key, image))
    with qtbot.waitSignal(loader.ready):
        loader.request("a", photos["before1.jpg"], QSize(200, 150))
    assert got["a"].size() == QSize(200, 150)
    loader.request("again", photos["before1.jpg"], QSize(200, 150))
    assert "again" in got  # answered from the cache at once

    for n in range(8):
        loader.request(("old", n), photos["after.jpg"], QSize(100 + n, 75))
    loader.cancel()
    assert loader.wait_for_done()
    qtbot.wait(50)
    assert not [key for key in got if isinstance(key, tuple)]  # nothing stale delivered
    failures = []
    loader.failed.connect(lambda key, message: failures.append(key))
    loader.request("missing", photos["before1.jpg"].with_name("nope.jpg"), QSize(10, 10))
    assert failures == ["missing"]
    loader.shutdown()


def test_context_menu_views_or_opens_the_selected_tile(gallery, items, qtbot) -> None:
    gallery.set_items(items)
    during = gallery.groups["during"]
    view_full, open_external = during.view.actions()
    assert view_full.text() == gallery.tr("View full size")
    video = during.model.index(during.model.row_of(items[2].id))
    QTest.mouseClick(during.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     during.view.visualRect(video).center())
    with qtbot.waitSignal(gallery.openExternally) as opened:
        open_external.trigger()
    assert opened.args == [items[2].path]
    picture = during.model.index(during.model.row_of(items[3].id))
    during.view.setCurrentIndex(picture)
    view_full.trigger()
    assert gallery.viewer is not None and gallery.viewer.current_item().id == items[3].id
