"""Access rules and their metadata, resource locks (issue 4).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 10:06:41.364727
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('resource_locks',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=255), nullable=False),
    sa.Column('project_id', sa.String(length=255), nullable=False),
    sa.Column('lock_context', sa.String(length=10), nullable=False),
    sa.Column('resource_type', sa.String(length=255), nullable=False),
    sa.Column('resource_id', sa.String(length=36), nullable=False),
    sa.Column('resource_action', sa.String(length=255), nullable=False),
    sa.Column('lock_reason', sa.String(length=1023), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resource_locks'))
    )
    with op.batch_alter_table('resource_locks', schema=None) as batch_op:
        batch_op.create_index('ix_resource_locks_project_created', ['project_id', 'created_at'], unique=False)
        batch_op.create_index('ix_resource_locks_resource', ['resource_id', 'resource_action'], unique=False)

    op.create_table('share_access_rules',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('share_id', sa.String(length=36), nullable=False),
    sa.Column('access_type', sa.String(length=255), nullable=False),
    sa.Column('access_to', sa.String(length=255), nullable=False),
    sa.Column('access_level', sa.String(length=2), nullable=False),
    sa.Column('state', sa.String(length=32), nullable=False),
    sa.Column('access_key', sa.String(length=255), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['share_id'], ['shares.id'], name=op.f('fk_share_access_rules_share_id_shares'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_access_rules'))
    )
    with op.batch_alter_table('share_access_rules', schema=None) as batch_op:
        batch_op.create_index('ix_share_access_rules_share_created', ['share_id', 'created_at'], unique=False)

    op.create_table('share_access_rule_metadata',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('access_id', sa.String(length=36), nullable=False),
    sa.Column('meta_key', sa.String(length=255), nullable=False),
    sa.Column('meta_value', sa.String(length=1023), nullable=False),
    sa.ForeignKeyConstraint(['access_id'], ['share_access_rules.id'], name=op.f('fk_share_access_rule_metadata_access_id_share_access_rules'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_access_rule_metadata')),
    sa.UniqueConstraint('access_id', 'meta_key', name=op.f('uq_share_access_rule_metadata_access_id'))
    )
    with op.batch_alter_table('share_access_rule_metadata', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_access_rule_metadata_access_id'), ['access_id'], unique=False)
