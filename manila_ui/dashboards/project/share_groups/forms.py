"""Create and edit share groups; Create Share's "Share group" choice."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import availability_zones as api_azs
from manila_ui.api import limits as api_limits
from manila_ui.api import share_group_snapshots as api_group_snapshots
from manila_ui.api import share_group_types as api_group_types
from manila_ui.api import share_groups as api_groups
from manila_ui.api import share_networks as api_networks
from manila_ui.api import share_types as api_share_types
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import utils

REFUSALS = common_forms.QUOTA_REFUSALS
SOURCE_NEW, SOURCE_SNAPSHOT = "new", "snapshot"


def _switched(source, label):
    """A field shown only for one choice of the "source" field."""
    return {"class": "switched", "data-switch-on": "source",
            f"data-source-{source}": label}


class CreateShareGroupForm(forms.SelfHandlingForm):
    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}))
    source = forms.ChoiceField(
        label=_("Source"), choices=[(SOURCE_NEW, _("New, empty share group")),
                                    (SOURCE_SNAPSHOT, _("A share group snapshot"))],
        widget=forms.Select(attrs={"class": "switchable",
                                                 "data-slug": "source"}))
    snapshot_id = forms.ChoiceField(
        label=_("Share Group Snapshot"), required=False,
        help_text=_("One new share per share of the snapshot, in the pool, zone and "
                    "share network of the snapshot's group."),
        widget=forms.Select(
            attrs=_switched(SOURCE_SNAPSHOT, _("Share Group Snapshot"))))
    share_group_type = forms.ChoiceField(
        label=_("Share Group Type"), required=False,
        widget=forms.Select(attrs=_switched(SOURCE_NEW, _("Share Group Type"))))
    share_types = forms.MultipleChoiceField(
        label=_("Share Types"), required=False,
        help_text=_("The types the group's shares may have: some of the group type's "
                    "(none chosen: all of them)."),
        widget=forms.CheckboxSelectMultiple(attrs=_switched(SOURCE_NEW, _("Share Types"))))
    availability_zone = forms.ChoiceField(
        label=_("Availability Zone"), required=False,
        widget=forms.Select(
            attrs=_switched(SOURCE_NEW, _("Availability Zone"))))
    share_network = forms.ChoiceField(
        label=_("Share Network"), required=False,
        help_text=_("Needed by share types whose driver handles share servers."),
        widget=forms.Select(attrs=_switched(SOURCE_NEW, _("Share Network"))))

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.group_types = self._load(api_group_types.share_group_type_list,
                                      _("Unable to retrieve share group types."))
        share_types = self._load(api_share_types.share_type_list,
                                 _("Unable to retrieve share types."))
        names = {t.id: t.name for t in share_types}
        self.fields["share_group_type"].choices = [
            (t.id, t.name) for t in sorted(self.group_types, key=lambda t: t.name or "")]
        default = next((t for t in self.group_types if t.is_default), None)
        if default is not None:
            self.fields["share_group_type"].initial = default.id
        offered = {i for t in self.group_types for i in t.share_types or []}
        self.fields["share_types"].choices = [
            (i, names.get(i, i)) for i in sorted(offered, key=lambda i: names.get(i, i))]
        self.fields["availability_zone"].choices = [("", _("Any Availability Zone"))] + [
            (z.name, z.name) for z in self._load(api_azs.availability_zone_list,
                                                 _("Unable to retrieve availability zones."))]
        snapshots = self._load(lambda r: api_group_snapshots.snapshot_list(
            r, status="available"), _("Unable to retrieve share group snapshots."))
        self.fields["snapshot_id"].choices = [("", _("Choose a snapshot"))] + [
            (s.id, s.name_or_id) for s in snapshots]
        if self.initial.get("snapshot_id"):
            self.fields["source"].initial = SOURCE_SNAPSHOT
        if any(t.driver_handles_share_servers for t in share_types):
            networks = self._load(api_networks.share_network_list,
                                  _("Unable to retrieve share networks."))
            self.fields["share_network"].choices = [("", _("None"))] + [
                (n.id, n.name_or_id) for n in networks]
        else:
            del self.fields["share_network"]

    def _load(self, fetch, error):
        try:
            return fetch(self.request)
        except Exception:
            exceptions.handle(self.request, error)
            return []

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("source") == SOURCE_SNAPSHOT and not cleaned.get("snapshot_id"):
            self.add_error("snapshot_id", _("Choose the share group snapshot to copy."))
        try:
            usage = api_limits.tenant_absolute_limits(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve share group quotas."))
            return cleaned  # Manila still enforces the quota
        if usage.share_groups.exhausted:
            raise forms.ValidationError(
                _("You have reached your quota of %(quota)d share groups.")
                % {"quota": usage.share_groups.quota})
        return cleaned

    def _new_group_args(self, data):
        group_type = next((t for t in self.group_types
                           if t.id == data.get("share_group_type")), None)
        return {"share_group_type": data.get("share_group_type") or None,
                # None chosen: every type of the group type (Manila would take
                # the default share type, which the group type may not have).
                "share_types": data.get("share_types") or (
                    list(group_type.share_types or []) if group_type else None),
                "availability_zone": data.get("availability_zone") or None,
                "share_network": data.get("share_network") or None}

    def handle(self, request, data):
        if data["source"] == SOURCE_SNAPSHOT:
            args = {"source_share_group_snapshot": data["snapshot_id"]}
        else:
            args = self._new_group_args(data)
        try:
            group = api_groups.share_group_create(
                request, name=data.get("name"), description=data.get("description"),
                **args)
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to create the share group"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to create the share group."))
            return False
        messages.info(request, _('Creating share group "%s".') % group.name_or_id)
        return group


class UpdateShareGroupForm(forms.SelfHandlingForm):
    share_group_id = forms.CharField(widget=forms.HiddenInput())
    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}))

    def handle(self, request, data):
        try:
            api_groups.share_group_update(request, data["share_group_id"],
                                          name=data["name"],
                                          description=data["description"])
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the share group"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the share group."))
            return False
        messages.success(request, _('Updated share group "%s".')
                         % (data["name"] or data["share_group_id"]))
        return True


class ShareGroupFieldMixin:
    """Create Share's "Share group" choice: the project's available groups
    (one call), offered where groups are enabled and Manila has them (2.55);
    a group's share takes its zone."""

    share_groups: dict = {}

    def add_share_group_field(self, request):
        if not (utils.share_groups_enabled() and utils.supports(request, "share_groups")):
            return
        try:
            groups = api_groups.share_group_list(request, status="available")
        except Exception:
            exceptions.handle(request, _("Unable to retrieve share groups."))
            return
        if not groups:
            return
        self.share_groups = {group.id: group for group in groups}
        self.fields["share_group_id"] = forms.ChoiceField(
            label=_("Share Group"), required=False,
            initial=self.initial.get("share_group_id"),
            help_text=_("A share of a group lives in the group's zone and pool; its "
                        "type must be one of the group's."),
            choices=[("", _("None"))] + [
                (g.id, _("%(name)s (%(zone)s)") % {"name": g.name_or_id,
                                                  "zone": g.availability_zone or "-"})
                for g in groups])

    def clean_share_group_choice(self, cleaned):
        group = self.share_groups.get(cleaned.get("share_group_id") or "")
        zone = cleaned.get("availability_zone")
        if group is not None and zone and zone != group.availability_zone:
            self.add_error("availability_zone", _(
                "A share of group %(group)s is in its zone, %(zone)s.")
                % {"group": group.name_or_id, "zone": group.availability_zone})
        return cleaned

    @staticmethod
    def share_group_args(cleaned):
        group_id = cleaned.get("share_group_id")
        return {"share_group_id": group_id} if group_id else {}
