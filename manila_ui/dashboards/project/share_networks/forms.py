"""Edit a share network; add subnets (and their metadata); attach, detach
and replace security services.

Changes to a network in use go through Manila's checks (2.63 security
services, 2.70 subnets): a form starts the check; when the back ends have
not answered yet the user follows it on the check page (views.CheckView).
A Manila refusal is a form error in Manila's own words, never a 500.
"""

import uuid

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import availability_zones as api_azs
from manila_ui.api import network as api_network
from manila_ui.api import security_services as api_services
from manila_ui.api import share_networks as api_networks
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import metadata as kv_metadata
from manila_ui.dashboards import utils

REFUSALS = common_forms.QUOTA_REFUSALS
DEFAULT_ZONE = ""


def zone_choices(request):
    try:
        zones = api_azs.availability_zone_list(request)
    except Exception:
        exceptions.handle(request, _("Unable to retrieve availability zones."))
        zones = []
    return [(DEFAULT_ZONE, _("Default subnet (every zone)"))] + [
        (zone.name, zone.name) for zone in zones]


def subnet_options(request):
    """The user's subnets where the catalog has Neutron; None (type the IDs)
    where it has none or Neutron cannot answer."""
    if not api_network.network_service_enabled(request):
        return None
    try:
        return api_network.subnet_options(request)
    except Exception:
        exceptions.handle(request, _("Unable to retrieve the networks: enter the IDs "
                                     "of the Neutron network and subnet instead."))
        return None


NO_SUBNET = ""


def clean_neutron_ids(form, cleaned):
    """Both ids or neither, each a UUID (what Neutron hands out); from the
    chosen subnet where the form offers the user's subnets."""
    if "neutron_subnet" in form.fields:
        chosen = cleaned.get("neutron_subnet")
        option = next((o for o in subnet_options(form.request) or ()
                       if o.subnet_id == chosen), None)
        cleaned["neutron_net_id"] = option.network_id if option else None
        cleaned["neutron_subnet_id"] = option.subnet_id if option else None
        return cleaned
    if form.data.get(form.add_prefix("neutron_subnet")):
        # Chosen from the list, which Neutron could not give again now.
        raise forms.ValidationError(_("Enter the IDs of the Neutron network and subnet."))
    net, subnet = cleaned.get("neutron_net_id"), cleaned.get("neutron_subnet_id")
    for field, value in (("neutron_net_id", net), ("neutron_subnet_id", subnet)):
        if value:
            try:
                uuid.UUID(value)
            except ValueError:
                form.add_error(field, _("Enter the ID (a UUID) of a Neutron resource."))
    if bool(net) != bool(subnet):
        raise forms.ValidationError(
            _("Give both the Neutron network and subnet, or neither."))
    return cleaned


def check_url(network_id, **params):
    return "{}?{}".format(
        reverse("horizon:project:share_networks:check", args=(network_id,)),
        urlencode({k: v for k, v in params.items() if v is not None}))


class SubnetFieldsMixin:
    """The fields of a subnet, shared by the create wizard and Add Subnet."""

    def add_subnet_fields(self, request):
        self.fields["availability_zone"] = forms.ChoiceField(
            label=_("Availability Zone"), required=False,
            choices=zone_choices(request),
            help_text=_("Shares in this zone use this subnet; the default subnet "
                        "serves every zone without one of its own."))
        options = subnet_options(request)
        if options is None:
            self.fields["neutron_net_id"] = forms.CharField(
                label=_("Neutron Network ID"), required=False, max_length=36,
                help_text=_("Leave both IDs empty where the cloud's share back ends "
                            "allocate addresses themselves."))
            self.fields["neutron_subnet_id"] = forms.CharField(
                label=_("Neutron Subnet ID"), required=False, max_length=36)
        else:
            self.fields["neutron_subnet"] = forms.ChoiceField(
                label=_("Neutron Network and Subnet"), required=False,
                choices=[(NO_SUBNET, _("None: the share back ends allocate addresses"))]
                + [(o.subnet_id, o.label) for o in options],
                help_text=_("The subnets of your project's networks and of shared ones."))
        if utils.supports(request, "subnet_metadata"):
            self.fields["metadata"] = kv_metadata.MetadataField(label=_("Subnet Metadata"))


class UpdateForm(forms.SelfHandlingForm):
    network_id = forms.CharField(widget=forms.HiddenInput())
    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(label=_("Description"), required=False,
                                  max_length=255, widget=forms.Textarea(attrs={"rows": 3}))

    def handle(self, request, data):
        try:
            network = api_networks.share_network_update(
                request, data["network_id"], name=data["name"],
                description=data["description"])
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the share network"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the share network."))
            return False
        messages.success(request, _('Updated share network "%s".') % network.name_or_id)
        return network


