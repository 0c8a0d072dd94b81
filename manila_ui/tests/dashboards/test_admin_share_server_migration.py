"""Admin › Share Servers: an admin checks where a share server may go, moves it
(and its share) onto another share network, watches the copy in its row,
completes it; another migration is cancelled and its task state reset. Against
a Manila older than 2.57 the actions are absent."""

from __future__ import annotations

import html as html_lib

from django.urls import reverse

from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import unique
from manila_ui.tests.dashboards.helpers import wait_until
from manila_ui.tests.dashboards.network_helpers import dhss_pool

SERVERS = reverse("horizon:admin:share_servers:index")


def _url(name, server_id):
    return reverse(f"horizon:admin:share_servers:{name}", args=(server_id,))


def _server(manila, server_id):
    return manila("admin").share_servers.get(server_id)


def _row_update(admin_client, server_id):
    response = admin_client.get(SERVERS, {"action": "row_update", "table": "share_servers",
                                          "obj_id": server_id},
                                HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    return html_lib.unescape(response.content.decode())


def _served_share(manila, networks_of, shares_of):
    """demo's DHSS=True share on one network, and a second network to move to."""
    demo = networks_of("demo")
    one = demo.create(name=unique("ssm-one"), availability_zone="nova")
    two = demo.create(name=unique("ssm-two"), availability_zone="nova")
    share = shares_of("demo").create(name=unique("ssm"), share_type="dhss_true",
                                     share_network=one.id)
    shares_of("demo").wait(share.id)
    (server,) = manila("admin").share_servers.list(
        search_opts={"share_network_id": one.id})
    return share, server, two


def _form_data(server, host, network):
    return {"server_id": server.id, "host": host, "new_share_network_id": network.id,
            "writable": "on", "preserve_snapshots": "on"}


def _wait_task(manila, server_id, *task_states):
    wait_until(lambda: _server(manila, server_id).task_state in task_states,
               timeout=90, interval=0.2, what=f"task state {task_states}")


def test_an_admin_moves_a_share_server_onto_another_network(
        admin_client, manila, networks_of, shares_of, backend_calls, record_property):
    share, server, two = _served_share(manila, networks_of, shares_of)
    host = dhss_pool(manila).split("#")[0]
    admin_client.get(SERVERS)    # the version document is known from here on
    with backend_calls() as calls:
        index = admin_client.get(SERVERS).content.decode()
    record_property("share_servers_page_calls", calls.count)
    assert calls.count == 1, calls.lines    # the servers (Keystone names the projects)
    row = row_html(index, server.id)
    assert _url("migration_check", server.id) in row
    assert _url("migration_start", server.id) in row

    form = admin_client.get(_url("migration_start", server.id)).content.decode()
    assert f'value="{host}"' in form and f'value="{two.id}"' in form
    assert f'value="{server.share_network_id}"' not in form    # not where it is
    checked = admin_client.post(_url("migration_check", server.id),
                                _form_data(server, host, two), follow=True)
    assert "can take the share server" in checked.content.decode()

    response = admin_client.post(_url("migration_start", server.id),
                                 _form_data(server, host, two))
    assert response.status_code == 302, response.content.decode()[-2000:]
    seen = []

    def phase1_done():
        html = _row_update(admin_client, server.id)
        if "progress-bar" in html:
            seen.append(html)
        return _server(manila, server.id).task_state == "migration_driver_phase1_done"
    wait_until(phase1_done, timeout=90, interval=0.2, what="the copy")

    assert seen, "the row never showed the copy's progress"
    row = _row_update(admin_client, server.id)
    assert "share_servers__server_migration_complete__" in row
    assert "share_servers__server_migration_cancel__" in row
    assert _url("migration_start", server.id) not in row
    response = admin_client.post(SERVERS, {
        "action": f"share_servers__server_migration_complete__{server.id}"})
    assert response.status_code == 302
    wait_until(lambda: manila("demo").shares.get(share.id).share_network_id == two.id
               and manila("demo").shares.get(share.id).status == "available",
               timeout=90, interval=0.2, what="the share on the new network")


def test_a_cancelled_server_migration_then_a_task_state_reset(
        admin_client, manila, networks_of, shares_of):
    _, server, two = _served_share(manila, networks_of, shares_of)
    host = dhss_pool(manila).split("#")[0]
    admin_client.post(_url("migration_start", server.id), _form_data(server, host, two))
    _wait_task(manila, server.id, "migration_driver_phase1_done")

    response = admin_client.post(SERVERS, {
        "action": f"share_servers__server_migration_cancel__{server.id}"})

    assert response.status_code == 302
    _wait_task(manila, server.id, "migration_cancelled")
    row = row_html(admin_client.get(SERVERS).content.decode(), server.id)
    assert "share_servers__server_migration_complete__" not in row
    assert _url("reset_task_state", server.id) in row
    response = admin_client.post(_url("reset_task_state", server.id),
                                 {"server_id": server.id, "task_state": ""})
    assert response.status_code == 302
    assert _server(manila, server.id).task_state is None


def test_an_older_manila_offers_no_server_migration(
        admin_client, manila, networks_of, shares_of, settings):
    _, server, _ = _served_share(manila, networks_of, shares_of)
    settings.OPENSTACK_MANILA_FEATURES = dict(
        settings.OPENSTACK_MANILA_FEATURES, max_api_version="2.56")

    row = row_html(admin_client.get(SERVERS).content.decode(), server.id)

    assert _url("reset_status", server.id) in row     # what 2.49 has stays
    assert _url("migration_start", server.id) not in row
    assert _url("migration_check", server.id) not in row
