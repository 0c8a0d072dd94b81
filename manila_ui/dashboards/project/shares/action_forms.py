"""Forms of the share actions: resize, revert, metadata, transfers.

Each ``handle()`` returns once Manila accepted the request; the share's
row then shows the transitional status (``extending``, ``reverting``...)
and updates itself. Manila's refusals come back as form errors in
Manila's own words.
"""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import limits as api_limits
from manila_ui.api import share_actions as api_share_actions
from manila_ui.api import transfers as api_transfers
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import metadata as share_metadata
from manila_ui.dashboards import utils

# Manila's answers to a wrong request: shown on the form, not as a 500.
REFUSALS = common_forms.QUOTA_REFUSALS


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
                utils.allows(request, "share:force_extend")):
            del self.fields["force"]

    def clean(self):
        cleaned = super().clean()
        old, new = cleaned.get("orig_size"), cleaned.get("new_size")
        if old is None or new is None:
            return cleaned
        if new == old:
            self.add_error("new_size", _("The new size must differ from the "
                                         "current size."))
        elif new < old and not utils.allows(self.request, "share:shrink"):
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
