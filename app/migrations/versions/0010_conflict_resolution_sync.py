"""conflict resolution sync: which side was kept and on which computer

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_conflict") as batch:
        batch.add_column(sa.Column("resolved_keep", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("resolved_client", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("resolved_label", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_conflict") as batch:
        batch.drop_column("resolved_label")
        batch.drop_column("resolved_client")
        batch.drop_column("resolved_keep")
