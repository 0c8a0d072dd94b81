"""A reader who types the URL of a form that changes something gets
Horizon's 403 page, not a form whose every submission Manila refuses.

Every form and workflow view of the dashboards checks the rules of the
button that opens it (``policy.PolicyCheckedView``); here every such URL of
Project › Share is opened as the reader of the demo project (403), and as
demo itself (the form), about demo's own objects.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern
from django.urls import URLResolver
from django.urls import get_resolver
from django.urls import reverse
from horizon import forms
from horizon import workflows

from manila_ui.dashboards import policy

FORM_VIEWS = (forms.ModalFormView, workflows.WorkflowView)


def _form_urls(resolver: Any, namespace: str = "") -> dict[str, tuple[type, list[str]]]:
    """URL name -> (view class, keyword names) of every form or workflow
    view of the plugin under ``resolver``."""
    found = {}
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found.update(_form_urls(entry, inner))
        elif isinstance(entry, URLPattern) and entry.name:
            view = getattr(entry.callback, "view_class", None)
            if view is not None and issubclass(view, FORM_VIEWS) and \
                    view.__module__.startswith("manila_ui.dashboards"):
                found[namespace + entry.name] = (view, list(entry.pattern.regex.groupindex))
    return found


def project_form_urls() -> dict[str, tuple[type, list[str]]]:
    return {name: found for name, found in _form_urls(get_resolver()).items()
            if name.startswith("horizon:project:")}


def test_every_form_and_workflow_view_checks_its_buttons_rules():
    views = {view for view, _keywords in _form_urls(get_resolver()).values()}
    assert len(views) >= 30  # project and admin
    unchecked = sorted(f"{view.__module__}.{view.__name__}" for view in views
                       if not issubclass(view, policy.PolicyCheckedView)
                       or not view.policy_rules)
    assert not unchecked, f"form views without the rules of their button: {unchecked}"


@pytest.fixture(scope="module")
def demo_objects(manila: Any) -> Any:
    from manila_ui.tests.dashboards import group_helpers
    from manila_ui.tests.dashboards import helpers
    from manila_ui.tests.dashboards import network_helpers

    share_makers = helpers.shares_per_user(manila)
    network_makers = network_helpers.networks_per_user(manila)
    group_makers = group_helpers.groups_per_user(manila)
    shares, networks = next(share_makers)("demo"), next(network_makers)("demo")
    groups = next(group_makers)("demo")
    lock = None
    try:
        group = groups.create()
        group_snapshot = groups.snapshot(group.id)
        share = shares.create(name=helpers.unique("reader-forms"))
        shares.wait(share.id)
        rule = shares.manila.shares.allow(share.id, "ip", "10.8.0.0/24", "ro")
        snapshot = shares.snapshot(share.id)
        network = networks.create()
        subnet = shares.manila.share_networks.get(network.id).share_network_subnets[0]
        service = networks.service("ldap", server="ldap.example.org")
        # A share with a snapshot cannot be backed up: another one.
        backed_up = shares.create(name=helpers.unique("reader-backup"))
        shares.wait(backed_up.id)
        backup = shares.backup(backed_up.id)
        lock = shares.manila.resource_locks.create(share.id, "share")
        location = shares.manila.share_export_locations.list(share.id)[0]
        yield {"share_id": share.id, "rule_id": rule["id"], "snapshot_id": snapshot.id,
               "network_id": network.id, "subnet_id": subnet["id"],
               "service_id": service.id, "share_group_id": group.id,
               "share_group_snapshot_id": group_snapshot.id, "backup_id": backup.id,
               "resource_type": "share", "resource_id": share.id, "lock_id": lock.id,
               "export_location_id": location.id}
    finally:
        if lock is not None:  # it would keep the share
            shares.manila.resource_locks.delete(lock.id)
        next(share_makers, None)
        next(network_makers, None)
        next(group_makers, None)


def test_a_reader_gets_403_on_every_form_of_project_share(reader_client, demo_client,
                                                          demo_objects):
    urls = project_form_urls()
    assert len(urls) >= 20
    assert "horizon:project:share_rules:add" in urls
    opened = []
    for name, (_view, keywords) in sorted(urls.items()):
        missing = set(keywords) - set(demo_objects)
        assert not missing, f"{name}: no seeded object for {missing}"
        url = reverse(name, kwargs={key: demo_objects[key] for key in keywords})
        if name.endswith(":replace_security_service"):
            url += f"?current={demo_objects['service_id']}"
        response = reader_client.get(url)
        assert response.status_code == 403, f"reader: {name} {url} -> {response.status_code}"
        assert "You are not authorized to access this page" in response.content.decode()
        if demo_client.get(url).status_code == 200:
            opened.append(name)
    # The same URLs open for the project's member: the 403 is the policy's.
    assert set(opened) >= set(urls) - {"horizon:project:share_networks:check"}, \
        set(urls) - set(opened)


def test_a_reader_cannot_post_a_form_either(reader_client, demo_objects, manila):
    url = reverse("horizon:project:share_rules:add", args=(demo_objects["share_id"],))
    response = reader_client.post(url, {"share_id": demo_objects["share_id"],
                                        "access_type": "ip", "access_to": "10.7.0.1",
                                        "access_level": "rw"})
    assert response.status_code == 403
    rules = manila("demo").share_access_rules.access_list(demo_objects["share_id"])
    assert "10.7.0.1" not in {rule.access_to for rule in rules}
