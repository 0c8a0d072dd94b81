"""Share and export location metadata (snapshot metadata lives with the
snapshots).  Keys listed in ``admin_only_metadata`` (2.68) are kept from
non-admins: they may neither set nor delete them, and a replace keeps them.
"""

from __future__ import annotations

from collections.abc import Mapping

from oslo_config import cfg

from manila_ui.backend.db import metadata as metadata_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.services import errors
from manila_ui.backend.services.fields import check_metadata

NOT_FOUND = "MetadataItemNotFound: Metadata item is not found."


# The plain operations on one metadata table, the same for every resource
# (shares, snapshots, export locations, subnets) and with Manila's words;
# a share's write (admin-only keys) and a snapshot's (locks it) are their own.

def get_items(db: Database, table: metadata_db.Table, owner_id: str) -> dict[str, str]:
    with db.read() as s:
        return metadata_db.get_all(s, table, owner_id)


def set_items(db: Database, table: metadata_db.Table, owner_id: str,
              items: Mapping[str, str], replace: bool) -> dict[str, str]:
    """Merge (POST) or replace (PUT); returns the whole metadata."""
    check_metadata(items)
    with db.write() as s:
        change = metadata_db.replace if replace else metadata_db.update
        return change(s, table, owner_id, items)


def delete_item(db: Database, table: metadata_db.Table, owner_id: str,
                key: str) -> None:
    with db.write() as s:
        if not metadata_db.delete_item(s, table, owner_id, key):
            raise errors.NotFound(NOT_FOUND)


class MetadataService:
    def __init__(self, db: Database, conf: cfg.ConfigOpts) -> None:
        self._db = db
        self._conf = conf

    @property
    def admin_only_keys(self) -> frozenset[str]:
        return frozenset(self._conf.admin_only_metadata)

    # -- shares ---------------------------------------------------------------

    def share_metadata(self, share_id: str) -> dict[str, str]:
        return get_items(self._db, metadata_db.SHARES, share_id)

    def set_share_metadata(self, share_id: str, items: Mapping[str, str], *,
                           replace: bool, may_set_admin_keys: bool) -> dict[str, str]:
        """Merge (POST) or replace (PUT); the admin-only keys a caller may
        not touch survive a replace and are refused in ``items``."""
        protected = self.admin_only_keys
        if set(items) & protected:
            if not may_set_admin_keys:
                raise errors.Refused("Cannot set or update admin only metadata.")
            protected = frozenset()
        check_metadata(items)
        with self._db.write() as s:
            if shares_db.get(s, share_id, for_update=True) is None:
                raise errors.NotFound("Share not found.")
            if not replace:
                return metadata_db.update(s, metadata_db.SHARES, share_id, items)
            current = metadata_db.get_all(s, metadata_db.SHARES, share_id)
            kept = {k: v for k, v in current.items() if k in protected}
            return metadata_db.replace(s, metadata_db.SHARES, share_id,
                                       {**items, **kept})

    def delete_share_metadata(self, share_id: str, key: str) -> None:
        delete_item(self._db, metadata_db.SHARES, share_id, key)

    # -- export locations (2.87) ---------------------------------------------

    def export_location_metadata(self, el_id: str) -> dict[str, str]:
        return get_items(self._db, metadata_db.EXPORT_LOCATIONS, el_id)

    def set_export_location_metadata(self, el_id: str, items: Mapping[str, str],
                                     replace: bool) -> dict[str, str]:
        return set_items(self._db, metadata_db.EXPORT_LOCATIONS, el_id, items, replace)

    def delete_export_location_metadata(self, el_id: str, key: str) -> None:
        delete_item(self._db, metadata_db.EXPORT_LOCATIONS, el_id, key)
