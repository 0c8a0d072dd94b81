"""Project > Share > Share Networks."""

import horizon
from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards.project.shares import panel as shares_panel


class ShareNetworks(horizon.Panel):
    name = _("Share Networks")
    slug = "share_networks"
    permissions = shares_panel.MANILA_SERVICE_PERMISSIONS
    policy_rules = (("share", "share_network:detail"),)
