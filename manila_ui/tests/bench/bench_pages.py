"""Page bench (not a test): this plugin's pages beside upstream manila-ui 16's.

    make bench [BENCH_ARGS="--sizes 10,100,1000 --repeat 7"]
    .stack/venv/bin/python -m manila_ui.tests.bench.bench_pages --help

It starts a private stack (Keystone, the bundled backend, our Horizon under
gunicorn as ``make run`` serves it) on free loopback ports in a temporary
folder, installs upstream manila-ui 16.0.0 and its Horizon 27.0.0 from PyPI
into a venv of their own (``.stack/bench/``, kept for the next run) and
serves that Horizon with the same gunicorn argv against the same Keystone and
backend. For each size N it fills demo's project up to N shares, N/10
snapshots and 5 share networks, then GETs every page on both Horizons, one
warm-up and then ``--repeat`` rounds, the two sides and the pages interleaved
so that the machine's drifting load falls on both alike. Per page it prints
median and min ms, backend calls (the backend's access log, written before
each answer is sent), HTML size, the ratio to the floor (Horizon's
``/project/api_access/``, no Manila call, of the same Horizon) and ours ÷
upstream (medians; below 1: ours is faster). ``--json FILE`` keeps the
numbers. Ctrl-C (or SIGTERM) stops both Horizons and the stack and removes
the temporary folder.

Upstream is skipped above ``--upstream-max`` shares (its Shares page makes one
call per share: ~20 s a GET at 1,000), or with ``--no-upstream``.

Above ``--api-max`` shares (default 1,000) the rest are copies of a share the
API made (its row, its primary instance, its export locations; every tenth
with a copy of a snapshot and its instance), written straight into the
backend's database while it runs: 10,000 shares in seconds instead of a
quarter of an hour of creations. The pages read them as any other.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import queue
import shutil
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

from manila_ui.stack import config
from manila_ui.stack import procs
from manila_ui.stack.runner import Layout
from manila_ui.stack.runner import Stack
from manila_ui.tests.bench.upstream import Upstream
from manila_ui.tests.dashboards.helpers import web_session

PREFIX = "bench-"
NETWORKS = 5
SEEDERS = 8  # threads creating shares


@dataclass(frozen=True)
class Page:
    title: str
    user: str
    kind: str  # floor | list | detail
    ours: str
    upstream: str | None  # None: upstream has no such page


PAGES = (
    Page("floor: /project/api_access/", "demo", "floor",
         "/project/api_access/", "/project/api_access/"),
    Page("Project > Shares", "demo", "list", "/project/", "/project/shares/"),
    Page("Project > Share Snapshots", "demo", "list",
         "/project/share_snapshots/", "/project/share_snapshots/"),
    Page("Project > Share Networks", "demo", "list",
         "/project/share_networks/", "/project/share_networks/"),
    Page("Project > Security Services", "demo", "list",
         "/project/security_services/", "/project/security_services/"),
    Page("Project > User Messages", "demo", "list",
         "/project/user_messages/", "/project/user_messages/"),
    Page("share detail", "demo", "detail", "/project/{share}/", "/project/shares/{share}/"),
    Page("snapshot detail", "demo", "detail", "/project/share_snapshots/{snapshot}/",
         "/project/share_snapshots/{snapshot}"),
    Page("share network detail", "demo", "detail", "/project/share_networks/{network}/",
         "/project/share_networks/{network}"),
    Page("floor (admin): /project/api_access/", "admin", "floor",
         "/project/api_access/", "/project/api_access/"),
    Page("Admin > Shares", "admin", "list", "/admin/shares/", "/admin/shares/"),
    Page("Admin > Share Snapshots", "admin", "list",
         "/admin/share_snapshots/", "/admin/share_snapshots/"),
    Page("Admin > Share Networks", "admin", "list",
         "/admin/share_networks/", "/admin/share_networks/"),
    Page("Admin > Share Types", "admin", "list", "/admin/share_types/", "/admin/share_types/"),
    Page("Admin > Share Servers", "admin", "list",
         "/admin/share_servers/", "/admin/share_servers/"),
    Page("Admin > User Messages", "admin", "list",
         "/admin/user_messages/", "/admin/user_messages/"),
)


def say(text: str) -> None:
    """The report goes to stdout (a command-line tool, not a library)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


@dataclass
class Measure:
    times: list[float] = field(default_factory=list)
    calls: list[int] = field(default_factory=list)
    cpu: float = 0.0  # the Horizon workers' CPU ms over all timed GETs
    size: int = 0
    error: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def cpu_mean(self) -> float:
        return self.cpu / len(self.times) if self.times else float("nan")


_TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def cpu_ms(master: int) -> float:
    """CPU time (user + system) of a gunicorn master's workers so far, in ms:
    less sensitive than wall time to what else the machine runs."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:  # ppid
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total * _TICK_MS


class Seeded:
    """demo's shares, snapshots and networks, grown from one size to the next."""

    def __init__(self, layout: Layout) -> None:
        self.demo, session = _client(layout, "demo")
        # A client per seeding thread: manilaclient's managers keep their
        # completion cache file on themselves, which threads sharing one trip
        # over; made one after the other (Keystone answers 500 to 8 at once).
        self.seeders: queue.Queue[Any] = queue.Queue()
        for _ in range(SEEDERS):
            self.seeders.put(_client(layout, "demo")[0])
        admin, _session = _client(layout, "admin")
        self.project_id = session.get_project_id()
        self.admin = admin
        self.shares: list[str] = []
        self.snapshots: list[str] = []
        self.networks = [str(self.demo.share_networks.create(name=f"{PREFIX}net-{i}").id)
                         for i in range(NETWORKS)]

    def _quotas(self, shares: int) -> None:
        snapshots = shares // 10
        self.admin.quotas.update(self.project_id, shares=shares + 50,
                                 gigabytes=shares + 100, snapshots=snapshots + 20,
                                 snapshot_gigabytes=snapshots + 20,
                                 share_networks=NETWORKS + 10, force=True)

    def grow(self, shares: int) -> None:
        snapshots = shares // 10
        self._quotas(shares)
        started = time.monotonic()

        def create(i: int) -> str:
            demo = self.seeders.get()
            try:
                return str(demo.shares.create("NFS", 1, name=f"{PREFIX}{i:05d}").id)
            finally:
                self.seeders.put(demo)

        with concurrent.futures.ThreadPoolExecutor(max_workers=SEEDERS) as pool:
            self.shares += pool.map(create, range(len(self.shares), shares))
        self._wait("shares", lambda: self.demo.shares.list(
            search_opts={"status": "available", "limit": shares + 50}), shares)
        for i in range(len(self.snapshots), snapshots):
            self.snapshots.append(str(self.demo.share_snapshots.create(
                self.shares[i * 10], name=f"{PREFIX}snap-{i:04d}").id))
        self._wait("snapshots", lambda: self.demo.share_snapshots.list(
            search_opts={"status": "available", "limit": snapshots + 20}), snapshots)
        say(f"seeded {shares} shares, {snapshots} snapshots in "
            f"{time.monotonic() - started:.0f} s")

    def clone(self, state: Path, shares: int) -> None:
        """Grow to ``shares`` by copying the first share (and, every tenth
        share, the first snapshot) in the backend's database (``bulk``)."""
        started = time.monotonic()
        self._quotas(shares)
        made = bulk_copies(state, self.shares[0], self.snapshots[0],
                           shares - len(self.shares), start=len(self.shares))
        self.shares += made
        say(f"copied {len(made)} shares ({len(made) // 10} snapshots) into the database "
            f"in {time.monotonic() - started:.0f} s")

    @staticmethod
    def _wait(what: str, listed: Any, count: int) -> None:
        procs.wait_until(lambda: len(listed()) >= count, max(60, count), 1.0,
                         what=f"{count} {what} to be available")

    def ids(self) -> dict[str, str]:
        return {"share": self.shares[0], "snapshot": self.snapshots[0],
                "network": self.networks[0]}


