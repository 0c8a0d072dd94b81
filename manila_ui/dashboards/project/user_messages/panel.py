"""Project > Share > User Messages: why asynchronous operations failed."""

import horizon
from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class UserMessages(horizon.Panel):
    name = _("User Messages")
    slug = "user_messages"
    permissions = policy.MANILA_SERVICE_PERMISSIONS
    policy_rules = (("share", "message:get_all"),)
