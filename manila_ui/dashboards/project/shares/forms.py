"""The forms of Project › Shares: create and edit a share, and its actions
(resize, revert, metadata, transfers).

Bad input is a field error before anything reaches Manila; a Manila refusal
(400, 413 over quota, 409...) comes back as a form error in Manila's own
words (``common_forms.refused``), never as a 500. Each action's
``handle()`` returns once Manila accepted the request; the share's row then
shows the transitional status (``extending``, ``reverting``...) and updates
itself.
"""

import json

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import availability_zones as api_azs
from manila_ui.api import exceptions as api_exceptions
from manila_ui.api import limits as api_limits
from manila_ui.api import pools as api_pools
from manila_ui.api import share_actions as api_share_actions
from manila_ui.api import share_networks as api_networks
from manila_ui.api import share_types as api_share_types
from manila_ui.api import shares as api_shares
from manila_ui.api import snapshots as api_snapshots
from manila_ui.api import transfers as api_transfers
from manila_ui.dashboards import capacity
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import metadata as share_metadata
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils
from manila_ui.dashboards.project.share_groups import forms as group_forms

DEFAULT_PROTOCOLS = ("NFS", "CIFS", "CephFS", "GlusterFS", "HDFS", "MapRFS")
# Manila's answers to a wrong request: shown on the form, not as a 500.
REFUSALS = common_forms.QUOTA_REFUSALS


def offered_protocols(request, share_types=()):
    """What the back ends can export, from the best source the user may read.

    Pools' capabilities (admins, by default) are the truth; else the
    ``storage_protocol`` specs of the share types; else the settings list.
    """
    if policy.allows(request, "scheduler_stats:pools:detail"):
        try:
            found = api_pools.share_protocols(request)
        except Exception:
            found = []
            exceptions.handle(request,
                              _("Unable to retrieve the back ends' "
                                "protocols."))
        if found:
            return found
    from_types = set()
    for share_type in share_types:
        spec = (share_type.extra_specs or {}).get("storage_protocol", "")
        from_types.update(p for p in spec.replace(",", "_").split("_") if p)
    if from_types:
        return sorted(from_types)
    return list(utils.manila_features().get("enabled_share_protocols",
                                      DEFAULT_PROTOCOLS))


def _match_protocol(proto, choices):
    """Map a protocol onto the list's spelling (Manila is case-insensitive)."""
    for value in choices:
        if value.lower() == proto.lower():
            return value
    return proto


# -- the share network of a new share, for DHSS=True types ------------------------

NETWORK_FIELD = "share_network"
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


def _network_label(network):
    zones = [zone or _("all zones") for zone in network.availability_zones]
    return f"{network.name_or_id} ({', '.join(str(z) for z in zones) or '-'})"


class ShareNetworkFieldMixin:
    """Create Share's share network field, for types with
    driver_handles_share_servers=True: present only on clouds that have such
    types (one list call), shown only while one is chosen, offering only
    networks with a subnet in the chosen availability zone or a default
    subnet (manila_ui.share_network_choice.js; ``clean`` says the same
    without JavaScript)."""

    share_networks: dict = {}
    dhss_types: frozenset = frozenset()

    def add_share_network_field(self, request, share_types):
        dhss = [t.name for t in share_types if t.driver_handles_share_servers and t.name]
        if not dhss:
            return
        try:
            networks = api_networks.share_network_list(request)
        except Exception:
            exceptions.handle(request, _("Unable to retrieve share networks."))
            networks = []
        self.share_networks = {network.id: network for network in networks}
        zones = {network.id: ANY_ZONE if None in network.availability_zones
                 else " ".join(z for z in network.availability_zones if z)
                 for network in networks}
        # Shown for these types only (manila_ui.share_network_choice.js; type
        # names are matched as they are, whatever characters they hold).
        attrs = {"class": "manila-ui-zone-filtered",
                 "data-zone-field": "availability_zone",
                 "data-type-field": "share_type", "data-dhss-types": json.dumps(dhss)}
        self.fields[NETWORK_FIELD] = forms.ChoiceField(
            label=_("Share Network"), required=False,
            choices=[("", _("Choose a share network"))] + [
                (network.id, _network_label(network)) for network in networks
                if (network.status or "active") == "active"],
            widget=ZoneAwareSelect(zones, attrs=attrs),
            help_text=_("Share servers for this share are set up on this network "
                        "(only networks with a subnet in the chosen zone, or a "
                        "default subnet, are offered)."))
        self.dhss_types = frozenset(dhss)
        order = [name for name in self.fields if name != NETWORK_FIELD]
        after = order.index("availability_zone") + 1 if "availability_zone" in order \
            else len(order)
        self.order_fields(order[:after] + [NETWORK_FIELD] + order[after:])

    def clean_share_network_choice(self, cleaned):
        """A DHSS=True type needs a network that serves the chosen zone;
        other types take none (Manila would fail such a share)."""
        if NETWORK_FIELD not in self.fields:
            return cleaned
        network_id = cleaned.get(NETWORK_FIELD) or ""
        needs = (cleaned.get("share_type") or "") in self.dhss_types
        if needs and not network_id and not cleaned.get("snapshot_id"):
            self.add_error(NETWORK_FIELD, _("This share type needs a share network."))
        elif not needs:
            cleaned[NETWORK_FIELD] = ""
        network = self.share_networks.get(network_id)
        zone = cleaned.get("availability_zone") or None
        if needs and network is not None and not network.serves(zone):
            self.add_error(NETWORK_FIELD,
                           _("This share network has no subnet in %s.") % zone)
        return cleaned

    @staticmethod
    def share_network_args(cleaned):
        network_id = cleaned.get(NETWORK_FIELD)
        return {"share_network": network_id} if network_id else {}


