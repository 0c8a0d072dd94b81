"""Project > Share > Shares, as a user lives it: real Keystone, real backend.

Each story drives Horizon through Django's test client, then checks what the
page shows, what messages it gave, and what the backend now holds.
"""

import logging

import pytest
from django.urls import reverse

from manila_ui.api import client as api_client
from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique

INDEX = reverse("horizon:project:shares:index")
CREATE = reverse("horizon:project:shares:create")


def detail_url(share_id):
    return reverse("horizon:project:shares:detail", args=(share_id,))


def create_form(**overrides):
    data = {"name": unique("ui"), "description": "made in a test",
            "share_proto": "NFS", "size": "1", "share_type": "",
            "availability_zone": ""}
    data.update(overrides)
    return data


def row_update(client, share_id):
    return client.get(INDEX, {"action": "row_update", "table": "shares",
                              "obj_id": share_id},
                      HTTP_X_REQUESTED_WITH="XMLHttpRequest")


def test_demo_lands_on_shares_not_on_a_403(demo_client):
    response = demo_client.get("/", follow=True)
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == INDEX
    html = response.content.decode()
    assert '<table id="shares"' in html
    assert "Create Share" in html


def test_the_panels_own_url_still_works(demo_client):
    response = demo_client.get("/project/shares/")
    assert response.status_code == 302
    assert response["Location"] == INDEX


# Upstream manila-ui's paths of a share's pages -> the URL name of ours.
UPSTREAM_PAGES = {
    "": "horizon:project:shares:detail",
    "rules/": "horizon:project:share_rules:rules",
    "rule_add/": "horizon:project:share_rules:add",
    "update/": "horizon:project:shares:update",
    "update_metadata/": "horizon:project:shares:update_metadata",
    "extend/": "horizon:project:shares:resize",
    "revert/": "horizon:project:shares:revert",
}


def test_upstreams_urls_of_a_share_lead_to_its_pages(demo_client, shares_of):
    share = shares_of("demo").create()
    for path, name in UPSTREAM_PAGES.items():
        response = demo_client.get(f"/project/shares/{share.id}/{path}", follow=True)
        assert response.status_code == 200, path
        assert response.request["PATH_INFO"] == reverse(name, args=(share.id,)), path
        assert share.id in response.content.decode()
    # Upstream's URL names too.
    for name, ours in (("manage_rules", "share_rules:rules"), ("rule_add", "share_rules:add"),
                       ("extend", "shares:resize")):
        response = demo_client.get(reverse(f"horizon:project:shares:{name}",
                                           args=(share.id,)), follow=True)
        assert response.request["PATH_INFO"] == reverse(f"horizon:project:{ours}",
                                                        args=(share.id,))
    create = demo_client.get("/project/shares/create/", follow=True)
    assert create.request["PATH_INFO"] == CREATE
    # Ours keep working.
    assert demo_client.get(detail_url(share.id)).status_code == 200


def test_unknown_paths_under_project_are_404(demo_client):
    for path in ("/project/no-such-page/", "/project/no-such-page/update/",
                 "/project/shares/no-such-page/"):
        assert demo_client.get(path, follow=True).status_code == 404, path


def test_demo_sees_only_demos_shares(demo_client, shares_of):
    mine = shares_of("demo").create()
    theirs = shares_of("alt_demo").create()
    html = demo_client.get(INDEX).content.decode()
    assert mine.id in row_ids(html)
    assert theirs.id not in row_ids(html)
    assert mine.name in html


