"""The schema is versioned by Alembic from the first revision; models and migrations agree."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text

from app.models import Base, Ticket
from app.models.db import make_engine, open_database
from app.models.migrate import head_revision, include_object, known_revisions, upgrade


def test_models_and_migrations_agree(db) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_new_store_is_at_head(db) -> None:
    with db.sessions() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()


def test_older_store_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    """A store at the first revision, with a ticket, gains the search index on opening."""
    path = tmp_path / "old.db"
    engine = make_engine(path)
    upgrade(engine, known_revisions()[0])
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO org_unit (id, name, kind, trades, contact_name, contact_phone, created_at, updated_at)"
            " VALUES (x'01', '项目部', 'project_dept', '', '', '', '2024-01-01', '2024-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO project (id, code, name, type, address, project_dept_id, handover_date,"
            " design_service_life_years, heating_season_start, heating_season_end, cooling_season_start,"
            " cooling_season_end, sla_emergency_hours, sla_urgent_hours, sla_normal_hours, repair_days,"
            " cost_rule, retention_amount_fen, created_at, updated_at) VALUES (x'02', 'P1', '阳光花园', "
            "'residential', '', x'01', '2023-06-30', 50, '11-15', '03-15', '06-01', '09-30', 2, 24, 72, 7,"
            " '', 0, '2024-01-01', '2024-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO ticket (id, number, state, urgency, project_id, location_label, channel,"
            " reporter_name, reporter_phone, description, reported_at, paused_minutes, structural_safety,"
            " report_to_authority, coverage_reason, not_covered_reason, paid_repair_offered, plan_people,"
            " plan_safety_measures, plan_sop_ref, plan_by_design_unit, acceptance_comment,"
            " satisfaction_comment, follow_up_result, cancel_reason, rework_count, version, created_at,"
            " updated_at) VALUES (x'03', 'BX-OLD1-2024-00001', 'received', 3, x'02', '3栋1502室',"
            " 'hotline', '王女士', '13800000000', '卫生间顶部渗水', '2024-05-01 02:00:00', 0, 0, 0, '',"
            " '', 0, '', '', '', 0, '', '', '', '', 0, 1, '2024-05-01', '2024-05-01')"
        )
    engine.dispose()

    db = open_database(path)
    assert db.backup_path is not None and db.backup_path.exists()
    backup = sqlite3.connect(db.backup_path)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == known_revisions()[0]
    assert backup.execute("SELECT count(*) FROM ticket").fetchone()[0] == 1
    backup.close()
    with db.sessions() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        assert session.scalar(select(Ticket.number)) == "BX-OLD1-2024-00001"
        hits = session.execute(text("SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH '\"渗水\"'"))
        assert hits.scalar() == 1
    db.close()


def test_current_store_is_not_backed_up(db) -> None:
    path = db.path
    db.close()
    again = open_database(path)
    assert again.backup_path is None
    assert not list(path.parent.glob("*.backup-*"))
    again.close()
