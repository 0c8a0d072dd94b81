"""Admin > Share > User Messages: every project's messages."""

import horizon
from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class UserMessages(horizon.Panel):
    name = _("User Messages")
    slug = "user_messages"
    permissions = policy.MANILA_SERVICE_PERMISSIONS
    # One nested rule: Horizon ORs a panel's rules (see admin shares).
    # Manila has no "all projects" rule for messages; listing every
    # project's shares is the admin's mark.
    policy_rules = ((("share", "message:get_all"),
                     ("share", "share:list_all_projects")),)
