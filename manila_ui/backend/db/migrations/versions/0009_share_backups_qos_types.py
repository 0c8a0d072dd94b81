"""Share backups (2.80) and QoS types with their specs (2.94); a share's
source backup and QoS type.

Revision ID: 0009_share_backups_qos_types
Revises: 0008_share_groups
Create Date: 2026-12-07 23:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009_share_backups_qos_types'
down_revision = '0008_share_groups'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('share_backups',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=255), nullable=False),
    sa.Column('user_id', sa.String(length=255), nullable=False),
    sa.Column('share_id', sa.String(length=36), nullable=False),
    sa.Column('display_name', sa.String(length=255), nullable=True),
    sa.Column('display_description', sa.String(length=255), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=255), nullable=False),
    sa.Column('progress', sa.String(length=32), nullable=True),
    sa.Column('restore_progress', sa.String(length=32), nullable=True),
    sa.Column('availability_zone', sa.String(length=255), nullable=True),
    sa.Column('host', sa.String(length=255), nullable=True),
    sa.Column('topic', sa.String(length=255), nullable=True),
    sa.Column('backup_type', sa.String(length=32), nullable=True),
    sa.Column('content', sa.String(length=1023), nullable=True),
    sa.Column('fail_reason', sa.String(length=1023), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_backups'))
    )
    with op.batch_alter_table('share_backups', schema=None) as batch_op:
        batch_op.create_index('ix_share_backups_project_created',
                              ['project_id', 'created_at', 'id'], unique=False)
        batch_op.create_index('ix_share_backups_share_id', ['share_id'], unique=False)
        batch_op.create_index('ix_share_backups_quota', ['project_id', 'user_id', 'size'],
                              unique=False)

    op.create_table('qos_types',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('description', sa.String(length=255), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qos_types')),
    sa.UniqueConstraint('name', name=op.f('uq_qos_types_name'))
    )
    op.create_table('qos_type_specs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('qos_type_id', sa.String(length=36), nullable=False),
    sa.Column('spec_key', sa.String(length=255), nullable=False),
    sa.Column('spec_value', sa.String(length=1023), nullable=False),
    sa.ForeignKeyConstraint(['qos_type_id'], ['qos_types.id'],
                            name=op.f('fk_qos_type_specs_qos_type_id_qos_types'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qos_type_specs')),
    sa.UniqueConstraint('qos_type_id', 'spec_key',
                        name=op.f('uq_qos_type_specs_qos_type_id'))
    )
    with op.batch_alter_table('qos_type_specs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_qos_type_specs_qos_type_id'), ['qos_type_id'],
                              unique=False)

    # Never recreate ``shares`` on SQLite: dropping the old table would
    # cascade to its metadata and export locations.
    with op.batch_alter_table('shares', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('source_backup_id', sa.String(length=36),
                                      nullable=True))
        batch_op.add_column(sa.Column('qos_type_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_shares_qos_type_id'), ['qos_type_id'],
                              unique=False)
