"""Admin > Share > Share Group Types (upstream manila-ui's slug and URLs)."""

import horizon
from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy
from manila_ui.dashboards import utils


class ShareGroupTypes(horizon.Panel):
    name = _("Share Group Types")
    slug = "share_group_types"
    permissions = policy.MANILA_SERVICE_PERMISSIONS
    policy_rules = (("share", "share_group_type:create"),)

    def allowed(self, context):
        return utils.share_groups_enabled() and super().allowed(context)
