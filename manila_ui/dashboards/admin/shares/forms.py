"""Admin forms: reset a share's status, manage a share (DHSS=False),
migrate a share and reset its task state."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import pools as api_pools
from manila_ui.api import share_actions as api_share_actions
from manila_ui.api import share_migration as api_migration
from manila_ui.api import share_types as api_share_types
from manila_ui.dashboards import common_forms
from manila_ui.dashboards.project.shares import forms as project_forms
from manila_ui.dashboards.project.shares import tables as status_tables

REFUSALS = common_forms.REFUSALS

# Each status as the tables show it, translated (the value sent stays the API's).
_labels = dict(status_tables.STATUS_DISPLAY_CHOICES)


class ResetStatusForm(forms.SelfHandlingForm):
    share_id = forms.CharField(widget=forms.HiddenInput())
    name = forms.CharField(label=_("Share"), required=False,
                           widget=forms.TextInput(attrs={"readonly": True}))
    status = forms.ChoiceField(
        label=_("New Status"),
        choices=[(s, _labels.get(s, s)) for s in api_share_actions.RESET_STATUSES],
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


class ManageShareForm(common_forms.ManageShareBaseForm):
    protocol = forms.ChoiceField(label=_("Protocol"))

    field_order = ("name", "description", "service_host", "protocol",
                   "export_path", "share_type", "driver_options", "is_public")
    help_texts = {
        "service_host": _("The back end pool that exports the share "
                          "(host@backend#pool)."),
        "export_path": _('Where the back end exports it, e.g. '
                         '"10.0.0.1:/foo/path" or "\\\\10.0.0.1\\foo_path".'),
        "share_type": _("Types whose back ends do not handle share servers "
                        "(driver_handles_share_servers=False)."),
        "driver_options": _("Options the back end's driver understands."),
    }

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

    def manage(self, request, data, **share):
        return api_share_actions.share_manage(request, **share)


class MigrateForm(forms.SelfHandlingForm):
    """Start a migration (phase 1); the admin completes it once the copy is
    done. Manila refuses a host-assisted one that should stay writable or
    keep metadata or snapshots (its words are shown)."""

    share_id = forms.CharField(widget=forms.HiddenInput())
    host = forms.ChoiceField(
        label=_("Destination Pool"),
        help_text=_("Pools that offer the share's protocol, other than its own."))
    writable = forms.BooleanField(label=_("Writable"), required=False, initial=True)
    preserve_metadata = forms.BooleanField(label=_("Preserve Metadata"), required=False,
                                           initial=True)
    preserve_snapshots = forms.BooleanField(label=_("Preserve Snapshots"),
                                            required=False, initial=True)
    nondisruptive = forms.BooleanField(label=_("Nondisruptive"), required=False)
    force_host_assisted_migration = forms.BooleanField(
        label=_("Force Host-Assisted Migration"), required=False,
        help_text=_("Copy the data through the data service instead of the driver."))
    new_share_type_id = forms.ChoiceField(label=_("New Share Type"), required=False)

    def __init__(self, request, *args, share=None, **kwargs):
        super().__init__(request, *args, **kwargs)
        try:
            pools = api_pools.pool_list(request)
        except Exception:
            exceptions.handle(request, _("Unable to retrieve pools."))
            pools = []
        proto = str(getattr(share, "share_proto", "") or "").upper()
        self.fields["host"].choices = [
            (p.name, p.name) for p in pools
            if p.name != getattr(share, "host", None)
            and (not proto or proto in (x.upper() for x in p.protocols))]
        try:
            types = api_share_types.share_type_list(request)
        except Exception:
            exceptions.handle(request, _("Unable to retrieve share types."))
            types = []
        self.fields["new_share_type_id"].choices = [("", _("Keep the share's type"))] + [
            (t.id, t.name) for t in types]

    def handle(self, request, data):
        try:
            api_migration.migration_start(
                request, data["share_id"], data["host"], writable=data["writable"],
                preserve_metadata=data["preserve_metadata"],
                preserve_snapshots=data["preserve_snapshots"],
                nondisruptive=data["nondisruptive"],
                force_host_assisted_migration=data["force_host_assisted_migration"],
                new_share_type_id=data.get("new_share_type_id") or None)
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to start the migration"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to start the migration."))
            return False
        messages.info(request, _("Migrating the share to %s: complete the migration "
                                 "once its first phase is done.") % data["host"])
        return True


class ResetTaskStateForm(common_forms.ResetTaskStateForm):
    id_field = "share_id"
    task_states = api_migration.TASK_STATES
    done = _("Reset the share's task state.")
    reset = staticmethod(api_migration.reset_task_state)  # type: ignore[assignment]

    share_id = forms.CharField(widget=forms.HiddenInput())

