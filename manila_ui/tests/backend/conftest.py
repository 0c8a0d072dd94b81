"""Fixtures for the bundled backend's own tests: a real ``manila-ui-backend``
process in noauth mode, on a free loopback port, with its state in a
temporary folder.  One process serves the whole session; tests that stop
and start a backend make their own with ``start_backend``.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import sys
import uuid
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from manila_ui.stack import procs
from manila_ui.stack.procs import free_port
from manila_ui.stack.procs import wait_until  # noqa: F401 - the tests import it from here

REPO = Path(__file__).resolve().parents[3]
LATEST = "2.99"
CLIENT_MAX = "2.98"   # python-manilaclient 6.3


class Api:
    """A user of the API: a requests session with a noauth token."""

    def __init__(self, base: str, user: str, project: str,
                 roles: str | None = None, version: str | None = CLIENT_MAX) -> None:
        self.base = base
        self.user = user
        self.project = project
        self.version = version
        self.http = requests.Session()
        token = f"{user}:{project}" + (f":{roles}" if roles else "")
        self.http.headers["X-Auth-Token"] = token

    def request(self, method: str, path: str, version: str | None = "",
                **kwargs: Any) -> requests.Response:
        headers = dict(kwargs.pop("headers", {}))
        version = self.version if version == "" else version
        if version is not None:
            headers["X-OpenStack-Manila-API-Version"] = version
        return self.http.request(method, self.base + path, headers=headers,
                                 timeout=30, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("DELETE", path, **kwargs)

    # -- user-story helpers ------------------------------------------------

    def create_share(self, size: int = 1, proto: str = "NFS", **fields: Any) -> dict[str, Any]:
        resp = self.post("/v2/shares", json={"share": {
            "share_proto": proto, "size": size, **fields}})
        assert resp.status_code == 200, resp.text
        share: dict[str, Any] = resp.json()["share"]
        return share

    def share(self, share_id: str) -> dict[str, Any] | None:
        resp = self.get(f"/v2/shares/{share_id}")
        if resp.status_code == 404:
            return None
        assert resp.status_code == 200, resp.text
        share: dict[str, Any] = resp.json()["share"]
        return share

    def wait_status(self, share_id: str, status: str, timeout: float = 15.0) -> dict[str, Any]:
        def reached() -> dict[str, Any] | None:
            share = self.share(share_id)
            assert share is not None, f"share {share_id} vanished"
            if share["status"].startswith("error") and share["status"] != status:
                raise AssertionError(f"share went to {share['status']}: {share}")
            return share if share["status"] == status else None
        found: dict[str, Any] = wait_until(reached, timeout, what=f"{share_id} {status}")
        return found

    def wait_gone(self, share_id: str, timeout: float = 15.0) -> None:
        wait_until(lambda: self.share(share_id) is None, timeout,
                   what=f"{share_id} deleted")

    def action(self, share_id: str, name: str, argument: Any = None,
               **kwargs: Any) -> requests.Response:
        """``POST /v2/shares/{id}/action`` with ``{name: argument}``."""
        return self.post(f"/v2/shares/{share_id}/action", json={name: argument},
                         **kwargs)

    def available_share(self, **fields: Any) -> dict[str, Any]:
        share = self.create_share(**fields)
        return self.wait_status(share["id"], "available")

    def create_snapshot(self, share_id: str, **fields: Any) -> dict[str, Any]:
        resp = self.post("/v2/snapshots", json={"snapshot": {"share_id": share_id,
                                                             **fields}})
        assert resp.status_code == 202, resp.text
        snapshot: dict[str, Any] = resp.json()["snapshot"]
        return snapshot

    def snapshot(self, snapshot_id: str) -> dict[str, Any] | None:
        resp = self.get(f"/v2/snapshots/{snapshot_id}")
        if resp.status_code == 404:
            return None
        assert resp.status_code == 200, resp.text
        snapshot: dict[str, Any] = resp.json()["snapshot"]
        return snapshot

    def wait_snapshot(self, snapshot_id: str, status: str | None,
                      timeout: float = 15.0) -> dict[str, Any] | None:
        """Until the snapshot has ``status`` (None: until it is gone)."""
        def reached() -> Any:
            snapshot = self.snapshot(snapshot_id)
            if status is None:
                return snapshot is None
            assert snapshot is not None, f"snapshot {snapshot_id} vanished"
            return snapshot if snapshot["status"] == status else None
        found = wait_until(reached, timeout, what=f"snapshot {snapshot_id} {status}")
        return found if status is not None else None

    def messages_for(self, resource_id: str) -> list[dict[str, Any]]:
        resp = self.get(f"/v2/messages?resource_id={resource_id}")
        assert resp.status_code == 200, resp.text
        found: list[dict[str, Any]] = resp.json()["messages"]
        return found


class Backend:
    """A running backend process and its state folder."""

    def __init__(self, state: Path, port: int, options: dict[str, str]) -> None:
        self.state = state
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.config = state / "backend.conf"
        self.options = options
        self.server: procs.Server | None = None

    def write_config(self) -> None:
        defaults = {"bind_host": "127.0.0.1", "bind_port": str(self.port),
                    "state_path": str(self.state), "auth_strategy": "noauth",
                    "transition_delay": "0.2", "worker_poll_interval": "0.2",
                    "workers": "1"}
        defaults.update(self.options)
        lines = ["[DEFAULT]"] + [f"{k} = {v}" for k, v in defaults.items()
                                 if "." not in k]
        groups: dict[str, list[str]] = {}
        for key, value in defaults.items():
            if "." in key:
                group, name = key.split(".", 1)
                groups.setdefault(group, []).append(f"{name} = {value}")
        for group, entries in groups.items():
            lines += ["", f"[{group}]", *entries]
        self.config.write_text("\n".join(lines) + "\n")

    def command(self) -> list[str]:
        script = shutil.which("manila-ui-backend", path=os.path.dirname(sys.executable))
        if script:
            return [script, "--config-file", str(self.config)]
        return [sys.executable, "-m", "manila_ui.backend.cmd",
                "--config-file", str(self.config)]

    def start(self) -> None:
        self.write_config()
        self.server = procs.Server("backend", self.command(), log=self.state / "backend.log",
                                   run_dir=self.state, cwd=REPO).start()
        self.server.wait_http(self.url + "/", timeout=60, statuses=(300,))

    def stop(self, sig: int = signal.SIGTERM) -> None:
        """SIGTERM (a clean stop), or e.g. SIGKILL for a crash."""
        if self.server is not None:
            self.server.stop(timeout=15, sig=sig)
        self.server = None

    def api(self, user: str, project: str, roles: str | None = None,
            version: str | None = CLIENT_MAX) -> Api:
        return Api(self.url, user, project, roles, version)

    def db(self) -> sqlite3.Connection:
        """The backend's database, read-only, to check its state."""
        return sqlite3.connect(f"file:{self.state / 'backend.sqlite'}?mode=ro", uri=True)

    def access_log(self) -> list[str]:
        path = self.state / "access.log"
        return path.read_text().splitlines() if path.exists() else []


