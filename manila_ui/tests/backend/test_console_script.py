"""The ``manila-ui-backend`` console script in an install without the
``backend`` extra: it says what to install, without a traceback.

An interpreter whose ``sitecustomize`` blocks one module of the extra
(``sys.modules[name] = None``, so importing it fails as if it were not
installed) runs the real script.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from manila_ui.backend import cmd


def _run(tmp_path: Path, blocked: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "sitecustomize.py").write_text(
        f"import sys\nsys.modules[{blocked!r}] = None\n")
    script = shutil.which("manila-ui-backend", path=os.path.dirname(sys.executable))
    command = ([script] if script else [sys.executable, "-m", "manila_ui.backend.cmd"])
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    return subprocess.run([*command, "--config-file", os.devnull], env=env,
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("blocked", ["gunicorn", "oslo_config", "sqlalchemy"])
def test_without_the_backend_extra_the_script_says_what_to_install(
        tmp_path: Path, blocked: str) -> None:
    done = _run(tmp_path, blocked)
    assert done.returncode == 1
    assert "pip install 'manila-ui[backend]'" in done.stderr
    assert f"({blocked} is not installed)" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_an_import_error_of_our_own_still_shows_its_traceback(tmp_path: Path) -> None:
    # Only the extra's modules are "missing dependencies": anything else is a bug.
    done = _run(tmp_path, "manila_ui.backend.server")
    assert done.returncode == 1
    assert "Traceback" in done.stderr
    assert "pip install" not in done.stderr


def _dist(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_module_of_the_extra_is_known() -> None:
    # The installed package's ``backend`` extra, by import name: a new
    # dependency there must be named in cmd.EXTRA_MODULES too.
    extra = {_dist(Requirement(text).name) for text in metadata.requires("manila-ui") or []
             if 'extra == "backend"' in text}
    provided: dict[str, set[str]] = {}
    for module, owners in metadata.packages_distributions().items():
        for owner in owners:
            provided.setdefault(_dist(owner), set()).add(module)
    for dist in extra:
        assert provided.get(dist, set()) & cmd.EXTRA_MODULES, dist
    assert cmd.EXTRA_MODULES <= set().union(*(provided.get(d, set()) for d in extra))
