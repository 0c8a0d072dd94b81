"""Share networks, their subnets (2.51+), security services, and a DHSS=True share."""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.shares import PLACEMENT
from manila_ui.tests.reference.scenarios.shares import delete_share

NET = "/share-networks/{net}"
SS = "/security-services/{ss}"
SUB = NET + "/subnets/{sub}"
# A share server's and a network allocation's values come from the driver.
SERVER = frozenset({"share_server_id", "share_network_subnet_id", *PLACEMENT})


def share_networks(mv: str) -> list[Step]:
    name = f"net-{TOKEN}-{MV}"
    steps = [
        Step("demo", "POST", "/share-networks",
             body={"share_network": {"name": name, "description": "differential"}},
             save={"net": "share_network.id"}),
        Step("demo", "GET", NET),
        Step("demo", "GET", f"/share-networks?name={name}"),
        Step("demo", "GET", f"/share-networks/detail?name={name}"),
        Step("reader", "GET", NET),
        Step("alt_demo", "GET", NET),
        Step("admin", "GET", NET),
        Step("admin", "GET", f"/share-networks/detail?all_tenants=1&name={name}"),
        Step("demo", "PUT", NET, body={"share_network": {"description": "updated"}}),
        Step("reader", "PUT", NET, body={"share_network": {"description": "reader"}}),
        Step("reader", "POST", "/share-networks", body={"share_network": {"name": "reader"}}),
        Step("alt_demo", "DELETE", NET),
        Step("demo", "GET", f"/share-networks/{MISSING}"),
        Step("demo", "POST", "/share-networks", body={"share_network": {"bogus": 1}},
             save={"odd": "share_network.id"}),
        Step("demo", "DELETE", "/share-networks/{odd}"),
        Step("demo", "POST", "/share-networks", body={"nothing": {}},
             save={"odd2": "share_network.id"}),
        Step("demo", "DELETE", "/share-networks/{odd2}"),
        Step("demo", "POST", NET + "/action", body={"no_such_action": {}}),
    ]
    if at_least(mv, "2.51"):
        steps += [
            Step("demo", "POST", "/share-networks",
                 body={"share_network": {"name": "nowhere", "availability_zone": "nowhere"}},
                 save={"odd3": "share_network.id"}),
            Step("demo", "DELETE", "/share-networks/{odd3}"),
        ]
    if at_least(mv, "2.63"):
        steps += [
            Step("demo", "POST", NET + "/action", body={"reset_status": {"status": "error"}}),
            Step("admin", "POST", NET + "/action", body={"reset_status": {"status": "error"}}),
            Step("demo", "GET", NET, note="after reset_status"),
            Step("admin", "POST", NET + "/action", body={"reset_status": {"status": "active"}}),
        ]
    # A share on the network (DHSS=True type): Manila makes a share server for it.
    steps += [
        Step("demo", "POST", "/shares",
             body={"share": {"share_proto": "NFS", "size": 1, "name": f"onnet-{TOKEN}-{MV}",
                             "share_type": "dhss_true", "share_network_id": "{net}"}},
             save={"share": "share.id"},
             wait=Wait("/shares/{share}", ("available", "error"), via=("creating",)),
             ignore=SERVER),
        Step("demo", "GET", "/shares/{share}", ignore=SERVER),
        Step("demo", "GET", "/shares/detail?share_network_id={net}", ignore=SERVER),
        Step("admin", "GET", "/shares/{share}", ignore=SERVER, values=False),
        Step("demo", "DELETE", NET, note="in use"),
        Step("demo", "POST", "/shares",
             body={"share": {"share_proto": "NFS", "size": 1, "share_type": "dhss_true"}},
             note="DHSS=True type without a network"),
        # Manila takes it, and the scheduler finds no DHSS=False pool for a network.
        Step("demo", "POST", "/shares",
             body={"share": {"share_proto": "NFS", "size": 1, "share_type": "default",
                             "share_network_id": "{net}"}},
             save={"plain": "share.id"}, ignore=SERVER | {"status"},
             note="DHSS=False type on a network",
             wait=Wait("/shares/{plain}", ("available", "error"), via=("creating",))),
        delete_share("plain"),
        delete_share(),
        Step("demo", "DELETE", NET),
        Step("demo", "GET", NET),
    ]
    return steps


