"""Share networks and subnets: create, show by microversion, list and
filter, update, delete, subnets one per zone (2.51) or several (2.70),
subnet metadata (2.78), quotas, and who sees what."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend

NET_ID = "8e0b8c66-8d5c-4c10-9e2a-3fb5c6f0c111"
SUBNET_ID = "4f4c1b0e-7f0a-4a41-8b6e-4b8d5f0b2222"


def create_network(api: Api, version: str | None = "", **fields: Any) -> dict[str, Any]:
    resp = api.post("/v2/share-networks", version=version,
                    json={"share_network": {"name": "net", **fields}})
    assert resp.status_code == 200, resp.text
    network: dict[str, Any] = resp.json()["share_network"]
    return network


def test_create_makes_a_first_subnet_in_the_zone(member: Api) -> None:
    network = create_network(member, name="n1", description="d",
                             availability_zone="nova")

    assert set(network) == {
        "id", "name", "project_id", "created_at", "updated_at", "description",
        "status", "security_service_update_support",
        "network_allocation_update_support", "share_network_subnets"}
    assert (network["name"], network["status"]) == ("n1", "active")
    assert network["security_service_update_support"] is True
    (subnet,) = network["share_network_subnets"]
    assert subnet["availability_zone"] == "nova"
    assert set(subnet) == {"id", "availability_zone", "created_at", "updated_at",
                           "segmentation_id", "neutron_net_id", "neutron_subnet_id",
                           "ip_version", "cidr", "network_type", "mtu", "gateway",
                           "metadata"}


@pytest.mark.parametrize(("version", "keys"), [
    ("2.0", {"nova_net_id", "neutron_net_id", "cidr"}),
    ("2.26", {"gateway", "mtu", "neutron_net_id"}),
    ("2.51", {"share_network_subnets"}),
    ("2.63", {"status", "security_service_update_support", "share_network_subnets"}),
    ("2.70", {"network_allocation_update_support"}),
])
def test_the_view_follows_the_microversion(member: Api, version: str,
                                           keys: set[str]) -> None:
    network = create_network(member, neutron_net_id=NET_ID, neutron_subnet_id=SUBNET_ID)
    shown = member.get(f"/v2/share-networks/{network['id']}", version=version).json()
    view = shown["share_network"]

    assert keys <= set(view)
    if version < "2.51":
        assert "share_network_subnets" not in view
        assert view["neutron_net_id"] == NET_ID   # the default subnet's
    else:
        assert "neutron_net_id" not in view
        assert "metadata" not in view["share_network_subnets"][0]
    if version == "2.26":
        assert "nova_net_id" not in view


def test_bad_input_is_a_manila_fault(member: Api) -> None:
    def post(body: Any, version: str | None = "") -> Any:
        return member.post("/v2/share-networks", json=body, version=version)

    only_net = post({"share_network": {"neutron_net_id": NET_ID}})
    assert only_net.status_code == 400
    assert "both neutron_net_id and neutron_subnet_id" in only_net.json()["badRequest"][
        "message"]
    zone = post({"share_network": {"availability_zone": "atlantis"}})
    assert zone.json() == {"badRequest": {
        "code": 400, "message": "The provided availability zone atlantis does not exist."}}
    assert post({"share_network": {"nova_net_id": "x"}}).status_code == 400
    assert post({"network": {}}).status_code == 422
    assert post({"share_network": {"name": "x" * 256}}).status_code == 400
    # Manila answers these with a 500; here they are refused with a reason.
    assert post({"share_network": {"availability_zone": "nova"}},
                version="2.50").status_code == 400


def test_neutron_ids_are_opaque_to_the_api(member: Api) -> None:
    """As in Manila: the API stores any id; the network plugin judges them
    when a share server is set up (test_share_servers.py)."""
    network = create_network(member, neutron_net_id="not-a-uuid",
                             neutron_subnet_id="nor-this")

    (subnet,) = network["share_network_subnets"]
    assert (subnet["neutron_net_id"], subnet["neutron_subnet_id"]) == (
        "not-a-uuid", "nor-this")


def test_name_filters_are_plain_substrings(member: Api) -> None:
    tag = "tag" + uuid.uuid4().hex[:6]
    create_network(member, name=f"alpha-{tag}(x)", description="first one")
    create_network(member, name=f"beta-{tag}", description="second")

    def names(query: str, version: str = "2.98") -> list[str]:
        resp = member.get(f"/v2/share-networks/detail?{query}", version=version)
        assert resp.status_code == 200, resp.text
        return sorted(n["name"] for n in resp.json()["share_networks"])

    assert names(f"name~={tag}") == [f"alpha-{tag}(x)", f"beta-{tag}"]
    assert names("name~=(x)") == [f"alpha-{tag}(x)"]          # no regex
    assert names("name~=(") == [f"alpha-{tag}(x)"]
    assert names("name~=.*") == []
    assert names(f"name~={tag.upper()}") == []                  # case counts
    assert names("description~=econ") == [f"beta-{tag}"]
    assert names(f"name=beta-{tag}") == [f"beta-{tag}"]
    # Before 2.36 there is no "like" filter: the key matches nothing.
    assert names(f"name~={tag}", version="2.35") == []
    # Like Manila, a parameter it does not know filters everything out.
    assert names("sort_key=name") == []


def test_list_pages_and_the_summary_view(member: Api) -> None:
    for i in range(3):
        create_network(member, name=f"page-{i}")

    everything = member.get("/v2/share-networks").json()["share_networks"]
    page = member.get("/v2/share-networks?limit=2&offset=1").json()["share_networks"]

    assert set(everything[0]) == {"id", "name"}
    assert page == everything[1:3]
    assert member.get("/v2/share-networks?limit=x").status_code == 400
    assert member.get("/v2/share-networks?created_since=yesterday").status_code == 400


def test_update_name_description_and_the_default_subnet(member: Api) -> None:
    network = create_network(member)
    path = f"/v2/share-networks/{network['id']}"

    only_one = member.put(path, json={"share_network": {"neutron_net_id": NET_ID}})
    assert only_one.status_code == 400
    assert "specify both" in only_one.json()["badRequest"]["message"]
    resp = member.put(path, json={"share_network": {
        "name": "renamed", "description": "new", "neutron_net_id": NET_ID,
        "neutron_subnet_id": SUBNET_ID}})
    assert resp.status_code == 200, resp.text
    view = resp.json()["share_network"]
    assert (view["name"], view["description"]) == ("renamed", "new")
    assert view["share_network_subnets"][0]["neutron_net_id"] == NET_ID
    assert member.put(path, json={"x": 1}).status_code == 422


def test_subnets_one_per_zone_until_2_70(member: Api) -> None:
    network = create_network(member)
    subnets = f"/v2/share-networks/{network['id']}/subnets"

    def add(version: str, **fields: Any) -> Any:
        return member.post(subnets, version=version,
                           json={"share-network-subnet": fields})

    first = add("2.69", availability_zone="nova-2")
    assert first.status_code == 200, first.text
    assert first.json()["share_network_subnet"]["share_network_name"] == "net"
    again = add("2.69", availability_zone="nova-2")
    assert again.status_code == 409
    assert "Only one share network subnet is allowed per availability zone" in \
        again.json()["conflictingRequest"]["message"]
    assert add("2.70", availability_zone="nova-2").status_code == 200
    assert add("2.70", availability_zone="atlantis").status_code == 400
    assert member.post(subnets, json={"subnet": {}}).status_code == 400
    listed = member.get(subnets).json()["share_network_subnets"]
    assert sorted(str(s["availability_zone"]) for s in listed) == [
        "None", "nova-2", "nova-2"]
    assert member.get(subnets, version="2.50").status_code == 404


def test_subnet_metadata_from_2_78(member: Api) -> None:
    network = create_network(member)
    subnets = f"/v2/share-networks/{network['id']}/subnets"
    created = member.post(subnets, json={"share-network-subnet": {
        "availability_zone": "nova", "metadata": {"team": "storage"}}})
    assert created.status_code == 200, created.text
    subnet = created.json()["share_network_subnet"]
    metadata = f"{subnets}/{subnet['id']}/metadata"

    assert subnet["metadata"] == {"team": "storage"}
    assert member.post(metadata, json={"metadata": {"tier": "gold"}}).json() == {
        "metadata": {"team": "storage", "tier": "gold"}}
    assert member.get(f"{metadata}/tier").json() == {"meta": {"tier": "gold"}}
    assert member.put(metadata, json={"metadata": {"only": "this"}}).json() == {
        "metadata": {"only": "this"}}
    assert member.delete(f"{metadata}/only").status_code == 200
    assert member.delete(f"{metadata}/only").status_code == 404
    assert member.get(metadata, version="2.77").status_code == 404
    blank = member.post(metadata, json={"metadata": {"k": ""}})
    assert blank.json()["badRequest"]["message"] == "Metadata property value is blank."
    # One key, as Manila's generic metadata controller: a "metadata" body, no PUT route.
    assert member.post(f"{metadata}/one", json={"metadata": {"one": "1"}}).json() == {
        "metadata": {"one": "1"}}
    assert member.post(f"{metadata}/one", json={"meta": {"one": "2"}}).status_code == 400
    assert member.put(f"{metadata}/one", json={"metadata": {"one": "3"}}).status_code == 404
    missing = f"{subnets}/{uuid.uuid4()}/metadata"
    assert member.get(missing).json()["itemNotFound"]["message"] == (
        "Share_network_subnet not found.")


def test_a_subnet_shows_under_another_network_of_its_project(member: Api, other: Api) -> None:
    # Manila's show looks the subnet up by its id alone; the owner's other
    # network in the URL shows it, another project's network does not.
    network, second, foreign = create_network(member), create_network(member), \
        create_network(other)
    created = member.post(f"/v2/share-networks/{network['id']}/subnets",
                          json={"share-network-subnet": {"availability_zone": "nova"}})
    subnet_id = created.json()["share_network_subnet"]["id"]

    shown = member.get(f"/v2/share-networks/{second['id']}/subnets/{subnet_id}")
    assert shown.json()["share_network_subnet"]["share_network_id"] == network["id"]
    assert other.get(f"/v2/share-networks/{foreign['id']}/subnets/{subnet_id}"
                     ).status_code == 404


def test_delete_a_network_and_its_subnets(member: Api) -> None:
    network = create_network(member)
    path = f"/v2/share-networks/{network['id']}"
    extra = member.post(f"{path}/subnets", json={"share-network-subnet": {
        "availability_zone": "nova"}}).json()["share_network_subnet"]

    two = member.delete(path)
    assert two.status_code == 409
    assert "more than one subnet" in two.json()["conflictingRequest"]["message"]
    assert member.delete(f"{path}/subnets/{extra['id']}").status_code == 202
    assert member.delete(f"{path}/subnets/{extra['id']}").status_code == 404
    assert member.delete(path).status_code == 202
    assert member.get(path).json() == {"itemNotFound": {
        "code": 404, "message": f"Share network {network['id']} could not be found."}}


def test_quota_of_share_networks(start_backend: Any) -> None:
    small: Backend = start_backend(**{"quota.share_networks": "1"})
    api = small.api("q", uuid.uuid4().hex)

    create_network(api)
    refused = api.post("/v2/share-networks", json={"share_network": {}})

    assert refused.status_code == 413
    assert refused.json()["overLimit"]["message"] == (
        "ShareNetworksLimitExceeded: Maximum number of share-networks allowed (1) "
        "exceeded.")
    limits = api.get("/v2/limits").json()["limits"]["absolute"]
    assert (limits["maxTotalShareNetworks"], limits["totalShareNetworksUsed"]) == (1, 1)


def test_tenant_isolation(member: Api, other: Api, reader: Api, admin: Api) -> None:
    network = create_network(member, name="private")
    path = f"/v2/share-networks/{network['id']}"

    assert other.get(path).status_code == 404
    assert other.put(path, json={"share_network": {"name": "mine"}}).status_code == 404
    assert other.delete(path).status_code == 404
    assert other.get(f"{path}/subnets").status_code == 404
    assert network["id"] not in {
        n["id"] for n in other.get("/v2/share-networks?all_tenants=1").json()[
            "share_networks"]}
    action = other.post(f"{path}/action", json={"remove_security_service": {
        "security_service_id": NET_ID}})
    assert action.json()["itemNotFound"]["message"] == (
        f"ShareNetworkNotFound: Share network {network['id']} could not be found.")
    assert reader.get(path).status_code == 200
    refused = reader.post("/v2/share-networks", json={"share_network": {}})
    assert refused.json() == {"forbidden": {
        "code": 403, "message": "Policy doesn't allow share_network:create to be "
                                "performed."}}
    assert reader.delete(path).status_code == 403
    mine = admin.get(f"/v2/share-networks?project_id={member.project}").json()
    assert [n["id"] for n in mine["share_networks"]] == [network["id"]]
    everyone = admin.get("/v2/share-networks?all_tenants=1").json()["share_networks"]
    assert network["id"] in {n["id"] for n in everyone}
    assert network["id"] not in {
        n["id"] for n in admin.get("/v2/share-networks").json()["share_networks"]}


def test_reset_status_is_for_admins(member: Api, admin: Api) -> None:
    network = create_network(member)
    action = f"/v2/share-networks/{network['id']}/action"

    assert member.post(action, json={"reset_status": {"status": "error"}}).status_code \
        == 403
    assert admin.post(action, json={"reset_status": {"status": "bogus"}}).status_code \
        == 400
    assert admin.post(action, json={"reset_status": {"status": "error"}},
                      version="2.62").status_code == 404
    assert admin.post(action, json={"reset_status": {"status": "error"}}).status_code \
        == 202
    shown = member.get(f"/v2/share-networks/{network['id']}").json()["share_network"]
    assert shown["status"] == "error"
