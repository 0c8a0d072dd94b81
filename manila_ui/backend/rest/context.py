"""The request context: who is calling, as oslo.policy and services see it."""

from __future__ import annotations

from typing import Any

from oslo_context import context

from manila_ui.backend.services.context import Caller


class RequestContext(context.RequestContext):
    """oslo.context's context; ``is_admin`` is decided by the policy rule
    ``context_is_admin`` once the context exists (see authz)."""

    def caller(self) -> Caller:
        return Caller(project_id=self.project_id or "", user_id=self.user_id or "",
                      request_id=self.request_id, is_admin=bool(self.is_admin))

    def policy_target(self) -> dict[str, Any]:
        return {"project_id": self.project_id, "user_id": self.user_id}
