"""The projects that may use a private share type.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('share_type_projects',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('share_type_id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=255), nullable=False),
    sa.ForeignKeyConstraint(['share_type_id'], ['share_types.id'], name=op.f('fk_share_type_projects_share_type_id_share_types'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_type_projects')),
    sa.UniqueConstraint('share_type_id', 'project_id', name=op.f('uq_share_type_projects_share_type_id'))
    )
    with op.batch_alter_table('share_type_projects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_type_projects_project_id'), ['project_id'], unique=False)