def subnets(mv: str) -> list[Step]:
    """Share network subnets, one per availability zone (2.51), metadata (2.78)."""
    name = f"subnet-{TOKEN}-{MV}"
    steps = [
        Step("demo", "POST", "/share-networks", body={"share_network": {"name": name}},
             save={"net": "share_network.id"}),
        Step("demo", "GET", NET + "/subnets"),
        Step("demo", "POST", NET + "/subnets",
             body={"share-network-subnet": {"availability_zone": "nova-2"}},
             save={"sub": "share_network_subnet.id"}),
        Step("demo", "GET", SUB),
        # Manila lists the subnets in no defined order (PostgreSQL heap order).
        Step("demo", "GET", NET, note="with two subnets", unordered=True),
        Step("reader", "GET", SUB),
        Step("alt_demo", "GET", SUB),
        Step("alt_demo", "GET", NET + "/subnets"),
        Step("reader", "POST", NET + "/subnets",
             body={"share-network-subnet": {"availability_zone": "nova"}}),
        Step("demo", "POST", NET + "/subnets",
             body={"share-network-subnet": {"availability_zone": "nowhere"}}),
        Step("demo", "POST", NET + "/subnets",
             body={"share-network-subnet": {"availability_zone": "nova-2"}},
             save={"sub2": "share_network_subnet.id"}, note="a second subnet in the zone"),
        Step("demo", "POST", NET + "/subnets", body={"share_network_subnet": {}},
             note="underscored key"),
        Step("demo", "GET", NET + f"/subnets/{MISSING}"),
    ]
    if at_least(mv, "2.78"):
        steps += [
            Step("demo", "GET", SUB + "/metadata"),
            Step("demo", "POST", SUB + "/metadata", body={"metadata": {"k": "v"}}),
            Step("demo", "GET", SUB + "/metadata/k"),
            Step("demo", "PUT", SUB + "/metadata", body={"metadata": {"k2": "v2"}}),
            Step("demo", "DELETE", SUB + "/metadata/k2"),
            Step("demo", "DELETE", SUB + "/metadata/k2"),
        ]
    steps += [
        Step("reader", "DELETE", SUB),
        Step("demo", "DELETE", NET, note="with three subnets"),
        Step("demo", "DELETE", NET + "/subnets/{sub2}"),
        Step("demo", "DELETE", SUB),
        Step("demo", "GET", SUB),
        Step("demo", "DELETE", NET),
    ]
    return steps


def security_services(mv: str) -> list[Step]:
    name = f"ss-{TOKEN}-{MV}"
    body = {"type": "ldap", "name": name, "description": "differential",
            "dns_ip": "10.0.0.2", "server": "ldap.example.org", "domain": "example.org",
            "user": "binder", "password": "secret"}
    if at_least(mv, "2.44"):
        body["ou"] = "OU=shares"
    steps = [
        Step("demo", "POST", "/security-services", body={"security_service": body},
             save={"ss": "security_service.id"}),
        Step("demo", "GET", SS),
        Step("demo", "GET", f"/security-services?name={name}"),
        Step("demo", "GET", f"/security-services/detail?name={name}"),
        Step("reader", "GET", SS),
        Step("alt_demo", "GET", SS),
        Step("admin", "GET", SS),
        Step("admin", "GET", f"/security-services/detail?all_tenants=1&name={name}"),
        # Pages, as the dashboard asks for them.
        Step("demo", "GET", f"/security-services/detail?name={name}&limit=5&offset=0"),
        Step("admin", "GET",
             f"/security-services/detail?all_tenants=1&name={name}&limit=5&offset=0"),
        Step("demo", "PUT", SS, body={"security_service": {"description": "updated",
                                                           "server": "ldap2.example.org"}}),
        Step("reader", "PUT", SS, body={"security_service": {"description": "reader"}}),
        Step("reader", "POST", "/security-services",
             body={"security_service": {"type": "ldap", "name": "reader"}}),
        Step("demo", "POST", "/security-services",
             body={"security_service": {"type": "bogus", "name": "bad type"}}),
        Step("demo", "POST", "/security-services", body={"security_service": {"name": "no type"}}),
        Step("demo", "GET", f"/security-services/{MISSING}"),
        Step("demo", "POST", "/share-networks",
             body={"share_network": {"name": f"ssnet-{TOKEN}-{MV}"}},
             save={"net": "share_network.id"}),
        Step("demo", "POST", NET + "/action",
             body={"add_security_service": {"security_service_id": "{ss}"}}),
        Step("demo", "POST", NET + "/action",
             body={"add_security_service": {"security_service_id": "{ss}"}}, note="again"),
        Step("demo", "POST", NET + "/action",
             body={"add_security_service": {"security_service_id": MISSING}}),
        Step("demo", "GET", "/security-services?share_network_id={net}"),
        Step("demo", "GET", "/security-services/detail?share_network_id={net}"),
        Step("demo", "GET", SS, note="in a share network"),
        Step("demo", "DELETE", SS, note="in a share network"),
        Step("demo", "POST", NET + "/action",
             body={"remove_security_service": {"security_service_id": "{ss}"}}),
        Step("demo", "DELETE", SS),
        Step("demo", "GET", SS),
        Step("demo", "DELETE", NET),
    ]
    if at_least(mv, "2.76"):
        steps.insert(1, Step("demo", "POST", "/security-services", body={"security_service": {
            "type": "active_directory", "name": f"ad-{TOKEN}", "default_ad_site": "site1",
            "domain": "example.org"}}, save={"ad": "security_service.id"}))
        steps.append(Step("demo", "DELETE", "/security-services/{ad}"))
    return steps
