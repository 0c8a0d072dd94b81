"""Share quotas: a project's (or one share type's) limits and usage, the
defaults (quota class ``default``), and their updates.

Which resources exist depends on the microversion this request talks at
(``resources(request)``), so a form never offers a field the server would
refuse and never hides one it has.  Updates go as one ``PUT`` with only the
fields given; python-manilaclient's ``quotas.update`` has no backup
arguments, so the body is sent through its HTTP client.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from manila_ui.api import base
from manila_ui.api import client
from manila_ui.api import microversions


@dataclass(frozen=True)
class Resource:
    name: str
    label: Any            # lazy translation
    since: str            # the microversion that brought it
    per_type: bool = True  # whether a share type's quotas may hold it


RESOURCES: tuple[Resource, ...] = (
    Resource("shares", _("Shares"), "2.0"),
    Resource("gigabytes", _("Share Gigabytes"), "2.0"),
    Resource("snapshots", _("Share Snapshots"), "2.0"),
    Resource("snapshot_gigabytes", _("Snapshot Gigabytes"), "2.0"),
    Resource("share_networks", _("Share Networks"), "2.0", per_type=False),
    Resource("share_groups", _("Share Groups"), "2.40", per_type=False),
    Resource("share_group_snapshots", _("Share Group Snapshots"), "2.40",
             per_type=False),
    Resource("share_replicas", _("Share Replicas"), "2.53"),
    Resource("replica_gigabytes", _("Replica Gigabytes"), "2.53"),
    Resource("per_share_gigabytes", _("Gigabytes per Share"), "2.62"),
    Resource("backups", _("Share Backups"), "2.80"),
    Resource("backup_gigabytes", _("Backup Gigabytes"), "2.80"),
    Resource("encryption_keys", _("Encryption Keys"), "2.90"),
)
BY_NAME = {r.name: r for r in RESOURCES}
# A limit on one share's size: nothing is "used" of it.
NOT_COUNTED = ("per_share_gigabytes",)


def resources(request: Any, share_type: bool = False) -> list[Resource]:
    """The quota resources the server has at this request's microversion
    (those a share type may hold, with ``share_type``)."""
    version = microversions.version_key(client.api_version(request))
    return [r for r in RESOURCES if microversions.version_key(r.since) <= version
            and (r.per_type or not share_type)]


@dataclass(frozen=True)
class QuotaEntry:
    """One resource of a quota set; ``in_use`` is None when not asked for."""

    resource: Resource
    limit: int
    in_use: int | None = None

    @property
    def name(self) -> str:
        return self.resource.name

    @property
    def unlimited(self) -> bool:
        return self.limit < 0


def _entries(request: Any, body: dict[str, Any], share_type: bool) -> list[QuotaEntry]:
    found = []
    for resource in resources(request, share_type):
        value = body.get(resource.name)
        if value is None:
            continue
        if isinstance(value, dict):
            found.append(QuotaEntry(resource, int(value.get("limit", -1)),
                                    int(value.get("in_use", 0))))
        else:
            found.append(QuotaEntry(resource, int(value)))
    return found


def _path(project_id: str, suffix: str = "", user_id: str | None = None,
          share_type: str | None = None) -> str:
    query = {k: v for k, v in (("user_id", user_id), ("share_type", share_type)) if v}
    return f"/quota-sets/{project_id}{suffix}" + (f"?{urlencode(query)}" if query else "")


def _http(request: Any) -> Any:
    return client.manilaclient(request).client


@base.request_memoized
def quota_get(request: Any, project_id: str, share_type: str | None = None,
              detail: bool = True) -> list[QuotaEntry]:
    """A project's (or one of its share types') limits, with what is in use
    when ``detail`` (2.25+; older servers give limits only)."""
    detail = detail and microversions.version_key(client.api_version(request)) >= (2, 25)
    _resp, body = _http(request).get(_path(project_id, "/detail" if detail else "",
                                           share_type=share_type))
    return _entries(request, body["quota_set"], share_type is not None)


def quota_update(request: Any, project_id: str, limits: dict[str, int],
                 force: bool = False, share_type: str | None = None) -> None:
    body: dict[str, Any] = dict(limits)
    if force:
        body["force"] = True
    _http(request).put(_path(project_id, share_type=share_type), body={"quota_set": body})
    base.forget(request)


def quota_reset(request: Any, project_id: str, share_type: str | None = None) -> None:
    _http(request).delete(_path(project_id, share_type=share_type))
    base.forget(request)


@base.request_memoized
def default_quota_get(request: Any) -> list[QuotaEntry]:
    """What every project gets unless it has its own limits."""
    _resp, body = _http(request).get("/quota-class-sets/default")
    return _entries(request, body["quota_class_set"], False)


def default_quota_update(request: Any, limits: dict[str, int]) -> None:
    _http(request).put("/quota-class-sets/default", body={"quota_class_set": dict(limits)})
    base.forget(request)
