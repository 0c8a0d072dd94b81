"""Admin > Share > Share Groups: every project's groups."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy
from manila_ui.dashboards import utils


class ShareGroups(policy.Panel):
    name = _("Share Groups")
    slug = "share_groups"
    # One nested rule: Horizon ORs a panel's rules (see admin shares).
    policy_rules = ((("share", "share_group:get_all"),
                     ("share", "share_group:force_delete")),)

    def allowed(self, context):
        return utils.share_groups_enabled() and super().allowed(context)
