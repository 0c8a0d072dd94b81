"""Benchmark (not a test): the same calls on the bundled backend and on real Manila.

    make reference reference-bench            # or: python -m manila_ui.tests.reference.bench

Fills demo's project on both backends with N shares (default 1,000; created
through the API with at most ``--concurrency`` requests in flight per backend,
because a burst of creates or deletes overloads a small Manila: see
research/perf-upstream-manila-ui.md, "Incidents"), then times
``GET /v2/shares/detail?limit=20`` (and the dashboard's own first-page query)
as demo, alternating between the backends so that the machine's load drifts
alike on both, and prints median / min / p90. Afterwards it deletes the shares
(same cap) and resets demo's quotas, which it raised for the run.

Interrupted (Ctrl-C or SIGTERM), it still cleans up: it deletes every share
named with its token, gives up waiting on a backend once its count has not
moved for ``--stall`` seconds and force-deletes what is left as admin. A
second Ctrl-C skips the cleanup, says what it leaves, and stops the bundled
backend all the same.

The bundled backend is a fresh one (Keystone + backend, SQLite, as the tests
start it) on free ports; real Manila is the running reference stack.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import signal
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from keystoneauth1 import exceptions as ksa_exceptions

from manila_ui.tests.reference.differ import Side

VERSION = "2.98"  # what the dashboard speaks (python-manilaclient's max)
CALLS = {
    "GET /v2/shares/detail?limit=20": "/shares/detail?limit=20",
    "dashboard first page": "/shares/detail?limit=21&offset=0&sort_key=created_at"
                            "&sort_dir=desc&with_count=True",
}


def say(msg: str) -> None:
    print(msg, flush=True)  # noqa: T201 - a command-line tool


def _ok(resp: Any, what: str, *codes: int) -> Any:
    if resp.status not in codes:
        raise RuntimeError(f"{what}: HTTP {resp.status}: {str(resp.body)[:300]}")
    return resp.body


# Set when the run is being abandoned: polls and workers end at their next step.
STOP = threading.Event()


def _drain(count: Callable[[], int], stall: float, what: str) -> int:
    """Poll ``count`` down to 0; give up once it has not moved for ``stall``
    seconds (Manila leaves some creates and deletions hanging). Returns what
    is left."""
    last, since = -1, time.monotonic()
    while not STOP.is_set():
        try:
            left = count()
        except (RuntimeError, OSError, ksa_exceptions.ConnectionError) as exc:
            # Manila 23 may fail a listing while shares are being deleted.
            say(f"  ({what}: {exc.__class__.__name__}, polling on)")
            left = last
        if left == 0:
            return 0
        if left != last:
            last, since = left, time.monotonic()
        elif time.monotonic() - since > stall:
            say(f"  {what}: {left} left, none gone for {stall:.0f} s")
            return left
        STOP.wait(2)
    raise KeyboardInterrupt(what)


class Bench:
    """N shares named ``bench-<token>-NNNN`` in demo's project on one side."""

    def __init__(self, side: Side, prefix: str, concurrency: int) -> None:
        self.side = side
        self.prefix = prefix
        self.concurrency = concurrency
        self.ids: list[str] = []

    def call(self, actor: str, method: str, path: str, body: Any = None) -> Any:
        return self.side.request(actor, method, path, version=VERSION, body=body)

    def count(self, status: str | None = None) -> int:
        query = f"/shares/detail?name~={self.prefix}&limit=1&with_count=true"
        if status:
            query += f"&status={status}"
        return int(_ok(self.call("demo", "GET", query), "count shares", 200)["count"])

    def raise_quota(self, n: int) -> None:
        project = self.side.project_id("demo")
        body = {"quota_set": {"shares": n + 1000, "gigabytes": n + 5000, "force": True}}
        _ok(self.call("admin", "PUT", f"/quota-sets/{project}", body), "raise quota", 200)

    def reset_quota(self) -> None:
        # Back to the defaults by an update: Manila's DELETE of a quota set also
        # wipes the project's usage counters, which then drift from what exists.
        project = self.side.project_id("demo")
        defaults = _ok(self.call("admin", "GET", f"/quota-sets/{project}/defaults"),
                       "default quotas", 200)["quota_set"]
        body = {"quota_set": {"shares": defaults["shares"],
                              "gigabytes": defaults["gigabytes"], "force": True}}
        _ok(self.call("admin", "PUT", f"/quota-sets/{project}", body), "reset quota", 200)

    def _pool(self, fn: Callable[[int], Any], n: int) -> list[Any]:
        pool = concurrent.futures.ThreadPoolExecutor(self.concurrency)
        try:
            return list(pool.map(fn, range(n)))
        finally:  # on an interrupt the queued calls return at once (STOP)
            pool.shutdown(cancel_futures=True)

    def create(self, n: int, stall: float) -> float:
        t0 = time.monotonic()

        def one(i: int) -> None:
            if STOP.is_set():
                return
            body = {"share": {"share_proto": "NFS", "size": 1, "name": f"{self.prefix}-{i:04d}"}}
            _ok(self.call("demo", "POST", "/shares", body), "create", 200)

        self._pool(one, n)
        _drain(lambda: self.count("creating"), stall, f"{self.side.name}: creates")
        errors = self.count("error")
        if errors:
            say(f"  {self.side.name}: {errors} shares in error (kept in the listing)")
        return time.monotonic() - t0

    def _mine(self, as_admin: bool = False) -> list[str]:
        """Every share named with the token, from the listing: an interrupted
        create leaves no list of ids behind."""
        who, scope = ("admin", "&all_tenants=1") if as_admin else ("demo", "")
        ids: list[str] = []
        while True:
            page = _ok(self.call(who, "GET", f"/shares?name~={self.prefix}&limit=500"
                                 f"&offset={len(ids)}{scope}"), "list shares", 200)["shares"]
            ids += [share["id"] for share in page]
            if len(page) < 500:
                return ids

    def delete(self, stall: float) -> float:
        """Delete the run's shares; force-delete what Manila leaves hanging."""
        t0 = time.monotonic()
        name = self.side.name
        # After an interrupt some are still being created: Manila refuses their deletion.
        _drain(lambda: self.count("creating"), stall, f"{name}: creates in flight")
        ids = self._mine()

        def one(i: int) -> None:
            if not STOP.is_set():
                self.call("demo", "DELETE", f"/shares/{ids[i]}")

        self._pool(one, len(ids))
        # What stays in "deleting" past the stall is forced with the error_deleting ones.
        _drain(lambda: self.count() - self.count("error_deleting"), stall, f"{name}: deletes")
        stuck = self._mine(as_admin=True)
        for share_id in stuck:  # the admin forces Manila's failed or hung deletions
            if not STOP.is_set():
                self.call("admin", "POST", f"/shares/{share_id}/action", {"force_delete": None})
        if stuck:
            say(f"  {name}: {len(stuck)} stuck shares force-deleted")
            left = _drain(self.count, stall, f"{name}: forced deletes")
            if left:
                say(f"  {name}: {left} shares named {self.prefix}-* are left: "
                    "delete them as admin once Manila lets go of them")
        return time.monotonic() - t0


