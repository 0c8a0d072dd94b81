"""The bundled backend as a process: its config file and its launcher.

Written against the contract in doc/contributing.md ("The backend process"):
``manila-ui-backend --config-file backend.conf``, ready when ``GET /`` answers 300.
This module never imports ``manila_ui.backend``; it only runs its console script.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from manila_ui.stack import config
from manila_ui.stack import procs

CONF = """\
[DEFAULT]
bind_host = {host}
bind_port = {port}
workers = {workers}
state_path = {state}
auth_strategy = keystone
transition_delay = {delay}
# How often the operation worker looks for due steps: well under the delay.
worker_poll_interval = {poll}

[database]
connection = sqlite:///{state}/backend.sqlite

[alpha]
# The thin pool's over-subscription follows what its shares use (Cinder's
# "auto"); Admin > Pools shows the ratio in force.
max_over_subscription_ratio = auto

[keystone_authtoken]
www_authenticate_uri = {auth_url}
auth_url = {auth_url}
auth_type = password
username = {user.name}
password = {user.password}
project_name = {user.project}
user_domain_name = {domain}
project_domain_name = {domain}
region_name = {region}
"""


def available() -> bool:
    """Whether the backend's entry point exists in this checkout yet."""
    try:
        return importlib.util.find_spec("manila_ui.backend.cmd") is not None
    except ImportError:
        return False


def write_conf(
    state: Path, *, port: int, keystone_url: str, delay: float, workers: int = 1
) -> Path:
    # The service user's password (conf) and the cephx keys (database): owner only.
    state.mkdir(mode=0o700, parents=True, exist_ok=True)
    state.chmod(0o700)
    conf = state / "backend.conf"
    conf.touch(mode=0o600)
    conf.chmod(0o600)
    conf.write_text(CONF.format(
        host=config.HOST, port=port, workers=workers, state=state, delay=delay,
        poll=max(0.05, min(0.5, delay / 2)),
        auth_url=keystone_url, user=config.SERVICE_USER, domain=config.DOMAIN,
        region=config.REGION,
    ))
    return conf


def server(conf: Path, *, log: Path, run_dir: Path) -> procs.Server:
    argv = [config.venv_bin("manila-ui-backend"), "--config-file", str(conf)]
    return procs.Server("backend", argv, log=log, run_dir=run_dir, cwd=conf.parent)


def wait_ready(srv: procs.Server, port: int, timeout: float = 60) -> None:
    # The version document answers 300 without auth once the service is ready.
    srv.wait_http(f"http://{config.HOST}:{port}/", timeout=timeout, statuses=(300,))
