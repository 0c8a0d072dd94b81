"""The shares list sorts and filters on the server: the whole list, not
just the rows of one page."""

import re

from django.urls import reverse

from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique

INDEX = reverse("horizon:project:shares:index")


def names_in_order(html, wanted):
    order = []
    for share_id in row_ids(html):
        row = row_html(html, share_id)
        order += [name for name in wanted if f">{name}<" in row]
    return order


def test_headers_sort_on_the_server_and_pages_keep_the_order(demo_client,
                                                             shares_of):
    demo = shares_of("demo")
    prefix = unique("sort")
    names = [f"{prefix}-{c}" for c in "cab"]
    for name in names:
        demo.create(name=name)
    html = demo_client.get(INDEX).content.decode()
    link = re.search(r'<a href="\?(sort=name&amp;dir=asc)" '
                     r'class="manila-ui-sort" id="shares__sort_name">', html)
    assert link, "the Name header is not a sort link"

    search = {"shares__filter__q_field": "name", "shares__filter__q": prefix}
    demo_client.post(INDEX, search)
    try:
        asc = demo_client.get(INDEX, {"sort": "name", "dir": "asc"})
        assert names_in_order(asc.content.decode(), names) == sorted(names)
        desc = demo_client.get(INDEX, {"sort": "name", "dir": "desc"})
        assert names_in_order(desc.content.decode(), names) == \
            sorted(names, reverse=True)
        # The header now offers the other direction and shows an arrow.
        assert 'href="?sort=name&amp;dir=asc"' in desc.content.decode()
        assert "fa-sort-desc" in desc.content.decode()
        # An unknown column is ignored (no arbitrary API sort key).
        odd = demo_client.get(INDEX, {"sort": "host", "dir": "sideways"})
        assert odd.status_code == 200
    finally:
        demo_client.post(INDEX, {"shares__filter__q_field": "name",
                                 "shares__filter__q": ""})


def test_page_links_carry_the_sort(alt_demo_client, shares_of):
    alt = shares_of("alt_demo")
    for _ in range(3):
        alt.create()
    # Pages of 2 (the user's "items per page" setting): 3 shares or more
    # make a second page.
    alt_demo_client.cookies["API_RESULT_PAGE_SIZE"] = "2"
    html = alt_demo_client.get(INDEX, {"sort": "size", "dir": "asc",
                                       "offset": "0"}).content.decode()
    assert len(row_ids(html)) == 2
    # Next keeps sort and direction, and leads to the next two.
    nxt = re.search(r'<a href="\?([^"]+)">Next', html)
    assert nxt, "no Next link with more rows than a page"
    query = nxt.group(1).replace("&amp;", "&")
    assert "sort=size" in query and "dir=asc" in query and "offset=2" in query
    second = alt_demo_client.get(f"{INDEX}?{query}").content.decode()
    assert row_ids(second) and not set(row_ids(second)) & set(row_ids(html))


def test_filter_by_type_name(demo_client, shares_of, manila):
    demo = shares_of("demo")
    types = {t.name: t.id for t in manila("demo").share_types.list()}
    share = demo.create(share_type="dhss_false")
    other = demo.create()  # the default type
    assert "dhss_false" in types
    response = demo_client.post(INDEX, {"shares__filter__q_field": "share_type",
                                        "shares__filter__q": "dhss_false"},
                                follow=True)
    ids = row_ids(response.content.decode())
    try:
        assert share.id in ids
        assert other.id not in ids or \
            demo.manila.shares.get(other.id).share_type == types["dhss_false"]
    finally:
        demo_client.post(INDEX, {"shares__filter__q_field": "share_type",
                                 "shares__filter__q": ""})


def test_filter_by_availability_zone(demo_client, shares_of, manila):
    demo = shares_of("demo")
    zones = sorted(z.name for z in manila("demo").availability_zones.list())
    html = demo_client.get(INDEX).content.decode()
    if 'value="availability_zone"' not in html:
        return  # a server below 2.97 cannot filter by zone: no such choice
    first = demo.create(availability_zone=zones[0])
    second = demo.create(availability_zone=zones[-1])
    response = demo_client.post(INDEX, {
        "shares__filter__q_field": "availability_zone",
        "shares__filter__q": zones[0]}, follow=True)
    ids = row_ids(response.content.decode())
    try:
        assert first.id in ids
        if zones[0] != zones[-1]:
            assert second.id not in ids
    finally:
        demo_client.post(INDEX, {"shares__filter__q_field":
                                 "availability_zone",
                                 "shares__filter__q": ""})


def test_columns_of_the_project_table(demo_client, shares_of):
    shares_of("demo").create()
    html = demo_client.get(INDEX).content.decode()
    titles = [re.sub(r"<[^>]+>|\s+", " ", t).strip() for t in re.findall(
        r'<th[^>]*class="[^"]*normal_column[^"]*"[^>]*>(.*?)</th>', html,
        re.S)]
    for title in ("Name", "Size", "Status", "Protocol", "Type",
                  "Availability Zone", "Visibility", "Share Network",
                  "Created"):
        assert title in titles, titles
