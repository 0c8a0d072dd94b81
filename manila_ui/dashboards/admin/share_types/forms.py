"""Create a share type; edit its extra specs.  ``squash_support`` is a
checkbox of its own (our public capability, DESIGN.md): a type with it
places shares only on pools that squash, and lets rules carry squash
modes."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import share_types as api_share_types
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import metadata as share_metadata
from manila_ui.dashboards.admin import type_access
from manila_ui.dashboards.admin.share_types import tables as type_tables

SQUASH = type_tables.SQUASH_SPEC
SQUASH_HELP = _("Shares of this type go only to pools that honour squash "
                "modes, and their ip rules may set root_squash, all_squash "
                "and the anonymous ids.")


def _clean_specs(form, specs):
    clash = [key for key in specs if key in type_tables.SHOWN_APART]
    if clash:
        form.add_error("extra_specs", _("Set %s with the fields above.")
                       % ", ".join(clash))
    blank = [key for key, value in specs.items() if not value]
    if blank:
        form.add_error("extra_specs", _("Give %s a value.") % ", ".join(blank))


class CreateShareTypeForm(forms.SelfHandlingForm):
    name = forms.CharField(label=_("Name"), max_length=255)
    description = forms.CharField(label=_("Description"), required=False,
                                  max_length=255)
    is_public = forms.BooleanField(label=_("Public"), required=False, initial=True)
    dhss = forms.BooleanField(
        label=_("Driver handles share servers"), required=False,
        help_text=_("Shares of this type then need a share network."))
    squash_support = forms.BooleanField(label=_("Squash support"), required=False,
                                        help_text=SQUASH_HELP)
    extra_specs = share_metadata.MetadataField(label=_("Other extra specs"))

    def clean(self):
        cleaned = super().clean()
        _clean_specs(self, cleaned.get("extra_specs") or {})
        return cleaned

    def handle(self, request, data):
        specs = dict(data.get("extra_specs") or {})
        if data.get("squash_support"):
            specs[SQUASH] = "True"
        try:
            created = api_share_types.share_type_create(
                request, name=data["name"], description=data.get("description"),
                is_public=bool(data.get("is_public")), dhss=bool(data.get("dhss")),
                extra_specs=specs)
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to create the share type"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to create the share type."))
            return False
        messages.success(request, _('Created share type "%s".') % created.name)
        return created


class ExtraSpecsForm(forms.SelfHandlingForm):
    type_id = forms.CharField(widget=forms.HiddenInput())
    squash_support = forms.BooleanField(label=_("Squash support"), required=False,
                                        help_text=SQUASH_HELP)
    extra_specs = share_metadata.MetadataField(label=_("Other extra specs"))

    def clean(self):
        cleaned = super().clean()
        _clean_specs(self, cleaned.get("extra_specs") or {})
        return cleaned

    def handle(self, request, data):
        current = dict(self.initial.get("current_specs") or {})
        wanted = dict(data.get("extra_specs") or {})
        for key in type_tables.SHOWN_APART:
            if key in current:
                wanted[key] = current[key]
        if data.get("squash_support"):
            wanted[SQUASH] = "True"
        else:
            wanted.pop(SQUASH, None)
        try:
            api_share_types.share_type_update_extra_specs(
                request, data["type_id"],
                set_specs={k: v for k, v in wanted.items() if current.get(k) != v},
                unset_keys=[k for k in current if k not in wanted])
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the extra specs"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the extra specs."))
            return False
        messages.success(request, _("Updated the share type's extra specs."))
        return True


class UpdateShareTypeForm(forms.SelfHandlingForm):
    """Name, description and visibility (2.50); only what changed is sent
    (Manila refuses a type's own name as already in use)."""

    type_id = forms.CharField(widget=forms.HiddenInput())
    name = forms.CharField(label=_("Name"), max_length=255)
    description = forms.CharField(label=_("Description"), required=False,
                                  max_length=255)
    is_public = forms.BooleanField(
        label=_("Public"), required=False,
        help_text=_("A private type is offered only to the projects given "
                    "access to it (Manage Access)."))

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Give the share type a name."))
        return name

    def handle(self, request, data):
        changes = {}
        if data["name"] != self.initial.get("name"):
            changes["name"] = data["name"]
        if (data.get("description") or "") != (self.initial.get("description") or ""):
            changes["description"] = data.get("description") or ""
        if bool(data.get("is_public")) != bool(self.initial.get("is_public")):
            changes["is_public"] = bool(data.get("is_public"))
        if not changes:
            messages.info(request, _("Nothing to change."))
            return True
        try:
            updated = api_share_types.share_type_update(request, data["type_id"], **changes)
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the share type"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the share type."))
            return False
        messages.success(request, _('Updated share type "%s".') % updated.name)
        return updated


class ManageAccessForm(type_access.ManageAccessForm):
    help_text = _("The projects that may see and use this private share type.")
    done = _("Updated the projects of the share type.")
    add = staticmethod(api_share_types.share_type_access_add)  # type: ignore[assignment]
    remove = staticmethod(api_share_types.share_type_access_remove)  # type: ignore[assignment]