class AddSubnetForm(SubnetFieldsMixin, forms.SelfHandlingForm):
    network_id = forms.CharField(widget=forms.HiddenInput())

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.add_subnet_fields(request)
        self.next_url = None

    def clean(self):
        return clean_neutron_ids(self, super().clean())

    def handle(self, request, data):
        network_id = data["network_id"]
        values = {"availability_zone": data.get("availability_zone") or None,
                  "neutron_net_id": data.get("neutron_net_id") or None,
                  "neutron_subnet_id": data.get("neutron_subnet_id") or None}
        try:
            if utils.supports(request, "multiple_subnets_per_zone"):
                # A zone whose servers need addresses on it is checked first.
                check = api_networks.subnet_create_check(request, network_id,
                                                         reset=True, **values)
                if check.compatible is None:
                    self.next_url = check_url(network_id, op="subnet", **{
                        k: v for k, v in values.items() if v})
                    return True
                if check.compatible is False:
                    self.api_error(_("The share servers on this network cannot take "
                                     "a subnet there."))
                    return False
            subnet = api_networks.subnet_create(request, network_id,
                                                metadata=data.get("metadata") or None,
                                                **values)
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to add the subnet"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to add the subnet."))
            return False
        messages.success(request, _("Added a subnet in %s.")
                         % (subnet.availability_zone or _("every zone")))
        return subnet


class SubnetMetadataForm(forms.SelfHandlingForm):
    network_id = forms.CharField(widget=forms.HiddenInput())
    subnet_id = forms.CharField(widget=forms.HiddenInput())
    metadata = kv_metadata.MetadataField(label=_("Metadata"))

    def handle(self, request, data):
        old = self.initial.get("metadata") or {}
        new = data.get("metadata") or {}
        try:
            api_networks.subnet_metadata_update(
                request, data["network_id"], data["subnet_id"],
                set_items={k: v for k, v in new.items() if old.get(k) != v},
                unset_keys=[k for k in old if k not in new])
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the subnet metadata"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the subnet metadata."))
            return False
        messages.success(request, _("Updated the subnet metadata."))
        return True


def _service_label(service):
    return f"{service.name_or_id} ({service.type})"


class AddSecurityServiceForm(forms.SelfHandlingForm):
    """Attach one of the project's services (one per type per network)."""

    network_id = forms.CharField(widget=forms.HiddenInput())
    security_service_id = forms.ChoiceField(label=_("Security Service"))

    def __init__(self, request, *args, attached=(), **kwargs):
        super().__init__(request, *args, **kwargs)
        taken = {service.type for service in attached}
        try:
            services = api_services.security_service_list(request)
        except Exception:
            exceptions.handle(request, _("Unable to retrieve security services."))
            services = []
        self.fields["security_service_id"].choices = [
            (s.id, _service_label(s)) for s in services if s.type not in taken]
        self.next_url = None

    def handle(self, request, data):
        network_id, service_id = data["network_id"], data["security_service_id"]
        try:
            if utils.supports(request, "share_network_security_service_update"):
                check = api_networks.security_service_add_check(
                    request, network_id, service_id, reset=True)
                if check.compatible is None:
                    self.next_url = check_url(network_id, op="add", new=service_id)
                    return True
                if check.compatible is False:
                    self.api_error(_("The share servers of this network cannot use "
                                     "that security service."))
                    return False
            api_networks.security_service_add(request, network_id, service_id)
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to add the security service"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to add the security service."))
            return False
        messages.success(request, _("Added the security service."))
        return True


class ReplaceSecurityServiceForm(forms.SelfHandlingForm):
    """Replace a service by another of the same type (2.63, checked)."""

    network_id = forms.CharField(widget=forms.HiddenInput())
    current_id = forms.CharField(widget=forms.HiddenInput())
    new_id = forms.ChoiceField(label=_("New Security Service"))

    def __init__(self, request, *args, current=None, **kwargs):
        super().__init__(request, *args, **kwargs)
        try:
            services = api_services.security_service_list(request)
        except Exception:
            exceptions.handle(request, _("Unable to retrieve security services."))
            services = []
        kind = getattr(current, "type", None)
        self.fields["new_id"].choices = [
            (s.id, _service_label(s)) for s in services
            if s.type == kind and s.id != getattr(current, "id", None)]
        self.next_url = None

    def handle(self, request, data):
        network_id = data["network_id"]
        try:
            check = api_networks.security_service_update_check(
                request, network_id, data["current_id"], data["new_id"], reset=True)
            if check.compatible is None:
                self.next_url = check_url(network_id, op="update",
                                          current=data["current_id"], new=data["new_id"])
                return True
            if check.compatible is False:
                self.api_error(_("The share servers of this network cannot use that "
                                 "security service."))
                return False
            api_networks.security_service_update(request, network_id,
                                                 data["current_id"], data["new_id"])
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to replace the security service"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to replace the security service."))
            return False
        messages.success(request, _("Replacing the security service: the network "
                                    "changes while its servers follow."))
        return True


class ApplyCheckedChangeForm(forms.SelfHandlingForm):
    """No fields: posting it applies the change the check page shows
    (views.CheckView does the work)."""

    def handle(self, request, data):
        return True
