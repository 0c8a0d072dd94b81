"""Quotas refuse with Manila's 413; a share no pool can hold ends in error
with a user message telling why."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import requests

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend

MESSAGE_KEYS = {"id", "project_id", "action_id", "detail_id", "message_level",
                "created_at", "expires_at", "request_id", "links",
                "resource_type", "resource_id", "user_message"}


def _type(admin: Api, **specs: str) -> dict[str, Any]:
    resp = admin.post("/v2/types", json={"share_type": {
        "name": "t-" + uuid.uuid4().hex[:8],
        "extra_specs": {"driver_handles_share_servers": "False", **specs}}})
    assert resp.status_code == 200, resp.text
    share_type: dict[str, Any] = resp.json()["share_type"]
    return share_type


def test_over_the_gigabyte_quota_is_413(member: Api, backend: Backend) -> None:
    resp = member.post("/v2/shares", json={"share": {"share_proto": "NFS", "size": 1001}})

    assert resp.status_code == 413
    assert resp.json() == {"overLimit": {
        "code": 413, "retryAfter": "0",
        "message": "ShareSizeExceedsAvailableQuota: Requested share exceeds "
                   "allowed project/user or share type gigabytes quota."}}
    assert resp.headers["Retry-After"] == "0"
    with backend.db() as db:
        assert db.execute("SELECT count(*) FROM shares WHERE project_id = ?",
                          (member.project,)).fetchone() == (0,)


def test_quota_counts_what_the_project_already_has(member: Api) -> None:
    member.create_share(size=600)

    resp = member.post("/v2/shares", json={"share": {"share_proto": "NFS", "size": 401}})

    assert resp.status_code == 413
    assert member.create_share(size=400)["size"] == 400
    limits = member.get("/v2/limits").json()["limits"]["absolute"]
    assert (limits["totalShareGigabytesUsed"], limits["totalSharesUsed"]) == (1000, 2)


def test_deleting_frees_quota(member: Api) -> None:
    share = member.create_share(size=1000)
    member.wait_status(share["id"], "available")
    member.delete(f"/v2/shares/{share['id']}")
    member.wait_gone(share["id"])

    assert member.create_share(size=1000)["size"] == 1000


def test_no_pool_with_the_capability_leaves_error_and_a_message(
        admin: Api, member: Api) -> None:
    vendor = _type(admin, vendor_name="foobar")

    share = member.create_share(share_type=vendor["name"], name="picky")
    failed = member.wait_status(share["id"], "error")

    messages = member.get(f"/v2/messages?resource_id={share['id']}",
                          version="2.37").json()["messages"]
    (message,) = messages
    assert set(message) == MESSAGE_KEYS
    assert message["resource_type"] == "SHARE"
    assert (message["action_id"], message["detail_id"]) == ("001", "008")
    assert message["message_level"] == "ERROR"
    assert message["user_message"] == (
        "allocate host: No storage could be allocated for this share request, "
        "Capabilities filter didn't succeed.")
    assert message["project_id"] == member.project
    assert failed["availability_zone"] is None
    # The message belongs to the project: others do not see it.
    assert admin.get(f"/v2/messages/{message['id']}", version="2.37").status_code == 200


def test_a_share_too_big_for_the_zone_fails_the_capacity_filter(
        admin: Api, member: Api) -> None:
    # nova-2 has one thick pool of 1230 GB.
    share = member.create_share(size=999, availability_zone="nova-2")
    member.wait_status(share["id"], "available")

    big = admin.create_share(size=300, availability_zone="nova-2")

    admin.wait_status(big["id"], "error")
    (message,) = admin.get(f"/v2/messages?resource_id={big['id']}",
                           version="2.37").json()["messages"]
    assert message["detail_id"] == "009"
    assert "Capacity filter didn't succeed" in message["user_message"]
    member.delete(f"/v2/shares/{share['id']}")
    member.wait_gone(share["id"])


def test_messages_are_per_project_and_can_be_deleted(
        admin: Api, member: Api, other: Api) -> None:
    share = member.create_share(share_type=_type(admin, vendor_name="x")["id"])
    member.wait_status(share["id"], "error")
    (message,) = member.get(f"/v2/messages?resource_id={share['id']}",
                            version="2.37").json()["messages"]
    path = f"/v2/messages/{message['id']}"

    assert other.get(path, version="2.37").status_code == 404
    assert other.get("/v2/messages", version="2.37").json()["messages"] == []
    assert member.get(path, version="2.37").json()["message"] == message
    assert member.delete(path, version="2.37").status_code == 204
    assert member.get(path, version="2.37").status_code == 404


def test_an_error_share_without_a_pool_is_deleted_at_once(
        admin: Api, member: Api) -> None:
    share = member.create_share(share_type=_type(admin, vendor_name="y")["id"])
    member.wait_status(share["id"], "error")

    assert member.delete(f"/v2/shares/{share['id']}").status_code == 202
    assert member.share(share["id"]) is None


def test_a_zone_without_pools_for_the_type_fails_the_zone_filter(
        admin: Api, member: Api) -> None:
    zoned = _type(admin, availability_zones="nova")

    refused = member.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 1, "share_type": zoned["name"],
        "availability_zone": "nova-2"}})
    placed = member.create_share(share_type=zoned["name"])

    assert refused.status_code == 400
    assert "is not supported within the availability zone chosen nova-2" in \
        refused.json()["badRequest"]["message"]
    assert member.wait_status(placed["id"], "available")["availability_zone"] == "nova"


def test_concurrent_creates_never_overrun_the_quota(member: Api) -> None:
    def create(_: int) -> int:   # a session per thread: requests' are not shared-safe
        return requests.post(member.base + "/v2/shares", timeout=30,
                             headers=dict(member.http.headers),
                             json={"share": {"share_proto": "NFS", "size": 300}}).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = sorted(pool.map(create, range(8)))

    assert codes == [200] * 3 + [413] * 5   # 3 x 300 GB fit in 1000 GB
