"""Admin › Share › Share Quotas: a project's share quotas and its limits
per share type."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ShareQuotas(policy.Panel):
    name = _("Share Quotas")
    slug = "share_quotas"
    policy_rules = (("share", "quota_set:update"),)
