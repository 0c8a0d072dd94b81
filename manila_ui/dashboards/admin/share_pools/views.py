"""Views of Admin > Share > Pools.

Index: one ``GET /scheduler-stats/pools/detail`` and, where the policy lets
the admin read services, one ``GET /services?binary=manila-share`` for the
pools' availability zones (Manila's pools do not report theirs): two calls
whatever the number of pools (Manila does not page pools).  Detail: the
same two calls, the pool found by its name.  Manila lists the pools of the
share services enabled and up at the scheduler's last refresh (its last
placement): a disabled back end's pool leaves the list then.
"""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tables
from horizon import tabs

from manila_ui.api import pools as api_pools
from manila_ui.dashboards import capacity
from manila_ui.dashboards import common_views
from manila_ui.dashboards.admin.share_pools import tables as pool_tables
from manila_ui.dashboards.admin.share_pools import tabs as pool_tabs

INDEX = "horizon:admin:share_pools:index"


def pools_with_zones(request):
    zones = capacity.share_service_zones(request)
    found = api_pools.pool_list(request)
    for pool in found:
        pool.zone = zones.get((pool.name or "").partition("#")[0])
    return found


def find_pool(request, name):
    for pool in pools_with_zones(request):
        if pool.name == name:
            return pool
    raise exceptions.NotFound(_("No pool %s (a disabled back end's pools leave "
                                "the list).") % name)


class IndexView(tables.DataTableView):
    table_class = pool_tables.PoolsTable
    template_name = "admin/share_pools/index.html"
    page_title = _("Pools")

    def get_data(self):
        try:
            return pools_with_zones(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve pools."))
            return []


class DetailView(common_views.TabbedDetailMixin, tabs.TabView):
    tab_group_class = pool_tabs.PoolDetailTabs
    template_name = "horizon/common/_detail.html"
    page_title = "{{ pool.name }}"
    index_url = INDEX
    table_class = pool_tables.PoolsTable
    fetch = staticmethod(find_pool)
    url_kwarg = "pool_name"
    fetch_error = _("Unable to retrieve the pool.")
    context_object_name = "pool"
