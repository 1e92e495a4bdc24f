"""WarrantyDesk 保修工作台: after-delivery warranty work for construction companies."""

import sys
from importlib import metadata
from pathlib import Path


def _version() -> str:
    bundled = Path(getattr(sys, "_MEIPASS", "")) / "VERSION"
    if hasattr(sys, "_MEIPASS") and bundled.is_file():  # PyInstaller writes it from pyproject
        return bundled.read_text(encoding="utf-8").strip()
    try:
        return metadata.version("warrantydesk")
    except metadata.PackageNotFoundError:
        return "0+unknown"


__version__ = _version()

APP_NAME = "WarrantyDesk"
ORG_NAME = "WarrantyDesk"
