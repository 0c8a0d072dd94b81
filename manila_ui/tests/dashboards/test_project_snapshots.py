"""Project > Share > Share Snapshots against the real backend: list with
share names, create from the panel, edit, metadata, delete, detail, and a
share made from a snapshot."""

import re

from django.urls import reverse

from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique

INDEX = reverse("horizon:project:share_snapshots:index")
CREATE = reverse("horizon:project:share_snapshots:create")


def url(name, snapshot_id):
    return reverse(f"horizon:project:share_snapshots:{name}",
                   args=(snapshot_id,))


def make(shares_of, user="demo", **share_kwargs):
    helper = shares_of(user)
    share = helper.create(**share_kwargs)
    helper.wait(share.id)
    return helper, share


def test_index_names_the_share_of_each_snapshot(demo_client, shares_of):
    demo, share = make(shares_of, name=unique("parent"))
    snap = demo.snapshot(share.id)
    html = demo_client.get(INDEX).content.decode()
    assert snap.id in row_ids(html)
    row = row_html(html, snap.id)
    assert share.name in row  # the name, not just the id
    assert reverse("horizon:project:shares:detail", args=(share.id,)) in row
    assert "Available" in row
    for action in ("create_share", "edit", "update_metadata", "delete"):
        assert f"share_snapshots__row_{snap.id}__action_{action}" in row


def test_other_projects_snapshots_stay_hidden(demo_client, shares_of):
    alt, share = make(shares_of, "alt_demo")
    theirs = alt.snapshot(share.id)
    assert theirs.id not in row_ids(demo_client.get(INDEX).content.decode())


