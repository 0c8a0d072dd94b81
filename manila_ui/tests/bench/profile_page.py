"""Profile one page of our Horizon in-process (not a test).

    .stack/venv/bin/python -m manila_ui.tests.bench.profile_page \\
        --shares 1000 --user demo /project/ [/project/share_snapshots/ ...]

Starts a private stack (Keystone and the bundled backend, as ``make bench``
does) filled with ``--shares`` shares of demo's (N/10 snapshots, 5 networks),
or uses a running stack's Keystone (``--keystone URL``, the backend in its
catalog); logs in with Django's test client, GETs each page once to warm it,
then ``--repeat`` times under cProfile, and prints the functions by
cumulative and by own time. ``--out FILE`` keeps the profiles (one file a
page) for ``python -m pstats`` or snakeviz. A page is a path, or
``user:path`` (e.g. ``admin:/admin/share_snapshots/``); paths may name
``{share}``, ``{snapshot}``, ``{network}`` (with ``--shares``). SIGTERM or
Ctrl-C stops the private stack.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keystone", help="a running Keystone's URL (…/v3)")
    parser.add_argument("--shares", type=int, default=100,
                        help="shares of a private stack (without --keystone)")
    parser.add_argument("--api-max", type=int, default=1000,
                        help="shares made through the API; more are copies in the database")
    parser.add_argument("--user", default="demo")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--keep", action="store_true",
                        help="keep the private stack up afterwards (Ctrl-C stops)")
    parser.add_argument("--out", help="write the profile here")
    parser.add_argument("pages", nargs="+")
    args = parser.parse_args()

    def stop(signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    if args.keystone:
        profile_pages(args, args.keystone, {})
        return
    from manila_ui.stack import config
    from manila_ui.stack import procs
    from manila_ui.stack.runner import Layout
    from manila_ui.stack.runner import Stack
    from manila_ui.tests.bench.bench_pages import Seeded

    root = Path(tempfile.mkdtemp(prefix="manila-ui-profile-"))
    layout = Layout(root=root, keystone_port=procs.free_port(),
                    backend_port=procs.free_port(), horizon_port=procs.free_port(),
                    template_cache=config.stack_dir() / "test-template",
                    transition_delay=0.02)
    stack = Stack(layout)
    try:
        stack.up(with_horizon=False)
        seeded = Seeded(layout)
        # As make bench: the API makes the first --api-max, copies the rest.
        seeded.grow(min(args.shares, args.api_max))
        if args.shares > len(seeded.shares):
            seeded.clone(layout.backend_dir, args.shares)
        profile_pages(args, layout.keystone_url, seeded.ids())
        if args.keep:
            sys.stdout.write(f"\nkept: --keystone {layout.keystone_url} {seeded.ids()} "
                             "(Ctrl-C stops)\n")
            sys.stdout.flush()
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop()
        shutil.rmtree(root, ignore_errors=True)


def profile_pages(args: argparse.Namespace, keystone_url: str, ids: dict[str, str]) -> None:
    os.environ["MANILA_UI_KEYSTONE_URL"] = keystone_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "openstack_dashboard.settings"

    from manila_ui.stack import horizon

    horizon.install_plugin()
    horizon.build_static(Path(tempfile.gettempdir()) / "manila-ui-profile-static.log")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from manila_ui.stack import config

    clients: dict[str, Any] = {}

    def client_of(user: str) -> Any:
        if user not in clients:
            account = config.USERS[user]
            client = clients[user] = Client()
            answer = client.post(settings.LOGIN_URL, {
                "region": "default", "domain": config.DOMAIN,
                "username": account.name, "password": account.password})
            assert answer.status_code == 302, answer.status_code
        return clients[user]

    for wanted in args.pages:
        user, _colon, page = wanted.rpartition(":")
        page = page.format(**ids)
        client = client_of(user or args.user)
        answer = client.get(page)
        assert answer.status_code == 200, (page, answer.status_code)
        # CPU time of this thread: the machine's load and other threads do not count.
        profile = cProfile.Profile(time.thread_time)
        started, process_started = time.perf_counter(), time.process_time()
        profile.enable()
        for _ in range(args.repeat):
            client.get(page)
        profile.disable()
        ms = (time.perf_counter() - started) * 1000 / args.repeat
        # The process's CPU adds the page's other threads (prefetched calls,
        # maps listed behind the page), which cProfile does not see.
        process_ms = (time.process_time() - process_started) * 1000 / args.repeat
        cpu_ms = pstats.Stats(profile).total_tt * 1000 / args.repeat
        sys.stdout.write(f"\n=== {page}: {ms:.0f} ms a GET (profiled), CPU a GET: "
                         f"thread {cpu_ms:.1f} ms, process {process_ms:.1f} ms, "
                         f"{len(answer.content) / 1024:.0f} KiB\n")
        for order in ("cumulative", "tottime"):
            text = io.StringIO()
            pstats.Stats(profile, stream=text).sort_stats(order).print_stats(args.top)
            sys.stdout.write(text.getvalue())
        if args.out:
            profile.dump_stats(f"{args.out}.{page.strip('/').replace('/', '_') or 'root'}")


if __name__ == "__main__":
    main()
