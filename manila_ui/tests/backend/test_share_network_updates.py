"""Changing a share network in use (2.63, 2.70): security services are added
or replaced, and subnets added, only after an asynchronous check; the
network and its servers pass through ``network_change``."""

from __future__ import annotations

import json
from typing import Any

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import wait_until
from manila_ui.tests.backend.test_security_services import create_service
from manila_ui.tests.backend.test_share_networks import NET_ID
from manila_ui.tests.backend.test_share_networks import SUBNET_ID
from manila_ui.tests.backend.test_share_networks import create_network
from manila_ui.tests.backend.test_share_servers import dhss_share
from manila_ui.tests.backend.test_share_servers import servers_of


def in_use_network(member: Api) -> dict[str, Any]:
    network = create_network(member, availability_zone="nova")
    share = dhss_share(member, network["id"])
    member.wait_status(share["id"], "available")
    return network


def network_status(api: Api, network_id: str, status: str) -> dict[str, Any]:
    def reached() -> dict[str, Any] | None:
        view: dict[str, Any] = api.get(f"/v2/share-networks/{network_id}").json()[
            "share_network"]
        return view if view["status"] == status else None
    found: dict[str, Any] = wait_until(reached, what=f"network {network_id} {status}")
    return found


def check(api: Api, network_id: str, name: str, **argument: Any) -> dict[str, Any]:
    resp = api.post(f"/v2/share-networks/{network_id}/action", json={name: argument})
    assert resp.status_code == 202, resp.text
    body: dict[str, Any] = resp.json()
    return body


def checked(api: Api, network_id: str, name: str, **argument: Any) -> dict[str, Any]:
    """Ask until the check has an answer (it starts out null)."""
    found: dict[str, Any] = wait_until(
        lambda: (lambda body: body if body["compatible"] is not None else None)(
            check(api, network_id, name, **argument)), what=f"{name} to answer")
    return found


def test_a_network_without_servers_is_compatible_at_once(member: Api, admin: Api) -> None:
    network = create_network(member)
    ldap = create_service(member)

    body = check(member, network["id"], "add_security_service_check",
                 security_service_id=ldap["id"])

    assert body == {"compatible": True, "requested_operation": {
        "operation": "add_security_service", "current_security_service": None,
        "new_security_service": ldap["id"]}}
    as_admin = check(admin, network["id"], "add_security_service_check",
                     security_service_id=ldap["id"])
    assert as_admin["hosts_check_result"] == {}
    assert member.post(f"/v2/share-networks/{network['id']}/action", version="2.62",
                       json={"add_security_service_check": {
                           "security_service_id": ldap["id"]}}).status_code == 404


def test_adding_to_a_network_in_use_needs_a_check(member: Api, admin: Api) -> None:
    network = in_use_network(member)
    ldap = create_service(member, server="ldap.example.org")
    action = f"/v2/share-networks/{network['id']}/action"

    old = member.post(action, version="2.62", json={"add_security_service": {
        "security_service_id": ldap["id"]}})
    assert old.json() == {"forbidden": {
        "code": 403, "message": "Cannot add security services. Share network is used."}}
    unchecked = member.post(action, json={"add_security_service": {
        "security_service_id": ldap["id"]}})
    assert "no check operation was found" in unchecked.json()["badRequest"]["message"]

    first = check(admin, network["id"], "add_security_service_check",
                  security_service_id=ldap["id"])
    assert first["compatible"] is None
    assert first["hosts_check_result"] == {"manila-ui@gamma": None}
    answer = checked(admin, network["id"], "add_security_service_check",
                     security_service_id=ldap["id"])
    assert answer["compatible"] is True
    added = member.post(action, json={"add_security_service": {
        "security_service_id": ldap["id"]}})
    assert added.status_code == 200, added.text
    assert added.json()["share_network"]["status"] == "network_change"
    (server,) = servers_of(admin, network["id"])
    assert server["status"] in ("network_change", "active")
    network_status(member, network["id"], "active")
    (server,) = servers_of(admin, network["id"])
    assert server["status"] == "active"
    details = admin.get(f"/v2/share-servers/{server['id']}/details").json()["details"]
    assert json.loads(details["security_service_ldap"])["server"] == "ldap.example.org"
    removal = member.post(action, json={"remove_security_service": {
        "security_service_id": ldap["id"]}})
    assert removal.json()["forbidden"]["message"] == (
        "Cannot remove security services. Share network is used.")


