"""One row per pool: back end, zone, protocols, thin or thick, the
over-subscription ratio (``auto`` with the value in force), and a capacity
bar an admin reads at a glance (used, reserved, free; provisioned against
what the pool may promise)."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from horizon import tables

from manila_ui.dashboards import common_tables
from manila_ui.dashboards.capacity import PoolCapacity


def backend(pool):
    caps = pool.capabilities or {}
    return caps.get("share_backend_name") or pool.backend or "-"


def provisioning(pool):
    capacity = PoolCapacity.of(pool.capabilities)
    if capacity is None:
        return "-"
    return _("Thin") if capacity.thin else _("Thick")


def ratio(pool):
    capacity = PoolCapacity.of(pool.capabilities)
    if capacity is None or not capacity.thin:
        return "-"
    if capacity.ratio_auto:
        return _("auto (%s)") % f"{capacity.ratio:g}"
    return f"{capacity.ratio:g}"


def capacity_bar(pool):
    capacity = PoolCapacity.of(pool.capabilities)
    if capacity is None:
        return _("Not reported")
    return render_to_string("admin/share_pools/_capacity.html",
                            {"capacity": capacity, "bar": capacity.bar(),
                             "pool_id": pool.id})


class PoolsTable(common_tables.DataTable):
    name = tables.WrappingColumn("name", verbose_name=_("Pool"),
                                 link="horizon:admin:share_pools:detail")
    backend = tables.Column(backend, verbose_name=_("Back End"))
    zone = tables.Column("zone", verbose_name=_("Availability Zone"),
                         empty_value="-")
    protocols = tables.Column(lambda pool: ", ".join(pool.protocols) or "-",
                              verbose_name=_("Protocols"))
    provisioning = tables.Column(provisioning, verbose_name=_("Provisioning"))
    ratio = tables.Column(ratio, verbose_name=_("Over-subscription"))
    capacity = tables.Column(capacity_bar, verbose_name=_("Capacity"),
                             classes=("manila-ui-capacity-cell",))

    def get_object_id(self, datum):
        return datum.name

    class Meta:
        name = "share_pools"
        verbose_name = _("Pools")
        multi_select = False
