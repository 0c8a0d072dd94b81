"""The operator's view: the built wheel and sdist, as a cloud would install them.

The build is cached in ``.stack/operator/dist-<hash of the tree>/``: unchanged sources
are not built again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from manila_ui.stack import config
from manila_ui.stack import procs


@dataclass(frozen=True)
class Dist:
    wheel: Path
    sdist: Path


def tree_files() -> list[str]:
    """What git knows of the checkout (tracked, and new files not ignored)."""
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"],  # noqa: S607
                         cwd=config.REPO_ROOT, capture_output=True, check=True).stdout
    return sorted(name for name in out.decode().split("\0")
                  if name and (config.REPO_ROOT / name).is_file())


def uv() -> str:
    found = shutil.which("uv", path=f"{config.venv_dir() / 'bin'}{os.pathsep}"
                                     f"{os.environ.get('PATH', '')}")
    if not found:
        reason = "uv is not installed (make venv installs it)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return found


@pytest.fixture(scope="session")
def built_dist() -> Dist:
    """The wheel and sdist of the checkout as it is now (``uv build``: sdist, then the
    wheel from the sdist, so a file missing from the sdist is missing from the wheel)."""
    digest = hashlib.sha256()
    for name in tree_files():
        digest.update(name.encode() + b"\0" + (config.REPO_ROOT / name).read_bytes())
    out = config.stack_dir() / "operator" / f"dist-{digest.hexdigest()[:16]}"
    with procs.locked(out.parent / ".build.lock"):
        return _build(out)


def _build(out: Path) -> Dist:
    wheels, sdists = list(out.glob("*.whl")), list(out.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        shutil.rmtree(out, ignore_errors=True)
        for old in out.parent.glob("dist-*"):
            shutil.rmtree(old, ignore_errors=True)
        procs.run([uv(), "build", "--quiet", "--out-dir", out, config.REPO_ROOT],
                  log=out.parent / "build.log", what="uv build")
        wheels, sdists = list(out.glob("*.whl")), list(out.glob("*.tar.gz"))
    return Dist(wheel=wheels[0], sdist=sdists[0])
