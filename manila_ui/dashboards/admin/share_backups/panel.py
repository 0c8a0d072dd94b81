"""Admin > Share > Share Backups: every project's backups (Manila 2.80+)."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy
from manila_ui.dashboards import utils


class ShareBackups(policy.Panel):
    name = _("Share Backups")
    slug = "share_backups"
    # One nested tuple: both rules (an OR of tuples would let any reader in).
    policy_rules = ((("share", "share_backup:get_all"),
                     ("share", "share_backup:get_all_project")),)

    def allowed(self, context):
        return super().allowed(context) and not utils.known_to_lack(
            context["request"], "share_backups")
