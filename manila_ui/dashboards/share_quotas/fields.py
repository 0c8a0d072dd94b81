"""Quota fields shared by every form that sets share quotas: Identity ›
Projects › Modify Quotas (the Share step), Admin › Defaults (the Share step)
and Admin › Share › Share Quotas (project and per-share-type limits).

One integer field per resource the server has at the negotiated
microversion, named ``share_quota_<resource>`` (Horizon's workflows share
one context, where Cinder's ``gigabytes`` and ``snapshots`` live too), with
what is in use beside it.  A limit below what is used is refused unless the
form's ``force`` box is ticked, as Manila itself refuses it without
``force``.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping
from typing import Any

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _
from horizon import forms

from manila_ui.api import quotas as api_quotas
from manila_ui.dashboards import common_forms

# Manila's refusals worth showing in its own words.
REFUSALS = common_forms.REFUSALS
PREFIX = "share_quota_"
FORCE = "share_quota_force"


def field_name(resource: str) -> str:
    return PREFIX + resource


def add_fields(form: django_forms.BaseForm,
               entries: Iterable[api_quotas.QuotaEntry]) -> None:
    """A field per quota, its current limit as the initial value."""
    for entry in entries:
        field = forms.IntegerField(
            min_value=-1, label=entry.resource.label, required=True,
            initial=entry.limit,
            error_messages={"min_value": _("Use -1 for no limit, or 0 and above.")})
        field.widget.attrs["data-in-use"] = "" if entry.in_use is None else entry.in_use
        form.fields[field_name(entry.name)] = field


def add_force(form: django_forms.BaseForm) -> None:
    form.fields[FORCE] = forms.BooleanField(
        required=False, label=_("Allow limits below current usage"),
        help_text=_("Lowering a limit below what the project already uses "
                    "blocks new resources until usage drops; Manila refuses it "
                    "unless this is ticked."))


def check_usage(form: django_forms.BaseForm, cleaned: Mapping[str, Any],
                entries: Iterable[api_quotas.QuotaEntry]) -> None:
    """Field errors for limits below what is in use (without force)."""
    if cleaned.get(FORCE):
        return
    for entry in entries:
        value = cleaned.get(field_name(entry.name))
        if (value is None or entry.in_use is None
                or entry.name in api_quotas.NOT_COUNTED):
            continue
        if 0 <= value < entry.in_use:
            form.add_error(field_name(entry.name), _(
                "%(used)s in use: set at least %(used)s, -1 for no limit, or "
                "allow limits below current usage.") % {"used": entry.in_use})


def changed(cleaned: Mapping[str, Any],
            entries: Iterable[api_quotas.QuotaEntry]) -> dict[str, int]:
    """The limits the form changes (only those are sent)."""
    found = {}
    for entry in entries:
        value = cleaned.get(field_name(entry.name))
        if value is not None and value != entry.limit:
            found[entry.name] = int(value)
    return found


def rows(form: django_forms.BaseForm,
         entries: Iterable[api_quotas.QuotaEntry]) -> list[dict[str, Any]]:
    """What the quota table template shows: bound field and usage."""
    return [{"field": form[field_name(e.name)], "entry": e,
             "counted": e.name not in api_quotas.NOT_COUNTED} for e in entries
            if field_name(e.name) in form.fields]
