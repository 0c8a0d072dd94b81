"""``manila-ui-stack``: run the local stack in the foreground, stop it, show it.

    manila-ui-stack up [--keystone-url URL]   start, print how to use it, wait for Ctrl-C
    manila-ui-stack down                      stop what ``up`` started (from any shell)
    manila-ui-stack status                    what runs, where
    manila-ui-stack setup-horizon             wire the plugin into Horizon, build static files
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from manila_ui.stack import backend
from manila_ui.stack import config
from manila_ui.stack import procs
from manila_ui.stack.runner import Layout
from manila_ui.stack.runner import Stack

NAMES = ("horizon", "backend", "keystone")


def _say(msg: str) -> None:
    print(f"[manila-ui-stack] {msg}", flush=True)  # noqa: T201 - a CLI talks to its user


def default_layout() -> Layout:
    root = config.stack_dir()
    return Layout(
        root=root,
        keystone_port=config.port("keystone"),
        backend_port=config.port("backend"),
        horizon_port=config.port("horizon"),
        template_cache=root / "test-template",
        transition_delay=float(os.environ.get("MANILA_UI_TRANSITION_DELAY", "1.5")),
    )


def _supervisor(lay: Layout) -> procs.PidFile:
    return procs.PidFile(lay.run_dir / "stack.pid")


def _ports_file(lay: Layout) -> Path:
    """Where a running stack records its own ports and Keystone, for ``status``."""
    return lay.run_dir / "stack.json"


def _running_layout() -> tuple[Layout, str | None]:
    """The layout of the running stack (its recorded ports), else the configured one;
    and the remote Keystone it runs against, if any."""
    lay = default_layout()
    try:
        recorded = json.loads(_ports_file(lay).read_text())
    except (OSError, ValueError):
        return lay, None
    ports = {f"{name}_port": int(recorded[name]) for name in NAMES if name in recorded}
    return dataclasses.replace(lay, **ports), recorded.get("remote_keystone")


class _Stop(Exception):
    pass


def _raise_stop(signum: int, _frame: FrameType | None) -> None:
    raise _Stop(signal.Signals(signum).name)


def up(args: argparse.Namespace) -> int:
    lay = default_layout()
    remote = args.keystone_url
    sup = _supervisor(lay)
    if (pid := sup.live_pid()) is not None:
        _say(f"a stack is already running (pid {pid}); stop it with `make stop`")
        return 1
    with_backend = not remote and backend.available()
    ports = {"horizon": lay.horizon_port}
    if not remote:
        ports |= {"keystone": lay.keystone_port}
    if with_backend:
        ports |= {"backend": lay.backend_port}
    busy = [f"{name} port {port}" for name, port in ports.items() if procs.port_in_use(port)]
    if busy:
        _say(f"in use: {', '.join(busy)}. Another stack (or another program) listens there; "
             "stop it (`make stop`) or pick ports with MANILA_UI_<NAME>_PORT.")
        return 1
    if not remote and not with_backend:
        _say("WARNING: manila_ui.backend.cmd does not exist yet: starting without the backend")

    sup.write(os.getpid())
    _ports_file(lay).write_text(json.dumps({**ports, "remote_keystone": remote}))
    stack = Stack(lay, say=_say)
    signal.signal(signal.SIGTERM, _raise_stop)
    started = time.monotonic()
    try:
        if remote:
            stack.prepare_horizon()
            stack.start_horizon(keystone_url=remote)
        else:
            stack.up(with_backend=with_backend)
        _banner(lay, remote, time.monotonic() - started, stack.timings)
        while not (dead := stack.dead()):
            time.sleep(0.5)
        for srv in dead:
            _say(f"{srv.name} exited unexpectedly; last lines of {srv.log}:\n{srv.log_tail()}")
        return 1
    except (KeyboardInterrupt, _Stop):
        print(file=sys.stderr)  # noqa: T201 - end the ^C line
        return 0
    except procs.StackError as exc:
        _say(f"ERROR: {exc}")
        return 1
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second `make stop` must not cut us short
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _say("stopping ...")
        stack.stop()
        _ports_file(lay).unlink(missing_ok=True)
        sup.remove()
        _say("stopped")


def _banner(lay: Layout, remote: str | None, took: float, timings: dict[str, float]) -> None:
    demo, admin = config.USERS["demo"], config.USERS["admin"]
    steps = ", ".join(f"{k} {v:.1f}s" for k, v in timings.items())
    lines = [
        "",
        f"Stack up in {took:.1f} s ({steps})" if steps else f"Horizon up in {took:.1f} s",
        "",
        f"  Dashboard:  {lay.horizon_url}/",
    ]
    if remote:
        lines += [f"  Keystone:   {remote}  (log in with that cloud's users)"]
    else:
        lines += [
            f"  Log in as:  {demo.name} / {demo.password}    (project {demo.project})",
            f"         or:  {admin.name} / {admin.password}  (admin)",
            f"  Keystone:   {lay.keystone_url}",
            f"  Backend:    {lay.backend_url}   (catalog types sharev2, shared-file-system)",
            "",
            "  CLI (python-openstackclient is in the venv):",
            f"    export OS_CLIENT_CONFIG_FILE={_rel(lay.clouds_yaml)}",
            f"    {_rel(Path(config.venv_bin('openstack')))} --os-cloud demo share list",
            "    (clouds: admin, demo, alt_demo, reader)",
        ]
    lines += [
        "",
        f"  Logs:       {_rel(lay.logs)}/",
        "  Stop:       Ctrl-C here, or `make stop` in another shell",
        "",
    ]
    print("\n".join(lines), flush=True)  # noqa: T201


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def down(_args: argparse.Namespace) -> int:
    lay = default_layout()
    sup = _supervisor(lay)
    if (pid := sup.live_pid()) is not None:
        _say(f"stopping the stack (pid {pid}) ...")
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 40
        while sup.live_pid() is not None and time.monotonic() < deadline:
            time.sleep(0.1)
    # Whatever a killed supervisor left behind.
    stopped = [n for n in NAMES if procs.stop_pidfile(procs.PidFile(lay.run_dir / f"{n}.pid"))]
    if stopped:
        _say(f"stopped leftover {', '.join(stopped)}")
    if pid is None and not stopped:
        _say("nothing was running")
    _ports_file(lay).unlink(missing_ok=True)
    sup.remove()
    return 0


def status(_args: argparse.Namespace) -> int:
    lay, remote = _running_layout()
    urls = {"keystone": remote or lay.keystone_url,
            "backend": f"http://{config.HOST}:{lay.backend_port}/",
            "horizon": f"{lay.horizon_url}/auth/login/"}
    sup = _supervisor(lay).live_pid()
    print(f"supervisor: {f'pid {sup}' if sup else 'not running'}")  # noqa: T201
    running = 0
    for name in reversed(NAMES):
        pid = procs.PidFile(lay.run_dir / f"{name}.pid").live_pid()
        running += pid is not None
        code = procs.http_status(urls[name]) if pid else None
        print(f"{name:9} {f'pid {pid}' if pid else 'stopped':12} {urls[name]} "  # noqa: T201
              f"{code or ''}")
    return 0 if running else 3


def setup_horizon(_args: argparse.Namespace) -> int:
    lay = default_layout()
    Stack(lay, say=_say).prepare_horizon()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="manila-ui-stack", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_up = sub.add_parser("up", help="start the stack in the foreground")
    p_up.add_argument("--keystone-url", help="run only Horizon, against this (remote) Keystone")
    p_up.set_defaults(func=up)
    sub.add_parser("down", help="stop what `up` started").set_defaults(func=down)
    sub.add_parser("status", help="show what runs").set_defaults(func=status)
    sub.add_parser("setup-horizon", help="wire the plugin into Horizon, build static files"
                   ).set_defaults(func=setup_horizon)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except procs.StackError as exc:
        _say(f"ERROR: {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