class CreateForm(ShareNetworkFieldMixin, group_forms.ShareGroupFieldMixin,
                 forms.SelfHandlingForm):
    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}))
    share_proto = forms.ChoiceField(label=_("Share Protocol"))
    size = forms.IntegerField(
        min_value=1, label=_("Size (GiB)"), initial=1,
        error_messages={"invalid": _("Enter a whole number of GiB.")})
    share_type = forms.ChoiceField(label=_("Share Type"), required=False)
    availability_zone = forms.ChoiceField(
        label=_("Availability Zone"), required=False)
    snapshot_id = forms.ChoiceField(
        label=_("Source Snapshot"), required=False,
        help_text=_("Start from a snapshot's data. The share must be at "
                    "least as large as the snapshot; it keeps the "
                    "snapshot's protocol and, unless you choose one, its "
                    "share type."))
    metadata = share_metadata.MetadataField(
        label=_("Metadata"),
        help_text=_("Key and value pairs Manila keeps with the share."))
    is_public = forms.BooleanField(
        label=_("Visible to all projects"), required=False, initial=False,
        help_text=_("Any project may then see and mount this share."))

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self._snapshots = self._load_snapshots()
        self.fields["snapshot_id"].choices = [("", _("None (an empty share)"))] + [
            (snap.id, _("%(name)s (%(size)s GiB, %(proto)s)") % {
                "name": snap.name_or_id, "size": snap.size,
                "proto": snap.share_proto or "-"})
            for snap in self._snapshots.values()]
        share_types = self._load_share_types()
        protocols = offered_protocols(request, share_types)
        self.fields["share_proto"].choices = [(p, p) for p in protocols]
        if protocols:
            self.fields["share_proto"].initial = _match_protocol(
                "NFS", protocols)
        source = self._snapshots.get(self.initial.get("snapshot_id") or "")
        if source is not None:  # "Create Share" from a snapshot's row
            self.fields["size"].initial = source.size
            if source.share_proto:
                self.fields["share_proto"].initial = _match_protocol(
                    source.share_proto, protocols)
        self.fields["share_type"].choices = self._type_choices(share_types)
        default = self._default_type(share_types)
        if default:
            self.fields["share_type"].initial = default.name
        self.fields["availability_zone"].choices = self._az_choices()
        # A warning when no pool for the type (and zone) can hold the size,
        # where the user may read the pools (manila_ui.share_capacity.js).
        hints = capacity.size_hints(request, share_types)
        if hints and default:
            hints["data-default-type"] = default.name
        self.fields["size"].widget.attrs.update(hints)
        # DHSS=True types ask for a share network.
        self.add_share_network_field(request, share_types)
        self.add_share_group_field(request)
        if not (utils.manila_features().get("enable_public_shares", True) and
                policy.allows(request, "share:create_public_share")):
            del self.fields["is_public"]

    def _load_snapshots(self):
        """The project's available snapshots, newest first (one call)."""
        try:
            found = api_snapshots.snapshot_list(self.request,
                                                status="available")
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve snapshots."))
            return {}
        return {snap.id: snap for snap in found}

    def _load_share_types(self):
        try:
            return api_share_types.share_type_list(self.request)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve share types."))
            return []

    @staticmethod
    def _type_choices(share_types):
        choices = [("", _("Default share type"))]
        for share_type in sorted(share_types, key=lambda t: t.name or ""):
            label = share_type.name
            if share_type.driver_handles_share_servers:
                label = _("%s (needs a share network)") % share_type.name
            choices.append((share_type.name, label))
        return choices

    @staticmethod
    def _default_type(share_types):
        for share_type in share_types:
            if share_type.is_default:
                return share_type
        for share_type in share_types:
            if share_type.name == "default":
                return share_type
        return None

    def _az_choices(self):
        try:
            zones = api_azs.availability_zone_list(self.request)
        except Exception:
            zones = []
            exceptions.handle(self.request,
                              _("Unable to retrieve availability zones."))
        return [("", _("Any Availability Zone"))] + [
            (z.name, z.name) for z in zones]

    def clean(self):
        cleaned = self.clean_share_group_choice(
            self.clean_share_network_choice(super().clean()))
        size = cleaned.get("size")
        snapshot = self._snapshots.get(cleaned.get("snapshot_id") or "")
        if snapshot is not None:
            if size and snapshot.size and size < snapshot.size:
                self.add_error("size", _(
                    "A share made from this snapshot needs at least "
                    "%(size)d GiB.") % {"size": snapshot.size})
            if snapshot.share_proto:  # Manila keeps the source's protocol
                cleaned["share_proto"] = snapshot.share_proto
        try:
            usage = api_limits.tenant_absolute_limits(self.request)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve share quotas."))
            return cleaned  # Manila still enforces the quota on create.
        if usage.shares.exhausted:
            raise forms.ValidationError(
                _("You have reached your quota of %(quota)d shares.")
                % {"quota": usage.shares.quota})
        if size and not usage.gigabytes.unlimited and \
                size > usage.gigabytes.available:
            self.add_error("size", _(
                "A share of %(size)d GiB exceeds your available quota of "
                "%(avail)d GiB.") % {"size": size,
                                     "avail": usage.gigabytes.available})
        return cleaned

    def handle(self, request, data):
        try:
            share = api_shares.share_create(
                request, size=data["size"], share_proto=data["share_proto"],
                name=data["name"], description=data["description"],
                share_type=data.get("share_type") or None,
                availability_zone=data.get("availability_zone") or None,
                is_public=bool(data.get("is_public")),
                metadata=data.get("metadata") or None,
                snapshot_id=data.get("snapshot_id") or None,
                **self.share_network_args(data), **self.share_group_args(data))
        except api_exceptions.OverLimit as exc:
            return common_forms.refused(self, _("Quota exceeded"), exc)
        except common_forms.REFUSALS as exc:
            size = "size" in api_exceptions.fault_message(exc).lower()
            return common_forms.refused(self, _("Unable to create share"), exc,
                                        field="size" if size else None)
        except Exception:
            exceptions.handle(request, _("Unable to create share."))
            return False
        messages.info(request, _('Creating share "%s".') % share.name_or_id)
        return share


