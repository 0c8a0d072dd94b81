"""Page times and backend calls of the Share pages at 1,000 shares.

Not a test: a script that prints a table. It starts its own stack
(Keystone, the bundled backend, Horizon under gunicorn as ``make run``) on
free loopback ports in a temporary folder, seeds the demo project with N
shares and N/10 snapshots through python-manilaclient, then times each page
as a logged-in browser would fetch it: one warm-up GET, then R timed GETs,
reporting median and min. Backend calls per page come from the backend's
access log, which it writes before each response is sent.

    .stack/venv/bin/python -m manila_ui.tests.bench.bench_pages [--shares 1000]
        [--repeat 7] [--keep]

Upstream's numbers on the same kind of machine are in
../shared/research/perf-upstream-manila-ui.md (project shares at 1,000:
29.6 s median, 1,007 Manila calls).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

from manila_ui.stack import config
from manila_ui.stack import procs
from manila_ui.stack.runner import Layout
from manila_ui.stack.runner import Stack
from manila_ui.tests.dashboards.helpers import web_session

ROW_RE = re.compile(r'<tr[^>]*\bdata-object-id="')
PREFIX = "bench-"


def say(text: str) -> None:
    """The report goes to stdout (a script, not a library: no logging)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def client(stack_layout: Layout, user: str, version: str = "2.79") -> Any:
    from keystoneauth1 import session
    from keystoneauth1.identity import v3
    from manilaclient import client as manila_client

    u = config.USERS[user]
    sess = session.Session(auth=v3.Password(
        auth_url=stack_layout.keystone_url, username=u.name,
        password=u.password, project_name=u.project,
        user_domain_name=config.DOMAIN, project_domain_name=config.DOMAIN))
    return manila_client.Client(version, session=sess, service_type="sharev2"), sess


def seed(demo: Any, admin: Any, project_id: str, shares: int) -> tuple[list[str], list[str]]:
    """N shares of 1 GiB and one snapshot per 10 shares, all available."""
    snapshots = max(1, shares // 10)
    admin.quotas.update(project_id, shares=shares + 50, gigabytes=shares + 100,
                        snapshots=snapshots + 20, snapshot_gigabytes=snapshots + 20,
                        force=True)
    started = time.monotonic()

    def create(i: int) -> str:
        return str(demo.shares.create("NFS", 1, name=f"{PREFIX}{i:04d}").id)

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        ids = list(pool.map(create, range(shares)))

    def available() -> bool:
        found = demo.shares.list(search_opts={"status": "available", "limit": shares + 50})
        return len([s for s in found if s.name.startswith(PREFIX)]) >= shares

    procs.wait_until(available, 1800, 1.0, what=f"{shares} shares to be available")
    say(f"seeded {shares} shares in {time.monotonic() - started:.0f} s")
    snap_ids = [str(demo.share_snapshots.create(ids[i * 10], name=f"{PREFIX}snap-{i:03d}").id)
                for i in range(snapshots)]
    procs.wait_until(lambda: len(demo.share_snapshots.list(
        search_opts={"status": "available", "limit": snapshots + 20})) >= snapshots,
        1800, 1.0, what=f"{snapshots} snapshots to be available")
    return ids, snap_ids


def login(horizon_url: str, user: str) -> requests.Session:
    try:
        return web_session(horizon_url, user)
    except AssertionError as exc:
        sys.exit(str(exc))


def measure(web: requests.Session, url: str, access_log: Path,
            repeat: int) -> dict[str, Any]:
    web.get(url, timeout=300)  # warm-up
    times, calls = [], []
    body = ""
    for _ in range(repeat):
        before = access_log.stat().st_size
        started = time.monotonic()
        resp = web.get(url, timeout=300)
        times.append((time.monotonic() - started) * 1000)
        if resp.status_code != 200:
            sys.exit(f"{url}: HTTP {resp.status_code}")
        with access_log.open("rb") as log:
            log.seek(before)
            calls.append(len(log.read().splitlines()))
        body = resp.text
    return {"median": statistics.median(times), "min": min(times),
            "calls": max(calls), "rows": len(ROW_RE.findall(body)),
            "kib": len(body.encode()) / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shares", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", action="store_true",
                        help="leave the stack running (Ctrl-C to stop)")
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="manila-ui-bench-"))
    layout = Layout(root=root, keystone_port=procs.free_port(),
                    backend_port=procs.free_port(), horizon_port=procs.free_port(),
                    template_cache=config.stack_dir() / "test-template",
                    transition_delay=0.02, horizon_workers=1)
    stack = Stack(layout)
    say(f"starting a private stack in {root}")
    stack.up()
    try:
        demo, demo_sess = client(layout, "demo")
        admin, _sess = client(layout, "admin")
        share_ids, _snaps = seed(demo, admin, demo_sess.get_project_id(), args.shares)
        access_log = layout.backend_dir / "access.log"
        web = {user: login(layout.horizon_url, user) for user in ("demo", "admin")}
        pages = [
            ("floor: /project/api_access/ (no Manila call)", "demo", "/project/api_access/"),
            ("Project > Shares", "demo", "/project/"),
            ("Project > Shares, last page", "demo", f"/project/?offset={args.shares - 5}"),
            ("Project > Share Snapshots", "demo", "/project/share_snapshots/"),
            ("share detail", "demo", f"/project/{share_ids[0]}/"),
            ("Admin > Shares", "admin", "/admin/shares/"),
            ("Admin > Share Snapshots", "admin", "/admin/share_snapshots/"),
        ]
        say(f"\n{args.shares} shares, {max(1, args.shares // 10)} snapshots; "
              f"median / min of {args.repeat} after a warm-up\n")
        say("| page | median ms | min ms | backend calls | rows | HTML KiB |")
        say("|---|---|---|---|---|---|")
        for title, user, path in pages:
            got = measure(web[user], layout.horizon_url + path, access_log, args.repeat)
            say(f"| {title} | {got['median']:.0f} | {got['min']:.0f} | {got['calls']} "
                  f"| {got['rows']} | {got['kib']:.0f} |")
        if args.keep:
            say(f"\nHorizon: {layout.horizon_url} (Ctrl-C stops)")
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
