"""Admin > Share > Share Types (and the pools' squash support)."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ShareTypes(policy.Panel):
    name = _("Share Types")
    slug = "share_types"
    # One nested rule (Horizon ORs a panel's rules): creating types is admin.
    policy_rules = ((("share", "share_type:index"),
                     ("share", "share_type:create")),)
