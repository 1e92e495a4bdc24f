"""sync: outbox, pull cursor, conflicts and sync state of the local store

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

GUID = app.models.base.GUID


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", GUID(length=16), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("row_id", GUID(length=16), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("full", sa.Boolean(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("base_seq", sa.BigInteger(), nullable=False),
        sa.Column("actor_id", GUID(length=16), nullable=True),
        sa.Column("project_id", GUID(length=16), nullable=True),
        sa.Column("parent_id", GUID(length=16), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("batch_id", GUID(length=16), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("op_id", name=op.f("uq_sync_outbox_op_id")),
    )
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_outbox_batch_id"), ["batch_id"], unique=False)
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("server_offset_ms", sa.BigInteger(), nullable=False),
        sa.Column("pull_cursor", sa.BigInteger(), nullable=True),
        sa.Column("snapshot_seq", sa.BigInteger(), nullable=True),
        sa.Column("snapshot_after", sa.Text(), nullable=True),
        sa.Column("snapshot_projects", sa.JSON(), nullable=True),
        sa.Column("scope", sa.JSON(), nullable=True),
        sa.Column("upload_done", sa.Boolean(), nullable=False),
        sa.Column("upload_after", sa.Text(), nullable=True),
        sa.Column("server_url", sa.Text(), nullable=False),
        sa.Column("store_path", sa.Text(), nullable=False),
        sa.Column("server_schema", sa.String(length=32), nullable=True),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("server_id", sa.BigInteger(), nullable=True),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("row_id", GUID(length=16), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("winner_value", sa.JSON(), nullable=True),
        sa.Column("winner_hlc", sa.BigInteger(), nullable=False),
        sa.Column("winner_client", sa.String(length=36), nullable=False),
        sa.Column("winner_label", sa.String(length=32), nullable=False),
        sa.Column("winner_actor_id", GUID(length=16), nullable=True),
        sa.Column("loser_value", sa.JSON(), nullable=True),
        sa.Column("loser_hlc", sa.BigInteger(), nullable=False),
        sa.Column("loser_client", sa.String(length=36), nullable=False),
        sa.Column("loser_label", sa.String(length=32), nullable=False),
        sa.Column("loser_actor_id", GUID(length=16), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=8), nullable=True),
        sa.Column("resolved_by_id", GUID(length=16), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
        sa.UniqueConstraint("server_id", name=op.f("uq_sync_conflict_server_id")),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflict_row_id"), ["row_id"], unique=False)
    op.create_table(
        "sync_blob_todo",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("direction", sa.String(length=4), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "direction", name=op.f("pk_sync_blob_todo")),
    )


def downgrade() -> None:
    op.drop_table("sync_blob_todo")
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflict_row_id"))
    op.drop_table("sync_conflict")
    op.drop_table("sync_state")
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_outbox_batch_id"))
    op.drop_table("sync_outbox")
