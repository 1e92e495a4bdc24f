"""Opening the store: pragmas, new files, and every bad file refused without a change."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from app.models.db import DatabaseOpenError, open_database


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_store_has_the_pragmas_and_an_installation_code(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db", create=True)
    with db.sessions() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    assert len(db.installation_code) == 4 and db.installation_code.isalnum()
    code = db.installation_code
    db.close()
    assert open_database(tmp_path / "new.db").installation_code == code


def test_missing_file_is_refused_unless_creating(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="找不到数据库文件"):
        open_database(tmp_path / "absent.db")
    assert not (tmp_path / "absent.db").exists()


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="无法在此位置创建数据库"):
        open_database(tmp_path / "no" / "such" / "folder.db", create=True)


def test_foreign_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库", encoding="utf-8")
    before = _digest(path)
    with pytest.raises(DatabaseOpenError, match="不是 SQLite 数据库文件"):
        open_database(path)
    assert _digest(path) == before


def test_other_programs_sqlite_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    before = _digest(path)
    with pytest.raises(DatabaseOpenError, match="其他程序的 SQLite 数据库"):
        open_database(path)
    assert _digest(path) == before


def test_newer_version_is_refused_unchanged(db, tmp_path: Path) -> None:
    path = db.path
    with db.transaction() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.close()
    # Fold the WAL back in so the digest covers everything.
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = _digest(path)
    with pytest.raises(DatabaseOpenError, match="更新版本的保修工作台"):
        open_database(path)
    assert _digest(path) == before


def test_read_only_file_is_refused(db, monkeypatch: pytest.MonkeyPatch) -> None:
    path = db.path
    db.close()
    # Root ignores file modes, so make the permission check itself say "read-only".
    real_access = __import__("os").access
    monkeypatch.setattr(
        "app.models.db.os.access", lambda p, mode: False if Path(p) == path else real_access(p, mode)
    )
    with pytest.raises(DatabaseOpenError, match="只读"):
        open_database(path)


def test_store_locked_by_another_process_is_refused_quickly(db) -> None:
    path = db.path
    db.close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sqlite3, sys, time
                c = sqlite3.connect({str(path)!r}, isolation_level=None)
                c.execute("PRAGMA journal_mode=DELETE")
                c.execute("BEGIN EXCLUSIVE")
                print("locked", flush=True)
                time.sleep(30)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseOpenError, match="正被其他程序占用"):
            open_database(path)
    finally:
        holder.kill()
        holder.wait()


def test_folder_instead_of_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="文件夹"):
        open_database(tmp_path)


def test_a_new_store_has_big_pages(db) -> None:
    from sqlalchemy import text

    from app.models.db import PAGE_SIZE

    with db.sessions() as session:
        assert session.execute(text("PRAGMA page_size")).scalar() == PAGE_SIZE
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
