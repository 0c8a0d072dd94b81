"""The dashboard's policy file is the backend's rules, and every button
names a rule that exists (a typo would silently allow the action)."""

import inspect

import yaml
from horizon.tables import actions

from manila_ui.conf import genpolicy
from manila_ui.dashboards.admin.shares import panel as admin_panel
from manila_ui.dashboards.admin.shares import tables as admin_tables
from manila_ui.dashboards.project.shares import panel as project_panel
from manila_ui.dashboards.project.shares import tables as project_tables


def test_committed_policy_yaml_matches_the_rules_in_code():
    """Fails when manila_ui/backend/policies changed without `make genpolicy`."""
    assert genpolicy.OUTPUT.read_text() == genpolicy.render(), (
        "manila_ui/conf/default_policies/manila.yaml drifted from the rules "
        "in code: run `make genpolicy` and commit the result")


def _defined_rules():
    return {rule["name"] for rule in yaml.safe_load(genpolicy.OUTPUT.read_text())}


def _policy_rules_in(*modules):
    found = set()
    for module in modules:
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            rules = getattr(obj, "policy_rules", None) or ()
            if issubclass(obj, actions.BaseAction) or hasattr(obj, "slug"):
                found.update(rules)
    return found


def test_every_action_and_panel_names_a_defined_share_rule():
    used = _policy_rules_in(project_tables, admin_tables, project_panel,
                            admin_panel)
    assert ("share", "share:create") in used
    assert ("share", "share:delete") in used
    assert ("share", "share:update") in used
    defined = _defined_rules()
    unknown = {rule for scope, rule in used
               if scope == "share" and rule not in defined}
    assert not unknown, f"rules the backend does not define: {unknown}"
    assert {scope for scope, _rule in used} == {"share"}


def test_forms_check_rules_that_exist():
    """Rules checked in code (pools for protocols, public shares)."""
    from manila_ui.dashboards.project.shares import forms

    source = inspect.getsource(forms)
    defined = _defined_rules()
    for rule in ("scheduler_stats:pools:detail", "share:create_public_share",
                 "share:set_public_share"):
        assert f'"{rule}"' in source
        assert rule in defined
