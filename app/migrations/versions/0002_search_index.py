"""search index: character-bigram FTS5 over tickets

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

import app.models.base
from app.models.search import CREATE_FTS_SQL, SEARCHED_FIELDS, index_body

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ticket_search_doc",
        sa.Column("doc_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", app.models.base.GUID(length=16), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name=op.f("pk_ticket_search_doc")),
        sa.UniqueConstraint("ticket_id", name=op.f("uq_ticket_search_doc_ticket_id")),
    )
    op.execute(CREATE_FTS_SQL)
    # Index the tickets an older database already holds, oldest first.
    bind = op.get_bind()
    bind.exec_driver_sql(
        "INSERT INTO ticket_search_doc(ticket_id) SELECT id FROM ticket ORDER BY reported_at, id"
    )
    fields = ", ".join("t." + name for name in SEARCHED_FIELDS)
    rows = bind.exec_driver_sql(
        f"SELECT d.doc_id, {fields} FROM ticket_search_doc d JOIN ticket t ON t.id = d.ticket_id"
    ).fetchall()
    if rows:
        bind.exec_driver_sql(
            "INSERT INTO ticket_fts(rowid, body) VALUES (?, ?)",
            [(row[0], index_body(tuple(row[1:]))) for row in rows],
        )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS ticket_fts")
    op.drop_table("ticket_search_doc")
