"""Share actions (``POST /shares/{id}/action``) and share metadata.

Every action here returns as soon as Manila accepted it (202): the share
then moves through a transitional status (``extending``, ``shrinking``,
``reverting``...) that the dashboard's rows poll. Nothing waits for the
result inside a Horizon request.
"""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client
from manila_ui.api import shares

# Statuses an admin may reset a share to (Manila accepts any, these are the
# ones that make sense to offer).
RESET_STATUSES = ("available", "error", "inactive", "creating", "deleting",
                  "error_deleting", "extending", "extending_error",
                  "shrinking", "shrinking_error", "manage_error",
                  "unmanage_error")


def _manager(request: Any) -> Any:
    return client.manilaclient(request).shares


def share_extend(request: Any, share_id: str, new_size: int, *,
                 force: bool = False) -> None:
    """Grow a share. ``force`` (admins, 2.64) skips the scheduler's capacity
    check; below 2.64 it is refused rather than silently dropped."""
    if force:
        if not client.supports(request, "force_extend"):
            raise ValueError("force extend needs Manila 2.64")
        _manager(request).extend(share_id, new_size, force=True)
    else:
        _manager(request).extend(share_id, new_size)
    base.forget(request)


def share_shrink(request: Any, share_id: str, new_size: int) -> None:
    _manager(request).shrink(share_id, new_size)
    base.forget(request)


def share_resize(request: Any, share_id: str, old_size: int, new_size: int,
                 *, force: bool = False) -> str:
    """Extend or shrink, whichever ``new_size`` means; returns which."""
    if new_size > old_size:
        share_extend(request, share_id, new_size, force=force)
        return "extend"
    if new_size < old_size:
        share_shrink(request, share_id, new_size)
        return "shrink"
    raise ValueError("the new size equals the current size")


def share_revert(request: Any, share_id: str, snapshot_id: str) -> None:
    """Revert to a snapshot (2.27; Manila only accepts the latest one)."""
    _manager(request).revert_to_snapshot(share_id, snapshot_id)
    base.forget(request)


def share_soft_delete(request: Any, share_id: str) -> None:
    """Move to the recycle bin (2.69)."""
    _manager(request).soft_delete(share_id)
    base.forget(request)


def share_restore(request: Any, share_id: str) -> None:
    """Take out of the recycle bin (2.69)."""
    _manager(request).restore(share_id)
    base.forget(request)


def share_reset_status(request: Any, share_id: str, status: str) -> None:
    _manager(request).reset_state(share_id, status)
    base.forget(request)


def share_force_delete(request: Any, share_id: str) -> None:
    _manager(request).force_delete(share_id)
    base.forget(request)


def share_manage(request: Any, *, service_host: str, protocol: str,
                 export_path: str, share_type: str | None = None,
                 name: str | None = None, description: str | None = None,
                 is_public: bool = False,
                 driver_options: dict[str, str] | None = None
                 ) -> shares.Share:
    """Take over a share that exists on a back end (DHSS=False types)."""
    managed = _manager(request).manage(
        service_host=service_host, protocol=protocol,
        export_path=export_path, driver_options=driver_options or {},
        share_type=share_type or None, name=name or None,
        description=description or None, is_public=is_public)
    base.forget(request)
    return shares.Share.from_resource(managed)


def share_unmanage(request: Any, share_id: str) -> None:
    _manager(request).unmanage(share_id)
    base.forget(request)


# --- metadata -------------------------------------------------------------


def share_metadata_get(request: Any, share_id: str) -> dict[str, str]:
    found = _manager(request).get_metadata(share_id)
    return base.info_of(found)


def share_metadata_replace(request: Any, share_id: str,
                           metadata: dict[str, str]) -> dict[str, str]:
    """Make the share's metadata exactly ``metadata`` in one call (PUT).

    Manila keeps the admin-only keys (2.68) that a non-admin cannot touch.
    """
    found = _manager(request).update_all_metadata(share_id, metadata)
    base.forget(request)
    return dict(base.info_of(found).get("metadata") or {})
