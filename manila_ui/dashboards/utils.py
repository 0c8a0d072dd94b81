"""Small helpers shared by the Share panels (project and admin)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from manila_ui.api import client as api_client

_UNREACHABLE = "_manila_ui_unreachable"


def supports(request: Any, feature: str) -> bool:
    """Whether the user's Manila offers a named feature (api.microversions).

    Used by ``allowed()`` of table actions: it never calls the API once the
    request's client exists, and when Manila cannot be reached it answers
    False at once for the rest of the request instead of trying again per
    button (the page already shows why).
    """
    if getattr(request, _UNREACHABLE, False):
        return False
    try:
        return api_client.supports(request, feature)
    except Exception:
        setattr(request, _UNREACHABLE, True)
        return False


def manila_features() -> dict[str, Any]:
    return dict(getattr(settings, "OPENSTACK_MANILA_FEATURES", {}) or {})


def is_error_status(status: str | None) -> bool:
    status = status or ""
    return status.startswith("error") or status.endswith("_error")
