"""Admin > Share > Share Group Snapshots: every project's group snapshots."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy
from manila_ui.dashboards import utils


class ShareGroupSnapshots(policy.Panel):
    name = _("Share Group Snapshots")
    slug = "share_group_snapshots"
    # One nested rule: Horizon ORs a panel's rules (see admin shares).
    policy_rules = ((("share", "share_group_snapshot:get_all"),
                     ("share", "share_group_snapshot:force_delete")),)

    def allowed(self, context):
        return utils.share_groups_enabled() and super().allowed(context)