@pytest.fixture(scope="session")
def start_backend(tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[Callable[..., Backend]]:
    started: list[Backend] = []

    def start(state: Path | None = None, **options: str) -> Backend:
        state = state or tmp_path_factory.mktemp("backend")
        backend = Backend(state, free_port(), options)
        backend.start()
        started.append(backend)
        return backend

    yield start
    for backend in started:
        backend.stop()


@pytest.fixture(scope="session")
def backend(start_backend: Callable[..., Backend]) -> Backend:
    """The session's backend: quotas low enough to hit."""
    return start_backend(**{"quota.gigabytes": "1000", "quota.shares": "50"})


def new_project() -> str:
    return uuid.uuid4().hex


@pytest.fixture
def project() -> str:
    """A fresh project for one test, so tests never see each other's shares."""
    return new_project()


@pytest.fixture
def member(backend: Backend, project: str) -> Api:
    return backend.api("member-" + project[:6], project)


@pytest.fixture
def reader(backend: Backend, project: str) -> Api:
    return backend.api("reader-" + project[:6], project, roles="reader")


@pytest.fixture
def other(backend: Backend) -> Api:
    """A member of another project."""
    project = new_project()
    return backend.api("other-" + project[:6], project)


@pytest.fixture
def admin(backend: Backend) -> Api:
    return backend.api("admin", new_project())
