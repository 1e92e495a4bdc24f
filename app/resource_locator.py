"""Finds the bundled resources (fonts, translations) in a source tree, an install or a bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

FONT_FILE = "fonts/wqy-microhei.ttc"
FONT_FAMILY = "WenQuanYi Micro Hei"
# ReportLab and matplotlib name the font themselves; Qt reports the family above.
FONT_NAME = "WenQuanYiMicroHei"


@cache
def resources_dir() -> Path:
    """The folder holding fonts/ and i18n/, wherever the app runs from."""
    here = Path(__file__).resolve().parent
    candidates = [
        Path(getattr(sys, "_MEIPASS", "")) / "resources" if hasattr(sys, "_MEIPASS") else None,
        here.parent / "resources",  # source tree / editable install
        here / "resources",  # wheel install: resources/ is packaged as app/resources
    ]
    for candidate in candidates:
        if candidate is not None and (candidate / FONT_FILE).is_file():
            return candidate
    raise FileNotFoundError("resources/ not found next to the application")


def resource_path(relative: str) -> Path:
    return resources_dir() / relative


def font_path() -> Path:
    return resource_path(FONT_FILE)


def translations_dir() -> Path:
    return resource_path("i18n")
