"""Admin forms: reset a share's status, manage a share (DHSS=False)."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import pools as api_pools
from manila_ui.api import share_actions as api_share_actions
from manila_ui.api import share_types as api_share_types
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import metadata as share_metadata
from manila_ui.dashboards.project.shares import forms as project_forms

REFUSALS = common_forms.REFUSALS


class ResetStatusForm(forms.SelfHandlingForm):
    share_id = forms.CharField(widget=forms.HiddenInput())
    name = forms.CharField(label=_("Share"), required=False,
                           widget=forms.TextInput(attrs={"readonly": True}))
    status = forms.ChoiceField(
        label=_("New Status"),
        choices=[(s, s) for s in api_share_actions.RESET_STATUSES],
        help_text=_("Only the recorded status changes; the back end is not "
                    "asked anything."))

    def handle(self, request, data):
        try:
            api_share_actions.share_reset_status(request, data["share_id"],
                                                 data["status"])
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to reset the status"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to reset the status."))
            return False
        messages.success(request, _('Reset the status of share "%(name)s" '
                                    'to %(status)s.') % {
            "name": data.get("name") or data["share_id"],
            "status": data["status"]})
        return True


class ManageShareForm(forms.SelfHandlingForm):
    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}))
    service_host = forms.ChoiceField(
        label=_("Host"),
        help_text=_("The back end pool that exports the share "
                    "(host@backend#pool)."))
    protocol = forms.ChoiceField(label=_("Protocol"))
    export_path = forms.CharField(
        max_length=255, label=_("Export Path"),
        help_text=_('Where the back end exports it, e.g. '
                    '"10.0.0.1:/foo/path" or "\\\\10.0.0.1\\foo_path".'))
    share_type = forms.ChoiceField(
        label=_("Share Type"),
        help_text=_("Types whose back ends do not handle share servers "
                    "(driver_handles_share_servers=False)."))
    driver_options = share_metadata.MetadataField(
        label=_("Driver Options"),
        help_text=_("Options the back end's driver understands."))
    is_public = forms.BooleanField(label=_("Visible to all projects"),
                                   required=False)

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["service_host"].choices = self._hosts()
        types = self._types()
        self.fields["protocol"].choices = [
            (p, p) for p in project_forms.offered_protocols(request, types)]
        self.fields["share_type"].choices = [
            (t.name, t.name) for t in types
            if not t.driver_handles_share_servers]

    def _hosts(self):
        try:
            pools = api_pools.pool_list(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve hosts."))
            return []
        return [(p.name, p.name) for p in pools]

    def _types(self):
        try:
            return api_share_types.share_type_list(self.request)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve share types."))
            return []

    def handle(self, request, data):
        try:
            share = api_share_actions.share_manage(
                request, service_host=data["service_host"],
                protocol=data["protocol"], export_path=data["export_path"],
                share_type=data["share_type"], name=data.get("name"),
                description=data.get("description"),
                is_public=bool(data.get("is_public")),
                driver_options=data.get("driver_options") or {})
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to manage the share"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to manage the share."))
            return False
        messages.info(request, _('Managing share "%s".') % share.name_or_id)
        return share
