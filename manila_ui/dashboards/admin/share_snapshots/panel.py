"""Admin > Share > Share Snapshots: every project's snapshots."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ShareSnapshots(policy.Panel):
    name = _("Share Snapshots")
    slug = "share_snapshots"
    # One nested rule: Horizon ORs a panel's rules (see admin shares).
    policy_rules = ((("share", "share_snapshot:get_all_snapshots"),
                     ("share", "share_snapshot:list_all_projects")),)
