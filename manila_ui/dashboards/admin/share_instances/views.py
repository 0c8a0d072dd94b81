"""Views of Admin > Share > Share Instances.

Index: one list call, whatever the number of instances (Manila does not
page them; the table shows a page of the answer). Detail: the instance and
its export locations (two calls).
"""

from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import forms
from horizon import tables
from horizon import tabs

from manila_ui.api import share_instances as api_instances
from manila_ui.dashboards import common_views
from manila_ui.dashboards.admin.share_instances import forms as instance_forms
from manila_ui.dashboards.admin.share_instances import tables as instance_tables
from manila_ui.dashboards.admin.share_instances import tabs as instance_tabs

INDEX = "horizon:admin:share_instances:index"
DETAIL = "horizon:admin:share_instances:detail"


class InstanceLookup(common_views.ObjectLookup):
    fetch = staticmethod(api_instances.instance_get)
    url_kwarg = "instance_id"
    fetch_error = _("Unable to retrieve the share instance.")
    context_object_name = "instance"


class IndexView(common_views.PagedListMixin, tables.DataTableView):
    table_class = instance_tables.ShareInstancesTable
    template_name = "admin/share_instances/index.html"
    page_title = _("Share Instances")

    def get_data(self):
        filters = {key: value.strip() for key, value in self.get_filters().items()
                   if value and value.strip()}
        return self.fetch_page(api_instances.instance_list_paged,
                               _("Unable to retrieve share instances."), filters)


class DetailView(InstanceLookup, common_views.TabbedDetailMixin, tabs.TabView):
    tab_group_class = instance_tabs.ShareInstanceDetailTabs
    template_name = "horizon/common/_detail.html"
    page_title = "{{ instance.id }}"
    index_url = INDEX
    table_class = instance_tables.ShareInstancesTable


class ResetStatusView(InstanceLookup, common_views.ObjectModalMixin, forms.ModalFormView):
    form_class = instance_forms.ResetInstanceStatusForm
    policy_rules = instance_tables.ResetInstanceStatus.policy_rules
    template_name = "admin/share_instances/reset_status.html"
    modal_id = "reset_share_instance_status_modal"
    submit_label = _("Reset Status")
    submit_url_name = "horizon:admin:share_instances:reset_status"
    success_url = reverse_lazy(INDEX)
    page_title = _("Reset Share Instance Status")

    def get_success_url(self):
        return reverse(DETAIL, args=(self.kwargs["instance_id"],))

    def get_initial(self):
        instance = self.get_object()
        return {"instance_id": instance.id, "status": instance.status}
