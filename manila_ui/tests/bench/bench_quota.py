"""Benchmark: what one quota check costs as a project grows.

Not a test.  For each size it fills a fresh SQLite database (direct
inserts: the project's shares and snapshots, plus as many rows of other
projects), then times the engine's ``check`` + ``recheck`` of a share
create inside a write transaction that is rolled back, as the API service
runs them, and prints SQLite's plan for the counting queries::

    .stack/venv/bin/python -m manila_ui.tests.bench.bench_quota [--sizes 10,1000,10000,100000]
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy import text
from sqlalchemy.orm import Session

from manila_ui.backend import conf as backend_conf
from manila_ui.backend.db import migration
from manila_ui.backend.db import models
from manila_ui.backend.db.engine import Database
from manila_ui.backend.services.quotas import Owner
from manila_ui.backend.services.quotas import QuotaService
from manila_ui.backend.services.quotas import share_deltas

PROJECT = "0123456789abcdef0123456789abcdef"
TYPE_ID = "00000000-0000-0000-0000-0000000000aa"


def _rows(project: str, count: int) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    now = datetime.datetime(2026, 1, 1)
    shares, snaps = [], []
    for n in range(count):
        share_id = str(uuid.uuid4())
        shares.append({
            "id": share_id, "project_id": project, "user_id": f"user-{n % 7}",
            "size": 1 + n % 50, "share_proto": "NFS", "status": "available",
            "access_rules_status": "active", "is_public": False,
            "share_type_id": TYPE_ID, "created_at": now, "is_soft_deleted": False})
        if n % 4 == 0:
            snaps.append({
                "id": str(uuid.uuid4()), "project_id": project, "user_id": f"user-{n % 7}",
                "share_id": share_id, "size": 1 + n % 50, "share_size": 1 + n % 50,
                "share_proto": "NFS", "status": "available", "created_at": now})
    return shares, snaps


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def measure(size: int, calls: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as state:
        db = Database(f"sqlite:///{Path(state) / 'bench.sqlite'}")
        migration.upgrade(db)
        with db.write() as s:
            s.execute(insert(models.ShareType), [{
                "id": TYPE_ID, "name": "bench", "is_public": True,
                "created_at": datetime.datetime(2026, 1, 1)}])
            for project in (PROJECT, uuid.uuid4().hex):   # and as much noise
                shares, snaps = _rows(project, size)
                s.execute(insert(models.Share), shares)
                if snaps:
                    s.execute(insert(models.Snapshot), snaps)
        conf = backend_conf.build_conf([])
        for name in ("shares", "gigabytes", "snapshots", "snapshot_gigabytes"):
            conf.set_override(name, -1, group="quota")   # count, never refuse
        engine = QuotaService(db, conf)
        owner = Owner(PROJECT, "user-1", TYPE_ID)
        deltas = share_deltas(1, replicated=False)
        timings = []
        for _ in range(calls):
            with db.engine.connect() as conn:
                with Session(bind=conn) as s:
                    start = time.perf_counter()
                    engine.check(s, owner, deltas)     # a share create: before
                    engine.recheck(s, owner, deltas)   # and after its insert
                    timings.append((time.perf_counter() - start) * 1000)
                    s.rollback()
        return statistics.median(timings), max(timings)


def plans() -> None:
    with tempfile.TemporaryDirectory() as state:
        db = Database(f"sqlite:///{Path(state) / 'plan.sqlite'}")
        migration.upgrade(db)
        with db.read() as s:
            for sql in (
                "SELECT count(*), sum(size) FROM shares WHERE project_id = 'p' "
                "AND status NOT IN ('manage_starting')",
                "SELECT count(*), sum(size) FROM share_snapshots WHERE project_id = 'p' "
                "AND status NOT IN ('manage_starting')",
            ):
                plan = s.execute(text("EXPLAIN QUERY PLAN " + sql)).all()
                say(f"  {sql[:48]}...: {'; '.join(str(row[-1]) for row in plan)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,1000,10000,100000")
    parser.add_argument("--calls", type=int, default=50)
    args = parser.parse_args()
    say("SQLite plans:")
    plans()
    say("shares in the project (and as many in another) -> check+recheck, ms")
    for size in (int(n) for n in args.sizes.split(",")):
        median, worst = measure(size, args.calls)
        say(f"  {size:>7}: median {median:.2f}  max {worst:.2f}")


if __name__ == "__main__":
    main()
