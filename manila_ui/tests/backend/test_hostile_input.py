"""Hostile or careless input gets a short 400 (or Manila's own answer),
never a 500: the eleven causes of issue 11 §2, each as a client meets it.
test_fuzz.py looks for the ones nobody has named yet."""

from __future__ import annotations

import http.client
import json
from typing import Any

import pytest
import requests

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend

DECODING = ("Error decoding your request. Either the URL or the request body "
            "contained characters that could not be decoded by Manila.")
UNSTORABLE = ("Invalid input received: a string holds a NUL character or an "
              "unpaired surrogate.")
JSON = {"Content-Type": "application/json"}


def fault(resp: requests.Response) -> tuple[int, str]:
    ((_, detail),) = resp.json().items()
    return resp.status_code, detail["message"]


def test_a_version_with_thousands_of_digits_is_not_supported(member: Api) -> None:
    resp = member.get("/v2/shares", version="2." + "9" * 5000)
    status, message = fault(resp)
    assert status == 406
    assert message.startswith("Version 2.999") and message.endswith(
        "is not supported by the API. Minimum is 2.0 and maximum is 2.99.")
    assert len(resp.content) < 600
    assert "X-OpenStack-Manila-API-Version" not in resp.headers


@pytest.mark.parametrize("body", [b"[" * 100_000, b'{"a":' * 20_000],
                         ids=["arrays", "objects"])
def test_deeply_nested_json_is_a_malformed_body(member: Api, body: bytes) -> None:
    resp = member.post("/v2/shares", data=body, headers=JSON)
    assert fault(resp) == (400, "Malformed request body")


@pytest.mark.parametrize("path", [
    "/v2/shares", "/v2/shares/detail", "/v2/snapshots", "/v2/types", "/v2/share-networks",
    "/v2/security-services", "/v2/quota-sets/{project}", "/v2/share-access-rules",
    "/v2/messages", "/v2/resource-locks", "/v2/share-transfers"])
def test_a_query_that_is_not_utf8_is_refused_on_every_list(member: Api, path: str) -> None:
    resp = member.get(path.format(project=member.project) + "?name=%FF")
    assert fault(resp) == (400, DECODING)


def test_a_path_that_is_not_utf8_is_refused(member: Api) -> None:
    assert fault(member.get("/v2/shares/%FF")) == (400, DECODING)
    assert fault(member.get("/v2/shares/%ED%A0%80")) == (400, DECODING)


@pytest.mark.parametrize("path,body", [
    ("/v2/shares", b'{"share": {"share_proto": "NFS", "size": 1, "name": "\\ud800"}}'),
    ("/v2/shares", b'{"share": {"share_proto": "NFS", "size": 1, "name": "a\\u0000b"}}'),
    ("/v2/share-networks", b'{"share_network": {"description": "x\\udfff"}}'),
    ("/v2/security-services", b'{"security_service": {"type": "ldap", "\\ud800": "x"}}'),
])
def test_strings_no_database_stores_are_refused(member: Api, path: str,
                                                body: bytes) -> None:
    assert fault(member.post(path, data=body, headers=JSON)) == (400, UNSTORABLE)


def test_an_offset_past_every_row_is_an_empty_page(member: Api) -> None:
    member.create_share()
    # Manila applies an offset only with a limit (alone, it lists everything).
    resp = member.get(f"/v2/shares/detail?limit=1&offset={2 ** 63}")
    assert resp.status_code == 200 and resp.json()["shares"] == []
    everything = member.get("/v2/shares/detail").json()["shares"]
    assert member.get(f"/v2/shares/detail?offset={2 ** 63}").json()["shares"] == everything


@pytest.mark.parametrize("path,entity", [("/v2/quota-sets/{project}", "quota_set"),
                                         ("/v2/quota-class-sets/default",
                                          "quota_class_set")])
def test_a_quota_beyond_what_manila_stores_is_refused(admin: Api, project: str,
                                                      path: str, entity: str) -> None:
    url = path.format(project=project)
    assert fault(admin.put(url, json={entity: {"shares": 10 ** 30}})) == (
        400, "Invalid input received: Quota limit should not exceed 2147483647.")
    resp = admin.put(url, data=b'{"%s": {"shares": 1e999}}' % entity.encode(),
                     headers=JSON)
    assert fault(resp) == (400, "Malformed request body")


def test_a_snapshot_managed_with_a_number_for_a_name_keeps_it_as_text(
        admin: Api, member: Api) -> None:
    share = member.available_share()
    body = {"snapshot": {"share_id": share["id"], "provider_location": "p1",
                         "name": 10 ** 30}}
    resp = admin.post("/v2/snapshots/manage", json=body)
    assert resp.status_code == 202, resp.text
    assert resp.json()["snapshot"]["name"] == str(10 ** 30)
    resp = admin.post("/v2/snapshots/manage", json={"snapshot": {
        "share_id": share["id"], "provider_location": "p2", "name": {"a": 1}}})
    assert fault(resp) == (400, "Invalid input received: name must be a string.")


