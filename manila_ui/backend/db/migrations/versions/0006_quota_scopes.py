"""Quota scopes (per user, per share type), quota classes, the size a growing
share will have, and the covering indexes quota counting reads.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nothing references ``quotas``: SQLite may recreate it to swap the
    # unique constraint.
    with op.batch_alter_table('quotas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('user_id', sa.String(length=255), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('share_type_id', sa.String(length=36),
                                      nullable=False, server_default=''))
        batch_op.drop_constraint('uq_quotas_project_id', type_='unique')
        batch_op.create_unique_constraint(
            'uq_quotas_scope_resource',
            ['project_id', 'user_id', 'share_type_id', 'resource'])

    op.create_table('quota_classes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('class_name', sa.String(length=255), nullable=False),
    sa.Column('resource', sa.String(length=255), nullable=False),
    sa.Column('hard_limit', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quota_classes')),
    sa.UniqueConstraint('class_name', 'resource', name='uq_quota_classes_class_resource')
    )

    # Never recreate ``shares`` on SQLite: dropping the old table would
    # cascade to its metadata and export locations.
    with op.batch_alter_table('shares', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('pending_size', sa.Integer(), nullable=True))
        batch_op.create_index('ix_shares_quota', [
            'project_id', 'share_type_id', 'user_id', 'status', 'size',
            'pending_size', 'replication_type'], unique=False)
    with op.batch_alter_table('share_snapshots', schema=None, recreate='never') as batch_op:
        batch_op.create_index('ix_share_snapshots_quota', [
            'project_id', 'user_id', 'status', 'size', 'share_id'], unique=False)
