"""Project > Share > Share Groups (upstream manila-ui's slug and URLs)."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy
from manila_ui.dashboards import utils


class ShareGroups(policy.Panel):
    name = _("Share Groups")
    slug = "share_groups"
    policy_rules = (("share", "share_group:get_all"),)

    def allowed(self, context):
        # OPENSTACK_MANILA_FEATURES["enable_share_groups"]: off hides the
        # panel and answers its URLs with Horizon's 403.
        return utils.share_groups_enabled() and super().allowed(context)
