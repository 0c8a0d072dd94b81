"""Add and edit access rules, and the checks of Add Rule.

The squash mode, anonymous ids and priority are real fields, shown only
when the share's type advertises ``squash_support`` (our extension,
DESIGN.md); they travel as the rule's reserved metadata keys.  Against a
Manila that does not advertise it they are absent and nothing else
changes.  Several addresses in one ip rule field make one rule each, and
each failure is reported with its address.

The checks (``access_to_error``...) are the same rules, and the same words,
as the bundled backend and Manila 23 apply (manila_ui/backend/services/
access_rules.py; the UI may not import the backend, a test keeps the two in
step), so a bad rule is a field error before any API call;
manila_ui.share_rules.js repeats them in the browser.
"""

import ipaddress
import re
import string

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import exceptions as api_exceptions
from manila_ui.api import share_access as api_access
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import metadata as share_metadata
from manila_ui.dashboards import utils

# -- the checks of Add Rule -------------------------------------------------------

ACCESS_TYPES = ("ip", "user", "cert", "cephx")
SQUASH_MODES = ("no_root_squash", "root_squash", "all_squash")
ANON_MAX = 2 ** 32 - 2
PRIORITY_MIN, PRIORITY_MAX = 1, 200

_ONLY_PERIODS_OR_SPACES = re.compile(r"[\s|\.]+$")
_USER_NAME = re.compile(r".[^\"\/\\\[\]\:\;\|\=\,\+\*\?\<\>]{3,254}$")
# Several addresses in one field: commas, semicolons or white space.
_SEPARATORS = re.compile(r"[\s,;]+")


def access_to_error(access_type: str, access_to: str, *, enable_ceph: bool = True,
                    enable_ipv6: bool = True) -> str | None:
    """Why Manila would refuse this rule, in Manila's words, or None."""
    if access_type == "ip":
        try:
            if enable_ipv6:
                ipaddress.ip_network(access_to)
            else:
                ipaddress.IPv4Network(access_to)
        except ValueError as exc:
            return str(exc)
        return None
    if access_type == "user":
        if _ONLY_PERIODS_OR_SPACES.match(access_to):
            return ("Invalid user or group name,cannot consist solely of periods "
                    "or spaces.")
        if not _USER_NAME.match(access_to):
            return ("Invalid user or group name. Must be 4-255 characters and "
                    "consist of alphanumeric characters and exclude special "
                    "characters \"/\\[]:;|=,+*?<>")
        return None
    if access_type == "cert":
        if not 0 < len(access_to.strip()) < 65:
            return "Invalid CN (common name). Must be 1-64 chars long."
        return None
    if access_type == "cephx" and enable_ceph:
        if not access_to:
            return "Ceph IDs may not be empty."
        if not set(access_to) <= set(string.printable):
            return "Ceph IDs must consist of ASCII printable characters."
        if "." in access_to:
            return "Ceph IDs may not contain periods."
        return None
    if enable_ceph:
        return "Only 'ip', 'user', 'cert' or 'cephx' access types are supported."
    return "Only 'ip', 'user' or 'cert' access types are supported."


def split_addresses(text: str) -> list[str]:
    """The CIDRs of an ip field that may hold several, in order, once each."""
    seen: list[str] = []
    for item in _SEPARATORS.split(text.strip()):
        if item and item not in seen:
            seen.append(item)
    return seen


# -- the forms --------------------------------------------------------------------

TYPE_LABELS = {
    "ip": _("IP addresses or CIDRs (several: separate with spaces or commas)"),
    "user": _("User or group name"),
    "cert": _("Certificate common name (CN)"),
    "cephx": _("Ceph auth ID (without \"client.\")"),
}
SQUASH_CHOICES = (
    ("", _("Back end default (no_root_squash)")),
    ("root_squash", _("root_squash: root becomes the anonymous user")),
    ("all_squash", _("all_squash: everyone becomes the anonymous user")),
    ("no_root_squash", _("no_root_squash: root stays root")),
)
ANON_SQUASHES = ("root_squash", "all_squash")


def _switched(on, labels):
    return {"class": "switched", "data-switch-on": on,
            **{f"data-{on}-{value}": label for value, label in labels.items()}}


