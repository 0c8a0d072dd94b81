"""``python -m manila_ui.stack.reference up|down|status``.

up: installs what is missing (apt rabbitmq-server + postgresql, the venv), then
starts whatever is down: epmd, RabbitMQ, PostgreSQL, Keystone, manila-api,
-scheduler and -share, neutron-api (unless MANILA_UI_REF_NEUTRON=0); waits until
Manila and Neutron are ready; creates the share types; writes clouds.yaml.
down: stops, gracefully, exactly the processes that up started (pid files and
process groups), Manila first. status: one line each (exit 3 unless all is up).
keystone-url: the reference Keystone's URL.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import sys
import time
from collections.abc import Callable
from typing import TypeVar

from manila_ui.stack.procs import StackError
from manila_ui.stack.reference import clouds
from manila_ui.stack.reference import keystone
from manila_ui.stack.reference import manila
from manila_ui.stack.reference import neutron
from manila_ui.stack.reference import services
from manila_ui.stack.reference.config import CLOUD_USERS
from manila_ui.stack.reference.config import RefConfig
from manila_ui.stack.reference.venv import ensure_venv

T = TypeVar("T")


def say(msg: str) -> None:
    print(msg, flush=True)  # noqa: T201 - a command-line tool


def step(name: str, fn: Callable[[], T]) -> T:
    t0 = time.monotonic()
    result = fn()
    say(f"  {name:<22} {time.monotonic() - t0:6.1f} s  {result if result is not None else ''}")
    return result


def up(cfg: RefConfig) -> None:
    t0 = time.monotonic()
    say(f"reference stack in {cfg.root}")
    for sub in (cfg.root, cfg.run_dir, cfg.log_dir):
        sub.mkdir(parents=True, exist_ok=True)
    cfg.root.chmod(0o755)  # the postgres user must traverse it to its cluster

    step("apt", lambda: services.ensure_apt(cfg))

    def rabbit() -> None:
        step("epmd", lambda: services.epmd_up(cfg))
        step("rabbitmq", lambda: services.rabbit_up(cfg))

    # Dependencies: keystone needs the venv; manila's schema needs the venv and
    # PostgreSQL; its daemons need RabbitMQ too. Everything else overlaps.
    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        venv_job = pool.submit(step, "venv", lambda: ensure_venv(cfg))
        rabbit_job = pool.submit(rabbit)
        pg_job = pool.submit(step, "postgresql", lambda: services.pg_up(cfg))

        def keystone_side() -> None:
            venv_job.result()
            step("keystone", lambda: keystone.up(cfg))

        def manila_side() -> dict[str, float]:
            venv_job.result()
            changed = (
                step("manila config", lambda: "changed" if manila.write_files(cfg) else "unchanged")
                == "changed"
            )
            if changed and manila.any_running(cfg):
                step("manila restart", lambda: manila.down(cfg))
            pg_job.result()
            step("manila db sync", lambda: manila.db_sync(cfg))
            rabbit_job.result()
            started: dict[str, float] = {}

            def start() -> str:
                started.update(manila.start(cfg))
                return "started " + ", ".join(started) if started else "running"

            step("manila start", start)
            return started

        def neutron_side() -> None:
            venv_job.result()
            if not cfg.neutron:
                step("neutron", lambda: neutron.down(cfg))
                return
            if neutron.write_files(cfg):
                step("neutron restart", lambda: neutron.down(cfg))
            pg_job.result()
            step("neutron db sync", lambda: neutron.db_sync(cfg))
            rabbit_job.result()
            step("neutron start", lambda: "started" if neutron.start(cfg) else "running")

        ks_job = pool.submit(keystone_side)
        mn_job = pool.submit(manila_side)
        nt_job = pool.submit(neutron_side)
        ks_job.result()
        started = mn_job.result()
        nt_job.result()
        step("network catalog", lambda: neutron.ensure_catalog(cfg))
    if cfg.neutron:
        step("neutron ready", lambda: neutron.wait_ready(cfg))
    step("manila ready", lambda: manila.wait_ready(cfg, started))
    step("share types", lambda: manila.ensure_share_types(cfg) or "present")
    step("share group types", lambda: manila.ensure_share_group_types(cfg) or "present")
    step("clouds.yaml", lambda: clouds.write(cfg))
    say(f"reference stack up in {time.monotonic() - t0:.1f} s")
    say(
        f"  keystone {cfg.keystone_url}   manila {cfg.manila_url} (max microversion "
        f"{manila.API_VERSION})" + (f"   neutron {cfg.neutron_url}" if cfg.neutron else "")
    )
    say(
        f"  OS_CLIENT_CONFIG_FILE={cfg.clouds_yaml} {cfg.bin('openstack')} "
        f"--os-cloud demo share list   (clouds: {', '.join(CLOUD_USERS)})"
    )


def down(cfg: RefConfig) -> None:
    t0 = time.monotonic()
    # Manila, Neutron and Keystone first (they hold connections to RabbitMQ and PostgreSQL).
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        mn = pool.submit(manila.down, cfg)
        nt = pool.submit(neutron.down, cfg)
        ks = pool.submit(keystone.down, cfg)
        for daemon, verdict in mn.result().items():
            say(f"  {daemon:<18} {verdict}")
        say(f"  {neutron.DAEMON:<18} {nt.result()}")
        say(f"  {'keystone':<18} {ks.result()}")
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        rb = pool.submit(services.rabbit_down, cfg)
        pg = pool.submit(services.pg_down, cfg)
        say(f"  {'rabbitmq':<18} {rb.result()}")
        say(f"  {'postgresql':<18} {pg.result()}")
    say(f"  {'epmd':<18} {services.epmd_down(cfg)}")
    say(f"reference stack down in {time.monotonic() - t0:.1f} s")


def status(cfg: RefConfig) -> int:
    rows = {**services.status(cfg), **keystone.status(cfg), **manila.status(cfg),
            **neutron.status(cfg)}
    for name, state in rows.items():
        say(f"  {name:<18} {state}")
    all_up = all(
        not s.startswith(("down", "starting")) and "not answering" not in s for s in rows.values()
    )
    say(f"reference stack {'up' if all_up else 'NOT fully up'} ({cfg.root})")
    return 0 if all_up else 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m manila_ui.stack.reference",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    parser.add_argument("command", choices=("up", "down", "status", "keystone-url"))
    args = parser.parse_args(argv)
    cfg = RefConfig.from_env()
    try:
        if args.command == "keystone-url":  # for MANILA_UI_TEST_KEYSTONE_URL
            say(cfg.keystone_url)
        elif args.command == "up":
            up(cfg)
        elif args.command == "down":
            down(cfg)
        else:
            return status(cfg)
    except StackError as exc:
        say(f"reference stack: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
