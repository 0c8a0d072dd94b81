"""Project > Share > a share's access rules: reached from the shares table
(the "Manage Rules" row action) and the share's page, never from the
navigation, since its URLs carry the share."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ShareRules(policy.Panel):
    name = _("Access Rules")
    slug = "share_rules"
    nav = False
    policy_rules = (("share", "share:access_get_all"),)
