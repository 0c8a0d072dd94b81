"""Share groups (GA 2.55): group types with their specs, share types and
projects; groups and their share types; group snapshots and their members;
the group of a share.

Revision ID: 0008_share_groups
Revises: 0007
Create Date: 2026-12-07 22:19:13.988318
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008_share_groups'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('share_group_snapshots',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=255), nullable=False),
    sa.Column('user_id', sa.String(length=255), nullable=False),
    sa.Column('share_group_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=True),
    sa.Column('description', sa.String(length=255), nullable=True),
    sa.Column('status', sa.String(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_group_snapshots'))
    )
    with op.batch_alter_table('share_group_snapshots', schema=None) as batch_op:
        batch_op.create_index('ix_share_group_snapshots_created', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_share_group_snapshots_group', ['share_group_id'], unique=False)
        batch_op.create_index('ix_share_group_snapshots_project_created', ['project_id', 'created_at', 'id'], unique=False)
        batch_op.create_index('ix_share_group_snapshots_quota', ['project_id', 'user_id'], unique=False)

    op.create_table('share_group_types',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('is_public', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_group_types')),
    sa.UniqueConstraint('name', name=op.f('uq_share_group_types_name'))
    )
    op.create_table('share_groups',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=255), nullable=False),
    sa.Column('user_id', sa.String(length=255), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=True),
    sa.Column('description', sa.String(length=255), nullable=True),
    sa.Column('status', sa.String(length=255), nullable=False),
    sa.Column('host', sa.String(length=255), nullable=True),
    sa.Column('share_group_type_id', sa.String(length=36), nullable=True),
    sa.Column('share_network_id', sa.String(length=36), nullable=True),
    sa.Column('share_server_id', sa.String(length=36), nullable=True),
    sa.Column('availability_zone_id', sa.String(length=36), nullable=True),
    sa.Column('source_share_group_snapshot_id', sa.String(length=36), nullable=True),
    sa.Column('consistent_snapshot_support', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_groups'))
    )
    with op.batch_alter_table('share_groups', schema=None) as batch_op:
        batch_op.create_index('ix_share_groups_created', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_share_groups_project_created', ['project_id', 'created_at', 'id'], unique=False)
        batch_op.create_index('ix_share_groups_quota', ['project_id', 'user_id'], unique=False)
        batch_op.create_index('ix_share_groups_type', ['share_group_type_id'], unique=False)

    op.create_table('share_group_share_types',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('share_group_id', sa.String(length=36), nullable=False),
    sa.Column('share_type_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['share_group_id'], ['share_groups.id'], name=op.f('fk_share_group_share_types_share_group_id_share_groups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_group_share_types')),
    sa.UniqueConstraint('share_group_id', 'share_type_id', name=op.f('uq_share_group_share_types_share_group_id'))
    )
    with op.batch_alter_table('share_group_share_types', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_group_share_types_share_type_id'), ['share_type_id'], unique=False)

    op.create_table('share_group_snapshot_members',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('share_group_snapshot_id', sa.String(length=36), nullable=False),
    sa.Column('share_id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=255), nullable=False),
    sa.Column('user_id', sa.String(length=255), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('share_proto', sa.String(length=255), nullable=False),
    sa.Column('status', sa.String(length=255), nullable=False),
    sa.Column('provider_location', sa.String(length=255), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['share_group_snapshot_id'], ['share_group_snapshots.id'], name=op.f('fk_share_group_snapshot_members_share_group_snapshot_id_share_group_snapshots'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_group_snapshot_members'))
    )
    with op.batch_alter_table('share_group_snapshot_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_group_snapshot_members_share_group_snapshot_id'), ['share_group_snapshot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_share_group_snapshot_members_share_id'), ['share_id'], unique=False)

    op.create_table('share_group_type_projects',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('share_group_type_id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=255), nullable=False),
    sa.ForeignKeyConstraint(['share_group_type_id'], ['share_group_types.id'], name=op.f('fk_share_group_type_projects_share_group_type_id_share_group_types'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_group_type_projects')),
    sa.UniqueConstraint('share_group_type_id', 'project_id', name=op.f('uq_share_group_type_projects_share_group_type_id'))
    )
    with op.batch_alter_table('share_group_type_projects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_group_type_projects_project_id'), ['project_id'], unique=False)

    op.create_table('share_group_type_share_types',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('share_group_type_id', sa.String(length=36), nullable=False),
    sa.Column('share_type_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['share_group_type_id'], ['share_group_types.id'], name=op.f('fk_share_group_type_share_types_share_group_type_id_share_group_types'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_group_type_share_types')),
    sa.UniqueConstraint('share_group_type_id', 'share_type_id', name=op.f('uq_share_group_type_share_types_share_group_type_id'))
    )
    with op.batch_alter_table('share_group_type_share_types', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_group_type_share_types_share_type_id'), ['share_type_id'], unique=False)

    op.create_table('share_group_type_specs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('share_group_type_id', sa.String(length=36), nullable=False),
    sa.Column('spec_key', sa.String(length=255), nullable=False),
    sa.Column('spec_value', sa.String(length=255), nullable=False),
    sa.ForeignKeyConstraint(['share_group_type_id'], ['share_group_types.id'], name=op.f('fk_share_group_type_specs_share_group_type_id_share_group_types'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_group_type_specs')),
    sa.UniqueConstraint('share_group_type_id', 'spec_key', name=op.f('uq_share_group_type_specs_share_group_type_id'))
    )
    with op.batch_alter_table('share_group_type_specs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_group_type_specs_share_group_type_id'), ['share_group_type_id'], unique=False)

    with op.batch_alter_table('shares', schema=None) as batch_op:
        batch_op.add_column(sa.Column('share_group_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('source_share_group_snapshot_member_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_shares_share_group_id'), ['share_group_id'], unique=False)

