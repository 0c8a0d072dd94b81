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
