"""Access rules through clients nobody here wrote: python-manilaclient (old
and new list calls, metadata, level update, locks) and ``openstack share
access create/list/delete``, with Keystone tokens from the session stack."""

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


def _available(client: Any, **kwargs: Any) -> Any:
    share = client.shares.create("NFS", 1, name="acc-" + uuid.uuid4().hex[:8], **kwargs)

    def ready() -> Any:
        found = client.shares.get(share.id)
        assert found.status != "error", found
        return found if found.status == "available" else None
    return wait_until(ready, timeout=30, what=f"share {share.id} available")


def _settled(client: Any, share: Any) -> list[Any]:
    def done() -> list[Any] | None:
        found = client.share_access_rules.access_list(share)
        if all(r.state in ("active", "error") for r in found) and \
                client.shares.get(share.id).access_rules_status != "syncing":
            return found or [None]
        return None
    return [r for r in wait_until(done, timeout=30, what="rules settled") if r]


def test_manilaclient_manages_access_rules(manila: Callable[..., Any]) -> None:
    from manilaclient import exceptions

    demo, reader = manila("demo", "2.98"), manila("reader", "2.98")
    share = _available(demo)

    wide = share.allow("ip", "10.0.0.0/8", "rw", metadata={"team": "blue"})
    assert wide["state"] == "queued_to_apply" and wide["metadata"] == {"team": "blue"}
    share.allow("ip", "10.1.0.0/16", "ro")
    with pytest.raises(exceptions.BadRequest, match="ip:10.1.0.0/16 exists"):
        share.allow("ip", "10.1.0.0/16", "rw")
    with pytest.raises(exceptions.Forbidden):
        reader.shares.allow(share.id, "ip", "10.2.0.0/16", "rw")

    rules = {r.access_to: r for r in _settled(demo, share)}
    assert {r.state for r in rules.values()} == {"active"}
    old_list = manila("demo", "2.44").shares.access_list(share.id)
    assert {r.access_to for r in old_list} == {"10.0.0.0/8", "10.1.0.0/16"}

    rule = rules["10.0.0.0/8"]
    demo.share_access_rules.set_metadata(rule, {"priority": "5"})
    demo.share_access_rules.unset_metadata(rule, ["team"])
    assert demo.share_access_rules.get(rule.id).metadata == {"priority": "5"}
    demo.share_access_rules.set_access_level(rule, "ro")
    rules = {r.access_to: r for r in _settled(demo, share)}
    assert rules["10.0.0.0/8"].access_level == "ro"
    ordered = demo.share_access_rules.access_list(
        share, search_opts={"sort_key": "priority"})
    assert [r.access_to for r in ordered] == ["10.0.0.0/8", "10.1.0.0/16"]

    locked = share.allow("ip", "10.3.0.0/16", "rw", lock_deletion=True)
    with pytest.raises(exceptions.Forbidden, match="has been locked"):
        demo.shares.deny(share.id, locked["id"])
    demo.shares.deny(share.id, locked["id"], unrestrict=True)
    demo.shares.deny(share.id, rules["10.1.0.0/16"].id)
    wait_until(lambda: [r.access_to for r in _settled(demo, share)] == ["10.0.0.0/8"],
               timeout=30, what="two rules denied")
    assert demo.resource_locks.list() == []


def _openstack(clouds_yaml: Path, *args: str, check: bool = True
               ) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, OS_CLIENT_CONFIG_FILE=str(clouds_yaml))
    env.pop("OS_CLOUD", None)
    command = [os.path.join(os.path.dirname(sys.executable), "openstack"),
               "--os-cloud", "demo", *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def test_openstack_share_access_commands(clouds_yaml: Path,
                                         manila: Callable[..., Any]) -> None:
    share = _available(manila("demo", "2.98"))

    created = json.loads(_openstack(
        clouds_yaml, "share", "access", "create", share.id, "ip", "10.0.0.0/8",
        "--access-level", "ro", "--properties", "squashless=yes", "--wait",
        "-f", "json").stdout)
    listed = json.loads(_openstack(clouds_yaml, "share", "access", "list", share.id,
                                   "-f", "json").stdout)
    refused = _openstack(clouds_yaml, "share", "access", "create", share.id, "ip",
                         "10.0.0.0/8", check=False)

    assert created["access_to"] == "10.0.0.0/8" and created["access_level"] == "ro"
    assert [(row["Access To"], row["State"]) for row in listed] == [
        ("10.0.0.0/8", "active")]
    assert refused.returncode != 0 and "exists" in refused.stderr
    _openstack(clouds_yaml, "share", "access", "delete", share.id, created["id"],
               "--wait")
    after = json.loads(_openstack(clouds_yaml, "share", "access", "list", share.id,
                                  "-f", "json").stdout)
    assert after == []
