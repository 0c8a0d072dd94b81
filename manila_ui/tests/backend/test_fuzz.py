"""Hostile input never gets a 5xx (issue 11 §2): a property-based fuzz over
every route and method the router serves, at several microversions, as an
admin, two members of different projects and a reader.

The requests go in-process through the WSGI application the server runs
(noauth), about ten times faster than over HTTP, with the operation worker
running as in a server.  Every answer must be below 500 and carry no
traceback or SQL; nothing may log an error (an operation that fails in the
worker is a bug too).  Afterwards the database must be consistent: no row
pointing at a missing one, and the quota usage Manila reports equals what
the project holds.

Seeded (Hypothesis ``derandomize``): a run sends the same requests each
time.  ``MANILA_UI_FUZZ_REQUESTS`` changes how many (default 10,000).
"""

from __future__ import annotations

import collections
import json
import logging
import os
import re
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import webob
from hypothesis import HealthCheck
from hypothesis import Phase
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from manila_ui.backend import conf as backend_conf
from manila_ui.backend.rest import actions
from manila_ui.backend.rest import microversion
from manila_ui.backend.rest.router import ROUTES
from manila_ui.backend.server import prepare
from manila_ui.backend.services.registry import Services
from manila_ui.backend.wsgi import build_app
from manila_ui.tests.backend import fuzz_requests as fuzz
from manila_ui.tests.backend.conftest import wait_until

UNKNOWN_ID = "00000000-0000-4000-8000-000000000000"

REQUESTS = int(os.environ.get("MANILA_UI_FUZZ_REQUESTS", "10000"))
LEAKS = ("Traceback", 'File "', "sqlalchemy", "sqlite3", "psycopg", "SELECT ",
         "INSERT INTO", "UPDATE ", "(Background on this error")
# Statuses that do not count toward usage (Manila's quota rules, db/quotas.py).
UNCOUNTED = ("manage_starting", "manage_error")


class InProcess:
    """The backend's WSGI application and services, in this process."""

    def __init__(self, state: Path) -> None:
        config = state / "backend.conf"
        config.write_text("\n".join([
            "[DEFAULT]", f"state_path = {state}", "auth_strategy = noauth",
            "transition_delay = 0.01", "worker_poll_interval = 0.05",
            "[quota]", "shares = 30", "gigabytes = 300"]) + "\n")
        self.conf = backend_conf.build_conf(["--config-file", str(config)])
        prepare(self.conf)
        self.services = Services.build(self.conf)
        self.services.queue.start()
        self.app = build_app(self.conf, self.services)
        self.db_path = state / "backend.sqlite"

    def call(self, user: str, method: str, path: str, body: Any = None,
             version: str | None = "2.99") -> tuple[int, Any]:
        """A plain request for the set-up and the checks (JSON in and out)."""
        req = webob.Request.blank("/v2" + path, method=method)
        req.headers["X-Auth-Token"] = fuzz.USERS[user]
        if version:
            req.headers["X-OpenStack-Manila-API-Version"] = version
        if body is not None:
            req.body = json.dumps(body).encode()
            req.content_type = "application/json"
        resp = req.get_response(self.app)
        return resp.status_int, (json.loads(resp.body) if resp.body else None)

    def send(self, request: fuzz.Request) -> webob.Response:
        target = "/v2" + request.path + (f"?{request.query}" if request.query else "")
        req = webob.Request.blank(target, method=request.method)
        req.headers["X-Auth-Token"] = fuzz.USERS[request.user]
        if request.version is not None:
            req.headers["X-OpenStack-Manila-API-Version"] = request.version
        if request.experimental:
            req.headers["X-OpenStack-Manila-API-Experimental"] = "True"
        if request.body is not None:
            req.body = request.body
            req.content_type = "application/json"
        return req.get_response(self.app)

    def stop(self) -> None:
        self.services.queue.stop()
        self.services.db.dispose()


