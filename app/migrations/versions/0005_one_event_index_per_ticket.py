"""one event index per ticket: drop ix_ticket_event_ticket_id, covered by (ticket_id, seq)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain DROP INDEX: no table copy, even for a store with millions of events.
    op.drop_index("ix_ticket_event_ticket_id", table_name="ticket_event")


def downgrade() -> None:
    op.create_index("ix_ticket_event_ticket_id", "ticket_event", ["ticket_id"], unique=False)
