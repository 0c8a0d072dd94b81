"""Small helpers shared by the Share panels (project and admin)."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings

from manila_ui.api import client as api_client
from manila_ui.api import exceptions as api_exceptions

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


def known_to_lack(request: Any, feature: str) -> bool:
    """For ``Panel.allowed``: whether the user's Manila is known (without a
    call) to lack a named feature; when nothing is known yet, it is not."""
    return api_client.known_to_lack(request, feature)


def manila_features() -> dict[str, Any]:
    return dict(getattr(settings, "OPENSTACK_MANILA_FEATURES", {}) or {})


def share_groups_enabled() -> bool:
    """Upstream manila-ui's ``enable_share_groups`` toggle: the share group
    panels, and Create Share's "Share group" choice."""
    return bool(manila_features().get("enable_share_groups", True))


def replication_enabled() -> bool:
    """Upstream manila-ui's ``enable_replication`` toggle: a share's Replicas
    tab; it also needs Manila 2.56."""
    return bool(manila_features().get("enable_replication", True))


def migration_enabled() -> bool:
    """Upstream manila-ui's ``enable_migration`` toggle: the migration
    actions of Admin › Shares; they also need Manila 2.96."""
    return bool(manila_features().get("enable_migration", True))


def is_error_status(status: str | None) -> bool:
    status = status or ""
    return status.startswith("error") or status.endswith("_error")


class OneLineNotFound(logging.Filter):
    """Horizon logs every Manila 404 it handles (a share deleted meanwhile,
    a stale bookmark) with its traceback, at ERROR: one WARNING line says
    all there is. Other errors, and other services' 404s, keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, api_exceptions.NOT_FOUND):
            record.exc_info = record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


NOT_FOUND_LOGS = OneLineNotFound()
