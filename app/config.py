"""Where the app keeps its data (platformdirs) and the defaults it starts with."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from app import APP_NAME, ORG_NAME

DB_FILE_NAME = "warrantydesk.db"
DEMO_TICKETS_ON_FIRST_START = 2000
DISPLAY_TIMEZONE = "Asia/Shanghai"


def data_dir() -> Path:
    """The user data folder; WARRANTYDESK_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("WARRANTYDESK_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_NAME, ORG_NAME)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def attachments_dir(db_path: Path) -> Path:
    """Attachments live beside the database file they belong to."""
    return db_path.parent / "attachments"
