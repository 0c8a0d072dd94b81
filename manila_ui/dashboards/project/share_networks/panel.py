"""Project > Share > Share Networks."""

import horizon
from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ShareNetworks(horizon.Panel):
    name = _("Share Networks")
    slug = "share_networks"
    permissions = policy.MANILA_SERVICE_PERMISSIONS
    policy_rules = (("share", "share_network:detail"),)
