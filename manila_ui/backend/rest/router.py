"""The route table of ``/v2``: URL template → {METHOD: handler}.

Templates are relative to ``/v2`` and also served under
``/v2/{project_id}``.  The most literal template wins, so ``/shares/detail``
is never taken for a share id.
"""

from __future__ import annotations

from collections.abc import Mapping

from manila_ui.backend.rest import actions
from manila_ui.backend.rest.dispatch import Handler
from manila_ui.backend.rest.dispatch import Router
from manila_ui.backend.rest.handlers import availability_zones
from manila_ui.backend.rest.handlers import export_locations
from manila_ui.backend.rest.handlers import limits
from manila_ui.backend.rest.handlers import messages
from manila_ui.backend.rest.handlers import metadata
from manila_ui.backend.rest.handlers import mountable_snapshots
from manila_ui.backend.rest.handlers import pools
from manila_ui.backend.rest.handlers import qos_types
from manila_ui.backend.rest.handlers import quota_class_sets
from manila_ui.backend.rest.handlers import quota_sets
from manila_ui.backend.rest.handlers import resource_locks
from manila_ui.backend.rest.handlers import security_services
from manila_ui.backend.rest.handlers import services
from manila_ui.backend.rest.handlers import share_access
from manila_ui.backend.rest.handlers import share_actions
from manila_ui.backend.rest.handlers import share_backups
from manila_ui.backend.rest.handlers import share_group_snapshots
from manila_ui.backend.rest.handlers import share_group_type_specs
from manila_ui.backend.rest.handlers import share_group_types
from manila_ui.backend.rest.handlers import share_groups
from manila_ui.backend.rest.handlers import share_instances
from manila_ui.backend.rest.handlers import share_migration
from manila_ui.backend.rest.handlers import share_network_actions
from manila_ui.backend.rest.handlers import share_network_subnets
from manila_ui.backend.rest.handlers import share_networks
from manila_ui.backend.rest.handlers import share_replicas
from manila_ui.backend.rest.handlers import share_servers
from manila_ui.backend.rest.handlers import share_type_extra_specs
from manila_ui.backend.rest.handlers import share_types
from manila_ui.backend.rest.handlers import shares
from manila_ui.backend.rest.handlers import snapshot_instances
from manila_ui.backend.rest.handlers import snapshots
from manila_ui.backend.rest.handlers import transfers
from manila_ui.backend.rest.handlers import versions


def share_groups_routes() -> dict[str, dict[str, Handler]]:
    """Share groups, their types (with group specs and access) and their
    snapshots (GA 2.55)."""
    group, group_type = "/share-groups/{share_group_id}", "/share-group-types/{share_group_type_id}"
    specs = group_type + "/group-specs"
    snapshot = "/share-group-snapshots/{share_group_snapshot_id}"
    return {
        "/share-groups": {"GET": share_groups.index, "POST": share_groups.create},
        "/share-groups/detail": {"GET": share_groups.detail},
        group: {"GET": share_groups.show, "PUT": share_groups.update,
                "DELETE": share_groups.delete},
        group + "/action": {"POST": actions.route(share_groups.ACTIONS, "share_group_id")},
        "/share-group-types": {"GET": share_group_types.index,
                               "POST": share_group_types.create},
        "/share-group-types/default": {"GET": share_group_types.default},
        group_type: {"GET": share_group_types.show, "DELETE": share_group_types.delete},
        group_type + "/action": {"POST": actions.route(share_group_types.ACTIONS,
                                                       "share_group_type_id")},
        group_type + "/access": {"GET": share_group_types.project_access},
        specs: {"GET": share_group_type_specs.index, "POST": share_group_type_specs.create},
        specs + "/{key}": {"GET": share_group_type_specs.show,
                           "PUT": share_group_type_specs.update,
                           "DELETE": share_group_type_specs.delete},
        "/share-group-snapshots": {"GET": share_group_snapshots.index,
                                   "POST": share_group_snapshots.create},
        "/share-group-snapshots/detail": {"GET": share_group_snapshots.detail},
        snapshot: {"GET": share_group_snapshots.show, "PUT": share_group_snapshots.update,
                   "DELETE": share_group_snapshots.delete},
        snapshot + "/members": {"GET": share_group_snapshots.members},
        snapshot + "/action": {"POST": actions.route(share_group_snapshots.ACTIONS,
                                                     "share_group_snapshot_id")},
    }


