"""``manila-ui-stack up`` / ``status`` / ``down`` as ``make run`` and ``make stop`` use
them, in a throwaway state folder on free ports."""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from manila_ui.stack import config
from manila_ui.stack import keystone
from manila_ui.stack import procs


def _reader(stream: object, lines: queue.Queue[str | None]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.put(line)
    lines.put(None)


def _until(lines: queue.Queue[str | None], marker: str, timeout: float) -> str:
    seen: list[str] = []
    while True:
        try:
            line = lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no {marker!r} in {timeout} s:\n{''.join(seen)}") from None
        if line is None:
            raise AssertionError(f"exited before {marker!r}:\n{''.join(seen)}")
        seen.append(line)
        if marker in line:
            return "".join(seen)


@pytest.mark.slow
def test_up_prints_how_to_use_it_and_down_stops_everything(
    tmp_path: Path, horizon_static: Path
) -> None:
    state = tmp_path / "state"
    # Reuse the bootstrapped Keystone template and the built static files.
    template = keystone.ensure_template(config.stack_dir() / "test-template",
                                        tmp_path / "bootstrap.log")
    shutil.copytree(template, state / "test-template" / template.name)
    ports = {name: procs.free_port() for name in ("keystone", "backend", "horizon")}
    env = dict(os.environ, MANILA_UI_STACK_DIR=str(state),
               MANILA_UI_STATIC_ROOT=str(horizon_static),
               **{f"MANILA_UI_{n.upper()}_PORT": str(p) for n, p in ports.items()})
    cli = config.venv_bin("manila-ui-stack")

    up = subprocess.Popen([cli, "up"], env=env, stdout=subprocess.PIPE,  # noqa: S603
                          stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_reader, args=(up.stdout, lines), daemon=True).start()
    try:
        banner = _until(lines, "Stop:", timeout=180)
        assert f"Dashboard:  http://127.0.0.1:{ports['horizon']}/" in banner
        assert "demo / demopass" in banner and "admin / adminpass" in banner
        assert "--os-cloud demo share list" in banner
        assert "WARNING" not in banner, banner
        assert (state / "clouds.yaml").is_file()
        for name, port in ports.items():
            assert procs.port_in_use(port), name
        assert procs.http_status(f"http://127.0.0.1:{ports['horizon']}/auth/login/") == 200

        # From a shell that does not know the ports: status reports the stack's own.
        plain = {k: v for k, v in env.items() if not k.endswith("_PORT")}
        status = subprocess.run([cli, "status"], env=plain, capture_output=True,  # noqa: S603
                                text=True, timeout=30)
        assert status.returncode == 0, status.stdout
        assert status.stdout.count("pid ") == 4  # supervisor + three servers
        for name, port in ports.items():
            assert f"127.0.0.1:{port}/" in status.stdout, (name, status.stdout)
        assert " 200" in status.stdout and " 300" in status.stdout  # they answer there

        again = subprocess.run([cli, "up"], env=env, capture_output=True,  # noqa: S603
                               text=True, timeout=30)
        assert again.returncode == 1
        assert "already running" in again.stdout

        down = subprocess.run([cli, "down"], env=env, capture_output=True,  # noqa: S603
                              text=True, timeout=60)
        assert down.returncode == 0, down.stdout
        assert up.wait(timeout=60) == 0
    finally:
        if up.poll() is None:
            up.kill()
            subprocess.run([cli, "down"], env=env, timeout=60)  # noqa: S603
    for name, port in ports.items():
        assert not procs.port_in_use(port), f"{name} still listens on {port}"
    assert not list((state / "run").glob("*.pid"))
