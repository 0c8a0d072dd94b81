"""The query plans of the list pages' queries on a big database (not a test).

    .stack/venv/bin/python -m manila_ui.tests.bench.explain_lists [--shares 10000]

Fills a fresh SQLite database (``bench_list.fill``: one project's shares,
every tenth with a snapshot), runs what the dashboard's list pages ask of the
backend through the backend's own db functions (the project's and every
project's first page of shares and snapshots, with their count, sorted by
date and by name, and the name maps' listing of every share), and prints
each statement's ``EXPLAIN QUERY PLAN`` and its time. A ``SCAN`` of a table
without an index on a page query is a full scan per page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy import insert
from sqlalchemy import select

from manila_ui.backend import conf as backend_conf
from manila_ui.backend.db import models
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db import snapshots as snapshots_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.server import prepare
from manila_ui.backend.types.queries import ShareFilters
from manila_ui.backend.types.queries import SnapshotFilters
from manila_ui.tests.bench.bench_list import PROJECT
from manila_ui.tests.bench.bench_list import fill


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def add_snapshots(db: Database) -> None:
    with db.write() as s:
        rows = s.execute(select(models.Share.id, models.Share.created_at,
                                models.Share.size)).all()
        s.execute(insert(models.Snapshot), [{
            "id": str(uuid.uuid4()), "project_id": PROJECT, "user_id": "bench",
            "share_id": share_id, "display_name": f"snap-{n}", "size": size,
            "share_size": size, "share_proto": "NFS", "status": "available",
            "progress": "100%", "created_at": created} for n, (share_id, created, size)
            in enumerate(rows) if n % 10 == 0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shares", type=int, default=10000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-explain-") as state:
        config = Path(state) / "backend.conf"
        config.write_text(f"[DEFAULT]\nstate_path = {state}\nauth_strategy = noauth\n")
        conf = backend_conf.build_conf(["--config-file", str(config)])
        prepare(conf)
        db = Database(conf.database.connection)
        fill(db, args.shares)
        add_snapshots(db)
        statements: list[tuple[str, Any]] = []

        @event.listens_for(db.engine, "before_cursor_execute")
        def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any,
                 _context: Any, _many: bool) -> None:
            if statement.lstrip().upper().startswith("SELECT"):
                statements.append((statement, parameters))

        page = {"limit": 21, "offset": 0, "with_count": True}
        mine = ShareFilters(project_id=PROJECT)
        everyone = ShareFilters()
        asks = {
            "Project > Shares": lambda s: shares_db.list_page(
                s, mine, sort_key="created_at", sort_dir="desc", **page),
            "Project > Shares by name": lambda s: shares_db.list_page(
                s, mine, sort_key="display_name", sort_dir="asc", **page),
            "Admin > Shares": lambda s: shares_db.list_page(
                s, everyone, sort_key="created_at", sort_dir="desc", **page),
            "Project > Snapshots": lambda s: snapshots_db.list_page(
                s, SnapshotFilters(project_id=PROJECT), sort_key="created_at",
                sort_dir="desc", **page),
            "Admin > Snapshots": lambda s: snapshots_db.list_page(
                s, SnapshotFilters(), sort_key="created_at", sort_dir="desc", **page),
            "share names (the whole list, once a minute)": lambda s: shares_db.list_page(
                s, mine, sort_key="created_at", sort_dir="desc", limit=None,
                offset=0, with_count=False),
        }
        for title, ask in asks.items():
            times = []
            for _ in range(5):  # the best of 5: warm caches
                statements.clear()
                with db.read() as s:
                    started = time.perf_counter()
                    ask(s)
                    times.append((time.perf_counter() - started) * 1000)
            say(f"\n== {title}: {min(times):.1f} ms ({args.shares} shares)")
            found = list(statements)
            with db.engine.connect() as conn:
                for statement, parameters in found:
                    say("  " + " ".join(statement.split())[:160])
                    plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement,
                                                parameters).all()
                    for row in plan:
                        say(f"    {row[-1]}")
        db.dispose()


if __name__ == "__main__":
    main()
