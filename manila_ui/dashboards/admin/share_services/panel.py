"""Admin > Share > Services: the scheduler and the share services."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ShareServices(policy.Panel):
    name = _("Services")
    slug = "share_services"
    policy_rules = (("share", "service:index"),)
