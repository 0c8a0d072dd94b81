"""``/snapshot-instances`` (2.19, admins): list (``?snapshot_id=``),
detail, show, and ``reset_status``."""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_instances as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.common import state_argument
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.share_instances import SnapshotInstanceView
from manila_ui.backend.services import errors
from manila_ui.backend.services.share_instances import STATUSES
from manila_ui.backend.services.share_instances import check_state

VIEW = SnapshotInstanceView()


def _list(req: ApiRequest, detail: bool) -> webob.Response:
    found = req.services.share_instances.snapshot_instances(
        req.GET.get("snapshot_id") or None)
    render = VIEW.detail if detail else VIEW.summary
    return json_response({"snapshot_instances": [render(req, i) for i in found]})


@api_version("2.19")
def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SNAPSHOT_INDEX)
    return _list(req, detail=False)


@api_version("2.19")
def detail(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SNAPSHOT_DETAIL)
    return _list(req, detail=True)


@api_version("2.19")
def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SNAPSHOT_SHOW)
    instance_id = req.url_args["snapshot_instance_id"]
    try:
        found = req.services.share_instances.snapshot_instance(instance_id)
    except errors.NotFound:
        raise faults.NotFound(f"Snapshot instance {instance_id} not found.") from None
    return json_response({"snapshot_instance": VIEW.detail(req, found)})


def reset_status(req: ApiRequest, instance_id: str, body: dict[str, Any]
                 ) -> webob.Response:
    req.authorize(policy.SNAPSHOT_RESET_STATUS)
    status = check_state(state_argument(body, "status"), STATUSES)
    try:
        req.services.share_instances.reset_snapshot_instance_status(instance_id, status)
    except errors.NotFound as missing:
        raise faults.NotFound(missing.message) from None
    return empty_response(202)


ACTIONS: dict[str, Action] = {"reset_status": Action(reset_status, "2.19")}
