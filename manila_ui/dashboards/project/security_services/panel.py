"""Project > Share > Security Services."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class SecurityServices(policy.Panel):
    name = _("Security Services")
    slug = "security_services"
    policy_rules = (("share", "security_service:detail"),)
