"""Admin > Share > Pools: the back ends' storage pools and their capacity."""

from django.utils.translation import gettext_lazy as _

from manila_ui.dashboards import policy


class SharePools(policy.Panel):
    name = _("Pools")
    slug = "share_pools"
    policy_rules = (("share", "scheduler_stats:pools:detail"),)
