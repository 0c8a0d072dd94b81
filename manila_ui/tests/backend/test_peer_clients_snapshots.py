"""Clients nobody here wrote drive the share actions and snapshots:
python-manilaclient and the ``openstack share`` commands, through real
Keystone tokens and the service catalog (the session stack)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from manila_ui.tests.backend.conftest import wait_until

pytestmark = pytest.mark.slow


def _wait(getter: Callable[[], Any], status: str) -> Any:
    def reached() -> Any:
        found = getter()
        assert not found.status.endswith("error") or found.status == status, found
        return found if found.status == status else None
    return wait_until(reached, timeout=30, what=status)


def test_manilaclient_extends_snapshots_reverts_and_deletes(
        manila: Callable[..., Any]) -> None:
    from manilaclient import exceptions

    demo = manila("demo", "2.98")
    share = demo.shares.create("NFS", 1, name="peer-" + uuid.uuid4().hex[:8])
    _wait(lambda: demo.shares.get(share.id), "available")

    demo.shares.extend(share, 2)
    assert demo.shares.get(share.id).status == "extending"
    assert _wait(lambda: demo.shares.get(share.id), "available").size == 2

    snap = demo.share_snapshots.create(share, name="peer-snap", metadata={"a": "b"})
    assert snap.status == "creating"
    snap = _wait(lambda: demo.share_snapshots.get(snap.id), "available")
    assert (snap.size, snap.metadata) == (2, {"a": "b"})
    assert [s.id for s in demo.share_snapshots.list(
        search_opts={"share_id": share.id})] == [snap.id]
    with pytest.raises(exceptions.Forbidden, match="dependent snapshots"):
        demo.shares.delete(share.id)

    demo.shares.extend(share, 3)
    _wait(lambda: demo.shares.get(share.id), "available")
    demo.shares.revert_to_snapshot(share, snap)
    assert _wait(lambda: demo.shares.get(share.id), "available").size == 2
    demo.shares.shrink(share, 1)
    assert _wait(lambda: demo.shares.get(share.id), "available").size == 1

    demo.share_snapshots.delete(snap)
    wait_until(lambda: not demo.share_snapshots.list(search_opts={"share_id": share.id}),
               timeout=30, what="the snapshot to go")
    demo.shares.soft_delete(share)
    assert demo.shares.get(share.id).is_soft_deleted is True
    demo.shares.restore(share)
    demo.shares.delete(share.id)
    wait_until(lambda: share.id not in {s.id for s in demo.shares.list()}, timeout=30,
               what="the share to go")


def test_manilaclient_transfers_a_share(manila: Callable[..., Any]) -> None:
    demo, alt = manila("demo", "2.98"), manila("alt_demo", "2.98")
    share = demo.shares.create("NFS", 1, name="gift-" + uuid.uuid4().hex[:8])
    _wait(lambda: demo.shares.get(share.id), "available")

    transfer = demo.transfers.create(share.id, name="to alt")
    assert demo.shares.get(share.id).status == "awaiting_transfer"
    alt.transfers.accept(transfer.id, transfer.auth_key)

    taken = alt.shares.get(share.id)
    assert taken.status == "available"
    alt.shares.delete(share.id)


def _openstack(clouds_yaml: Path, cloud: str, *args: str) -> Any:
    env = dict(os.environ, OS_CLIENT_CONFIG_FILE=str(clouds_yaml))
    env.pop("OS_CLOUD", None)
    command = [os.path.join(os.path.dirname(sys.executable), "openstack"),
               "--os-cloud", cloud, *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if done.stdout.strip() else None


def test_openstack_share_resize_and_snapshots(clouds_yaml: Path) -> None:
    name = "osc-" + uuid.uuid4().hex[:8]

    _openstack(clouds_yaml, "demo", "share", "create", "NFS", "1", "--name", name,
               "--wait", "-f", "json")
    _openstack(clouds_yaml, "demo", "share", "resize", name, "2", "--wait")
    shown = _openstack(clouds_yaml, "demo", "share", "show", name, "-f", "json")
    assert (shown["size"], shown["status"]) == (2, "available")

    snap = _openstack(clouds_yaml, "demo", "share", "snapshot", "create", name,
                      "--name", name + "-snap", "--wait", "-f", "json")
    assert snap["status"] in ("creating", "available")
    listed = _openstack(clouds_yaml, "demo", "share", "snapshot", "list",
                        "--share", name, "-f", "json")
    assert [row["Name"] for row in listed] == [name + "-snap"]
    # show reads the snapshot's export locations (2.32) at OSC's default version
    snapshot = _openstack(clouds_yaml, "demo", "share", "snapshot", "show",
                          name + "-snap", "-f", "json")
    assert "/snapshots/snapshot_" in str(snapshot["export_locations"])
    rule = _openstack(clouds_yaml, "demo", "share", "snapshot", "access", "create",
                      name + "-snap", "ip", "10.0.0.0/24", "-f", "json")
    assert (rule["access_to"], rule["state"]) == ("10.0.0.0/24", "queued_to_apply")
    rules = _openstack(clouds_yaml, "demo", "share", "snapshot", "access", "list",
                       name + "-snap", "-f", "json")
    assert [row["Access To"] for row in rules] == ["10.0.0.0/24"]
    _openstack(clouds_yaml, "demo", "share", "snapshot", "delete", name + "-snap",
               "--wait")
    _openstack(clouds_yaml, "demo", "share", "delete", name, "--wait")
