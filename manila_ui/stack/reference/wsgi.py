"""What the reference stack's OpenStack APIs (manila-api, neutron-api) share: the
gunicorn command line they run under and keystonemiddleware's configuration section."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from manila_ui.stack.reference.config import HOST
from manila_ui.stack.reference.config import SERVICE_USER
from manila_ui.stack.reference.config import RefConfig


def gunicorn_argv(cfg: RefConfig, chdir: Path, port: int, app: str) -> list[Any]:
    """One worker with four threads serving ``app`` (``module:callable`` in ``chdir``)."""
    return [
        cfg.bin("gunicorn"),
        "--chdir",
        chdir,
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        "1",
        "--threads",
        "4",
        "--timeout",
        "120",
        # Clients that poll every second or two reuse their connection: the
        # default 2 s keep-alive closes it under them (RemoteDisconnected).
        "--keep-alive",
        "30",
        "--no-control-socket",
        app,
    ]


def authtoken_section(cfg: RefConfig) -> str:
    """Tokens checked by the reference Keystone, as the stack's service user."""
    user, password, project = SERVICE_USER.name, SERVICE_USER.password, SERVICE_USER.project
    return f"""\
[keystone_authtoken]
www_authenticate_uri = {cfg.keystone_url}
auth_url = {cfg.keystone_url}
auth_type = password
username = {user}
password = {password}
project_name = {project}
user_domain_name = Default
project_domain_name = Default
"""
