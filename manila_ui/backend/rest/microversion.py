"""Microversions: parsing, negotiation, and the history of what we honour.

The request names its version in ``X-OpenStack-Manila-API-Version``
(absent: the minimum).  Manila accepts only ``<major>.<minor>`` there, so
``latest`` is a malformed version (400), exactly as on a real cloud;
a well-formed version outside [MIN, MAX] is 406.

What each version changes in our responses (additive, read in the view
builders' modifier methods; resources we do not serve yet are 404 at every
version):

* 2.2  shares: ``snapshot_support``
* 2.5  shares: ``task_state``
* 2.6  shares: ``share_type`` is the type id, plus ``share_type_name``
* 2.7  core URLs (``/types`` ``share_type_access:is_public``,
       ``/availability-zones``, ``/quota-sets``); ``os-*`` ones up to 2.6
* 2.9  export locations move out of the share to ``/export_locations``
* 2.13 access rules: ``cephx``
* 2.10 shares: ``access_rules_status`` (``syncing`` shown as ``out_of_sync``
       up to 2.27)
* 2.11 shares: ``replication_type``, ``has_replicas``
* 2.12 snapshots: manage / unmanage, admins see ``provider_location``
* 2.14 export locations: ``preferred``
* 2.16 shares: ``user_id``
* 2.21 access rules: ``access_key``
* 2.17 snapshots: ``user_id``, ``project_id``
* 2.24 shares: ``create_share_from_snapshot_support``; types: inferred
       optional extra specs for non-admins
* 2.25 ``/quota-sets/{project}/detail``
* 2.27 shares: ``revert_to_snapshot_support``; the ``revert`` action
* 2.31 shares: ``share_group_id``, ``source_share_group_snapshot_member_id``
* 2.28 access rules: their own ``state`` (before: the share's access_rules_status)
* 2.32 shares: ``mount_snapshot_support``
* 2.33 access rules: ``created_at`` / ``updated_at``
* 2.35 share list: ``export_location_id`` / ``export_location_path`` filters
* 2.36 share list: ``name~`` / ``description~`` substring filters
* 2.37 ``/messages``
* 2.38 access rules: IPv6 ``access_to``
* 2.40 quota sets: share group quotas
* 2.41 types: ``description``
* 2.42 share list: ``with_count``
* 2.45 ``/share-access-rules`` (list, show, metadata); ``access_list`` up to 2.44
* 2.46 types: ``is_default``
* 2.52 messages: ``created_since`` / ``created_before``
* 2.53 quota sets and limits: replica quotas
* 2.54 shares: ``progress``
* 2.58 limits: share group quotas
* 2.62 quota sets: ``per_share_gigabytes``
* 2.64 ``extend`` takes ``force`` (admins)
* 2.69 shares: ``is_soft_deleted``, ``scheduled_to_be_deleted_at``; the
       ``soft_delete`` / ``restore`` actions and the ``is_soft_deleted`` filter
* 2.73 snapshots: ``metadata``
* 2.77 ``/share-transfers``
* 2.79 snapshot list: ``with_count``
* 2.80 shares: ``source_backup_id``; quota sets and limits: backup quotas;
       ``/share-backups`` (experimental: only with the experimental header)
* 2.81 ``/resource-locks``
* 2.82 access rules: lock and restrict on allow, ``unrestrict`` on deny, list filters
* 2.85 share backups: ``backup_type`` (from the ``backup_options``)
* 2.87 export locations: ``metadata`` and its own endpoints
* 2.88 access rules: ``PUT /share-access-rules/{id}`` (level)
* 2.90 shares: ``encryption_key_ref``; quota sets: ``encryption_keys``
* 2.91 share backups: ``restore`` to another share
* 2.94 ``/qos-types`` and their specs
* 2.97 share list: ``availability_zone`` filter
* 2.99 shares and types: ``snapshot_inherit_share_access_support``
"""

from __future__ import annotations

import re
from typing import NamedTuple

from manila_ui.backend.types.values import echo

HEADER = "X-OpenStack-Manila-API-Version"
EXPERIMENTAL_HEADER = "X-OpenStack-Manila-API-Experimental"

_FORMAT = re.compile(r"^([1-9]\d*)\.([1-9]\d*|0)$", re.ASCII)
# Numbers longer than this are well formed, but beyond any version (and
# int() of 5,000 digits raises): refused unparsed.
_DIGITS = 9


class APIVersion(NamedTuple):
    major: int
    minor: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}"

    @classmethod
    def parse(cls, text: str) -> APIVersion:
        match = _FORMAT.match(text)
        if match is None:
            raise MalformedVersion(text)
        if max(len(match.group(1)), len(match.group(2))) > _DIGITS:
            raise UnsupportedVersion(None, text)
        return cls(int(match.group(1)), int(match.group(2)))


MIN = APIVersion(2, 0)
MAX = APIVersion(2, 99)


class MalformedVersion(ValueError):
    def __init__(self, text: str) -> None:
        super().__init__(f"API Version String {echo(text)} is of invalid format. "
                         "Must be of format MajorNum.MinorNum.")


class UnsupportedVersion(ValueError):
    """``version`` is None when the text was too long to parse."""

    def __init__(self, version: APIVersion | None, text: str = "") -> None:
        self.version = version
        shown = version if version is not None else echo(text)
        super().__init__(f"Version {shown} is not supported by the API. "
                         f"Minimum is {MIN} and maximum is {MAX}.")


def negotiate(header: str | None) -> APIVersion:
    """The version a request runs at; raises MalformedVersion (400) or
    UnsupportedVersion (406)."""
    if header is None:
        return MIN
    version = APIVersion.parse(header.strip())
    if not MIN <= version <= MAX:
        raise UnsupportedVersion(version)
    return version


def experimental(header: str | None) -> bool:
    """Whether a header value asks for experimental APIs (oslo's
    ``bool_from_string``: ``True``, ``yes``, ``1``...; anything else no)."""
    return (header or "").strip().lower() in ("1", "t", "true", "on", "y", "yes")


def v(text: str) -> APIVersion:
    """Shorthand for version literals in code: ``v("2.42")``."""
    return APIVersion.parse(text)
