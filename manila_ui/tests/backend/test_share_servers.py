"""DHSS=True: shares on share networks get share servers, which admins
list, delete, reset, unmanage and manage again (the two-step manage flow:
the server first, then its shares)."""

from __future__ import annotations

import json
from typing import Any

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import wait_until
from manila_ui.tests.backend.test_security_services import create_service
from manila_ui.tests.backend.test_share_networks import NET_ID
from manila_ui.tests.backend.test_share_networks import SUBNET_ID
from manila_ui.tests.backend.test_share_networks import create_network

GAMMA = "manila-ui@gamma"


def dhss_share(api: Api, network_id: str, **fields: Any) -> dict[str, Any]:
    return api.create_share(share_type="dhss_true", share_network_id=network_id, **fields)


def servers_of(admin: Api, network_id: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = admin.get(
        f"/v2/share-servers?share_network_id={network_id}").json()["share_servers"]
    return found


def server_status(admin: Api, server_id: str, status: str) -> dict[str, Any]:
    def reached() -> dict[str, Any] | None:
        resp = admin.get(f"/v2/share-servers/{server_id}")
        if status == "gone":
            return {"gone": True} if resp.status_code == 404 else None
        server: dict[str, Any] = resp.json()["share_server"]
        return server if server["status"] == status else None
    found: dict[str, Any] = wait_until(reached, what=f"server {server_id} {status}")
    return found


def messages_of(api: Api, resource_id: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = api.get(
        f"/v2/messages?resource_id={resource_id}").json()["messages"]
    return found


def test_a_dhss_share_gets_a_server_and_exports_on_it(member: Api, admin: Api) -> None:
    network = create_network(member, availability_zone="nova")
    ldap = create_service(member, "ldap", server="ldap.example.org")
    member.post(f"/v2/share-networks/{network['id']}/action", json={
        "add_security_service": {"security_service_id": ldap["id"]}})

    share = dhss_share(member, network["id"])
    assert share["share_network_id"] == network["id"]
    available = member.wait_status(share["id"], "available")
    second = dhss_share(member, network["id"])
    member.wait_status(second["id"], "available")

    (server,) = servers_of(admin, network["id"])      # reused for the second share
    assert (server["host"], server["status"], server["is_auto_deletable"]) == (
        GAMMA, "active", True)
    assert server["project_id"] == member.project
    assert server["share_network_subnet_ids"] == [
        network["share_network_subnets"][0]["id"]]
    on_server = admin.get(f"/v2/shares?all_tenants=1&share_server_id={server['id']}")
    assert {s["id"] for s in on_server.json()["shares"]} == {share["id"], second["id"]}
    as_admin = admin.get(f"/v2/shares/{share['id']}").json()["share"]
    assert as_admin["share_server_id"] == server["id"]
    assert as_admin["host"] == f"{GAMMA}#pool_gamma"
    assert available["availability_zone"] == "nova"
    details = admin.get(f"/v2/share-servers/{server['id']}/details").json()["details"]
    allocations = json.loads(details["subnet_allocations"])
    paths = [el["path"] for el in member.get(
        f"/v2/shares/{share['id']}/export_locations").json()["export_locations"]]
    assert paths[0].startswith(allocations[0]["primary_public_ip"] + ":/shares/")
    assert any(p.startswith(f"[{allocations[0]['secondary_public_ip']}]") for p in paths)
    admin_paths = admin.get(f"/v2/shares/{share['id']}/export_locations").json()
    assert any(el["is_admin_only"] and el["path"].startswith(details["service_ip"])
               for el in admin_paths["export_locations"])
    # The security service is set up on the server, its password is not shown.
    assert "s3cret" not in json.dumps(details)
    assert json.loads(details["security_service_ldap"])["server"] == "ldap.example.org"
    # The subnet now tells what it is (network details for admins only).
    subnet = member.get(f"/v2/share-networks/{network['id']}").json()[
        "share_network"]["share_network_subnets"][0]
    assert (subnet["cidr"], subnet["ip_version"], subnet["mtu"]) == ("10.0.0.0/24", 4, 1500)
    assert subnet["network_type"] is None and subnet["segmentation_id"] is None
    as_admin_subnet = admin.get(f"/v2/share-networks/{network['id']}").json()[
        "share_network"]["share_network_subnets"][0]
    assert (as_admin_subnet["network_type"], as_admin_subnet["segmentation_id"]) == (
        "vlan", 1010)
    # In use: neither the network nor its subnet go, nor the server.
    in_use = member.delete(f"/v2/share-networks/{network['id']}")
    assert in_use.json()["conflictingRequest"]["message"] == (
        f"Can not delete share network {network['id']}, it has 2 share(s).")
    assert member.delete(f"/v2/share-networks/{network['id']}/subnets/{subnet['id']}") \
        .status_code == 409
    assert admin.delete(f"/v2/share-servers/{server['id']}").json() == {
        "conflictingRequest": {"code": 409,
                               "message": f"Share server {server['id']} is in use."}}
    update = member.put(f"/v2/share-networks/{network['id']}", json={
        "share_network": {"neutron_net_id": NET_ID, "neutron_subnet_id": SUBNET_ID}})
    assert update.status_code == 403
    # Once its shares are gone, the network goes and takes the server along.
    for made in (share, second):
        member.delete(f"/v2/shares/{made['id']}")
        member.wait_gone(made["id"])
    assert member.delete(f"/v2/share-networks/{network['id']}").status_code == 202
    server_status(admin, server["id"], "gone")


def test_creating_without_a_network_or_with_a_dhss_false_type(member: Api) -> None:
    refused = member.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 1, "share_type": "dhss_true"}})
    assert refused.json() == {"badRequest": {
        "code": 400, "message": "Share network must be set when the "
                                "driver_handles_share_servers is true."}}

    network = create_network(member)
    share = member.create_share(share_type="dhss_false", share_network_id=network["id"])
    member.wait_status(share["id"], "error")
    (message,) = messages_of(member, share["id"])
    assert (message["action_id"], message["detail_id"]) == ("002", "003")


