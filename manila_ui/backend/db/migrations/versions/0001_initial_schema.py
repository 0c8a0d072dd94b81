"""Initial schema: share types, availability zones, shares (+ metadata and
export locations), user messages, quota overrides, the operation queue.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 09:02:55.769388
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('availability_zones',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_availability_zones')),
    sa.UniqueConstraint('name', name=op.f('uq_availability_zones_name'))
    )
    op.create_table('messages',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=255), nullable=False),
    sa.Column('request_id', sa.String(length=255), nullable=True),
    sa.Column('resource_type', sa.String(length=255), nullable=False),
    sa.Column('resource_id', sa.String(length=36), nullable=True),
    sa.Column('action_id', sa.String(length=10), nullable=False),
    sa.Column('detail_id', sa.String(length=10), nullable=False),
    sa.Column('message_level', sa.String(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_messages'))
    )
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.create_index('ix_messages_project_created', ['project_id', 'created_at'], unique=False)
        batch_op.create_index('ix_messages_resource', ['resource_type', 'resource_id'], unique=False)

    op.create_table('operations',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('resource_id', sa.String(length=36), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('request_id', sa.String(length=255), nullable=True),
    sa.Column('run_after', sa.Float(), nullable=False),
    sa.Column('lease_owner', sa.String(length=255), nullable=True),
    sa.Column('lease_until', sa.Float(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_operations'))
    )
    with op.batch_alter_table('operations', schema=None) as batch_op:
        batch_op.create_index('ix_operations_due', ['run_after', 'id'], unique=False)

    op.create_table('quotas',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('project_id', sa.String(length=255), nullable=False),
    sa.Column('resource', sa.String(length=255), nullable=False),
    sa.Column('hard_limit', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotas')),
    sa.UniqueConstraint('project_id', 'resource', name=op.f('uq_quotas_project_id'))
    )
    op.create_table('share_types',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('description', sa.String(length=255), nullable=True),
    sa.Column('is_public', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_types')),
    sa.UniqueConstraint('name', name=op.f('uq_share_types_name'))
    )
    op.create_table('share_type_extra_specs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('share_type_id', sa.String(length=36), nullable=False),
    sa.Column('spec_key', sa.String(length=255), nullable=False),
    sa.Column('spec_value', sa.String(length=1023), nullable=False),
    sa.ForeignKeyConstraint(['share_type_id'], ['share_types.id'], name=op.f('fk_share_type_extra_specs_share_type_id_share_types'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_type_extra_specs')),
    sa.UniqueConstraint('share_type_id', 'spec_key', name=op.f('uq_share_type_extra_specs_share_type_id'))
    )
    with op.batch_alter_table('share_type_extra_specs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_type_extra_specs_share_type_id'), ['share_type_id'], unique=False)

    op.create_table('shares',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=255), nullable=False),
    sa.Column('user_id', sa.String(length=255), nullable=False),
    sa.Column('display_name', sa.String(length=255), nullable=True),
    sa.Column('display_description', sa.String(length=255), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('share_proto', sa.String(length=255), nullable=False),
    sa.Column('status', sa.String(length=255), nullable=False),
    sa.Column('task_state', sa.String(length=255), nullable=True),
    sa.Column('access_rules_status', sa.String(length=255), nullable=False),
    sa.Column('progress', sa.String(length=32), nullable=True),
    sa.Column('is_public', sa.Boolean(), nullable=False),
    sa.Column('share_type_id', sa.String(length=36), nullable=True),
    sa.Column('availability_zone', sa.String(length=255), nullable=True),
    sa.Column('host', sa.String(length=255), nullable=True),
    sa.Column('snapshot_id', sa.String(length=36), nullable=True),
    sa.Column('share_network_id', sa.String(length=36), nullable=True),
    sa.Column('share_server_id', sa.String(length=36), nullable=True),
    sa.Column('snapshot_support', sa.Boolean(), nullable=True),
    sa.Column('create_share_from_snapshot_support', sa.Boolean(), nullable=True),
    sa.Column('revert_to_snapshot_support', sa.Boolean(), nullable=True),
    sa.Column('mount_snapshot_support', sa.Boolean(), nullable=True),
    sa.Column('snapshot_inherit_share_access_support', sa.Boolean(), nullable=True),
    sa.Column('replication_type', sa.String(length=255), nullable=True),
    sa.Column('launched_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['share_type_id'], ['share_types.id'], name=op.f('fk_shares_share_type_id_share_types')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shares'))
    )
    with op.batch_alter_table('shares', schema=None) as batch_op:
        batch_op.create_index('ix_shares_created', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_shares_host', ['host'], unique=False)
        batch_op.create_index('ix_shares_project_created', ['project_id', 'created_at', 'id'], unique=False)
        batch_op.create_index('ix_shares_project_name', ['project_id', 'display_name'], unique=False)
        batch_op.create_index('ix_shares_project_status', ['project_id', 'status'], unique=False)
        batch_op.create_index('ix_shares_share_type_id', ['share_type_id'], unique=False)

    op.create_table('export_locations',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('share_id', sa.String(length=36), nullable=False),
    sa.Column('path', sa.String(length=2000), nullable=False),
    sa.Column('is_admin_only', sa.Boolean(), nullable=False),
    sa.Column('preferred', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['share_id'], ['shares.id'], name=op.f('fk_export_locations_share_id_shares'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_export_locations'))
    )
    with op.batch_alter_table('export_locations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_export_locations_share_id'), ['share_id'], unique=False)

    op.create_table('share_metadata',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('share_id', sa.String(length=36), nullable=False),
    sa.Column('meta_key', sa.String(length=255), nullable=False),
    sa.Column('meta_value', sa.String(length=1023), nullable=False),
    sa.ForeignKeyConstraint(['share_id'], ['shares.id'], name=op.f('fk_share_metadata_share_id_shares'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_metadata')),
    sa.UniqueConstraint('share_id', 'meta_key', name=op.f('uq_share_metadata_share_id'))
    )
    with op.batch_alter_table('share_metadata', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_metadata_share_id'), ['share_id'], unique=False)

