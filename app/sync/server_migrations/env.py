"""Alembic environment for the sync server: runs on the connection handed over by app.sync.schema."""

from alembic import context
from sqlalchemy import create_engine

VERSION_TABLE = "wd_alembic_version"


def run() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _migrate(connection)
        return
    _migrate(connection)


def _migrate(connection) -> None:
    context.configure(connection=connection, target_metadata=None, version_table=VERSION_TABLE)
    with context.begin_transaction():
        context.run_migrations()


run()
