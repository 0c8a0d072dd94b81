"""Create and edit security services, with the fields and labels of each
type (LDAP, Kerberos, Active Directory).

The password is typed twice and never rendered back: the inputs never
carry a value, and the API layer never hands a password to a page.
"""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import security_services as api_services
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import utils

REFUSALS = common_forms.REFUSALS

TYPE_CHOICES = (
    ("ldap", _("LDAP")),
    ("kerberos", _("Kerberos")),
    ("active_directory", _("Active Directory")),
)

# field -> {type: label}; a type missing from a field's map does not use it.
LABELS = {
    "dns_ip": {"ldap": _("DNS IP"), "kerberos": _("DNS IP"),
               "active_directory": _("DNS IP (of the domain's DNS server)")},
    "server": {"ldap": _("LDAP Server"), "kerberos": _("Kerberos KDC"),
               "active_directory": _("Domain Controller")},
    "default_ad_site": {"active_directory": _("Default AD Site")},
    "domain": {"ldap": _("Domain"), "kerberos": _("Realm"),
               "active_directory": _("Domain")},
    "ou": {"ldap": _("Organizational Unit"),
           "active_directory": _("Organizational Unit")},
    "user": {"ldap": _("User"), "kerberos": _("User"),
             "active_directory": _("User (to join the domain)")},
    "password": {"ldap": _("Password"), "kerberos": _("Password"),
                 "active_directory": _("Password")},
    "confirm_password": {"ldap": _("Confirm Password"),
                         "kerberos": _("Confirm Password"),
                         "active_directory": _("Confirm Password")},
}
FIELD_KEYS = ("dns_ip", "server", "default_ad_site", "domain", "ou", "user")


def _switched(field, kind=None):
    """Horizon's switched-field attributes: shown (with its label) only
    for the types that use the field."""
    attrs = {"class": "switched", "data-switch-on": "type"}
    for type_name, label in LABELS[field].items():
        if kind is None or kind == type_name:
            attrs[f"data-type-{type_name}"] = label
    return attrs


def _text_field(field, kind=None, max_length=255, **kwargs):
    label = LABELS[field].get(kind or "ldap") or next(iter(LABELS[field].values()))
    return forms.CharField(label=label, required=False, max_length=max_length,
                           widget=forms.TextInput(attrs=_switched(field, kind)), **kwargs)


def _password_field(field, kind=None, help_text=None):
    return forms.CharField(
        label=next(iter(LABELS[field].values())), required=False, max_length=255,
        strip=False, help_text=help_text,
        widget=forms.PasswordInput(render_value=False,
                                   attrs={**_switched(field, kind),
                                          "autocomplete": "new-password"}))


class ServiceFieldsMixin:
    def add_type_fields(self, request, kind=None):
        self.fields["dns_ip"] = forms.GenericIPAddressField(
            label=LABELS["dns_ip"].get(kind or "ldap"), required=False,
            widget=forms.TextInput(attrs=_switched("dns_ip", kind)))
        self.fields["server"] = _text_field("server", kind)
        if utils.supports(request, "default_ad_site") and kind in (
                None, "active_directory"):
            self.fields["default_ad_site"] = _text_field(
                "default_ad_site", kind,
                help_text=_("Instead of a domain controller: the site to find one in."))
        self.fields["domain"] = _text_field("domain", kind)
        if utils.supports(request, "security_service_ou") and kind in (
                None, "ldap", "active_directory"):
            self.fields["ou"] = _text_field("ou", kind)
        self.fields["user"] = _text_field("user", kind)

    def clean_type_fields(self, cleaned):
        password = cleaned.get("password") or ""
        if password != (cleaned.get("confirm_password") or ""):
            self.add_error("confirm_password", _("The passwords do not match."))
        if cleaned.get("type", getattr(self, "kind", None)) == "active_directory" \
                and cleaned.get("server") and cleaned.get("default_ad_site"):
            self.add_error("default_ad_site",
                           _("Give a domain controller or a default AD site, not both."))
        return cleaned

    def service_values(self, cleaned):
        return {key: cleaned.get(key) for key in FIELD_KEYS if key in self.fields}


class CreateForm(ServiceFieldsMixin, forms.SelfHandlingForm):
    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(label=_("Description"), required=False,
                                  max_length=255, widget=forms.Textarea(attrs={"rows": 3}))
    type = forms.ChoiceField(
        label=_("Type"), choices=TYPE_CHOICES,
        widget=forms.Select(attrs={"class": "switchable", "data-slug": "type"}))

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.add_type_fields(request)
        self.fields["password"] = _password_field("password")
        self.fields["confirm_password"] = _password_field("confirm_password")

    def clean(self):
        return self.clean_type_fields(super().clean())

    def handle(self, request, data):
        try:
            service = api_services.security_service_create(
                request, type=data["type"], name=data.get("name"),
                description=data.get("description"), password=data.get("password"),
                **self.service_values(data))
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to create the security service"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to create the security service."))
            return False
        messages.success(request, _('Created security service "%s".')
                         % service.name_or_id)
        return service


class UpdateForm(ServiceFieldsMixin, forms.SelfHandlingForm):
    service_id = forms.CharField(widget=forms.HiddenInput())
    name = forms.CharField(max_length=255, label=_("Name"), required=False)
    description = forms.CharField(label=_("Description"), required=False,
                                  max_length=255, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, request, *args, kind="ldap", **kwargs):
        super().__init__(request, *args, **kwargs)
        self.kind = kind
        self.add_type_fields(request, kind)
        for field in self.fields.values():
            # Only this type's fields, with this type's labels: no switching.
            field.widget.attrs.pop("data-switch-on", None)
            classes = field.widget.attrs.get("class", "").replace("switched", "").strip()
            if classes:
                field.widget.attrs["class"] = classes
            else:
                field.widget.attrs.pop("class", None)
        self.fields["password"] = _password_field(
            "password", help_text=_("Leave empty to keep the current password."))
        self.fields["confirm_password"] = _password_field("confirm_password")
        for name in ("password", "confirm_password"):
            self.fields[name].widget.attrs.pop("data-switch-on", None)
            self.fields[name].widget.attrs.pop("class", None)

    def clean(self):
        return self.clean_type_fields(super().clean())

    def handle(self, request, data):
        values = {key: data[key] for key in ("name", "description") + FIELD_KEYS
                  if key in self.fields and data.get(key) != self.initial.get(key)}
        try:
            service = api_services.security_service_update(
                request, data["service_id"], password=data.get("password") or None,
                **values) if values or data.get("password") else None
        except REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the security service"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the security service."))
            return False
        name = service.name_or_id if service else (data.get("name") or data["service_id"])
        messages.success(request, _('Updated security service "%s".') % name)
        return True
