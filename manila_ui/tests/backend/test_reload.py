"""An operator changes the backend's config file and sends SIGHUP: the
mutable options (the log level here) take effect in the master and in every
worker, without a restart, while clients keep their requests and their
kept-alive connections (issue 16, mutable configuration)."""

from __future__ import annotations

import os
import re
import signal
import threading
from collections.abc import Callable
from pathlib import Path

import requests

from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import wait_until

DEBUG_REQUEST = re.compile(r"^\S+ \S+ (\d+) DEBUG manila_ui\.backend\.rest\.middleware ",
                           re.M)


class Traffic:
    """Clients that keep asking, each on one kept-alive connection."""

    def __init__(self, backend: Backend, clients: int = 4) -> None:
        self.url = backend.url + "/v2/shares"
        self.stop = threading.Event()
        self.count = 0
        self.failures: list[str] = []
        self.connections: set[int] = set()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._ask, args=(f"user{i}",))
                        for i in range(clients)]

    def _ask(self, user: str) -> None:
        http = requests.Session()
        http.headers["X-Auth-Token"] = f"{user}:{'ab' * 16}"
        while not self.stop.is_set():
            try:
                resp = http.get(self.url, timeout=10)
                problem = None if resp.status_code == 200 else f"{resp.status_code}"
            except requests.RequestException as exc:
                problem = repr(exc)
            with self.lock:
                self.count += 1
                if problem:
                    self.failures.append(problem)

    def __enter__(self) -> Traffic:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=15)

    def more(self, n: int) -> None:
        """Wait until ``n`` more requests were answered."""
        target = self.count + n
        wait_until(lambda: self.count >= target, what=f"{n} more requests")


def _master(backend: Backend) -> int:
    """The gunicorn master: the process the launcher started."""
    assert backend.server is not None and backend.server.proc is not None
    return backend.server.proc.pid


def _pids(log: Path, pattern: str) -> set[str]:
    return set(re.findall(rf"^\S+ \S+ (\d+) INFO \S+ {re.escape(pattern)}", log.read_text(),
                          re.M))


def _reload(backend: Backend, debug: bool, processes: set[str],
            traffic: Traffic) -> int:
    """Flip ``debug`` in the file, SIGHUP the master; wait until every
    process says it reloaded.  Returns where the log stood then."""
    log = backend.state / "backend.log"
    line = f"Reloaded the configuration files (debug={debug})"
    before = log.read_text().count(line)
    backend.options["debug"] = str(debug)
    backend.write_config()
    os.kill(_master(backend), signal.SIGHUP)
    wait_until(lambda: log.read_text().count(line) >= before + len(processes),
               what="every process to reload")
    assert _pids(log, line) == processes
    traffic.more(20)
    return len(log.read_text())


def test_sighup_changes_the_log_level_without_dropping_a_request(
        start_backend: Callable[..., Backend]) -> None:
    backend = start_backend(workers="2", debug="False")
    log = backend.state / "backend.log"
    workers: set[str] = wait_until(lambda: (lambda found: found if len(found) == 2 else None)(
        set(re.findall(r"Booting worker with pid: (\d+)", log.read_text()))),
        what="two workers")
    processes = workers | {str(_master(backend))}
    with Traffic(backend) as traffic:
        traffic.more(20)
        assert not DEBUG_REQUEST.search(log.read_text())

        mark = _reload(backend, True, processes, traffic)
        wait_until(lambda: DEBUG_REQUEST.search(log.read_text()[mark:]),
                   what="requests logged at DEBUG")

        mark = _reload(backend, False, processes, traffic)
        traffic.more(40)
        assert not DEBUG_REQUEST.search(log.read_text()[mark:])
    assert traffic.failures == []
    assert traffic.count > 100
    # The same two workers served throughout: none was replaced.
    assert len(re.findall(r"Booting worker with pid", log.read_text())) == 2
