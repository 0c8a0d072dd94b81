"""Snapshots and their metadata, share transfers, export location metadata,
the recycle bin columns of shares.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 09:54:34.365876
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('share_snapshots',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=255), nullable=False),
    sa.Column('user_id', sa.String(length=255), nullable=False),
    sa.Column('share_id', sa.String(length=36), nullable=False),
    sa.Column('display_name', sa.String(length=255), nullable=True),
    sa.Column('display_description', sa.String(length=255), nullable=True),
    sa.Column('size', sa.Integer(), nullable=True),
    sa.Column('share_size', sa.Integer(), nullable=False),
    sa.Column('share_proto', sa.String(length=255), nullable=False),
    sa.Column('status', sa.String(length=255), nullable=False),
    sa.Column('progress', sa.String(length=32), nullable=True),
    sa.Column('provider_location', sa.String(length=255), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_snapshots'))
    )
    with op.batch_alter_table('share_snapshots', schema=None) as batch_op:
        batch_op.create_index('ix_share_snapshots_project_created', ['project_id', 'created_at', 'id'], unique=False)
        batch_op.create_index('ix_share_snapshots_share_created', ['share_id', 'created_at'], unique=False)

    op.create_table('share_transfers',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('resource_type', sa.String(length=255), nullable=False),
    sa.Column('resource_id', sa.String(length=36), nullable=False),
    sa.Column('display_name', sa.String(length=255), nullable=True),
    sa.Column('salt', sa.String(length=255), nullable=False),
    sa.Column('crypt_hash', sa.String(length=255), nullable=False),
    sa.Column('source_project_id', sa.String(length=255), nullable=False),
    sa.Column('destination_project_id', sa.String(length=255), nullable=True),
    sa.Column('accepted', sa.Boolean(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_transfers')),
    sa.UniqueConstraint('resource_id', name=op.f('uq_share_transfers_resource_id'))
    )
    with op.batch_alter_table('share_transfers', schema=None) as batch_op:
        batch_op.create_index('ix_share_transfers_source', ['source_project_id'], unique=False)

    op.create_table('share_snapshot_metadata',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('snapshot_id', sa.String(length=36), nullable=False),
    sa.Column('meta_key', sa.String(length=255), nullable=False),
    sa.Column('meta_value', sa.String(length=1023), nullable=False),
    sa.ForeignKeyConstraint(['snapshot_id'], ['share_snapshots.id'], name=op.f('fk_share_snapshot_metadata_snapshot_id_share_snapshots'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_snapshot_metadata')),
    sa.UniqueConstraint('snapshot_id', 'meta_key', name=op.f('uq_share_snapshot_metadata_snapshot_id'))
    )
    with op.batch_alter_table('share_snapshot_metadata', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_snapshot_metadata_snapshot_id'), ['snapshot_id'], unique=False)

    op.create_table('export_location_metadata',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('export_location_id', sa.String(length=36), nullable=False),
    sa.Column('meta_key', sa.String(length=255), nullable=False),
    sa.Column('meta_value', sa.String(length=1023), nullable=False),
    sa.ForeignKeyConstraint(['export_location_id'], ['export_locations.id'], name=op.f('fk_export_location_metadata_export_location_id_export_locations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_export_location_metadata')),
    sa.UniqueConstraint('export_location_id', 'meta_key', name=op.f('uq_export_location_metadata_export_location_id'))
    )
    with op.batch_alter_table('export_location_metadata', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_export_location_metadata_export_location_id'), ['export_location_id'], unique=False)

    # Never recreate ``shares`` on SQLite: dropping the old table would
    # cascade to its metadata and export locations.
    with op.batch_alter_table('shares', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('is_soft_deleted', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('scheduled_to_be_deleted_at', sa.DateTime(), nullable=True))