def test_bad_neutron_ids_fail_the_server_with_manilas_message(member: Api,
                                                              admin: Api) -> None:
    network = create_network(member, neutron_net_id="not-a-uuid",
                             neutron_subnet_id="nor-this")
    share = dhss_share(member, network["id"])

    member.wait_status(share["id"], "error")
    (message,) = messages_of(member, share["id"])
    assert (message["action_id"], message["detail_id"]) == ("002", "004")
    assert message["user_message"].startswith(
        "create: Could not find an existing share server or allocate one")
    (server,) = servers_of(admin, network["id"])
    assert server["status"] == "error"


def test_share_network_checks_at_create(member: Api, other: Api, admin: Api) -> None:
    network = create_network(member, availability_zone="nova-2")
    assert member.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 1, "share_type": "dhss_true",
        "share_network_id": network["id"], "availability_zone": "nova"}}).json() == {
        "badRequest": {"code": 400, "message": "A share network subnet was not found for "
                                               "the requested availability zone."}}
    # Another project's network does not exist for the caller.
    assert other.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 1, "share_type": "dhss_true",
        "share_network_id": network["id"]}}).status_code == 404
    admin.post(f"/v2/share-networks/{network['id']}/action",
               json={"reset_status": {"status": "error"}})
    inactive = member.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 1, "share_type": "dhss_true",
        "share_network_id": network["id"]}})
    assert "isn't in an 'active' state" in inactive.json()["badRequest"]["message"]
    admin.post(f"/v2/share-networks/{network['id']}/action",
               json={"reset_status": {"status": "active"}})
    # Only gamma (first zone) handles share servers: no subnet serves it.
    share = dhss_share(member, network["id"])
    member.wait_status(share["id"], "error")
    assert messages_of(member, share["id"])[0]["detail_id"] == "007"


def test_only_admins_see_servers(member: Api, admin: Api) -> None:
    assert member.get("/v2/share-servers").json() == {"forbidden": {
        "code": 403, "message": "Access was denied to this resource."}}
    assert admin.get("/v2/share-servers").status_code == 200
    assert admin.get("/v2/share-servers/00000000-0000-4000-8000-000000000000") \
        .status_code == 404


