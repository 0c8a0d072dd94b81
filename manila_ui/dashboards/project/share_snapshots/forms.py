"""Create, edit and tag share snapshots."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import limits as api_limits
from manila_ui.api import shares as api_shares
from manila_ui.api import snapshots as api_snapshots
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import metadata as share_metadata
from manila_ui.dashboards import utils
from manila_ui.dashboards.project.share_rules import forms as rule_forms

REFUSALS = common_forms.QUOTA_REFUSALS


class CreateSnapshotForm(forms.SelfHandlingForm):
    share_id = forms.ChoiceField(label=_("Share"))
    name = forms.CharField(max_length=255, label=_("Snapshot Name"),
                           required=False)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}))
    metadata = share_metadata.MetadataField(label=_("Metadata"))

    def __init__(self, request, *args, share=None, **kwargs):
        super().__init__(request, *args, **kwargs)
        # Share id -> size: a snapshot counts its share's size against the
        # snapshot gigabytes quota.
        self.share_sizes = {}
        if share is not None:  # from a share's row: the share is fixed
            self.fields["share_id"].choices = [(share.id, share.name_or_id)]
            self.fields["share_id"].widget = forms.HiddenInput()
            self.share_sizes[share.id] = share.size or 0
        else:
            self.fields["share_id"].choices = self._share_choices()
        if not utils.supports(request, "snapshot_metadata"):
            del self.fields["metadata"]

    def _share_choices(self):
        """The project's available shares that can take snapshots."""
        try:
            page = api_shares.share_list_paged(
                self.request, search_opts={"status": "available"},
                page_size=1000, sort_key="name", sort_dir="asc")
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve shares."))
            return []
        shares = [s for s in page.items if s.snapshot_support is not False]
        self.share_sizes.update((s.id, s.size or 0) for s in shares)
        return [(s.id, f"{s.name_or_id} ({s.size} GiB)") for s in shares]

    def clean(self):
        cleaned = super().clean()
        try:
            usage = api_limits.tenant_absolute_limits(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve quotas."))
            return cleaned  # Manila still enforces the quota
        if usage.snapshots.exhausted:
            raise forms.ValidationError(
                _("You have reached your quota of %(quota)d snapshots.")
                % {"quota": usage.snapshots.quota})
        size = self.share_sizes.get(cleaned.get("share_id"), 0)
        room = usage.snapshot_gigabytes
        if not room.unlimited and size > room.available:
            raise forms.ValidationError(
                _("A snapshot of this share needs %(size)d GiB of snapshot storage; "
                  "your quota has %(left)d GiB left.")
                % {"size": size, "left": max(0, int(room.available))})
        return cleaned

    def handle(self, request, data):
        try:
            snapshot = api_snapshots.snapshot_create(
                request, data["share_id"], name=data.get("name"),
                description=data.get("description"),
                metadata=data.get("metadata") or None)
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to create the snapshot"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to create the snapshot."))
            return False
        messages.info(request, _('Creating snapshot "%s".')
                      % snapshot.name_or_id)
        return snapshot


class UpdateSnapshotForm(forms.SelfHandlingForm):
    snapshot_id = forms.CharField(widget=forms.HiddenInput())
    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}))

    def handle(self, request, data):
        try:
            api_snapshots.snapshot_update(
                request, data["snapshot_id"], name=data["name"],
                description=data["description"])
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the snapshot"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the snapshot."))
            return False
        messages.success(request, _('Updated snapshot "%s".')
                         % (data["name"] or data["snapshot_id"]))
        return True


class SnapshotMetadataForm(forms.SelfHandlingForm):
    snapshot_id = forms.CharField(widget=forms.HiddenInput())
    metadata = share_metadata.MetadataField(
        label=_("Metadata"), help_text=_("Remove a row to delete its key."))

    def handle(self, request, data):
        try:
            api_snapshots.snapshot_metadata_replace(
                request, data["snapshot_id"], data.get("metadata") or {})
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the metadata"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the metadata."))
            return False
        messages.success(request, _("Updated the snapshot's metadata."))
        return True


SNAPSHOT_RULE_TYPES = (("ip", _("IP address or network")), ("user", _("User or group")),
                       ("cert", _("Certificate common name")))


class AddSnapshotRuleForm(forms.SelfHandlingForm):
    """A rule of a mountable snapshot (2.32): read-only access, no level,
    no metadata; checked as Manila checks it (no cephx for snapshots)."""

    snapshot_id = forms.CharField(widget=forms.HiddenInput())
    access_type = forms.ChoiceField(label=_("Access Type"), choices=SNAPSHOT_RULE_TYPES)
    access_to = forms.CharField(
        label=_("Access To"), max_length=255,
        help_text=_("An IPv4 or IPv6 address or network (10.0.0.0/24), a user or "
                    "group name, or a certificate's common name."))

    def clean(self):
        cleaned = super().clean()
        access_type = cleaned.get("access_type")
        access_to = (cleaned.get("access_to") or "").strip()
        if access_type and access_to:
            error = rule_forms.access_to_error(
                access_type, access_to, enable_ceph=False,
                enable_ipv6=utils.supports(self.request, "access_ipv6"))
            if error:
                self.add_error("access_to", error)
            cleaned["access_to"] = access_to
        return cleaned

    def handle(self, request, data):
        try:
            rule = api_snapshots.snapshot_allow(request, data["snapshot_id"],
                                                data["access_type"], data["access_to"])
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to add the rule"), exc,
                                        field="access_to")
        except Exception:
            exceptions.handle(request, _("Unable to add the rule."))
            return False
        messages.info(request, _('Adding rule "%s".') % rule.name_or_id)
        return rule
