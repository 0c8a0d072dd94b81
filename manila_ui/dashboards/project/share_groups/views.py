"""Views of Project > Share > Share Groups."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages
from horizon import tables
from horizon import tabs

from manila_ui.api import limits as api_limits
from manila_ui.api import share_groups as api_groups
from manila_ui.api import share_types as api_share_types
from manila_ui.dashboards import common_views
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils
from manila_ui.dashboards.project.share_groups import forms as group_forms
from manila_ui.dashboards.project.share_groups import tables as group_tables
from manila_ui.dashboards.project.share_groups import tabs as group_tabs

INDEX = "horizon:project:share_groups:index"


def name_share_types(request, groups):
    """Each group's share type names, from one lookup of the types."""
    try:
        names = {t.id: t.name for t in api_share_types.share_type_list(request)}
    except Exception:
        exceptions.handle(request, _("Unable to retrieve share type names."))
        return groups
    for group in groups:
        group.share_type_names = [names.get(i, i) for i in group.share_types or []]
    return groups


class ShareGroupLookup(common_views.ObjectLookup):
    fetch = staticmethod(api_groups.share_group_get)
    url_kwarg = "share_group_id"
    fetch_error = _("Unable to retrieve share group details.")
    context_object_name = "share_group"


class ShareGroupTableViewMixin(common_views.PagedListMixin):
    """One page of groups + one lookup of share type names: two calls,
    whatever the number of groups (and none against a Manila before 2.55)."""

    all_projects = False

    def get_groups(self):
        if not utils.supports(self.request, "share_groups"):
            messages.info(self.request, _("Share groups need Manila API 2.55 or newer."))
            return []
        filters = {key: value.strip() for key, value in self.get_filters().items()}
        if "status" in filters:
            filters["status"] = filters["status"].lower()
        groups = self.fetch_page(api_groups.share_group_list_paged,
                                 _("Unable to retrieve the share group list."), filters,
                                 sort=True, all_projects=self.all_projects)
        return name_share_types(self.request, groups) if groups else groups


class IndexView(ShareGroupTableViewMixin, tables.DataTableView):
    table_class = group_tables.ShareGroupsTable
    template_name = "project/share_groups/index.html"
    page_title = _("Share Groups")

    def get_data(self):
        return self.get_groups()


class CreateView(policy.PolicyCheckedView, forms.ModalFormView):
    form_class = group_forms.CreateShareGroupForm
    policy_rules = group_tables.CreateShareGroup.policy_rules
    template_name = "project/share_groups/create.html"
    modal_id = "create_share_group_modal"
    submit_label = _("Create Share Group")
    submit_url = reverse_lazy("horizon:project:share_groups:create")
    success_url = reverse_lazy(INDEX)
    page_title = _("Create Share Group")

    def get_initial(self):
        initial = super().get_initial()
        # "Create Share Group" from a group snapshot's row: it is the source.
        if self.request.GET.get("snapshot_id"):
            initial["snapshot_id"] = self.request.GET["snapshot_id"]
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["usages"] = api_limits.tenant_absolute_limits(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve share group quotas."))
        return context


class UpdateView(ShareGroupLookup, common_views.ObjectModalMixin, forms.ModalFormView):
    form_class = group_forms.UpdateShareGroupForm
    policy_rules = group_tables.EditShareGroup.policy_rules
    template_name = "project/share_groups/update.html"
    modal_id = "update_share_group_modal"
    submit_label = _("Save Changes")
    submit_url_name = "horizon:project:share_groups:update"
    success_url = reverse_lazy(INDEX)
    page_title = _("Edit Share Group")

    def get_initial(self):
        group = self.get_object()
        return {"share_group_id": group.id, "name": group.name or "",
                "description": group.description or ""}


class DetailView(ShareGroupLookup, common_views.TabbedDetailMixin, tabs.TabView):
    tab_group_class = group_tabs.ShareGroupDetailTabs
    template_name = "horizon/common/_detail.html"
    page_title = "{{ share_group.name_or_id }}"
    index_url = INDEX
    table_class = group_tables.ShareGroupsTable
    status_choices = group_tables.STATUS_DISPLAY_CHOICES
