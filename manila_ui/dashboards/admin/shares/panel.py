"""Admin > Share > Shares: every project's shares."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class Shares(policy.Panel):
    name = _("Shares")
    slug = "shares"
    # One nested rule: Horizon ORs a panel's rules, and every member may
    # share:get_all; listing all projects is what makes this panel admin.
    policy_rules = ((("share", "share:get_all"),
                     ("share", "share:list_all_projects")),)
