"""Share group types (admin): create, delete, group specs, and the projects
given access to a private one; the default group type.  Checks and
messages follow Manila's."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from collections.abc import Mapping

from oslo_config import cfg
from sqlalchemy.orm import Session

from manila_ui.backend.db import share_group_types as group_types_db
from manila_ui.backend.db import share_groups as groups_db
from manila_ui.backend.db import share_types as types_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.services import errors
from manila_ui.backend.types import records
from manila_ui.backend.types.values import echo

# Manila's key names (api/common.py VALID_KEY_NAME_REGEX).
_KEY_NAME = re.compile(r"^[\w.:-]+$", re.UNICODE)


class AccessExists(errors.Conflict):
    """The project already has access to the private group type."""


class AccessNotFound(errors.NotFound):
    """The project has no access to the private group type to take away."""


def _valid_text(value: object) -> bool:
    return isinstance(value, str) and 1 <= len(value) <= 255


def check_group_specs(specs: Mapping[str, object]) -> dict[str, str]:
    """Manila's checks of group specs being set: keys and values of 1 to
    255 characters (a value may be a boolean), key names of word characters,
    ``.``, ``:`` and ``-``; returns them as stored (text)."""
    for key, value in specs.items():
        if not (_valid_text(key) and (_valid_text(value) or isinstance(value, bool))):
            raise errors.Invalid(f"Invalid extra_spec: {echo(key)}: {echo(value)}")
    if not all(_KEY_NAME.match(key) for key in specs):
        raise errors.Invalid("Key names can only contain alphanumeric characters, "
                             "underscores, periods, colons and hyphens.")
    # A boolean is stored as PostgreSQL writes one as text.
    return {key: str(value).lower() if isinstance(value, bool) else str(value)
            for key, value in specs.items()}


class ShareGroupTypeService:
    def __init__(self, db: Database, conf: cfg.ConfigOpts) -> None:
        self._db = db
        self._conf = conf

    @property
    def default_name(self) -> str | None:
        name: str | None = self._conf.default_share_group_type
        return name or None

    # -- reads ------------------------------------------------------------------

    def list_all(self, is_public: bool | None,
                 project_id: str | None = None) -> list[records.ShareGroupType]:
        with self._db.read() as s:
            return group_types_db.list_all(s, is_public, project_id)

    def get(self, type_id: str) -> records.ShareGroupType | None:
        with self._db.read() as s:
            return group_types_db.get(s, type_id)

    def visible(self, type_id: str, project_id: str | None,
                is_admin: bool) -> records.ShareGroupType | None:
        """The group type if the caller may see and use it (Manila's type
        query: admins see all, others public ones and those given them)."""
        with self._db.read() as s:
            found = group_types_db.get(s, type_id)
            if found is None or is_admin or group_types_db.usable_by(
                    s, found, project_id or ""):
                return found
        return None

    def default(self) -> records.ShareGroupType | None:
        if not self.default_name:
            return None
        with self._db.read() as s:
            return group_types_db.get_by_name(s, self.default_name)

    def projects(self, type_id: str) -> list[str]:
        with self._db.read() as s:
            return group_types_db.projects(s, type_id)

    # -- create, delete ---------------------------------------------------------------

    def create(self, name: str, share_types: Iterable[str], specs: Mapping[str, str],
               is_public: bool) -> records.ShareGroupType:
        with self._db.write() as s:
            if group_types_db.get_by_name(s, name) is not None:
                raise errors.Conflict(f"Share group type {name} already exists.")
            ids = []
            for wanted in share_types:
                found = types_db.get_by_name_or_id(s, wanted)
                if found is None:
                    raise errors.NotFound(f"Share Type {echo(wanted)} does not exist.")
                ids.append(found.id)
            return group_types_db.create(s, str(uuid.uuid4()), name, is_public, ids,
                                         specs)

    def delete(self, type_id: str) -> None:
        with self._db.write() as s:
            if group_types_db.get(s, type_id) is None:
                raise errors.NotFound(f"Share group type {type_id} could not be found.")
            if groups_db.count_of_type(s, type_id):
                raise errors.Invalid(
                    f"Target share group type with id {type_id} is still in use.")
            group_types_db.destroy(s, type_id)

    # -- group specs -------------------------------------------------------------------

    def set_specs(self, type_id: str, specs: Mapping[str, str]) -> None:
        with self._db.write() as s:
            self._existing(s, type_id)
            group_types_db.set_specs(s, type_id, specs)

    def delete_spec(self, type_id: str, key: str) -> None:
        with self._db.write() as s:
            self._existing(s, type_id)
            if not group_types_db.delete_spec(s, type_id, key):
                raise errors.NotFound(f"Share group type {type_id} has no group specs "
                                      f"with key {key}.")

    # -- project access ------------------------------------------------------------------

    def change_access(self, type_id: str, project_id: str, grant: bool) -> None:
        with self._db.write() as s:
            found = self._existing(s, type_id)
            if found.is_public:
                raise errors.Conflict("Type access modification is not applicable to "
                                      "public share group type.")
            if grant and not group_types_db.add_project(s, type_id, project_id):
                raise AccessExists(f"Share group type access for {type_id} / "
                                   f"{project_id} combination already exists.")
            if not grant and not group_types_db.remove_project(s, type_id, project_id):
                raise AccessNotFound(f"Share group type access not found for {type_id} "
                                     f"/ {project_id} combination.")

    @staticmethod
    def _existing(s: Session, type_id: str) -> records.ShareGroupType:
        found = group_types_db.get(s, type_id)
        if found is None:
            raise errors.NotFound(f"Share group type {type_id} could not be found.")
        return found

    def ensure(self, name: str, share_type_names: Iterable[str]) -> None:
        """A public group type of the share types that exist, unless one of
        that name exists (the bootstrap's default group type)."""
        with self._db.write() as s:
            if group_types_db.get_by_name(s, name) is not None:
                return
            ids = [found.id for found in (types_db.get_by_name_or_id(s, n)
                                          for n in share_type_names) if found]
            if ids:
                group_types_db.create(s, str(uuid.uuid4()), name, True, ids, {})