def measure(benches: list[Bench], samples: int) -> dict[tuple[str, str], list[float]]:
    """Alternate the sides call by call, after a warm-up (token, connection, caches)."""
    out: dict[tuple[str, str], list[float]] = {}
    for label, path in CALLS.items():
        for bench in benches:
            for _ in range(3):
                bench.call("demo", "GET", path)
        for _ in range(samples):
            for bench in benches:
                for _attempt in range(3):
                    resp = bench.call("demo", "GET", path)
                    if resp.status == 200:
                        out.setdefault((bench.side.name, label), []).append(resp.ms)
                        break
                    # Manila 23 fails a listing that meets a share whose instance is
                    # being deleted (someone else's): not a sample, noted, tried again.
                    say(f"  {bench.side.name} {label}: HTTP {resp.status}, not counted")
    return out


def report(timings: dict[tuple[str, str], list[float]], sizes: dict[str, int]) -> None:
    say(f"{'(ms)':42} {'median':>8} {'min':>8} {'p90':>8}  (samples)")
    for (side, label), ms in timings.items():
        p90 = statistics.quantiles(ms, n=10)[-1] if len(ms) > 1 else ms[0]
        say(f"  {side:9} {label:30} {statistics.median(ms):8.1f} {min(ms):8.1f} "
            f"{p90:8.1f}      ({len(ms)}; {sizes.get(side, 0)} shares listed in all)")


