"""sync server: conflict resolutions travel (first one wins) and restores of deleted rows

Revision ID: s0002
Revises: s0001
Create Date: 2026-11-24
"""

from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        ALTER TABLE wd_change_log DROP CONSTRAINT IF EXISTS wd_change_log_kind_check;
        ALTER TABLE wd_change_log ADD CONSTRAINT wd_change_log_kind_check
            CHECK (kind IN ('upsert', 'delete', 'resolve'));
        -- One row per settled conflict: the primary key makes the first resolution the only one.
        CREATE TABLE wd_conflict_resolution (
            conflict_id bigint PRIMARY KEY REFERENCES wd_conflict (id),
            keep text NOT NULL CHECK (keep IN ('winner', 'loser')),
            client_id text NOT NULL,
            label text NOT NULL DEFAULT '',
            actor_id uuid,
            hlc bigint NOT NULL,
            op_id uuid NOT NULL,
            seq bigint,
            resolved_at timestamptz NOT NULL DEFAULT now()
        );
        """
    )
    op.execute(
        """
        DO $$
        BEGIN
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warrantydesk_app') THEN
                GRANT SELECT, INSERT ON wd_conflict_resolution TO warrantydesk_app;
            END IF;
        END
        $$;
        """
    )


def downgrade() -> None:
    op.execute(
        "DROP TABLE wd_conflict_resolution;"
        " ALTER TABLE wd_change_log DROP CONSTRAINT IF EXISTS wd_change_log_kind_check;"
        " ALTER TABLE wd_change_log ADD CONSTRAINT wd_change_log_kind_check"
        " CHECK (kind IN ('upsert', 'delete'))"
    )
