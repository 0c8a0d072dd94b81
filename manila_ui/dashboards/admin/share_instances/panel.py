"""Admin > Share > Share Instances (upstream manila-ui's slug and URL)."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class ShareInstances(policy.Panel):
    name = _("Share Instances")
    slug = "share_instances"
    policy_rules = (("share", "share_instance:index"),)
