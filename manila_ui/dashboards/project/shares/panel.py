"""Project > Share > Shares."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class Shares(policy.Panel):
    name = _("Shares")
    slug = "shares"
    policy_rules = (("share", "share:get_all"),)
