"""Admin forms for snapshots: reset status, manage."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import snapshots as api_snapshots
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import metadata as share_metadata
from manila_ui.dashboards.project.share_snapshots import tables as status_tables

REFUSALS = common_forms.REFUSALS

# Each status as the tables show it, translated (the value sent stays the API's).
_labels = dict(status_tables.STATUS_DISPLAY_CHOICES)


class ResetSnapshotStatusForm(forms.SelfHandlingForm):
    snapshot_id = forms.CharField(widget=forms.HiddenInput())
    status = forms.ChoiceField(
        label=_("New Status"),
        choices=[(s, _labels.get(s, s)) for s in api_snapshots.RESET_STATUSES])

    def handle(self, request, data):
        try:
            api_snapshots.snapshot_reset_status(request, data["snapshot_id"],
                                                data["status"])
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to reset the status"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to reset the status."))
            return False
        messages.success(request, _("Reset the snapshot's status to %s.")
                         % data["status"])
        return True


class ManageSnapshotForm(forms.SelfHandlingForm):
    share_id = forms.CharField(
        max_length=36, label=_("Share ID"),
        help_text=_("The managed share the snapshot belongs to."))
    provider_location = forms.CharField(
        max_length=255, label=_("Provider Location"),
        help_text=_("How the back end names the snapshot."))
    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}))
    driver_options = share_metadata.MetadataField(label=_("Driver Options"))

    def handle(self, request, data):
        try:
            snapshot = api_snapshots.snapshot_manage(
                request, share_id=data["share_id"].strip(),
                provider_location=data["provider_location"].strip(),
                name=data.get("name"), description=data.get("description"),
                driver_options=data.get("driver_options") or {})
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to manage the snapshot"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to manage the snapshot."))
            return False
        messages.info(request, _('Managing snapshot "%s".')
                      % snapshot.name_or_id)
        return snapshot
