"""Run slow work off the GUI thread and deliver the result back to it (Anki's QueryOp shape)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # delivered to the GUI thread, shown there
            self._signals.failed.emit(error)
        else:
            self._signals.succeeded.emit(result)


_pending: set[_Signals] = set()  # keep signal objects alive until they have fired


def run_in_background(
    work: Callable[[], Any],
    success: Callable[[Any], None],
    failure: Callable[[Exception], None],
    pool: QThreadPool | None = None,
) -> None:
    """Run `work()` on a pool thread; `success(result)` or `failure(error)` run on the GUI thread.

    `work` must open its own database session: sessions never cross threads.
    """
    signals = _Signals()
    _pending.add(signals)

    def done(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def deliver(value: Any) -> None:
            _pending.discard(signals)
            callback(value)

        return deliver

    signals.succeeded.connect(done(success))
    signals.failed.connect(done(failure))
    (pool or QThreadPool.globalInstance()).start(_Job(work, signals))
