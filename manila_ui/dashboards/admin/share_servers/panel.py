"""Admin > Share > Share Servers."""

import horizon
from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ShareServers(horizon.Panel):
    name = _("Share Servers")
    slug = "share_servers"
    permissions = policy.MANILA_SERVICE_PERMISSIONS
    policy_rules = (("share", "share_server:index"),)