def _rule_fields(form, squash):
    """Add the squash, anonymous id and priority fields (when ``squash``)."""
    if not squash:
        return
    squash_label = _("Squash")
    form.fields["squash"] = forms.ChoiceField(
        label=squash_label, required=False, choices=SQUASH_CHOICES,
        help_text=_("How the NFS server maps root (or every user) of a client."),
        widget=forms.Select(attrs={"class": "switchable", "data-slug": "squash"}))
    for key, label in (("anonuid", _("Anonymous UID")), ("anongid", _("Anonymous GID"))):
        form.fields[key] = forms.IntegerField(
            label=label, required=False, min_value=0, max_value=ANON_MAX,
            help_text=_("The id squashed users become (e.g. 65534, nobody)."),
            widget=forms.NumberInput(attrs=_switched(
                "squash", dict.fromkeys(ANON_SQUASHES, label))))
    form.fields["priority"] = forms.IntegerField(
        label=_("Priority"), required=False, min_value=PRIORITY_MIN,
        max_value=PRIORITY_MAX,
        help_text=_("1-200, lower first; default 100. Equal priorities: the most "
                    "specific range first, then the oldest rule."))


def _reserved_items(data):
    """The reserved metadata the squash/priority fields stand for."""
    items = {}
    if data.get("squash"):
        items[api_access.SQUASH_KEY] = data["squash"]
        if data["squash"] in ANON_SQUASHES:
            for key in api_access.ANON_KEYS:
                if data.get(key) is not None:
                    items[key] = str(data[key])
    if data.get("priority") is not None:
        items[api_access.PRIORITY_KEY] = str(data["priority"])
    return items


def _check_rule_fields(form, cleaned, squash):
    if not squash:
        return
    for key in api_access.ANON_KEYS:
        if cleaned.get(key) is not None and cleaned.get("squash") not in ANON_SQUASHES:
            form.add_error(key, _("Needs the squash mode root_squash or all_squash."))
    clash = [key for key in (cleaned.get("metadata") or {})
             if key in api_access.RESERVED_KEYS]
    if clash:
        form.add_error("metadata", _("Set %s with the fields above.") % ", ".join(clash))


