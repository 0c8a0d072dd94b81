"""Create and edit a share.

Bad input is a field error before anything reaches Manila; a Manila fault
(400, 413 over quota, 409...) comes back as a form error with Manila's own
words, never as a 500.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages
from openstack_dashboard import policy

from manila_ui.api import availability_zones as api_azs
from manila_ui.api import exceptions as api_exceptions
from manila_ui.api import limits as api_limits
from manila_ui.api import pools as api_pools
from manila_ui.api import share_types as api_share_types
from manila_ui.api import shares as api_shares
from manila_ui.api import snapshots as api_snapshots
from manila_ui.dashboards import metadata as share_metadata
from manila_ui.dashboards.project.share_networks import choice as share_network_choice

DEFAULT_PROTOCOLS = ("NFS", "CIFS", "CephFS", "GlusterFS", "HDFS", "MapRFS")


def manila_features():
    return getattr(settings, "OPENSTACK_MANILA_FEATURES", {}) or {}


def _policy_allows(request, rule):
    return policy.check((("share", rule),), request)


def offered_protocols(request, share_types=()):
    """What the back ends can export, from the best source the user may read.

    Pools' capabilities (admins, by default) are the truth; else the
    ``storage_protocol`` specs of the share types; else the settings list.
    """
    if _policy_allows(request, "scheduler_stats:pools:detail"):
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
    return list(manila_features().get("enabled_share_protocols",
                                      DEFAULT_PROTOCOLS))


def _match_protocol(proto, choices):
    """Map a protocol onto the list's spelling (Manila is case-insensitive)."""
    for value in choices:
        if value.lower() == proto.lower():
            return value
    return proto


class CreateForm(forms.SelfHandlingForm):
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
        # DHSS=True types ask for a share network (project/share_networks).
        share_network_choice.add_field(self, request, share_types)
        if not (manila_features().get("enable_public_shares", True) and
                _policy_allows(request, "share:create_public_share")):
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
        cleaned = share_network_choice.clean(self, super().clean())
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
                **self.extra_create_args(data))
        except api_exceptions.OverLimit as exc:
            self.api_error(_("Quota exceeded: %s")
                           % api_exceptions.fault_message(exc))
            return False
        except (api_exceptions.BadRequest, api_exceptions.NotFound,
                api_exceptions.Conflict) as exc:
            reason = api_exceptions.fault_message(exc)
            message = _("Unable to create share: %s") % reason
            if "size" in reason.lower():
                self.add_error("size", message)
            else:
                self.api_error(message)
            return False
        except Exception:
            exceptions.handle(request, _("Unable to create share."))
            return False
        messages.info(request, _('Creating share "%s".') % share.name_or_id)
        return share

    def extra_create_args(self, data):
        """Hook for fields other panels add (e.g. a share network)."""
        return share_network_choice.create_args(data)


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
        if not (manila_features().get("enable_public_shares", True) and
                _policy_allows(request, "share:set_public_share")):
            del self.fields["is_public"]

    def handle(self, request, data):
        try:
            share = api_shares.share_update(
                request, data["share_id"], name=data["name"],
                description=data["description"],
                is_public=data.get("is_public")
                if "is_public" in self.fields else None)
        except (api_exceptions.BadRequest, api_exceptions.Conflict,
                api_exceptions.Forbidden) as exc:
            self.api_error(_("Unable to update share: %s")
                           % api_exceptions.fault_message(exc))
            return False
        except Exception:
            exceptions.handle(request, _("Unable to update share."))
            return False
        messages.success(request, _('Updated share "%s".') % share.name_or_id)
        return share
