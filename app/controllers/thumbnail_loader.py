"""Loads and scales images on pool threads for the photo widgets; delivers QImages by key."""

from __future__ import annotations

import contextlib
import os
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThread, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

THUMBNAILS = "thumbnails"
FULL_IMAGES = "full"
# Images bigger than this are not kept: a 12-megapixel photo decoded is 48 MB, and the viewer
# shows one at a time; thumbnails (a few hundred KB) are what is worth remembering.
CACHE_ITEM_LIMIT = 4 * 1024 * 1024
CACHE_BUDGET = 96 * 1024 * 1024


class ThumbnailCache:
    """Decoded images by (path, mtime, file size, requested size), least recently used first out.

    Touched only on the GUI thread (workers hand their result back before it is stored), so it
    needs no lock. One instance is shared by every loader: the drop zone's and the gallery's
    thumbnails of the same file are decoded once.
    """

    def __init__(self, budget: int = CACHE_BUDGET) -> None:
        self.budget = budget
        self._images: OrderedDict[tuple, QImage] = OrderedDict()
        self._bytes = 0

    def get(self, key: tuple) -> QImage | None:
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def put(self, key: tuple, image: QImage) -> None:
        size = image.sizeInBytes()
        if size > CACHE_ITEM_LIMIT or key in self._images:
            return
        self._images[key] = image
        self._bytes += size
        while self._bytes > self.budget and self._images:
            _, old = self._images.popitem(last=False)
            self._bytes -= old.sizeInBytes()

    def clear(self) -> None:
        self._images.clear()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._images)


shared_cache = ThumbnailCache()


def cache_key(path: Path, size: QSize | None) -> tuple | None:
    """The cache key of a file at a size; None when the file cannot be read (reported later)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    wanted = (size.width(), size.height()) if size is not None and size.isValid() else (0, 0)
    return (str(path), stat.st_mtime_ns, stat.st_size, wanted)


def load_image(path: Path, size: QSize | None) -> tuple[QImage, str]:
    """Decode `path`, scaled to fit in `size` (None or invalid: full size); (image, error).

    QImageReader.setScaledSize lets the JPEG decoder skip most of the work (it decodes at
    1/2, 1/4 or 1/8 scale), so a thumbnail of a 12-megapixel photo costs a fraction of a full
    decode. QImage, unlike QPixmap, may be made on any thread.
    """
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # phone photos are stored sideways with an EXIF orientation
    source = reader.size()
    if size is not None and size.isValid() and source.isValid():
        # The reader scales before it applies the orientation: fit the stored (raw) size into
        # the box turned the same way.
        box = QSize(size)
        if _turned(reader):
            box.transpose()
        if source.width() > box.width() or source.height() > box.height():
            reader.setScaledSize(source.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return QImage(), reader.errorString()
    return image, ""


def _turned(reader: QImageReader) -> bool:
    swapped = QImageIOHandler.Transformation.TransformationRotate90
    return bool(reader.transformation() & swapped)


class _Relay(QObject):
    """Carries a worker's result to the GUI thread (the relay lives there: queued delivery)."""

    finished = Signal(object, object, object, str, object)  # job, cache key, image, error, group


Reply = Callable[[Hashable, QImage], None]


