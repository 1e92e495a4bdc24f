"""printed documents: verification codes of printed forms

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "printed_document",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("ticket_id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("parts", sa.JSON(), nullable=False),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("printed_by_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("id", app.models.base.GUID(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["printed_by_id"], ["staff.id"], name=op.f("fk_printed_document_printed_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_printed_document_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_printed_document")),
        sa.UniqueConstraint("code", name=op.f("uq_printed_document_code")),
    )
    with op.batch_alter_table("printed_document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_printed_document_ticket_id"), ["ticket_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("printed_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_printed_document_ticket_id"))
    op.drop_table("printed_document")
