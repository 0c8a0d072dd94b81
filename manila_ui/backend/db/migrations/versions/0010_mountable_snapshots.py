"""Mountable snapshots (2.32): their export locations and access rules.

Revision ID: 0010_mountable_snapshots
Revises: 0009_share_backups_qos_types
Create Date: 2026-12-07 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010_mountable_snapshots'
down_revision = '0009_share_backups_qos_types'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('share_snapshot_export_locations',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('snapshot_id', sa.String(length=36), nullable=False),
    sa.Column('path', sa.String(length=2000), nullable=False),
    sa.Column('is_admin_only', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['snapshot_id'], ['share_snapshots.id'], name=op.f('fk_share_snapshot_export_locations_snapshot_id_share_snapshots'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_snapshot_export_locations'))
    )
    with op.batch_alter_table('share_snapshot_export_locations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_snapshot_export_locations_snapshot_id'), ['snapshot_id'], unique=False)

    op.create_table('share_snapshot_access_rules',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('snapshot_id', sa.String(length=36), nullable=False),
    sa.Column('access_type', sa.String(length=255), nullable=False),
    sa.Column('access_to', sa.String(length=255), nullable=False),
    sa.Column('state', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['snapshot_id'], ['share_snapshots.id'], name=op.f('fk_share_snapshot_access_rules_snapshot_id_share_snapshots'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_snapshot_access_rules'))
    )
    with op.batch_alter_table('share_snapshot_access_rules', schema=None) as batch_op:
        batch_op.create_index('ix_share_snapshot_access_rules_snapshot', ['snapshot_id', 'created_at'], unique=False)
