"""A share's detail page: its tabs, the export locations with their mount
commands, what each tab costs, and hostile names rendered harmless."""

import html as html_lib

import pytest
from django.urls import reverse

from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import unique

INDEX = reverse("horizon:project:shares:index")


def detail_url(share_id):
    return reverse("horizon:project:shares:detail", args=(share_id,))


def tab(client, share_id, slug):
    """A lazily loaded tab, as Horizon's JS asks for it."""
    response = client.get(detail_url(share_id),
                          {"tab": f"share_details__{slug}"},
                          HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    return response.content.decode()


def test_tabs_of_the_detail_page(demo_client, shares_of):
    demo = shares_of("demo")
    share = demo.create(metadata={"team": "storage"})
    demo.wait(share.id)
    html = demo_client.get(detail_url(share.id)).content.decode()
    for slug in ("overview", "metadata", "export_locations", "snapshots",
                 "messages"):
        assert f"share_details__{slug}" in html, slug
    assert "team" in html and "storage" in html  # the metadata tab
    assert 'id="share_detail__capabilities"' in html


def test_nfs_mount_commands_for_ipv4_and_ipv6(demo_client, shares_of, stack):
    demo = shares_of("demo")
    share = demo.create(name=unique("nfs"), proto="NFS")
    demo.wait(share.id)
    html = html_lib.unescape(tab(demo_client, share.id, "export_locations"))
    locations = demo.manila.share_export_locations.list(share.id)
    assert locations
    mount_point = f"/mnt/{share.name}"
    for location in locations:
        assert f"mount -t nfs {location.path} {mount_point}" in html
    v4 = [loc.path for loc in locations if loc.path[0].isdigit()]
    v6 = [loc.path for loc in locations if loc.path.startswith("[")]
    assert v4, [loc.path for loc in locations]
    assert "IPv4" in html
    if v6 or not stack.external:  # Manila's DummyDriver exports IPv4 only
        assert v6, [loc.path for loc in locations]
        assert f"mount -t nfs {v6[0]} {mount_point}" in html  # brackets kept
        assert "IPv6" in html
    assert 'class="btn btn-default btn-xs manila-ui-copy"' in html
    assert 'data-copy-target="#share_detail__mount_0_0"' in html


def test_cifs_mount_commands(demo_client, shares_of):
    demo = shares_of("demo")
    share = demo.create(name=unique("smb"), proto="CIFS")
    demo.wait(share.id)
    html = html_lib.unescape(tab(demo_client, share.id, "export_locations"))
    paths = [loc.path for loc in demo.manila.share_export_locations.list(
        share.id)]
    unc = [p for p in paths if p.startswith("\\\\") and p[2].isdigit()]
    if not unc:
        assert "mount -t cifs" not in html  # no UNC path, no wrong command
        pytest.skip(f"the back end exports no UNC path: {paths}")
    v4 = unc[0]
    host, name = v4.strip("\\").split("\\")
    assert (f"mount -t cifs //{host}/{name} /mnt/{share.name} "
            "-o username=USERNAME") in html
    assert f'net use Z: "{v4}"' in html
    if any("ipv6-literal.net" in p for p in paths):
        assert "-o ip=fd00:10::10,username=USERNAME" in html


def test_members_do_not_see_admin_only_export_locations(demo_client,
                                                       admin_client,
                                                       shares_of, manila):
    demo = shares_of("demo")
    share = demo.create()
    demo.wait(share.id)
    admin_paths = {loc.path for loc in
                   manila("admin").share_export_locations.list(share.id)
                   if loc.is_admin_only}
    if not admin_paths:
        pytest.skip("the back end exports nothing admin-only")
    member = html_lib.unescape(tab(demo_client, share.id, "export_locations"))
    admin = html_lib.unescape(admin_client.get(
        reverse("horizon:admin:shares:detail", args=(share.id,)),
        {"tab": "share_details__export_locations"},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest").content.decode())
    for path in admin_paths:
        assert path not in member
        assert path in admin
    assert "admin only" in admin


def test_lazy_tabs_snapshots_and_messages(demo_client, shares_of):
    demo = shares_of("demo")
    share = demo.create()
    demo.wait(share.id)
    page = demo_client.get(detail_url(share.id)).content.decode()
    assert "mount -t nfs" not in page  # export locations: on the first click
    snap = demo.snapshot(share.id, name=unique("tabsnap"))
    assert snap.name not in page  # not loaded with the page
    snapshots = tab(demo_client, share.id, "snapshots")
    assert snap.name in snapshots
    assert reverse("horizon:project:share_snapshots:detail",
                   args=(snap.id,)) in snapshots
    assert "no messages" in tab(demo_client, share.id, "messages")


def test_each_tab_costs_a_fixed_number_of_calls(demo_client, shares_of,
                                                backend_calls):
    demo = shares_of("demo")
    share = demo.create()
    demo.wait(share.id)
    for _ in range(3):
        demo.snapshot(share.id, wait=False)
    demo_client.get(detail_url(share.id))  # the version document is known
    with backend_calls() as calls:
        demo_client.get(detail_url(share.id))
    # the share + its rules (the overview lists them, as upstream's does);
    # every other tab that needs a call loads on its first click
    assert calls.count <= 2, calls.lines
    for slug in ("export_locations", "snapshots", "messages", "locks"):
        with backend_calls() as calls:
            tab(demo_client, share.id, slug)
        assert calls.count <= 2, calls.lines  # the share + the tab's list


XSS = '<script>alert("x")</script>'
IMG = '<img src=x onerror=alert(1)>'


def test_hostile_name_description_and_metadata_render_escaped(
        demo_client, shares_of):
    demo = shares_of("demo")
    share = demo.create(name=f"x{XSS}", description=IMG,
                        metadata={XSS: IMG, "k": XSS})
    demo.wait(share.id)
    pages = {
        "index": demo_client.get(INDEX).content.decode(),
        "detail": demo_client.get(detail_url(share.id)).content.decode(),
        "export locations": tab(demo_client, share.id, "export_locations"),
        "metadata form": demo_client.get(reverse(
            "horizon:project:shares:update_metadata",
            args=(share.id,))).content.decode(),
        "edit form": demo_client.get(reverse(
            "horizon:project:shares:update", args=(share.id,))
        ).content.decode(),
        "resize form": demo_client.get(reverse(
            "horizon:project:shares:resize", args=(share.id,))
        ).content.decode(),
    }
    for where, html in pages.items():
        assert XSS not in html, where
        assert IMG not in html, where
    assert html_lib.escape(XSS) in row_html(pages["index"], share.id) or \
        "&lt;script&gt;" in row_html(pages["index"], share.id)
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages["detail"]
    assert "&lt;script&gt;" in pages["metadata form"]
    # The mount point made from the name keeps only safe characters.
    assert "/mnt/x-script-alert-x-script" in pages["export locations"]
