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


def _number_in_state(db, state: str) -> str:
    from sqlalchemy import select

    from app.models.ticket import Ticket

    with db.sessions() as session:
        return session.scalars(
            select(Ticket.number).where(Ticket.state == state).order_by(Ticket.number).limit(1)
        ).one()


def test_pdf_then_verify_the_file_and_its_code(capsys: pytest.CaptureFixture[str], demo_db, tmp_path: Path) -> None:
    number = _number_in_state(demo_db, "archived")
    target = tmp_path / "form.pdf"
    db = str(demo_db.path)
    assert main(["--db", db, "pdf", "confirmation", number, "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert target.read_bytes().startswith(b"%PDF") and "核验码" in out
    code = out.rsplit("核验码 ", 1)[1].strip("）\n")
    assert main(["--db", db, "verify", str(target)]) == 0
    assert capsys.readouterr().out.startswith("与记录一致")
    assert main(["--db", db, "verify", "--code", code]) == 0
    assert main(["--db", db, "verify", "--code", "ABCD-EFGH-JKLM"]) == 3
    assert capsys.readouterr().out.splitlines()[-1].startswith("未知")


def test_pdf_refuses_unknown_tickets_and_wrong_states(capsys: pytest.CaptureFixture[str], demo_db, tmp_path: Path) -> None:
    db = str(demo_db.path)
    assert main(["--db", db, "pdf", "work-order", "BX-NONE-2026-00001", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "找不到报修单" in capsys.readouterr().err
    archived = _number_in_state(demo_db, "archived")
    assert main(["--db", db, "pdf", "not-covered", archived, "-o", str(tmp_path / "x.pdf")]) == 1
    assert "不予保修" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(SystemExit):
        main(["--db", db, "pdf", "invoice", archived])
