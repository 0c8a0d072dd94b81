"""Project > Share > Share Snapshots."""

import horizon
from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ShareSnapshots(horizon.Panel):
    name = _("Share Snapshots")
    slug = "share_snapshots"
    permissions = policy.MANILA_SERVICE_PERMISSIONS
    policy_rules = (("share", "share_snapshot:get_all_snapshots"),)
