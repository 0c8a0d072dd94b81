"""User messages: what a failed asynchronous operation tells its owner.

The text is not stored: like Manila, a message keeps an action id and a
detail id, and ``user_message`` is rendered from these tables.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Mapping

from oslo_config import cfg
from sqlalchemy.orm import Session

from manila_ui.backend.db import messages as messages_db
from manila_ui.backend.db import models
from manila_ui.backend.db.engine import Database
from manila_ui.backend.services import errors
from manila_ui.backend.types import records

# Manila's action ids (message_field.Action).
ALLOCATE_HOST = "001"
CREATE = "002"
UPDATE = "005"
REVERT_TO_SNAPSHOT = "006"
DELETE = "007"
EXTEND = "008"
SHRINK = "009"
RESTORE_BACKUP = "028"

ACTIONS = {
    "001": "allocate host",
    "002": "create",
    "003": "delete access rules",
    "004": "promote",
    "005": "update",
    "006": "revert to snapshot",
    "007": "delete",
    "008": "extend",
    "009": "shrink",
    "010": "update access rules",
    "026": "transfer accept",
    "027": "update_metadata",
    "028": "restore share backup",
}

# Manila's detail ids (message_field.Detail) of the failures we produce.
UNKNOWN_ERROR = "001"
DRIVER_FAILED_EXTEND = "015"
FILTER_CREATE_FROM_SNAPSHOT = "016"
DRIVER_FAILED_CREATING_FROM_SNAP = "017"
DRIVER_REFUSED_SHRINK = "018"
TARGETED_RESTORE_UNSUPPORTED = "032"
DRIVER_FAILED_REVERTING_TO_SNAPSHOT = "035"

_FILTER_MSG = "No storage could be allocated for this share request, %s filter didn't succeed."
DETAILS = {
    "001": "An unknown error occurred.",
    "002": "No storage could be allocated for this share request. Trying again "
           "with a different size or share type may succeed.",
    "003": "Driver does not expect share-network to be provided with current "
           "configuration.",
    "004": "Could not find an existing share server or allocate one on the share "
           "network provided. You may use a different share network, or verify the "
           "network details in the share network and retry your request. If this "
           "doesn't work, contact your administrator to troubleshoot issues with your "
           "network.",
    "007": _FILTER_MSG % "AvailabilityZone",
    "008": _FILTER_MSG % "Capabilities",
    "009": _FILTER_MSG % "Capacity",
    "014": _FILTER_MSG % "ShareReplication",
    "015": "Share Driver failed to extend share, The share status has been set to "
           "extending_error. This action cannot be re-attempted until the status has "
           "been rectified. Contact your administrator to determine the cause of this "
           "failure.",
    "016": _FILTER_MSG % "CreateFromSnapshot",
    "017": "Share Driver has failed to create the share from snapshot. This operation "
           "can be re-attempted by creating a new share. Contact your administrator to "
           "determine the cause of this failure.",
    "018": "Share Driver refused to shrink the share. The size to be shrunk is smaller "
           "than the current used space. The share status has been set to available. "
           "Please select a size greater than the current used space.",
    "022": "Share driver has failed to setup one or more security services that are "
           "associated with the used share network. The security service may be "
           "unsupported or the provided parameters are invalid. You may try again with a "
           "different set of configurations.",
    "028": "No storage could be allocated for this share request. Share back end "
           "services are not ready yet. Contact your administrator in case retrying "
           "does not help.",
    "032": "Cannot restore a given backup to a target share, not supported by share "
           "driver.",
    "033": "Share Driver failed to create share server on share network due no more "
           "free IP addresses in the neutron subnet.You may free some IP addresses in "
           "the subnet or create a new subnet/share network. If this doesn't work, "
           "contact your administrator to troubleshoot issues with your network.",
    "035": "Share driver failed to revert the share to the specified snapshot. "
           "Contact your administrator if the problem persists.",
}

SORT_KEYS = messages_db.SORT_KEYS
FILTER_KEYS = messages_db.FILTER_KEYS


def user_message(action_id: str, detail_id: str) -> str:
    action = ACTIONS.get(action_id, "unknown action")
    return f"{action}: {DETAILS.get(detail_id, DETAILS['001'])}"


class MessageService:
    def __init__(self, db: Database, conf: cfg.ConfigOpts) -> None:
        self._db = db
        self._conf = conf

    def record(self, s: Session, *, project_id: str, resource_type: str,
               resource_id: str, action_id: str, detail_id: str,
               request_id: str | None, level: str = "ERROR") -> records.Message:
        now = models.utcnow()
        messages_db.destroy_expired(s)   # expired messages go as new ones come
        return messages_db.create(
            s, id=str(uuid.uuid4()), project_id=project_id, request_id=request_id,
            resource_type=resource_type, resource_id=resource_id,
            action_id=action_id, detail_id=detail_id, message_level=level,
            created_at=now,
            expires_at=now + datetime.timedelta(seconds=self._conf.message_ttl))

    def get(self, message_id: str) -> records.Message:
        with self._db.read() as s:
            message = messages_db.get(s, message_id)
        if message is None or message.expires_at <= models.utcnow():
            raise errors.NotFound(f"Message {message_id} could not be found.")
        return message

    def list_all(self, *, project_id: str | None, filters: Mapping[str, str],
             created_since: datetime.datetime | None,
             created_before: datetime.datetime | None, sort_key: str,
             sort_dir: str, limit: int | None, offset: int) -> list[records.Message]:
        with self._db.read() as s:
            return messages_db.list_all(
                s, project_id=project_id, filters=filters,
                created_since=created_since, created_before=created_before,
                sort_key=sort_key, sort_dir=sort_dir, limit=limit, offset=offset)

    def delete(self, message_id: str) -> None:
        with self._db.write() as s:
            messages_db.destroy(s, message_id)
