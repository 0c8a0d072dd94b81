"""Admin › Share › Share Quotas: a project's share quotas and its limits
per share type."""

import horizon
from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ShareQuotas(horizon.Panel):
    name = _("Share Quotas")
    slug = "share_quotas"
    permissions = policy.MANILA_SERVICE_PERMISSIONS
    policy_rules = (("share", "quota_set:update"),)
