"""analytics indexes: the period columns the KPI and dashboard queries filter on

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


INDEXES = ("responded_at", "completed_at", "accepted_at", "archived_at")


def upgrade() -> None:
    for column in INDEXES:
        op.create_index(f"ix_ticket_{column}", "ticket", [column], unique=False)


def downgrade() -> None:
    for column in INDEXES:
        op.drop_index(f"ix_ticket_{column}", table_name="ticket")
