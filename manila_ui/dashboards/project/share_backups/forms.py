"""Create, edit and restore share backups."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import limits as api_limits
from manila_ui.api import share_backups as api_backups
from manila_ui.api import shares as api_shares
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import utils

REFUSALS = common_forms.QUOTA_REFUSALS
SHARE_CHOICES_MAX = 1000


def available_shares(request):
    """The project's available shares, by name: one call."""
    page = api_shares.share_list_paged(
        request, search_opts={"status": "available"}, page_size=SHARE_CHOICES_MAX,
        sort_key="name", sort_dir="asc")
    return page.items


class CreateBackupForm(forms.SelfHandlingForm):
    share_id = forms.ChoiceField(label=_("Share"))
    name = forms.CharField(max_length=255, label=_("Backup Name"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}))
    backup_type = forms.CharField(
        max_length=32, label=_("Backup Type"), required=False,
        help_text=_("A type the share's back end takes backups of (for example "
                    "\"daily\"): the back end makes the backup. Leave it empty "
                    "for Manila's generic backup, made by its data service. A "
                    "share's backups all have one type."))

    def __init__(self, request, *args, share=None, **kwargs):
        super().__init__(request, *args, **kwargs)
        if share is not None:  # from a share's row: the share is fixed
            self.fields["share_id"].choices = [(share.id, share.name_or_id)]
            self.fields["share_id"].widget = forms.HiddenInput()
        else:
            self.fields["share_id"].choices = self._share_choices()

    def _share_choices(self):
        try:
            shares = available_shares(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve shares."))
            return []
        return [(s.id, f"{s.name_or_id} ({s.size} GiB)") for s in shares]

    def clean(self):
        cleaned = super().clean()
        try:
            usage = api_limits.tenant_absolute_limits(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve quotas."))
            return cleaned  # Manila still enforces the quota
        if usage.backups.exhausted:
            raise forms.ValidationError(
                _("You have reached your quota of %(quota)d backups.")
                % {"quota": usage.backups.quota})
        return cleaned

    def handle(self, request, data):
        try:
            backup = api_backups.backup_create(
                request, data["share_id"], name=data.get("name"),
                description=data.get("description"),
                backup_type=data.get("backup_type") or None)
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to create the backup"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to create the backup."))
            return False
        messages.info(request, _('Creating backup "%s".') % backup.name_or_id)
        return backup


class UpdateBackupForm(forms.SelfHandlingForm):
    backup_id = forms.CharField(widget=forms.HiddenInput())
    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}))

    def handle(self, request, data):
        try:
            api_backups.backup_update(request, data["backup_id"], name=data["name"],
                                      description=data["description"])
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the backup"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the backup."))
            return False
        messages.success(request, _('Updated backup "%s".')
                         % (data["name"] or data["backup_id"]))
        return True


class RestoreBackupForm(forms.SelfHandlingForm):
    backup_id = forms.CharField(widget=forms.HiddenInput())
    target = forms.ChoiceField(
        label=_("Restore Into"), required=False,
        help_text=_("What the share holds is replaced by the backup's content."))

    def __init__(self, request, *args, backup=None, **kwargs):
        super().__init__(request, *args, **kwargs)
        shares = []
        if utils.supports(request, "backup_restore_to_target"):
            shares = self._available_shares()
        else:
            self.fields["target"].widget = forms.HiddenInput()
        names = {s.id: s.name_or_id for s in shares}
        choices = [("", _("Its own share (%s)") % names.get(backup.share_id,
                                                             backup.share_id))]
        # Other available shares large enough for the backup (2.91).
        choices += [(s.id, _("%(name)s (%(size)s GiB)") % {"name": s.name_or_id,
                                                           "size": s.size})
                    for s in shares
                    if s.id != backup.share_id and (s.size or 0) >= (backup.size or 0)]
        self.fields["target"].choices = choices

    def _available_shares(self):
        try:
            return available_shares(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve shares."))
            return []

    def handle(self, request, data):
        try:
            api_backups.backup_restore(request, data["backup_id"],
                                       data.get("target") or None)
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to restore the backup"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to restore the backup."))
            return False
        target = dict(self.fields["target"].choices).get(data.get("target") or "")
        messages.info(request, _("Restoring the backup into %s.") % target)
        return True
