"""Metadata as key/value rows: a form field and its widget.

Manila metadata is a flat string map (keys up to 255 characters, values up
to 1023). Upstream edits it as a ``key=value`` textarea; here each pair is
a row of two inputs, ``<name>-key-<i>`` and ``<name>-value-<i>``. Without
JavaScript the form shows the current rows plus blank ones; with it
(manila_ui.metadata_rows.js) "Add row" and the remove buttons work in place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.html import format_html
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

MAX_KEY = 255
MAX_VALUE = 1023
# Blank rows offered after the existing ones (JS adds more on demand).
BLANK_ROWS = 2

Pairs = list[tuple[str, str]]


def _pairs(value: Any) -> Pairs:
    if not value:
        return []
    if isinstance(value, Mapping):
        return [(str(k), "" if v is None else str(v))
                for k, v in sorted(value.items())]
    return [(str(k), str(v)) for k, v in value]


class KeyValueRowsWidget(forms.Widget):
    """Rows of key and value inputs; the posted value is a list of pairs."""

    def __init__(self, attrs: dict[str, Any] | None = None,
                 blank_rows: int = BLANK_ROWS) -> None:
        super().__init__(attrs)
        self.blank_rows = blank_rows

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Pairs:
        pattern = re.compile(rf"^{re.escape(name)}-key-(\d+)$")
        found: list[tuple[int, str, str]] = []
        for field_name in data:
            match = pattern.match(field_name)
            if match:
                index = match.group(1)
                found.append((int(index), str(data.get(field_name, "")),
                              str(data.get(f"{name}-value-{index}", ""))))
        return [(key, value) for _i, key, value in sorted(found)]

    def value_omitted_from_data(self, data: Any, files: Any,
                                name: str) -> bool:
        return not any(str(k).startswith(f"{name}-key-") for k in data)

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None,
               renderer: Any = None) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)
        base_id = final.get("id") or f"id_{name}"
        rows = _pairs(value) + [("", "")] * self.blank_rows
        rendered = format_html_join(
            "\n", "{}", ((self._row(name, base_id, i, k, v),)
                         for i, (k, v) in enumerate(rows)))
        return format_html(
            '<div class="manila-ui-kv" id="{id}" data-name="{name}">'
            '<div class="manila-ui-kv-rows">{rows}</div>'
            '<button type="button" class="btn btn-default btn-sm '
            'manila-ui-kv-add" id="{id}-add">'
            '<span class="fa fa-plus"></span> {add}</button></div>',
            id=base_id, name=name, rows=rendered, add=_("Add row"))

    @staticmethod
    def _row(name: str, base_id: str, index: int, key: str,
             value: str) -> SafeString:
        return format_html(
            '<div class="manila-ui-kv-row form-inline">'
            '<input type="text" class="form-control manila-ui-kv-key" '
            'name="{name}-key-{i}" id="{id}-key-{i}" value="{key}" '
            'maxlength="{max_key}" placeholder="{key_label}" '
            'aria-label="{key_label}">'
            '<span class="manila-ui-kv-eq">=</span>'
            '<input type="text" class="form-control manila-ui-kv-value" '
            'name="{name}-value-{i}" id="{id}-value-{i}" value="{value}" '
            'maxlength="{max_value}" placeholder="{value_label}" '
            'aria-label="{value_label}">'
            '<button type="button" class="btn btn-link manila-ui-kv-remove" '
            'title="{remove}" aria-label="{remove}">'
            '<span class="fa fa-times"></span></button></div>',
            name=name, id=base_id, i=index, key=key, value=value,
            max_key=MAX_KEY, max_value=MAX_VALUE, key_label=_("Key"),
            value_label=_("Value"), remove=_("Remove row"))


class MetadataField(forms.Field):
    """Cleans to a ``dict`` of str -> str, as Manila's metadata APIs take."""

    widget = KeyValueRowsWidget
    default_error_messages = {
        "no_key": _("Row %(row)d has a value but no key."),
        "duplicate": _("The key \"%(key)s\" is given twice."),
        "key_length": _("Keys are at most %(max)d characters."),
        "value_length": _("Values are at most %(max)d characters."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Pairs:
        return _pairs(value)

    def to_python(self, value: Any) -> dict[str, str]:
        cleaned: dict[str, str] = {}
        for row, (raw_key, raw_value) in enumerate(_pairs(value), start=1):
            key, val = raw_key.strip(), raw_value.strip()
            if not key and not val:
                continue
            if not key:
                raise forms.ValidationError(self.error_messages["no_key"],
                                            params={"row": row})
            if key in cleaned:
                raise forms.ValidationError(self.error_messages["duplicate"],
                                            params={"key": key})
            if len(key) > MAX_KEY:
                raise forms.ValidationError(
                    self.error_messages["key_length"], params={"max": MAX_KEY})
            if len(val) > MAX_VALUE:
                raise forms.ValidationError(
                    self.error_messages["value_length"],
                    params={"max": MAX_VALUE})
            cleaned[key] = val
        return cleaned

    def has_changed(self, initial: Any, data: Any) -> bool:
        return self.to_python(initial or {}) != self.to_python(data or [])
