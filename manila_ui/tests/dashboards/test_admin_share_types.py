"""Admin > Share > Share Types: create a type with squash_support and other
extra specs, edit them, delete it; the pools say which squash modes they
honour.  A member never gets the panel."""

from __future__ import annotations

import uuid
from typing import Any

from django.urls import reverse

from manila_ui.tests.dashboards.helpers import messages

INDEX = reverse("horizon:admin:share_types:index")
CREATE = reverse("horizon:admin:share_types:create")


def _find(manila: Any, name: str) -> Any:
    found = [t for t in manila("admin", "2.98").share_types.list(show_all=True)
             if t.name == name]
    return found[0] if found else None


def test_admin_creates_edits_and_deletes_a_squash_capable_type(admin_client, manila):
    name = "ui-type-" + uuid.uuid4().hex[:6]
    response = admin_client.post(CREATE, {
        "name": name, "description": "squashes", "is_public": "on",
        "squash_support": "on", "extra_specs-key-0": "snapshot_support",
        "extra_specs-value-0": "True", "extra_specs-key-1": "<b>x",
        "extra_specs-value-1": "<i>y</i>"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    created = _find(manila, name)
    assert created.get_keys() == {"driver_handles_share_servers": "False",
                                  "squash_support": "True",
                                  "snapshot_support": "True", "<b>x": "<i>y</i>"}

    page = admin_client.get(INDEX).content.decode()
    assert name in page and ("success", f'Created share type "{name}".') in \
        messages(page)
    assert "<b>x" not in page and "&lt;b&gt;x" in page
    assert '<table id="pools"' in page
    assert "no_root_squash, root_squash, all_squash" in page   # pool alpha

    url = reverse("horizon:admin:share_types:extra_specs", args=(created.id,))
    form = admin_client.get(url).content.decode()
    assert 'name="squash_support"' in form and 'checked' in form
    response = admin_client.post(url, {"type_id": created.id,
                                       "extra_specs-key-0": "snapshot_support",
                                       "extra_specs-value-0": "False"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert _find(manila, name).get_keys() == {"driver_handles_share_servers": "False",
                                              "snapshot_support": "False"}

    response = admin_client.post(INDEX, {"action": f"share_types__delete__{created.id}"})
    assert response.status_code == 302
    assert _find(manila, name) is None


def test_reserved_specs_come_from_their_fields(admin_client):
    response = admin_client.post(CREATE, {
        "name": "ui-bad-" + uuid.uuid4().hex[:6], "extra_specs-key-0": "squash_support",
        "extra_specs-value-0": "True"})
    assert response.status_code == 200
    assert "Set squash_support with the fields above." in response.content.decode()


def test_members_get_no_share_types_panel(demo_client):
    response = demo_client.get(INDEX)
    assert response.status_code in (302, 403)
