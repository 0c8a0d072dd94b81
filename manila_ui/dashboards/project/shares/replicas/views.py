"""The Create Replica dialog of a share's Replicas tab."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

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
