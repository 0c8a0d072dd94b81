"""Helpers of the access-rule stories: allow, list, wait for the rules to
settle, read the share's exports file."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import requests

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import wait_until

SETTLED = ("active", "error")


def allow(api: Api, share_id: str, access_to: str, access_type: str = "ip",
          version: str | None = "", action: str = "allow_access",
          **fields: Any) -> requests.Response:
    return api.action(share_id, action, {"access_type": access_type,
                                         "access_to": access_to, **fields},
                      version=version)


def allowed(api: Api, share_id: str, access_to: str, access_type: str = "ip",
            **fields: Any) -> dict[str, Any]:
    resp = allow(api, share_id, access_to, access_type, **fields)
    assert resp.status_code == 200, resp.text
    rule: dict[str, Any] = resp.json()["access"]
    return rule


def deny(api: Api, share_id: str, rule_id: str, version: str | None = "",
         **fields: Any) -> requests.Response:
    return api.action(share_id, "deny_access", {"access_id": rule_id, **fields},
                      version=version)


def rules(api: Api, share_id: str, query: str = "", version: str | None = ""
          ) -> list[dict[str, Any]]:
    resp = api.get(f"/v2/share-access-rules?share_id={share_id}{query}",
                   version=version)
    assert resp.status_code == 200, resp.text
    found: list[dict[str, Any]] = resp.json()["access_list"]
    return found


def rule(api: Api, rule_id: str) -> dict[str, Any] | None:
    resp = api.get(f"/v2/share-access-rules/{rule_id}")
    if resp.status_code == 404:
        return None
    assert resp.status_code == 200, resp.text
    found: dict[str, Any] = resp.json()["access"]
    return found


def settled(api: Api, share_id: str, timeout: float = 20.0) -> list[dict[str, Any]]:
    """The rules once every change is applied and the share says so."""
    def done() -> list[dict[str, Any]] | None:
        share = api.share(share_id)
        assert share is not None
        found = rules(api, share_id)
        if share["access_rules_status"] == "syncing":
            return None
        if all(r["state"] in SETTLED for r in found):
            return found or [{}]
        return None
    found: list[dict[str, Any]] = wait_until(done, timeout, what="the rules to settle")
    return [r for r in found if r]


def states_of(api: Api, rule_id: str, until: tuple[str, ...],
              timeout: float = 20.0) -> list[str]:
    """The states a rule goes through (polled), up to one of ``until``
    (``"gone"`` once it disappears)."""
    seen: list[str] = []

    def step() -> bool:
        found = rule(api, rule_id)
        state = "gone" if found is None else found["state"]
        if not seen or seen[-1] != state:
            seen.append(state)
        return state in until
    wait_until(step, timeout, interval=0.02, what=f"rule {rule_id} in {until}")
    return seen


def exports_file(backend: Backend, share_id: str) -> Path:
    return backend.state / "exports" / f"{share_id}.exports"


def export_entries(backend: Backend, share_id: str) -> list[str]:
    """``client(options)`` of each exports line, in file order."""
    text = exports_file(backend, share_id).read_text()
    return [line.split(" ", 1)[1] for line in text.splitlines()
            if line and not line.startswith("#")]


def create_type(backend: Backend, **specs: str) -> str:
    admin = backend.api("admin", uuid.uuid4().hex)
    name = "t-" + uuid.uuid4().hex[:8]
    resp = admin.post("/v2/types", json={"share_type": {
        "name": name, "extra_specs": {"driver_handles_share_servers": "False",
                                      **specs}}})
    assert resp.status_code == 200, resp.text
    return name


def fault(resp: requests.Response) -> tuple[int, str]:
    """(status, message) of a Manila fault body."""
    body = resp.json()
    (detail,) = body.values()
    return resp.status_code, str(detail["message"])
