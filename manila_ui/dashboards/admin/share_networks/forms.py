"""An admin resets a share network's status (2.63)."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import share_networks as api_networks
from manila_ui.dashboards import common_forms
from manila_ui.dashboards.project.share_networks import tables as status_tables

# Each status as the tables show it, translated (the value sent stays the API's).
_labels = dict(status_tables.STATUS_DISPLAY_CHOICES)


class ResetStatusForm(forms.SelfHandlingForm):
    network_id = forms.CharField(widget=forms.HiddenInput())
    status = forms.ChoiceField(label=_("Status"),
                               choices=[(s, _labels.get(s, s)) for s in api_networks.STATUSES])

    def handle(self, request, data):
        try:
            api_networks.share_network_reset_status(request, data["network_id"],
                                                    data["status"])
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, None, exc)
        except Exception:
            exceptions.handle(request, _("Unable to reset the status."))
            return False
        messages.success(request, _("The share network is now %s.") % data["status"])
        return True
