"""Share detail › Export Locations (2.87): each location shows its metadata,
with the list's one call; whoever Manila's policy lets edit them gets Edit
Metadata, which replaces them in one call."""

from django.urls import reverse

from manila_ui.api import microversions
from manila_ui.tests.dashboards.helpers import messages


def _detail(share_id: str) -> str:
    return reverse("horizon:project:shares:detail", args=(share_id,))


def _tab(client, url: str) -> str:
    response = client.get(url, {"tab": "share_details__export_locations"},
                          HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    return response.content.decode()


def test_admin_edits_an_export_locations_metadata(admin_client, shares_of, manila,
                                                  backend_calls):
    demo = shares_of("demo")
    share = demo.create()
    demo.wait(share.id)
    admin = manila("admin")
    location = admin.share_export_locations.list(share.id)[0]
    admin.share_export_locations.set_metadata(share.id, {"net": "<storage>"},
                                              subresource=location.id)
    admin_detail = reverse("horizon:admin:shares:detail", args=(share.id,))

    microversions.clear_cache()
    with backend_calls() as calls:
        html = _tab(admin_client, admin_detail)
    # The share (and the version document), then the locations with their
    # metadata; the edit dialog reads the same list.
    assert len(calls.matching("GET", f"/v2/shares/{share.id}/export_locations")) == 1
    assert not calls.matching("GET", f"/v2/shares/{share.id}/export_locations/")
    assert "<dt>net</dt><dd>&lt;storage&gt;</dd>" in html
    edit = reverse("horizon:project:shares:export_location_metadata",
                   args=(share.id, location.id))
    assert f'href="{edit}"' in html

    form = admin_client.get(edit).content.decode()
    assert 'value="net"' in form and 'value="&lt;storage&gt;"' in form
    response = admin_client.post(edit, {
        "share_id": share.id, "export_location_id": location.id,
        "metadata-key-0": "net", "metadata-value-0": "backup",
        "metadata-key-1": "zone", "metadata-value-1": "b"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert response["Location"].endswith("?tab=share_details__export_locations")
    # Read from the list: Manila 23's GET of one location's metadata fails
    # its own response schema (a 400).
    seen = [loc for loc in admin.share_export_locations.list(share.id)
            if loc.id == location.id][0]
    assert seen._info["metadata"] == {"net": "backup", "zone": "b"}
    page = admin_client.get(response["Location"]).content.decode()
    assert ("success", "Updated the export location's metadata.") in messages(page)


def test_members_edit_readers_only_read(demo_client, reader_client, shares_of):
    """Manila 23: share_export_location:update_metadata is admin or project
    member; a reader of the project sees the metadata without the link."""
    demo = shares_of("demo")
    share = demo.create()
    demo.wait(share.id)
    member = _tab(demo_client, _detail(share.id))
    assert 'id="share_detail__export_metadata_0"' in member
    reader = _tab(reader_client, _detail(share.id))
    assert 'id="share_detail__export_metadata_list_0"' in reader
    assert 'id="share_detail__export_metadata_0"' not in reader
    edit = reverse("horizon:project:shares:export_location_metadata",
                   args=(share.id, demo.manila.share_export_locations.list(share.id)[0].id))
    assert reader_client.get(edit).status_code in (302, 403)
