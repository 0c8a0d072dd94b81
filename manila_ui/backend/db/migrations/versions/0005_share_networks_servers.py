"""Share networks, their subnets (+ metadata), security services and their
associations, share servers with their subnets and network allocations, and
the state of share network checks (2.63/2.70).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 10:06:59.451103
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('security_services',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=255), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=True),
    sa.Column('description', sa.String(length=255), nullable=True),
    sa.Column('dns_ip', sa.String(length=64), nullable=True),
    sa.Column('server', sa.String(length=255), nullable=True),
    sa.Column('domain', sa.String(length=255), nullable=True),
    sa.Column('user', sa.String(length=255), nullable=True),
    sa.Column('password', sa.String(length=255), nullable=True),
    sa.Column('ou', sa.String(length=255), nullable=True),
    sa.Column('default_ad_site', sa.String(length=255), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_security_services'))
    )
    with op.batch_alter_table('security_services', schema=None) as batch_op:
        batch_op.create_index('ix_security_services_project', ['project_id', 'created_at'], unique=False)

    op.create_table('share_networks',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=255), nullable=False),
    sa.Column('user_id', sa.String(length=255), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=True),
    sa.Column('description', sa.String(length=255), nullable=True),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_networks'))
    )
    with op.batch_alter_table('share_networks', schema=None) as batch_op:
        batch_op.create_index('ix_share_networks_project_created', ['project_id', 'created_at', 'id'], unique=False)

    op.create_table('share_servers',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('share_network_id', sa.String(length=36), nullable=False),
    sa.Column('host', sa.String(length=255), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('identifier', sa.String(length=255), nullable=True),
    sa.Column('is_auto_deletable', sa.Boolean(), nullable=False),
    sa.Column('task_state', sa.String(length=255), nullable=True),
    sa.Column('source_share_server_id', sa.String(length=36), nullable=True),
    sa.Column('security_service_update_support', sa.Boolean(), nullable=False),
    sa.Column('network_allocation_update_support', sa.Boolean(), nullable=False),
    sa.Column('backend_details', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_servers'))
    )
    with op.batch_alter_table('share_servers', schema=None) as batch_op:
        batch_op.create_index('ix_share_servers_network', ['share_network_id'], unique=False)

    op.create_table('network_allocations',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('share_server_id', sa.String(length=36), nullable=False),
    sa.Column('share_network_subnet_id', sa.String(length=36), nullable=True),
    sa.Column('label', sa.String(length=32), nullable=False),
    sa.Column('ip_address', sa.String(length=64), nullable=False),
    sa.Column('ip_version', sa.Integer(), nullable=False),
    sa.Column('cidr', sa.String(length=64), nullable=True),
    sa.Column('gateway', sa.String(length=64), nullable=True),
    sa.Column('mtu', sa.Integer(), nullable=True),
    sa.Column('network_type', sa.String(length=32), nullable=True),
    sa.Column('segmentation_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['share_server_id'], ['share_servers.id'], name=op.f('fk_network_allocations_share_server_id_share_servers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_allocations'))
    )
    with op.batch_alter_table('network_allocations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_allocations_share_server_id'), ['share_server_id'], unique=False)

    op.create_table('share_network_checks',
    sa.Column('share_network_id', sa.String(length=36), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['share_network_id'], ['share_networks.id'], name=op.f('fk_share_network_checks_share_network_id_share_networks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('share_network_id', 'key', name=op.f('pk_share_network_checks'))
    )
    op.create_table('share_network_security_services',
    sa.Column('share_network_id', sa.String(length=36), nullable=False),
    sa.Column('security_service_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['security_service_id'], ['security_services.id'], name=op.f('fk_share_network_security_services_security_service_id_security_services'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['share_network_id'], ['share_networks.id'], name=op.f('fk_share_network_security_services_share_network_id_share_networks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('share_network_id', 'security_service_id', name=op.f('pk_share_network_security_services'))
    )
    with op.batch_alter_table('share_network_security_services', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_network_security_services_security_service_id'), ['security_service_id'], unique=False)

    op.create_table('share_network_subnets',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('share_network_id', sa.String(length=36), nullable=False),
    sa.Column('availability_zone', sa.String(length=255), nullable=True),
    sa.Column('neutron_net_id', sa.String(length=255), nullable=True),
    sa.Column('neutron_subnet_id', sa.String(length=255), nullable=True),
    sa.Column('network_type', sa.String(length=32), nullable=True),
    sa.Column('segmentation_id', sa.Integer(), nullable=True),
    sa.Column('cidr', sa.String(length=64), nullable=True),
    sa.Column('ip_version', sa.Integer(), nullable=True),
    sa.Column('gateway', sa.String(length=64), nullable=True),
    sa.Column('mtu', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['share_network_id'], ['share_networks.id'], name=op.f('fk_share_network_subnets_share_network_id_share_networks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_network_subnets'))
    )
    with op.batch_alter_table('share_network_subnets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_network_subnets_share_network_id'), ['share_network_id'], unique=False)

    op.create_table('share_server_subnets',
    sa.Column('share_server_id', sa.String(length=36), nullable=False),
    sa.Column('share_network_subnet_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['share_server_id'], ['share_servers.id'], name=op.f('fk_share_server_subnets_share_server_id_share_servers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('share_server_id', 'share_network_subnet_id', name=op.f('pk_share_server_subnets'))
    )
    with op.batch_alter_table('share_server_subnets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_server_subnets_share_network_subnet_id'), ['share_network_subnet_id'], unique=False)

    op.create_table('share_network_subnet_metadata',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('share_network_subnet_id', sa.String(length=36), nullable=False),
    sa.Column('meta_key', sa.String(length=255), nullable=False),
    sa.Column('meta_value', sa.String(length=1023), nullable=False),
    sa.ForeignKeyConstraint(['share_network_subnet_id'], ['share_network_subnets.id'], name=op.f('fk_share_network_subnet_metadata_share_network_subnet_id_share_network_subnets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_network_subnet_metadata')),
    sa.UniqueConstraint('share_network_subnet_id', 'meta_key', name=op.f('uq_share_network_subnet_metadata_share_network_subnet_id'))
    )
    with op.batch_alter_table('share_network_subnet_metadata', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_network_subnet_metadata_share_network_subnet_id'), ['share_network_subnet_id'], unique=False)

