"""Project > Share > Security Services."""

import horizon
from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards.project.shares import panel as shares_panel


class SecurityServices(horizon.Panel):
    name = _("Security Services")
    slug = "security_services"
    permissions = shares_panel.MANILA_SERVICE_PERMISSIONS
    policy_rules = (("share", "security_service:detail"),)
