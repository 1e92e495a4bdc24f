"""month stats: monthly ticket figures for the dashboard and KPIs, kept current by triggers

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

import app.models.base
from app.models.month_stat import TRIGGERS

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

GUID = app.models.base.GUID


def upgrade() -> None:
    op.create_table(
        "ticket_month_stat",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("project_id", GUID(length=16), nullable=False),
        sa.Column("owner_id", GUID(length=16), nullable=True),
        sa.Column("category_id", GUID(length=16), nullable=True),
        sa.Column("place_id", GUID(length=16), nullable=True),
        sa.Column("place_kind", sa.String(length=20), nullable=True),
        sa.Column("inner", sa.String(length=50), nullable=True),
        sa.Column("inner_kind", sa.String(length=20), nullable=True),
        sa.Column("inner_order", sa.Integer(), nullable=True),
        sa.Column("bucket", sa.Integer(), nullable=True),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_month_stat")),
    )
    op.create_index("ix_ticket_month_stat_source_month", "ticket_month_stat", ["source", "month"],
                    unique=False)
    op.create_table(
        "ticket_month_stat_built",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.PrimaryKeyConstraint("month", name=op.f("pk_ticket_month_stat_built")),
    )
    if op.get_bind().dialect.name == "sqlite":
        for _name, statement in TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name, _statement in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("ticket_month_stat_built")
    op.drop_index("ix_ticket_month_stat_source_month", table_name="ticket_month_stat")
    op.drop_table("ticket_month_stat")
