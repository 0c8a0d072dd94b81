"""Admin › Shares › Recycle Bin (2.69): every project's soft-deleted shares
with their projects, in one call for the page (and one Keystone call for the
names); an admin restores one to its project or deletes one now."""

from django.urls import reverse

from manila_ui.api import microversions
from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import row_ids

INDEX = reverse("horizon:admin:shares:index")
RECYCLE_BIN = reverse("horizon:admin:shares:recycle_bin")


def test_admin_restores_and_deletes_from_every_projects_bin(admin_client, shares_of,
                                                            backend_calls):
    demo, alt = shares_of("demo"), shares_of("alt_demo")
    mine, theirs, kept = demo.create(), alt.create(), alt.create()
    for owner, share in ((demo, mine), (alt, theirs), (alt, kept)):
        owner.wait(share.id)
    demo.manila.shares.soft_delete(mine.id)
    alt.manila.shares.soft_delete(theirs.id)

    assert "shares__action_recycle_bin" in admin_client.get(INDEX).content.decode()
    microversions.clear_cache()
    with backend_calls() as calls:
        page = admin_client.get(RECYCLE_BIN).content.decode()
    # The version document and one page of the bin, whatever its rows.
    assert calls.count <= 2, calls.lines
    ids = row_ids(page)
    assert {mine.id, theirs.id} <= set(ids) and kept.id not in ids
    row = row_html(page, theirs.id).replace(" <", "<").replace("> ", ">")
    assert ">alt_demo<" in row
    assert reverse("horizon:admin:shares:detail", args=(theirs.id,)) in row
    for action in ("restore", "delete"):
        assert f"recycle_bin__row_{theirs.id}__action_{action}" in row

    response = admin_client.post(RECYCLE_BIN, {
        "action": f"recycle_bin__restore__{theirs.id}"}, follow=True)
    assert any("Restored" in text for _level, text in messages(response.content.decode()))
    assert not alt.manila.shares.get(theirs.id).is_soft_deleted
    assert theirs.id in row_ids(admin_client.get(INDEX).content.decode())

    response = admin_client.post(RECYCLE_BIN, {
        "action": f"recycle_bin__delete__{mine.id}"}, follow=True)
    assert response.status_code == 200
    demo.wait_gone(mine.id)
    assert mine.id not in row_ids(admin_client.get(RECYCLE_BIN).content.decode())


def test_members_get_no_admin_recycle_bin(demo_client):
    assert demo_client.get(RECYCLE_BIN).status_code in (302, 403)
