"""Asynchronous work survives restarts and is never done twice."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

from manila_ui.backend.db import migration
from manila_ui.backend.db import operations as ops_db
from manila_ui.backend.db.engine import Database
from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import new_project
from manila_ui.tests.backend.conftest import wait_until


def test_a_restart_resumes_a_queued_create(
        start_backend: Callable[..., Backend], tmp_path: Path) -> None:
    first = start_backend(tmp_path, transition_delay="3.0")
    user = first.api("demo", new_project())
    share = user.create_share(name="survivor")
    first.stop(signal.SIGKILL)   # a crash, before the step is due

    with first.db() as db:
        assert db.execute("SELECT status FROM shares WHERE id = ?",
                          (share["id"],)).fetchone() == ("creating",)
        assert db.execute("SELECT kind FROM operations WHERE resource_id = ?",
                          (share["id"],)).fetchall() == [("create_share",)]

    second = start_backend(tmp_path, transition_delay="3.0")
    user = second.api("demo", user.project)
    available = user.wait_status(share["id"], "available", timeout=20)

    assert available["name"] == "survivor"
    with second.db() as db:
        assert db.execute("SELECT count(*) FROM operations").fetchone() == (0,)


def test_two_workers_sharing_a_database_never_take_the_same_operation(
        tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'queue.sqlite'}"
    migration.upgrade(Database(url))
    setup = Database(url)
    with setup.write() as s:
        for n in range(120):
            ops_db.enqueue(s, "noop", f"resource-{n}", run_after=0)
    claimed: list[tuple[str, int]] = []
    lock = threading.Lock()

    def worker(owner: str) -> None:
        db = Database(url)   # its own engine and connections, like a process
        while True:
            with db.write() as s:
                op = ops_db.claim_next(s, owner, time.time(), lease=60)
            if op is None:
                with db.read() as s:
                    if ops_db.next_due(s) is None:
                        return
                continue
            with lock:
                claimed.append((owner, op.id))
            with db.write() as s:
                assert ops_db.finish(s, op.id, owner)

    threads = [threading.Thread(target=worker, args=(f"w{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    ids = [op_id for _, op_id in claimed]
    assert sorted(ids) == sorted(set(ids))
    assert len(ids) == 120
    assert len({owner for owner, _ in claimed}) > 1


def test_an_expired_lease_is_taken_over(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lease.sqlite'}"
    db = Database(url)
    migration.upgrade(db)
    with db.write() as s:
        ops_db.enqueue(s, "noop", "r", run_after=0)
    now = time.time()
    with db.write() as s:
        first = ops_db.claim_next(s, "dead-worker", now, lease=5)
    with db.write() as s:
        assert ops_db.claim_next(s, "live-worker", now + 1, lease=5) is None
        second = ops_db.claim_next(s, "live-worker", now + 6, lease=5)

    assert first is not None and second is not None and first.id == second.id
    with db.write() as s:
        assert not ops_db.finish(s, first.id, "dead-worker")   # its lease is gone
        assert ops_db.finish(s, second.id, "live-worker")


def test_shares_created_on_a_two_worker_backend_all_settle(
        start_backend: Callable[..., Backend], tmp_path: Path) -> None:
    backend = start_backend(tmp_path, workers="2", transition_delay="0.1")
    user = backend.api("demo", new_project())

    shares = [user.create_share(name=f"s{n}") for n in range(12)]

    for share in shares:
        user.wait_status(share["id"], "available")
    wait_until(lambda: backend.db().execute(
        "SELECT count(*) FROM operations").fetchone() == (0,), what="empty queue")