def bulk_copies(state: Path, share_id: str, snapshot_id: str, count: int,
                start: int) -> list[str]:
    """``count`` copies of a share (row, instances, export locations; every
    tenth with a copy of a snapshot and its instance), one transaction, in
    the database of a running backend (SQLite in WAL mode: the backend
    keeps serving). Returns the new shares' ids."""
    import datetime
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy import insert
    from sqlalchemy import select

    from manila_ui.backend.db import models

    def rows(conn: Any, model: Any, **where: Any) -> list[dict[str, Any]]:
        query = select(model.__table__)
        for key, value in where.items():
            query = query.where(model.__table__.c[key] == value)
        return [dict(r._mapping) for r in conn.execute(query)]

    engine = create_engine(f"sqlite:///{state / 'backend.sqlite'}")
    made: list[str] = []
    with engine.begin() as conn:
        share = rows(conn, models.Share, id=share_id)[0]
        instances = rows(conn, models.ShareInstance, share_id=share_id)
        exports = rows(conn, models.ExportLocation, share_id=share_id)
        snapshot = rows(conn, models.Snapshot, id=snapshot_id)[0]
        snap_instances = rows(conn, models.SnapshotInstance, snapshot_id=snapshot_id)
        new: dict[Any, list[dict[str, Any]]] = {
            m: [] for m in (models.Share, models.ShareInstance, models.ExportLocation,
                            models.Snapshot, models.SnapshotInstance)}
        now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
        for n in range(start, start + count):
            sid = str(uuid.uuid4())
            made.append(sid)
            at = now + datetime.timedelta(microseconds=n)
            new[models.Share].append(dict(share, id=sid, display_name=f"{PREFIX}{n:05d}",
                                          created_at=at, updated_at=at))
            instance_ids = {}
            for inst in instances:
                instance_ids[inst["id"]] = str(uuid.uuid4())
                new[models.ShareInstance].append(dict(inst, id=instance_ids[inst["id"]],
                                                      share_id=sid))
            new[models.ExportLocation] += [
                dict(e, id=str(uuid.uuid4()), share_id=sid,
                     share_instance_id=instance_ids.get(e["share_instance_id"]))
                for e in exports]
            if n % 10 == 0:
                snap = str(uuid.uuid4())
                new[models.Snapshot].append(dict(snapshot, id=snap, share_id=sid,
                                                 display_name=f"{PREFIX}snap-{n // 10:05d}",
                                                 created_at=at, updated_at=at))
                new[models.SnapshotInstance] += [
                    dict(i, id=str(uuid.uuid4()), snapshot_id=snap,
                         share_instance_id=instance_ids.get(i["share_instance_id"],
                                                            i["share_instance_id"]))
                    for i in snap_instances]
        for model, values in new.items():
            if values:
                conn.execute(insert(model.__table__), values)
    engine.dispose()
    return made


def _client(layout: Layout, user: str) -> tuple[Any, Any]:
    from keystoneauth1 import session
    from keystoneauth1.identity import v3
    from manilaclient import client as manila_client

    account = config.USERS[user]
    sess = session.Session(auth=v3.Password(
        auth_url=layout.keystone_url, username=account.name, password=account.password,
        project_name=account.project, user_domain_name=config.DOMAIN,
        project_domain_name=config.DOMAIN))
    return manila_client.Client("2.79", session=sess, service_type="sharev2"), sess


def _get(web: Any, url: str, access_log: Path, measure: Measure, master: int) -> None:
    before = access_log.stat().st_size
    cpu_before = cpu_ms(master)
    started = time.monotonic()
    response = web.get(url, timeout=900, allow_redirects=False)
    elapsed = (time.monotonic() - started) * 1000
    measure.cpu += cpu_ms(master) - cpu_before
    if response.status_code != 200:
        measure.error = f"HTTP {response.status_code}"
        return
    with access_log.open("rb") as log:
        log.seek(before)
        measure.calls.append(len(log.read().splitlines()))
    measure.times.append(elapsed)
    measure.size = len(response.content)


def measure_all(sides: dict[str, tuple[str, dict[str, Any], int]], pages: list[Page],
                ids: dict[str, str], access_log: Path, repeat: int
                ) -> dict[tuple[str, str], Measure]:
    """One warm-up GET of every page on every side, then ``repeat`` rounds;
    a round alternates which side goes first."""
    targets = [(page, side) for page in pages for side in sides
               if (page.ours if side == "ours" else page.upstream) is not None]
    found = {(page.title, side): Measure() for page, side in targets}

    def url(page: Page, side: str) -> str:
        path = page.ours if side == "ours" else page.upstream
        return sides[side][0] + str(path).format(**ids)

    for page, side in targets:
        sides[side][1][page.user].get(url(page, side), timeout=900)
    for round_ in range(repeat):
        for page in pages:
            order = [s for p, s in targets if p is page]
            for side in order if round_ % 2 == 0 else order[::-1]:
                _get(sides[side][1][page.user], url(page, side), access_log,
                     found[(page.title, side)], sides[side][2])
    return found


def _cell(m: Measure | None, floor: float | None) -> list[str]:
    if m is None:
        return ["-"] * 5
    if m.error:
        return [m.error] + ["-"] * 4
    ratio = f"{m.median / floor:.2f}" if floor else "-"
    calls = str(max(m.calls)) if len(set(m.calls)) == 1 else f"{min(m.calls)}-{max(m.calls)}"
    return [f"{m.median:.0f} / {min(m.times):.0f}", f"{m.cpu_mean:.0f}", calls,
            f"{m.size / 1024:.0f}", ratio]


