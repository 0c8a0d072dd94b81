"""Admin > Share > Share Types: create a type with squash_support and other
extra specs, edit them, delete it; the pools say which squash modes they
honour; rename a type, make it private and choose its projects (2.50);
filter by name or extra spec; which type is the default.  A member never
gets the panel."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse

from manila_ui.api import microversions
from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique

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


def _url(name: str, type_id: str) -> str:
    return reverse(f"horizon:admin:share_types:{name}", args=(type_id,))


@pytest.fixture
def share_type(manila: Any) -> Iterator[Callable[..., Any]]:
    """``share_type(public=False, **specs)``: a DHSS=False type, removed after."""
    admin, made = manila("admin"), []

    def make(public: bool = True, **specs: str) -> Any:
        created = admin.share_types.create(
            unique("ui-type"), spec_driver_handles_share_servers=False,
            is_public=public, extra_specs=specs)
        made.append(created.id)
        return created

    yield make
    for type_id in made:
        try:
            admin.share_types.delete(type_id)
        except Exception:   # noqa: S110 - the test deleted it
            pass


def test_admin_renames_a_type_and_makes_it_private(admin_client, manila, share_type):
    created = share_type()
    form = admin_client.get(_url("update", created.id)).content.decode()
    assert f'value="{created.name}"' in form and 'name="is_public"' in form

    new_name = unique("renamed")
    response = admin_client.post(_url("update", created.id), {
        "type_id": created.id, "name": new_name, "description": "for <b>tests</b>"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    seen = manila("admin").share_types.get(created.id)
    assert (seen.name, seen.description) == (new_name, "for <b>tests</b>")
    assert seen._info["share_type_access:is_public"] is False
    assert created.id not in {t.id for t in manila("demo").share_types.list()}

    page = admin_client.get(INDEX).content.decode()
    assert ("success", f'Updated share type "{new_name}".') in messages(page)
    row = row_html(page, created.id)
    assert "Private" in row and "&lt;b&gt;tests&lt;/b&gt;" in row
    assert f"share_types__row_{created.id}__action_manage_access" in row

    # Only what changed is sent: saving the same values is no conflict.
    response = admin_client.post(_url("update", created.id), {
        "type_id": created.id, "name": new_name, "description": "for <b>tests</b>"})
    assert response.status_code == 302


def test_manila_refuses_a_name_in_use(admin_client, share_type):
    first, second = share_type(), share_type()
    response = admin_client.post(_url("update", second.id), {
        "type_id": second.id, "name": first.name, "is_public": "on"})
    assert response.status_code == 200
    assert "Unable to update the share type" in response.content.decode()


def test_admin_gives_and_takes_a_private_type_from_projects(
        admin_client, manila, os_session, share_type, backend_calls):
    private, public = share_type(public=False), share_type()
    demo, alt = (os_session(user).get_project_id() for user in ("demo", "alt_demo"))

    microversions.clear_cache()
    with backend_calls() as calls:
        form = admin_client.get(_url("manage_access", private.id)).content.decode()
    # The type and its access list; the project names come from Keystone.
    assert calls.count <= 3, calls.lines
    assert f'value="{demo}"' in form and ">alt_demo<" in form.replace(" <", "<")

    response = admin_client.post(_url("manage_access", private.id), {
        "type_id": private.id, "projects": [demo, alt]})
    assert response.status_code == 302, response.content.decode()[-2000:]
    admin = manila("admin")
    assert {a.project_id for a in admin.share_type_access.list(private)} == {demo, alt}
    assert private.id in {t.id for t in manila("demo").share_types.list()}

    form = admin_client.get(_url("manage_access", private.id)).content.decode()
    assert form.count("checked") == 2
    response = admin_client.post(_url("manage_access", private.id), {
        "type_id": private.id, "projects": [alt]})
    assert response.status_code == 302
    assert [a.project_id for a in admin.share_type_access.list(private)] == [alt]
    assert private.id not in {t.id for t in manila("demo").share_types.list()}

    page = admin_client.get(INDEX).content.decode()
    assert f"share_types__row_{public.id}__action_manage_access" not in \
        row_html(page, public.id)


def test_filter_by_name_and_by_extra_spec(admin_client, share_type, backend_calls):
    tagged, other = share_type(**{"custom:tier": "Gold"}), share_type()

    def filtered(field: str, value: str) -> str:
        response = admin_client.post(INDEX, {"share_types__filter__q": value,
                                             "share_types__filter__q_field": field})
        assert response.status_code == 302
        return admin_client.get(INDEX).content.decode()

    page = filtered("extra_specs", "custom:tier=Gold")
    assert tagged.id in row_ids(page) and other.id not in row_ids(page)
    # Manila matches the stored text exactly.
    assert tagged.id not in row_ids(filtered("extra_specs", "custom:tier=gold"))
    assert ("warning", "Filter by extra spec as key=value.") in \
        messages(filtered("extra_specs", "custom:tier"))

    page = filtered("name", other.name[-6:].upper())
    assert row_ids(page).count(other.id) == 1 and tagged.id not in row_ids(page)

    microversions.clear_cache()
    with backend_calls() as calls:
        page = filtered("name", "")
    # The filtered types, the pools (and the version document once).
    assert calls.count <= 3, calls.lines
    assert {tagged.id, other.id} <= set(row_ids(page))


def test_the_default_type_is_marked(admin_client, manila):
    default = manila("admin").share_types.get("default")
    page = admin_client.get(INDEX).content.decode()
    row = row_html(page, default.id).replace(" <", "<").replace("> ", ">")
    assert ">Yes<" in row
