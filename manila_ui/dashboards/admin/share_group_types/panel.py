"""Admin > Share > Share Group Types (upstream manila-ui's slug and URLs)."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy
from manila_ui.dashboards import utils


class ShareGroupTypes(policy.Panel):
    name = _("Share Group Types")
    slug = "share_group_types"
    policy_rules = (("share", "share_group_type:create"),)

    def allowed(self, context):
        return utils.share_groups_enabled() and super().allowed(context)
