"""Clients nobody here wrote drive share networks, security services and
share servers: python-manilaclient and the ``openstack share network``
commands, through real Keystone tokens and the service catalog."""

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


def test_manilaclient_runs_networks_services_and_servers(
        manila: Callable[..., Any]) -> None:
    from manilaclient import exceptions

    demo, admin, alt = manila("demo", "2.98"), manila("admin", "2.98"), \
        manila("alt_demo", "2.98")
    name = "peer-net-" + uuid.uuid4().hex[:6]

    network = demo.share_networks.create(name=name, availability_zone="nova")
    service = demo.security_services.create("ldap", name=name, server="ldap.example.org",
                                            password="not-shown-in-ui")
    check = demo.share_networks.add_security_service_check(network, service)
    assert check[1]["compatible"] is True
    demo.share_networks.add_security_service(network, service)
    subnet = demo.share_network_subnets.create(share_network_id=network.id,
                                               availability_zone="nova-2")
    assert {s["availability_zone"] for s in demo.share_networks.get(network.id)
            .share_network_subnets} == {"nova", "nova-2"}
    assert [n.id for n in demo.share_networks.list(search_opts={"name~": name})] == [
        network.id]
    with pytest.raises(exceptions.NotFound):
        alt.share_networks.get(network.id)

    share = demo.shares.create("NFS", 1, share_type="dhss_true",
                               share_network=network.id)
    wait_until(lambda: demo.shares.get(share.id).status == "available", timeout=30,
               what="the DHSS share")
    (server,) = admin.share_servers.list(search_opts={"share_network": network.id})
    assert server.status == "active"
    assert admin.share_servers.get(server.id).share_network_name == name
    with pytest.raises(exceptions.Conflict):
        demo.share_networks.delete(network)

    demo.shares.delete(share.id)
    wait_until(lambda: not [s for s in demo.shares.list() if s.id == share.id],
               timeout=30, what="the share to go")
    demo.share_network_subnets.delete(network.id, subnet.id)
    demo.share_networks.delete(network)
    demo.security_services.delete(service)
    with pytest.raises(exceptions.NotFound):
        demo.share_networks.get(network.id)


def _openstack(clouds_yaml: Path, cloud: str, *args: str) -> Any:
    env = dict(os.environ, OS_CLIENT_CONFIG_FILE=str(clouds_yaml))
    env.pop("OS_CLOUD", None)
    command = [os.path.join(os.path.dirname(sys.executable), "openstack"),
               "--os-cloud", cloud, *args]
    if args[-1] != "--no-format":
        command += ["-f", "json"]
    else:
        command.pop()
    done = subprocess.run(command, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if done.stdout.strip() else None


def test_openstack_share_network_commands_with_clouds_yaml(clouds_yaml: Path) -> None:
    name = "osc-net-" + uuid.uuid4().hex[:6]

    created = _openstack(clouds_yaml, "demo", "share", "network", "create",
                         "--name", name, "--availability-zone", "nova")
    listed = _openstack(clouds_yaml, "demo", "share", "network", "list", "--name", name)
    shown = _openstack(clouds_yaml, "demo", "share", "network", "show", name)
    _openstack(clouds_yaml, "demo", "share", "network", "delete", name, "--no-format")
    after = _openstack(clouds_yaml, "demo", "share", "network", "list", "--name", name)

    assert created["name"] == name
    assert [row["Name"] for row in listed] == [name]
    assert shown["id"] == created["id"]
    assert "nova" in json.dumps(shown["share_network_subnets"])
    assert after == []
