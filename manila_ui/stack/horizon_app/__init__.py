"""What the bundled stack adds to its own Horizon (never to a cloud that installs the
plugin): ``horizon_settings`` puts this app (``apps.StackHorizonConfig``) and its middleware
into the stack's settings.

- Logout revokes the session's Keystone tokens, so a token copied out of the session
  before logout is worthless afterwards (openstack_auth only forgets them).
- A dashboard whose default panel the user may not open (Admin › Overview needs compute,
  which our catalog lacks) redirects to the first panel of its navigation the user may
  open, instead of Horizon's 403.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.http import HttpResponse
from django.http import HttpResponseRedirect

LOG = logging.getLogger(__name__)
REVOKE_TIMEOUT = 5.0


def session_tokens(user: Any) -> list[str]:
    """The Keystone token ids a Horizon session holds: the scoped one, then the unscoped."""
    ids = [getattr(getattr(user, "token", None), "id", None), getattr(user, "unscoped_token", None)]
    return list(dict.fromkeys(t for t in ids if isinstance(t, str) and t))


def revoke_tokens(sender: Any, request: HttpRequest | None, user: Any, **_kw: Any) -> None:
    """``DELETE /v3/auth/tokens`` for each token of the session (Keystone lets a token
    revoke itself). Logout goes on whatever Keystone answers."""
    from keystoneauth1 import session as ks_session

    tokens = session_tokens(user)
    if not tokens:
        return
    auth_url = (getattr(user, "endpoint", None) or settings.OPENSTACK_KEYSTONE_URL).rstrip("/")
    verify: bool | str = not getattr(settings, "OPENSTACK_SSL_NO_VERIFY", False)
    if verify and getattr(settings, "OPENSTACK_SSL_CACERT", None):
        verify = settings.OPENSTACK_SSL_CACERT
    sess = ks_session.Session(verify=verify, timeout=REVOKE_TIMEOUT)
    for token in tokens:
        try:
            resp = sess.delete(f"{auth_url}/auth/tokens", raise_exc=False,
                               headers={"X-Auth-Token": token, "X-Subject-Token": token})
            revoked = resp.status_code in (204, 404)  # 404: already expired or revoked
        except Exception:  # noqa: BLE001 - an unreachable Keystone must not block logout
            revoked = False
        if not revoked:
            LOG.warning("logout of %s: Keystone did not revoke a session token",
                        getattr(user, "username", "?"))


def may_open(request: HttpRequest, component: Any) -> bool:
    """What Horizon checks before it serves a panel: its policy rules and its
    permissions (e.g. ``openstack.services.compute``: a service in the catalog)."""
    context = {"request": request}
    return bool(component.can_access(context)) and request.user.has_perms(
        getattr(component, "permissions", ()))


def _in_navigation(request: HttpRequest, panel: Any) -> bool:
    return bool(panel.nav({"request": request}) if callable(panel.nav) else panel.nav)


def first_allowed_panel(request: HttpRequest, dashboard: Any) -> str | None:
    """The URL of the first panel (navigation order) of ``dashboard`` the user may open,
    when its default panel is not one of them; else None."""
    if not may_open(request, dashboard):
        return None  # Horizon's own answer (login or 403) stands
    default = dashboard.get_panel(dashboard.default_panel)
    if may_open(request, default):
        return None
    for group in dashboard.get_panel_groups().values():
        for panel in group:
            if panel is not default and _in_navigation(request, panel) and may_open(
                    request, panel):
                return str(panel.get_absolute_url())
    return None


class DefaultPanelFallback:
    """GET of a dashboard's root whose default panel is refused → the first allowed panel."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, *_args: Any) -> HttpResponse | None:
        # After URL resolution: Horizon has registered its dashboards by now.
        if request.method != "GET" or not request.user.is_authenticated:
            return None
        import horizon

        for dashboard in horizon.get_dashboards():
            if request.path == dashboard.get_absolute_url():
                target = first_allowed_panel(request, dashboard)
                return HttpResponseRedirect(target) if target else None
        return None
