"""Project > Share > Security Services."""

import horizon
from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class SecurityServices(horizon.Panel):
    name = _("Security Services")
    slug = "security_services"
    permissions = policy.MANILA_SERVICE_PERMISSIONS
    policy_rules = (("share", "security_service:detail"),)
