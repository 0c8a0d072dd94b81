"""Daemons started by pid file, each in its own session (process group).

A pid file holds ``<pid> <start time>`` (field 22 of ``/proc/<pid>/stat``), so a
recycled pid is never mistaken for ours, and stopping signals only the process
group that we created.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from collections.abc import Mapping
from collections.abc import Sequence
from pathlib import Path


class StackError(RuntimeError):
    """A step of the bring-up failed; the message says which and where to look."""


def _stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # comm (field 2) may hold spaces; everything after the last ")" is plain.
    return [str(pid), "comm", *raw.rsplit(")", 1)[1].split()]


def start_time(pid: int) -> str | None:
    fields = _stat(pid)
    return fields[21] if fields else None


def running(pid: int, started: str | None = None) -> bool:
    fields = _stat(pid)
    if fields is None or fields[2] == "Z":
        return False
    return started is None or fields[21] == started


def group_members(pgid: int) -> list[int]:
    """Live (non-zombie) processes whose process group is ``pgid``."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat(int(entry.name))
        if fields and fields[2] != "Z" and fields[4] == str(pgid):
            members.append(int(entry.name))
    return members


class PidFile:
    """``run/<name>.pid`` of one daemon."""

    def __init__(self, run_dir: Path, name: str) -> None:
        self.name = name
        self.path = run_dir / f"{name}.pid"

    def write(self, pid: int) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(f"{pid} {start_time(pid) or '?'}\n")

    def read(self) -> tuple[int, str] | None:
        try:
            pid, started = self.path.read_text().split()
            return int(pid), started
        except (OSError, ValueError):
            return None

    def alive_pid(self) -> int | None:
        """The pid if the recorded process still runs, else None."""
        found = self.read()
        if found and running(found[0], found[1]):
            return found[0]
        return None

    def remove(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


def spawn(
    pidfile: PidFile,
    argv: Sequence[str | Path],
    log: Path,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> int:
    """Start ``argv`` detached in a new session; record its pid; return it."""
    log.parent.mkdir(parents=True, exist_ok=True)
    full_env = dict(os.environ)
    full_env.update(env or {})
    with open(log, "ab") as out:
        proc = subprocess.Popen(  # noqa: S603 - argv built by us, no shell
            [str(a) for a in argv],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=full_env,
            cwd=cwd,
            start_new_session=True,
            close_fds=True,
        )
    pidfile.write(proc.pid)
    # The Popen object is dropped on purpose: the daemon outlives us.
    proc.returncode = 0
    return proc.pid


def stop_group(pidfile: PidFile, timeout: float, sig: int = signal.SIGTERM) -> str:
    """Signal the daemon's process group and wait until every member is gone."""
    found = pidfile.read()
    if not found:
        return "not running"
    pid, started = found
    if not running(pid, started):
        pidfile.remove()
        return "not running (stale pid file removed)"
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, sig)
    deadline = time.monotonic() + timeout
    while group_members(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    leftovers = group_members(pid)
    verdict = "stopped"
    if leftovers:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
        verdict = f"killed after {timeout:.0f} s ({len(leftovers)} left)"
        while group_members(pid):
            time.sleep(0.1)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    pidfile.remove()
    return verdict


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def http_status(url: str, timeout: float = 2.0) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 - loopback
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except (OSError, ValueError):
        return None


def wait_for(
    what: str,
    check: Callable[[], bool],
    timeout: float,
    alive: Callable[[], bool] | None = None,
    log: Path | None = None,
    interval: float = 0.2,
) -> None:
    """Poll ``check`` until true; fail early if ``alive`` says the daemon died."""
    deadline = time.monotonic() + timeout
    while True:
        if check():
            return
        where = f"; see {log}" if log else ""
        if alive is not None and not alive():
            raise StackError(f"{what}: the process exited{where}")
        if time.monotonic() > deadline:
            raise StackError(f"{what}: not ready after {timeout:.0f} s{where}")
        time.sleep(interval)


def run(
    argv: Sequence[str | Path],
    log: Path,
    env: Mapping[str, str] | None = None,
    what: str | None = None,
    user: str | None = None,
    cwd: Path | None = None,
) -> None:
    """Run a command to completion, output appended to ``log``; raise on failure."""
    log.parent.mkdir(parents=True, exist_ok=True)
    full_env = dict(os.environ)
    full_env.update(env or {})
    cmd = [str(a) for a in argv]
    with open(log, "ab") as out:
        out.write(f"\n$ {' '.join(cmd)}\n".encode())
        out.flush()
        rc = subprocess.call(  # noqa: S603 - argv built by us, no shell
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=full_env,
            cwd=cwd,
            user=user,
            group=user,
        )
    if rc != 0:
        raise StackError(f"{what or cmd[0]} failed (exit {rc}); see {log}")
