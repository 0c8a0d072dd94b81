"""A pool's detail page: its capacity, and every capability it reports."""

from django.utils.translation import gettext_lazy as _
from horizon import tabs

from manila_ui.dashboards.admin.share_pools import tables as pool_tables
from manila_ui.dashboards.capacity import PoolCapacity

# The capabilities people look for first, in this order; the rest follow
# by name.
FEATURES = ("driver_handles_share_servers", "snapshot_support",
            "create_share_from_snapshot_support", "revert_to_snapshot_support",
            "mount_snapshot_support", "replication_type", "replication_domain",
            "squash_support", "squash_modes", "qos_type_support",
            "sg_consistent_snapshot_support", "ipv4_support", "ipv6_support")


def shown(value):
    """A capability as a person reads it."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(str(shown(v)) for v in value) or "-"
    return value


class OverviewTab(tabs.Tab):
    name = _("Overview")
    slug = "overview"
    template_name = "admin/share_pools/_detail_overview.html"

    def get_context_data(self, request):
        pool = self.tab_group.kwargs["pool"]
        caps = pool.capabilities or {}
        capacity = PoolCapacity.of(caps)
        return {"pool": pool, "capacity": capacity,
                "bar": capacity.bar() if capacity else None,
                "backend": pool_tables.backend(pool),
                "provisioning": pool_tables.provisioning(pool),
                "ratio": pool_tables.ratio(pool),
                "largest": capacity.largest_new_share() if capacity else None,
                "features": [(key, shown(caps[key])) for key in FEATURES if key in caps]}


class CapabilitiesTab(tabs.Tab):
    name = _("Capabilities")
    slug = "capabilities"
    template_name = "admin/share_pools/_detail_capabilities.html"

    def get_context_data(self, request):
        pool = self.tab_group.kwargs["pool"]
        return {"capabilities": sorted((key, shown(value)) for key, value
                                       in (pool.capabilities or {}).items())}


class PoolDetailTabs(tabs.TabGroup):
    slug = "pool_details"
    tabs = (OverviewTab, CapabilitiesTab)