class ErrorLog(logging.Handler):
    """What the backend logs at ERROR and above (unhandled exceptions too)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def take(self) -> list[str]:
        found = [f"[{r.threadName}] {self.format(r)}"[-2500:] for r in self.records]
        self.records.clear()
        return found


@pytest.fixture(scope="module")
def backend_in_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcess]:
    backend = InProcess(tmp_path_factory.mktemp("fuzz"))
    yield backend
    backend.stop()


def _routes() -> list[tuple[str, str, list[str]]]:
    """(template, method, action names) of everything the router serves."""
    return [(template, method, sorted(handler.table)
             if isinstance(handler, actions.Route) else [])
            for template, methods in ROUTES.items()
            for method, handler in methods.items()]


def _seed(backend: InProcess) -> fuzz.Ids:
    """Real objects of each kind, so that requests reach the services."""
    ids = fuzz.Ids()

    def made(user: str, path: str, body: Any, version: str = "2.99") -> dict[str, Any]:
        status, found = backend.call(user, "POST", path, body, version=version)
        assert status in (200, 202), found
        ids.learn(found)
        entity: dict[str, Any] = next(iter(found.values()))
        return entity

    def settled(user: str, path: str, key: str) -> None:
        def done() -> bool:
            status, found = backend.call(user, "GET", path)
            ids.learn(found)
            return status == 200 and not found[key]["status"].endswith("ing")
        wait_until(done, what=path)

    network = made("demo", "/share-networks", {"share_network": {
        "name": "seed", "neutron_net_id": str(uuid.uuid4()),
        "neutron_subnet_id": str(uuid.uuid4())}})
    share = made("demo", "/shares", {"share": {"share_proto": "NFS", "size": 2}})
    made("demo", "/shares", {"share": {"share_proto": "NFS", "size": 1,
                                        "share_type": "dhss_true",
                                        "share_network_id": network["id"]}})
    made("demo", "/shares", {"share": {"share_proto": "NFS", "size": 1, "metadata": {
        "simulated_driver:fail": "create"}}})      # an error, and its message
    made("alt_demo", "/shares", {"share": {"share_proto": "NFS", "size": 1}})
    made("admin", "/shares", {"share": {"share_proto": "NFS", "size": 1,
                                         "is_public": True}})
    settled("demo", f"/shares/{share['id']}", "share")
    made("demo", "/snapshots", {"snapshot": {"share_id": share["id"]}})
    made("demo", f"/shares/{share['id']}/action", {"allow_access": {
        "access_type": "ip", "access_to": "10.0.0.0/8", "access_level": "rw"}})
    made("demo", "/security-services", {"security_service": {"type": "ldap",
                                                             "name": "seed"}})
    made("admin", "/types", {"share_type": {
        "name": "seed-private", "share_type_access:is_public": False,
        "extra_specs": {"driver_handles_share_servers": False}}})
    made("demo", "/resource-locks", {"resource_lock": {"resource_id": share["id"]}},
         version="2.81")
    offered = made("alt_demo", "/shares", {"share": {"share_proto": "NFS", "size": 1}})
    settled("alt_demo", f"/shares/{offered['id']}", "share")
    made("alt_demo", "/share-transfers", {"transfer": {"share_id": offered["id"]}})
    group = made("demo", "/share-groups", {"share_group": {"name": "seed"}})
    settled("demo", f"/share-groups/{group['id']}", "share_group")
    member = made("demo", "/shares", {"share": {"share_proto": "NFS", "size": 1,
                                                "share_group_id": group["id"]}})
    settled("demo", f"/shares/{member['id']}", "share")
    made("demo", "/share-group-snapshots", {"share_group_snapshot": {
        "share_group_id": group["id"]}})
    made("admin", "/share-group-types", {"share_group_type": {
        "name": "seed-private", "is_public": False, "share_types": ["default"]}})
    # Hostile values the API stored before it checked them (refused now).
    for body in ({"metadata": {"simulated_driver:used_gb": "\u00b2"}},
                 {"metadata": {"simulated_driver:used_gb": "9" * 1000}}):
        backend.call("demo", "POST", f"/shares/{share['id']}/metadata", body)
    status, found = backend.call("admin", "POST", "/types", {"share_type": {
        "name": "seed-hostile", "extra_specs": {
            "driver_handles_share_servers": False,
            "provisioning:max_share_size": "\u00b2"}}})
    ids.learn(found)
    for path in ("/shares/detail?all_tenants=1", "/share-servers", "/messages",
                 "/share-group-types?is_public=all",
                 f"/shares/{share['id']}/export_locations",
                 f"/share-networks/{network['id']}", "/types"):
        ids.learn(backend.call("admin", "GET", path)[1])
    for token in fuzz.USERS.values():
        ids.add("project", token.split(":")[1])
    for kind, values in (("quota_class", ("default", "fuzz-class")),
                         ("key", ("k", "priority", "squash", "simulated_driver:used_gb",
                                  "provisioning:max_share_size", "squash_support"))):
        for value in values:
            ids.add(kind, value)
    return ids


def _pending(backend: InProcess) -> list[Any]:
    """Steps due within a minute (a transfer's expiry or a recycle bin purge
    waits for minutes or days, as it should)."""
    with sqlite3.connect(backend.db_path) as db:
        return list(db.execute(
            "SELECT kind, resource_id, attempts FROM operations WHERE run_after < ?",
            (time.time() + 60,)))


def _settle(backend: InProcess) -> list[Any]:
    """Wait for the queue to drain; what is still pending after a step's
    retries (about 30 s) would have had time to give up."""
    try:
        wait_until(lambda: not _pending(backend), timeout=60, interval=0.2,
                   what="the operation queue to drain")
    except AssertionError:
        return _pending(backend)
    return []


def _orphans(backend: InProcess) -> list[Any]:
    """Rows pointing at rows that do not exist: the declared foreign keys,
    and the references kept without one."""
    with sqlite3.connect(backend.db_path) as db:
        found = list(db.execute("PRAGMA foreign_key_check"))
        for child, column, parent in (("share_snapshots", "share_id", "shares"),
                                      ("shares", "share_type_id", "share_types"),
                                      ("share_servers", "share_network_id",
                                       "share_networks"),
                                      ("shares", "share_group_id", "share_groups"),
                                      ("share_group_snapshots", "share_group_id",
                                       "share_groups"),
                                      ("share_group_snapshot_members", "share_id",
                                       "shares"),
                                      ("share_backups", "share_id", "shares"),
                                      ("shares", "qos_type_id", "qos_types")):
            found += [(child, column, row) for row in db.execute(
                f"SELECT id, {column} FROM {child} WHERE {column} IS NOT NULL "
                f"AND {column} NOT IN (SELECT id FROM {parent})")]
    return found


def _usage_mismatches(backend: InProcess) -> list[str]:
    wrong = []
    for project in sorted(set(fuzz.USERS.values())):
        project_id = project.split(":")[1]
        shares: list[dict[str, Any]] = []
        for deleted in ("false", "true"):
            status, body = backend.call(
                "admin", "GET", f"/shares/detail?all_tenants=1&project_id={project_id}"
                f"&is_soft_deleted={deleted}")
            assert status == 200, body
            shares += body["shares"]
        status, body = backend.call(
            "admin", "GET", f"/snapshots/detail?all_tenants=1&project_id={project_id}")
        assert status == 200, body
        snapshots = [s for s in body["snapshots"] if s["status"] not in UNCOUNTED]
        status, body = backend.call(
            "admin", "GET", f"/share-networks?all_tenants=1&project_id={project_id}")
        assert status == 200, body
        counted = [s for s in shares if s["status"] not in UNCOUNTED]
        holds = {"shares": len(counted), "gigabytes": sum(s["size"] for s in counted),
                 "snapshots": len(snapshots),
                 "snapshot_gigabytes": sum(s["size"] or 0 for s in snapshots),
                 "share_networks": len(body["share_networks"])}
        for resource, path in (("share_groups", "/share-groups"),
                               ("share_group_snapshots", "/share-group-snapshots")):
            status, body = backend.call(
                "admin", "GET", f"{path}?all_tenants=1&project_id={project_id}")
            assert status == 200, body
            holds[resource] = len(body[resource])
        status, body = backend.call("admin", "GET",
                                    f"/quota-sets/{project_id}/detail")
        assert status == 200, body
        used = {key: body["quota_set"][key]["in_use"] for key in holds}
        if used != holds:
            wrong.append(f"{project_id}: quota in_use {used}, holds {holds}")
    return wrong


@pytest.mark.slow
def test_hostile_requests_never_get_a_server_error(
        backend_in_process: InProcess, capsys: pytest.CaptureFixture[str]) -> None:
    backend = backend_in_process
    routes = _routes()
    ids = _seed(backend)
    statuses: collections.Counter[int] = collections.Counter()
    served: set[tuple[str, str]] = set()
    failures: dict[str, list[str]] = {}
    errors = ErrorLog()
    logger = logging.getLogger("manila_ui")
    logger.addHandler(errors)
    started = time.monotonic()

    @settings(max_examples=REQUESTS, derandomize=True, database=None, deadline=None,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def one_request(data: st.DataObject) -> None:
        request = data.draw(fuzz.requests(routes, ids))
        resp = request_and_check(request)
        if resp.status_int in (200, 202) and resp.content_type == "application/json":
            ids.learn(json.loads(resp.body))     # new ids feed later requests

    def request_and_check(request: fuzz.Request) -> webob.Response:
        resp = backend.send(request)
        statuses[resp.status_int] += 1
        served.add((request.template, request.method))
        text = resp.body.decode("utf-8", "replace")
        problems = [f"status {resp.status_int}"] if resp.status_int >= 500 else []
        problems += [f"body shows {leak!r}" for leak in LEAKS if leak in text]
        logged = errors.take()
        problems += logged
        if problems:
            # One entry per cause: the exception's last line (or the problem).
            cause = re.sub(r"\d+", "N", logged[-1].strip().splitlines()[-1]
                           if logged else problems[0])
            failures.setdefault(cause, []).append(
                f"{request.describe()}\n  -> {resp.status_int} {text[:300]}\n  "
                + "\n  ".join(problems))
        return resp

    try:
        one_request()
        # Hypothesis does not draw routes evenly: those the run missed get
        # their own hostile requests, so every route is fuzzed however many.
        missed = [route for route in routes if (route[0], route[1]) not in served]
        if missed:
            @settings(max_examples=20 * len(missed), derandomize=True, database=None,
                      deadline=None, phases=[Phase.generate],
                      suppress_health_check=list(HealthCheck))
            @given(data=st.data())
            def sweep(data: st.DataObject) -> None:
                request_and_check(data.draw(fuzz.requests(missed, ids)))

            sweep()
        # Whatever route is still missed gets one plain request: every route
        # is reached whatever Hypothesis draws.
        for template, method, _names in routes:
            if (template, method) not in served:
                request_and_check(fuzz.Request(
                    user=sorted(fuzz.USERS)[0], method=method, template=template,
                    path=re.sub(r"\{[^}]*\}", UNKNOWN_ID, template), query="",
                    version=str(microversion.MAX), body=None))
        for step in _settle(backend):
            failures.setdefault("a step still pending after the fuzz", []).append(
                str(step))
        for line in errors.take():
            failures.setdefault(line.strip().splitlines()[-1], []).append(
                f"(logged after the fuzz) {line}")
    finally:
        logger.removeHandler(errors)
    elapsed = time.monotonic() - started
    with capsys.disabled():
        sys.stdout.write(
            f"\nfuzz: {sum(statuses.values())} requests in {elapsed:.0f} s over "
            f"{len(served)}/{len(routes)} routes x methods; by status: "
            f"{dict(sorted(statuses.items()))}; "
            f"{sum(len(found) for found in failures.values())} failures\n")
    assert not failures, f"{len(failures)} causes, one example each:\n" + "\n".join(
        f"== {cause} ({len(found)}x)\n{found[0]}" for cause, found in failures.items())
    assert sum(statuses.values()) >= REQUESTS
    assert served == {(template, method) for template, method, _ in routes}
    assert not _orphans(backend)
    assert not _usage_mismatches(backend)
