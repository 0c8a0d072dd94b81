"""Project > Share > Share Backups (Manila 2.80+)."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy
from manila_ui.dashboards import utils


class ShareBackups(policy.Panel):
    name = _("Share Backups")
    slug = "share_backups"
    policy_rules = (("share", "share_backup:get_all"),)

    def allowed(self, context):
        # Absent against a Manila older than 2.80; the navigation never
        # calls Manila to find out.
        return super().allowed(context) and not utils.known_to_lack(
            context["request"], "share_backups")
