"""Views of Project > Share > Resource Locks: one page of locks (one call),
a lock's page (one call), lock a share or rule, edit a lock's reason."""

from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import tables
from horizon import views as horizon_views

from manila_ui.api import resource_locks as api_locks
from manila_ui.dashboards import common_views
from manila_ui.dashboards import policy
from manila_ui.dashboards.project.resource_locks import forms as lock_forms
from manila_ui.dashboards.project.resource_locks import tables as lock_tables

INDEX = "horizon:project:resource_locks:index"


class LockLookup(common_views.ObjectLookup):
    fetch = staticmethod(api_locks.lock_get)
    url_kwarg = "lock_id"
    fetch_error = _("Unable to retrieve the lock.")
    context_object_name = "lock"


class LockTableViewMixin(common_views.PagedListMixin):
    all_projects = False

    def get_locks(self):
        filters = {k: v.strip() for k, v in self.get_filters().items()}
        for key in ("resource_type", "resource_action"):
            if key in filters:
                filters[key] = filters[key].lower()
        found = self.fetch_page(api_locks.lock_list_paged,
                                _("Unable to retrieve the resource locks."), filters,
                                all_projects=self.all_projects)
        for lock in found:
            lock.viewer_id = self.request.user.id
        return found


class IndexView(LockTableViewMixin, tables.DataTableView):
    table_class = lock_tables.LocksTable
    template_name = "project/resource_locks/index.html"
    page_title = _("Resource Locks")

    def get_data(self):
        return self.get_locks()


class DetailView(LockLookup, common_views.DetailMixin, horizon_views.HorizonTemplateView):
    template_name = "project/resource_locks/detail.html"
    page_title = _("Resource Lock")
    index_url = INDEX
    table_class = lock_tables.LocksTable
    resource_urls = lock_tables.RESOURCE_URLS

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lock = context["lock"]
        context["resource_url"] = lock_tables.resource_link(lock, self.resource_urls)
        context["type_label"] = lock_tables.get_type(lock)
        context["action_label"] = lock_tables.get_action(lock)
        return context


class CreateView(policy.PolicyCheckedView, forms.ModalFormView):
    form_class = lock_forms.CreateLockForm
    policy_rules = lock_tables.LockResource.policy_rules
    form_id = "create_lock_form"
    template_name = "project/resource_locks/create.html"
    modal_id = "create_lock_modal"
    modal_header = _("Lock")
    submit_label = _("Lock")
    page_title = _("Lock a Resource")
    success_url = reverse_lazy(INDEX)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["submit_url"] = self.request.path
        context["resource_type"] = self.kwargs["resource_type"]
        context["resource_label"] = lock_tables.TYPE_LABELS[self.kwargs["resource_type"]]
        context["resource_id"] = self.kwargs["resource_id"]
        return context

    def get_initial(self):
        return {"resource_type": self.kwargs["resource_type"],
                "resource_id": self.kwargs["resource_id"]}


class UpdateView(LockLookup, common_views.ObjectModalMixin, forms.ModalFormView):
    form_class = lock_forms.UpdateLockForm
    policy_rules = lock_tables.EditLock.policy_rules
    form_id = "update_lock_form"
    template_name = "project/resource_locks/update.html"
    modal_id = "update_lock_modal"
    modal_header = _("Edit Reason")
    submit_label = _("Save Changes")
    submit_url_name = "horizon:project:resource_locks:update"
    page_title = _("Edit Lock Reason")
    success_url = reverse_lazy(INDEX)

    def dispatch(self, request, *args, **kwargs):
        # Only whoever placed the lock (or an admin): Manila's owner-user
        # rule needs the lock's user in the target.
        lock = self.get_object()
        target = {"project_id": lock.project_id, "user_id": lock.user_id}
        if not policy.allows(request, "resource_lock:update", target):
            raise exceptions.NotAuthorized
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        lock = self.get_object()
        return {"lock_id": lock.id, "lock_reason": lock.lock_reason or ""}

    def lookup_redirect_url(self):
        return reverse(INDEX)
