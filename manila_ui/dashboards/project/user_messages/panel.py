"""Project > Share > User Messages: why asynchronous operations failed."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class UserMessages(policy.Panel):
    name = _("User Messages")
    slug = "user_messages"
    policy_rules = (("share", "message:get_all"),)