class UpdateForm(forms.SelfHandlingForm):
    share_id = forms.CharField(widget=forms.HiddenInput())
    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}))
    is_public = forms.BooleanField(
        label=_("Visible to all projects"), required=False)

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        if not (utils.manila_features().get("enable_public_shares", True) and
                policy.allows(request, "share:set_public_share")):
            del self.fields["is_public"]

    def handle(self, request, data):
        try:
            share = api_shares.share_update(
                request, data["share_id"], name=data["name"],
                description=data["description"],
                is_public=data.get("is_public")
                if "is_public" in self.fields else None)
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update share"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update share."))
            return False
        messages.success(request, _('Updated share "%s".') % share.name_or_id)
        return share


# -- the share actions ------------------------------------------------------------

class _ShareForm(forms.SelfHandlingForm):
    share_id = forms.CharField(widget=forms.HiddenInput())


class ResizeForm(_ShareForm):
    name = forms.CharField(label=_("Share"), required=False,
                           widget=forms.TextInput(attrs={"readonly": True}))
    orig_size = forms.IntegerField(label=_("Current Size (GiB)"),
                                   widget=forms.TextInput(
                                       attrs={"readonly": True}))
    new_size = forms.IntegerField(
        label=_("New Size (GiB)"), min_value=1,
        error_messages={"invalid": _("Enter a whole number of GiB.")})
    force = forms.BooleanField(
        label=_("Force (skip the scheduler's capacity check)"),
        required=False, initial=False)

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        if not (utils.supports(request, "force_extend") and
                policy.allows(request, "share:force_extend")):
            del self.fields["force"]

    def clean(self):
        cleaned = super().clean()
        old, new = cleaned.get("orig_size"), cleaned.get("new_size")
        if old is None or new is None:
            return cleaned
        if new == old:
            self.add_error("new_size", _("The new size must differ from the "
                                         "current size."))
        elif new < old and not policy.allows(self.request, "share:shrink"):
            self.add_error("new_size", _("You may only extend this share."))
        elif new > old:
            self._check_quota(new - old)
        return cleaned

    def _check_quota(self, growth):
        try:
            usage = api_limits.tenant_absolute_limits(self.request).gigabytes
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve quotas."))
            return  # Manila still enforces the quota
        if not usage.unlimited and growth > usage.available:
            self.add_error("new_size", _(
                "Extending by %(growth)d GiB exceeds your available quota of "
                "%(avail)d GiB.") % {"growth": growth,
                                     "avail": usage.available})

    def handle(self, request, data):
        try:
            how = api_share_actions.share_resize(
                request, data["share_id"], data["orig_size"],
                data["new_size"], force=bool(data.get("force")))
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to resize the share"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to resize the share."))
            return False
        text = (_('Extending share "%(name)s" to %(size)d GiB.')
                if how == "extend" else
                _('Shrinking share "%(name)s" to %(size)d GiB.'))
        messages.info(request, text % {"name": data.get("name") or
                                       data["share_id"],
                                       "size": data["new_size"]})
        return True


