"""Disable a share service: its pools take no new shares until it is
enabled again; the reason (2.83) shows to admins."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import services as api_services
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import utils


class DisableServiceForm(forms.SelfHandlingForm):
    host = forms.CharField(widget=forms.HiddenInput())
    binary = forms.CharField(widget=forms.HiddenInput())
    reason = forms.CharField(
        label=_("Reason"), max_length=255, required=False,
        help_text=_("Why, for the other admins (Manila keeps it with the service)."))

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        if not utils.supports(request, "service_disabled_reason"):
            del self.fields["reason"]

    def clean_reason(self):
        reason = (self.cleaned_data.get("reason") or "").strip()
        return reason or None

    def handle(self, request, data):
        try:
            api_services.service_disable(request, data["host"], data["binary"],
                                         data.get("reason"))
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to disable the service"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to disable the service."))
            return False
        messages.success(request, _('Disabled "%s": it takes no new shares.') % data["host"])
        return True
