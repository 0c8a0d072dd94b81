"""The Create Share Network wizard: the network, then its first subnet.

Manila creates the first subnet with the network (in the chosen zone from
2.51); its metadata (2.78) is set right after, on that subnet.
"""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import workflows

from manila_ui.api import limits as api_limits
from manila_ui.api import share_networks as api_networks
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import utils
from manila_ui.dashboards.project.share_networks import forms as network_forms


class NetworkAction(workflows.Action):
    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(label=_("Description"), required=False,
                                  max_length=255, widget=forms.Textarea(attrs={"rows": 3}))

    class Meta:
        name = _("Share Network")
        slug = "network"
        # The help text and the share network quota bar (issue 6).
        help_text_template = "manila_ui/share_quotas/_network_help.html"

    def get_help_text(self, extra_context=None):
        context = dict(extra_context or {})
        try:
            context["usages"] = api_limits.tenant_absolute_limits(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve share quotas."))
        return super().get_help_text(context)


class NetworkStep(workflows.Step):
    action_class = NetworkAction
    contributes = ("name", "description")


class SubnetAction(network_forms.SubnetFieldsMixin, workflows.Action):
    class Meta:
        name = _("First Subnet")
        slug = "subnet"
        help_text = _("Where the share servers of this network get their "
                      "addresses. More subnets (one per zone) can be added later.")

    def __init__(self, request, context, *args, **kwargs):
        super().__init__(request, context, *args, **kwargs)
        self.add_subnet_fields(request)
        if not utils.supports(request, "share_network_subnets"):
            # Before 2.51 a network is one (default) subnet.
            del self.fields["availability_zone"]

    def clean(self):
        return network_forms.clean_neutron_ids(self, super().clean())


class SubnetStep(workflows.Step):
    action_class = SubnetAction
    contributes = ("availability_zone", "neutron_net_id", "neutron_subnet_id",
                   "metadata")


class CreateShareNetwork(workflows.Workflow):
    slug = "create_share_network"
    name = _("Create Share Network")
    finalize_button_name = _("Create Share Network")
    success_message = _('Created share network "%s".')
    failure_message = _('Unable to create share network "%s".')
    success_url = "horizon:project:share_networks:index"
    default_steps = (NetworkStep, SubnetStep)
    wizard = True

    def format_status_message(self, message):
        return message % (self.context.get("name") or _("(no name)"))

    def handle(self, request, context):
        try:
            network = api_networks.share_network_create(
                request, name=context.get("name"), description=context.get("description"),
                neutron_net_id=context.get("neutron_net_id"),
                neutron_subnet_id=context.get("neutron_subnet_id"),
                availability_zone=context.get("availability_zone"))
        except network_forms.REFUSALS as exc:
            return common_forms.refused(self, None, exc)
        except Exception:
            exceptions.handle(request)
            return False
        metadata = context.get("metadata")
        subnets = network.subnets
        if metadata and subnets and subnets[0].id:
            try:
                api_networks.subnet_metadata_update(
                    request, network.id, subnets[0].id, set_items=metadata,
                    unset_keys=[])
            except Exception:
                exceptions.handle(request, _("The network was created, but not the "
                                             "metadata of its subnet."))
        self.object = network
        return True
