"""Horizon with this plugin: wiring into the venv, static files, the server.

Horizon reads its local settings and plugin "enabled" files from its own
package folder (``openstack_dashboard/local``), so the venv gets a settings shim
and, as an operator's Horizon gets from ``manila-ui enable``, symlinks to the plugin's
enabled and settings files; re-synced on every start, so new files are picked up.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

from manila_ui.operator.horizon_local import EnableError
from manila_ui.operator.horizon_local import HorizonLocal
from manila_ui.stack import config
from manila_ui.stack import procs

SETTINGS_SHIM = """\
# Written by manila-ui-stack: the settings live in the manila-ui checkout.
from manila_ui.stack.horizon_settings import *  # noqa: F401,F403
"""
PLUGIN_LOCAL = config.REPO_ROOT / "manila_ui" / "local"
STAMP = ".manila-ui-stamp"


def horizon_local_dir() -> Path:
    """``openstack_dashboard/local`` of the installed Horizon, without importing Django."""
    spec = importlib.util.find_spec("openstack_dashboard")
    if spec is None or not spec.submodule_search_locations:
        raise procs.StackError("openstack_dashboard (horizon) is not installed in this venv")
    return Path(next(iter(spec.submodule_search_locations))) / "local"


def install_plugin() -> list[str]:
    """Write the settings shim and link the plugin's files as ``manila-ui enable`` does,
    with Shares as the landing page (our catalog has no compute); return what changed."""
    local = horizon_local_dir()
    changed: list[str] = []
    shim = local / "local_settings.py"
    if not shim.exists() or shim.read_text() != SETTINGS_SHIM:
        shim.write_text(SETTINGS_SHIM)
        changed.append(str(shim))
    try:
        changes = HorizonLocal(local.parent).enable(landing_page=True)
    except EnableError as exc:
        raise procs.StackError(str(exc)) from None
    return changed + [str(c) for c in changes if c.action != "unchanged"]


def prune_sessions(max_age: float = 86400.0) -> int:
    """Remove server-side session files untouched for ``max_age`` s (Horizon's sessions
    last an hour; Django never deletes an abandoned file itself). Returns how many."""
    folder = config.stack_dir() / "horizon" / "sessions"
    cutoff = time.time() - max_age
    removed = 0
    for path in folder.glob("sessionid*") if folder.is_dir() else ():
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
    return removed


def static_root() -> Path:
    return Path(os.environ.get("MANILA_UI_STATIC_ROOT", config.stack_dir() / "horizon" / "static"))


def _static_inputs() -> Iterator[Path]:
    """Everything the collected and compressed output depends on."""
    pkg = config.REPO_ROOT / "manila_ui"
    yield Path(__file__).with_name("horizon_settings.py")
    yield config.REPO_ROOT / "constraints.txt"  # e.g. a new xstatic package
    yield from sorted(p for p in PLUGIN_LOCAL.rglob("*")
                      if p.is_file() and "__pycache__" not in p.parts)
    for path in sorted(pkg.rglob("*")):
        parts = path.relative_to(pkg).parts
        if path.is_file() and parts[0] not in ("tests", "backend", "stack") and (
            "templates" in parts or "static" in parts
        ) and "__pycache__" not in parts:
            yield path


def static_stamp() -> str:
    digest = hashlib.sha256()
    # collectstatic --link points into this venv: another venv needs its own build.
    digest.update(f"venv={config.venv_dir()}\n".encode())
    for dist in ("horizon", "django-compressor", "Django"):
        digest.update(f"{dist}={metadata.version(dist)}\n".encode())
    for path in _static_inputs():
        digest.update(str(path.relative_to(config.REPO_ROOT)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def django_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="openstack_dashboard.settings")
    env.update(extra)
    return env


def build_static(log: Path) -> bool:
    """collectstatic + offline compress, only when an input changed; True if it ran."""
    root = static_root()
    stamp_file = root / STAMP
    with procs.locked(root.parent / ".static.lock"):
        stamp = static_stamp()
        if stamp_file.is_file() and stamp_file.read_text() == stamp:
            return False
        stamp_file.unlink(missing_ok=True)
        env = django_env(MANILA_UI_STATIC_ROOT=str(root))
        django = [config.venv_bin("python"), "-m", "django"]
        # --link: symlinks into the venv instead of 74 MB of copies.
        procs.run([*django, "collectstatic", "--noinput", "--clear", "--link", "-v0"],
                  log=log, env=env)
        procs.run([*django, "compress", "--force", "-v0"], log=log, env=env)
        stamp_file.write_text(stamp)
        return True


def server(
    port: int, keystone_url: str, *, log: Path, run_dir: Path, workers: int = 2
) -> procs.Server:
    env = django_env(MANILA_UI_KEYSTONE_URL=keystone_url, MANILA_UI_STATIC_ROOT=str(static_root()))
    argv = [
        config.venv_bin("gunicorn"),
        "--bind", f"{config.HOST}:{port}",
        "--workers", str(workers),
        "--threads", "4",
        "--timeout", "120",
        "--config", "python:manila_ui.stack.gunicorn_conf",
        "--no-control-socket",
        "--name", "manila-ui-horizon",
        "manila_ui.stack.horizon_wsgi:application",
    ]
    return procs.Server("horizon", argv, log=log, run_dir=run_dir, env=env)


def wait_ready(srv: procs.Server, port: int, timeout: float = 90) -> None:
    srv.wait_http(f"http://{config.HOST}:{port}/auth/login/", timeout=timeout)
