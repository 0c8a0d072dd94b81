"""An admin resets a share network's status (2.63)."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import exceptions as api_exceptions
from manila_ui.api import share_networks as api_networks


class ResetStatusForm(forms.SelfHandlingForm):
    network_id = forms.CharField(widget=forms.HiddenInput())
    status = forms.ChoiceField(label=_("Status"),
                               choices=[(s, s) for s in api_networks.STATUSES])

    def handle(self, request, data):
        try:
            api_networks.share_network_reset_status(request, data["network_id"],
                                                    data["status"])
        except (api_exceptions.BadRequest, api_exceptions.NotFound) as exc:
            self.api_error(api_exceptions.fault_message(exc))
            return False
        except Exception:
            exceptions.handle(request, _("Unable to reset the status."))
            return False
        messages.success(request, _("The share network is now %s.") % data["status"])
        return True