def test_create_from_the_panel_choosing_the_share(demo_client, shares_of):
    demo, share = make(shares_of, name=unique("pick"))
    form = demo_client.get(CREATE).content.decode()
    assert f'<option value="{share.id}"' in form
    assert 'id="quota_snapshots_usage"' in form
    name = unique("panel-snap")
    response = demo_client.post(CREATE, {
        "share_id": share.id, "name": name, "description": "from the panel",
        "metadata-key-0": "tier", "metadata-value-0": "gold"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    [snap] = demo.manila.share_snapshots.list(search_opts={"name": name})
    demo.snapshots.append(snap.id)
    assert snap.description == "from the panel"
    demo.wait_snapshot(snap.id)
    assert demo.manila.share_snapshots.get_metadata(snap.id)._info == {
        "tier": "gold"}
    page = demo_client.get(INDEX).content.decode()
    assert ("info", f'Creating snapshot "{name}".') in messages(page)


def test_edit_and_metadata(demo_client, shares_of):
    demo, share = make(shares_of)
    snap = demo.snapshot(share.id)
    new_name = unique("renamed")
    response = demo_client.post(url("update", snap.id), {
        "snapshot_id": snap.id, "name": new_name, "description": "new"})
    assert response.status_code == 302
    got = demo.manila.share_snapshots.get(snap.id)
    assert (got.name, got.description) == (new_name, "new")

    form = demo_client.get(url("update_metadata", snap.id)).content.decode()
    assert 'name="metadata-key-0"' in form
    response = demo_client.post(url("update_metadata", snap.id), {
        "snapshot_id": snap.id, "metadata-key-0": "a",
        "metadata-value-0": "1", "metadata-key-1": "b",
        "metadata-value-1": "2"})
    assert response.status_code == 302
    assert demo.manila.share_snapshots.get_metadata(snap.id)._info == {
        "a": "1", "b": "2"}
    detail = demo_client.get(url("detail", snap.id)).content.decode()
    assert new_name in detail and 'id="snapshot_detail__metadata"' in detail


def test_delete_a_batch_and_from_the_detail_page(demo_client, shares_of):
    demo, share = make(shares_of)
    first, second, third = (demo.snapshot(share.id) for _ in range(3))
    response = demo_client.post(INDEX, {
        "action": "share_snapshots__delete",
        "object_ids": [first.id, second.id]}, follow=True)
    assert any("Scheduled deletion of Snapshots" in text for _level, text in
               messages(response.content.decode()))
    for snap in (first, second):
        demo.wait_snapshot(snap.id, None)
    response = demo_client.post(url("detail", third.id), {
        "action": f"share_snapshots__delete__{third.id}"})
    assert response.status_code == 302 and response["Location"] == INDEX
    demo.wait_snapshot(third.id, None)


def test_a_share_with_snapshots_cannot_be_deleted_and_says_why(demo_client,
                                                               shares_of):
    demo, share = make(shares_of)
    demo.snapshot(share.id)
    response = demo_client.post(
        reverse("horizon:project:shares:index"),
        {"action": f"shares__delete__{share.id}"}, follow=True)
    errors = [text for level, text in messages(response.content.decode())
              if level in ("danger", "error")]
    assert errors and "snapshot" in " ".join(errors).lower()
    assert demo.status(share.id) == "available"


def test_create_share_from_a_snapshot_row(demo_client, shares_of):
    demo, share = make(shares_of, size=2)
    snap = demo.snapshot(share.id)
    row = row_html(demo_client.get(INDEX).content.decode(), snap.id)
    link = re.search(r'href="([^"]*create/\?snapshot_id=[^"]+)"', row)
    assert link, row
    form = demo_client.get(link.group(1).replace("&amp;", "&")
                           ).content.decode()
    assert re.search(rf'<option value="{snap.id}"[^>]*selected', form)
    assert re.search(r'name="size"[^>]*value="2"', form)


def test_filters_on_the_server(demo_client, shares_of):
    demo, share = make(shares_of)
    wanted = demo.snapshot(share.id, name=unique("needle"))
    other = demo.snapshot(share.id, name=unique("hay"))
    response = demo_client.post(INDEX, {
        "share_snapshots__filter__q_field": "name",
        "share_snapshots__filter__q": wanted.name}, follow=True)
    ids = row_ids(response.content.decode())
    assert wanted.id in ids and other.id not in ids
    demo_client.post(INDEX, {"share_snapshots__filter__q_field": "name",
                             "share_snapshots__filter__q": ""})


def test_detail_of_an_unknown_snapshot_redirects(demo_client):
    response = demo_client.get(url("detail", "0" * 8 + "-0000-0000-0000-"
                                   + "0" * 12), follow=True)
    assert response.request["PATH_INFO"] == INDEX
    assert any("Unable to retrieve snapshot details" in text
               for _level, text in messages(response.content.decode()))


def test_reader_may_look_but_not_touch(reader_client, shares_of):
    demo, share = make(shares_of)
    snap = demo.snapshot(share.id)
    html = reader_client.get(INDEX).content.decode()
    assert snap.id in row_ids(html)
    # Only the rules page, which a reader may read (a mountable snapshot).
    actions = set(re.findall(r"__action_(\w+)", row_html(html, snap.id)))
    assert actions <= {"manage_rules"}
    assert "share_snapshots__action_create" not in html
    assert "share_snapshots__action_delete" not in html
    detail = reader_client.get(url("detail", snap.id)).content.decode()
    assert set(re.findall(r"__action_(\w+)", detail)) <= {"manage_rules"}


XSS = '<script>alert("s")</script>'
IMG = '<img src=x onerror=alert(2)>'


def test_hostile_snapshot_names_render_escaped(demo_client, shares_of):
    demo, share = make(shares_of, name=f"p{XSS}")
    snap = demo.snapshot(share.id, name=f"s{XSS}", description=IMG,
                         metadata={XSS: IMG})
    pages = [demo_client.get(INDEX).content.decode(),
             demo_client.get(url("detail", snap.id)).content.decode(),
             demo_client.get(url("update", snap.id)).content.decode(),
             demo_client.get(url("update_metadata", snap.id)).content.decode(),
             demo_client.get(reverse("horizon:project:shares:detail",
                                     args=(share.id,)),
                             {"tab": "share_details__snapshots"},
                             HTTP_X_REQUESTED_WITH="XMLHttpRequest"
                             ).content.decode()]
    for html in pages:
        assert XSS not in html and IMG not in html
    assert "&lt;script&gt;" in row_html(pages[0], snap.id)
    assert "&lt;img src=x onerror=alert(2)&gt;" in pages[1]
