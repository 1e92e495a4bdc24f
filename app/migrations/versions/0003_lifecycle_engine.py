"""lifecycle engine: response limits, recurrence thresholds, ordered ticket history

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_PROJECT_COLUMNS = (
    ("sla_emergency_response_minutes", "30"),
    ("sla_urgent_response_minutes", "120"),
    ("sla_normal_response_minutes", "480"),
    ("recurrence_threshold", "3"),
    ("recurrence_window_days", "90"),
)


def upgrade() -> None:
    with op.batch_alter_table("project", schema=None) as batch_op:
        for name, default in _PROJECT_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Integer(), server_default=default, nullable=False))

    with op.batch_alter_table("ticket_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), server_default="0", nullable=False))
        batch_op.create_index("ix_ticket_event_ticket_seq", ["ticket_id", "seq"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ticket_event", schema=None) as batch_op:
        batch_op.drop_index("ix_ticket_event_ticket_seq")
        batch_op.drop_column("seq")

    with op.batch_alter_table("project", schema=None) as batch_op:
        for name, _default in reversed(_PROJECT_COLUMNS):
            batch_op.drop_column(name)
