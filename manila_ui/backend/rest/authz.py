"""Policy enforcement with oslo.policy over the rules in ``policies``.

Operators may override rules in ``[oslo_policy] policy_file`` as in any
OpenStack service.
"""

from __future__ import annotations

from typing import Any

from oslo_config import cfg
from oslo_policy import policy

from manila_ui.backend import policies
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.context import RequestContext


class Authorizer:
    def __init__(self, conf: cfg.ConfigOpts) -> None:
        self._enforcer = policy.Enforcer(conf)
        self._enforcer.register_defaults(policies.list_rules())
        # Manila silences these too: every default changed with secure RBAC.
        self._enforcer.suppress_default_change_warnings = True

    def allowed(self, ctx: RequestContext, rule: str,
                target: dict[str, Any] | None = None) -> bool:
        try:
            return bool(self._enforcer.authorize(
                rule, target or ctx.policy_target(), ctx, do_raise=False))
        except policy.InvalidScope:
            return False

    def authorize(self, ctx: RequestContext, rule: str,
                  target: dict[str, Any] | None = None) -> None:
        """Raise 403 unless ``rule`` allows the caller on ``target``
        (default: the caller's own project).  The messages are Manila's: its
        API-level check names no rule, its check on a resource does."""
        if not self.allowed(ctx, rule, target):
            if target is None:
                raise faults.Forbidden()
            raise faults.Forbidden(f"Policy doesn't allow {rule} to be performed.")

    def mark_admin(self, ctx: RequestContext) -> None:
        ctx.is_admin = self.allowed(ctx, "context_is_admin")
