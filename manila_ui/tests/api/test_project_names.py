"""The admin tables' project names (dashboards.admin.projects): one Keystone
list kept per token for a minute, listed again for a project it lacks."""

import uuid

import pytest
from django.urls import reverse

from manila_ui.dashboards.admin import projects


@pytest.fixture
def keystone(os_session):
    """An admin's keystoneclient; the projects a test makes are deleted."""
    from keystoneclient.v3 import client

    admin = client.Client(session=os_session("admin"))
    made = []

    def project(name):
        domain = admin.domains.list(name="Default")[0]
        made.append(admin.projects.create(name=name, domain=domain))
        return made[-1]

    admin.project = project
    yield admin
    for found in made:
        admin.projects.delete(found)


@pytest.fixture
def make_request(admin_client):
    """A request of the admin as Horizon served it (Keystone's own policy
    check reads the session), on a page that names no project."""
    return lambda: admin_client.get(reverse("horizon:project:shares:index")).wsgi_request


def test_an_admin_sees_project_names_from_a_map_listed_again_for_a_new_project(
        make_request, keystone):
    tag = uuid.uuid4().hex[:8]
    first = keystone.project(f"names-{tag}-a")
    names = projects.project_names(make_request(), [first.id])
    assert names[first.id] == first.name

    # Renamed elsewhere: the next page still names it from the map
    # (no Keystone call), until the map is listed again.
    keystone.projects.update(first, name=f"names-{tag}-renamed")
    assert projects.project_names(make_request(), [first.id])[first.id] == first.name

    # A project the map lacks: listed again, with the rename.
    second = keystone.project(f"names-{tag}-b")
    names = projects.project_names(make_request(), [first.id, second.id])
    assert names[first.id] == f"names-{tag}-renamed"
    assert names[second.id] == second.name

    # A form's choice of every project lists them all, a new one too.
    third = keystone.project(f"names-{tag}-c")
    assert projects.project_names(make_request())[third.id] == third.name

    # An id Keystone does not know: listed once, then remembered as missing.
    assert "no-such-project" not in projects.project_names(
        make_request(), ["no-such-project"])
    keystone.projects.update(second, name=f"names-{tag}-b2")
    names = projects.project_names(make_request(), [second.id, "no-such-project"])
    assert names[second.id] == second.name
