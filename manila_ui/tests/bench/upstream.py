"""Upstream manila-ui 16.0.0 on Horizon 27.0.0, installed from PyPI into a venv
of its own under ``.stack/bench/``, to measure it beside ours (never to copy
its code). Its Horizon is served exactly as ours: gunicorn with the argv of
``manila_ui.stack.horizon.server`` (workers, threads, timeout), the settings of
``manila_ui.stack.horizon_settings`` that matter for speed (DEBUG off, a
local-memory cache, sessions in files, offline-compressed static files).

The plugin is enabled as its documentation says: its enabled files, settings
snippet and policy files copied into the venv's ``openstack_dashboard``.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from manila_ui.stack import config
from manila_ui.stack import horizon
from manila_ui.stack import procs

HORIZON = "horizon==27.0.0"
MANILA_UI = "manila-ui==16.0.0"
PYTHON = "3.11"  # what our own venv runs

# openstack_dashboard/local/local_settings.py of the upstream venv: the
# values that differ per run come from the environment.
SETTINGS = '''\
# Written by manila-ui's page bench (manila_ui/tests/bench/upstream.py).
import os

from horizon.utils import secret_key as _secret_key

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
OPENSTACK_HOST = "127.0.0.1"
OPENSTACK_KEYSTONE_URL = os.environ["BENCH_KEYSTONE_URL"]
OPENSTACK_KEYSTONE_DEFAULT_ROLE = "member"
TIME_ZONE = "UTC"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.file"
SESSION_FILE_PATH = os.environ["BENCH_SESSIONS"]
STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
COMPRESS_OFFLINE = True
SECRET_KEY = _secret_key.generate_or_read_from_file(os.environ["BENCH_SECRET_KEY"])
'''

GUNICORN_CONF = '''\
import os


def worker_exit(server, worker):
    os._exit(0)  # as manila_ui.stack.gunicorn_conf: no 30 s hang at exit
'''


class Upstream:
    """The upstream venv (built once, kept under ``.stack/bench/``) and one
    Horizon server of it for a run whose state lives in ``state``."""

    def __init__(self, state: Path, home: Path | None = None) -> None:
        self.home = home or config.stack_dir() / "bench"
        self.venv = self.home / "upstream-venv"
        self.static = self.home / "upstream-static"
        self.state = state
        self.server: procs.Server | None = None

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    def _site(self, package: str) -> Path:
        # -I: neither our checkout (the working directory) nor PYTHONPATH
        # may shadow upstream's manila_ui package.
        out = subprocess.run(  # noqa: S603 - our venv's python, fixed code
            [str(self.python), "-I", "-c",
             f"import {package}, os; print(os.path.dirname({package}.__file__))"],
            check=True, capture_output=True, text=True)
        return Path(out.stdout.strip())

    def install(self, log: Path) -> None:
        """The venv with the pinned releases (our constraints for what both
        share, such as Django and python-manilaclient), the plugin enabled."""
        stamp = self.venv / ".bench-installed"
        want = f"{HORIZON} {MANILA_UI} {_constraints_digest()}"
        if stamp.is_file() and stamp.read_text() == want:
            return
        uv = config.venv_bin("uv")
        if self.venv.exists():
            shutil.rmtree(self.venv)
        procs.run([uv, "venv", "-q", "--python", PYTHON, self.venv], log=log,
                  what="uv venv (upstream)")
        procs.run([uv, "pip", "install", "-q", "--python", self.python,
                   "-c", config.REPO_ROOT / "constraints.txt", HORIZON, MANILA_UI,
                   "gunicorn"], log=log, what=f"uv pip install {HORIZON} {MANILA_UI}")
        dashboard, plugin = self._site("openstack_dashboard"), self._site("manila_ui")
        for source in sorted((plugin / "local" / "enabled").glob("_*.py")):
            shutil.copy(source, dashboard / "local" / "enabled")
        for source in sorted((plugin / "local" / "local_settings.d").glob("_90_manila_*.py")):
            shutil.copy(source, dashboard / "local" / "local_settings.d")
        shutil.copy(plugin / "conf" / "manila_policy.yaml", dashboard / "conf")
        shutil.copy(plugin / "conf" / "default_policies" / "manila.yaml",
                    dashboard / "conf" / "default_policies")
        (dashboard / "local" / "local_settings.py").write_text(SETTINGS)
        (self.venv / "gunicorn_conf.py").write_text(GUNICORN_CONF)
        shutil.rmtree(self.static, ignore_errors=True)
        stamp.write_text(want)

    def env(self, keystone_url: str) -> dict[str, str | None]:
        (self.state / "sessions").mkdir(parents=True, exist_ok=True, mode=0o700)
        return {
            "DJANGO_SETTINGS_MODULE": "openstack_dashboard.settings",
            "BENCH_KEYSTONE_URL": keystone_url,
            "BENCH_SESSIONS": str(self.state / "sessions"),
            "BENCH_STATIC_ROOT": str(self.static),
            "BENCH_SECRET_KEY": str(self.state / "secret_key"),
            # Our checkout must not shadow upstream's manila_ui package.
            "PYTHONPATH": None,
        }

    def build_static(self, keystone_url: str, log: Path) -> None:
        stamp = self.static / ".bench-built"
        if stamp.is_file():
            return
        env = self.env(keystone_url)
        django = [self.python, "-m", "django"]
        procs.run([*django, "collectstatic", "--noinput", "--clear", "--link", "-v0"],
                  log=log, env=env, cwd=self.state, what="collectstatic (upstream)")
        procs.run([*django, "compress", "--force", "-v0"], log=log, env=env,
                  cwd=self.state, what="compress (upstream)")
        stamp.write_text("built\n")

    def start(self, port: int, keystone_url: str, ours: procs.Server, log: Path) -> str:
        """Serve upstream's Horizon with our Horizon's gunicorn argv (``ours``),
        only the program, its hook file and the application swapped."""
        argv = list(ours.argv)
        argv[0] = str(self.venv / "bin" / "gunicorn")
        argv[argv.index("--bind") + 1] = f"{config.HOST}:{port}"
        argv[argv.index("--config") + 1] = str(self.venv / "gunicorn_conf.py")
        argv[argv.index("--name") + 1] = "manila-ui-bench-upstream"
        argv[-1] = "openstack_dashboard.wsgi:application"
        self.server = procs.Server("horizon-upstream", argv, log=log,
                                   run_dir=self.state / "run", cwd=self.state,
                                   env=self.env(keystone_url))
        self.server.start()
        horizon.wait_ready(self.server, port)
        return f"http://{config.HOST}:{port}"

    def stop(self) -> None:
        if self.server is not None:
            procs.stop_servers([self.server])
            self.server = None


def _constraints_digest() -> str:
    data = (config.REPO_ROOT / "constraints.txt").read_bytes()
    return hashlib.sha256(data + sys.version.encode()).hexdigest()[:16]