def test_reset_status_and_delete_an_unused_server(member: Api, admin: Api) -> None:
    network = create_network(member)
    share = dhss_share(member, network["id"])
    member.wait_status(share["id"], "available")
    (server,) = servers_of(admin, network["id"])
    action = f"/v2/share-servers/{server['id']}/action"

    assert admin.post(action, json={"reset_status": {"status": "bogus"}}).status_code \
        == 400
    assert admin.post(action, json={"reset_status": {"status": "error"}},
                      version="2.48").status_code == 404
    assert admin.post(action, json={"reset_status": {"status": "inactive"}}) \
        .status_code == 202
    refused = admin.delete(f"/v2/share-servers/{server['id']}")
    assert refused.status_code == 403
    assert "allowed statuses for deletion are ['error', 'active']" in refused.json()[
        "forbidden"]["message"]
    admin.post(action, json={"reset_status": {"status": "active"}})
    member.delete(f"/v2/shares/{share['id']}")
    member.wait_gone(share["id"])
    assert admin.delete(f"/v2/share-servers/{server['id']}").status_code == 202
    server_status(admin, server["id"], "gone")


def test_unmanage_then_manage_the_server_and_its_share(member: Api, admin: Api) -> None:
    """The two-step flow: the server first, then its shares."""
    network = create_network(member, availability_zone="nova")
    subnet_id = network["share_network_subnets"][0]["id"]
    share = dhss_share(member, network["id"], name="precious")
    member.wait_status(share["id"], "available")
    (server,) = servers_of(admin, network["id"])
    path = [el["path"] for el in member.get(
        f"/v2/shares/{share['id']}/export_locations").json()["export_locations"]
        if el["preferred"]][0]
    unmanage = f"/v2/share-servers/{server['id']}/action"

    busy = admin.post(unmanage, json={"unmanage": None})
    assert busy.json() == {"badRequest": {
        "code": 400, "message": f"Share server {server['id']} is in use."}}
    assert admin.post(f"/v2/shares/{share['id']}/action",
                      json={"unmanage": None}).status_code == 202
    member.wait_gone(share["id"])
    # The server may now hold data Manila does not know of: never auto-deleted.
    assert admin.get(f"/v2/share-servers/{server['id']}").json()["share_server"][
        "is_auto_deletable"] is False
    assert member.delete(f"/v2/share-networks/{network['id']}").status_code == 409
    assert admin.post(unmanage, json={"unmanage": None}).status_code == 202
    server_status(admin, server["id"], "gone")

    def manage(**fields: Any) -> Any:
        return admin.post("/v2/share-servers/manage", json={"share_server": {
            "host": GAMMA, "share_network_id": network["id"],
            "identifier": server["identifier"], **fields}})

    assert manage().json()["badRequest"]["message"].startswith(
        f"The share network {network['id']} does have a default subnet.")
    assert manage(host=f"{GAMMA}#pool_gamma", share_network_subnet_id=subnet_id) \
        .json()["badRequest"]["message"] == "Host parameter should not contain pool."
    assert manage(host="nowhere@x", share_network_subnet_id=subnet_id).status_code == 400
    assert admin.post("/v2/share-servers/manage", json={"share_server": {
        "host": GAMMA}}).json()["badRequest"]["message"] == (
        "Required parameter share_network_id not found")
    managed = manage(share_network_subnet_id=subnet_id)
    assert managed.status_code == 202, managed.text
    new = managed.json()["share_server"]
    assert (new["status"], new["is_auto_deletable"], new["identifier"]) == (
        "manage_starting", False, server["identifier"])
    server_status(admin, new["id"], "active")
    twice = manage(share_network_subnet_id=subnet_id)
    assert "matches existing share servers" in twice.json()["badRequest"]["message"]

    def manage_share(**fields: Any) -> Any:
        return admin.post("/v2/shares/manage", json={"share": {
            "protocol": "NFS", "export_path": path, "service_host": f"{GAMMA}#pool_gamma",
            "share_type": "dhss_true", "name": "precious", **fields}})

    assert manage_share().json()["badRequest"]["message"].startswith(
        "Invalid input received: Share Server ID parameter is required")
    assert manage_share(share_type="dhss_false", share_server_id=new["id"]).status_code \
        == 400
    again = manage_share(share_server_id=new["id"])
    assert again.status_code == 200, again.text
    back = admin.wait_status(again.json()["share"]["id"], "available")
    assert (back["share_server_id"], back["share_network_id"]) == (new["id"],
                                                                    network["id"])
    details = admin.get(f"/v2/share-servers/{new['id']}/details").json()["details"]
    primary = json.loads(details["subnet_allocations"])[0]["primary_public_ip"]
    exported = admin.get(f"/v2/shares/{back['id']}/export_locations").json()[
        "export_locations"]
    name = path.rsplit("/", 1)[-1]
    assert f"{primary}:/shares/{name}" in [el["path"] for el in exported]