@pytest.mark.parametrize("size", ["\u00b2", "9" * 5000])
def test_a_share_size_that_is_no_plain_number_is_refused(member: Api, size: str) -> None:
    resp = member.post("/v2/shares", json={"share": {"share_proto": "NFS", "size": size}})
    status, message = fault(resp)
    assert status == 400
    assert message.startswith("Invalid input received: Share size '")
    assert message.endswith("' must be an integer and greater than 0.")
    assert len(message) < 400


@pytest.mark.parametrize("size", ["%C2%B2", "9" * 3000])
def test_a_snapshot_size_filter_that_is_no_plain_number_is_refused(
        member: Api, size: str) -> None:
    status, message = fault(member.get(f"/v2/snapshots?size={size}"))
    assert status == 400 and message.startswith("Invalid input for query parameters size.")
    assert len(message) < 700


@pytest.mark.parametrize("key,value", [(key, value) for key in ("anonuid", "anongid",
                                                                "priority")
                                       for value in ("\u00b2", "9" * 1000)])
def test_rule_attributes_that_are_no_plain_number_are_refused(
        member: Api, key: str, value: str) -> None:
    share = member.available_share()
    metadata: dict[str, Any] = {key: value}
    if key != "priority":
        metadata["squash"] = "root_squash"
    resp = member.action(share["id"], "allow_access", {
        "access_type": "ip", "access_to": "10.0.0.1", "access_level": "rw",
        "metadata": metadata}, version="2.45")
    status, message = fault(resp)
    assert status == 400
    assert message.startswith(f"Invalid access rule metadata: {key} must be an integer")


@pytest.mark.parametrize("value,words", [("\u00b2", "share_size must be an integer"),
                                         ("9" * 5000, "share_size must be an integer"),
                                         ("0", "share_size must be >= 1")])
def test_a_size_extra_spec_that_is_no_plain_number_is_refused(
        admin: Api, value: str, words: str) -> None:
    resp = admin.post("/v2/types", json={"share_type": {
        "name": "sized-" + str(len(value)) + value[:1], "extra_specs": {
            "driver_handles_share_servers": False, "provisioning:max_share_size": value}}})
    assert fault(resp) == (400, words)
    type_id = admin.get("/v2/types/default").json()["share_type"]["id"]
    resp = admin.post(f"/v2/types/{type_id}/extra_specs", json={
        "extra_specs": {"provisioning:max_share_size": value}})
    assert fault(resp) == (400, words)
    # ... so creating shares of the type still works.
    admin.create_share()


def test_a_garbled_used_space_hint_does_not_wedge_a_shrink(member: Api) -> None:
    share = member.available_share(size=3, metadata={
        "simulated_driver:used_gb": "\u00b2"})
    assert member.action(share["id"], "shrink", {"new_size": 2}).status_code == 202
    shrunk = member.wait_status(share["id"], "available")
    assert shrunk["size"] == 2


def test_a_refusal_quotes_little_of_the_input(member: Api) -> None:
    share = member.available_share()
    resp = member.post("/v2/resource-locks", json={"resource_lock": {
        "resource_id": share["id"], "lock_reason": "x" * 100_000}}, version="2.81")
    status, message = fault(resp)
    assert status == 400 and message.startswith(
        "Invalid input for field/attribute lock_reason. Value: xxx")
    assert len(resp.content) < 1200


def test_a_body_larger_than_manila_takes_is_refused_before_it_is_read(
        member: Api, backend: Backend) -> None:
    resp = member.post("/v2/resource-locks", json={"resource_lock": {
        "resource_id": "x", "lock_reason": "x" * 1_000_000}}, version="2.81")
    assert resp.status_code == 413
    assert resp.json() == {
        "message": "Request is too large. Larger than max_request_body_size (114688).",
        "code": "413 Request Entity Too Large", "title": "Request Entity Too Large"}


def test_a_chunked_body_larger_than_manila_takes_is_refused(member: Api,
                                                            backend: Backend) -> None:
    # No Content-Length to refuse it by: the limit holds while it is read.
    conn = http.client.HTTPConnection("127.0.0.1", backend.port, timeout=30)
    chunks = [b'{"share": {"share_proto": "NFS", "size": 1, "description": "'] + \
        [b"x" * 10_000] * 20 + [b'"}}']
    conn.request("POST", "/v2/shares", body=iter(chunks), encode_chunked=True, headers={
        "X-Auth-Token": member.http.headers["X-Auth-Token"], **JSON})
    resp = conn.getresponse()
    assert resp.status == 413
    assert json.loads(resp.read())["title"] == "Request Entity Too Large"
    conn.close()


def test_a_share_managed_with_an_object_for_a_name_is_refused(admin: Api) -> None:
    # Found by test_fuzz: the object reached the database (a 500).
    resp = admin.post("/v2/shares/manage", json={"share": {
        "export_path": "10.0.0.10:/shares/share_00000000-0000-0000-0000-00000000abcd",
        "service_host": "manila-ui@alpha#pool_alpha", "protocol": "NFS",
        "name": {"k": "v"}}})
    assert fault(resp) == (400, "Invalid input received: name must be a string.")
