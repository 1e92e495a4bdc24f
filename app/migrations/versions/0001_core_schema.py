"""core schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-24 01:29:26.297210
"""

import sqlalchemy as sa
from alembic import op

import app.models.base


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_meta'))
    )
    op.create_table('customer',
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('alt_phone', sa.String(length=30), nullable=False),
    sa.Column('preferences', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer'))
    )
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_phone'), ['phone'], unique=False)

    op.create_table('defect_category',
    sa.Column('project_type', sa.String(length=20), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('building_part', sa.String(length=30), nullable=False),
    sa.Column('sort_key', sa.Integer(), nullable=False),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_defect_category')),
    sa.UniqueConstraint('project_type', 'code', name=op.f('uq_defect_category_project_type_code'))
    )
    op.create_table('org_unit',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('parent_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('trades', sa.String(length=200), nullable=False),
    sa.Column('contact_name', sa.String(length=50), nullable=False),
    sa.Column('contact_phone', sa.String(length=30), nullable=False),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['org_unit.id'], name=op.f('fk_org_unit_parent_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_unit'))
    )
    with op.batch_alter_table('org_unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_unit_kind'), ['kind'], unique=False)

    op.create_table('ticket_counter',
    sa.Column('installation_code', sa.String(length=8), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('installation_code', 'year', name=op.f('pk_ticket_counter'))
    )
    op.create_table('staff',
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('org_unit_id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_staff_org_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff'))
    )
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_org_unit_id'), ['org_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_role'), ['role'], unique=False)

    op.create_table('project',
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('project_dept_id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('manager_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('handover_date', sa.Date(), nullable=False),
    sa.Column('delivery_date', sa.Date(), nullable=True),
    sa.Column('design_service_life_years', sa.Integer(), nullable=False),
    sa.Column('heating_season_start', sa.String(length=5), nullable=False),
    sa.Column('heating_season_end', sa.String(length=5), nullable=False),
    sa.Column('cooling_season_start', sa.String(length=5), nullable=False),
    sa.Column('cooling_season_end', sa.String(length=5), nullable=False),
    sa.Column('sla_emergency_hours', sa.Integer(), nullable=False),
    sa.Column('sla_urgent_hours', sa.Integer(), nullable=False),
    sa.Column('sla_normal_hours', sa.Integer(), nullable=False),
    sa.Column('repair_days', sa.Integer(), nullable=False),
    sa.Column('cost_rule', sa.Text(), nullable=False),
    sa.Column('retention_amount_fen', sa.Integer(), nullable=False),
    sa.Column('retention_release_date', sa.Date(), nullable=True),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['manager_id'], ['staff.id'], name=op.f('fk_project_manager_id_staff')),
    sa.ForeignKeyConstraint(['project_dept_id'], ['org_unit.id'], name=op.f('fk_project_project_dept_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project')),
    sa.UniqueConstraint('code', name=op.f('uq_project_code'))
    )
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_project_dept_id'), ['project_dept_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_type'), ['type'], unique=False)

    op.create_table('location',
    sa.Column('project_id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('parent_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('sort_key', sa.Integer(), nullable=False),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['location.id'], name=op.f('fk_location_parent_id_location')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_location_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_location'))
    )
    with op.batch_alter_table('location', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_location_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_location_project_id'), ['project_id'], unique=False)

    op.create_table('project_subcontractor',
    sa.Column('project_id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('org_unit_id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('trade', sa.String(length=50), nullable=False),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_project_subcontractor_org_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_subcontractor_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_subcontractor')),
    sa.UniqueConstraint('project_id', 'org_unit_id', 'trade', name=op.f('uq_project_subcontractor_project_id_org_unit_id_trade'))
    )
    with op.batch_alter_table('project_subcontractor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_subcontractor_project_id'), ['project_id'], unique=False)

    op.create_table('warranty_term',
    sa.Column('project_id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('building_part', sa.String(length=30), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_warranty_term_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_warranty_term')),
    sa.UniqueConstraint('project_id', 'building_part', name=op.f('uq_warranty_term_project_id_building_part'))
    )
    with op.batch_alter_table('warranty_term', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_warranty_term_project_id'), ['project_id'], unique=False)

    op.create_table('ticket',
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('urgency', sa.Integer(), nullable=False),
    sa.Column('project_id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('location_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('location_label', sa.String(length=200), nullable=False),
    sa.Column('customer_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('reporter_name', sa.String(length=50), nullable=False),
    sa.Column('reporter_phone', sa.String(length=30), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('reported_at', sa.DateTime(), nullable=False),
    sa.Column('registered_by_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('owner_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('response_due_at', sa.DateTime(), nullable=True),
    sa.Column('responded_at', sa.DateTime(), nullable=True),
    sa.Column('arrival_due_at', sa.DateTime(), nullable=True),
    sa.Column('arrived_at', sa.DateTime(), nullable=True),
    sa.Column('completion_due_at', sa.DateTime(), nullable=True),
    sa.Column('completed_at', sa.DateTime(), nullable=True),
    sa.Column('paused_since', sa.DateTime(), nullable=True),
    sa.Column('paused_minutes', sa.Integer(), nullable=False),
    sa.Column('cause', sa.String(length=30), nullable=True),
    sa.Column('defect_category_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('building_part', sa.String(length=30), nullable=True),
    sa.Column('structural_safety', sa.Boolean(), nullable=False),
    sa.Column('report_to_authority', sa.Boolean(), nullable=False),
    sa.Column('responsible_party', sa.String(length=20), nullable=True),
    sa.Column('responsible_org_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('coverage', sa.String(length=20), nullable=True),
    sa.Column('coverage_end_date', sa.Date(), nullable=True),
    sa.Column('coverage_reason', sa.Text(), nullable=False),
    sa.Column('diagnosed_at', sa.DateTime(), nullable=True),
    sa.Column('not_covered_reason', sa.Text(), nullable=False),
    sa.Column('not_covered_approved_by_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('paid_repair_offered', sa.Boolean(), nullable=False),
    sa.Column('plan_people', sa.String(length=200), nullable=False),
    sa.Column('plan_duration_hours', sa.Double(), nullable=True),
    sa.Column('plan_safety_measures', sa.Text(), nullable=False),
    sa.Column('plan_appointment_at', sa.DateTime(), nullable=True),
    sa.Column('plan_sop_ref', sa.String(length=100), nullable=False),
    sa.Column('plan_by_design_unit', sa.Boolean(), nullable=False),
    sa.Column('planned_at', sa.DateTime(), nullable=True),
    sa.Column('acceptance_result', sa.String(length=10), nullable=True),
    sa.Column('acceptance_comment', sa.Text(), nullable=False),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('satisfaction_comment', sa.Text(), nullable=False),
    sa.Column('accepted_at', sa.DateTime(), nullable=True),
    sa.Column('follow_up_due_on', sa.Date(), nullable=True),
    sa.Column('followed_up_at', sa.DateTime(), nullable=True),
    sa.Column('follow_up_result', sa.Text(), nullable=False),
    sa.Column('archived_at', sa.DateTime(), nullable=True),
    sa.Column('cancel_reason', sa.Text(), nullable=False),
    sa.Column('duplicate_of_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('rework_count', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_ticket_customer_id_customer')),
    sa.ForeignKeyConstraint(['defect_category_id'], ['defect_category.id'], name=op.f('fk_ticket_defect_category_id_defect_category')),
    sa.ForeignKeyConstraint(['duplicate_of_id'], ['ticket.id'], name=op.f('fk_ticket_duplicate_of_id_ticket')),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], name=op.f('fk_ticket_location_id_location')),
    sa.ForeignKeyConstraint(['not_covered_approved_by_id'], ['staff.id'], name=op.f('fk_ticket_not_covered_approved_by_id_staff')),
    sa.ForeignKeyConstraint(['owner_id'], ['staff.id'], name=op.f('fk_ticket_owner_id_staff')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_ticket_project_id_project')),
    sa.ForeignKeyConstraint(['registered_by_id'], ['staff.id'], name=op.f('fk_ticket_registered_by_id_staff')),
    sa.ForeignKeyConstraint(['responsible_org_id'], ['org_unit.id'], name=op.f('fk_ticket_responsible_org_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket')),
    sa.UniqueConstraint('number', name=op.f('uq_ticket_number'))
    )
    with op.batch_alter_table('ticket', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ticket_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ticket_location_id'), ['location_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ticket_location_label'), ['location_label'], unique=False)
        batch_op.create_index(batch_op.f('ix_ticket_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index('ix_ticket_project_category_reported', ['project_id', 'defect_category_id', 'reported_at'], unique=False)
        batch_op.create_index('ix_ticket_project_reported', ['project_id', 'reported_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_ticket_reported_at'), ['reported_at'], unique=False)
        batch_op.create_index('ix_ticket_state_reported', ['state', 'reported_at'], unique=False)
        batch_op.create_index('ix_ticket_urgency_reported', ['urgency', 'reported_at'], unique=False)

    op.create_table('unit_ownership',
    sa.Column('customer_id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('location_id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_unit_ownership_customer_id_customer')),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], name=op.f('fk_unit_ownership_location_id_location')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_ownership'))
    )
    with op.batch_alter_table('unit_ownership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_ownership_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_ownership_location_id'), ['location_id'], unique=False)

    op.create_table('plan_material',
    sa.Column('ticket_id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('spec', sa.String(length=100), nullable=False),
    sa.Column('quantity', sa.Double(), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('sort_key', sa.Integer(), nullable=False),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_plan_material_ticket_id_ticket')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_material'))
    )
    with op.batch_alter_table('plan_material', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_material_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('signature',
    sa.Column('ticket_id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('signer_role', sa.String(length=20), nullable=False),
    sa.Column('signer_name', sa.String(length=50), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('image_sha256', sa.String(length=64), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['staff.id'], name=op.f('fk_signature_created_by_id_staff')),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_signature_ticket_id_ticket')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signature'))
    )
    with op.batch_alter_table('signature', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signature_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('ticket_event',
    sa.Column('ticket_id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['staff.id'], name=op.f('fk_ticket_event_actor_id_staff')),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_ticket_event_ticket_id_ticket')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_event'))
    )
    with op.batch_alter_table('ticket_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ticket_event_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('work_log',
    sa.Column('ticket_id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('people', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('materials_used', sa.Text(), nullable=False),
    sa.Column('author_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['staff.id'], name=op.f('fk_work_log_author_id_staff')),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_work_log_ticket_id_ticket')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_log'))
    )
    with op.batch_alter_table('work_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_log_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('attachment',
    sa.Column('ticket_id', app.models.base.GUID(length=16), nullable=False),
    sa.Column('work_log_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('mime_type', sa.String(length=100), nullable=False),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('caption', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', app.models.base.GUID(length=16), nullable=True),
    sa.Column('id', app.models.base.GUID(length=16), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['staff.id'], name=op.f('fk_attachment_created_by_id_staff')),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_attachment_ticket_id_ticket')),
    sa.ForeignKeyConstraint(['work_log_id'], ['work_log.id'], name=op.f('fk_attachment_work_log_id_work_log')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_ticket_id'), ['ticket_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_ticket_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_sha256'))

    op.drop_table('attachment')
    with op.batch_alter_table('work_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_log_ticket_id'))

    op.drop_table('work_log')
    with op.batch_alter_table('ticket_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ticket_event_ticket_id'))

    op.drop_table('ticket_event')
    with op.batch_alter_table('signature', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signature_ticket_id'))

    op.drop_table('signature')
    with op.batch_alter_table('plan_material', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_material_ticket_id'))

    op.drop_table('plan_material')
    with op.batch_alter_table('unit_ownership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_ownership_location_id'))
        batch_op.drop_index(batch_op.f('ix_unit_ownership_customer_id'))

    op.drop_table('unit_ownership')
    with op.batch_alter_table('ticket', schema=None) as batch_op:
        batch_op.drop_index('ix_ticket_urgency_reported')
        batch_op.drop_index('ix_ticket_state_reported')
        batch_op.drop_index(batch_op.f('ix_ticket_reported_at'))
        batch_op.drop_index('ix_ticket_project_reported')
        batch_op.drop_index('ix_ticket_project_category_reported')
        batch_op.drop_index(batch_op.f('ix_ticket_owner_id'))
        batch_op.drop_index(batch_op.f('ix_ticket_location_label'))
        batch_op.drop_index(batch_op.f('ix_ticket_location_id'))
        batch_op.drop_index(batch_op.f('ix_ticket_customer_id'))

    op.drop_table('ticket')
    with op.batch_alter_table('warranty_term', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_warranty_term_project_id'))

    op.drop_table('warranty_term')
    with op.batch_alter_table('project_subcontractor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_subcontractor_project_id'))

    op.drop_table('project_subcontractor')
    with op.batch_alter_table('location', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_location_project_id'))
        batch_op.drop_index(batch_op.f('ix_location_parent_id'))

    op.drop_table('location')
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_type'))
        batch_op.drop_index(batch_op.f('ix_project_project_dept_id'))

    op.drop_table('project')
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_role'))
        batch_op.drop_index(batch_op.f('ix_staff_org_unit_id'))

    op.drop_table('staff')
    op.drop_table('ticket_counter')
    with op.batch_alter_table('org_unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_unit_kind'))

    op.drop_table('org_unit')
    op.drop_table('defect_category')
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_phone'))
        batch_op.drop_index(batch_op.f('ix_customer_name'))

    op.drop_table('customer')
    op.drop_table('app_meta')
