"""escalations, retrospective meetings, corrective actions and typical cases

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "escalation_setting",
        sa.Column("project_type", sa.String(length=20), nullable=False),
        sa.Column("recurrence_threshold", sa.Integer(), nullable=False),
        sa.Column("recurrence_window_days", sa.Integer(), nullable=False),
        sa.Column("watch_days", sa.Integer(), nullable=False),
        sa.Column("id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalation_setting")),
        sa.UniqueConstraint("project_type", name=op.f("uq_escalation_setting_project_type")),
    )
    op.create_table(
        "escalation",
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("project_id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("owner_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("cluster_key", sa.String(length=120), nullable=True),
        sa.Column("cluster_round", sa.Integer(), nullable=False),
        sa.Column("defect_category_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("building_part", sa.String(length=30), nullable=True),
        sa.Column("responsible_org_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("raised_by_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("watch_started_at", sa.DateTime(), nullable=True),
        sa.Column("watch_until", sa.DateTime(), nullable=True),
        sa.Column("reopen_count", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["defect_category_id"],
            ["defect_category.id"],
            name=op.f("fk_escalation_defect_category_id_defect_category"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["staff.id"], name=op.f("fk_escalation_owner_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_escalation_project_id_project")
        ),
        sa.ForeignKeyConstraint(
            ["raised_by_id"], ["staff.id"], name=op.f("fk_escalation_raised_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["responsible_org_id"],
            ["org_unit.id"],
            name=op.f("fk_escalation_responsible_org_id_org_unit"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalation")),
        sa.UniqueConstraint(
            "cluster_key", "cluster_round", name=op.f("uq_escalation_cluster_key_cluster_round")
        ),
        sa.UniqueConstraint("number", name=op.f("uq_escalation_number")),
    )
    with op.batch_alter_table("escalation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_escalation_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_escalation_project_id"), ["project_id"], unique=False)
        batch_op.create_index("ix_escalation_state_raised", ["state", "raised_at"], unique=False)

    op.create_table(
        "retrospective_meeting",
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("project_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("host_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("analysis_method", sa.String(length=20), nullable=False),
        sa.Column("five_whys", sa.JSON(), nullable=False),
        sa.Column("fishbone", sa.JSON(), nullable=False),
        sa.Column("root_cause", sa.Text(), nullable=False),
        sa.Column("conclusions", sa.Text(), nullable=False),
        sa.Column("held_marked_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("created_by_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff.id"],
            name=op.f("fk_retrospective_meeting_created_by_id_staff"),
        ),
        sa.ForeignKeyConstraint(
            ["host_id"], ["staff.id"], name=op.f("fk_retrospective_meeting_host_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_retrospective_meeting_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retrospective_meeting")),
        sa.UniqueConstraint("number", name=op.f("uq_retrospective_meeting_number")),
    )
    with op.batch_alter_table("retrospective_meeting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_retrospective_meeting_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "corrective_action",
        sa.Column("meeting_id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
        sa.Column("verified_by_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["retrospective_meeting.id"],
            name=op.f("fk_corrective_action_meeting_id_retrospective_meeting"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["staff.id"], name=op.f("fk_corrective_action_owner_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["verified_by_id"], ["staff.id"], name=op.f("fk_corrective_action_verified_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrective_action")),
    )
    with op.batch_alter_table("corrective_action", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_corrective_action_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            "ix_corrective_action_owner_status", ["owner_id", "status"], unique=False
        )
        batch_op.create_index("ix_corrective_action_status_due", ["status", "due_on"], unique=False)

    op.create_table(
        "escalation_event",
        sa.Column("escalation_id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", app.models.base.GUID(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["staff.id"], name=op.f("fk_escalation_event_actor_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["escalation_id"],
            ["escalation.id"],
            name=op.f("fk_escalation_event_escalation_id_escalation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalation_event")),
    )
    with op.batch_alter_table("escalation_event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_escalation_event_escalation_seq", ["escalation_id", "seq"], unique=False
        )

    op.create_table(
        "meeting_attendee",
        sa.Column("meeting_id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("staff_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("organisation", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("sort_key", sa.Integer(), nullable=False),
        sa.Column("id", app.models.base.GUID(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["retrospective_meeting.id"],
            name=op.f("fk_meeting_attendee_meeting_id_retrospective_meeting"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_meeting_attendee_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attendee")),
    )
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_attendee_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "meeting_escalation",
        sa.Column("meeting_id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("escalation_id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("id", app.models.base.GUID(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["escalation_id"],
            ["escalation.id"],
            name=op.f("fk_meeting_escalation_escalation_id_escalation"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["retrospective_meeting.id"],
            name=op.f("fk_meeting_escalation_meeting_id_retrospective_meeting"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_escalation")),
        sa.UniqueConstraint(
            "meeting_id",
            "escalation_id",
            name=op.f("uq_meeting_escalation_meeting_id_escalation_id"),
        ),
    )
    with op.batch_alter_table("meeting_escalation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_escalation_escalation_id"), ["escalation_id"], unique=False
        )

    op.create_table(
        "printed_minutes",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("meeting_id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("parts", sa.JSON(), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("printed_by_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("id", app.models.base.GUID(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["retrospective_meeting.id"],
            name=op.f("fk_printed_minutes_meeting_id_retrospective_meeting"),
        ),
        sa.ForeignKeyConstraint(
            ["printed_by_id"], ["staff.id"], name=op.f("fk_printed_minutes_printed_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_printed_minutes")),
        sa.UniqueConstraint("code", name=op.f("uq_printed_minutes_code")),
    )
    with op.batch_alter_table("printed_minutes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_printed_minutes_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "typical_case",
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("project_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("defect_category_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("meeting_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("solution", sa.Text(), nullable=False),
        sa.Column("photo_ids", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("published_by_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["defect_category_id"],
            ["defect_category.id"],
            name=op.f("fk_typical_case_defect_category_id_defect_category"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["retrospective_meeting.id"],
            name=op.f("fk_typical_case_meeting_id_retrospective_meeting"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_typical_case_project_id_project")
        ),
        sa.ForeignKeyConstraint(
            ["published_by_id"], ["staff.id"], name=op.f("fk_typical_case_published_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_typical_case")),
        sa.UniqueConstraint("number", name=op.f("uq_typical_case_number")),
    )
    with op.batch_alter_table("typical_case", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_typical_case_defect_category_id"), ["defect_category_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_typical_case_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "action_evidence",
        sa.Column("action_id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("mime_type", sa.String(length=100), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", app.models.base.GUID(length=16), nullable=True),
        sa.Column("id", app.models.base.GUID(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["corrective_action.id"],
            name=op.f("fk_action_evidence_action_id_corrective_action"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff.id"], name=op.f("fk_action_evidence_created_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_evidence")),
    )
    with op.batch_alter_table("action_evidence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_evidence_action_id"), ["action_id"], unique=False
        )

    op.create_table(
        "escalation_ticket",
        sa.Column("escalation_id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("ticket_id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("id", app.models.base.GUID(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["escalation_id"],
            ["escalation.id"],
            name=op.f("fk_escalation_ticket_escalation_id_escalation"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_escalation_ticket_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalation_ticket")),
        sa.UniqueConstraint(
            "escalation_id", "ticket_id", name=op.f("uq_escalation_ticket_escalation_id_ticket_id")
        ),
    )
    with op.batch_alter_table("escalation_ticket", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_escalation_ticket_ticket_id"), ["ticket_id"], unique=False
        )

    op.create_table(
        "meeting_ticket",
        sa.Column("meeting_id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("ticket_id", app.models.base.GUID(length=16), nullable=False),
        sa.Column("sort_key", sa.Integer(), nullable=False),
        sa.Column("id", app.models.base.GUID(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["retrospective_meeting.id"],
            name=op.f("fk_meeting_ticket_meeting_id_retrospective_meeting"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_meeting_ticket_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_ticket")),
        sa.UniqueConstraint(
            "meeting_id", "ticket_id", name=op.f("uq_meeting_ticket_meeting_id_ticket_id")
        ),
    )
    with op.batch_alter_table("meeting_ticket", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_ticket_ticket_id"), ["ticket_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("meeting_ticket", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_ticket_ticket_id"))

    op.drop_table("meeting_ticket")
    with op.batch_alter_table("escalation_ticket", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_escalation_ticket_ticket_id"))

    op.drop_table("escalation_ticket")
    with op.batch_alter_table("action_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_evidence_action_id"))

    op.drop_table("action_evidence")
    with op.batch_alter_table("typical_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_typical_case_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_typical_case_defect_category_id"))

    op.drop_table("typical_case")
    with op.batch_alter_table("printed_minutes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_printed_minutes_meeting_id"))

    op.drop_table("printed_minutes")
    with op.batch_alter_table("meeting_escalation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_escalation_escalation_id"))

    op.drop_table("meeting_escalation")
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_attendee_meeting_id"))

    op.drop_table("meeting_attendee")
    with op.batch_alter_table("escalation_event", schema=None) as batch_op:
        batch_op.drop_index("ix_escalation_event_escalation_seq")

    op.drop_table("escalation_event")
    with op.batch_alter_table("corrective_action", schema=None) as batch_op:
        batch_op.drop_index("ix_corrective_action_status_due")
        batch_op.drop_index("ix_corrective_action_owner_status")
        batch_op.drop_index(batch_op.f("ix_corrective_action_meeting_id"))

    op.drop_table("corrective_action")
    with op.batch_alter_table("retrospective_meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_retrospective_meeting_project_id"))

    op.drop_table("retrospective_meeting")
    with op.batch_alter_table("escalation", schema=None) as batch_op:
        batch_op.drop_index("ix_escalation_state_raised")
        batch_op.drop_index(batch_op.f("ix_escalation_project_id"))
        batch_op.drop_index(batch_op.f("ix_escalation_owner_id"))

    op.drop_table("escalation")
    op.drop_table("escalation_setting")
