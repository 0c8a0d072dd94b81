"""Create a QoS type, edit its description, manage its specs."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import qos_types as api_qos_types
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import metadata as share_metadata

# Manila's limit on a spec's key and value.
SPEC_MAX = 255


def _clean_specs(form, specs):
    too_long = [key for key, value in specs.items() if len(value) > SPEC_MAX]
    if too_long:
        form.add_error("specs", _("Values are at most %(max)d characters: %(keys)s.")
                       % {"max": SPEC_MAX, "keys": ", ".join(too_long)})
    blank = [key for key, value in specs.items() if not value]
    if blank:
        form.add_error("specs", _("Give %s a value.") % ", ".join(blank))


class CreateQosTypeForm(forms.SelfHandlingForm):
    name = forms.CharField(label=_("Name"), max_length=255,
                           help_text=_("Back ends name their QoS policies after it."))
    description = forms.CharField(label=_("Description"), required=False, max_length=255)
    specs = share_metadata.MetadataField(
        label=_("Specs"), help_text=_("For example max_iops=1000: what the back ends "
                                      "apply to shares of this QoS type."))

    def clean(self):
        cleaned = super().clean()
        _clean_specs(self, cleaned.get("specs") or {})
        return cleaned

    def handle(self, request, data):
        try:
            created = api_qos_types.qos_type_create(
                request, data["name"], description=data.get("description"),
                specs=dict(data.get("specs") or {}))
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to create the QoS type"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to create the QoS type."))
            return False
        messages.success(request, _('Created QoS type "%s".') % created.name)
        return created


class UpdateQosTypeForm(forms.SelfHandlingForm):
    qos_type_id = forms.CharField(widget=forms.HiddenInput())
    description = forms.CharField(label=_("Description"), required=False, max_length=255)

    def handle(self, request, data):
        try:
            api_qos_types.qos_type_update(request, data["qos_type_id"],
                                          data.get("description") or "")
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the QoS type"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the QoS type."))
            return False
        messages.success(request, _("Updated the QoS type's description."))
        return True


class QosSpecsForm(forms.SelfHandlingForm):
    qos_type_id = forms.CharField(widget=forms.HiddenInput())
    specs = share_metadata.MetadataField(
        label=_("Specs"), help_text=_("Remove a row to delete its key."))

    def clean(self):
        cleaned = super().clean()
        _clean_specs(self, cleaned.get("specs") or {})
        return cleaned

    def handle(self, request, data):
        current = dict(self.initial.get("specs") or {})
        wanted = dict(data.get("specs") or {})
        try:
            api_qos_types.qos_type_set_specs(
                request, data["qos_type_id"],
                {k: v for k, v in wanted.items() if current.get(k) != v})
            api_qos_types.qos_type_unset_specs(
                request, data["qos_type_id"], [k for k in current if k not in wanted])
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the specs"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the specs."))
            return False
        messages.success(request, _("Updated the QoS type's specs."))
        return True
