"""Admin > Share > Shares: every project's shares, project/protocol/type shown."""

import re

from django.urls import reverse

from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_ids

INDEX = reverse("horizon:admin:shares:index")


def row_html(html, share_id):
    match = re.search(rf'<tr[^>]*data-object-id="{share_id}".*?</tr>', html,
                      re.S)
    assert match, f"no row for {share_id}"
    return re.sub(r"\s+", " ", match.group(0))


def headers(html):
    """Column titles (sortable ones are links: the text inside)."""
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", h)).strip()
            for h in re.findall(r'<th[^>]*class="[^"]*normal_column[^"]*"[^>]*>(.*?)</th>',
                                html, re.S)]


def test_admin_sees_every_projects_shares_with_project_protocol_and_type(
        admin_client, shares_of):
    demo_share = shares_of("demo").create(proto="NFS")
    alt_share = shares_of("alt_demo").create(proto="CIFS")
    for user, share in (("demo", demo_share), ("alt_demo", alt_share)):
        shares_of(user).wait(share.id)

    html = admin_client.get(INDEX).content.decode()
    assert {"Project", "Name", "Size", "Status", "Protocol", "Type",
            "Availability Zone", "Visibility", "Host"} <= set(headers(html))
    ids = row_ids(html)
    assert demo_share.id in ids and alt_share.id in ids

    demo_row = row_html(html, demo_share.id)
    assert ">demo<" in demo_row.replace(" <", "<").replace("> ", ">")
    assert "NFS" in demo_row
    type_name = shares_of("demo").manila.shares.get(demo_share.id).share_type_name
    assert type_name and type_name in demo_row
    alt_row = row_html(html, alt_share.id)
    assert "alt_demo" in alt_row and "CIFS" in alt_row


def test_members_cannot_open_the_admin_panel(demo_client):
    response = demo_client.get(INDEX)
    assert response.status_code in (302, 403)
    assert not response.get("Location", "").startswith(INDEX)


def test_admin_filters_by_project_on_the_server(admin_client, shares_of,
                                                os_session):
    demo_share = shares_of("demo").create()
    alt_share = shares_of("alt_demo").create()
    alt_project = os_session("alt_demo").get_project_id()
    response = admin_client.post(INDEX, {"shares__filter__q_field": "project_id",
                                         "shares__filter__q": alt_project},
                                 follow=True)
    ids = row_ids(response.content.decode())
    assert alt_share.id in ids and demo_share.id not in ids
    admin_client.post(INDEX, {"shares__filter__q_field": "project_id",
                              "shares__filter__q": ""})


def test_admin_detail_and_delete_of_another_projects_share(admin_client,
                                                           shares_of):
    demo = shares_of("demo")
    share = demo.create()
    demo.wait(share.id)
    url = reverse("horizon:admin:shares:detail", args=(share.id,))
    html = admin_client.get(url).content.decode()
    assert share.name in html and 'id="share_detail__status">Available' in html
    assert f"shares__row_{share.id}__action_delete" in html

    response = admin_client.post(url, {"action": f"shares__delete__{share.id}"},
                                 follow=True)
    assert response.request["PATH_INFO"] == INDEX
    assert any("Scheduled deletion" in text
               for _level, text in messages(response.content.decode()))
    demo.wait_gone(share.id)


def test_admin_page_makes_no_call_per_row(admin_client, shares_of,
                                          backend_calls):
    for _ in range(3):
        shares_of("alt_demo").create()
    admin_client.get(INDEX)  # warm: the version document is now known
    with backend_calls() as calls:
        response = admin_client.get(INDEX)
    assert response.status_code == 200
    assert len(row_ids(response.content.decode())) >= 3
    assert calls.count <= 2, calls.lines
