"""Small helpers shared by the Share panels (project and admin)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from openstack_dashboard import policy

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


def allows(request: Any, rule: str, target: dict[str, Any] | None = None,
           scope: str = "share") -> bool:
    """Local policy check (the generated copy of Manila's rules)."""
    return bool(policy.check(((scope, rule),), request, target=target))


def manila_features() -> dict[str, Any]:
    return dict(getattr(settings, "OPENSTACK_MANILA_FEATURES", {}) or {})


def is_error_status(status: str | None) -> bool:
    status = status or ""
    return status.startswith("error") or status.endswith("_error")


_POLICY_MEMO = "_manila_ui_policy_checks"


class CachedPolicyMixin:
    """Check a table action's policy once per request and target, not once
    per row: a page of 20 shares with ten row actions made 200 identical
    oslo.policy checks, a third of the page's time."""

    policy_rules: Any = None

    def _allowed(self, request: Any, datum: Any = None) -> bool:
        rules = self.policy_rules
        if not rules:
            return bool(super()._allowed(request, datum))  # type: ignore[misc]
        target = self.get_policy_target(request, datum)  # type: ignore[attr-defined]
        key = (tuple(rules), tuple(sorted((str(k), str(v))
                                          for k, v in (target or {}).items())))
        memo = request.__dict__.setdefault(_POLICY_MEMO, {})
        if key not in memo:
            memo[key] = bool(policy.check(rules, request, target=target))
        if not memo[key]:
            return False
        # The rest of Horizon's checks (allowed(), a batch action's "no
        # rows" rule) without checking the policy again.
        self.policy_rules = None
        try:
            return bool(super()._allowed(request, datum))  # type: ignore[misc]
        finally:
            self.policy_rules = rules
