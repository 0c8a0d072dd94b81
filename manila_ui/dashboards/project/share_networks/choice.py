"""The share network of a new share (Create Share), for types with
driver_handles_share_servers=True.

The field shows only when such a type is chosen and offers only networks
with a subnet in the chosen availability zone, or a default subnet
(manila_ui.share_network_choice.js; ``clean`` says the same without
JavaScript).  One call, and only
on clouds that have DHSS=True types.
"""

import json

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms

from manila_ui.api import share_networks as api_networks

FIELD = "share_network"
ANY_ZONE = "*"


class ZoneAwareSelect(django_forms.Select):
    """Options carry the zones their network serves (``*``: every zone)."""

    def __init__(self, zones, attrs=None):
        super().__init__(attrs)
        self.zones = zones

    def create_option(self, name, value, label, selected, index, subindex=None,
                      attrs=None):
        option = super().create_option(name, value, label, selected, index,
                                       subindex=subindex, attrs=attrs)
        if value in self.zones:
            option["attrs"]["data-zones"] = self.zones[value]
        return option


def _label(network):
    zones = [zone or _("all zones") for zone in network.availability_zones]
    return f"{network.name_or_id} ({', '.join(str(z) for z in zones) or '-'})"


def add_field(form, request, share_types):
    """Add the field to ``form`` when some share type needs a network."""
    dhss = [t.name for t in share_types if t.driver_handles_share_servers and t.name]
    if not dhss:
        return
    try:
        networks = api_networks.share_network_list(request)
    except Exception:
        exceptions.handle(request, _("Unable to retrieve share networks."))
        networks = []
    form.share_networks = {network.id: network for network in networks}
    zones = {network.id: ANY_ZONE if None in network.availability_zones
             else " ".join(z for z in network.availability_zones if z)
             for network in networks}
    # Shown for these types only (manila_ui.share_network_choice.js; type
    # names are matched as they are, whatever characters they hold).
    attrs = {"class": "manila-ui-zone-filtered", "data-zone-field": "availability_zone",
             "data-type-field": "share_type", "data-dhss-types": json.dumps(dhss)}
    form.fields[FIELD] = forms.ChoiceField(
        label=_("Share Network"), required=False,
        choices=[("", _("Choose a share network"))] + [
            (network.id, _label(network)) for network in networks
            if (network.status or "active") == "active"],
        widget=ZoneAwareSelect(zones, attrs=attrs),
        help_text=_("Share servers for this share are set up on this network "
                    "(only networks with a subnet in the chosen zone, or a "
                    "default subnet, are offered)."))
    form.dhss_types = set(dhss)
    order = [name for name in form.fields if name != FIELD]
    after = order.index("availability_zone") + 1 if "availability_zone" in order \
        else len(order)
    form.order_fields(order[:after] + [FIELD] + order[after:])


def clean(form, cleaned):
    """A DHSS=True type needs a network that serves the chosen zone; other
    types take none (Manila would fail such a share)."""
    if FIELD not in form.fields:
        return cleaned
    network_id = cleaned.get(FIELD) or ""
    wanted_type = cleaned.get("share_type") or ""
    needs = wanted_type in getattr(form, "dhss_types", set())
    if needs and not network_id and not cleaned.get("snapshot_id"):
        form.add_error(FIELD, _("This share type needs a share network."))
    elif not needs:
        cleaned[FIELD] = ""
    network = getattr(form, "share_networks", {}).get(network_id)
    zone = cleaned.get("availability_zone") or None
    if needs and network is not None and not network.serves(zone):
        form.add_error(FIELD, _("This share network has no subnet in %s.") % zone)
    return cleaned


def create_args(cleaned):
    network_id = cleaned.get(FIELD)
    return {"share_network": network_id} if network_id else {}
