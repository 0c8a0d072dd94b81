"""Where the local stack lives, which ports it uses and who may log in.

This module is imported by the CLI, by the Horizon settings shim and by the test
harness, so it only uses the standard library.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
REGION = "RegionOne"
DOMAIN = "Default"

# Catalog types the bundled backend is registered under (Manila registers both).
SHARE_SERVICE_TYPES = {"sharev2": "manilav2", "shared-file-system": "manila"}
INTERFACES = ("public", "internal", "admin")


@dataclass(frozen=True)
class User:
    name: str
    password: str
    project: str
    roles: tuple[str, ...]


# Throwaway loopback-only defaults, the table of doc/contributing.md.
USERS: dict[str, User] = {
    u.name: u
    for u in (
        User("admin", "adminpass", "admin", ("admin",)),
        User("demo", "demopass", "demo", ("member",)),
        User("alt_demo", "alt_demopass", "alt_demo", ("member",)),
        User("reader", "readerpass", "demo", ("reader",)),
        User("manila", "manilapass", "service", ("admin", "service")),
    )
}
CLOUD_USERS = ("admin", "demo", "alt_demo", "reader")
SERVICE_USER = USERS["manila"]

DEFAULT_PORTS = {"keystone": 5000, "backend": 8786, "horizon": 8000}


def stack_dir() -> Path:
    """The state folder: ``$MANILA_UI_STACK_DIR`` or ``.stack`` in the checkout."""
    env = os.environ.get("MANILA_UI_STACK_DIR")
    return Path(env).resolve() if env else REPO_ROOT / ".stack"


def venv_dir() -> Path:
    """The venv we run in (the CLI is always started from it)."""
    return Path(sys.prefix)


def venv_bin(name: str) -> str:
    return str(venv_dir() / "bin" / name)


def port(name: str) -> int:
    return int(os.environ.get(f"MANILA_UI_{name.upper()}_PORT", DEFAULT_PORTS[name]))


def keystone_url(keystone_port: int) -> str:
    return f"http://{HOST}:{keystone_port}/v3"


def backend_url(backend_port: int) -> str:
    # Without the project id: Manila >= 2.60 routes both forms, clients use the catalog.
    return f"http://{HOST}:{backend_port}/v2"
