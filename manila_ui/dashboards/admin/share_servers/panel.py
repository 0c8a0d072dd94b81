"""Admin > Share > Share Servers."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ShareServers(policy.Panel):
    name = _("Share Servers")
    slug = "share_servers"
    policy_rules = (("share", "share_server:index"),)
