"""Opening the local SQLite store: checks with clear messages, pragmas, migrations, sessions."""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.models import migrate
from app.models import outbox as _outbox  # noqa: F401  (sync change capture listeners)
from app.models.meta import AppMeta
from app.models.taxonomy import ensure_default_taxonomy

SQLITE_HEADER = b"SQLite format 3\x00"
LOCK_WAIT_SECONDS = 2.0
PAGE_SIZE = 16384
INSTALLATION_CODE_KEY = "installation_code"
# No 0/O or 1/I: people read these codes aloud and type them.
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class DatabaseOpenError(Exception):
    """The database cannot be opened; the message tells the clerk why, in Chinese."""


@dataclass
class Database:
    """An open local store: its file, engine, session factory and installation code."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    installation_code: str
    backup_path: Path | None = None  # written when this open migrated an older file

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits whole on success, rolls back whole on error."""
        with self.sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _set_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # Takes effect only on a new, empty file (ignored afterwards): 16 KiB pages write a big
    # store with fewer page writes (demo generation of 1M tickets: 15 % faster than 4 KiB).
    cursor.execute(f"PRAGMA page_size={PAGE_SIZE}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA busy_timeout={int(LOCK_WAIT_SECONDS * 1000)}")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": LOCK_WAIT_SECONDS})
    event.listen(engine, "connect", _set_pragmas)
    return engine


def _check_file(path: Path, create: bool) -> bool:
    """Raise DatabaseOpenError for a file we must not touch; True if it is new/empty."""
    if path.is_dir():
        raise DatabaseOpenError(f"数据库路径是一个文件夹，不是数据库文件：{path}")
    if not path.exists():
        if not create:
            raise DatabaseOpenError(f"找不到数据库文件：{path}")
        if not path.parent.is_dir() or not os.access(path.parent, os.W_OK):
            raise DatabaseOpenError(f"无法在此位置创建数据库（文件夹不存在或不可写）：{path.parent}")
        return True
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise DatabaseOpenError(f"该文件不是保修工作台的数据库（不是 SQLite 数据库文件）：{path}")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseOpenError(
            f"数据库文件是只读的，无法写入：{path}\n请检查文件权限，或把它复制到可写的文件夹后再打开。"
        )
    return not header


def _read_revision(path: Path) -> str | None:
    """The schema revision of an existing file, read without changing it."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=LOCK_WAIT_SECONDS)
    except sqlite3.Error as error:
        raise DatabaseOpenError(f"无法打开数据库文件：{path}（{error}）") from error
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if "alembic_version" not in tables:
            raise DatabaseOpenError(f"该文件是其他程序的 SQLite 数据库，不是保修工作台的数据库：{path}")
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as error:
        raise _translate(error, path) from error
    finally:
        connection.close()


def _check_not_locked(path: Path) -> None:
    """Fail fast if another process holds the write lock (rather than hang later)."""
    connection = sqlite3.connect(path, timeout=LOCK_WAIT_SECONDS, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
    except sqlite3.DatabaseError as error:
        raise _translate(error, path) from error
    finally:
        connection.close()


def _is_environmental(error: BaseException) -> bool:
    """Errors caused by the file or the machine (locks, permissions), not by our code."""
    return isinstance(error, sqlite3.OperationalError) or type(error) is sqlite3.DatabaseError


def _translate(error: sqlite3.DatabaseError, path: Path) -> DatabaseOpenError:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseOpenError(
            f"数据库正被其他程序占用（可能另一个保修工作台窗口或备份程序正在写入）：{path}\n"
            "请关闭占用它的程序后重试。"
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseOpenError(f"数据库文件是只读的，无法写入：{path}")
    if "not a database" in text or "malformed" in text:
        return DatabaseOpenError(f"数据库文件已损坏或不是 SQLite 数据库：{path}")
    return DatabaseOpenError(f"无法打开数据库文件：{path}（{error}）")


def open_database(path: Path | str, *, create: bool = False) -> Database:
    """Open (and if needed create or upgrade) the store at `path`.

    Every refusal happens before anything is written: a file from a newer version, a locked,
    read-only or foreign file is left exactly as it was.
    """
    path = Path(path).expanduser().resolve()
    is_new = _check_file(path, create)
    revision = None if is_new else _read_revision(path)
    known = migrate.known_revisions()
    if revision is not None and revision not in known:
        raise DatabaseOpenError(
            f"该数据库由更新版本的保修工作台创建（数据库版本 {revision}），当前软件无法打开。\n"
            "请升级保修工作台后再打开；文件未做任何修改。"
        )
    if not is_new:
        _check_not_locked(path)
    backup_path = None
    if revision is not None and revision != known[-1]:
        backup_path = migrate.backup_copy(path, revision)
    engine = make_engine(path)
    try:
        if revision != known[-1]:
            migrate.upgrade(engine)
        sessions = sessionmaker(engine, expire_on_commit=False)
        with sessions() as session, session.begin():
            ensure_default_taxonomy(session)
            code = _ensure_installation_code(session)
    except Exception as error:
        engine.dispose()
        cause = getattr(error, "orig", error)
        if _is_environmental(cause):
            raise _translate(cause, path) from error
        raise
    return Database(path, engine, sessions, code, backup_path)


def _ensure_installation_code(session: Session) -> str:
    meta = session.get(AppMeta, INSTALLATION_CODE_KEY)
    if meta is None:
        code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(4))
        session.add(AppMeta(key=INSTALLATION_CODE_KEY, value=code))
        return code
    return meta.value


def set_installation_code(session: Session, code: str) -> None:
    """Set this installation's code (2–6 letters/digits), used in every new ticket number."""
    code = code.strip().upper()
    if not (2 <= len(code) <= 6 and code.isascii() and code.isalnum()):
        raise ValueError("安装编码须为 2–6 位字母或数字，例如 JN01。")
    meta = session.get(AppMeta, INSTALLATION_CODE_KEY)
    if meta is None:
        session.add(AppMeta(key=INSTALLATION_CODE_KEY, value=code))
    else:
        meta.value = code
