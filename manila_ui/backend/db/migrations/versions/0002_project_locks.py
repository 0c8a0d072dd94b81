"""Project lock rows: concurrent quota checks of one project take turns on a
server database.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 09:32:04.870598
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('project_locks',
    sa.Column('project_id', sa.String(length=255), nullable=False),
    sa.PrimaryKeyConstraint('project_id', name=op.f('pk_project_locks'))
    )
