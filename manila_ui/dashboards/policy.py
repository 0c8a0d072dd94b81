"""Who may see a panel, a button or a form: the Manila service check of
every panel, local policy checks (the generated copy of Manila's rules) and
the policy targets of table actions and form views (project and admin
panels alike)."""

from __future__ import annotations

from typing import Any

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


def _key(rules: Any, target: dict[str, Any] | None) -> tuple[Any, ...]:
    return (tuple(tuple(rule) for rule in rules),
            tuple(sorted((str(k), str(v)) for k, v in (target or {}).items())))


def check(request: Any, rules: Any, target: dict[str, Any] | None = None) -> bool:
    """Horizon's policy check (``POLICY_CHECK_FUNCTION``), decided once per
    request for the same rules and target.

    oslo.policy re-reads its rule set's state on every check (about 0.5 ms
    each); a page of 20 rows with ten row actions asked it 200 times the
    same question. Every check of the plugin goes through here: table
    actions (``common_tables.DataTable``), ``allows()``, the form views.
    The decisions live on the request, so they die with it.
    """
    if not rules:
        return True
    key = _key(rules, target)
    memo = request.__dict__.setdefault(_MEMO, {})
    decided = memo.get(key)
    if decided is None:
        # The check fills defaults into the target it is given: a copy.
        decided = memo[key] = bool(policy.check(rules, request,
                                                target=dict(target or {})))
    return decided


def decisions(request: Any) -> int:
    """How many distinct policy decisions this request needed (tests)."""
    return len(request.__dict__.get(_MEMO, {}))


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
