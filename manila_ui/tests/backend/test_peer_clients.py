"""Clients nobody here wrote work against the backend: python-manilaclient
and the ``openstack share`` commands, through real Keystone tokens and the
service catalog (the session stack runs the backend in keystone mode)."""

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


def _wait(client: Any, share_id: str, status: str) -> Any:
    def reached() -> Any:
        share = client.shares.get(share_id)
        assert not share.status.startswith("error") or share.status == status, share
        return share if share.status == status else None
    return wait_until(reached, timeout=30, what=f"share {share_id} {status}")


def test_manilaclient_runs_a_share_lifecycle(manila: Callable[..., Any]) -> None:
    from manilaclient import exceptions

    demo = manila("demo", "2.98")
    name = "peer-" + uuid.uuid4().hex[:8]

    share = demo.shares.create("NFS", 1, name=name, description="from manilaclient")
    assert share.status == "creating"
    available = _wait(demo, share.id, "available")

    assert available.name == name
    assert available.share_type_name == "default"
    paths = [el.path for el in demo.share_export_locations.list(share.id)]
    assert any(path.startswith("10.0.0.10:") for path in paths)
    assert any(path.startswith("[fd00:10::10]:") for path in paths)
    listed = demo.shares.list(search_opts={"name": name})
    assert [s.id for s in listed] == [share.id]
    demo.shares.update(share.id, display_name=name + "-renamed")
    assert demo.shares.get(share.id).name == name + "-renamed"

    demo.shares.delete(share.id)
    wait_until(lambda: not demo.shares.list(search_opts={"name": name + "-renamed"}),
               timeout=30, what="the share to go")
    with pytest.raises(exceptions.NotFound):
        demo.shares.get(share.id)


def test_manilaclient_negotiates_and_reads_the_catalog(
        manila: Callable[..., Any], os_session: Callable[..., Any]) -> None:
    demo = manila("demo")   # negotiated: the client's max, 2.98

    assert demo.api_version.get_string() == "2.98"
    assert {t.name for t in demo.share_types.list()} >= {"default", "dhss_false"}
    assert demo.share_types.get("default").is_default is True
    assert {z.name for z in demo.availability_zones.list()} == {"nova", "nova-2"}
    limits = {limit.name: limit.value for limit in demo.limits.get().absolute}
    assert limits["maxTotalShares"] == 50
    quotas = demo.quotas.get(os_session("demo").get_project_id())
    assert quotas.gigabytes == 1000


def test_manilaclient_sees_manilas_refusals(manila: Callable[..., Any]) -> None:
    from manilaclient import exceptions

    demo, alt, reader = manila("demo", "2.98"), manila("alt_demo", "2.98"), \
        manila("reader", "2.98")
    share = demo.shares.create("NFS", 1, name="private-" + uuid.uuid4().hex[:6])

    with pytest.raises(exceptions.NotFound):
        alt.shares.get(share.id)
    with pytest.raises(exceptions.Forbidden):
        reader.shares.create("NFS", 1)
    with pytest.raises(exceptions.BadRequest, match="Invalid share protocol"):
        demo.shares.create("NOPE", 1)
    with pytest.raises(exceptions.RequestEntityTooLarge):
        demo.shares.create("NFS", 100000)
    with pytest.raises(exceptions.Forbidden):
        demo.pools.list()
    assert reader.shares.get(share.id).id == share.id
    _wait(demo, share.id, "available")
    demo.shares.delete(share.id)


def test_manilaclient_admin_sees_pools_and_a_user_message(
        manila: Callable[..., Any]) -> None:
    admin, demo = manila("admin", "2.98"), manila("demo", "2.98")
    share_type = admin.share_types.create("peer-" + uuid.uuid4().hex[:8],
                                          spec_driver_handles_share_servers=False,
                                          extra_specs={"vendor_name": "foobar"})
    pools = admin.pools.list(detailed=True)
    assert {p.name for p in pools} == {"manila-ui@alpha#pool_alpha",
                                       "manila-ui@beta#pool_beta",
                                       "manila-ui@gamma#pool_gamma"}

    share = demo.shares.create("NFS", 1, share_type=share_type.id)
    _wait(demo, share.id, "error")

    (message,) = demo.messages.list(search_opts={"resource_id": share.id})
    assert message.action_id == "001" and message.detail_id == "008"
    demo.shares.delete(share.id)   # never placed: gone at once
    assert share.id not in {s.id for s in demo.shares.list()}


def _openstack(clouds_yaml: Path, cloud: str, *args: str) -> Any:
    env = dict(os.environ, OS_CLIENT_CONFIG_FILE=str(clouds_yaml))
    env.pop("OS_CLOUD", None)
    command = [os.path.join(os.path.dirname(sys.executable), "openstack"),
               "--os-cloud", cloud, *args, "-f", "json"]
    done = subprocess.run(command, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if done.stdout.strip() else None


def test_openstack_share_commands_with_clouds_yaml(clouds_yaml: Path) -> None:
    name = "osc-" + uuid.uuid4().hex[:8]

    created = _openstack(clouds_yaml, "demo", "share", "create", "NFS", "1",
                         "--name", name, "--wait")
    listed = _openstack(clouds_yaml, "demo", "share", "list", "--name", name)
    shown = _openstack(clouds_yaml, "demo", "share", "show", name)

    assert created["name"] == name
    assert [row["Name"] for row in listed] == [name]
    assert shown["status"] == "available"
    assert "10.0.0.10:/shares/" in json.dumps(shown["export_locations"])
    subprocess.run([os.path.join(os.path.dirname(sys.executable), "openstack"),
                    "--os-cloud", "demo", "share", "delete", name, "--wait"],
                   env=dict(os.environ, OS_CLIENT_CONFIG_FILE=str(clouds_yaml)),
                   check=True, capture_output=True, timeout=120)
