"""Scripted API scenarios, run step by step against both sides and compared.

Each module builds the steps of one area for a given microversion; ``SCENARIOS``
lists them with the bundled backend's routes each needs (``needs``: while one is
missing there, the scenario is an expected failure, not an allowed difference).
"""

from __future__ import annotations

from manila_ui.tests.reference.scenarios import access
from manila_ui.tests.reference.scenarios import backups
from manila_ui.tests.reference.scenarios import faults
from manila_ui.tests.reference.scenarios import filter_edges
from manila_ui.tests.reference.scenarios import groups
from manila_ui.tests.reference.scenarios import manage_refusals
from manila_ui.tests.reference.scenarios import messages
from manila_ui.tests.reference.scenarios import metadata_edges
from manila_ui.tests.reference.scenarios import migration
from manila_ui.tests.reference.scenarios import mountable_snapshots
from manila_ui.tests.reference.scenarios import network_filters
from manila_ui.tests.reference.scenarios import networks
from manila_ui.tests.reference.scenarios import pools
from manila_ui.tests.reference.scenarios import qos
from manila_ui.tests.reference.scenarios import quota_classes
from manila_ui.tests.reference.scenarios import quotas
from manila_ui.tests.reference.scenarios import replicas
from manila_ui.tests.reference.scenarios import resource_locks
from manila_ui.tests.reference.scenarios import services
from manila_ui.tests.reference.scenarios import share_filters
from manila_ui.tests.reference.scenarios import share_servers
from manila_ui.tests.reference.scenarios import shares
from manila_ui.tests.reference.scenarios import snapshot_filters
from manila_ui.tests.reference.scenarios import snapshots
from manila_ui.tests.reference.scenarios import transfers
from manila_ui.tests.reference.scenarios import type_filters
from manila_ui.tests.reference.scenarios import types
from manila_ui.tests.reference.scenarios.engine import MAX
from manila_ui.tests.reference.scenarios.engine import MICROVERSIONS
from manila_ui.tests.reference.scenarios.engine import Run
from manila_ui.tests.reference.scenarios.engine import Scenario
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait

__all__ = ["MICROVERSIONS", "SCENARIOS", "Run", "Scenario", "Step", "Wait"]

_SPECS = "/types/{}/extra_specs"

