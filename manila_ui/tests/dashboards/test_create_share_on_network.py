"""Create Share with a DHSS=True type asks for a share network, and offers
only networks that serve the chosen availability zone."""

import re

from django.urls import reverse

from manila_ui.tests.dashboards.helpers import unique

CREATE = reverse("horizon:project:shares:create")


def form_data(**overrides):
    data = {"name": unique("dhss"), "share_proto": "NFS", "size": "1",
            "share_type": "dhss_true", "availability_zone": ""}
    data.update(overrides)
    return data


def test_the_form_offers_networks_with_their_zones(demo_client, networks_of):
    nets = networks_of("demo")
    default = nets.create()
    zoned = nets.create(availability_zone="nova-2")

    html = demo_client.get(CREATE).content.decode()
    select = re.search(r'<select name="share_network".*?</select>', html, re.S).group(0)

    assert 'data-dhss-types="[&quot;dhss_true&quot;]"' in select
    assert re.search(rf'value="{default.id}"[^>]*data-zones="\*"', select)
    assert re.search(rf'value="{zoned.id}"[^>]*data-zones="nova-2"', select)


def test_a_dhss_type_needs_a_network_serving_the_zone(demo_client, manila,
                                                      networks_of, shares_of):
    nets = networks_of("demo")
    zoned = nets.create(availability_zone="nova")

    missing = demo_client.post(CREATE, form_data()).content.decode()
    assert "This share type needs a share network." in missing
    elsewhere = demo_client.post(CREATE, form_data(
        share_network=zoned.id, availability_zone="nova-2")).content.decode()
    assert "This share network has no subnet in nova-2." in elsewhere

    data = form_data(share_network=zoned.id, availability_zone="nova")
    response = demo_client.post(CREATE, data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    (share,) = shares_of("demo").find(data["name"])
    shares_of("demo").created.append(share.id)
    assert share.share_network_id == zoned.id
    shares_of("demo").wait(share.id)


def test_other_types_ignore_the_network(demo_client, networks_of, shares_of):
    network = networks_of("demo").create()
    data = form_data(share_type="default", share_network=network.id)

    response = demo_client.post(CREATE, data)

    assert response.status_code == 302, response.content.decode()[-2000:]
    (share,) = shares_of("demo").find(data["name"])
    shares_of("demo").created.append(share.id)
    assert share.share_network_id is None
