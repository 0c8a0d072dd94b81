"""The dashboard's policy file is the backend's rules, and every button
names a rule that exists (a typo would silently allow the action)."""

import inspect
import re
from pathlib import Path

import yaml
from horizon.tables import actions

import manila_ui.dashboards
from manila_ui.conf import genpolicy
from manila_ui.dashboards.admin.share_snapshots import panel as admin_snap_panel
from manila_ui.dashboards.admin.shares import panel as admin_panel
from manila_ui.dashboards.admin.user_messages import panel as admin_msg_panel
from manila_ui.tests.dashboards.helpers import dashboard_modules

DASHBOARDS = Path(manila_ui.dashboards.__file__).parent


def test_committed_policy_yaml_matches_the_rules_in_code():
    """Fails when manila_ui/backend/policies changed without `make genpolicy`."""
    assert genpolicy.OUTPUT.read_text() == genpolicy.render(), (
        "manila_ui/conf/default_policies/manila.yaml drifted from the rules "
        "in code: run `make genpolicy` and commit the result")


def _defined_rules():
    return {rule["name"] for rule in yaml.safe_load(genpolicy.OUTPUT.read_text())}


def _flatten(rules):
    """A panel's nested rule ((scope, rule), (scope, rule)) is one AND-ed
    check; yield its (scope, rule) pairs."""
    for rule in rules:
        if rule and isinstance(rule[0], (list, tuple)):
            yield from _flatten(rule)
        else:
            yield tuple(rule)


def _policy_rules_in(modules):
    found = set()
    for module in modules:
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            rules = getattr(obj, "policy_rules", None) or ()
            if issubclass(obj, actions.BaseAction) or hasattr(obj, "slug"):
                found.update(_flatten(rules))
    return found


def test_every_action_and_panel_names_a_defined_share_rule():
    used = _policy_rules_in(dashboard_modules())
    for rule in ("share:create", "share:delete", "share:update", "share_network:create",
                 "share_server:unmanage_share_server", "quota_set:update"):
        assert ("share", rule) in used, rule
    defined = _defined_rules()
    unknown = {rule for scope, rule in used
               if scope == "share" and rule not in defined}
    assert not unknown, f"rules the backend does not define: {unknown}"
    assert {scope for scope, _rule in used} == {"share"}


def test_rules_checked_in_code_exist():
    """Rules checked by ``policy.allows`` (pools for protocols, public
    shares, shrinking, a network's servers...) anywhere in the dashboards."""
    checked = set()
    for path in DASHBOARDS.rglob("*.py"):
        checked |= set(re.findall(r'policy\.allows\(\s*[^"]*"([^"]+)"', path.read_text()))
    assert {"scheduler_stats:pools:detail", "share:create_public_share",
            "share:set_public_share", "share:shrink", "share:force_extend",
            "share_server:index", "quota_class_set:show"} <= checked
    assert checked <= _defined_rules()


def test_the_share_actions_use_manilas_own_rule_names():
    used = {rule for _scope, rule in _policy_rules_in(dashboard_modules())}
    for rule in ("share:extend", "share:revert_to_snapshot",
                 "share:soft_delete", "share:restore", "share:reset_status",
                 "share:force_delete", "share:manage", "share:unmanage",
                 "share:update_share_metadata", "share:create_snapshot",
                 "share:delete_snapshot", "share:snapshot_update",
                 "share_snapshot:update_metadata",
                 "share_snapshot:reset_status", "share_snapshot:force_delete",
                 "share_snapshot:manage_snapshot",
                 "share_snapshot:unmanage_snapshot",
                 "share_transfer:create", "share_transfer:accept",
                 "share_transfer:delete", "message:get_all",
                 "message:delete"):
        assert rule in used, rule


def test_admin_panels_need_an_admin_only_rule():
    """Horizon ORs a panel's rules: an admin panel must AND its rules in
    one nested check, or any member who may list shares gets in."""
    for panel in (admin_panel.Shares, admin_snap_panel.ShareSnapshots,
                  admin_msg_panel.UserMessages):
        assert len(panel.policy_rules) == 1, panel
        assert isinstance(panel.policy_rules[0][0], tuple), panel