def test_create_share_through_the_form(demo_client, shares_of):
    demo = shares_of("demo")
    form = demo_client.get(CREATE).content.decode()
    assert 'name="share_proto"' in form and 'id="quota_size"' in form

    data = create_form()
    response = demo_client.post(CREATE, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert response["Location"] == INDEX

    [created] = demo.find(data["name"])
    demo.created.append(created.id)
    assert (created.size, created.share_proto) == (1, "NFS")

    page = demo_client.get(INDEX).content.decode()
    assert created.id in row_ids(page)
    assert ("info", f'Creating share "{data["name"]}".') in messages(page)

    demo.wait(created.id)
    row = row_update(demo_client, created.id)
    assert row.status_code == 200
    assert "Available" in row.content.decode()


@pytest.mark.parametrize(("size", "error"), [
    ("0", "Ensure this value is greater than or equal to 1."),
    ("-3", "Ensure this value is greater than or equal to 1."),
    ("two", "Enter a whole number of GiB."),
    ("", "This field is required."),
])
def test_bad_size_is_a_field_error_not_a_500(demo_client, shares_of, size,
                                             error):
    data = create_form(size=size)
    response = demo_client.post(CREATE, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    assert "has-error" in html
    assert shares_of("demo").find(data["name"]) == []


def test_over_quota_is_a_clear_error(demo_client, shares_of):
    data = create_form(size="100000")
    response = demo_client.post(CREATE, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "exceeds your available quota" in html
    assert shares_of("demo").find(data["name"]) == []


def test_a_manila_fault_on_create_is_a_form_error(demo_client, shares_of,
                                                  manila):
    """A protocol from the settings list that the back ends do not serve:
    the form offers it (a member may not read pools), Manila answers 400."""
    served = set()
    for pool in manila("admin").pools.list(detailed=True):
        raw = pool.capabilities.get("storage_protocol", "")
        served.update(p.upper() for p in raw.replace(",", "_").split("_") if p)
    form = demo_client.get(CREATE).content.decode()
    unserved = [p for p in ("GlusterFS", "MapRFS", "HDFS", "CephFS")
                if f'value="{p}"' in form and p.upper() not in served]
    if not unserved:
        pytest.skip("the back ends serve every protocol the form offers")
    data = create_form(share_proto=unserved[0])
    response = demo_client.post(CREATE, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Unable to create share: " in html
    assert unserved[0] in html  # Manila's own reason names the protocol
    assert shares_of("demo").find(data["name"]) == []


def test_delete_a_batch_of_shares(demo_client, shares_of):
    demo = shares_of("demo")
    first, second = demo.create(), demo.create()
    for share in (first, second):
        demo.wait(share.id)
    keep = demo.create()
    demo.wait(keep.id)

    response = demo_client.post(
        INDEX, {"action": "shares__delete",
                "object_ids": [first.id, second.id]}, follow=True)
    assert response.status_code == 200
    [(level, text)] = [m for m in messages(response.content.decode())
                       if "deletion" in m[1]]
    assert level == "info"
    assert first.name in text and second.name in text

    for share in (first, second):
        demo.wait_gone(share.id)
    assert demo.status(keep.id) == "available"
    assert row_update(demo_client, first.id).status_code == 404


def test_delete_from_the_detail_page_works_beyond_the_first_page(
        demo_client, shares_of):
    demo = shares_of("demo")
    share = demo.create()
    demo.wait(share.id)
    response = demo_client.post(detail_url(share.id),
                                {"action": f"shares__delete__{share.id}"})
    assert response.status_code == 302
    assert response["Location"] == INDEX
    demo.wait_gone(share.id)


def test_detail_page_shows_fields_and_export_locations(demo_client, shares_of):
    demo = shares_of("demo")
    share = demo.create(description="for the detail page", size=2)
    demo.wait(share.id)
    html = demo_client.get(detail_url(share.id)).content.decode()
    assert share.name in html
    assert 'id="share_detail__status">Available' in html
    assert 'id="share_detail__size">2 GiB' in html
    assert 'id="share_detail__protocol">NFS' in html
    assert "for the detail page" in html
    exports = demo_client.get(detail_url(share.id), {"tab": "share_details__export_locations"},
                              HTTP_X_REQUESTED_WITH="XMLHttpRequest").content.decode()
    locations = demo.manila.share_export_locations.list(share.id)
    assert locations
    for location in locations:
        assert location.path in exports


def test_detail_of_an_unknown_share_redirects_with_a_message(demo_client):
    response = demo_client.get(detail_url("0" * 8 + "-0000-0000-0000-" + "0" * 12),
                                follow=True)
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == INDEX
    assert any("Unable to retrieve share details" in text
               for _level, text in messages(response.content.decode()))


class Kept(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append((record.levelname, self.format(record)))


def test_a_handled_404_is_logged_as_one_line(demo_client):
    logger = logging.getLogger("horizon.exceptions")
    kept = Kept()
    logger.addHandler(kept)
    try:
        response = demo_client.get(detail_url("1" * 8 + "-0000-0000-0000-" + "0" * 12),
                                   follow=True)
    finally:
        logger.removeHandler(kept)
    assert response.request["PATH_INFO"] == INDEX
    assert [level for level, _text in kept.lines] == ["WARNING"]
    text = kept.lines[0][1]
    assert "Not Found" in text and "\n" not in text and "Traceback" not in text


def test_edit_share(demo_client, shares_of):
    demo = shares_of("demo")
    share = demo.create()
    demo.wait(share.id)
    url = reverse("horizon:project:shares:update", args=(share.id,))
    assert share.name in demo_client.get(url).content.decode()
    new_name = unique("renamed")
    response = demo_client.post(url, {"share_id": share.id, "name": new_name,
                                      "description": "changed"})
    assert response.status_code == 302
    changed = demo.manila.shares.get(share.id)
    assert (changed.name, changed.description) == (new_name, "changed")


def test_transitional_rows_poll_until_they_settle(demo_client, shares_of):
    demo = shares_of("demo")
    share = demo.create()
    first = row_update(demo_client, share.id).content.decode()
    if "Creating" in first:  # caught it in flight: the row keeps polling
        assert "ajax-update" in first and "status_up" not in first
    demo.wait(share.id)
    settled = row_update(demo_client, share.id).content.decode()
    assert "Available" in settled and "status_up" in settled


def test_reader_sees_no_mutating_buttons(reader_client, shares_of):
    share = shares_of("demo").create()  # the reader's project is demo
    shares_of("demo").wait(share.id)
    html = reader_client.get(INDEX).content.decode()
    assert share.id in row_ids(html)
    assert "shares__action_create" not in html
    assert "shares__action_delete" not in html
    assert f"shares__row_{share.id}__action_delete" not in html
    assert f"shares__row_{share.id}__action_edit" not in html


def test_member_sees_row_actions(demo_client, shares_of):
    share = shares_of("demo").create()
    shares_of("demo").wait(share.id)
    html = demo_client.get(INDEX).content.decode()
    assert f"shares__row_{share.id}__action_delete" in html
    assert f"shares__row_{share.id}__action_edit" in html
    assert "shares__action_delete" in html  # the batch button


def test_create_offers_the_protocols_of_the_back_ends_to_an_admin(
        admin_client, manila):
    pools = manila("admin").pools.list(detailed=True)
    offered = set()
    for pool in pools:
        raw = pool.capabilities.get("storage_protocol", "")
        offered.update(p.upper() for p in raw.replace(",", "_").split("_") if p)
    form = admin_client.get(CREATE).content.decode()
    for proto in offered:
        assert f'<option value="{proto}"' in form


def test_negotiated_version_can_be_capped_and_features_follow(
        demo_client, shares_of, settings):
    shares_of("demo").create()
    settings.OPENSTACK_MANILA_FEATURES = dict(
        settings.OPENSTACK_MANILA_FEATURES, max_api_version="2.51")
    response = demo_client.get(INDEX)
    assert api_client.api_version(response.wsgi_request) == "2.51"
    assert 'id="shares__total"' in response.content.decode()  # 2.42 <= 2.51

    settings.OPENSTACK_MANILA_FEATURES = dict(
        settings.OPENSTACK_MANILA_FEATURES, max_api_version="2.40")
    response = demo_client.get(INDEX)
    assert api_client.api_version(response.wsgi_request) == "2.40"
    html = response.content.decode()
    assert '<table id="shares"' in html
    assert 'id="shares__total"' not in html  # no with_count below 2.42
    form = demo_client.get(CREATE)
    assert form.status_code == 200
    assert 'name="share_type"' in form.content.decode()


def test_filter_by_name_on_the_server(demo_client, shares_of):
    demo = shares_of("demo")
    wanted = demo.create(name=unique("needle"))
    other = demo.create(name=unique("hay"))
    response = demo_client.post(INDEX, {"shares__filter__q_field": "name",
                                        "shares__filter__q": wanted.name},
                                follow=True)
    ids = row_ids(response.content.decode())
    assert wanted.id in ids and other.id not in ids
    # the filter sticks (session) until cleared
    demo_client.post(INDEX, {"shares__filter__q_field": "name",
                             "shares__filter__q": ""})
    assert other.id in row_ids(demo_client.get(INDEX).content.decode())



def test_filter_by_status_whatever_the_case(demo_client, shares_of):
    demo = shares_of("demo")
    ready = demo.create()
    demo.wait(ready.id)
    response = demo_client.post(INDEX, {"shares__filter__q_field": "status",
                                        "shares__filter__q": "Available"},
                                follow=True)
    html = response.content.decode()
    assert ready.id in row_ids(html)
    assert "Creating" not in html and "Deleting" not in html
    demo_client.post(INDEX, {"shares__filter__q_field": "status",
                             "shares__filter__q": ""})


def test_a_hung_backend_costs_a_message_not_a_worker(demo_client, stack,
                                                     settings):
    """Freeze the real backend (SIGSTOP): the page answers within the
    configured timeout, with a message, instead of hanging."""
    import os
    import signal
    import time

    if stack.external or stack.runner is None:
        pytest.skip("the backend is not ours to freeze")
    settings.OPENSTACK_MANILA_FEATURES = dict(
        settings.OPENSTACK_MANILA_FEATURES, api_timeout=1)
    demo_client.get(INDEX)  # the version document is known from here on
    group = stack.runner.servers["backend"].proc.pid
    os.killpg(group, signal.SIGSTOP)
    try:
        started = time.monotonic()
        response = demo_client.get(INDEX)
        elapsed = time.monotonic() - started
    finally:
        os.killpg(group, signal.SIGCONT)
    assert response.status_code == 200
    assert elapsed < 10
    assert any("Unable to retrieve the share list" in text
               for _level, text in messages(response.content.decode()))
