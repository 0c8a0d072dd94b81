"""Share types: lookup, the default type; create, update, delete and the
projects given access to a private type (admin)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping

from oslo_config import cfg
from sqlalchemy.orm import Session

from manila_ui.backend.db import quotas as quotas_db
from manila_ui.backend.db import share_group_types as group_types_db
from manila_ui.backend.db import share_types as types_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.services import errors
from manila_ui.backend.types import records
from manila_ui.backend.types.values import INT64_MAX
from manila_ui.backend.types.values import decimal
from manila_ui.backend.types.values import echo

DHSS = "driver_handles_share_servers"
SNAPSHOT_SUPPORT = "snapshot_support"
BOOLEAN_SPECS = (DHSS, SNAPSHOT_SUPPORT, "create_share_from_snapshot_support",
                 "revert_to_snapshot_support", "mount_snapshot_support",
                 "snapshot_inherit_share_access_support")
REPLICATION_TYPES = ("writable", "readable", "dr")
DEFAULT_QOS_TYPE = "default_qos_type"
# Standard specs every project may see; the rest are the admin's business.
TENANT_VISIBLE = (
    DHSS, SNAPSHOT_SUPPORT, "create_share_from_snapshot_support",
    "revert_to_snapshot_support", "replication_type", "mount_snapshot_support",
    "mount_point_name_support", "snapshot_inherit_share_access_support",
    "availability_zones", "encryption_support", "provisioning:max_share_size",
    "provisioning:min_share_size", "provisioning:max_share_extend_size",
    "provisioning:mount_point_prefix", "default_qos_type",
    # Ours (DESIGN.md): public so that users see where rules may squash.
    "squash_support",
)
# Defaults Manila infers for optional capabilities a type does not name.
INFERRED_OPTIONAL = {
    SNAPSHOT_SUPPORT: False,
    "create_share_from_snapshot_support": False,
    "revert_to_snapshot_support": False,
    "mount_snapshot_support": False,
    "snapshot_inherit_share_access_support": False,
}

class AccessExists(errors.Conflict):
    """The project already has access to the private type."""


class AccessNotFound(errors.NotFound):
    """The project has no access to the private type to take away."""


_IS = re.compile(r"^<is>\s*(true|false)$", re.IGNORECASE)


def parse_bool_spec(key: str, value: str) -> bool:
    """Parse ``True``/``<is> False``/``1``...; raise Invalid otherwise."""
    text = str(value).strip()
    match = _IS.match(text)
    if match:
        text = match.group(1)
    lowered = text.lower()
    if lowered in ("1", "t", "true", "on", "y", "yes"):
        return True
    if lowered in ("0", "f", "false", "off", "n", "no"):
        return False
    raise errors.Invalid(f"Invalid boolean extra spec {key} : {value}")


SIZE_SPECS = ("provisioning:max_share_size", "provisioning:min_share_size",
              "provisioning:max_share_extend_size")


def check_size_specs(specs: Mapping[str, object]) -> None:
    """Manila's check of the size specs: whole numbers from 1 (here also at
    most 19 digits, where Manila takes any)."""
    for key in SIZE_SPECS:
        if key in specs:
            if decimal(specs[key], low=-INT64_MAX, signed=True) is None:
                raise errors.Invalid("share_size must be an integer")
            if decimal(specs[key], low=1) is None:
                raise errors.Invalid("share_size must be >= 1")


def validate_extra_specs(specs: Mapping[str, str]) -> None:
    if DHSS not in specs:
        raise errors.Invalid(f"Required extra specs '{DHSS}' not specified.")
    try:
        parse_bool_spec(DHSS, specs[DHSS])
    except errors.Invalid:
        raise errors.Invalid(f"Value of required extra_spec {DHSS} is not valid") from None
    for key in BOOLEAN_SPECS[1:]:
        if key in specs:
            parse_bool_spec(key, specs[key])
    if specs.get("replication_type", REPLICATION_TYPES[0]) not in REPLICATION_TYPES:
        raise errors.Invalid("Invalid extra_spec replication_type.")
    # The QoS type's name or id (2.94): any text up to 255 characters; whether
    # the QoS type exists is checked when a share of the type is created.
    if len(specs.get(DEFAULT_QOS_TYPE, "")) > 255:
        raise errors.Invalid(f"Invalid extra_spec {DEFAULT_QOS_TYPE}.")
    check_size_specs(specs)


class ShareTypeService:
    def __init__(self, db: Database, conf: cfg.ConfigOpts) -> None:
        self._db = db
        self._conf = conf

    @property
    def default_name(self) -> str | None:
        name: str | None = self._conf.default_share_type
        return name or None

    def list_all(self, is_public: bool | None,
                 project_id: str | None = None) -> list[records.ShareType]:
        """``is_public`` True with a ``project_id``: the public types and
        the private ones that project was given access to."""
        with self._db.read() as s:
            return types_db.list_all(s, is_public, project_id)

    def usable_by(self, share_type: records.ShareType, project_id: str) -> bool:
        with self._db.read() as s:
            return types_db.usable_by(s, share_type, project_id)

    def find(self, name_or_id: str) -> records.ShareType | None:
        with self._db.read() as s:
            return types_db.get_by_name_or_id(s, name_or_id)

    def get_by_id(self, type_id: str) -> records.ShareType | None:
        """Only by id, as Manila's ``/types/{id}`` (names are for create)."""
        with self._db.read() as s:
            return types_db.get(s, type_id)

    def default(self) -> records.ShareType | None:
        return self.find(self.default_name) if self.default_name else None

    def create(self, name: str, description: str | None, is_public: bool,
               extra_specs: Mapping[str, str]) -> records.ShareType:
        validate_extra_specs(extra_specs)
        with self._db.write() as s:
            if types_db.get_by_name_or_id(s, name) is not None:
                raise errors.Conflict(f"Share Type {name} already exists.")
            return types_db.create(s, str(uuid.uuid4()), name, description,
                                   is_public, dict(extra_specs))

    def delete(self, type_id: str) -> None:
        with self._db.write() as s:
            found = types_db.get(s, type_id)
            if found is None:
                raise errors.NotFound(f"Share type {type_id} could not be found.")
            if (shares_db.count_by_type(s, found.id)
                    or group_types_db.count_using_share_type(s, found.id)):
                raise errors.Invalid("Target share type is still in use.")
            types_db.destroy(s, found.id)
            quotas_db.delete_share_type(s, found.id)   # its quotas go too

    def update(self, type_id: str, name: str | None, description: str | None,
               is_public: bool | None) -> records.ShareType:
        """Manila's update: an empty description clears it; a ``None`` field
        stays as it is."""
        values: dict[str, object] = {}
        if name:
            values["name"] = name
        if description == "":
            values["description"] = None
        elif description:
            values["description"] = description
        if is_public is not None:
            values["is_public"] = is_public
        with self._db.write() as s:
            if types_db.get(s, type_id) is None:
                raise errors.NotFound(f"Share type {type_id} could not be found.")
            if name and types_db.name_taken(s, name, type_id):
                raise errors.Conflict(f"Share Type {name} already exists.")
            types_db.update(s, type_id, values)
            updated = types_db.get(s, type_id)
        assert updated is not None
        return updated

    def projects(self, type_id: str) -> list[str]:
        with self._db.read() as s:
            return types_db.projects(s, type_id)

    def change_access(self, type_id: str, project_id: str, grant: bool) -> None:
        """Give (``grant``) or take away a project's access to a private type."""
        with self._db.write() as s:
            self._private(s, type_id)
            if grant and not types_db.add_project(s, type_id, project_id):
                raise AccessExists(f"Share type access for {type_id} / {project_id} "
                                   "combination already exists.")
            if not grant and not types_db.remove_project(s, type_id, project_id):
                raise AccessNotFound(f"Share type access not found for {type_id} / "
                                     f"{project_id} combination.")

    @staticmethod
    def _private(s: Session, type_id: str) -> None:
        found = types_db.get(s, type_id)
        if found is None:
            raise errors.NotFound(f"Share type {type_id} could not be found.")
        if found.is_public:
            raise errors.Conflict(
                "Type access modification is not applicable to public share type.")

    def set_extra_specs(self, type_id: str, specs: Mapping[str, str | bool]) -> None:
        """Set extra specs (Manila's checks: non-empty strings or JSON
        booleans, boolean specs that parse).  Manila stores a JSON boolean
        set here as PostgreSQL casts it, ``true``/``false`` (at type creation
        it stores Python's ``True``/``False``)."""
        check_size_specs(specs)
        for key, value in specs.items():
            valid_value = isinstance(value, bool) or (
                isinstance(value, str) and 0 < len(value) <= 255)
            if not valid_value or not key or len(key) > 255:
                raise errors.Invalid(f"Invalid extra_spec: {echo(key)}: {echo(value)}")
        stored = {k: str(v).lower() if isinstance(v, bool) else v for k, v in specs.items()}
        for key in BOOLEAN_SPECS:
            if key in stored:
                parse_bool_spec(key, stored[key])
        with self._db.write() as s:
            if types_db.get(s, type_id) is None:
                raise errors.NotFound(f"Share type {type_id} could not be found.")
            types_db.set_specs(s, type_id, stored)

    def delete_extra_spec(self, type_id: str, key: str) -> None:
        if key == DHSS:
            raise errors.Refused(f"Extra spec '{key}' can't be deleted.")
        with self._db.write() as s:
            if types_db.get(s, type_id) is None:
                raise errors.NotFound(f"Share type {type_id} could not be found.")
            if not types_db.delete_spec(s, type_id, key):
                raise errors.NotFound(
                    f"Share Type {type_id} has no extra specs with key {key}.")

    def ensure(self, name: str, description: str | None,
               extra_specs: Mapping[str, str]) -> None:
        """Create a public type unless one of that name exists."""
        with self._db.write() as s:
            if types_db.get_by_name_or_id(s, name) is None:
                types_db.create(s, str(uuid.uuid4()), name, description, True,
                                dict(extra_specs))
