"""Project > Share > Share Snapshots."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ShareSnapshots(policy.Panel):
    name = _("Share Snapshots")
    slug = "share_snapshots"
    policy_rules = (("share", "share_snapshot:get_all_snapshots"),)
