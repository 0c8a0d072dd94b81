"""The reference Keystone: the stack's own bootstrap, our state dir, port and venv.

``manila_ui.stack.keystone`` does the bootstrap and seed (users, projects, roles,
the ``sharev2`` and ``shared-file-system`` catalog entries); it runs in the
reference venv through ``_keystone_prepare``. Here: start and stop the server by
our pid file, and add the one catalog entry the stack does not register,
``sharev2_legacy`` (``/v2/$(project_id)s``, as Manila's devstack plugin does).
"""

from __future__ import annotations

import json
import os
import subprocess

from manila_ui.stack.procs import PidFile
from manila_ui.stack.procs import Server
from manila_ui.stack.procs import StackError
from manila_ui.stack.procs import http_status
from manila_ui.stack.procs import port_in_use
from manila_ui.stack.procs import stop_pidfile
from manila_ui.stack.procs import wait_until
from manila_ui.stack.reference import rest
from manila_ui.stack.reference.config import ADMIN
from manila_ui.stack.reference.config import REGION
from manila_ui.stack.reference.config import REPO_ROOT
from manila_ui.stack.reference.config import RefConfig

LEGACY = ("manila_legacy", "sharev2_legacy")


def _env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": f"{REPO_ROOT}{os.pathsep}{path}" if path else str(REPO_ROOT)}


def _prepare(cfg: RefConfig) -> list[str]:
    """Bootstrap (or reuse) the instance; return the server's argv."""
    log = cfg.log_dir / "keystone-setup.log"
    argv = [
        str(cfg.bin("python")),
        "-m",
        "manila_ui.stack.reference._keystone_prepare",
        str(cfg.keystone_dir),
        str(cfg.ports["keystone"]),
        cfg.manila_url,
        str(cfg.root / "keystone-template"),
        str(log),
    ]
    out = subprocess.run(  # noqa: S603 - argv built by us
        argv,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **_env()},
        cwd=REPO_ROOT,
    )
    if out.returncode != 0:
        with open(log, "a") as fh:
            fh.write(out.stdout + out.stderr)
        raise StackError(f"keystone bootstrap failed (exit {out.returncode}); see {log}")
    server = json.loads(out.stdout.strip().splitlines()[-1])
    return [str(a) for a in server["argv"]]


def up(cfg: RefConfig) -> str:
    pidfile = PidFile.of(cfg.run_dir, "keystone")
    verdict = "running"
    if not pidfile.live_pid():
        if port_in_use(cfg.ports["keystone"]):
            raise StackError(f"port {cfg.ports['keystone']} (keystone) is held by another process")
        fresh = not (cfg.keystone_dir / "template").is_file()
        argv = _prepare(cfg)
        log = cfg.log_dir / "keystone.log"
        env = {**_env(), "OS_KEYSTONE_CONFIG_DIR": str(cfg.keystone_dir)}
        Server("keystone", argv, log=log, run_dir=cfg.run_dir, env=env,
               cwd=cfg.keystone_dir).start().detach()
        wait_until(
            lambda: http_status(cfg.keystone_url) == 200,
            90,
            what="keystone",
            alive=lambda: pidfile.live_pid() is not None,
            log=log,
        )
        verdict = "bootstrapped and started" if fresh else "started"
    _ensure_legacy_catalog(cfg)
    return verdict


def down(cfg: RefConfig) -> str:
    return stop_pidfile(PidFile.of(cfg.run_dir, "keystone"), 20) or "not running"


def status(cfg: RefConfig) -> dict[str, str]:
    pid = PidFile.of(cfg.run_dir, "keystone").live_pid()
    if pid is None:
        return {"keystone": "down"}
    code = http_status(cfg.keystone_url)
    shown = f"{cfg.keystone_url} answers {code}" if code else "not answering"
    return {"keystone": f"up (pid {pid}), {shown}"}


def _ensure_legacy_catalog(cfg: RefConfig) -> None:
    ensure_catalog(cfg, *LEGACY, cfg.manila_url + "/$(project_id)s")


def ensure_catalog(cfg: RefConfig, name: str, kind: str, url: str) -> None:
    """The service ``kind`` in the catalog with public, internal and admin endpoints at ``url``."""
    ks = cfg.keystone_url
    token = rest.password_token(ks, *ADMIN)
    found = rest.expect(
        rest.call("GET", f"{ks}/services?type={kind}", token), 200, what="services"
    )["services"]
    if found:
        service_id = found[0]["id"]
    else:
        service_id = rest.expect(
            rest.call("POST", f"{ks}/services", token, {"service": {"name": name, "type": kind}}),
            201,
            what="create service",
        )["service"]["id"]
    have = rest.expect(
        rest.call("GET", f"{ks}/endpoints?service_id={service_id}", token), 200, what="endpoints"
    )["endpoints"]
    for interface in ("public", "internal", "admin"):
        if any(e["interface"] == interface and e["url"] == url for e in have):
            continue
        for stale in (e for e in have if e["interface"] == interface):
            rest.call("DELETE", f"{ks}/endpoints/{stale['id']}", token)
        rest.expect(
            rest.call(
                "POST",
                f"{ks}/endpoints",
                token,
                {
                    "endpoint": {
                        "service_id": service_id,
                        "interface": interface,
                        "region_id": REGION,
                        "url": url,
                    }
                },
            ),
            201,
            what=f"endpoint {kind} {interface}",
        )


def drop_catalog(cfg: RefConfig, kind: str) -> bool:
    """Remove the service ``kind`` (and its endpoints) from the catalog; True if it was there."""
    ks = cfg.keystone_url
    token = rest.password_token(ks, *ADMIN)
    found = rest.expect(
        rest.call("GET", f"{ks}/services?type={kind}", token), 200, what="services"
    )["services"]
    for service in found:
        rest.expect(rest.call("DELETE", f"{ks}/services/{service['id']}", token), 204,
                    what=f"delete service {kind}")
    return bool(found)
