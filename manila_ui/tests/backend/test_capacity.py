"""An operator sizes each back end (``[alpha]``, ``[beta]`` ...: pool size,
thin or thick, over-subscription ratio or ``auto``, reserved percentages)
and the scheduler places shares exactly up to the limits Manila's capacity
filter draws; a create no pool can hold ends in error with the capacity
user message.  Each story runs on a backend of its own with 100 GB pools.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import wait_until

CAPACITY_MESSAGE = ("allocate host: No storage could be allocated for this share "
                    "request, Capacity filter didn't succeed.")
SMALL = {"alpha.total_capacity_gb": "100", "beta.total_capacity_gb": "100",
         "simulated_driver.dhss_backend": "False", "quota.gigabytes": "-1",
         "quota.per_share_gigabytes": "-1", "quota.shares": "-1"}


class Capacity:
    """An admin and a member of a fresh project on a backend of its own."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.admin = backend.api("admin", uuid.uuid4().hex)
        self.member = backend.api("member", uuid.uuid4().hex)

    def pool(self, backend: str) -> dict[str, Any]:
        resp = self.admin.get(f"/v2/scheduler-stats/pools/detail?backend={backend}")
        assert resp.status_code == 200, resp.text
        (pool,) = resp.json()["pools"]
        caps: dict[str, Any] = pool["capabilities"]
        return caps

    def place(self, size: int, zone: str | None, **fields: Any) -> dict[str, Any]:
        """Create a share (in ``zone``) and wait until it is placed or not;
        the share as the admin sees it (with its host)."""
        if zone:
            fields["availability_zone"] = zone
        share = self.member.create_share(size=size, **fields)

        def settled() -> dict[str, Any] | None:
            found = self.admin.share(share["id"])
            return found if found and found["status"] != "creating" else None
        placed: dict[str, Any] = wait_until(settled, what=f"placement of {share['id']}")
        return placed

    def refused_for_capacity(self, share: dict[str, Any]) -> bool:
        (message,) = self.member.messages_for(share["id"])
        return (share["status"], message["detail_id"], message["user_message"]) == (
            "error", "009", CAPACITY_MESSAGE)

    def extend(self, share: dict[str, Any], new_size: int) -> dict[str, Any]:
        resp = self.member.action(share["id"], "extend", {"new_size": new_size})
        assert resp.status_code == 202, resp.text
        settled: dict[str, Any] = self.member.wait_status(share["id"], "available")
        return settled


@pytest.fixture
def sized(start_backend: Callable[..., Backend]) -> Callable[..., Capacity]:
    def start(**options: str) -> Capacity:
        return Capacity(start_backend(**{**SMALL, **options}))
    return start


def test_a_thick_pool_takes_shares_until_it_is_exactly_full(
        sized: Callable[..., Capacity]) -> None:
    cap = sized()

    assert cap.place(60, "nova-2")["status"] == "available"
    assert cap.place(40, "nova-2")["status"] == "available"     # exactly full
    assert cap.refused_for_capacity(cap.place(1, "nova-2"))

    beta = cap.pool("beta")
    assert (beta["thin_provisioning"], beta["free_capacity_gb"],
            beta["provisioned_capacity_gb"], beta["max_over_subscription_ratio"]) == (
        False, 0.0, 100.0, 1.0)


def test_reserved_space_is_kept_from_new_shares_but_extends_may_use_part_of_it(
        sized: Callable[..., Capacity]) -> None:
    cap = sized(**{"beta.reserved_share_percentage": "10",
                   "beta.reserved_share_extend_percentage": "5"})

    assert cap.refused_for_capacity(cap.place(91, "nova-2"))
    share = cap.place(90, "nova-2")                    # 100 GB - 10 % reserved
    assert share["status"] == "available"
    assert cap.refused_for_capacity(cap.place(1, "nova-2"))

    assert cap.extend(share, 95)["size"] == 95          # 10 free - 5 % reserved
    resp = cap.member.action(share["id"], "extend", {"new_size": 96})
    assert resp.status_code == 202
    assert cap.member.wait_status(share["id"], "available")["size"] == 95
    extend_messages = [m for m in cap.member.messages_for(share["id"])
                       if m["action_id"] == "008"]
    assert [m["detail_id"] for m in extend_messages] == ["009"]
    assert (cap.pool("beta")["reserved_percentage"],
            cap.pool("beta")["reserved_share_extend_percentage"]) == (10, 5)


def test_a_thin_pool_is_provisioned_up_to_its_ratio_and_no_further(
        sized: Callable[..., Capacity]) -> None:
    cap = sized(**{"alpha.max_over_subscription_ratio": "2.0"})

    assert cap.refused_for_capacity(cap.place(201, "nova"))
    assert cap.place(150, "nova")["status"] == "available"   # thick beta could not
    assert cap.place(50, "nova")["status"] == "available"    # 200 GB = 2 x 100 GB
    assert cap.refused_for_capacity(cap.place(1, "nova"))

    alpha = cap.pool("alpha")
    assert (alpha["thin_provisioning"], alpha["provisioned_capacity_gb"],
            alpha["free_capacity_gb"], alpha["max_over_subscription_ratio"],
            alpha["max_over_subscription_ratio_auto"]) == (True, 200.0, 100.0, 2.0, False)


