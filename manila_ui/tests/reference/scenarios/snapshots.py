"""Snapshots: create, show, list, rename, reset, revert, a share from one, delete."""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.engine import action
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.shares import PLACEMENT
from manila_ui.tests.reference.scenarios.shares import SHOW
from manila_ui.tests.reference.scenarios.shares import create_share
from manila_ui.tests.reference.scenarios.shares import delete_share

SNAP = "/snapshots/{snap}"


def _snap_wait(until: tuple[str, ...], via: tuple[str, ...]) -> Wait:
    return Wait(SNAP, until, via=via, status="snapshot.status")


def snapshots(mv: str) -> list[Step]:
    name = f"snap-{TOKEN}-{MV}"
    create = {"snapshot": {"share_id": "{share}", "name": name, "description": "differential"}}
    if at_least(mv, "2.73"):
        create["snapshot"]["metadata"] = {"k": "v"}
    steps = [
        create_share(f"snapbase-{TOKEN}-{MV}"),
        Step("demo", "POST", "/snapshots", body=create, save={"snap": "snapshot.id"},
             wait=_snap_wait(("available", "error"), ("creating",))),
        Step("demo", "GET", SNAP),
        Step("demo", "GET", f"/snapshots?name={name}"),
        Step("demo", "GET", f"/snapshots/detail?name={name}"),
        Step("demo", "GET", "/snapshots/detail?share_id={share}"),
        Step("demo", "GET", f"/snapshots/detail?name={name}&sort_key=created_at&sort_dir=asc"),
        Step("demo", "GET", "/snapshots?sort_key=bogus"),
        Step("reader", "GET", SNAP),
        Step("alt_demo", "GET", SNAP),
        Step("alt_demo", "GET", f"/snapshots?name={name}"),
        Step("admin", "GET", SNAP),
        Step("admin", "GET", f"/snapshots/detail?all_tenants=1&name={name}"),
        Step("demo", "PUT", SNAP, body={"snapshot": {"display_description": "renamed"}}),
        Step("reader", "PUT", SNAP, body={"snapshot": {"display_description": "reader"}}),
        Step("alt_demo", "DELETE", SNAP),
        Step("reader", "DELETE", SNAP),
        Step("reader", "POST", "/snapshots", body={"snapshot": {"share_id": "{share}"}}),
        Step("demo", "POST", "/snapshots", body={"snapshot": {"share_id": MISSING}}),
        Step("demo", "POST", "/snapshots", body={"snapshot": {"name": "no share"}},
             note="no share_id"),
        Step("demo", "POST", "/snapshots", raw_body=b"[1, 2"),
        Step("demo", "GET", f"/snapshots/{MISSING}"),
        Step("demo", "DELETE", SHOW, note="the share has a snapshot"),
        Step("demo", "POST", SNAP + "/action",
             body={action(mv, "reset_status"): {"status": "error"}}),
        Step("admin", "POST", SNAP + "/action",
             body={action(mv, "reset_status"): {"status": "error"}}),
        Step("demo", "GET", SNAP, note="after reset_status"),
        Step("admin", "POST", SNAP + "/action",
             body={action(mv, "reset_status"): {"status": "available"}}),
        Step("admin", "POST", SNAP + "/action",
             body={action(mv, "reset_status"): {"status": "bogus"}}),
    ]
    if at_least(mv, "2.27"):
        steps.append(Step(
            "demo", "POST", SHOW + "/action", body={"revert": {"snapshot_id": "{snap}"}},
            wait=Wait(SHOW, ("available", "reverting_error"), via=("reverting",)),
        ))
        # Manila frees the snapshot from "restoring" a moment after the share
        # is available again (a share from it meanwhile is refused: measured).
        steps.append(Step("demo", "GET", SNAP, note="after revert", ignore=frozenset({"status"}),
                          wait=_snap_wait(("available", "error"), ("restoring",))))
        steps.append(Step("demo", "POST", SHOW + "/action",
                          body={"revert": {"snapshot_id": MISSING}}))
    if at_least(mv, "2.73"):
        steps += [
            Step("demo", "GET", SNAP + "/metadata"),
            Step("demo", "POST", SNAP + "/metadata", body={"metadata": {"k2": "v2"}}),
            Step("demo", "PUT", SNAP + "/metadata", body={"metadata": {"k3": "v3"}}),
            Step("demo", "GET", SNAP + "/metadata/k3"),
            Step("demo", "DELETE", SNAP + "/metadata/k3"),
            Step("demo", "GET", SNAP + "/metadata/k3"),
            Step("reader", "POST", SNAP + "/metadata", body={"metadata": {"k4": "v4"}}),
        ]
    # A share from the snapshot (the dashboard offers it on the snapshot's row).
    from_snap = "/shares/{child}"
    via = ("creating", "creating_from_snapshot") if at_least(mv, "2.54") else ("creating",)
    steps += [
        Step("demo", "POST", "/shares",
             body={"share": {"share_proto": "NFS", "size": 1, "snapshot_id": "{snap}",
                             "name": f"child-{TOKEN}-{MV}"}},
             save={"child": "share.id"},
             wait=Wait(from_snap, ("available", "error"), via=via), ignore=PLACEMENT),
        Step("demo", "GET", from_snap, ignore=PLACEMENT),
        Step("demo", "POST", "/shares",
             body={"share": {"share_proto": "NFS", "size": 1, "snapshot_id": MISSING}}),
        delete_share("child"),
        Step("demo", "DELETE", SNAP, wait=_snap_wait(("gone", "error_deleting"), ("deleting",))),
        Step("demo", "GET", SNAP),
        delete_share(),
    ]
    return steps
