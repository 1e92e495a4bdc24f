"""Printing benchmark tables that stay aligned with Chinese text."""

from __future__ import annotations

import statistics
import time
import unicodedata
from collections.abc import Callable

REPEAT = 7


def pad(text: str, width: int) -> str:
    """Left-align in a fixed-width column: CJK characters take two columns."""
    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - shown)


def median_ms(action: Callable[[], object], repeat: int = REPEAT) -> float:
    """The median wall time of `action` over `repeat` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