def test_replacing_a_service_the_back_end_refuses(member: Api, admin: Api) -> None:
    network = create_network(member, availability_zone="nova")
    current = create_service(member, server="ldap.example.org")
    member.post(f"/v2/share-networks/{network['id']}/action", json={
        "add_security_service": {"security_service_id": current["id"]}})
    share = dhss_share(member, network["id"])
    member.wait_status(share["id"], "available")
    refused = create_service(member, server="ldap.example.invalid", name="refused")
    kerberos = create_service(member, "kerberos")
    action = f"/v2/share-networks/{network['id']}/action"

    other_type = member.post(action, json={"update_security_service_check": {
        "current_service_id": current["id"], "new_service_id": kerberos["id"]}})
    assert other_type.status_code == 409
    assert "can only be replaced by one of the same type" in other_type.json()[
        "conflictingRequest"]["message"]
    pair = {"current_service_id": current["id"], "new_service_id": refused["id"]}
    answer = checked(member, network["id"], "update_security_service_check", **pair)
    assert answer["compatible"] is False
    assert answer["requested_operation"]["operation"] == "update_security_service"
    assert "hosts_check_result" not in answer
    no = member.post(action, json={"update_security_service": pair})
    assert "do not support this operation" in no.json()["badRequest"]["message"]
    # Starting over asks the back end again.
    again = check(member, network["id"], "update_security_service_check",
                  reset_operation=True, **pair)
    assert again["compatible"] is None
    assert member.post(action, json={"update_security_service_check": {
        **pair, "reset_operation": "maybe"}}).status_code == 400

    good = create_service(member, server="ldap2.example.org", name="good")
    pair = {"current_service_id": current["id"], "new_service_id": good["id"]}
    assert checked(member, network["id"], "update_security_service_check",
                   **pair)["compatible"] is True
    replaced = member.post(action, json={"update_security_service": pair})
    assert replaced.status_code == 202, replaced.text
    network_status(member, network["id"], "active")
    listed = member.get(f"/v2/security-services?share_network_id={network['id']}").json()
    assert [s["id"] for s in listed["security_services"]] == [good["id"]]


def test_a_subnet_next_to_servers_needs_a_check_from_2_70(member: Api,
                                                          admin: Api) -> None:
    network = in_use_network(member)
    subnets = f"/v2/share-networks/{network['id']}/subnets"
    body = {"availability_zone": "nova", "neutron_net_id": NET_ID,
            "neutron_subnet_id": SUBNET_ID}

    before = member.post(subnets, version="2.69", json={"share-network-subnet": body})
    assert before.status_code == 409
    unchecked = member.post(subnets, json={"share-network-subnet": body})
    assert "no check operation was found" in unchecked.json()["badRequest"]["message"]
    answer = checked(admin, network["id"], "share_network_subnet_create_check", **body)
    assert answer == {"compatible": True, "hosts_check_result": {"manila-ui@gamma": True}}
    added = member.post(subnets, json={"share-network-subnet": body})
    assert added.status_code == 200, added.text
    new_subnet = added.json()["share_network_subnet"]["id"]
    network_status(member, network["id"], "active")
    (server,) = servers_of(admin, network["id"])
    assert new_subnet in server["share_network_subnet_ids"]
    assert len(server["share_network_subnet_ids"]) == 2
    details = admin.get(f"/v2/share-servers/{server['id']}/details").json()["details"]
    assert len(json.loads(details["subnet_allocations"])) == 2
    # A zone without servers needs no check.
    assert check(member, network["id"], "share_network_subnet_create_check",
                 availability_zone="nova-2")["compatible"] is True
    bad = checked(member, network["id"], "share_network_subnet_create_check",
                  availability_zone="nova", neutron_net_id="x", neutron_subnet_id="y")
    assert bad["compatible"] is False
