"""Indexes for the list pages at 10,000 rows: the admin's snapshot list in
date order (it scanned and sorted the whole table for each page), and the
counts of ``with_count`` over the shares outside the recycle bin (one
project's, and every project's) read from an index alone.

Revision ID: 0013_list_indexes
Revises: 0012_share_instances
Create Date: 2026-12-08 05:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0013_list_indexes'
down_revision = '0012_share_instances'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_share_snapshots_created', 'share_snapshots',
                    ['created_at', 'id'], unique=False)
    op.create_index('ix_shares_project_bin', 'shares',
                    ['project_id', 'is_soft_deleted', 'created_at', 'id'], unique=False)
    op.create_index('ix_shares_bin_created', 'shares',
                    ['is_soft_deleted', 'created_at', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_shares_bin_created', table_name='shares')
    op.drop_index('ix_shares_project_bin', table_name='shares')
    op.drop_index('ix_share_snapshots_created', table_name='share_snapshots')
