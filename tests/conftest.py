"""Test configuration: offscreen Qt, a private data folder and a fresh database per test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Offscreen Qt with a desktop-sized screen (the plugin's default is 800×600).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    screen = Path(__file__).with_name("offscreen-screen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"

DEMO_TICKETS = 400


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder (attachments, compiled translations)."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("WARRANTYDESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty store made once; tests get copies (migrating takes ~0.5 s)."""
    from app.models.db import open_database

    path = tmp_path_factory.mktemp("template") / "empty.db"
    open_database(path, create=True).close()
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with demo data made once (attachments beside it); tests get copies."""
    from app.demo.generator import generate_demo
    from app.models.db import open_database

    folder = tmp_path_factory.mktemp("demo-template")
    db = open_database(folder / "demo.db", create=True)
    generate_demo(db, tickets=DEMO_TICKETS, seed=3)
    db.close()
    return folder / "demo.db"


def _copy_store(template: Path, target_dir: Path):
    from app.models.db import open_database

    target = target_dir / "store"
    target.mkdir()
    shutil.copy2(template, target / template.name)
    attachments = template.parent / "attachments"
    if attachments.is_dir():
        shutil.copytree(attachments, target / "attachments")
    return open_database(target / template.name)


@pytest.fixture
def db(empty_template: Path, tmp_path: Path):
    database = _copy_store(empty_template, tmp_path)
    yield database
    database.close()


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path):
    database = _copy_store(demo_template, tmp_path)
    yield database
    database.close()