class RevertForm(_ShareForm):
    snapshot_id = forms.CharField(widget=forms.HiddenInput())

    def handle(self, request, data):
        try:
            api_share_actions.share_revert(request, data["share_id"],
                                           data["snapshot_id"])
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to revert the share"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to revert the share."))
            return False
        messages.info(request, _("Reverting the share to its latest "
                                 "snapshot."))
        return True


class MetadataForm(_ShareForm):
    metadata = share_metadata.MetadataField(
        label=_("Metadata"),
        help_text=_("Remove a row to delete its key. Keys only an "
                    "administrator may set stay as they are."))

    def handle(self, request, data):
        try:
            api_share_actions.share_metadata_replace(
                request, data["share_id"], data.get("metadata") or {})
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the metadata"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the metadata."))
            return False
        messages.success(request, _("Updated the share's metadata."))
        return True


class ExportLocationMetadataForm(_ShareForm):
    """An export location's metadata (2.87), replaced in one call."""

    export_location_id = forms.CharField(widget=forms.HiddenInput())
    metadata = share_metadata.MetadataField(
        label=_("Metadata"), help_text=_("Remove a row to delete its key."))

    def handle(self, request, data):
        try:
            api_shares.export_location_metadata_replace(
                request, data["share_id"], data["export_location_id"],
                data.get("metadata") or {})
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the metadata"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the metadata."))
            return False
        messages.success(request, _("Updated the export location's metadata."))
        return True


class CreateTransferForm(_ShareForm):
    name = forms.CharField(
        max_length=255, label=_("Transfer Name"), required=False,
        help_text=_("Helps the receiving project recognise the transfer."))

    def handle(self, request, data):
        """Returns the transfer: the view shows its auth key, once."""
        try:
            return api_transfers.transfer_create(request, data["share_id"],
                                                 name=data.get("name"))
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to create the transfer"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to create the transfer."))
            return False


class AcceptTransferForm(forms.SelfHandlingForm):
    transfer_id = forms.CharField(
        max_length=36, label=_("Transfer ID"),
        help_text=_("From the project that gives the share."))
    auth_key = forms.CharField(
        max_length=16, label=_("Authorization Key"),
        widget=forms.TextInput(attrs={"autocomplete": "off"}))
    clear_access_rules = forms.BooleanField(
        label=_("Remove the share's access rules"), required=False,
        initial=False,
        help_text=_("The giving project's clients then lose access."))

    def clean_transfer_id(self):
        return self.cleaned_data["transfer_id"].strip()

    def clean_auth_key(self):
        return self.cleaned_data["auth_key"].strip()

    def handle(self, request, data):
        try:
            api_transfers.transfer_accept(
                request, data["transfer_id"], data["auth_key"],
                clear_access_rules=bool(data.get("clear_access_rules")))
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to accept the transfer"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to accept the transfer."))
            return False
        messages.success(request, _("Accepted the transfer: the share now "
                                    "belongs to this project."))
        return True
