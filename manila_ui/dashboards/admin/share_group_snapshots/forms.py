"""Admin form for share group snapshots: reset status."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import share_group_snapshots as api_group_snapshots
from manila_ui.dashboards import common_forms
from manila_ui.dashboards.project.share_group_snapshots import tables as status_tables

# Each status as the tables show it, translated (the value sent stays the API's).
_labels = dict(status_tables.STATUS_DISPLAY_CHOICES)


class ResetGroupSnapshotStatusForm(forms.SelfHandlingForm):
    share_group_snapshot_id = forms.CharField(widget=forms.HiddenInput())
    status = forms.ChoiceField(
        label=_("New Status"),
        choices=[(s, _labels.get(s, s)) for s in api_group_snapshots.RESET_STATUSES])

    def handle(self, request, data):
        try:
            api_group_snapshots.snapshot_reset_status(
                request, data["share_group_snapshot_id"], data["status"])
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to reset the status"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to reset the status."))
            return False
        messages.success(request, _("Reset the share group snapshot's status to %s.")
                         % data["status"])
        return True
