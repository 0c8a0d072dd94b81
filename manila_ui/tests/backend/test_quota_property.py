"""Property: whatever a project does (create, extend, shrink, delete shares,
some failing in the driver; create and delete snapshots), the usage the API
reports (``detail`` in_use and ``/limits`` total*Used) equals what exists,
and every refusal is the one the limits predict."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine
from hypothesis.stateful import invariant
from hypothesis.stateful import precondition
from hypothesis.stateful import rule

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import wait_until

LIMITS = {"shares": 4, "gigabytes": 12, "snapshots": 3, "snapshot_gigabytes": 8}
USED_KEYS = {"shares": "totalSharesUsed", "gigabytes": "totalShareGigabytesUsed",
             "snapshots": "totalShareSnapshotsUsed",
             "snapshot_gigabytes": "totalSnapshotGigabytesUsed"}
BUSY = ("creating", "extending", "shrinking", "deleting")
FAIL = "simulated_driver:fail"


@pytest.fixture(scope="module")
def quick(start_backend: Callable[..., Backend]) -> Backend:
    return start_backend(transition_delay="0.02", worker_poll_interval="0.02")


class ProjectLife(RuleBasedStateMachine):
    backend: Backend

    def __init__(self) -> None:
        super().__init__()
        project = uuid.uuid4().hex
        self.api: Api = self.backend.api("someone", project)
        admin = self.backend.api("admin", project)
        assert admin.put(f"/v2/quota-sets/{project}",
                         json={"quota_set": LIMITS}).status_code == 200
        # The model: share id -> (size, status, fails), snapshot id -> (share, size).
        self.shares: dict[str, dict[str, Any]] = {}
        self.snapshots: dict[str, tuple[str, int]] = {}

    # -- the model ---------------------------------------------------------------

    def used(self) -> dict[str, int]:
        return {"shares": len(self.shares),
                "gigabytes": sum(s["size"] for s in self.shares.values()),
                "snapshots": len(self.snapshots),
                "snapshot_gigabytes": sum(size for _, size in self.snapshots.values())}

    def fits(self, **deltas: int) -> bool:
        used = self.used()
        return all(used[k] + v <= LIMITS[k] for k, v in deltas.items())

    # Candidates are listed in creation order, never sorted by id: ids are random,
    # and a replayed example must draw the same share (Hypothesis checks it).
    def available(self) -> list[str]:
        return [i for i, s in self.shares.items() if s["status"] == "available"]

    def settle(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Wait until nothing is in flight; what exists then."""
        def quiet() -> Any:
            shares = self.api.get("/v2/shares/detail").json()["shares"]
            snaps = self.api.get("/v2/snapshots/detail").json()["snapshots"]
            busy = [x for x in shares + snaps if x["status"] in BUSY]
            return None if busy else (shares, snaps)
        found: tuple[list[dict[str, Any]], list[dict[str, Any]]] = wait_until(
            quiet, timeout=20, what="the project to settle")
        return found

    def reported(self) -> dict[str, int]:
        detail = self.api.get(f"/v2/quota-sets/{self.api.project}/detail").json()[
            "quota_set"]
        limits = self.api.get("/v2/limits").json()["limits"]["absolute"]
        shown = {k: detail[k]["in_use"] for k in USED_KEYS}
        assert shown == {k: limits[name] for k, name in USED_KEYS.items()}
        return shown

    # -- rules ---------------------------------------------------------------------

    @rule(size=st.integers(1, 5), fails=st.sampled_from([None, "create", "extend"]))
    def create_share(self, size: int, fails: str | None) -> None:
        metadata = {FAIL: fails} if fails else {}
        resp = self.api.post("/v2/shares", json={"share": {
            "share_proto": "NFS", "size": size, "metadata": metadata}})
        if not self.fits(shares=1, gigabytes=size):
            assert resp.status_code == 413, resp.text
            return
        assert resp.status_code == 200, resp.text
        share_id = resp.json()["share"]["id"]
        self.shares[share_id] = {"size": size, "fails": fails,
                                 "status": "error" if fails == "create" else "available"}
        self.settle()

    @precondition(lambda self: self.available())
    @rule(data=st.data(), growth=st.integers(1, 4))
    def extend(self, data: st.DataObject, growth: int) -> None:
        share_id = data.draw(st.sampled_from(self.available()))
        share = self.shares[share_id]
        resp = self.api.action(share_id, "extend", {"new_size": share["size"] + growth})
        if not self.fits(gigabytes=growth):
            assert resp.status_code == 403, resp.text
            return
        assert resp.status_code == 202, resp.text
        if share["fails"] != "extend":
            # In flight (or done): the new size counts already.  (A failing
            # extend gives it back when it fails, at any moment.)
            detail = self.api.get(f"/v2/quota-sets/{self.api.project}/detail").json()
            assert detail["quota_set"]["gigabytes"]["in_use"] == \
                self.used()["gigabytes"] + growth
        if share["fails"] == "extend":
            share["status"] = "extending_error"
        else:
            share["size"] += growth
        self.settle()

    @precondition(lambda self: any(self.shares[i]["size"] > 1 for i in self.available()))
    @rule(data=st.data())
    def shrink(self, data: st.DataObject) -> None:
        share_id = data.draw(st.sampled_from(
            [i for i in self.available() if self.shares[i]["size"] > 1]))
        new_size = data.draw(st.integers(1, self.shares[share_id]["size"] - 1))
        resp = self.api.action(share_id, "shrink", {"new_size": new_size})
        assert resp.status_code == 202, resp.text
        self.shares[share_id]["size"] = new_size
        self.settle()

    def deletable(self) -> list[str]:
        parents = {share for share, _ in self.snapshots.values()}
        return [i for i, s in self.shares.items()
                if s["status"] in ("available", "error") and i not in parents]

    @precondition(lambda self: self.deletable())
    @rule(data=st.data())
    def delete_share(self, data: st.DataObject) -> None:
        share_id = data.draw(st.sampled_from(self.deletable()))
        assert self.api.delete(f"/v2/shares/{share_id}").status_code == 202
        del self.shares[share_id]
        self.settle()

    @precondition(lambda self: self.available())
    @rule(data=st.data())
    def create_snapshot(self, data: st.DataObject) -> None:
        share_id = data.draw(st.sampled_from(self.available()))
        size = self.shares[share_id]["size"]
        resp = self.api.post("/v2/snapshots", json={"snapshot": {"share_id": share_id}})
        if not self.fits(snapshots=1, snapshot_gigabytes=size):
            assert resp.status_code == 413, resp.text
            return
        assert resp.status_code == 202, resp.text
        self.snapshots[resp.json()["snapshot"]["id"]] = (share_id, size)
        self.settle()

    @precondition(lambda self: self.snapshots)
    @rule(data=st.data())
    def delete_snapshot(self, data: st.DataObject) -> None:
        snapshot_id = data.draw(st.sampled_from(list(self.snapshots)))
        assert self.api.delete(f"/v2/snapshots/{snapshot_id}").status_code == 202
        del self.snapshots[snapshot_id]
        self.settle()

    # -- the property ------------------------------------------------------------

    @invariant()
    def usage_is_what_exists(self) -> None:
        shares, snapshots = self.settle()
        existing = {"shares": len(shares), "gigabytes": sum(s["size"] for s in shares),
                    "snapshots": len(snapshots),
                    "snapshot_gigabytes": sum(s["size"] for s in snapshots)}
        assert self.reported() == existing == self.used()
        assert {s["id"]: s["status"] for s in shares} == {
            i: s["status"] for i, s in self.shares.items()}


@pytest.mark.slow
def test_reported_usage_is_what_exists(quick: Backend) -> None:
    ProjectLife.backend = quick
    runner = ProjectLife.TestCase
    runner.settings = settings(max_examples=12, stateful_step_count=12, deadline=None,
                               suppress_health_check=list(HealthCheck))
    runner().runTest()
