"""Snapshot a share group; edit a group snapshot."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import limits as api_limits
from manila_ui.api import share_group_snapshots as api_group_snapshots
from manila_ui.dashboards import common_forms

REFUSALS = common_forms.QUOTA_REFUSALS


class CreateGroupSnapshotForm(forms.SelfHandlingForm):
    share_group_id = forms.CharField(widget=forms.HiddenInput())
    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        cleaned = super().clean()
        try:
            usage = api_limits.tenant_absolute_limits(self.request)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve share group snapshot quotas."))
            return cleaned  # Manila still enforces the quota
        if usage.share_group_snapshots.exhausted:
            raise forms.ValidationError(
                _("You have reached your quota of %(quota)d share group snapshots.")
                % {"quota": usage.share_group_snapshots.quota})
        return cleaned

    def handle(self, request, data):
        try:
            snapshot = api_group_snapshots.snapshot_create(
                request, data["share_group_id"], name=data.get("name"),
                description=data.get("description"))
        except REFUSALS as exc:
            return common_forms.refused(
                self, _("Unable to create the share group snapshot"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to create the share group snapshot."))
            return False
        messages.info(request, _('Creating share group snapshot "%s".')
                      % snapshot.name_or_id)
        return snapshot


class UpdateGroupSnapshotForm(forms.SelfHandlingForm):
    share_group_snapshot_id = forms.CharField(widget=forms.HiddenInput())
    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}))

    def handle(self, request, data):
        try:
            api_group_snapshots.snapshot_update(
                request, data["share_group_snapshot_id"], name=data["name"],
                description=data["description"])
        except REFUSALS as exc:
            return common_forms.refused(
                self, _("Unable to update the share group snapshot"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the share group snapshot."))
            return False
        messages.success(request, _('Updated share group snapshot "%s".')
                         % (data["name"] or data["share_group_snapshot_id"]))
        return True
