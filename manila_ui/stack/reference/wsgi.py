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


def write_config(
    folder: Path, conf_name: str, conf_text: str, paste: Path, healthcheck: str,
    wrappers: dict[str, str],
) -> bool:
    """Write a service's configuration file, its ``api-paste.ini`` (the wheel's, with the
    healthcheck's disable file moved into ``folder``) and its wrapper scripts; True if the
    configuration file changed."""
    folder.chmod(0o700)  # the configuration holds the service, database and RabbitMQ passwords
    conf = folder / conf_name
    old = conf.read_text() if conf.exists() else None
    conf.write_text(conf_text)
    (folder / "api-paste.ini").write_text(
        paste.read_text().replace(healthcheck, str(folder / "healthcheck_disable"))
    )
    for name, text in wrappers.items():
        (folder / name).write_text(text)
    return old is not None and old != conf_text
