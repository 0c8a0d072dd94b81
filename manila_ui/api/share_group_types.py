"""Share group types (admin): list, get, default, create, delete, group
specs, and the projects given a private type."""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client


class ShareGroupType(base.ManilaResource):
    _attrs = ("id", "name", "is_public", "group_specs", "share_types", "is_default")
    id: str
    name: str | None
    is_public: bool | None
    group_specs: dict[str, str] | None
    share_types: list[str] | None
    is_default: bool | None


def _client(request: Any) -> Any:
    return client.manilaclient(request)


@base.request_memoized
def share_group_type_list(request: Any) -> list[ShareGroupType]:
    """Every group type the user may see (``is_public=all``; Manila shows a
    member the public ones and those given to the project): one call."""
    return base.wrap_all(ShareGroupType,
                         _client(request).share_group_types.list(show_all=True))


def share_group_type_get(request: Any, type_id: str) -> ShareGroupType:
    return ShareGroupType.from_resource(_client(request).share_group_types.get(type_id))


def share_group_type_create(request: Any, *, name: str, share_types: list[str],
                            is_public: bool = True,
                            group_specs: dict[str, str] | None = None) -> ShareGroupType:
    created = _client(request).share_group_types.create(
        name, share_types, is_public=is_public, group_specs=group_specs or {})
    base.forget(request)
    return ShareGroupType.from_resource(created)


def share_group_type_delete(request: Any, type_id: str) -> None:
    _client(request).share_group_types.delete(type_id)
    base.forget(request)


def _type_resource(request: Any, type_id: str, **info: Any) -> Any:
    """python-manilaclient's object of a group type we know the id of (its
    spec and access calls want one): no GET for it."""
    manager = _client(request).share_group_types
    return manager.resource_class(manager, {"id": type_id, **info}, loaded=True)


def share_group_type_set_specs(request: Any, type_id: str,
                               specs: dict[str, str]) -> None:
    _type_resource(request, type_id).set_keys(specs)
    base.forget(request)


def share_group_type_unset_specs(request: Any, type_id: str, keys: list[str]) -> None:
    _type_resource(request, type_id).unset_keys(keys)
    base.forget(request)


def share_group_type_access_list(request: Any, type_id: str) -> list[str]:
    """The projects given a private group type (their ids): one call."""
    found = _client(request).share_group_type_access.list(
        _type_resource(request, type_id, is_public=False))
    return [str(base.info_of(a).get("project_id")) for a in found]


def share_group_type_add_project(request: Any, type_id: str, project_id: str) -> None:
    _client(request).share_group_type_access.add_project_access(type_id, project_id)
    base.forget(request)


def share_group_type_remove_project(request: Any, type_id: str, project_id: str) -> None:
    _client(request).share_group_type_access.remove_project_access(type_id, project_id)
    base.forget(request)
