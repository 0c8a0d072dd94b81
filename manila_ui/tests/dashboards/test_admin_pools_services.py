"""Admin › Share › Pools and Services: an admin reads each pool's capacity at
a glance (and every capability on its page), takes a back end out of
scheduling with a reason and puts it back, and has one ensure its shares.
Create Share warns when no pool can hold the size.  Each page costs a fixed
number of API calls; members get neither panel."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.urls import reverse

from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_html

POOLS = reverse("horizon:admin:share_pools:index")
SERVICES = reverse("horizon:admin:share_services:index")
CREATE = reverse("horizon:project:shares:create")


def _share_services(manila: Any) -> dict[str, Any]:
    """Zone → the share service of a DHSS=False back end there."""
    found = {}
    for service in manila("admin", "2.98").services.list(
            search_opts={"binary": "manila-share"}):
        pools = manila("admin", "2.98").pools.list(
            detailed=True, search_opts={"backend": service.host.partition("@")[2] + "$"})
        dhss = any(p.capabilities.get("driver_handles_share_servers") for p in pools)
        if not dhss:
            found.setdefault(service.zone, service)
    return found


def _calls(backend_calls: Any, client: Any, url: str) -> tuple[int, str, list[str]]:
    with backend_calls() as calls:
        response = client.get(url)
    assert response.status_code == 200, response.content.decode()[-2000:]
    return calls.count, response.content.decode(), calls.lines


def test_the_pools_page_shows_each_pool_capacity_in_two_calls(
        admin_client, manila, backend_calls, record_property):
    pools = manila("admin", "2.98").pools.list(detailed=True)
    _calls(backend_calls, admin_client, POOLS)       # the version document
    count, page, lines = _calls(backend_calls, admin_client, POOLS)

    assert count == 2, lines    # pools detail + the share services (zones)
    assert {line.split()[1].split("?")[0] for line in lines} == {
        "/v2/scheduler-stats/pools/detail", "/v2/services"}
    record_property("pools_page_calls", count)
    for pool in pools:
        row = row_html(page, pool.name)
        caps = pool.capabilities
        assert 'class="manila-ui-capacity-bar"' in row
        assert f'data-total="{caps["total_capacity_gb"]:.0f}"' in row
        assert ("Thin" if caps.get("thin_provisioning") else "Thick") in row \
            or "thin_provisioning" not in caps
        assert "nova" in row    # its zone, from its share service


def test_a_pool_page_lists_every_capability(admin_client, manila, backend_calls):
    pool = manila("admin", "2.98").pools.list(detailed=True)[0]
    url = reverse("horizon:admin:share_pools:detail", args=(pool.name,))
    admin_client.get(url)     # the version document is known from here on

    count, page, lines = _calls(backend_calls, admin_client, url)

    assert count == 2, lines
    for key in pool.capabilities:
        assert f'data-capability="{key}"' in page
    assert 'id="share_pool_detail__largest"' in page or \
        "does not report its capacity" in page


@pytest.mark.bundled_only("reads the bundled back end's auto ratio and its thin pool")
def test_auto_shows_with_the_ratio_in_force(admin_client, manila):
    alpha = next(p for p in manila("admin", "2.98").pools.list(detailed=True)
                 if p.capabilities.get("max_over_subscription_ratio_auto") is not None
                 and p.capabilities.get("thin_provisioning"))
    page = admin_client.get(POOLS).content.decode()
    row = row_html(page, alpha.name)
    ratio = alpha.capabilities["max_over_subscription_ratio"]
    expected = f"auto ({ratio:g})" if alpha.capabilities[
        "max_over_subscription_ratio_auto"] else f"{ratio:g}"
    assert expected in row


def test_members_get_neither_panel(demo_client):
    for url in (POOLS, SERVICES):
        assert demo_client.get(url).status_code in (302, 403)


def test_an_admin_disables_a_back_end_with_a_reason_and_enables_it(
        admin_client, manila, backend_calls, record_property):
    beta = _share_services(manila)["nova-2"]
    key = str(beta.id)
    admin_client.get(SERVICES)     # the version document is known from here on
    count, page, lines = _calls(backend_calls, admin_client, SERVICES)
    assert count == 1, lines
    record_property("services_page_calls", count)
    assert "Up" in row_html(page, key) and "Enabled" in row_html(page, key)

    url = reverse("horizon:admin:share_services:disable", args=(key,))
    form = admin_client.get(url).content.decode()
    assert 'name="reason"' in form
    try:
        response = admin_client.post(url, {"host": beta.host, "binary": "manila-share",
                                           "reason": "disk swap"})
        assert response.status_code == 302, response.content.decode()[-2000:]
        page = admin_client.get(SERVICES).content.decode()
        assert "Disabled (disk swap)" in row_html(page, key)
        assert ("success", f'Disabled "{beta.host}": it takes no new shares.') in \
            messages(page)
    finally:
        response = admin_client.post(SERVICES,
                                     {"action": f"share_services__enable__{key}"})
    assert response.status_code == 302
    (after,) = manila("admin", "2.98").services.list(
        search_opts={"host": beta.host, "binary": "manila-share"})
    assert after.status == "enabled"
    assert "Disabled" not in row_html(admin_client.get(SERVICES).content.decode(), key)


@pytest.mark.bundled_only("the bundled backend lists pools from the services at every "
                          "read; real Manila's scheduler refreshes its list when it next "
                          "places a share")
def test_a_disabled_back_end_leaves_the_pools_page_until_enabled(admin_client, manila):
    beta = _share_services(manila)["nova-2"]
    assert beta.host in admin_client.get(POOLS).content.decode()
    manila("admin", "2.98").services.disable(beta.host, "manila-share")
    try:
        assert beta.host not in admin_client.get(POOLS).content.decode()
    finally:
        manila("admin", "2.98").services.enable(beta.host, "manila-share")
    assert beta.host in admin_client.get(POOLS).content.decode()


def test_ensure_shares_is_offered_for_share_services_that_are_up(admin_client, manila):
    page = admin_client.get(SERVICES).content.decode()
    beta = _share_services(manila)["nova-2"]
    assert f"share_services__ensure_shares__{beta.id}" in page
    scheduler = [s for s in manila("admin", "2.98").services.list()
                 if s.binary == "manila-scheduler"][0]
    assert f"__ensure_shares__{scheduler.id}" not in page

    response = admin_client.post(SERVICES, {
        "action": f"share_services__ensure_shares__{beta.id}"})

    assert response.status_code == 302
    assert not [m for m in messages(admin_client.get(SERVICES).content.decode())
                if m[0] == "error"]


def test_create_share_warns_when_no_pool_can_hold_the_size(admin_client, manila):
    form = admin_client.get(CREATE).content.decode()
    found = re.search(r'<input[^>]*name="size"[^>]*>', form)
    assert found is not None
    size_input = found.group(0)
    assert "manila-ui-capacity-checked" in size_input
    largest = json.loads(re.search(r'data-largest="([^"]*)"', size_input)
                         .group(1).replace("&quot;", '"'))
    pools = manila("admin", "2.98").pools.list(detailed=True)
    thick = [p for p in pools if not p.capabilities.get("thin_provisioning")
             and not p.capabilities.get("driver_handles_share_servers")]
    # The default type fits on DHSS=False pools only; at least the free space
    # of its thick ones.
    assert largest["default"][""] >= max(
        int(p.capabilities["free_capacity_gb"]) for p in thick) if thick else True
    assert "nova-2" in largest["default"]


def test_members_get_no_capacity_hint(demo_client):
    form = demo_client.get(CREATE).content.decode()
    assert "data-largest" not in form