ROUTES: Mapping[str, Mapping[str, Handler]] = {
    "/shares": {"GET": shares.index, "POST": shares.create},
    "/shares/detail": {"GET": shares.detail},
    "/shares/{share_id}": {"GET": shares.show, "PUT": shares.update,
                           "DELETE": shares.delete},
    "/shares/{share_id}/action": {"POST": actions.route(
        {**share_actions.ACTIONS, **share_access.ACTIONS, **share_migration.ACTIONS},
        "share_id")},
    "/shares/manage": {"POST": share_actions.manage},
    "/shares/{share_id}/export_locations": {"GET": export_locations.index},
    "/shares/{share_id}/export_locations/{export_location_id}": {
        "GET": export_locations.show},
    "/types": {"GET": share_types.index, "POST": share_types.create},
    "/types/default": {"GET": share_types.default},
    "/types/{share_type_id}": {"GET": share_types.show, "PUT": share_types.update,
                               "DELETE": share_types.delete},
    "/types/{share_type_id}/action": {"POST": actions.route(share_types.ACTIONS,
                                                              "share_type_id")},
    "/types/{share_type_id}/share_type_access": {"GET": share_types.project_access},
    "/types/{share_type_id}/os-share-type-access": {"GET": share_types.project_access},
    "/availability-zones": {"GET": availability_zones.index},
    "/os-availability-zone": {"GET": availability_zones.index_legacy},
    "/scheduler-stats/pools": {"GET": pools.index},
    "/scheduler-stats/pools/detail": {"GET": pools.detail},
    "/services": {"GET": services.index},
    "/services/ensure-shares": {"POST": services.ensure_shares},
    "/services/{action}": {"PUT": services.update},
    "/os-services": {"GET": services.index_legacy},
    "/os-services/{action}": {"PUT": services.update_legacy},
    "/limits": {"GET": limits.index},
    "/quota-sets/{quota_project_id}": {"GET": quota_sets.show,
                                       "PUT": quota_sets.update,
                                       "DELETE": quota_sets.reset},
    "/quota-sets/{quota_project_id}/defaults": {"GET": quota_sets.defaults},
    "/quota-sets/{quota_project_id}/detail": {"GET": quota_sets.detail},
    "/os-quota-sets/{quota_project_id}": {"GET": quota_sets.show_legacy,
                                          "PUT": quota_sets.update_legacy,
                                          "DELETE": quota_sets.reset_legacy},
    "/os-quota-sets/{quota_project_id}/defaults": {
        "GET": quota_sets.defaults_legacy},
    "/quota-class-sets/{class_name}": {"GET": quota_class_sets.show,
                                       "PUT": quota_class_sets.update},
    "/os-quota-class-sets/{class_name}": {"GET": quota_class_sets.show_legacy,
                                          "PUT": quota_class_sets.update_legacy},
    "/messages": {"GET": messages.index},
    "/messages/{message_id}": {"GET": messages.show, "DELETE": messages.delete},
    "/share-access-rules": {"GET": share_access.index},
    "/share-access-rules/{share_access_id}": {"GET": share_access.show,
                                              "PUT": share_access.update},
    "/share-access-rules/{share_access_id}/metadata": {
        "PUT": share_access.update_metadata},
    "/share-access-rules/{share_access_id}/metadata/{key}": {
        "DELETE": share_access.delete_metadata},
    "/types/{share_type_id}/extra_specs": {"GET": share_type_extra_specs.index,
                                           "POST": share_type_extra_specs.create},
    "/types/{share_type_id}/extra_specs/{key}": {
        "GET": share_type_extra_specs.show, "PUT": share_type_extra_specs.update,
        "DELETE": share_type_extra_specs.delete},
    "/resource-locks": {"GET": resource_locks.index, "POST": resource_locks.create},
    "/resource-locks/{lock_id}": {"GET": resource_locks.show,
                                  "PUT": resource_locks.update,
                                  "DELETE": resource_locks.delete},
    "/snapshots": {"GET": snapshots.index, "POST": snapshots.create},
    "/snapshots/detail": {"GET": snapshots.detail},
    "/snapshots/manage": {"POST": snapshots.manage},
    "/snapshots/{snapshot_id}": {"GET": snapshots.show, "PUT": snapshots.update,
                                 "DELETE": snapshots.delete},
    "/snapshots/{snapshot_id}/action": {"POST": actions.route(
        {**snapshots.ACTIONS, **mountable_snapshots.ACTIONS}, "snapshot_id")},
    "/snapshots/{snapshot_id}/access-list": {"GET": mountable_snapshots.access_list},
    "/snapshots/{snapshot_id}/export-locations": {
        "GET": mountable_snapshots.export_locations},
    "/snapshots/{snapshot_id}/export-locations/{export_location_id}": {
        "GET": mountable_snapshots.export_location},
    "/snapshot-instances/{snapshot_instance_id}/export-locations": {
        "GET": mountable_snapshots.instance_export_locations},
    "/snapshot-instances/{snapshot_instance_id}/export-locations/{export_location_id}": {
        "GET": mountable_snapshots.instance_export_location},
    "/share-transfers": {"GET": transfers.index, "POST": transfers.create},
    "/share-transfers/detail": {"GET": transfers.detail},
    "/share-transfers/{transfer_id}": {"GET": transfers.show,
                                       "DELETE": transfers.delete},
    "/share-transfers/{transfer_id}/accept": {"POST": transfers.accept},
    **metadata.routes(),
    "/share-networks": {"GET": share_networks.index, "POST": share_networks.create},
    "/share-networks/detail": {"GET": share_networks.detail},
    "/share-networks/{share_network_id}": {"GET": share_networks.show,
                                           "PUT": share_networks.update,
                                           "DELETE": share_networks.delete},
    "/share-networks/{share_network_id}/action": {"POST": actions.route(
        share_network_actions.ACTIONS, "share_network_id")},
    **share_network_subnets.routes(),
    "/security-services": {"GET": security_services.index,
                           "POST": security_services.create},
    "/security-services/detail": {"GET": security_services.detail},
    "/security-services/{security_service_id}": {"GET": security_services.show,
                                                 "PUT": security_services.update,
                                                 "DELETE": security_services.delete},
    "/share-servers": {"GET": share_servers.index},
    "/share-servers/manage": {"POST": share_servers.manage},
    "/share-servers/{share_server_id}": {"GET": share_servers.show,
                                         "DELETE": share_servers.delete},
    "/share-servers/{share_server_id}/details": {"GET": share_servers.details},
    "/share-servers/{share_server_id}/action": {"POST": actions.route(
        share_servers.ACTIONS, "share_server_id")},
    **share_groups_routes(),
    "/share-backups": {"GET": share_backups.index, "POST": share_backups.create},
    "/share-backups/detail": {"GET": share_backups.detail},
    "/share-backups/{backup_id}": {"GET": share_backups.show, "PUT": share_backups.update,
                                   "DELETE": share_backups.delete},
    "/share-backups/{backup_id}/action": {"POST": actions.route(share_backups.ACTIONS,
                                                                "backup_id")},
    "/qos-types": {"GET": qos_types.index, "POST": qos_types.create},
    "/qos-types/{qos_type_id}": {"GET": qos_types.show, "PUT": qos_types.update,
                                 "DELETE": qos_types.delete},
    "/qos-types/{qos_type_id}/specs": {"GET": qos_types.specs_index,
                                       "POST": qos_types.specs_create},
    "/qos-types/{qos_type_id}/specs/{key}": {"GET": qos_types.specs_show,
                                             "PUT": qos_types.specs_update,
                                             "DELETE": qos_types.specs_delete},
    # Share instances, replicas, migration (issue 12).
    "/share_instances": {"GET": share_instances.index},
    "/share_instances/{share_instance_id}": {"GET": share_instances.show},
    "/share_instances/{share_instance_id}/action": {"POST": actions.route(
        share_instances.ACTIONS, "share_instance_id")},
    "/share_instances/{share_instance_id}/export_locations": {
        "GET": share_instances.export_locations},
    "/share_instances/{share_instance_id}/export_locations/{export_location_id}": {
        "GET": share_instances.export_location},
    "/shares/{share_id}/instances": {"GET": share_instances.for_share},
    "/snapshot-instances": {"GET": snapshot_instances.index},
    "/snapshot-instances/detail": {"GET": snapshot_instances.detail},
    "/snapshot-instances/{snapshot_instance_id}": {"GET": snapshot_instances.show},
    "/snapshot-instances/{snapshot_instance_id}/action": {"POST": actions.route(
        snapshot_instances.ACTIONS, "snapshot_instance_id")},
    "/share-replicas": {"GET": share_replicas.index, "POST": share_replicas.create},
    "/share-replicas/detail": {"GET": share_replicas.detail},
    "/share-replicas/{share_replica_id}": {"GET": share_replicas.show,
                                           "DELETE": share_replicas.delete},
    "/share-replicas/{share_replica_id}/action": {"POST": actions.route(
        share_replicas.ACTIONS, "share_replica_id")},
    "/share-replicas/{share_replica_id}/export-locations": {
        "GET": share_replicas.export_locations},
    "/share-replicas/{share_replica_id}/export-locations/{export_location_id}": {
        "GET": share_replicas.export_location},
    **share_replicas.routes(),
    "/shares/{share_id}/migration-progress": {"GET": share_migration.migration_progress},
}


def build_router() -> Router:
    return Router(ROUTES, versions.index)
