"""Views of the share actions (resize, revert, metadata, transfers) and of
the recycle bin."""

from django import shortcuts
from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from horizon import exceptions
from horizon import forms
from horizon import tables
from horizon.utils import memoized

from manila_ui.api import limits as api_limits
from manila_ui.api import shares as api_shares
from manila_ui.api import snapshots as api_snapshots
from manila_ui.dashboards import common_views
from manila_ui.dashboards.project.shares import action_forms
from manila_ui.dashboards.project.shares import recycle_bin
from manila_ui.dashboards.project.shares import views as share_views


class ShareModalView(share_views.ShareLookup, common_views.ObjectModalMixin,
                     forms.ModalFormView):
    """A modal about one share: ``get_object`` loads it once per request."""

    success_url = reverse_lazy("horizon:project:shares:index")

    def get_initial(self):
        share = self.get_object()
        return {"share_id": share.id, "name": share.name_or_id}


class ResizeView(ShareModalView):
    form_class = action_forms.ResizeForm
    template_name = "project/shares/resize.html"
    modal_id = "resize_share_modal"
    submit_label = _("Resize")
    submit_url_name = "horizon:project:shares:resize"
    page_title = _("Resize Share")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["usages"] = api_limits.tenant_absolute_limits(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve quotas."))
        return context

    def get_initial(self):
        initial = super().get_initial()
        size = self.get_object().size
        initial.update(orig_size=size, new_size=size)
        return initial


class RevertView(ShareModalView):
    form_class = action_forms.RevertForm
    template_name = "project/shares/revert.html"
    modal_id = "revert_share_modal"
    submit_label = _("Revert")
    submit_url_name = "horizon:project:shares:revert"
    page_title = _("Revert Share to Snapshot")

    @memoized.memoized_method
    def latest_snapshot(self):
        """Manila reverts only to the newest snapshot (one call)."""
        try:
            found = api_snapshots.snapshot_list(
                self.request, share_id=self.kwargs["share_id"], limit=1)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve the share's snapshots."))
            return None
        return found[0] if found else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["snapshot"] = self.latest_snapshot()
        return context

    def get_initial(self):
        initial = super().get_initial()
        snapshot = self.latest_snapshot()
        initial["snapshot_id"] = snapshot.id if snapshot else ""
        return initial


class UpdateMetadataView(ShareModalView):
    form_class = action_forms.MetadataForm
    template_name = "project/shares/update_metadata.html"
    modal_id = "update_share_metadata_modal"
    submit_label = _("Save")
    submit_url_name = "horizon:project:shares:update_metadata"
    page_title = _("Edit Share Metadata")

    def get_initial(self):
        initial = super().get_initial()
        initial["metadata"] = dict(self.get_object().metadata or {})
        return initial


@method_decorator(never_cache, name="dispatch")
class CreateTransferView(ShareModalView):
    """Answers the POST with the auth key itself, never in a URL, a
    message or a redirect: Manila shows it once and so do we."""

    form_class = action_forms.CreateTransferForm
    template_name = "project/shares/create_transfer.html"
    modal_id = "create_share_transfer_modal"
    submit_label = _("Create Transfer")
    submit_url_name = "horizon:project:shares:create_transfer"
    page_title = _("Create Share Transfer")

    def form_valid(self, form):
        transfer = form.handle(self.request, form.cleaned_data)
        if not transfer:
            return self.form_invalid(form)
        ajax = self.request.headers.get("x-requested-with") == "XMLHttpRequest"
        template = ("project/shares/_transfer_created.html" if ajax
                    else "project/shares/transfer_created.html")
        return shortcuts.render(self.request, template, {
            "transfer": transfer, "share": self.get_object(),
            "page_title": _("Share Transfer Created"), "hide": ajax,
            "modal_backdrop": self.modal_backdrop,
            "index_url": reverse("horizon:project:shares:index")})


class AcceptTransferView(forms.ModalFormView):
    form_class = action_forms.AcceptTransferForm
    template_name = "project/shares/accept_transfer.html"
    modal_id = "accept_share_transfer_modal"
    submit_label = _("Accept Transfer")
    submit_url = reverse_lazy("horizon:project:shares:accept_transfer")
    success_url = reverse_lazy("horizon:project:shares:index")
    page_title = _("Accept Share Transfer")


class RecycleBinView(common_views.PagedListMixin, tables.DataTableView):
    table_class = recycle_bin.RecycleBinTable
    template_name = "project/shares/recycle_bin.html"
    page_title = _("Recycle Bin")
    all_projects = False

    def get_data(self):
        return self.fetch_page(api_shares.share_list_paged,
                               _("Unable to retrieve the recycle bin."),
                               {"is_soft_deleted": True}, sort=True,
                               all_projects=self.all_projects)
