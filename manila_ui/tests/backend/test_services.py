"""An admin reads the backend's services as Manila lists them (the scheduler
and one share service per back end, with heartbeats), takes a back end out
of scheduling with a reason and puts it back, and has a back end ensure its
shares (2.86)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import wait_until

HOSTS = {("manila-ui", "manila-scheduler"), ("manila-ui@alpha", "manila-share"),
         ("manila-ui@beta", "manila-share"), ("manila-ui@gamma", "manila-share")}
KEYS = {"id", "binary", "host", "zone", "status", "state", "updated_at"}
NOT_READY = ("create: No storage could be allocated for this share request. Share "
             "back end services are not ready yet. Contact your administrator in "
             "case retrying does not help.")


def _services(admin: Api, query: str = "", version: str = "2.98") -> list[dict[str, Any]]:
    resp = admin.get(f"/v2/services{query}", version=version)
    assert resp.status_code == 200, resp.text
    found: list[dict[str, Any]] = resp.json()["services"]
    return found


def _hosts(services: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(s["host"], s["binary"]) for s in services}


def _set(admin: Api, action: str, host: str, version: str = "2.98",
         **body: Any) -> Any:
    return admin.put(f"/v2/services/{action}", version=version,
                     json={"host": host, "binary": "manila-share", **body})


@pytest.fixture
def own_backend(start_backend: Callable[..., Backend]) -> Backend:
    """A backend of its own: disabling its back ends disturbs no other test."""
    return start_backend(**{"simulated_driver.dhss_backend": "False"})


def _admin(backend: Backend) -> Api:
    return backend.api("admin", uuid.uuid4().hex)


def test_the_services_are_the_scheduler_and_a_share_service_per_back_end(
        admin: Api, member: Api) -> None:
    services = _services(admin)

    assert _hosts(services) == HOSTS
    assert all(set(s) == KEYS | {"disabled_reason", "ensuring"} for s in services)
    assert {(s["host"], s["zone"]) for s in services} == {
        ("manila-ui", "nova"), ("manila-ui@alpha", "nova"),
        ("manila-ui@beta", "nova-2"), ("manila-ui@gamma", "nova")}
    assert {s["state"] for s in services} == {"up"}
    assert all(isinstance(s["id"], int) for s in services)
    # Microversions add fields; before 2.7 the legacy URL serves the list.
    assert all(set(s) == KEYS for s in _services(admin, version="2.82"))
    assert all(set(s) == KEYS | {"disabled_reason"}
               for s in _services(admin, version="2.85"))
    legacy = admin.get("/v2/os-services", version="2.6")
    assert _hosts(legacy.json()["services"]) == HOSTS
    assert admin.get("/v2/services", version="2.6").status_code == 404
    assert admin.get("/v2/os-services", version="2.7").status_code == 404
    assert member.get("/v2/services").status_code == 403


@pytest.mark.parametrize(("query", "expected"), [
    ("?binary=manila-scheduler", {("manila-ui", "manila-scheduler")}),
    ("?host=manila-ui@beta", {("manila-ui@beta", "manila-share")}),
    ("?host=manila-ui@", set()),                  # exact, not a pattern
    ("?zone=nova-2", {("manila-ui@beta", "manila-share")}),
    ("?zone=nowhere", set()),
    ("?state=up&binary=manila-share", HOSTS - {("manila-ui", "manila-scheduler")}),
    ("?state=down", set()),
    ("?status=enabled", HOSTS),
    ("?status=bogus", set()),                     # Manila: empty, not a 400
    ("?topic=manila-scheduler", {("manila-ui", "manila-scheduler")}),
    ("?disabled=false", HOSTS),
    ("?ensuring=false", HOSTS),
    ("?ensuring=bogus", set()),
    ("?unknown=1", HOSTS),                        # not a filter: ignored
])
def test_services_filter_as_in_manila(admin: Api, query: str,
                                      expected: set[tuple[str, str]]) -> None:
    assert _hosts(_services(admin, query)) == expected


def test_the_ensuring_filter_comes_with_2_93(admin: Api) -> None:
    assert _hosts(_services(admin, "?ensuring=true", version="2.92")) == HOSTS
    assert _hosts(_services(admin, "?ensuring=true", version="2.93")) == set()


def test_a_disabled_back_end_takes_no_new_shares_until_it_is_enabled(
        own_backend: Backend) -> None:
    admin = _admin(own_backend)
    member = own_backend.api("member", uuid.uuid4().hex)
    resp = _set(admin, "disable", "manila-ui@beta", disabled_reason=" maintenance ")
    assert resp.status_code == 200
    assert resp.json() == {"host": "manila-ui@beta", "binary": "manila-share",
                           "status": "disabled", "disabled_reason": "maintenance",
                           "ensuring": None}
    (beta,) = _services(admin, "?host=manila-ui@beta")
    assert (beta["status"], beta["disabled_reason"], beta["state"]) == (
        "disabled", "maintenance", "up")

    # Its pool leaves the pool list; a share for its zone finds no pool there.
    pools = admin.get("/v2/scheduler-stats/pools").json()["pools"]
    assert [p["backend"] for p in pools] == ["alpha"]
    stranded = member.create_share(availability_zone="nova-2")
    member.wait_status(stranded["id"], "error")
    (message,) = member.messages_for(stranded["id"])
    assert message["detail_id"] == "007"
    placed = member.create_share()
    assert admin.share(placed["id"]) is not None
    assert (member.wait_status(placed["id"], "available")["availability_zone"]) == "nova"

    resp = _set(admin, "enable", "manila-ui@beta")
    assert resp.json() == {"host": "manila-ui@beta", "binary": "manila-share",
                           "status": "enabled", "disabled_reason": None,
                           "ensuring": None}
    (beta,) = _services(admin, "?host=manila-ui@beta")
    assert (beta["status"], beta["disabled_reason"]) == ("enabled", None)
    again = member.create_share(availability_zone="nova-2")
    assert member.wait_status(again["id"], "available")["availability_zone"] == "nova-2"


def test_with_every_back_end_disabled_a_create_fails_as_manila_says(
        own_backend: Backend) -> None:
    admin = _admin(own_backend)
    member = own_backend.api("member", uuid.uuid4().hex)
    for host in ("manila-ui@alpha", "manila-ui@beta"):
        assert _set(admin, "disable", host).status_code == 200
    try:
        share = member.create_share()
        member.wait_status(share["id"], "error")
        (message,) = member.messages_for(share["id"])
        assert (message["action_id"], message["detail_id"],
                message["user_message"]) == ("002", "028", NOT_READY)
        assert admin.get("/v2/scheduler-stats/pools").json() == {"pools": []}
    finally:
        for host in ("manila-ui@alpha", "manila-ui@beta"):
            _set(admin, "enable", host)


def test_a_disabled_back_end_takes_no_new_share_group(own_backend: Backend) -> None:
    admin = _admin(own_backend)
    member = own_backend.api("member", uuid.uuid4().hex)

    def group_in(zone: str | None) -> dict[str, Any]:
        body = {"share_group": {"availability_zone": zone} if zone else {}}
        resp = member.post("/v2/share-groups", json=body, version="2.55")
        assert resp.status_code == 202, resp.text
        group_id = resp.json()["share_group"]["id"]

        def settled() -> Any:
            found = member.get(f"/v2/share-groups/{group_id}", version="2.55").json()
            return found["share_group"] if found["share_group"]["status"] in (
                "available", "error") else None
        found: dict[str, Any] = wait_until(settled, 15, what=f"group {group_id}")
        return found

    assert _set(admin, "disable", "manila-ui@beta").status_code == 200
    try:
        assert group_in("nova-2")["status"] == "error"
        placed = group_in(None)
        assert (placed["status"], placed["host"].partition("#")[0]) == (
            "available", "manila-ui@alpha")
    finally:
        _set(admin, "enable", "manila-ui@beta")
    assert group_in("nova-2")["status"] == "available"


def test_disabling_without_a_reason_keeps_the_last_one(own_backend: Backend) -> None:
    admin = _admin(own_backend)
    _set(admin, "disable", "manila-ui@alpha", disabled_reason="disk swap")
    # Before 2.83 there is no reason to give, and enabling keeps it.
    assert _set(admin, "enable", "manila-ui@alpha", version="2.82").json() == {
        "host": "manila-ui@alpha", "binary": "manila-share", "status": "enabled"}
    assert _services(admin, "?host=manila-ui@alpha")[0]["disabled_reason"] == "disk swap"
    _set(admin, "disable", "manila-ui@alpha")

    (alpha,) = _services(admin, "?host=manila-ui@alpha")
    assert (alpha["status"], alpha["disabled_reason"]) == ("disabled", "disk swap")
    _set(admin, "enable", "manila-ui@alpha")
    assert _services(admin, "?host=manila-ui@alpha")[0]["disabled_reason"] is None


@pytest.mark.parametrize(("version", "body", "status", "message"), [
    ("2.82", {"host": "manila-ui@alpha", "binary": "manila-share",
              "disabled_reason": "x"}, 400,
     "'disabled_reason' option is not supported by this microversion. Use 2.83 or "
     "greater microversion to be able to set 'disabled_reason'."),
    ("2.98", {"host": "manila-ui@alpha", "binary": "manila-share",
              "disabled_reason": "x" * 256}, 400,
     "Disabled reason contains invalid characters or is too long"),
    ("2.98", {"host": "manila-ui@alpha", "binary": "manila-share",
              "disabled_reason": "   "}, 400,
     "Disabled reason contains invalid characters or is too long"),
    ("2.98", {"host": "manila-ui@alpha"}, 400,
     "The server could not comply with the request since it is either malformed "
     "or otherwise incorrect."),
    ("2.98", {"host": "nowhere", "binary": "manila-share"}, 404,
     "HostBinaryNotFound: Could not find binary manila-share on host nowhere."),
    ("2.98", {"host": "manila-ui@alpha", "binary": "manila-scheduler"}, 404,
     "HostBinaryNotFound: Could not find binary manila-scheduler on host "
     "manila-ui@alpha."),
])
def test_what_disable_refuses(admin: Api, version: str, body: dict[str, Any],
                              status: int, message: str) -> None:
    resp = admin.put("/v2/services/disable", version=version, json=body)

    assert resp.status_code == status
    assert next(iter(resp.json().values()))["message"] == message
    assert _services(admin, "?host=manila-ui@alpha")[0]["status"] == "enabled"


def test_only_enable_and_disable_are_actions(admin: Api, member: Api) -> None:
    assert admin.put("/v2/services/frob", json={"host": "manila-ui@alpha",
                                                "binary": "manila-share"}
                     ).status_code == 404
    assert _set(member, "disable", "manila-ui@alpha").status_code == 403


def test_ensuring_shares_re_exports_them(start_backend: Callable[..., Backend]) -> None:
    backend = start_backend(transition_delay="1.5",
                            **{"simulated_driver.dhss_backend": "False"})
    admin = _admin(backend)
    member = backend.api("member", uuid.uuid4().hex)
    share = member.create_share(availability_zone="nova")
    wait_until(lambda: (member.share(share["id"]) or {}).get("status") == "available",
               timeout=20, what="the share")
    rule = member.action(share["id"], "allow_access", {
        "access_type": "ip", "access_to": "10.1.0.0/16", "access_level": "rw"})
    assert rule.status_code == 200, rule.text
    exports = Path(backend.state) / "exports" / f"{share['id']}.exports"
    wait_until(exports.exists, timeout=20, what="the exports file")
    written = exports.read_text()
    exports.unlink()   # lost on the back end

    resp = admin.post("/v2/services/ensure-shares",
                      json={"ensure_shares": {"host": "manila-ui@alpha"}})
    assert resp.status_code == 202
    assert resp.content == b""
    assert member.share(share["id"])["status"] == "ensuring"   # type: ignore[index]
    (alpha,) = _services(admin, "?ensuring=true", version="2.93")
    assert alpha["host"] == "manila-ui@alpha"

    wait_until(lambda: (member.share(share["id"]) or {}).get("status") == "available",
               timeout=20, what="the share to be ensured")
    assert exports.read_text() == written
    assert _services(admin, "?ensuring=true", version="2.93") == []


@pytest.mark.parametrize(("version", "body", "status", "message"), [
    ("2.85", {"ensure_shares": {"host": "manila-ui@alpha"}}, 404,
     "The resource could not be found."),
    ("2.86", {"ensure_shares": {"host": "nowhere"}}, 404,
     "The resource could not be found."),
    ("2.86", {"ensure_shares": {"host": "manila-ui"}}, 404,      # the scheduler
     "The resource could not be found."),
    ("2.86", {"ensure_shares": {}}, 400,
     "Invalid input for field/attribute ensure_shares. Value: {}. 'host' is a "
     "required property"),
    ("2.86", {"ensure_shares": {"host": 1}}, 400,
     "Invalid input for field/attribute host. Value: 1. 1 is not of type 'string'"),
])
def test_what_ensure_shares_refuses(admin: Api, version: str, body: dict[str, Any],
                                    status: int, message: str) -> None:
    resp = admin.post("/v2/services/ensure-shares", version=version, json=body)

    assert resp.status_code == status
    assert next(iter(resp.json().values()))["message"] == message


def test_a_back_end_that_stopped_reporting_is_down(
        start_backend: Callable[..., Backend], tmp_path: Path) -> None:
    first = start_backend(tmp_path, report_interval="1", service_down_time="3")
    first.stop()
    # Started again without gamma: its service is left without heartbeats.
    backend = start_backend(tmp_path, report_interval="1", service_down_time="3",
                            **{"simulated_driver.dhss_backend": "False"})
    admin = _admin(backend)

    wait_until(lambda: _services(admin, "?state=down"), timeout=20, what="gamma down")
    assert _hosts(_services(admin, "?state=down")) == {("manila-ui@gamma",
                                                         "manila-share")}
    resp = admin.post("/v2/services/ensure-shares",
                      json={"ensure_shares": {"host": "manila-ui@gamma"}})
    assert resp.status_code == 409
    assert resp.json()["conflictingRequest"]["message"] == (
        "The service must have its state set to 'up' prior to running ensure shares.")
    assert [s["state"] for s in _services(admin, "?host=manila-ui@alpha")] == ["up"]
