"""The command line: demo data, ticket listing for scripts, and bad arguments refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.__main__ import main


def test_bad_ticket_count_is_refused_with_usage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "x.db"), "demo", "--tickets", "-5"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "需要一个正整数" in err
    assert not (tmp_path / "x.db").exists()


def test_unknown_state_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--db", str(tmp_path / "x.db"), "tickets", "--state", "修好了"])
    assert "未知状态" in capsys.readouterr().err


def test_missing_database_gets_a_chinese_message(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["--db", str(tmp_path / "absent.db"), "tickets"]) == 1
    assert "找不到数据库文件" in capsys.readouterr().err


def test_demo_then_list_as_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo", "--tickets", "120", "--seed", "4"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "tickets", "--state", "已归档", "--limit", "5", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert 0 < len(rows) <= 5
    assert all(row["state"] == "archived" for row in rows)
    assert set(rows[0]) >= {"number", "state", "project", "location", "urgency", "owner", "reported_at"}
    assert rows[0]["reported_at"].endswith("+08:00")  # local time, with its offset


def test_text_listing_filters_by_project_and_search(capsys: pytest.CaptureFixture[str], demo_db) -> None:
    from sqlalchemy import select

    from app.models import Project

    with demo_db.sessions() as session:
        name = session.scalar(select(Project.name).order_by(Project.code))
    assert main(["--db", str(demo_db.path), "tickets", "--project", name, "--search", "渗", "--limit", "30"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(f"\t{name}\t" in line for line in lines)
