"""Share types as a project user sees them."""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client


class ShareType(base.ManilaResource):
    _attrs = ("id", "name", "description", "is_default", "extra_specs",
              "required_extra_specs")
    id: str
    name: str | None
    description: str | None
    is_default: bool | None
    extra_specs: dict[str, str] | None
    required_extra_specs: dict[str, str] | None

    @property
    def is_public(self) -> bool:
        return bool(self._info.get("share_type_access:is_public", True))

    @property
    def driver_handles_share_servers(self) -> bool:
        specs = self.extra_specs or self.required_extra_specs or {}
        value = str(specs.get("driver_handles_share_servers", "")).lower()
        return value in ("true", "1", "yes", "on")


@base.request_memoized
def share_type_list(request: Any) -> list[ShareType]:
    """The share types the user may use; the server filters by role."""
    types = client.manilaclient(request).share_types.list(show_all=True)
    return base.wrap_all(ShareType, types)


# -- admin: the share types panel ------------------------------------------------

def share_type_get(request: Any, type_id: str) -> ShareType:
    return ShareType.from_resource(client.manilaclient(request).share_types.get(type_id))


def share_type_create(request: Any, *, name: str, description: str | None,
                      is_public: bool, dhss: bool,
                      extra_specs: dict[str, str]) -> ShareType:
    kwargs: dict[str, Any] = {"is_public": is_public, "extra_specs": extra_specs}
    if description and client.supports(request, "share_type_description"):
        kwargs["description"] = description
    created = client.manilaclient(request).share_types.create(
        name, spec_driver_handles_share_servers=dhss, **kwargs)
    base.forget(request)
    return ShareType.from_resource(created)


def share_type_delete(request: Any, type_id: str) -> None:
    client.manilaclient(request).share_types.delete(type_id)
    base.forget(request)


def share_type_update_extra_specs(request: Any, type_id: str, *,
                                  set_specs: dict[str, str],
                                  unset_keys: list[str]) -> None:
    share_type = client.manilaclient(request).share_types.get(type_id)
    if set_specs:
        share_type.set_keys(set_specs)
    if unset_keys:
        share_type.unset_keys(unset_keys)
    base.forget(request)
