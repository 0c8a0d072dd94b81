"""Reset a share instance's status (admin)."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import share_instances as api_instances
from manila_ui.dashboards import common_forms
from manila_ui.dashboards.project.shares import tables as status_tables

# Each status as the tables show it, translated (the value sent stays the API's).
_labels = dict(status_tables.STATUS_DISPLAY_CHOICES)


class ResetInstanceStatusForm(forms.SelfHandlingForm):
    instance_id = forms.CharField(widget=forms.HiddenInput())
    status = forms.ChoiceField(
        label=_("Status"), choices=[(s, _labels.get(s, s)) for s in api_instances.RESET_STATUSES])

    def handle(self, request, data):
        try:
            api_instances.instance_reset_status(request, data["instance_id"],
                                                data["status"])
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to reset the status"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to reset the share instance's status."))
            return False
        messages.success(request, _('Reset the share instance\'s status to "%s".')
                         % data["status"])
        return True