SCENARIOS = (
    Scenario("versions", faults.versions, versions=("-",)),
    Scenario("faults", faults.faults),
    Scenario("experimental", faults.experimental, versions=("-",),
             needs=(("GET", "/share-backups"),), resource="share backups"),
    Scenario("shares", shares.shares),
    Scenario("share_filters", share_filters.share_filters, versions=share_filters.VERSIONS),
    Scenario("snapshots", snapshots.snapshots, needs=(("POST", "/snapshots"),),
             resource="snapshots"),
    Scenario("snapshot_filters", snapshot_filters.snapshot_filters,
             versions=snapshot_filters.VERSIONS, needs=(("POST", "/snapshots"),),
             resource="snapshots"),
    Scenario("access_rules", access.access_rules,
             needs=(("GET", "/share-access-rules/{}"),), resource="access rules"),
    Scenario("squash_extension", access.squash_extension,
             versions=("2.45", "2.69", "2.98", "2.99"),
             needs=(("GET", "/share-access-rules/{}"),), resource="access rules"),
    Scenario("share_networks", networks.share_networks,
             needs=(("POST", "/share-networks"), ("POST", "/share-networks/{}/action")),
             resource="share networks"),
    Scenario("subnets", networks.subnets, versions=("2.51", "2.69", "2.98", "2.99"),
             needs=(("POST", "/share-networks/{}/subnets"),), resource="share network subnets"),
    Scenario("security_services", networks.security_services,
             needs=(("POST", "/security-services"), ("POST", "/share-networks/{}/action")),
             resource="security services"),
    Scenario("share_network_filters", network_filters.share_network_filters,
             versions=network_filters.VERSIONS,
             needs=(("GET", "/share-networks/detail"),), resource="share networks"),
    Scenario("subnet_refusals", network_filters.subnet_refusals,
             versions=("2.51", "2.77", "2.78", "2.99"),
             needs=(("POST", "/share-networks/{}/subnets"),), resource="share network subnets"),
    Scenario("security_service_filters", network_filters.security_service_filters,
             versions=("2.0", "2.44", "2.99"),
             needs=(("GET", "/security-services/detail"),), resource="security services"),
    Scenario("share_types", types.share_types),
    Scenario("type_filters", type_filters.type_filters, versions=type_filters.VERSIONS),
    Scenario("spec_refusals", type_filters.spec_refusals, versions=("2.0", "2.24", "2.99"),
             needs=(("DELETE", _SPECS + "/{}"),), resource="share type extra specs"),
    Scenario("extra_specs", types.extra_specs,
             needs=(("GET", _SPECS), ("POST", _SPECS), ("GET", _SPECS + "/{}"),
                    ("PUT", _SPECS + "/{}"), ("DELETE", _SPECS + "/{}")),
             resource="share type extra specs"),
    Scenario("type_access", types.type_access),
    Scenario("boolean_specs", types.boolean_specs, versions=("2.0", "2.45", "2.50", MAX)),
    Scenario("limits", quotas.limits),
    Scenario("quotas", quotas.quotas, needs=(("PUT", "/quota-sets/{}"),), resource="quotas"),
    Scenario("quota_classes", quota_classes.quota_classes, versions=quota_classes.VERSIONS),
    Scenario("metadata_items", metadata_edges.metadata_items, versions=metadata_edges.VERSIONS),
    Scenario("replica_metadata", metadata_edges.replica_metadata, versions=("2.95", "2.99"),
             needs=(("POST", "/share-replicas"),), resource="share replicas"),
    Scenario("transfers", transfers.transfers, versions=("2.98", "2.99")),
    Scenario("mountable_snapshots", mountable_snapshots.mountable_snapshots,
             versions=("2.31", "2.32", "2.45", "2.98", "2.99"),
             needs=(("GET", "/snapshots/{}/access-list"),), resource="mountable snapshots"),
    Scenario("snapshot_instance_locations", mountable_snapshots.snapshot_instance_locations,
             versions=("2.31", "2.32", "2.99"),
             needs=(("GET", "/snapshot-instances/{}/export-locations"),),
             resource="mountable snapshots"),
    Scenario("not_mountable", mountable_snapshots.not_mountable, versions=("2.32", "2.99"),
             needs=(("GET", "/snapshots/{}/access-list"),), resource="mountable snapshots"),
    Scenario("resource_locks", resource_locks.resource_locks,
             versions=("2.81", "2.82", "2.98", "2.99")),
    Scenario("messages", messages.messages, needs=(("GET", "/messages/{}"),),
             resource="messages"),
    Scenario("access_rule_filters", filter_edges.access_rule_filters,
             versions=filter_edges.ACCESS_VERSIONS,
             needs=(("GET", "/share-access-rules/{}"),), resource="access rules"),
    Scenario("message_filters", filter_edges.message_filters,
             versions=filter_edges.MESSAGE_VERSIONS, needs=(("GET", "/messages/{}"),),
             resource="messages"),
    Scenario("manage_refusals", manage_refusals.manage_refusals,
             versions=manage_refusals.VERSIONS,
             needs=(("POST", "/shares/manage"), ("POST", "/snapshots/manage"),
                    ("POST", "/share-servers/manage")),
             resource="manage"),
    Scenario("share_group_types", groups.group_types, versions=groups.VERSIONS,
             needs=(("POST", "/share-group-types"),), resource="share group types"),
    Scenario("share_groups", groups.share_groups, versions=groups.VERSIONS,
             needs=(("POST", "/share-groups"), ("POST", "/share-group-snapshots")),
             resource="share groups"),
    Scenario("share_backups", backups.share_backups, versions=("2.80", "2.99"),
             needs=(("POST", "/share-backups"), ("POST", "/share-backups/{}/action")),
             resource="share backups"),
    Scenario("generic_backup", backups.generic_backup, versions=("2.99",),
             needs=(("POST", "/share-backups"),), resource="share backups"),
    Scenario("qos_types", qos.qos_types, versions=("2.93", "2.94", "2.99"),
             needs=(("POST", "/qos-types"), ("POST", "/qos-types/{}/specs")),
             resource="QoS types"),
    Scenario("pools", pools.pools, versions=("2.0", "2.22", "2.23", "2.98", "2.99")),
    Scenario("services", services.services,
             versions=("2.6", "2.7", "2.82", "2.83", "2.86", "2.92", "2.93", "2.99"),
             needs=(("GET", "/services"), ("PUT", "/services/{}"),
                    ("POST", "/services/ensure-shares", "2.86")),
             resource="services"),
    Scenario("replicas", replicas.replicas, versions=replicas.VERSIONS,
             needs=(("POST", "/share-replicas"), ("GET", "/snapshot-instances")),
             resource="share replicas"),
    Scenario("share_instances", replicas.instances, versions=replicas.VERSIONS,
             needs=(("GET", "/share_instances"),), resource="share instances"),
    Scenario("migration", migration.migration, versions=migration.VERSIONS,
             needs=(("POST", "/shares/{}/action"),), resource="share migration"),
    Scenario("share_server_migration", share_servers.server_migration,
             versions=share_servers.VERSIONS,
             needs=(("POST", "/share-servers/{}/action"),), resource="share servers"),
    Scenario("share_server_filters", share_servers.share_servers,
             versions=("2.49", "2.57", "2.99"),
             needs=(("GET", "/share-servers"),), resource="share servers"),
)