def test_a_type_that_asks_for_thick_provisioning_gets_no_over_subscription(
        sized: Callable[..., Capacity]) -> None:
    cap = sized(**{"alpha.max_over_subscription_ratio": "2.0"})
    resp = cap.admin.post("/v2/types", json={"share_type": {
        "name": "thick-" + uuid.uuid4().hex[:6], "os-share-type-access:is_public": True,
        "extra_specs": {"driver_handles_share_servers": "False",
                        "thin_provisioning": "False"}}})
    assert resp.status_code == 200, resp.text
    thick = resp.json()["share_type"]["name"]

    # Only beta reports thin_provisioning False: the zone of alpha has none.
    (message,) = cap.member.messages_for(
        cap.place(10, "nova", share_type=thick)["id"])
    assert message["detail_id"] == "008"
    assert cap.place(100, "nova-2", share_type=thick)["status"] == "available"
    assert cap.refused_for_capacity(cap.place(1, "nova-2", share_type=thick))


def test_auto_starts_at_the_default_and_then_follows_what_shares_write(
        sized: Callable[..., Capacity]) -> None:
    cap = sized(**{"alpha.max_over_subscription_ratio": "auto"})
    before = cap.pool("alpha")
    assert (before["max_over_subscription_ratio"],
            before["max_over_subscription_ratio_auto"]) == (20.0, True)

    # Before anything is provisioned auto is the default, 20: 2000 GB fit.
    assert cap.refused_for_capacity(cap.place(2001, "nova"))
    first = cap.place(10, "nova", metadata={"simulated_driver:used_gb": "4"})
    assert first["status"] == "available"

    # 10 GB provisioned, 4 written: 1 + 10 / (4 + 1) = 3.0.  The free 96 GB
    # x 3 bound 288 GB more.
    after = cap.pool("alpha")
    assert (after["max_over_subscription_ratio"], after["provisioned_capacity_gb"],
            after["free_capacity_gb"]) == (3.0, 10.0, 96.0)
    assert cap.refused_for_capacity(cap.place(289, "nova"))
    assert cap.place(288, "nova")["status"] == "available"

    # 298 GB over 4 written: 60.6, capped at the default.
    assert cap.pool("alpha")["max_over_subscription_ratio"] == 20.0


def test_the_weigher_spreads_shares_to_the_pool_with_most_room(
        sized: Callable[..., Capacity]) -> None:
    cap = sized(**{"alpha.max_over_subscription_ratio": "1.0"})

    # alpha (thin, ratio 1) and beta (thick) both offer 100 GB: a tie goes
    # to the later name; then the emptier one wins.
    hosts = [cap.place(30, None)["host"] for _ in range(3)]

    assert [h.split("#")[1] for h in hosts] == ["pool_beta", "pool_alpha", "pool_beta"]


def _sighup(backend: Backend, **changes: str) -> None:
    assert backend.server is not None and backend.server.proc is not None
    backend.options.update(changes)
    backend.write_config()
    os.kill(backend.server.proc.pid, signal.SIGHUP)


def test_a_new_ratio_applies_after_sighup_without_a_restart(
        sized: Callable[..., Capacity]) -> None:
    cap = sized(**{"alpha.max_over_subscription_ratio": "2.0", "workers": "2"})
    assert cap.place(150, "nova")["status"] == "available"

    _sighup(cap.backend, **{"alpha.max_over_subscription_ratio": "1.5"})
    # Each worker reloads on its own: every answer shows the new ratio once
    # both did (four asks in a row, each on a connection of its own).
    wait_until(lambda: all(
        Capacity(cap.backend).pool("alpha")["max_over_subscription_ratio"] == 1.5
        for _ in range(4)), what="the new ratio")
    assert cap.refused_for_capacity(cap.place(1, "nova"))    # 151 > 1.5 x 100

    _sighup(cap.backend, **{"alpha.max_over_subscription_ratio": "auto"})
    wait_until(lambda: cap.pool("alpha")["max_over_subscription_ratio_auto"],
               what="auto")
    # 150 GB provisioned, nothing written: 151, capped at the default 20.
    assert cap.pool("alpha")["max_over_subscription_ratio"] == 20.0

    # A value the option refuses keeps the previous one.
    log = cap.backend.state / "backend.log"
    _sighup(cap.backend, **{"alpha.max_over_subscription_ratio": "0.5"})
    wait_until(lambda: log.read_text().count("Kept the previous configuration") >= 3,
               what="the refusal in the master and both workers")
    assert cap.pool("alpha")["max_over_subscription_ratio_auto"] is True
    assert cap.place(10, "nova")["status"] == "available"


def test_a_backend_with_a_bad_ratio_does_not_start(tmp_path: Path) -> None:
    config = tmp_path / "backend.conf"
    config.write_text(f"[DEFAULT]\nstate_path = {tmp_path}\n"
                      "[gamma]\nmax_over_subscription_ratio = 0.9\n")
    done = subprocess.run([sys.executable, "-m", "manila_ui.backend.cmd",
                           "--config-file", str(config)],
                          capture_output=True, text=True, timeout=60, check=False)

    assert done.returncode == 1
    assert "max_over_subscription_ratio" in done.stderr
    assert "Traceback" not in done.stderr
