"""Admin > Share > User Messages: every project's messages."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class UserMessages(policy.Panel):
    name = _("User Messages")
    slug = "user_messages"
    # One nested rule: Horizon ORs a panel's rules (see admin shares).
    # Manila has no "all projects" rule for messages; listing every
    # project's shares is the admin's mark.
    policy_rules = ((("share", "message:get_all"),
                     ("share", "share:list_all_projects")),)
