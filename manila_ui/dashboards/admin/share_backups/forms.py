"""Reset a share backup's status (admin)."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import share_backups as api_backups
from manila_ui.dashboards import common_forms
from manila_ui.dashboards.project.share_backups import tables as status_tables

# Each status as the tables show it, translated (the value sent stays the API's).
_labels = dict(status_tables.STATUS_DISPLAY_CHOICES)


class ResetBackupStatusForm(forms.SelfHandlingForm):
    backup_id = forms.CharField(widget=forms.HiddenInput())
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(s, _labels.get(s, s)) for s in api_backups.RESET_STATUSES])

    def handle(self, request, data):
        try:
            api_backups.backup_reset_status(request, data["backup_id"], data["status"])
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to reset the status"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to reset the backup's status."))
            return False
        messages.success(request, _('Reset the backup\'s status to "%s".')
                         % data["status"])
        return True
