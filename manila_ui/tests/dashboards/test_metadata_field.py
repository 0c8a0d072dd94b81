"""The key/value rows field: what it renders, what it reads back."""

import pytest
from django import forms

from manila_ui.dashboards import metadata


class Form(forms.Form):
    metadata = metadata.MetadataField()


def test_rows_come_back_as_a_dict_in_any_order_of_indexes():
    form = Form({"metadata-key-3": "b", "metadata-value-3": "2",
                 "metadata-key-0": " a ", "metadata-value-0": " 1 ",
                 "metadata-key-1": "", "metadata-value-1": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["metadata"] == {"a": "1", "b": "2"}


def test_no_rows_is_an_empty_dict():
    form = Form({})
    assert form.is_valid()
    assert form.cleaned_data["metadata"] == {}


@pytest.mark.parametrize(("data", "error"), [
    ({"metadata-key-0": "", "metadata-value-0": "v"}, "no key"),
    ({"metadata-key-0": "k", "metadata-value-0": "1",
      "metadata-key-1": "k", "metadata-value-1": "2"}, "given twice"),
    ({"metadata-key-0": "k" * 256, "metadata-value-0": ""}, "255"),
    ({"metadata-key-0": "k", "metadata-value-0": "v" * 1024}, "1023"),
])
def test_bad_rows_are_field_errors(data, error):
    form = Form(data)
    assert not form.is_valid()
    assert error in str(form.errors["metadata"])


def test_renders_current_rows_plus_blank_ones_escaped():
    form = Form(initial={"metadata": {"<b>": '"quoted"'}})
    html = str(form["metadata"])
    assert 'name="metadata-key-0"' in html and 'value="&lt;b&gt;"' in html
    assert 'value="&quot;quoted&quot;"' in html
    assert 'name="metadata-key-2"' in html  # two blank rows
    assert 'name="metadata-key-3"' not in html
    assert "<b>" not in html
    assert 'class="btn btn-default btn-sm manila-ui-kv-add"' in html
