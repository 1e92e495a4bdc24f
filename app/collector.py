"""Pausing Python's cyclic garbage collector around work that allocates a great deal."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block (it runs afterwards, when next due).

    For bursts of allocation where a collection would walk every live object again and again
    (the demo generator's millions of row tuples; a redraw freeing thousands of artists).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
