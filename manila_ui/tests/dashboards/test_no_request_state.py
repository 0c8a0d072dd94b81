"""No per-request state on what Horizon shares between requests.

Horizon makes one instance of each table action per table class, for the
whole process, and re-binds it to every new table; Horizon serves requests
on threads. So a page whose actions keep request state, or read it from that
shared binding, shows another user's object under load
(test_concurrent_pages.py proves it end to end). Two rules keep the
dashboards out of it, checked here over every module:

- every table derives from ``common_tables.DataTable``, which gives each
  table its own copies of its actions (so ``self.table`` is this request's);
- no method of a table, an action, a tab, a tab group or a workflow step
  (nor of a mixin of theirs) stores anything on ``self``, except
  ``__init__`` and ``update()`` (Horizon's hook, called on per-request
  copies); nor hands ``self`` to a helper that does.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from pathlib import Path
from typing import Any

from horizon import tables
from horizon import tabs
from horizon import workflows
from horizon.tables import actions

from manila_ui.dashboards import common_tables
from manila_ui.tests.dashboards.helpers import dashboard_modules

SHARED = (actions.BaseAction, tables.DataTable, tabs.Tab, tabs.TabGroup, workflows.Step)
MAY_SET_STATE = {"__init__", "update"}


def _ours(cls: type) -> bool:
    return cls.__module__.startswith("manila_ui.dashboards")


def _classes(modules: list[Any]) -> set[type]:
    """Our tables, actions, tabs and steps, and the classes they mix in."""
    found = set()
    for module in modules:
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if _ours(cls) and issubclass(cls, SHARED):
                found.update(base for base in cls.__mro__ if _ours(base))
    return found


def _is_self(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def _stores_on(target: ast.AST, name_test: Any) -> bool:
    """``target`` is ``x.attr``, ``x.a.b``, ``x[k]``... with ``x`` matching."""
    if isinstance(target, (ast.Tuple, ast.List)):
        return any(_stores_on(item, name_test) for item in target.elts)
    if not isinstance(target, (ast.Attribute, ast.Subscript)):
        return False
    while isinstance(target, (ast.Attribute, ast.Subscript)):
        target = target.value
    return name_test(target)


def _targets(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.Assign):
        return list(node.targets)
    if isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        return [node.target]
    return []


def mutating_helpers(sources: list[str]) -> set[str]:
    """Module-level functions that set attributes of their first parameter
    (such as ``show_quota(action, ...)``)."""
    found = set()
    for source in sources:
        for node in ast.parse(source).body:
            if not isinstance(node, ast.FunctionDef) or not node.args.args:
                continue
            first = node.args.args[0].arg
            if any(_stores_on(target, lambda n, f=first: isinstance(n, ast.Name)
                              and n.id == f)
                   for sub in ast.walk(node) for target in _targets(sub)):
                found.add(node.name)
    return found


def offences(source: str, helpers: set[str]) -> list[str]:
    """Where the methods of the class in ``source`` keep request state."""
    found = []
    classdef = ast.parse(textwrap.dedent(source)).body[0]
    assert isinstance(classdef, ast.ClassDef)
    for method in classdef.body:
        if not isinstance(method, ast.FunctionDef) or method.name in MAY_SET_STATE:
            continue
        for node in ast.walk(method):
            where = f"{classdef.name}.{method.name} line {getattr(node, 'lineno', '?')}"
            if any(_stores_on(target, _is_self) for target in _targets(node)):
                found.append(f"{where}: stores on self")
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name == "setattr" and node.args and _is_self(node.args[0]):
                    found.append(f"{where}: setattr(self, ...)")
                elif name in helpers and any(_is_self(arg) for arg in node.args):
                    found.append(f"{where}: {name}(self, ...) sets attributes of self")
    return found


def _helpers_of(modules: list[Any]) -> set[str]:
    return mutating_helpers([Path(module.__file__).read_text() for module in modules])


def test_no_table_action_tab_or_step_keeps_request_state():
    modules = dashboard_modules()
    helpers = _helpers_of(modules)
    assert "show_quota" in helpers
    classes = _classes(modules)
    assert len(classes) > 120  # every panel's tables, actions, tabs and steps
    found = [offence for cls in sorted(classes, key=lambda c: c.__qualname__)
             for offence in offences(inspect.getsource(cls), helpers)]
    assert not found, "\n".join(found)


def shared_binding(classes: set[type]) -> list[str]:
    """Tables whose actions Horizon shares between requests."""
    return sorted(f"{cls.__module__}.{cls.__qualname__}" for cls in classes
                  if issubclass(cls, tables.DataTable)
                  and not issubclass(cls, common_tables.DataTable))


def test_every_table_copies_its_actions():
    found = shared_binding(_classes(dashboard_modules()))
    assert not found, f"tables whose actions are shared between requests: {found}"


# What the rules above found in the dashboards before they existed (issue 11):
# the lint must keep finding such code.

OLD_POLICY_MIXIN = '''
class CachedPolicyMixin:
    def _allowed(self, request, datum=None):
        rules = self.policy_rules
        self.policy_rules = None
        try:
            return bool(super()._allowed(request, datum))
        finally:
            self.policy_rules = rules
'''
OLD_CREATE_BUTTON = '''
class QuotaCreateAction(tables.LinkAction):
    def allowed(self, request, datum=None):
        show_quota(self, self.quota_exhausted(request))
        return True
'''
OLD_QUOTA_STEP = '''
class UpdateShareQuota(ShareQuotaStep):
    def prepare_action_context(self, request, context):
        self.type_quotas_url = reverse("horizon:admin:share_quotas:project",
                                       args=(context["project_id"],))
        return context
'''
OLD_SHOW_QUOTA = '''
def show_quota(action, exceeded):
    action.verbose_name = action.label
    action.classes = []
'''


def test_the_lint_finds_what_it_was_written_for():
    helpers = mutating_helpers([OLD_SHOW_QUOTA])
    assert helpers == {"show_quota"}
    for source in (OLD_POLICY_MIXIN, OLD_CREATE_BUTTON, OLD_QUOTA_STEP):
        assert offences(source, helpers), source

    class RulesTable(tables.DataTable):  # as share_rules and share networks had it
        class Meta:
            name = "old_rules"

    assert shared_binding({RulesTable}) == [f"{__name__}.{RulesTable.__qualname__}"]
    assert offences('''
class Fine(tables.LinkAction):
    def update(self, request, datum):
        self.verbose_name = "per-row copy"

    def get_link_url(self, datum=None):
        return reverse(self.url, args=(self.table.kwargs["share_id"],))
''', helpers) == []
