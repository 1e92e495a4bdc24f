"""UUIDv7 ids (RFC 9562): time-ordered, generated on the client, never colliding offline."""

from __future__ import annotations

import os
import random
import time
import uuid

_VERSION_BITS = 0x7 << 76
_VARIANT_BITS = 0x2 << 62


def uuid7_from(ms: int, rand74: int) -> uuid.UUID:
    """Build a UUIDv7 from a Unix-millisecond timestamp and 74 random bits."""
    rand_a = (rand74 >> 62) & 0xFFF
    rand_b = rand74 & ((1 << 62) - 1)
    value = ((ms & ((1 << 48) - 1)) << 80) | _VERSION_BITS | (rand_a << 64) | _VARIANT_BITS | rand_b
    return uuid.UUID(int=value)


def new_id() -> uuid.UUID:
    """A fresh UUIDv7 for a new row."""
    return uuid7_from(time.time_ns() // 1_000_000, int.from_bytes(os.urandom(10), "big"))


def seeded_id(rng: random.Random, ms: int) -> uuid.UUID:
    """A UUIDv7 for generated data: the same seed gives the same ids."""
    return uuid7_from(ms, rng.getrandbits(74))


def stable_id(name: str) -> uuid.UUID:
    """The same id on every installation for shared reference data (taxonomy rows)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"warrantydesk:{name}")
