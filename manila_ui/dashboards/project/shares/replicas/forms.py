"""Create a replica of a share (2.56); an admin resets a replica's state."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import availability_zones as api_azs
from manila_ui.api import share_replicas as api_replicas
from manila_ui.dashboards import common_forms

REFUSALS = common_forms.QUOTA_REFUSALS


class CreateReplicaForm(forms.SelfHandlingForm):
    share_id = forms.CharField(widget=forms.HiddenInput())
    availability_zone = forms.ChoiceField(
        label=_("Availability Zone"), required=False,
        help_text=_("Manila places the replica on a back end of the share's "
                    "replication domain that holds no replica of it yet."))

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        try:
            zones = api_azs.availability_zone_list(request)
        except Exception:
            zones = []
            exceptions.handle(request, _("Unable to retrieve availability zones."))
        self.fields["availability_zone"].choices = [
            ("", _("Any Availability Zone"))] + [(z.name, z.name) for z in zones]

    def handle(self, request, data):
        try:
            api_replicas.replica_create(request, data["share_id"],
                                        data.get("availability_zone") or None)
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to create the replica"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to create the replica."))
            return False
        messages.info(request, _("Creating the replica: it is in sync once its "
                                 "state reads in_sync."))
        return True


class ResetReplicaStateForm(forms.SelfHandlingForm):
    replica_id = forms.CharField(widget=forms.HiddenInput())
    replica_state = forms.ChoiceField(
        label=_("Replica State"), choices=[(s, s) for s in api_replicas.STATES],
        help_text=_("Only the recorded state changes; the back end is not asked."))

    def handle(self, request, data):
        try:
            api_replicas.replica_reset_state(request, data["replica_id"],
                                             data["replica_state"])
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to reset the replica state"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to reset the replica state."))
            return False
        messages.success(request, _('Reset the replica state to "%s".')
                         % data["replica_state"])
        return True