class _Job(QRunnable):
    def __init__(self, loader: ThumbnailLoader, key: Hashable, path: Path, size: QSize | None,
                 group: str, generation: int, ckey: tuple | None, reply: Reply | None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the loader keeps it to take it back off the queue (tryTake)
        self.loader = loader
        self.key = key
        self.path = path
        self.size = size
        self.group = group
        self.generation = generation
        self.ckey = ckey
        self.reply = reply
        self._relay = loader._relay

    def run(self) -> None:
        if self.loader._stale(self):  # cancelled after it was queued: skip the decode
            self._relay.finished.emit(self, None, QImage(), "", None)
            return
        try:
            image, error = load_image(self.path, self.size)
        except Exception as exception:  # a broken file must not kill the pool thread
            image, error = QImage(), str(exception)
        self._relay.finished.emit(self, self.ckey, image, error, self.group)


class _ViewClient:
    """One attached view: its own request groups, and replies only while the view lives."""

    def __init__(self, loader: ThumbnailLoader, view: Any, number: int) -> None:
        self.loader = loader
        self.view = view
        self.thumbnails = f"view{number}"
        self.full = f"view{number}/{FULL_IMAGES}"
        self.alive = True

    def want_thumbnail(self, key: Hashable, path: str, size: QSize) -> None:
        if self.alive:
            self.loader.request(key, path, size, self.thumbnails, reply=self.reply)

    def want_image(self, key: Hashable, path: str) -> None:
        # Paging through the viewer quickly must not queue a decode per picture passed over.
        if self.alive:
            self.loader.cancel(self.full)
            self.loader.request(key, path, None, self.full, reply=self.reply)

    def reset(self) -> None:
        self.loader.cancel(self.thumbnails)
        self.loader.cancel(self.full)

    def reply(self, key: Hashable, image: QImage) -> None:
        if self.alive and shiboken6.isValid(self.view):
            self.view.set_thumbnail(key, image)

    def gone(self, *_args: object) -> None:
        self.alive = False
        with contextlib.suppress(RuntimeError):  # the loader may have gone first
            self.reset()


class ThumbnailLoader(QObject):
    """`request(key, path, size)` → `ready(key, QImage)` later, decoded on a pool thread.

    Requests belong to a group ("thumbnails" by default); `cancel(group)` drops the group's
    queued requests and ignores those already decoding (a generation counter), so refilling
    a gallery never shows the previous ticket's pictures.

    Views do not import this class: they emit `thumbnailWanted(key, path, size)` (and, for
    the viewer, `imageWanted(key, path)`) and receive `set_thumbnail(key, image)`;
    `attach(view)` makes those connections. One loader may serve several views: each gets
    its own groups and only its own answers, so equal keys in two views never mix.
    """

    ready = Signal(object, QImage)
    failed = Signal(object, str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None,
                 cache: ThumbnailCache | None = None) -> None:
        super().__init__(parent)
        if pool is None:
            # A pool of our own: a gallery of 20 photos must not hold up database queries
            # queued on the global pool (run_in_background). One thread below the core count
            # leaves a core for the GUI thread.
            pool = QThreadPool(self)
            pool.setMaxThreadCount(max(1, QThread.idealThreadCount() - 1))
            pool.setExpiryTimeout(2000)
        self.pool = pool
        self.cache = shared_cache if cache is None else cache
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._generation: dict[str, int] = {}
        self._queued: dict[str, list[_Job]] = {}
        self._running: set[_Job] = set()
        self._clients: list[_ViewClient] = []
        self._serial = 0

    # -- requests ------------------------------------------------------------------------------

    def request(self, key: Hashable, path: str | Path, size: QSize | None = None,
                group: str = THUMBNAILS, reply: Reply | None = None) -> None:
        """Ask for `path` scaled to fit `size` (None: full size).

        Answered by `reply(key, image)` (a null image: unreadable) when given, otherwise by
        the `ready`/`failed` signals. A cached image is answered at once, before this returns.
        """
        path = Path(path)
        ckey = cache_key(path, size)
        if ckey is None:
            self._answer(key, QImage(), self.tr("The file is missing."), reply)
            return
        cached = self.cache.get(ckey)
        if cached is not None:
            self._answer(key, cached, "", reply)
            return
        job = _Job(self, key, path, size, group, self._generation.get(group, 0), ckey, reply)
        self._queued.setdefault(group, []).append(job)
        self._running.add(job)
        self.pool.start(job)

    def cancel(self, group: str | None = None) -> None:
        """Forget every request of `group` (all groups when None) not yet answered."""
        groups = list(self._queued) if group is None else [group]
        for name in groups:
            self._generation[name] = self._generation.get(name, 0) + 1
            for job in self._queued.pop(name, []):
                if self.pool.tryTake(job):  # not started yet: it never runs
                    self._running.discard(job)

    def pending(self) -> int:
        """Requests queued or decoding (answered ones excluded)."""
        return len(self._running)

    def wait_for_done(self, msecs: int = 10_000) -> bool:
        """Block until the pool is idle (tests, shutdown); results still arrive via the loop."""
        return self.pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Cancel everything and wait for decodes in progress (before the app quits)."""
        self.cancel()
        self.pool.waitForDone(-1)

    # -- views ---------------------------------------------------------------------------------

    def attach(self, view: Any) -> None:
        """Serve a view with the thumbnail hook (see the class docstring).

        The view emits `thumbnailWanted(key, path, QSize)`, optionally `imageWanted(key, path)`
        (full size, newest wins) and `thumbnailsReset()` (its items were replaced), and has
        `set_thumbnail(key, QImage)`; a null image means the file could not be shown.
        """
        self._clients = [c for c in self._clients if c.alive]
        self._serial += 1
        client = _ViewClient(self, view, self._serial)
        self._clients.append(client)
        view.thumbnailWanted.connect(client.want_thumbnail)
        if hasattr(view, "imageWanted"):
            view.imageWanted.connect(client.want_image)
        if hasattr(view, "thumbnailsReset"):
            view.thumbnailsReset.connect(client.reset)
        view.destroyed.connect(client.gone)

    def _answer(self, key: Hashable, image: QImage, error: str, reply: Reply | None) -> None:
        if reply is not None:
            reply(key, image)
        elif image.isNull():
            self.failed.emit(key, error or self.tr("The image cannot be read."))
        else:
            self.ready.emit(key, image)

    # -- results -------------------------------------------------------------------------------

    def _stale(self, job: _Job) -> bool:
        return job.generation != self._generation.get(job.group, 0)

    def _finished(self, job: _Job, ckey: tuple | None, image: QImage, error: str,
                  group: str | None) -> None:
        self._running.discard(job)
        queued = self._queued.get(job.group)
        if queued is not None and job in queued:
            queued.remove(job)
        if group is None or self._stale(job):
            return
        if not image.isNull() and ckey is not None:
            self.cache.put(ckey, image)
        self._answer(job.key, image, error, job.reply)
