"""The dialogs of a share's Replicas tab: Create Replica, and the admin's
Reset Replica State."""

from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import forms

from manila_ui.api import share_replicas as api_replicas
from manila_ui.dashboards import common_views
from manila_ui.dashboards.project.shares import views as share_views
from manila_ui.dashboards.project.shares.replicas import forms as replica_forms
from manila_ui.dashboards.project.shares.replicas import tables as replica_tables


class CreateReplicaView(share_views.ShareModalView):
    form_class = replica_forms.CreateReplicaForm
    policy_rules = replica_tables.CreateReplica.policy_rules
    template_name = "project/shares/create_replica.html"
    modal_id = "create_share_replica_modal"
    submit_label = _("Create Replica")
    submit_url_name = "horizon:project:shares:create_replica"
    page_title = _("Create Replica")

    def get_success_url(self):
        return reverse("horizon:project:shares:detail", args=(self.kwargs["share_id"],)) + \
            "?tab=share_details__replicas"


class ResetReplicaStateView(common_views.ObjectModalMixin, forms.ModalFormView):
    fetch = staticmethod(api_replicas.replica_get)
    url_kwarg = "replica_id"
    fetch_error = _("Unable to retrieve the replica.")
    context_object_name = "replica"
    form_class = replica_forms.ResetReplicaStateForm
    policy_rules = replica_tables.ResetReplicaState.policy_rules
    template_name = "project/shares/reset_replica_state.html"
    modal_id = "reset_replica_state_modal"
    submit_label = _("Reset Replica State")
    submit_url_name = "horizon:admin:shares:reset_replica_state"
    page_title = _("Reset Replica State")
    success_url = reverse_lazy("horizon:admin:shares:index")

    def get_success_url(self):
        return reverse("horizon:admin:shares:detail",
                       args=(self.get_object().share_id,)) + "?tab=share_details__replicas"

    def get_initial(self):
        replica = self.get_object()
        return {"replica_id": replica.id, "replica_state": replica.replica_state}
