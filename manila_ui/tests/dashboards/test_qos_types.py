"""Admin › QoS Types: create a QoS type with specs, edit its description,
change and remove specs, delete it; the share types that use one show its
name. A member never gets the panel."""

from __future__ import annotations

import uuid
from typing import Any

from django.urls import reverse

from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_html

INDEX = reverse("horizon:admin:qos_types:index")
CREATE = reverse("horizon:admin:qos_types:create")
TYPES = reverse("horizon:admin:share_types:index")


def _find(manila: Any, name: str) -> Any:
    found = [q for q in manila("admin").qos_types.list() if q.name == name]
    return found[0] if found else None


def test_admin_manages_a_qos_type(admin_client, manila, backend_calls):
    name = "ui-qos-" + uuid.uuid4().hex[:6]
    response = admin_client.post(CREATE, {
        "name": name, "description": "Gold tier",
        "specs-key-0": "max_iops", "specs-value-0": "1000",
        "specs-key-1": "<b>burst", "specs-value-1": "<i>on</i>"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    created = _find(manila, name)
    assert created.specs == {"max_iops": "1000", "<b>burst": "<i>on</i>"}

    with backend_calls() as calls:
        page = admin_client.get(INDEX).content.decode()
    assert calls.count <= 2, calls.lines     # the list (and the version document)
    assert ("success", f'Created QoS type "{name}".') in messages(page)
    row = row_html(page, created.id)
    assert "Gold tier" in row and "<code>max_iops</code>=1000" in row
    assert "&lt;b&gt;burst" in row and "<b>burst" not in row
    for action in ("specs", "edit", "delete"):
        assert f"qos_types__row_{created.id}__action_{action}" in row

    update = reverse("horizon:admin:qos_types:update", args=(created.id,))
    response = admin_client.post(update, {"qos_type_id": created.id,
                                          "description": "Golden tier"})
    assert response.status_code == 302
    specs = reverse("horizon:admin:qos_types:specs", args=(created.id,))
    form = admin_client.get(specs).content.decode()
    assert 'value="max_iops"' in form
    response = admin_client.post(specs, {"qos_type_id": created.id,
                                         "specs-key-0": "max_iops",
                                         "specs-value-0": "2000",
                                         "specs-key-1": "peak_iops",
                                         "specs-value-1": "4000"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    changed = _find(manila, name)
    assert changed.description == "Golden tier"
    assert changed.specs == {"max_iops": "2000", "peak_iops": "4000"}

    response = admin_client.post(INDEX, {"action": f"qos_types__delete__{created.id}"})
    assert response.status_code == 302
    assert _find(manila, name) is None


def test_manila_refusals_show_on_the_form(admin_client, manila):
    name = "ui-qos-" + uuid.uuid4().hex[:6]
    manila("admin").qos_types.create(name)
    try:
        response = admin_client.post(CREATE, {"name": name})
        assert response.status_code == 200
        assert "already exist" in response.content.decode()
        qos = _find(manila, name)
        specs = reverse("horizon:admin:qos_types:specs", args=(qos.id,))
        response = admin_client.post(specs, {"qos_type_id": qos.id,
                                             "specs-key-0": "a b", "specs-value-0": "1"})
        assert response.status_code == 200
        assert "Key names can only contain" in response.content.decode()
    finally:
        manila("admin").qos_types.delete(_find(manila, name))


def test_a_share_type_shows_the_qos_type_it_uses(admin_client, manila):
    admin = manila("admin")
    qos = admin.qos_types.create("ui-qos-" + uuid.uuid4().hex[:6])
    share_type = admin.share_types.create(
        "ui-qos-type-" + uuid.uuid4().hex[:6], False,
        extra_specs={"default_qos_type": qos.id})
    try:
        row = row_html(admin_client.get(TYPES).content.decode(), share_type.id)
        assert qos.name in row and "default_qos_type" not in row
    finally:
        admin.share_types.delete(share_type.id)
        admin.qos_types.delete(qos.id)


def test_members_get_no_qos_types_panel(demo_client):
    assert demo_client.get(INDEX).status_code in (302, 403)
