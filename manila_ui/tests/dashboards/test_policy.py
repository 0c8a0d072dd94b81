"""The dashboard's policy file is the backend's rules, and every button
names a rule that exists (a typo would silently allow the action)."""

import inspect
import re

import yaml
from horizon.tables import actions

from manila_ui.conf import genpolicy
from manila_ui.dashboards.admin.share_snapshots import panel as admin_snap_panel
from manila_ui.dashboards.admin.share_snapshots import tables as admin_snap_tables
from manila_ui.dashboards.admin.shares import panel as admin_panel
from manila_ui.dashboards.admin.shares import tables as admin_tables
from manila_ui.dashboards.admin.user_messages import panel as admin_msg_panel
from manila_ui.dashboards.project.share_snapshots import panel as snap_panel
from manila_ui.dashboards.project.share_snapshots import tables as snap_tables
from manila_ui.dashboards.project.shares import actions as share_actions
from manila_ui.dashboards.project.shares import panel as project_panel
from manila_ui.dashboards.project.shares import recycle_bin
from manila_ui.dashboards.project.shares import tables as project_tables
from manila_ui.dashboards.project.user_messages import panel as msg_panel
from manila_ui.dashboards.project.user_messages import tables as msg_tables

ALL_MODULES = (project_tables, share_actions, recycle_bin, admin_tables,
               snap_tables, admin_snap_tables, msg_tables, project_panel,
               admin_panel, snap_panel, admin_snap_panel, msg_panel,
               admin_msg_panel)


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


def _policy_rules_in(*modules):
    found = set()
    for module in modules:
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            rules = getattr(obj, "policy_rules", None) or ()
            if issubclass(obj, actions.BaseAction) or hasattr(obj, "slug"):
                found.update(_flatten(rules))
    return found


def test_every_action_and_panel_names_a_defined_share_rule():
    used = _policy_rules_in(*ALL_MODULES)
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
    from manila_ui.dashboards.project.shares import action_forms

    source = inspect.getsource(action_forms)
    checked = set(re.findall(r'utils\.allows\([^"]*"([^"]+)"', source))
    assert {"share:shrink", "share:force_extend"} <= checked
    assert checked <= defined


def test_the_share_actions_use_manilas_own_rule_names():
    used = {rule for _scope, rule in _policy_rules_in(*ALL_MODULES)}
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