class AddRuleForm(forms.SelfHandlingForm):
    share_id = forms.CharField(widget=forms.HiddenInput())
    access_type = forms.ChoiceField(
        label=_("Access Type"),
        widget=forms.Select(attrs={"class": "switchable", "data-slug": "access_type"}))
    access_to = forms.CharField(
        label=_("Access To"), max_length=4000,
        widget=forms.TextInput(attrs=_switched("access_type", TYPE_LABELS)))
    access_level = forms.ChoiceField(
        label=_("Access Level"), choices=(("rw", _("Read-write")),
                                          ("ro", _("Read-only"))))

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        # cephx came with 2.13, below the oldest server the dashboard takes.
        self.enable_ceph = True
        self.enable_ipv6 = utils.supports(request, "access_ipv6")
        types = [t for t in ACCESS_TYPES
                 if t != "cephx" or self.enable_ceph]
        self.fields["access_type"].choices = [(t, t) for t in types]
        self.squash = bool(self.initial.get("squash_supported"))
        _rule_fields(self, self.squash)
        if self.squash:
            # Squash is an NFS export option: only for ip rules.
            attrs = _switched("access_type", {"ip": self.fields["squash"].label})
            attrs["class"] = "switchable switched"
            self.fields["squash"].widget.attrs.update(attrs)
        if utils.supports(request, "access_rules_list"):
            self.fields["metadata"] = share_metadata.MetadataField(
                label=_("Metadata"), help_text=_("Other key/value pairs, stored "
                                                 "with the rule."))
        if utils.supports(request, "access_rule_locks"):
            self.fields["lock_deletion"] = forms.BooleanField(
                label=_("Lock deletion"), required=False,
                help_text=_("The rule (and the share) cannot be deleted until "
                            "you lift the lock."))
            self.fields["lock_visibility"] = forms.BooleanField(
                label=_("Hide the rule's target from others"), required=False,
                help_text=_("Others in the project see ****** instead of the "
                            "address and key."))
            self.fields["lock_reason"] = forms.CharField(
                label=_("Lock reason"), required=False, max_length=1023)

    def addresses(self, cleaned):
        access_type, text = cleaned.get("access_type"), cleaned.get("access_to") or ""
        if access_type == "ip":
            return split_addresses(text)
        # Manila checks (and keeps) other values as given.
        return [text]

    def clean(self):
        cleaned = super().clean()
        access_type = cleaned.get("access_type")
        if access_type and "access_to" in cleaned:
            errors = [f"{item}: {error}" if access_type == "ip" else error
                      for item in self.addresses(cleaned)
                      if (error := access_to_error(
                          access_type, item, enable_ceph=self.enable_ceph,
                          enable_ipv6=self.enable_ipv6))]
            if errors:
                self.add_error("access_to", errors)
        if self.squash and access_type != "ip":
            # Hidden for other types (an NFS export option): whatever it held
            # does not apply.
            cleaned.update(squash="", anonuid=None, anongid=None)
        _check_rule_fields(self, cleaned, self.squash)
        if cleaned.get("lock_reason") and not (cleaned.get("lock_deletion")
                                               or cleaned.get("lock_visibility")):
            self.add_error("lock_reason", _("A reason needs a lock."))
        return cleaned

    def handle(self, request, data):
        metadata = {**(data.get("metadata") or {}), **_reserved_items(data)}
        added, failed = [], []
        for address in self.addresses(data):
            try:
                api_access.access_rule_create(
                    request, data["share_id"], access_type=data["access_type"],
                    access_to=address, access_level=data["access_level"],
                    metadata=metadata, lock_deletion=bool(data.get("lock_deletion")),
                    lock_visibility=bool(data.get("lock_visibility")),
                    lock_reason=data.get("lock_reason") or None)
                added.append(address)
            except common_forms.REFUSALS as exc:
                failed.append(f"{address}: {api_exceptions.fault_message(exc)}")
            except Exception as exc:
                exceptions.handle(request, ignore=True)
                failed.append(f"{address}: {exc}")
        if added:
            messages.success(request, _("Added access rule for %s.") % ", ".join(added))
        if failed and not added:
            self.api_error(_("Unable to add the rule: %s") % "; ".join(failed))
            return False
        for failure in failed:
            messages.error(request, _("Unable to add the rule for %s") % failure)
        return True


class EditRuleForm(forms.SelfHandlingForm):
    share_id = forms.CharField(widget=forms.HiddenInput())
    rule_id = forms.CharField(widget=forms.HiddenInput())

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.rule = self.initial.get("rule")
        if utils.supports(request, "access_level_update"):
            self.fields["access_level"] = forms.ChoiceField(
                label=_("Access Level"),
                choices=(("rw", _("Read-write")), ("ro", _("Read-only"))))
        self.squash = bool(self.initial.get("squash_supported"))
        _rule_fields(self, self.squash)
        if self.squash and self.rule is not None and self.rule.access_type != "ip":
            for key in ("squash", *api_access.ANON_KEYS):
                del self.fields[key]
        if utils.supports(request, "access_rules_list"):
            self.fields["metadata"] = share_metadata.MetadataField(label=_("Metadata"))

    def clean(self):
        cleaned = super().clean()
        _check_rule_fields(self, cleaned, self.squash)
        return cleaned

    def handle(self, request, data):
        rule = self.rule
        try:
            if "access_level" in self.fields and data["access_level"] != rule.access_level:
                api_access.access_rule_set_level(request, rule.id, data["access_level"])
            if "metadata" in self.fields:
                current = dict(rule.metadata or {})
                reserved = _reserved_items(data) if self.squash else {
                    k: v for k, v in current.items() if k in api_access.RESERVED_KEYS}
                wanted = {**(data.get("metadata") or {}), **reserved}
                api_access.access_rule_update_metadata(
                    request, rule.id,
                    set_items={k: v for k, v in wanted.items() if current.get(k) != v},
                    unset_keys=[k for k in current if k not in wanted])
        except common_forms.REFUSALS as exc:
            return common_forms.refused(self, _("Unable to update the rule"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the rule."))
            return False
        messages.success(request, _("Updated the access rule for %s.") % rule.access_to)
        return True
