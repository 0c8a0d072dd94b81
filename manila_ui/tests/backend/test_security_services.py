"""Security services: create per type, the fields each microversion shows,
update and delete, association with share networks, and who sees what.

The password is returned in the detail views exactly as Manila 23 returns
it (to the project's readers and to admins); the dashboard never shows it.
"""

from __future__ import annotations

from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.test_share_networks import create_network


def create_service(api: Api, kind: str = "ldap", version: str | None = "",
                   **fields: Any) -> dict[str, Any]:
    resp = api.post("/v2/security-services", version=version, json={"security_service": {
        "type": kind, "name": f"{kind}-svc", "password": "s3cret", **fields}})
    assert resp.status_code == 200, resp.text
    service: dict[str, Any] = resp.json()["security_service"]
    return service


@pytest.mark.parametrize("kind", ["ldap", "kerberos", "active_directory"])
def test_each_type_is_created_with_manilas_fields(member: Api, kind: str) -> None:
    service = create_service(member, kind, dns_ip="10.0.0.53", server="dc.example.org",
                             domain="example.org", user="admin", ou="OU=shares")

    assert set(service) == {
        "id", "name", "type", "status", "created_at", "updated_at", "description",
        "dns_ip", "server", "domain", "user", "password", "project_id", "ou",
        "default_ad_site"}
    assert (service["type"], service["status"], service["ou"]) == (kind, "new", "OU=shares")
    assert service["password"] == "s3cret"     # as Manila returns it


def test_microversions_add_ou_then_default_ad_site(member: Api) -> None:
    service = create_service(member, "active_directory")
    path = f"/v2/security-services/{service['id']}"

    assert "ou" not in member.get(path, version="2.43").json()["security_service"]
    old = member.get(path, version="2.75").json()["security_service"]
    assert "ou" in old and "default_ad_site" not in old
    refused = member.post("/v2/security-services", version="2.75", json={
        "security_service": {"type": "active_directory", "default_ad_site": "s1"}})
    assert refused.json()["badRequest"]["message"] == (
        '"default_ad_site" is only supported from API version 2.76.')
    both = member.post("/v2/security-services", json={"security_service": {
        "type": "active_directory", "default_ad_site": "s1", "server": "dc1"}})
    assert both.status_code == 400
    site = create_service(member, "active_directory", default_ad_site="site-1")
    assert site["default_ad_site"] == "site-1"


def test_a_wrong_type_is_a_manila_fault(member: Api) -> None:
    resp = member.post("/v2/security-services", json={"security_service": {"type": "nis"}})

    assert resp.json() == {"badRequest": {
        "code": 400, "message": "Invalid input received: Invalid type nis specified for "
                                "security service. Valid types are "
                                "active_directory,ldap,kerberos."}}
    assert member.post("/v2/security-services", json={"service": {}}).status_code == 422


def test_lists_summary_detail_and_filters(member: Api) -> None:
    ldap = create_service(member, "ldap", name="find-me", server="ldap.example.org")
    create_service(member, "kerberos", name="other")

    summary = member.get("/v2/security-services").json()["security_services"]
    detail = member.get("/v2/security-services/detail?name=find-me").json()[
        "security_services"]

    assert {s["id"] for s in summary} >= {ldap["id"]}
    assert set(summary[0]) == {"id", "name", "type", "status"}
    assert [s["id"] for s in detail] == [ldap["id"]]
    assert detail[0]["share_networks"] == []
    assert member.get("/v2/security-services?type=kerberos").json()[
        "security_services"][0]["type"] == "kerberos"


def test_pages_for_members_but_limit_is_a_filter_for_admins(member: Api,
                                                           admin: Api) -> None:
    # Manila 23 strips unknown keys from a member's query only: an admin's
    # ``limit``/``offset`` are compared with the services' fields.
    create_service(member, "ldap", name="paged")
    create_service(member, "kerberos", name="paged")
    query = "/v2/security-services/detail?name=paged"

    assert len(member.get(query + "&limit=1").json()["security_services"]) == 1
    assert len(member.get(query + "&limit=1&offset=1").json()["security_services"]) == 1
    assert len(admin.get(query + "&all_tenants=1").json()["security_services"]) >= 2
    assert admin.get(query + "&all_tenants=1&limit=5").json()["security_services"] == []
    assert admin.get(query + "&offset=0").json()["security_services"] == []


def test_update_and_delete(member: Api) -> None:
    service = create_service(member)
    path = f"/v2/security-services/{service['id']}"

    updated = member.put(path, json={"security_service": {
        "name": "renamed", "password": "n3w"}}).json()["security_service"]
    assert (updated["name"], updated["password"]) == ("renamed", "n3w")
    assert member.put(path, json={"security_service": {"type": "nis"}}).status_code == 400
    assert member.delete(path).status_code == 202
    assert member.get(path).json() == {"itemNotFound": {
        "code": 404, "message": "The resource could not be found."}}


def test_association_with_a_share_network(member: Api) -> None:
    network = create_network(member)
    ldap = create_service(member, "ldap")
    another = create_service(member, "ldap", name="second")
    action = f"/v2/share-networks/{network['id']}/action"

    added = member.post(action, json={"add_security_service": {
        "security_service_id": ldap["id"]}})
    assert added.status_code == 200, added.text
    same_type = member.post(action, json={"add_security_service": {
        "security_service_id": another["id"]}})
    assert same_type.status_code == 409
    assert "Security service with 'ldap' type already added" in same_type.json()[
        "conflictingRequest"]["message"]
    assert member.post(action, json={"add_security_service": {}}).status_code == 400
    listed = member.get(f"/v2/security-services?share_network_id={network['id']}").json()
    assert [s["id"] for s in listed["security_services"]] == [ldap["id"]]
    detail = member.get("/v2/security-services/detail?name=ldap-svc").json()
    assert network["id"] in detail["security_services"][0]["share_networks"]
    in_use = member.delete(f"/v2/security-services/{ldap['id']}")
    assert in_use.json() == {"forbidden": {
        "code": 403, "message": "Cannot delete security service. It is assigned to share "
                                "network(s)"}}
    removed = member.post(action, json={"remove_security_service": {
        "security_service_id": ldap["id"]}})
    assert removed.status_code == 200
    again = member.post(action, json={"remove_security_service": {
        "security_service_id": ldap["id"]}})
    assert again.status_code == 400
    assert "No association defined" in again.json()["badRequest"]["message"]


def test_tenant_isolation(member: Api, other: Api, reader: Api, admin: Api) -> None:
    service = create_service(member)
    path = f"/v2/security-services/{service['id']}"

    refused = other.get(path)
    assert refused.json() == {"forbidden": {
        "code": 403, "message": "Policy doesn't allow security_service:show to be "
                                "performed."}}
    assert other.put(path, json={"security_service": {"name": "x"}}).status_code == 403
    assert other.delete(path).status_code == 403
    assert service["id"] not in {s["id"] for s in other.get(
        "/v2/security-services?all_tenants=1").json()["security_services"]}
    # Another project cannot attach it to its own network either.
    theirs = create_network(other)
    attach = other.post(f"/v2/share-networks/{theirs['id']}/action", json={
        "add_security_service": {"security_service_id": service["id"]}})
    assert attach.status_code == 404
    assert reader.get(path).status_code == 200
    assert reader.post("/v2/security-services", json={
        "security_service": {"type": "ldap"}}).status_code == 403
    assert service["id"] in {s["id"] for s in admin.get(
        "/v2/security-services?all_tenants=1").json()["security_services"]}
    assert admin.get(path).status_code == 200
