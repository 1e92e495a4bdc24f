"""Schema versions: Alembic upgrades, with a backup copy written before any existing file changes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from functools import cache
from pathlib import Path

from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
FTS_TABLE_PREFIX = "ticket_fts"


def include_object(_obj, name, type_, _reflected, _compare_to) -> bool:
    """What schema comparison looks at: the FTS5 table and its shadows are made by raw SQL."""
    return not (type_ == "table" and name and name.startswith(FTS_TABLE_PREFIX))


def _alembic_config(engine: Engine | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


@cache
def known_revisions() -> tuple[str, ...]:
    """Every revision this version of the app knows, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return tuple(rev.revision for rev in reversed(list(script.walk_revisions())))


def head_revision() -> str:
    return known_revisions()[-1]


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to `revision` on the engine's database."""
    from alembic import command

    config = _alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def backup_copy(db_path: Path, label: str) -> Path:
    """Write a consistent copy of the database next to it (SQLite's online backup)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.stem}.backup-{label}-{stamp}{db_path.suffix}")
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        copy.close()
    finally:
        source.close()
    return target
