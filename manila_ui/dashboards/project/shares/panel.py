"""Project > Share > Shares."""

import horizon
from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class Shares(horizon.Panel):
    name = _("Shares")
    slug = "shares"
    permissions = policy.MANILA_SERVICE_PERMISSIONS
    policy_rules = (("share", "share:get_all"),)
