"""Benchmark: ``GET /v2/shares/detail?limit=20`` with 10,000 shares.

Not a test.  It fills a fresh database (direct inserts), starts a real
``manila-ui-backend`` (noauth, one worker) on a free port, and times each
query as the client sees it and as the backend logged it::

    .stack/venv/bin/python -m manila_ui.tests.bench.bench_list [--shares 10000] [--calls 30]
"""

from __future__ import annotations

import argparse
import datetime
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from sqlalchemy import insert

from manila_ui.backend import conf as backend_conf
from manila_ui.backend.db import models
from manila_ui.backend.db import share_types as types_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.server import prepare

PROJECT = "0123456789abcdef0123456789abcdef"
QUERIES = [
    "/v2/shares/detail?limit=20",
    "/v2/shares/detail?limit=20&offset=5000",
    "/v2/shares/detail?limit=20&sort_key=name&sort_dir=asc",
    "/v2/shares/detail?limit=20&with_count=true",
    "/v2/shares/detail?limit=20&sort_key=size&with_count=true",
    "/v2/shares/detail?limit=20&name~=share-12&with_count=true",
    "/v2/shares?limit=20&status=available&with_count=true",
]


def fill(db: Database, count: int) -> None:
    with db.read() as s:
        default = types_db.get_by_name_or_id(s, "default")
    assert default is not None
    start = datetime.datetime(2026, 1, 1)
    rows = [{
        "id": str(uuid.uuid4()), "project_id": PROJECT, "user_id": "bench",
        "display_name": f"share-{n}", "display_description": f"bench share {n}",
        "size": 1 + n % 50, "share_proto": "NFS" if n % 3 else "CIFS",
        "status": "available" if n % 10 else "error", "progress": "100%",
        "access_rules_status": "active", "is_public": False,
        "share_type_id": default.id, "availability_zone": "nova",
        "host": "manila-ui@alpha#pool_alpha", "snapshot_support": True,
        "create_share_from_snapshot_support": True,
        "revert_to_snapshot_support": True, "mount_snapshot_support": True,
        "snapshot_inherit_share_access_support": False,
        "created_at": start + datetime.timedelta(seconds=n),
    } for n in range(count)]
    with db.write() as s:
        s.execute(insert(models.Share), rows)
        s.execute(insert(models.ShareMetadata), [
            {"share_id": row["id"], "meta_key": "n", "meta_value": str(n)}
            for n, row in enumerate(rows) if n % 5 == 0])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str) -> float:
    request = urllib.request.Request(url, headers={  # noqa: S310
        "X-Auth-Token": f"bench:{PROJECT}",
        "X-OpenStack-Manila-API-Version": "2.98"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as resp:  # noqa: S310
        resp.read()
    return (time.perf_counter() - started) * 1000


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shares", type=int, default=10000)
    parser.add_argument("--calls", type=int, default=30)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-backend-") as state:
        port = free_port()
        config = Path(state) / "backend.conf"
        config.write_text(f"[DEFAULT]\nbind_port = {port}\nstate_path = {state}\n"
                          "auth_strategy = noauth\nworkers = 1\n")
        conf = backend_conf.build_conf(["--config-file", str(config)])
        prepare(conf)
        db = Database(conf.database.connection)
        started = time.perf_counter()
        fill(db, args.shares)
        say(f"inserted {args.shares} shares in {time.perf_counter() - started:.1f} s")
        db.dispose()

        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "manila_ui.backend.cmd", "--config-file", str(config)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(base + "/", timeout=2)  # noqa: S310
                except urllib.error.HTTPError as exc:   # 300 raises here
                    if exc.code == 300:
                        break
                except OSError:
                    time.sleep(0.1)
            say(f"{'query':62} {'median':>8} {'min':>8} {'server':>8}  (ms, {args.calls} calls)")
            log = Path(state) / "access.log"
            for query in QUERIES:
                get(base + query)   # warm up
                mark = log.stat().st_size
                times = [get(base + query) for _ in range(args.calls)]
                with open(log, "rb") as fh:
                    fh.seek(mark)
                    logged = [float(line.split()[-1]) for line in fh.read().decode().splitlines()]
                say(f"{query:62} {statistics.median(times):8.1f} {min(times):8.1f} "
                      f"{statistics.median(logged):8.1f}")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
