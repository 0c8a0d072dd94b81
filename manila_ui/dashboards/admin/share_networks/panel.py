"""Admin > Share > Share Networks: every project's."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ShareNetworks(policy.Panel):
    name = _("Share Networks")
    slug = "share_networks"
    # Nested: both rules must pass (Horizon ORs the top level).
    policy_rules = ((("share", "share_network:detail"),
                     ("share", "share_network:get_all_share_networks")),)
