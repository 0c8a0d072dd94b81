"""Share instances (replicas, migration destinations), their metadata and
export locations, snapshot instances, the share's ``has_replicas``, and
running share migrations.

Every existing share gets its primary instance (``active`` when its type is
replicated), every snapshot its instance on it, and every export location
the primary instance's id.

Revision ID: 0012_share_instances
Revises: 0011_services
Create Date: 2026-12-08 10:00:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = '0012_share_instances'
down_revision = '0011_services'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'share_instances',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('share_id', sa.String(length=36), nullable=False),
        sa.Column('is_primary', sa.Boolean(), nullable=False),
        sa.Column('replica_state', sa.String(length=255), nullable=True),
        sa.Column('cast_rules_to_readonly', sa.Boolean(), nullable=False),
        sa.Column('status', sa.String(length=255), nullable=True),
        sa.Column('host', sa.String(length=255), nullable=True),
        sa.Column('availability_zone', sa.String(length=255), nullable=True),
        sa.Column('share_network_id', sa.String(length=36), nullable=True),
        sa.Column('share_server_id', sa.String(length=36), nullable=True),
        sa.Column('share_type_id', sa.String(length=36), nullable=True),
        sa.Column('access_rules_status', sa.String(length=255), nullable=True),
        sa.Column('progress', sa.String(length=32), nullable=True),
        sa.Column('launched_at', sa.DateTime(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['share_id'], ['shares.id'],
                                name=op.f('fk_share_instances_share_id_shares'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_share_instances')),
    )
    op.create_index('ix_share_instances_share', 'share_instances',
                    ['share_id', 'is_primary'], unique=False)
    op.create_index('ix_share_instances_host', 'share_instances', ['host'], unique=False)
    op.create_table(
        'share_instance_metadata',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('share_instance_id', sa.String(length=36), nullable=False),
        sa.Column('meta_key', sa.String(length=255), nullable=False),
        sa.Column('meta_value', sa.String(length=1023), nullable=False),
        sa.ForeignKeyConstraint(
            ['share_instance_id'], ['share_instances.id'],
            name=op.f('fk_share_instance_metadata_share_instance_id_share_instances'),
            ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_share_instance_metadata')),
        sa.UniqueConstraint('share_instance_id', 'meta_key',
                            name=op.f('uq_share_instance_metadata_share_instance_id')),
    )
    op.create_index(op.f('ix_share_instance_metadata_share_instance_id'),
                    'share_instance_metadata', ['share_instance_id'], unique=False)
    op.create_table(
        'share_snapshot_instances',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('snapshot_id', sa.String(length=36), nullable=False),
        sa.Column('share_instance_id', sa.String(length=36), nullable=False),
        sa.Column('status', sa.String(length=255), nullable=True),
        sa.Column('progress', sa.String(length=32), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ['snapshot_id'], ['share_snapshots.id'],
            name=op.f('fk_share_snapshot_instances_snapshot_id_share_snapshots'),
            ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_share_snapshot_instances')),
    )
    op.create_index(op.f('ix_share_snapshot_instances_snapshot_id'),
                    'share_snapshot_instances', ['snapshot_id'], unique=False)
    op.create_index(op.f('ix_share_snapshot_instances_share_instance_id'),
                    'share_snapshot_instances', ['share_instance_id'], unique=False)

    op.create_table(
        'share_migrations',
        sa.Column('share_id', sa.String(length=36), nullable=False),
        sa.Column('dest_host', sa.String(length=255), nullable=False),
        sa.Column('dest_instance_id', sa.String(length=36), nullable=True),
        sa.Column('host_assisted', sa.Boolean(), nullable=False),
        sa.Column('writable', sa.Boolean(), nullable=False),
        sa.Column('preserve_metadata', sa.Boolean(), nullable=False),
        sa.Column('nondisruptive', sa.Boolean(), nullable=False),
        sa.Column('preserve_snapshots', sa.Boolean(), nullable=False),
        sa.Column('new_share_type_id', sa.String(length=36), nullable=True),
        sa.Column('new_share_network_id', sa.String(length=36), nullable=True),
        sa.Column('total_progress', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['share_id'], ['shares.id'],
                                name=op.f('fk_share_migrations_share_id_shares'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('share_id', name=op.f('pk_share_migrations')),
    )

    # Never recreate ``shares`` or ``export_locations`` on SQLite: dropping
    # the old table would cascade to the rows that reference it.
    with op.batch_alter_table('shares', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('has_replicas', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table('export_locations', schema=None,
                              recreate='never') as batch_op:
        batch_op.add_column(sa.Column('share_instance_id', sa.String(length=36),
                                      nullable=True))
        batch_op.create_index(batch_op.f('ix_export_locations_share_instance_id'),
                              ['share_instance_id'], unique=False)
    _backfill()


def _backfill() -> None:
    conn = op.get_bind()
    shares = conn.execute(sa.text(
        "SELECT id, replication_type, created_at FROM shares")).all()
    primary: dict[str, str] = {}
    for share_id, replication_type, created_at in shares:
        instance_id = str(uuid.uuid4())
        primary[share_id] = instance_id
        conn.execute(sa.text(
            "INSERT INTO share_instances (id, share_id, is_primary, replica_state,"
            " cast_rules_to_readonly, created_at) VALUES (:id, :share, :yes, :state,"
            " :no, :at)"),
            {"id": instance_id, "share": share_id, "yes": True, "no": False,
             "state": "active" if replication_type else None, "at": created_at})
        conn.execute(sa.text(
            "UPDATE export_locations SET share_instance_id = :id WHERE share_id = :share"),
            {"id": instance_id, "share": share_id})
    snapshots = conn.execute(sa.text(
        "SELECT id, share_id, created_at FROM share_snapshots")).all()
    for snapshot_id, share_id, created_at in snapshots:
        if share_id not in primary:
            continue
        conn.execute(sa.text(
            "INSERT INTO share_snapshot_instances (id, snapshot_id, share_instance_id,"
            " created_at) VALUES (:id, :snap, :inst, :at)"),
            {"id": str(uuid.uuid4()), "snap": snapshot_id, "inst": primary[share_id],
             "at": created_at})


def downgrade() -> None:
    with op.batch_alter_table('export_locations', schema=None,
                              recreate='never') as batch_op:
        batch_op.drop_index(batch_op.f('ix_export_locations_share_instance_id'))
        batch_op.drop_column('share_instance_id')
    with op.batch_alter_table('shares', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('has_replicas')
    op.drop_table('share_migrations')
    op.drop_table('share_snapshot_instances')
    op.drop_table('share_instance_metadata')
    op.drop_table('share_instances')