def report(size: int, pages: list[Page], found: dict[tuple[str, str], Measure],
           repeat: int, with_upstream: bool) -> None:
    say(f"\nN = {size} shares, {size // 10} snapshots, {NETWORKS} share networks; "
        f"median / min ms of {repeat} interleaved GETs after a warm-up; CPU: mean ms "
        "of the Horizon workers per GET\n")
    head = ["page", "ours ms", "CPU", "calls", "KiB", "×floor"]
    if with_upstream:
        head += ["upstream ms", "CPU", "calls", "KiB", "×floor", "ours ÷ upstream"]
    say("| " + " | ".join(head) + " |")
    say("|" + "---|" * len(head))
    floors: dict[tuple[str, str], float] = {}
    for page in pages:
        if page.kind == "floor":
            for side in ("ours", "upstream"):
                m = found.get((page.title, side))
                if m and m.times:
                    floors[(page.user, side)] = m.median
    for page in pages:
        ours = found.get((page.title, "ours"))
        row = [page.title, *_cell(ours, floors.get((page.user, "ours")))]
        if with_upstream:
            theirs = found.get((page.title, "upstream"))
            row += _cell(theirs, floors.get((page.user, "upstream")))
            versus = "-"
            if ours and theirs and ours.times and theirs.times:
                versus = f"{ours.median / theirs.median:.2f} (CPU {ours.cpu / theirs.cpu:.2f})" \
                    if theirs.cpu else f"{ours.median / theirs.median:.2f}"
            row.append(versus)
        say("| " + " | ".join(row) + " |")


def _master(server: Any) -> int:
    assert server is not None and server.proc is not None
    return int(server.proc.pid)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000",
                        help="numbers of shares, comma-separated (default 10,100,1000)")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--pages", default="",
                        help="only pages whose title contains one of these words "
                             "(comma-separated; the floors are always measured)")
    parser.add_argument("--no-upstream", action="store_true")
    parser.add_argument("--upstream-max", type=int, default=1000)
    parser.add_argument("--api-max", type=int, default=1000,
                        help="shares made through the API; more are copies (see above)")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--keep", action="store_true",
                        help="leave both Horizons running at the end (Ctrl-C stops)")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",") if n]
    wanted = [w.strip().lower() for w in args.pages.split(",") if w.strip()]
    pages = [p for p in PAGES if p.kind == "floor" or not wanted
             or any(w in p.title.lower() for w in wanted)]

    def stop(signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    root = Path(tempfile.mkdtemp(prefix="manila-ui-bench-"))
    layout = Layout(root=root, keystone_port=procs.free_port(),
                    backend_port=procs.free_port(), horizon_port=procs.free_port(),
                    template_cache=config.stack_dir() / "test-template",
                    transition_delay=0.02, horizon_workers=1)
    stack = Stack(layout)
    upstream = None if args.no_upstream else Upstream(root / "upstream")
    results: list[dict[str, Any]] = []
    try:
        if upstream is not None:
            say("installing upstream manila-ui 16.0.0 + Horizon 27.0.0 (once) ...")
            upstream.install(layout.logs / "upstream-install.log")
        say(f"starting a private stack in {root}")
        stack.up()
        sides: dict[str, tuple[str, dict[str, Any], int]] = {
            "ours": (layout.horizon_url, {}, _master(stack.servers["horizon"]))}
        if upstream is not None:
            upstream.build_static(layout.keystone_url, layout.logs / "upstream-static.log")
            url = upstream.start(procs.free_port(), layout.keystone_url,
                                 stack.servers["horizon"], layout.logs / "horizon-upstream.log")
            sides["upstream"] = (url, {}, _master(upstream.server))
        for side_url, sessions, _pid in sides.values():
            for user in ("demo", "admin"):
                sessions[user] = web_session(side_url, user)
        seeded = Seeded(layout)
        access_log = layout.backend_dir / "access.log"
        for size in sizes:
            seeded.grow(min(size, max(args.api_max, len(seeded.shares))))
            if size > len(seeded.shares):
                seeded.clone(layout.backend_dir, size)
            these = {k: v for k, v in sides.items()
                     if k == "ours" or size <= args.upstream_max}
            found = measure_all(these, pages, seeded.ids(), access_log, args.repeat)
            report(size, pages, found, args.repeat, "upstream" in these)
            results += [{"shares": size, "page": title, "side": side,
                         "ms": m.times, "cpu_ms": m.cpu_mean, "calls": m.calls,
                         "bytes": m.size, "error": m.error}
                        for (title, side), m in found.items()]
        if args.json:
            args.json.write_text(json.dumps(results, indent=1))
        if args.keep:
            say("\n" + "  ".join(f"{side}: {url}" for side, (url, _s, _p) in sides.items())
                + "  (Ctrl-C stops)")
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        say("interrupted: stopping")
    finally:
        if upstream is not None:
            upstream.stop()
        stack.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
