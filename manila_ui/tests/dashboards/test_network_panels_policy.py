"""Every button and panel of the share network, security service and share
server pages names a rule the backend defines (a typo would silently allow
the action), and the forms check rules that exist."""

import inspect

import yaml
from horizon.tables import actions

from manila_ui.conf import genpolicy
from manila_ui.dashboards.admin.security_services import panel as admin_services_panel
from manila_ui.dashboards.admin.security_services import tables as admin_services
from manila_ui.dashboards.admin.share_networks import panel as admin_networks_panel
from manila_ui.dashboards.admin.share_networks import tables as admin_networks
from manila_ui.dashboards.admin.share_servers import panel as servers_panel
from manila_ui.dashboards.admin.share_servers import tables as servers
from manila_ui.dashboards.project.security_services import panel as services_panel
from manila_ui.dashboards.project.security_services import tables as services
from manila_ui.dashboards.project.share_networks import detail_tables
from manila_ui.dashboards.project.share_networks import panel as networks_panel
from manila_ui.dashboards.project.share_networks import tables as networks
from manila_ui.dashboards.project.share_networks import tabs as network_tabs

MODULES = (networks, detail_tables, networks_panel, services, services_panel,
           admin_networks, admin_networks_panel, admin_services, admin_services_panel,
           servers, servers_panel)


def _rules(value):
    for item in value or ():
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
            yield item
        else:
            yield from _rules(item)


def test_every_action_and_panel_names_a_defined_rule():
    defined = {rule["name"] for rule in yaml.safe_load(genpolicy.OUTPUT.read_text())}
    used = set()
    for module in MODULES:
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, actions.BaseAction) or hasattr(obj, "slug"):
                used.update(_rules(getattr(obj, "policy_rules", None)))
    assert ("share", "share_network:create") in used
    assert ("share", "share_server:unmanage_share_server") in used
    unknown = {rule for scope, rule in used if scope == "share" and rule not in defined}
    assert not unknown, f"rules the backend does not define: {unknown}"
    assert {scope for scope, _rule in used} == {"share"}


def test_rules_checked_in_code_exist():
    defined = {rule["name"] for rule in yaml.safe_load(genpolicy.OUTPUT.read_text())}
    source = inspect.getsource(network_tabs)
    assert '"share_server:index"' in source and "share_server:index" in defined
