"""Sync tests run against a real PostgreSQL (DESIGN.md "Tests and tools")."""

import shutil
from pathlib import Path

import pytest

from tests.sync.pg_fixtures import pg_database, pg_server, pg_url  # noqa: F401


@pytest.fixture
def make_store(empty_template: Path, demo_template: Path, tmp_path: Path):
    """Factory of local stores (each in its own folder, like separate laptops)."""
    from app.models.db import open_database

    opened = []

    def make(name: str, *, demo: bool = False):
        template = demo_template if demo else empty_template
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy2(template, folder / template.name)
        attachments = template.parent / "attachments"
        if demo and attachments.is_dir():
            shutil.copytree(attachments, folder / "attachments")
        db = open_database(folder / template.name)
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.close()
