"""Printing benchmark tables that stay aligned with Chinese text."""

from __future__ import annotations

import unicodedata


def pad(text: str, width: int) -> str:
    """Left-align in a fixed-width column: CJK characters take two columns."""
    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - shown)
