"""Photo widget figures: a gallery of 20 real 12-megapixel JPEGs shown with thumbnails pending,
the thumbnails decoded off the GUI thread, the longest GUI-thread stall meanwhile, and what
QImageReader's scaled decoding saves. Run alone with `python -m benchmarks.gallery`.
"""

from __future__ import annotations

import statistics
import time
import uuid
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QSize, QTimer
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QApplication

from app.controllers.thumbnail_loader import ThumbnailCache, ThumbnailLoader, load_image
from app.views.attachment_gallery import PENDING, AttachmentGallery
from app.views.gallery_items import GalleryItem
from app.views.photo_drop_zone import PhotoDropZone
from benchmarks.report import pad

PHOTOS = 20
PHOTO_SIZE = (3000, 4000)  # a phone's 12-megapixel portrait photo
REPEAT = 5
SHOWN_TARGET_MS = 300.0  # issue #4: a ticket with 20 photos opens within 300 ms
STAGES = ("before", "during", "after")


def make_photos(folder: Path) -> list[Path]:
    """20 JPEGs like a phone's: 3000×4000, detailed enough to weigh 2–4 MB each (kept)."""
    from PIL import Image, ImageDraw, ImageFilter

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(PHOTOS):
        path = folder / f"photo-{n + 1:02d}.jpg"
        paths.append(path)
        if path.exists():
            continue
        noise = Image.effect_noise(PHOTO_SIZE, 40 + n).convert("RGB")
        base = Image.new("RGB", PHOTO_SIZE, (120 + 5 * n, 130, 150 - 3 * n))
        draw = ImageDraw.Draw(base)
        for i in range(0, PHOTO_SIZE[1], 40):  # tiles and joints, as on a bathroom floor
            draw.line([(0, i), (PHOTO_SIZE[0], i + 30)], fill=(90, 90, 95), width=6)
        photo = Image.blend(base, noise, 0.35).filter(ImageFilter.GaussianBlur(0.8))
        photo.save(path, quality=90)
    return paths


def _wait_until(app: QApplication, done, timeout_s: float = 60.0) -> None:
    end = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("thumbnails did not arrive")
        app.processEvents()
        time.sleep(0.001)


class _StallMeter:
    """The longest gap between turns of the event loop: what a user would feel as a freeze."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.longest = 0.0

    def start(self) -> None:
        self.longest = 0.0
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.nsecsElapsed() / 1e6)
        self.clock.restart()

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def _gallery_run(app: QApplication, items: list[GalleryItem], cache: ThumbnailCache) -> tuple[float, float, float]:
    """(ms until the gallery is painted, ms until every thumbnail is in, longest stall ms)."""
    gallery = AttachmentGallery()
    gallery.resize(1280, 720)
    loader = ThumbnailLoader(cache=cache)
    loader.attach(gallery)
    meter = _StallMeter()
    start = time.perf_counter()
    gallery.set_items(items)
    gallery.show()
    gallery.repaint()  # painted now, with the thumbnails still pending
    app.processEvents()
    shown = (time.perf_counter() - start) * 1000
    meter.start()
    _wait_until(app, lambda: all(gallery.tile(i.id).state != PENDING for i in items))
    complete = (time.perf_counter() - start) * 1000
    stall = meter.stop()
    loader.shutdown()
    gallery.close()
    gallery.deleteLater()
    app.processEvents()
    return shown, complete, stall


def _drop_zone_run(app: QApplication, paths: list[Path]) -> tuple[float, float]:
    zone = PhotoDropZone()
    zone.resize(1000, 360)
    loader = ThumbnailLoader(cache=ThumbnailCache())
    loader.attach(zone)
    zone.show()
    app.processEvents()
    start = time.perf_counter()
    zone.add_files(paths)
    zone.repaint()
    shown = (time.perf_counter() - start) * 1000
    _wait_until(app, lambda: all(t.state != PENDING for t in zone.model.tiles()))
    complete = (time.perf_counter() - start) * 1000
    loader.shutdown()
    zone.close()
    zone.deleteLater()
    app.processEvents()
    return shown, complete


def _decode_ms(paths: list[Path], scaled: bool) -> float:
    times = []
    box = QSize(320, 240)
    for path in paths[:6]:
        start = time.perf_counter()
        if scaled:
            load_image(path, box)
        else:
            QImageReader(str(path)).read().scaled(box)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run(data_dir: str) -> list[tuple[str, str, str]]:
    app = QApplication.instance() or QApplication([])
    from app.views.fonts import install_application_font

    install_application_font(app)
    folder = Path(data_dir) / "gallery-photos"
    print(f"\nPhoto widgets: {PHOTOS} JPEGs of {PHOTO_SIZE[0]}×{PHOTO_SIZE[1]} in {folder} (made once)")
    paths = make_photos(folder)
    megabytes = sum(p.stat().st_size for p in paths) / PHOTOS / 1e6
    items = [GalleryItem(uuid.uuid4(), STAGES[n % 3], p.name, "", "image/jpeg", "2026-11-20 09:12", p)
             for n, p in enumerate(paths)]

    cold = [_gallery_run(app, items, ThumbnailCache()) for _ in range(REPEAT)]
    warm_cache = ThumbnailCache()
    _gallery_run(app, items, warm_cache)
    warm = [_gallery_run(app, items, warm_cache) for _ in range(REPEAT)]
    drops = [_drop_zone_run(app, paths) for _ in range(3)]
    full = []
    for path in paths[:3]:
        start = time.perf_counter()
        load_image(path, None)
        full.append((time.perf_counter() - start) * 1000)

    def med(values, i=None) -> float:
        return statistics.median(v[i] if i is not None else v for v in values)

    rows = [
        ("photo size", f"{megabytes:.1f} MB each", ""),
        ("gallery shown, thumbnails pending", f"{med(cold, 0):.1f} ms", f"≤ {SHOWN_TARGET_MS:.0f} ms (whole ticket)"),
        ("all 20 thumbnails in (cold)", f"{med(cold, 1):.0f} ms", "off the GUI thread"),
        ("longest GUI stall while loading", f"{med(cold, 2):.1f} ms", "≤ 50 ms"),
        ("gallery reopened (cached)", f"{med(warm, 1):.1f} ms", ""),
        ("drop zone: 20 files listed", f"{med(drops, 0):.1f} ms", ""),
        ("drop zone: 20 thumbnails in", f"{med(drops, 1):.0f} ms", ""),
        ("1 thumbnail, scaled decode", f"{_decode_ms(paths, True):.1f} ms", "QImageReader.setScaledSize"),
        ("1 thumbnail, full decode + scale", f"{_decode_ms(paths, False):.1f} ms", "for comparison"),
        ("viewer: one full picture", f"{statistics.median(full):.0f} ms", "off the GUI thread"),
    ]
    print(f"{pad('scenario', 36)} | {'median':>16} | note")
    print("-" * 86)
    for name, value, note in rows:
        print(f"{pad(name, 36)} | {value:>16} | {note}")
    return rows


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.gallery")
    parser.add_argument("--data", default="bench-data", help="folder for the generated photos (kept)")
    run(parser.parse_args().data)
