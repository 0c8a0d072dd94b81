"""User messages (2.37): what failed asynchronous work tells its owner;
listed with Manila's filters, shown, deleted."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api

MESSAGE_KEYS = {"id", "project_id", "action_id", "detail_id", "message_level",
                "created_at", "expires_at", "request_id", "links",
                "resource_type", "resource_id", "user_message"}


def _fault(resp: Any) -> tuple[int, str]:
    ((_, fault),) = resp.json().items()
    return resp.status_code, fault["message"]


@pytest.fixture
def failures(member: Api) -> dict[str, dict[str, Any]]:
    """A share whose extend failed and a snapshot whose creation failed."""
    share = member.available_share(metadata={
        "simulated_driver:fail": "extend,snapshot_create"})
    snap = member.create_snapshot(share["id"])
    member.wait_snapshot(snap["id"], "error")
    member.action(share["id"], "extend", {"new_size": 2})
    member.wait_status(share["id"], "extending_error")
    return {"share": share, "snapshot": snap}


def _ids(member: Api, query: str, version: str = "2.52") -> list[tuple[str, str]]:
    resp = member.get(f"/v2/messages{query}", version=version)
    assert resp.status_code == 200, resp.text
    return [(m["resource_type"], m["action_id"]) for m in resp.json()["messages"]]


def test_filters(member: Api, failures: dict[str, dict[str, Any]]) -> None:
    share_id = failures["share"]["id"]
    assert _ids(member, "") == [("SHARE", "008"), ("SHARE_SNAPSHOT", "002")]
    assert _ids(member, "?resource_type=SHARE") == [("SHARE", "008")]
    assert _ids(member, f"?resource_id={share_id}") == [("SHARE", "008")]
    assert _ids(member, "?action_id=002") == [("SHARE_SNAPSHOT", "002")]
    assert _ids(member, "?detail_id=015") == [("SHARE", "008")]
    assert _ids(member, "?message_level=ERROR&sort_dir=asc") == [
        ("SHARE_SNAPSHOT", "002"), ("SHARE", "008")]
    assert _ids(member, "?limit=1") == [("SHARE", "008")]
    assert _ids(member, "?limit=1&offset=1") == [("SHARE_SNAPSHOT", "002")]
    future = (datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1)
              ).replace(tzinfo=None).isoformat()
    assert _ids(member, f"?created_since={future}") == []
    assert len(_ids(member, f"?created_before={future}")) == 2
    # Before 2.52 the time filters are not known: ignored.
    assert len(_ids(member, f"?created_since={future}", version="2.51")) == 2
    (one,) = member.get(f"/v2/messages?resource_id={share_id}").json()["messages"]
    assert set(one) == MESSAGE_KEYS
    assert one["request_id"].startswith("req-")
    assert one["project_id"] == member.project


def test_bad_queries(member: Api) -> None:
    assert _fault(member.get("/v2/messages?created_since=notadate", version="2.52")) == (
        400, "Invalid input for field/attribute 0. Value: notadate. 'notadate' is not "
        "a 'date-time'")
    assert _fault(member.get("/v2/messages?sort_key=bogus")) == (
        400, "Invalid input received: Invalid sort key bogus.")
    assert member.get("/v2/messages", version="2.36").status_code == 404


def test_show_and_delete(member: Api, other: Api, reader: Api,
                         failures: dict[str, dict[str, Any]]) -> None:
    (message,) = member.get(f"/v2/messages?resource_id={failures['share']['id']}"
                            ).json()["messages"]
    path = f"/v2/messages/{message['id']}"
    gone = (404, f"Message {message['id']} could not be found.")

    assert member.get(path).json()["message"] == message
    assert reader.get(path).status_code == 200
    assert _fault(other.get(path)) == gone
    assert _fault(other.delete(path)) == gone
    assert _fault(reader.delete(path)) == (403, "Access was denied to this resource.")
    resp = member.delete(path)
    assert (resp.status_code, resp.content) == (204, b"")
    assert _fault(member.get(path)) == gone
    assert _fault(member.delete(path)) == gone


def test_an_admin_sees_every_project(admin: Api, member: Api,
                                     failures: dict[str, dict[str, Any]]) -> None:
    found = admin.get(f"/v2/messages?project_id={member.project}").json()["messages"]
    assert {m["resource_id"] for m in found} == {failures["share"]["id"],
                                                 failures["snapshot"]["id"]}