@contextmanager
def bundled_side() -> Iterator[Side]:
    """A fresh bundled backend (Keystone + backend, as the tests start it)."""
    from manila_ui.stack import config
    from manila_ui.stack import procs
    from manila_ui.stack.runner import Layout
    from manila_ui.stack.runner import Stack

    with tempfile.TemporaryDirectory(prefix="manila-ui-bench-") as root:
        layout = Layout(root=Path(root), keystone_port=procs.free_port(),
                        backend_port=procs.free_port(), horizon_port=procs.free_port(),
                        template_cache=config.stack_dir() / "test-template",
                        transition_delay=0.2)
        stack = Stack(layout)
        stack.up(with_horizon=False)
        try:
            yield Side.from_clouds("bundled", layout.clouds_yaml)
        finally:
            stack.stop()


def reference_side() -> Side:
    from manila_ui.stack.reference.config import RefConfig

    clouds = RefConfig.from_env().clouds_yaml
    if not clouds.is_file():
        raise SystemExit(f"no {clouds}: run `make reference` first")
    return Side.from_clouds("reference", clouds)


def _on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")  # the same cleanup as a Ctrl-C


def _both(benches: list[Bench], fn: Callable[[Bench], Any]) -> list[Any]:
    """``fn`` on both backends at once; an interrupt stops the workers too."""
    pool = concurrent.futures.ThreadPoolExecutor(len(benches))
    try:
        return list(pool.map(fn, benches))
    except BaseException:
        STOP.set()  # the workers' polls and calls end within a poll interval
        raise
    finally:
        pool.shutdown(cancel_futures=True)


def _clean_up(benches: list[Bench], stall: float) -> None:
    say(f"deleting the shares named {benches[0].prefix}-* (Ctrl-C again to leave them)")
    STOP.clear()
    try:
        for name, seconds in _both(benches, lambda b: (b.side.name, b.delete(stall))):
            say(f"  {name}: deleted in {seconds:.0f} s")
        for bench in benches:
            bench.reset_quota()
    except KeyboardInterrupt:
        STOP.set()
        say(f"cleanup skipped: shares named {benches[0].prefix}-* and demo's raised "
            "quotas are left on the reference stack")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m manila_ui.tests.reference.bench",
                                     description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--shares", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=4,
                        help="creates/deletes in flight per backend (keep it small)")
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--stall", type=float, default=120,
                        help="seconds without progress after which a wait for creates "
                        "ends and deletions are forced")
    args = parser.parse_args(argv)

    signal.signal(signal.SIGTERM, _on_sigterm)
    ref = reference_side()
    with bundled_side() as bundled:
        prefix = f"bench-{uuid.uuid4().hex[:6]}"
        benches = [Bench(bundled, prefix, args.concurrency),
                   Bench(ref, prefix, args.concurrency)]
        interrupted = False
        try:
            for bench in benches:
                bench.raise_quota(args.shares)
            say(f"creating {args.shares} shares on each backend ({args.concurrency} in flight)")
            # The two backends fill at once; each keeps its own cap.
            made = _both(benches, lambda b: (b.side.name, b.create(args.shares, args.stall)))
            for name, seconds in made:
                say(f"  {name}: {args.shares} shares available in {seconds:.0f} s")
            sizes = {b.side.name: int(_ok(b.call("demo", "GET", "/shares?limit=1&with_count="
                                                 "true"), "count", 200)["count"])
                     for b in benches}
            report(measure(benches, args.samples), sizes)
        except KeyboardInterrupt:
            interrupted = True
            say("interrupted")
        finally:
            _clean_up(benches, args.stall)
    return 130 if interrupted else 0


if __name__ == "__main__":
    sys.exit(main())
