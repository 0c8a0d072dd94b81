"""Where the reference stack lives and which loopback ports it uses.

Everything is under one state folder, ``<checkout>/.stack/reference`` by default
(``$MANILA_UI_STACK_DIR/reference`` when that is set, or ``$MANILA_UI_REF_DIR``).
Ports are overridable one by one with ``MANILA_UI_REF_<NAME>_PORT``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from manila_ui.stack.config import CLOUD_USERS  # noqa: F401 - re-exported
from manila_ui.stack.config import HOST  # noqa: F401 - re-exported
from manila_ui.stack.config import REGION  # noqa: F401 - re-exported
from manila_ui.stack.config import SERVICE_USER  # noqa: F401 - re-exported
from manila_ui.stack.config import USERS

REPO_ROOT = Path(__file__).resolve().parents[3]
PACKAGE_DIR = Path(__file__).resolve().parent
CONSTRAINTS = PACKAGE_DIR / "constraints.txt"

# What the venv gets; versions come from constraints.txt.
VENV_REQUIREMENTS = (
    "manila==23.0.1",
    "keystone==30.0.0",
    "gunicorn",
    "python-manilaclient",
    "psycopg2-binary",
    "python-openstackclient",
)
# Real Neutron (the same OpenStack series as Manila 23), only with the network
# service on (MANILA_UI_REF_NEUTRON, default 1): see neutron.py.
NEUTRON_REQUIREMENT = "neutron==29.0.0"


# The throwaway local credentials of doc/contributing.md: the stack's own table.
ADMIN = (USERS["admin"].name, USERS["admin"].password, USERS["admin"].project)

_DEFAULT_PORTS = {
    "epmd": 24369,
    "amqp": 25672,
    "dist": 25673,
    "pg": 25432,
    "keystone": 25000,
    "manila": 28786,
    "neutron": 29696,
}


def _default_root() -> Path:
    if os.environ.get("MANILA_UI_REF_DIR"):
        return Path(os.environ["MANILA_UI_REF_DIR"]).resolve()
    if os.environ.get("MANILA_UI_STACK_DIR"):
        return Path(os.environ["MANILA_UI_STACK_DIR"]).resolve() / "reference"
    return REPO_ROOT / ".stack" / "reference"


def _port(name: str) -> int:
    value = os.environ.get(f"MANILA_UI_REF_{name.upper()}_PORT")
    return int(value) if value else _DEFAULT_PORTS[name]


@dataclass(frozen=True)
class RefConfig:
    """Paths, ports and knobs of one reference stack."""

    root: Path
    ports: dict[str, int] = field(default_factory=dict)
    # Availability zones of the two DHSS=False back ends (alpha, beta); gamma
    # (DHSS=True) lives in the first one.
    azs: tuple[str, str] = ("nova", "nova-2")
    # "zero": DummyDriver methods return at once; "upstream": CI's sleeps.
    dummy_delays: str = "zero"
    base_python: str = "python3"
    # Real Neutron in the catalog as the ``network`` service (MANILA_UI_REF_NEUTRON=0: none).
    neutron: bool = True

    @classmethod
    def from_env(cls) -> RefConfig:
        azs = tuple(os.environ.get("MANILA_UI_REF_AZS", "nova,nova-2").split(","))
        if len(azs) != 2 or not all(azs):
            raise SystemExit("MANILA_UI_REF_AZS must name two availability zones, e.g. nova,nova-2")
        delays = os.environ.get("DUMMY_DELAYS", "zero")
        if delays not in ("zero", "upstream"):
            raise SystemExit("DUMMY_DELAYS must be 'zero' or 'upstream'")
        return cls(
            root=_default_root(),
            ports={name: _port(name) for name in _DEFAULT_PORTS},
            azs=(azs[0], azs[1]),
            dummy_delays=delays,
            base_python=os.environ.get("MANILA_UI_REF_PYTHON", "python3"),
            neutron=os.environ.get("MANILA_UI_REF_NEUTRON", "1") != "0",
        )

    @property
    def requirements(self) -> tuple[str, ...]:
        return (*VENV_REQUIREMENTS, NEUTRON_REQUIREMENT) if self.neutron else VENV_REQUIREMENTS

    # --- folders -------------------------------------------------------------
    @property
    def venv(self) -> Path:
        return self.root / "venv"

    def bin(self, name: str) -> Path:
        return self.venv / "bin" / name

    @property
    def run_dir(self) -> Path:
        """Pid files."""
        return self.root / "run"

    @property
    def log_dir(self) -> Path:
        return self.root / "logs"

    @property
    def rabbit_dir(self) -> Path:
        return self.root / "rabbit"

    @property
    def pg_dir(self) -> Path:
        return self.root / "pg"

    @property
    def keystone_dir(self) -> Path:
        return self.root / "keystone"

    @property
    def manila_dir(self) -> Path:
        return self.root / "manila"

    @property
    def neutron_dir(self) -> Path:
        return self.root / "neutron"

    @property
    def clouds_yaml(self) -> Path:
        return self.root / "clouds.yaml"

    # --- addresses -----------------------------------------------------------
    @property
    def keystone_url(self) -> str:
        return f"http://{HOST}:{self.ports['keystone']}/v3"

    @property
    def manila_root_url(self) -> str:
        return f"http://{HOST}:{self.ports['manila']}"

    @property
    def manila_url(self) -> str:
        return f"{self.manila_root_url}/v2"

    @property
    def neutron_url(self) -> str:
        """Neutron's catalog URL (the root: clients add ``/v2.0``)."""
        return f"http://{HOST}:{self.ports['neutron']}"

    @property
    def transport_url(self) -> str:
        return f"rabbit://guest:guest@{HOST}:{self.ports['amqp']}/"

    def db_url_of(self, database: str) -> str:
        return f"postgresql+psycopg2://postgres@{HOST}:{self.ports['pg']}/{database}"

    @property
    def db_url(self) -> str:
        return self.db_url_of("manila")
