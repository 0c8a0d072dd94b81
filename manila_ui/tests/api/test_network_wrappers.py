"""What the API layer hands the pages of share networks, services and
servers: never a password, whatever Manila (or its driver) returned."""

import json

from manila_ui.api import security_services
from manila_ui.api import share_networks
from manila_ui.api import share_servers

SECRET = "sekrit"


def test_a_security_service_never_carries_its_password():
    service = security_services.SecurityService.from_resource({
        "id": "s1", "name": "ldap", "type": "ldap", "password": SECRET,
        "server": "ldap.example.org"})

    assert not hasattr(service, "password")
    assert SECRET not in repr(service.to_dict()) and SECRET not in repr(service._info)


def test_server_details_drop_passwords_even_inside_json():
    # What Manila 23's dummy driver reports for a server with an LDAP service.
    dummy = {
        "security_service_ldap": json.dumps({"name": "l1", "type": "ldap",
                                             "password": SECRET, "server": "s"}),
        "subnet_allocations": json.dumps([{"primary_public_ip": "10.0.0.10",
                                           "secondary_public_ip": "10.0.0.11"}]),
        "service_ip": "10.0.0.12",
        "admin_password": SECRET,
    }
    server = share_servers.ShareServer.from_resource({
        "id": "x", "backend_details": dummy,
        **{f"details:{k}": v for k, v in dummy.items()}})

    assert SECRET not in json.dumps(server.backend_details)
    assert SECRET not in json.dumps(server._info)
    assert json.loads(server.backend_details["security_service_ldap"])["server"] == "s"
    assert server.addresses == [("primary", "10.0.0.10"), ("secondary", "10.0.0.11"),
                                ("admin", "10.0.0.12")]


def test_networks_know_their_zones_before_and_after_2_51():
    old = share_networks.ShareNetwork.from_resource({
        "id": "n", "neutron_net_id": "a", "neutron_subnet_id": "b"})
    new = share_networks.ShareNetwork.from_resource({
        "id": "n", "share_network_subnets": [{"id": "s", "availability_zone": "nova"}]})

    assert old.availability_zones == [None] and old.serves("nova-2")
    assert [s.neutron_net_id for s in old.subnets] == ["a"]
    assert new.availability_zones == ["nova"]
    assert new.serves("nova") and new.serves(None) and not new.serves("nova-2")
