"""sync server: change log, row state, receipts, quarantine, conflicts, blobs, server info

Revision ID: s0001
Revises:
Create Date: 2026-11-24
"""

from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

# Protocol of the push/pull exchange: a client below min_client_protocol is refused (it keeps
# working offline with its outbox) until it is upgraded.
PROTOCOL = 1


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE wd_server_info (key text PRIMARY KEY, value text NOT NULL);
        CREATE TABLE wd_change_log (
            seq bigserial PRIMARY KEY,
            entity text NOT NULL,
            row_id uuid NOT NULL,
            kind text NOT NULL CHECK (kind IN ('upsert', 'delete')),
            project_id uuid,
            old_project_id uuid,
            parent_id uuid,
            fields jsonb NOT NULL,
            full_row boolean NOT NULL DEFAULT false,
            hlc bigint NOT NULL,
            origin text NOT NULL,
            origin_label text NOT NULL DEFAULT '',
            actor_id uuid,
            op_id uuid,
            echo boolean NOT NULL DEFAULT false,  -- the op raced another writer or lost a field
            skip_origin boolean NOT NULL DEFAULT false,  -- its sender already holds it
            conflicts jsonb NOT NULL DEFAULT '[]',
            committed_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX ix_wd_change_log_project_seq ON wd_change_log (project_id, seq);
        CREATE TABLE wd_row_state (
            entity text NOT NULL,
            row_id uuid NOT NULL,
            project_id uuid,
            parent_id uuid,
            data jsonb NOT NULL,
            clocks jsonb NOT NULL,
            deleted boolean NOT NULL DEFAULT false,
            deleted_clock jsonb,
            updated_seq bigint NOT NULL,
            last_origin text NOT NULL DEFAULT '',
            last_skip boolean NOT NULL DEFAULT false,
            PRIMARY KEY (entity, row_id)
        );
        CREATE INDEX ix_wd_row_state_parent ON wd_row_state (parent_id);
        CREATE INDEX ix_wd_row_state_project ON wd_row_state (entity, project_id);
        CREATE TABLE wd_applied_op (
            op_id uuid PRIMARY KEY,
            client_id text NOT NULL,
            batch_id uuid NOT NULL,
            outcome text NOT NULL,
            seq bigint,
            applied_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE wd_push_receipt (
            client_id text NOT NULL,
            batch_id uuid NOT NULL,
            content_sha256 text NOT NULL,
            receipt jsonb NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (client_id, batch_id)
        );
        CREATE TABLE wd_quarantine (
            op_id uuid PRIMARY KEY,
            client_id text NOT NULL,
            batch_id uuid NOT NULL,
            entity text NOT NULL,
            row_id text NOT NULL,
            op jsonb NOT NULL,
            reason text NOT NULL,
            quarantined_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE wd_conflict (
            id bigserial PRIMARY KEY,
            seq bigint NOT NULL,
            entity text NOT NULL,
            row_id uuid NOT NULL,
            field text NOT NULL,
            kind text NOT NULL,
            winner jsonb NOT NULL,
            loser jsonb NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX ix_wd_conflict_row ON wd_conflict (entity, row_id);
        CREATE TABLE wd_blob (
            sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
            size bigint NOT NULL,
            chunk_size integer NOT NULL,
            chunks integer NOT NULL,
            complete boolean NOT NULL DEFAULT false,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE wd_blob_chunk (
            sha256 text NOT NULL REFERENCES wd_blob (sha256) ON DELETE CASCADE,
            idx integer NOT NULL,
            data bytea NOT NULL,
            PRIMARY KEY (sha256, idx)
        );
        CREATE TABLE wd_client (
            client_id text PRIMARY KEY,
            label text NOT NULL DEFAULT '',
            protocol integer NOT NULL,
            client_schema text NOT NULL DEFAULT '',
            first_seen timestamptz NOT NULL DEFAULT now(),
            last_seen timestamptz NOT NULL DEFAULT now()
        );
        """
    )
    op.execute(
        f"INSERT INTO wd_server_info (key, value) VALUES ('protocol', '{PROTOCOL}'), "
        f"('min_client_protocol', '{PROTOCOL}')"
    )
    # Least privilege: if the administrator created the application role (docs/sync.md), it
    # may read and append the log but never rewrite or delete it.
    op.execute(
        """
        DO $$
        BEGIN
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warrantydesk_app') THEN
                GRANT SELECT ON ALL TABLES IN SCHEMA public TO warrantydesk_app;
                GRANT INSERT ON wd_change_log, wd_applied_op, wd_push_receipt, wd_quarantine,
                    wd_conflict, wd_blob, wd_blob_chunk, wd_client, wd_row_state
                    TO warrantydesk_app;
                GRANT UPDATE ON wd_row_state, wd_blob, wd_client TO warrantydesk_app;
                GRANT DELETE ON wd_blob_chunk TO warrantydesk_app;
                GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO warrantydesk_app;
            END IF;
        END
        $$;
        """
    )


def downgrade() -> None:
    op.execute(
        "DROP TABLE wd_client, wd_blob_chunk, wd_blob, wd_conflict, wd_quarantine, "
        "wd_push_receipt, wd_applied_op, wd_row_state, wd_change_log, wd_server_info"
    )
