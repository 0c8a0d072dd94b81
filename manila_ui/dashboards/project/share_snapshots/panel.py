"""Project > Share > Share Snapshots."""

import horizon
from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards.project.shares import panel as shares_panel


class ShareSnapshots(horizon.Panel):
    name = _("Share Snapshots")
    slug = "share_snapshots"
    permissions = shares_panel.MANILA_SERVICE_PERMISSIONS
    policy_rules = (("share", "share_snapshot:get_all_snapshots"),)
