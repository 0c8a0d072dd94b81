"""Who may see a panel, a button or a form: the Manila service check of
every panel, local policy checks (the generated copy of Manila's rules) and
the policy targets of table actions and form views (project and admin
panels alike)."""

from __future__ import annotations

import hashlib
import time
from typing import Any

import horizon
from horizon import exceptions
from horizon import tables
from openstack_dashboard import policy

# A panel shows where the catalog has Manila under any of its names; the
# client itself uses sharev2, else shared-file-system (see api/client.py).
MANILA_SERVICE_PERMISSIONS = (
    ("openstack.services.sharev2",
     "openstack.services.shared-file-system",
     "openstack.services.share"),
)

_MEMO = "_manila_ui_policy_checks"
_EVALUATED = "_manila_ui_policy_evaluated"
_WHO = "_manila_ui_credentials_key"

# Decisions of a token, shared by its requests in this process for a minute:
# the navigation's panels ask the same on every page. A decision depends on
# the rule, the target and the token's credentials (user, project, roles), so
# nobody sees another token's; an operator's policy change shows within TTL.
SHARED_TTL = 60.0
_SHARED_MAX = 20000
_shared: dict[tuple[Any, ...], tuple[bool, float]] = {}


def _target_key(target: dict[str, Any] | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((str(k), str(v)) for k, v in (target or {}).items()))


def _token_key(request: Any) -> str | None:
    key = request.__dict__.get(_WHO)
    if key is None:
        token_id = getattr(getattr(getattr(request, "user", None), "token", None), "id", None)
        key = request.__dict__[_WHO] = (
            hashlib.sha256(str(token_id).encode()).hexdigest() if token_id else "")
    return key or None


def _decide(request: Any, rule: Any, target: dict[str, Any] | None,
            where: tuple[tuple[str, str], ...]) -> bool:
    token = _token_key(request)
    key = (token, tuple(rule), where)
    now = time.monotonic()
    if token is not None:
        found = _shared.get(key)
        if found is not None and now - found[1] < SHARED_TTL:
            return found[0]
    # The check fills defaults into the target it is given: a copy.
    decided = bool(policy.check((rule,), request, target=dict(target or {})))
    request.__dict__[_EVALUATED] = request.__dict__.get(_EVALUATED, 0) + 1
    if token is not None:
        if len(_shared) >= _SHARED_MAX:
            _shared.clear()
        _shared[key] = (decided, now)
    return decided


def check(request: Any, rules: Any, target: dict[str, Any] | None = None) -> bool:
    """Horizon's policy check (``POLICY_CHECK_FUNCTION``: all ``rules``
    must allow), each rule decided once per request and target, and once a
    minute per token (``SHARED_TTL``).

    oslo.policy re-reads its rule set's state on every check (about 0.5 ms
    each); a page of 20 rows with ten row actions asked it 200 times the
    same question, and the navigation asks on every page what its panels
    need. Every check of the plugin goes through here: panels (``Panel``),
    table actions (``common_tables.DataTable``), ``allows()``, the form
    views.
    """
    if not rules:
        return True
    where = _target_key(target)
    memo = request.__dict__.setdefault(_MEMO, {})
    for rule in rules:
        key = (tuple(rule), where)
        decided = memo.get(key)
        if decided is None:
            decided = memo[key] = _decide(request, rule, target, where)
        if not decided:
            return False
    return True


def decisions(request: Any) -> tuple[int, int]:
    """(distinct decisions this request needed, how many of them it had to
    evaluate) (tests)."""
    return len(request.__dict__.get(_MEMO, {})), request.__dict__.get(_EVALUATED, 0)


def allows(request: Any, rule: str, target: dict[str, Any] | None = None,
           scope: str = "share") -> bool:
    """One local policy check (the target defaults to the user's project)."""
    return check(request, ((scope, rule),), target)


def action_allowed(action: Any, request: Any, datum: Any = None) -> bool:
    """Horizon's ``_allowed`` of a table action (its policy rules, then
    its ``allowed()``), with the policy decided once per request and target
    (``check``). Nothing is stored on the action (Horizon shares them)."""
    rules = action.policy_rules
    if rules and not check(request, rules, action.get_policy_target(request, datum)):
        return False
    # Horizon's other check (BatchAction._allowed): no batch action on a
    # table without rows, except while a row updates itself.
    if isinstance(action, tables.BatchAction) and not datum and \
            request.GET.get("action") != "row_update" and not action.table.data:
        return False
    return bool(action.allowed(request, datum))


class Panel(horizon.Panel):
    """The base of every panel of the plugin: shown where the catalog has
    Manila, to whoever one of its ``policy_rules`` allows (Horizon ORs
    them; a nested tuple is ANDed), each rule decided once per request
    (``check``) for the navigation, the view and the page's buttons."""

    permissions = MANILA_SERVICE_PERMISSIONS

    def allowed(self, context: Any) -> bool:
        if not self.policy_rules:
            return True
        request = context["request"]
        for rule in self.policy_rules:
            nested = any(isinstance(part, (list, tuple)) for part in rule)
            if check(request, rule if nested else (rule,)):
                return True
        return False


class CachedPolicyMixin:
    """Check a table action's policy once per request and target, not once
    per row (see ``check``). Every table of ``common_tables.DataTable`` does
    so for all its actions; the mixin keeps it for an action used
    elsewhere. Put it first among the bases."""

    policy_rules: Any = None

    def _allowed(self, request: Any, datum: Any = None) -> bool:
        return action_allowed(self, request, datum)


class ProjectTargetMixin(CachedPolicyMixin, policy.PolicyTargetMixin):
    """Policy checks run against the row's own project (a share's, a
    network's...), as Manila checks them."""

    policy_target_attrs = (("project_id", "project_id"),)


class TableObjectTargetMixin(CachedPolicyMixin):
    """Policy checks against the project of the object a table belongs to
    (a share's rules, a network's subnets): the object is the table's
    keyword ``target_kwarg``, which the view or tab gives it."""

    target_kwarg = ""

    def get_policy_target(self, request: Any, datum: Any = None) -> dict[str, Any]:
        owner = self.table.kwargs.get(self.target_kwarg)  # type: ignore[attr-defined]
        return {"project_id": getattr(owner, "project_id", None)}


class PolicyCheckedView:
    """A form or workflow view that answers Horizon's 403 page to whoever
    may not use it, from the same rules as the button that opens it: a
    reader who types a form's URL gets no form that Manila would refuse.

    Put it first among the bases. ``policy_rules`` is the button's; the
    target is the project of ``policy_object()`` (the object the form
    changes; the user's own project when there is none)."""

    policy_rules: Any = ()
    request: Any

    def policy_object(self) -> Any:
        return None

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        rules = self.policy_rules
        if rules:
            owner = self.policy_object()
            target = {"project_id": getattr(owner, "project_id", None)}
            if not check(request, rules, target):
                raise exceptions.NotAuthorized
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
