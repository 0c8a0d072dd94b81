"""An admin defines QoS types and their specs, names one in a share type,
and a member's share of that type records it: the QoS type then stays
until the share is gone; what Manila refuses on the way."""

from __future__ import annotations

import uuid
from typing import Any

from manila_ui.tests.backend.conftest import LATEST
from manila_ui.tests.backend.conftest import Api

UNKNOWN = "00000000-0000-4000-8000-000000000000"


def create_qos(admin: Api, **fields: Any) -> dict[str, Any]:
    fields.setdefault("name", "qos-" + uuid.uuid4().hex[:8])
    resp = admin.post("/v2/qos-types", version=LATEST, json={"qos_type": fields})
    assert resp.status_code == 200, resp.text
    found: dict[str, Any] = resp.json()["qos_type"]
    return found


def message(resp: Any) -> str:
    return str(next(iter(resp.json().values()))["message"])


def test_an_admin_defines_a_qos_type_and_its_specs(admin: Api, member: Api) -> None:
    qos = create_qos(admin, description="Gold", specs={"max_iops": "100"})
    path = f"/v2/qos-types/{qos['id']}"

    assert set(qos) == {"id", "name", "description", "specs", "created_at", "updated_at"}
    assert (qos["specs"], qos["updated_at"]) == ({"max_iops": "100"}, None)
    assert member.get(path, version=LATEST).json()["qos_type"]["name"] == qos["name"]
    assert member.get(path, version="2.93").status_code == 404
    changed = admin.put(path, version=LATEST,
                        json={"qos_type": {"description": "Golden", "name": "ignored"}})
    assert changed.json()["qos_type"]["description"] == "Golden"
    assert changed.json()["qos_type"]["name"] == qos["name"]

    added = admin.post(path + "/specs", version=LATEST,
                       json={"specs": {"max_iops": "150", "peak_iops": "300"}})
    assert added.json() == {"specs": {"max_iops": "150", "peak_iops": "300"}}
    assert admin.put(path + "/specs/peak_iops", version=LATEST,
                     json={"peak_iops": "400"}).json() == {"peak_iops": "400"}
    assert admin.get(path + "/specs/peak_iops", version=LATEST).json() == {
        "peak_iops": "400"}
    assert admin.delete(path + "/specs/max_iops", version=LATEST).status_code == 204
    assert admin.get(path + "/specs", version=LATEST).json() == {
        "specs": {"peak_iops": "400"}}
    assert admin.delete(path + "/specs/max_iops", version=LATEST).status_code == 404
    assert member.get(path + "/specs", version=LATEST).status_code == 403
    assert admin.delete(path, version=LATEST).status_code == 204
    assert admin.get(path, version=LATEST).status_code == 404


def test_what_manila_refuses(admin: Api, member: Api) -> None:
    def post(body: Any) -> Any:
        return admin.post("/v2/qos-types", version=LATEST, json=body)

    qos = create_qos(admin)
    path = f"/v2/qos-types/{qos['id']}"
    assert post({"qos_type": {"name": qos["name"]}}).status_code == 409
    assert message(post({"qos_type": {"description": "x"}})).startswith(
        "QoS Type must have name.")
    assert post({"x": {}}).status_code == 422
    assert message(post({"qos_type": {"name": "n" + qos["name"],
                                      "specs": {"k": 1}}})) == "Invalid spec: k: 1"
    assert post({"qos_type": {"name": "x" * 256}}).status_code == 400
    assert member.post("/v2/qos-types", version=LATEST,
                       json={"qos_type": {"name": "mine"}}).status_code == 403
    assert member.put(path, version=LATEST,
                      json={"qos_type": {"description": "x"}}).status_code == 403
    assert admin.get(f"/v2/qos-types/{UNKNOWN}", version=LATEST).status_code == 404

    def specs(method: str, suffix: str, body: Any) -> Any:
        return admin.request(method, path + "/specs" + suffix, version=LATEST, json=body)

    assert message(specs("POST", "", {"specs": {"a b": "1"}})).startswith(
        "Key names can only contain")
    assert specs("POST", "", {"nospecs": {}}).status_code == 400
    assert message(specs("PUT", "/k", {"other": "v"})) == "Request body and URI mismatch"
    assert message(specs("PUT", "/k", {"k": "v", "x": "y"})) == (
        "Request body contains too many items")
    assert message(specs("PUT", "/k", {})) == "Request body empty"


def test_a_share_of_a_type_with_a_qos_type_keeps_it(admin: Api, member: Api) -> None:
    qos = create_qos(admin)
    specs = {"driver_handles_share_servers": "False", "default_qos_type": qos["name"]}
    share_type = admin.post("/v2/types", version=LATEST, json={"share_type": {
        "name": "with-" + qos["name"], "extra_specs": specs}}).json()["share_type"]
    missing = admin.post("/v2/types", version=LATEST, json={"share_type": {
        "name": "without-" + qos["name"],
        "extra_specs": {**specs, "default_qos_type": "no-such-qos"}}})
    assert missing.status_code == 200   # checked when a share is created

    share = member.available_share(share_type=share_type["name"])
    refused = admin.delete(f"/v2/qos-types/{qos['id']}", version=LATEST)
    assert refused.status_code == 400
    assert message(refused) == (f"Qos Type {qos['id']} deletion is not allowed while "
                                "shares are associated with the qos type.")
    resp = member.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 1, "share_type": "without-" + qos["name"]}})
    assert resp.status_code == 400
    assert "'default_qos_type' specified in the share type" in message(resp)

    assert member.delete(f"/v2/shares/{share['id']}").status_code == 202
    member.wait_gone(share["id"])
    assert admin.delete(f"/v2/qos-types/{qos['id']}", version=LATEST).status_code == 204


def test_list_filters_sorts_and_pages(admin: Api, member: Api) -> None:
    tag = uuid.uuid4().hex[:6]
    for name in ("bronze", "silver", "gold"):
        create_qos(admin, name=f"{name}-{tag}", description=f"{name.title()} tier")

    def names(query: str) -> list[str]:
        resp = member.get(f"/v2/qos-types{query}", version=LATEST)
        assert resp.status_code == 200, resp.text
        return [q["name"].split("-")[0] for q in resp.json()["qos_types"]
                if q["name"].endswith(tag)]

    assert names("") == ["gold", "silver", "bronze"]
    assert names("?sort_key=name&sort_dir=asc") == ["bronze", "gold", "silver"]
    assert names(f"?name=silver-{tag}") == ["silver"]
    assert names(f"?name~=ld-{tag}") == ["gold"]
    assert names("?description~=Silver") == ["silver"]
    assert names("?description~=silver") == []
    assert member.get("/v2/qos-types?sort_key=bogus", version=LATEST).status_code == 400
