"""analytics indexes: the period columns the KPI and dashboard queries filter on

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


# Each moment with the columns the KPI and dashboard counts group and test by (covering).
INDEXES = {
    "responded_at": ["responded_at", "owner_id", "project_id", "reported_at", "response_due_at"],
    "completed_at": ["completed_at", "owner_id", "project_id", "reported_at", "completion_due_at"],
    "accepted_at": ["accepted_at", "owner_id", "project_id", "rework_count", "satisfaction"],
    "archived_at": ["archived_at", "project_id"],
}
REWORK_WHERE = sa.text(
    "kind = 'state' AND field = 'state' AND new_value = 'in_repair'"
    " AND old_value IN ('acceptance', 'archived')"
)


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(f"ix_ticket_{name}", "ticket", columns, unique=False)
    op.create_index("ix_ticket_event_rework", "ticket_event", ["at", "ticket_id", "old_value"],
                    unique=False, sqlite_where=REWORK_WHERE, postgresql_where=REWORK_WHERE)


def downgrade() -> None:
    op.drop_index("ix_ticket_event_rework", table_name="ticket_event")
    for name in INDEXES:
        op.drop_index(f"ix_ticket_{name}", table_name="ticket")
