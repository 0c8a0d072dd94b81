"""Project > Share > Share Networks."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ShareNetworks(policy.Panel):
    name = _("Share Networks")
    slug = "share_networks"
    policy_rules = (("share", "share_network:detail"),)
