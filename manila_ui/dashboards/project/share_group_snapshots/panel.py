"""Project > Share > Share Group Snapshots (upstream manila-ui's slug and URLs)."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy
from manila_ui.dashboards import utils


class ShareGroupSnapshots(policy.Panel):
    name = _("Share Group Snapshots")
    slug = "share_group_snapshots"
    policy_rules = (("share", "share_group_snapshot:get_all"),)

    def allowed(self, context):
        return utils.share_groups_enabled() and super().allowed(context)
