"""A member locks a share against deletion from the shares table, finds the
lock in Project › Share › Resource Locks (filters, detail), sees it on the
share's page, edits its reason and lifts it; the admin sees every
project's locks; a reader sees but does not change; a rule can be locked
too. The locks page costs the same calls whatever the number of locks."""

import pytest
from django.urls import reverse

from manila_ui.api import microversions
from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique

INDEX = reverse("horizon:project:resource_locks:index")
ADMIN_INDEX = reverse("horizon:admin:resource_locks:index")
SHARES = reverse("horizon:project:shares:index")


def lock_url(resource_type, resource_id):
    return reverse("horizon:project:resource_locks:create",
                   args=(resource_type, resource_id))


@pytest.fixture
def share(shares_of):
    demo = shares_of("demo")
    found = demo.create(name=unique("lockme"))
    demo.wait(found.id)
    yield found
    # A lock left by a failed test would keep the share.
    for lock in demo.manila.resource_locks.list(search_opts={"resource_id": found.id}):
        demo.manila.resource_locks.delete(lock.id)


def _lock_share(client, share, reason):
    response = client.post(lock_url("share", share.id), {
        "resource_type": "share", "resource_id": share.id,
        "resource_action": "delete", "lock_reason": reason})
    assert response.status_code == 302, response.content.decode()[-2000:]


def test_lock_a_share_find_edit_and_lift_the_lock(demo_client, shares_of, share):
    demo = shares_of("demo")
    row = row_html(demo_client.get(SHARES).content.decode(), share.id)
    assert f"shares__row_{share.id}__action_lock_deletion" in row
    form = demo_client.get(lock_url("share", share.id)).content.decode()
    assert 'name="lock_reason"' in form

    reason = unique("audit")
    _lock_share(demo_client, share, reason)
    [lock] = demo.manila.resource_locks.list(search_opts={"resource_id": share.id})
    html = demo_client.get(INDEX).content.decode()
    assert lock.id in row_ids(html)
    found = row_html(html, lock.id)
    assert reason in found and "Deletion" in found and ">you<" in found.replace(" ", "")
    assert reverse("horizon:project:shares:detail", args=(share.id,)) in found

    # The share's page shows the lock; Manila refuses to delete the share.
    tab = demo_client.get(reverse("horizon:project:shares:detail", args=(share.id,)),
                          {"tab": "share_details__locks"}).content.decode()
    assert reason in tab
    demo_client.post(SHARES, {"action": f"shares__delete__{share.id}"})
    assert demo.status(share.id) == "available"

    # Filter on the server by resource.
    response = demo_client.post(INDEX, {"resource_locks__filter__q_field": "resource_id",
                                        "resource_locks__filter__q": share.id}, follow=True)
    assert row_ids(response.content.decode()) == [lock.id]
    response = demo_client.post(INDEX, {"resource_locks__filter__q_field": "lock_reason~",
                                        "resource_locks__filter__q": "no-such-reason"},
                                follow=True)
    assert lock.id not in row_ids(response.content.decode())
    demo_client.post(INDEX, {"resource_locks__filter__q_field": "resource_id",
                             "resource_locks__filter__q": ""})

    detail_url = reverse("horizon:project:resource_locks:detail", args=(lock.id,))
    detail = demo_client.get(detail_url).content.decode()
    assert 'id="resource_lock__reason"' in detail and reason in detail

    update_url = reverse("horizon:project:resource_locks:update", args=(lock.id,))
    response = demo_client.post(update_url, {"lock_id": lock.id,
                                             "lock_reason": "edited reason"})
    assert response.status_code == 302
    assert demo.manila.resource_locks.get(lock.id).lock_reason == "edited reason"

    response = demo_client.post(INDEX, {"action": f"resource_locks__delete__{lock.id}"},
                                follow=True)
    assert any("Deleted Lock" in text for _level, text in
               messages(response.content.decode()))
    assert not demo.manila.resource_locks.list(search_opts={"resource_id": share.id})


def test_admin_sees_every_projects_locks_others_do_not(admin_client, alt_demo_client,
                                                       reader_client, demo_client, share):
    _lock_share(demo_client, share, "visible to the admin")
    admin_html = admin_client.get(ADMIN_INDEX).content.decode()
    [lock_id] = [i for i in row_ids(admin_html)
                 if share.id in row_html(admin_html, i)]
    assert ">demo<" in row_html(admin_html, lock_id).replace(" <", "<").replace("> ", ">")
    assert reverse("horizon:admin:shares:detail", args=(share.id,)) in \
        row_html(admin_html, lock_id)
    assert lock_id not in row_ids(alt_demo_client.get(INDEX).content.decode())

    reader = reader_client.get(INDEX).content.decode()
    assert lock_id in row_ids(reader)
    assert f"resource_locks__row_{lock_id}__action_delete" not in reader
    assert reader_client.get(lock_url("share", share.id)).status_code == 403
    update_url = reverse("horizon:project:resource_locks:update", args=(lock_id,))
    assert reader_client.get(update_url).status_code == 403


def test_lock_a_rule_against_deletion(demo_client, shares_of, share):
    demo = shares_of("demo")
    demo.manila.shares.allow(share.id, "ip", "10.3.0.0/24", "ro")
    [rule] = demo.manila.share_access_rules.access_list(share.id)
    rules_page = demo_client.get(reverse("horizon:project:share_rules:rules",
                                         args=(share.id,))).content.decode()
    assert f"rules__row_{rule.id}__action_lock_rule" in rules_page
    form = demo_client.get(lock_url("access_rule", rule.id)).content.decode()
    assert 'value="show"' in form  # a rule's visibility may be locked too

    response = demo_client.post(lock_url("access_rule", rule.id), {
        "resource_type": "access_rule", "resource_id": rule.id,
        "resource_action": "delete", "lock_reason": "keep the rule"})
    assert response.status_code == 302
    [lock] = demo.manila.resource_locks.list(search_opts={"resource_id": rule.id})
    assert (lock.resource_type, lock.resource_action) == ("access_rule", "delete")
    demo.manila.resource_locks.delete(lock.id)


def test_the_locks_page_costs_the_same_calls(demo_client, shares_of, share,
                                             backend_calls, record_property):
    demo = shares_of("demo")
    for i in range(3):
        demo.manila.resource_locks.create(share.id, "share", lock_reason=f"n{i}")
    microversions.clear_cache()
    demo_client.get(INDEX)
    with backend_calls() as calls:
        html = demo_client.get(INDEX).content.decode()
    assert len(row_ids(html)) >= 3
    assert calls.count == 1, calls.lines  # one page of locks
    # The share page's Locks tab, opened: the share and its locks.
    with backend_calls() as calls:
        tab = demo_client.get(reverse("horizon:project:shares:detail", args=(share.id,)),
                              {"tab": "share_details__locks"},
                              HTTP_X_REQUESTED_WITH="XMLHttpRequest").content.decode()
    assert "n2" in tab
    assert calls.count == 2, calls.lines
    record_property("calls", {"locks_index": 1, "share_locks_tab": 2})
