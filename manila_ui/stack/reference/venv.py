"""The reference stack's own venv: real manila + keystone from PyPI, pinned.

Built with ``uv`` (itself pip-installed into the venv) and bytecode compiled, so
the first ``keystone-manage`` / ``manila-manage`` runs are not slowed down.
A stamp file records what was installed; a rerun with the same pins does nothing.
"""

from __future__ import annotations

import hashlib

from manila_ui.stack.procs import run
from manila_ui.stack.reference.config import CONSTRAINTS
from manila_ui.stack.reference.config import RefConfig


def _wanted(cfg: RefConfig) -> str:
    digest = hashlib.sha256(CONSTRAINTS.read_bytes())
    digest.update("\n".join(cfg.requirements).encode())
    digest.update(cfg.base_python.encode())
    return digest.hexdigest()


def ensure_venv(cfg: RefConfig) -> str:
    stamp = cfg.venv / ".manila-ui-reference"
    wanted = _wanted(cfg)
    if cfg.bin("python").exists() and stamp.exists() and stamp.read_text().strip() == wanted:
        return "present"
    log = cfg.log_dir / "venv.log"
    if not cfg.bin("python").exists():
        run([cfg.base_python, "-m", "venv", cfg.venv], log=log, what="python -m venv")
    run(
        [
            cfg.bin("python"),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "-c",
            CONSTRAINTS,
            "uv",
        ],
        log=log,
        what="pip install uv",
    )
    run(
        [
            cfg.bin("uv"),
            "pip",
            "install",
            "--python",
            cfg.bin("python"),
            "-c",
            CONSTRAINTS,
            *cfg.requirements,
        ],
        log=log,
        env={"UV_COMPILE_BYTECODE": "1"},
        what="uv pip install",
    )
    stamp.write_text(wanted + "\n")
    return "installed"
