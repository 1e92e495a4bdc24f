"""The shared PostgreSQL schema: create (`server init`), upgrade and read its version."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

from app.sync.settings import SyncSettings

MIGRATIONS_DIR = Path(__file__).resolve().parent / "server_migrations"
VERSION_TABLE = "wd_alembic_version"
# The exchange protocol this client speaks (wd_server_info.min_client_protocol guards it).
CLIENT_PROTOCOL = 1


class ServerSchemaError(Exception):
    """The server database cannot be initialised or upgraded; the message is Chinese."""


def _config(engine: Engine | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        # configparser treats % as interpolation: escape it (URL-encoded socket paths, passwords).
        url = engine.url.render_as_string(hide_password=False).replace("%", "%%")
        config.set_main_option("sqlalchemy.url", url)
    return config


@cache
def known_server_revisions() -> tuple[str, ...]:
    """Every server schema revision this version of the app knows, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    return tuple(rev.revision for rev in reversed(list(script.walk_revisions())))


def server_head() -> str:
    return known_server_revisions()[-1]


def make_server_engine(settings: SyncSettings) -> Engine:
    return create_engine(settings.sqlalchemy_url(), poolclass=NullPool)


def current_revision(engine: Engine) -> str | None:
    """The server's schema revision, or None for a database never initialised."""
    with engine.connect() as connection:
        exists = connection.execute(text("SELECT to_regclass(:t)"), {"t": VERSION_TABLE}).scalar()
        if exists is None:
            return None
        return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def _upgrade(engine: Engine) -> None:
    from alembic import command

    config = _config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def init_server(settings: SyncSettings) -> str:
    """Create the shared schema in an EMPTY database; returns the revision."""
    engine = make_server_engine(settings)
    try:
        revision = current_revision(engine)
        if revision is not None:
            raise ServerSchemaError(
                f"该服务器数据库已初始化（版本 {revision}）；如需升级请运行 server upgrade。"
            )
        with engine.connect() as connection:
            tables = connection.execute(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            ).scalar()
        if tables:
            raise ServerSchemaError("该数据库不是空的（public 中已有表）；请为保修工作台新建一个数据库。")
        _upgrade(engine)
        return server_head()
    finally:
        engine.dispose()


def upgrade_server(settings: SyncSettings) -> tuple[str | None, str]:
    """Migrate the shared schema to this version's head; returns (before, after)."""
    engine = make_server_engine(settings)
    try:
        before = current_revision(engine)
        if before is None:
            raise ServerSchemaError("该服务器数据库尚未初始化；请先运行 server init。")
        if before not in known_server_revisions():
            raise ServerSchemaError(
                f"服务器数据库版本 {before} 比本软件新；请使用更新版本的保修工作台升级。"
            )
        _upgrade(engine)
        return before, server_head()
    finally:
        engine.dispose()
