"""Views of Admin > Share > Share Servers.

Index: one list call (Manila has no paging for servers) and one Keystone
call for the project names.  Detail: the server, and its shares (one call).
"""

from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import tables
from horizon import tabs

from manila_ui.api import share_servers as api_servers
from manila_ui.dashboards import common_views
from manila_ui.dashboards import policy
from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.admin.share_servers import forms as server_forms
from manila_ui.dashboards.admin.share_servers import tables as server_tables
from manila_ui.dashboards.admin.share_servers import tabs as server_tabs

INDEX = "horizon:admin:share_servers:index"
DETAIL = "horizon:admin:share_servers:detail"


class ServerLookup(common_views.ObjectLookup):
    fetch = staticmethod(api_servers.share_server_get)
    url_kwarg = "server_id"
    fetch_error = _("Unable to retrieve the share server.")
    context_object_name = "server"


class IndexView(tables.DataTableView):
    table_class = server_tables.ShareServersTable
    template_name = "admin/share_servers/index.html"
    page_title = _("Share Servers")

    def get_data(self):
        filters = {key: value.strip() for key, value in self.get_filters().items()
                   if value and value.strip()}
        try:
            servers = api_servers.share_server_list(self.request, filters or None)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve share servers."))
            return []
        return projects.name_projects(self.request, servers)


class ManageView(policy.PolicyCheckedView, forms.ModalFormView):
    form_class = server_forms.ManageShareServerForm
    policy_rules = server_tables.ManageShareServer.policy_rules
    template_name = "admin/share_servers/manage.html"
    modal_id = "manage_share_server_modal"
    submit_label = _("Manage")
    submit_url = reverse_lazy("horizon:admin:share_servers:manage")
    success_url = reverse_lazy(INDEX)
    page_title = _("Manage Share Server")


class ServerModalView(ServerLookup, common_views.ObjectModalMixin, forms.ModalFormView):
    def lookup_redirect_url(self):
        return reverse(INDEX)

    def get_success_url(self):
        return reverse(DETAIL, args=(self.kwargs["server_id"],))


class ResetStatusView(ServerModalView):
    form_class = server_forms.ResetStatusForm
    policy_rules = server_tables.ResetShareServerStatus.policy_rules
    template_name = "admin/share_servers/reset_status.html"
    modal_id = "reset_share_server_status_modal"
    submit_label = _("Reset Status")
    submit_url_name = "horizon:admin:share_servers:reset_status"
    page_title = _("Reset Share Server Status")

    def get_initial(self):
        server = self.get_object()
        return {"server_id": server.id, "status": server.status}


class ManageShareView(ServerModalView):
    form_class = server_forms.ManageShareForm
    policy_rules = server_tables.ManageShareOnServer.policy_rules
    template_name = "admin/share_servers/manage_share.html"
    modal_id = "manage_share_on_server_modal"
    submit_label = _("Manage")
    submit_url_name = "horizon:admin:share_servers:manage_share"
    page_title = _("Manage Share on the Server")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["server"] = self.get_object()
        return kwargs

    def get_initial(self):
        return {"server_id": self.kwargs["server_id"],
                "export_path": self.request.GET.get("export_path", "")}


class _MigrationView(ServerModalView):
    template_name = "admin/share_servers/migrate.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["server"] = self.get_object()
        return kwargs

    def get_initial(self):
        return {"server_id": self.kwargs["server_id"]}


class MigrationCheckView(_MigrationView):
    form_class = server_forms.ServerMigrationCheckForm
    policy_rules = server_tables.CheckServerMigration.policy_rules
    modal_id = "share_server_migration_check_modal"
    submit_label = _("Check")
    submit_url_name = "horizon:admin:share_servers:migration_check"
    page_title = _("Check Share Server Migration")


class MigrationStartView(_MigrationView):
    form_class = server_forms.ServerMigrationStartForm
    policy_rules = server_tables.MigrateShareServer.policy_rules
    modal_id = "share_server_migration_start_modal"
    submit_label = _("Migrate")
    submit_url_name = "horizon:admin:share_servers:migration_start"
    page_title = _("Migrate Share Server")

    def get_success_url(self):
        return reverse(INDEX)


class ResetTaskStateView(ServerModalView):
    form_class = server_forms.ServerResetTaskStateForm
    policy_rules = server_tables.ResetServerTaskState.policy_rules
    template_name = "admin/share_servers/reset_task_state.html"
    modal_id = "reset_share_server_task_state_modal"
    submit_label = _("Reset Task State")
    submit_url_name = "horizon:admin:share_servers:reset_task_state"
    page_title = _("Reset Share Server Task State")

    def get_initial(self):
        server = self.get_object()
        return {"server_id": server.id, "task_state": server.task_state or ""}


class DetailView(ServerLookup, common_views.TabbedDetailMixin, tabs.TabbedTableView):
    tab_group_class = server_tabs.ShareServerDetailTabs
    template_name = "horizon/common/_detail.html"
    page_title = "{{ server.id }}"
    index_url = INDEX
    table_class = server_tables.ShareServersTable
