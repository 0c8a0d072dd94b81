"""Create a share group type; edit its group specs; choose the projects
that may use a private one."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import share_group_types as api_group_types
from manila_ui.api import share_types as api_share_types
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import metadata as share_metadata
from manila_ui.dashboards import utils
from manila_ui.dashboards.admin import type_access

SPECS_HELP = _("For instance consistent_snapshot_support = pool or host: the group's "
               "pools must take its snapshots at one point in time.")


def _blank_specs(form, specs):
    blank = [key for key, value in specs.items() if not value]
    if blank:
        form.add_error("group_specs", _("Give %s a value.") % ", ".join(blank))


class CreateShareGroupTypeForm(forms.SelfHandlingForm):
    name = forms.CharField(label=_("Name"), max_length=255)
    share_types = forms.MultipleChoiceField(
        label=_("Share Types"), widget=forms.CheckboxSelectMultiple(),
        help_text=_("The share types the groups of this type may hold."))
    group_specs = share_metadata.MetadataField(label=_("Group Specs"),
                                               help_text=SPECS_HELP)
    is_public = forms.BooleanField(label=_("Public"), required=False, initial=True)

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        try:
            share_types = api_share_types.share_type_list(request)
        except Exception:
            exceptions.handle(request, _("Unable to retrieve share types."))
            share_types = []
        self.fields["share_types"].choices = [
            (t.id, t.name) for t in sorted(share_types, key=lambda t: t.name or "")]
        if not utils.manila_features().get("enable_public_share_group_type_creation",
                                           True):
            del self.fields["is_public"]

    def clean(self):
        cleaned = super().clean()
        _blank_specs(self, cleaned.get("group_specs") or {})
        return cleaned

    def handle(self, request, data):
        try:
            created = api_group_types.share_group_type_create(
                request, name=data["name"], share_types=data["share_types"],
                is_public=bool(data.get("is_public")),
                group_specs=data.get("group_specs") or {})
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to create the share group type"),
                                        exc)
        except Exception:
            exceptions.handle(request, _("Unable to create the share group type."))
            return False
        messages.success(request, _('Created share group type "%s".') % created.name)
        return created


class GroupSpecsForm(forms.SelfHandlingForm):
    share_group_type_id = forms.CharField(widget=forms.HiddenInput())
    group_specs = share_metadata.MetadataField(
        label=_("Group Specs"), help_text=_("Remove a row to delete its key."))

    def clean(self):
        cleaned = super().clean()
        _blank_specs(self, cleaned.get("group_specs") or {})
        return cleaned

    def handle(self, request, data):
        current = dict(self.initial.get("group_specs") or {})
        wanted = dict(data.get("group_specs") or {})
        changed = {k: v for k, v in wanted.items() if current.get(k) != v}
        gone = [k for k in current if k not in wanted]
        type_id = data["share_group_type_id"]
        try:
            if changed:
                api_group_types.share_group_type_set_specs(request, type_id, changed)
            if gone:
                api_group_types.share_group_type_unset_specs(request, type_id, gone)
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the group specs"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the group specs."))
            return False
        messages.success(request, _("Updated the share group type's group specs."))
        return True


class ManageAccessForm(type_access.ManageAccessForm):
    help_text = _("The projects that may use this private share group type.")
    done = _("Updated the projects of the share group type.")
    add = staticmethod(api_group_types.share_group_type_add_project)  # type: ignore[assignment]
    remove = staticmethod(api_group_types.share_group_type_remove_project)  # type: ignore[assignment]

