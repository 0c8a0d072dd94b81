"""Mountable snapshots (2.32): the snapshot actions ``allow_access`` and
``deny_access`` (entries of the snapshot action table),
``GET /snapshots/{id}/access-list``, and the export locations of a
snapshot (``/snapshots/{id}/export-locations``) and of its instance
(``/snapshot-instances/{id}/export-locations``, admin; one instance per
snapshot here, so the snapshot id stands for it).

Checks in Manila 23's order (api/v2/share_snapshots.py), with its
messages: the body, ``access_to``, the snapshot, its share network, the
parent share's ``mount_snapshot_support``, then the service's own.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import mountable_snapshots as policy
from manila_ui.backend.policies import snapshots as snapshot_policy
from manila_ui.backend.rest import common
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.mountable_snapshots import SnapshotAccessView
from manila_ui.backend.rest.views.mountable_snapshots import SnapshotExportLocationView
from manila_ui.backend.services import access_rules
from manila_ui.backend.services import errors
from manila_ui.backend.types.records import Snapshot

ACCESS_VIEW = SnapshotAccessView()
EL_VIEW = SnapshotExportLocationView()


def _snapshot(req: ApiRequest, snapshot_id: str) -> Snapshot:
    return common.visible_snapshot(
        req, snapshot_id,
        f"ShareSnapshotNotFound: Snapshot {snapshot_id} could not be found.")


def _argument(body: dict[str, Any]) -> dict[str, Any]:
    (name,) = body
    data = body[name]
    if not data or not isinstance(data, dict):
        raise faults.BadRequest("Access data not found in request body.")
    return data


def _required(data: dict[str, Any], *names: str) -> None:
    for name in names:
        if name not in data:
            raise faults.BadRequest(f"Required parameter {name} not found.")
        if not data[name]:
            raise faults.BadRequest(f"Required parameter {name} is empty.")
        if not isinstance(data[name], str):
            raise faults.BadRequest(f"Parameter {name} must be a string.")


def _check_network(req: ApiRequest, snapshot: Snapshot) -> None:
    share = req.services.shares.get(snapshot.share_id)
    if not share.share_network_id:
        return
    try:
        network = req.services.share_networks.get(share.share_network_id, None)
    except errors.NotFound:
        return
    if network.status != "active":
        raise faults.BadRequest(
            f"The share network {network.id} used isn't in an 'active' state. Current "
            f"status is {network.status}. The action may be retried after the share "
            "network has changed its state.")


def _check_mountable(req: ApiRequest, snapshot: Snapshot) -> None:
    share = req.services.shares.get(snapshot.share_id)
    if not share.mount_snapshot_support:
        raise faults.BadRequest(
            f"Cannot control access to the snapshot {snapshot.id} since the parent "
            f"share {share.id} does not support mounting its snapshots.")
    if share.snapshot_inherit_share_access_support:
        raise faults.BadRequest(
            f"Cannot modify access rules for the snapshot {snapshot.id} since the "
            f"parent share {share.id} has snapshot_inherit_share_access_support "
            "enabled. Snapshot access rules are inherited from the base share.")


# -- the snapshot actions --------------------------------------------------------

def allow(req: ApiRequest, snapshot_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(snapshot_policy.ALLOW_ACCESS)
    data = _argument(body)
    _required(data, "access_type", "access_to")
    try:
        # No cephx for snapshots, at any version (Manila's call omits it).
        access_rules.check_access(data["access_type"], data["access_to"],
                                  enable_ceph=False, enable_ipv6=req.at_least("2.38"))
    except errors.Invalid as bad:
        raise faults.BadRequest(bad.message) from None
    snapshot = _snapshot(req, snapshot_id)
    _check_network(req, snapshot)
    _check_mountable(req, snapshot)
    rule = req.services.mountable_snapshots.allow(snapshot.id, data["access_type"],
                                                  data["access_to"])
    return json_response({"snapshot_access": ACCESS_VIEW.detail(rule)}, 202)


def deny(req: ApiRequest, snapshot_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(snapshot_policy.DENY_ACCESS)
    data = _argument(body)
    _required(data, "access_id")
    snapshot = _snapshot(req, snapshot_id)
    _check_mountable(req, snapshot)
    _check_network(req, snapshot)
    req.services.mountable_snapshots.deny(snapshot.id, data["access_id"])
    return empty_response(202)


ACTIONS: dict[str, Action] = {
    "allow_access": Action(allow, "2.32"),
    "deny_access": Action(deny, "2.32"),
}


@api_version("2.32")
def access_list(req: ApiRequest) -> webob.Response:
    req.authorize(snapshot_policy.ACCESS_LIST)
    snapshot = _snapshot(req, req.url_args["snapshot_id"])
    _check_mountable(req, snapshot)
    rules = req.services.mountable_snapshots.rules(snapshot.id)
    return json_response({"snapshot_access_list": [ACCESS_VIEW.detail(r) for r in rules]})


# -- export locations ----------------------------------------------------------------

def _located(req: ApiRequest, snapshot_id: str, message: str) -> Snapshot:
    """Manila's ``_verify_snapshot``: the project's snapshot (404 with
    ``message`` otherwise), and ``share:get`` on a private parent share."""
    snapshot = common.visible_snapshot(req, snapshot_id, message)
    try:
        common.share_for_modification(req, snapshot.share_id)
    except faults.NotFound:
        raise faults.NotFound(message) from None
    return snapshot


@api_version("2.32")
def export_locations(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    snapshot_id = req.url_args["snapshot_id"]
    snapshot = _located(req, snapshot_id, f"Snapshot '{snapshot_id}' not found.")
    found = req.services.mountable_snapshots.export_locations(snapshot.id,
                                                             bool(req.ctx.is_admin))
    return json_response(EL_VIEW.index(req, found))


@api_version("2.32")
def export_location(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SHOW)
    snapshot_id = req.url_args["snapshot_id"]
    snapshot = _located(req, snapshot_id, f"Snapshot '{snapshot_id}' not found.")
    el = req.services.mountable_snapshots.export_location(
        snapshot.id, req.url_args["export_location_id"])
    return json_response(EL_VIEW.show(req, el))


@api_version("2.32")
def instance_export_locations(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INSTANCE_INDEX)
    instance_id = req.url_args["snapshot_instance_id"]
    snapshot = _located(req, instance_id, f"Snapshot instance '{instance_id}' not found.")
    found = req.services.mountable_snapshots.export_locations(snapshot.id, True)
    return json_response(EL_VIEW.index(req, found))


@api_version("2.32")
def instance_export_location(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INSTANCE_SHOW)
    instance_id = req.url_args["snapshot_instance_id"]
    snapshot = _located(req, instance_id, f"Snapshot instance '{instance_id}' not found.")
    el = req.services.mountable_snapshots.export_location(
        snapshot.id, req.url_args["export_location_id"])
    return json_response(EL_VIEW.show(req, el))
