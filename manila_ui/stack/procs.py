"""Start, watch and stop server processes: the one launcher of the local stack, the
reference stack and the test suite.

Every server runs in its own session (so its own process group): Ctrl-C in the
terminal reaches only the supervisor, which then stops its groups in order, and
stopping never signals anything but the groups we created. A pid file records the
pid together with the kernel's start time of the process (field 22 of
``/proc/<pid>/stat``), so ``stop`` from another shell never signals a recycled pid.

Standard library only: the reference stack runs this with the system python3.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Mapping
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class StackError(RuntimeError):
    """A step of the stack failed; the message says what and where to look."""


class WaitTimeout(StackError, AssertionError):
    """``wait_until`` gave up; an AssertionError too, so a test reads as a failed check."""


# --- processes and process groups ---------------------------------------------------


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after ``comm`` (state first), or None if gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # comm (field 2) may hold spaces and parentheses; everything after the last ")" is plain.
    return raw[raw.rindex(")") + 2 :].split()


def start_time(pid: int) -> str | None:
    """The process's start time in clock ticks; None if it is gone or a zombie."""
    fields = _stat(pid)
    return fields[19] if fields and fields[0] != "Z" else None


def running(pid: int, started: str | None = None) -> bool:
    """Whether ``pid`` runs (and, given ``started``, is the very process that started then)."""
    now = start_time(pid)
    return now is not None and (started is None or now == started)


def group_members(pgid: int) -> list[int]:
    """Live (non-zombie) processes whose process group is ``pgid``."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields and fields[0] != "Z" and fields[2] == str(pgid):
                members.append(int(entry.name))
    return members


def group_alive(pgid: int) -> bool:
    return bool(group_members(pgid))


def kill_groups(pgids: Sequence[int], timeout: float = 10.0, sig: int = signal.SIGTERM) -> int:
    """Send ``sig`` to the groups together, wait up to ``timeout`` s, then SIGKILL what is
    left and wait for it; return how many groups needed the SIGKILL."""
    left = list(pgids)
    killed = 0
    for signum, wait in ((sig, timeout), (signal.SIGKILL, 30.0)):
        if signum == signal.SIGKILL and sig != signal.SIGKILL:
            killed = len(left)
        for pgid in left:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pgid, signum)
        deadline = time.monotonic() + wait
        while left and time.monotonic() < deadline:
            left = [pgid for pgid in left if group_alive(pgid)]
            if left:
                time.sleep(0.05)
        if not left:
            break
    return killed


class PidFile:
    """``<pid> <start time>`` of one server."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def of(cls, run_dir: Path, name: str) -> PidFile:
        return cls(run_dir / f"{name}.pid")

    def write(self, pid: int) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(f"{pid} {start_time(pid) or '?'}\n")

    def read(self) -> tuple[int, str] | None:
        try:
            pid, started = self.path.read_text().split()
            return int(pid), started
        except (OSError, ValueError):
            return None

    def live_pid(self) -> int | None:
        """The recorded pid if that very process is still running."""
        found = self.read()
        return found[0] if found and running(*found) else None

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def stop_pidfile(pidfile: PidFile, timeout: float = 10.0) -> str | None:
    """Stop the group recorded in a pid file (from any shell). None if nothing ran;
    else "stopped" or "killed after N s"."""
    pid = pidfile.live_pid()
    verdict = None
    if pid is not None:
        killed = kill_groups([pid], timeout)
        verdict = f"killed after {timeout:.0f} s" if killed else "stopped"
        with contextlib.suppress(ChildProcessError):  # our own detached child: reap it
            os.waitpid(pid, os.WNOHANG)
    pidfile.remove()
    return verdict


# --- servers ----------------------------------------------------------------------


def child_env(env: Mapping[str, str | None] | None) -> dict[str, str]:
    """The environment of a child: ours, with ``env`` on top (None unsets a variable)."""
    merged = {**os.environ, **(env or {})}
    return {name: value for name, value in merged.items() if value is not None}


class Server:
    """One server process (a process group) with its log and pid file."""

    def __init__(
        self,
        name: str,
        argv: Sequence[str | Path],
        *,
        log: Path,
        run_dir: Path,
        env: Mapping[str, str | None] | None = None,
        cwd: Path | None = None,
    ) -> None:
        self.name = name
        self.argv = [str(a) for a in argv]
        self.log = log
        self.pidfile = PidFile.of(run_dir, name)
        self.env = child_env(env)
        self.cwd = cwd
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Server:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as out:
            out.write(f"==== {time.strftime('%F %T')} starting {self.name}\n".encode())
            out.flush()
            self.proc = subprocess.Popen(  # noqa: S603 - argv built by us, no shell
                self.argv,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=self.env,
                cwd=self.cwd,
                start_new_session=True,
            )
        self.pidfile.write(self.proc.pid)
        return self

    def detach(self) -> int:
        """Leave the server running after we exit (a daemon found again by its pid file)."""
        assert self.proc is not None
        pid = self.proc.pid
        # Popen warns at garbage collection about a child still running: that is the point.
        self.proc.returncode = 0
        self.proc = None
        return pid

    def alive(self) -> bool:
        if self.proc is not None:
            return self.proc.poll() is None
        return self.pidfile.live_pid() is not None

    def log_tail(self, lines: int = 30) -> str:
        return log_tail(self.log, lines)

    def wait_http(self, url: str, timeout: float, statuses: Sequence[int] = (200,)) -> None:
        """Wait until ``url`` answers with one of ``statuses`` while our process lives."""
        wait_until(lambda: http_status(url) in statuses, timeout,
                   what=f"{self.name} at {url}", alive=self.alive, log=self.log)

    def stop(self, timeout: float = 10.0, sig: int = signal.SIGTERM) -> None:
        stop_servers([self], timeout, sig)


def stop_servers(servers: Sequence[Server], timeout: float = 10.0,
                 sig: int = signal.SIGTERM) -> None:
    """Stop several servers at once (each waits for its own graceful shutdown)."""
    kill_groups([srv.proc.pid for srv in servers if srv.proc is not None], timeout, sig)
    for srv in servers:
        if srv.proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                srv.proc.wait(timeout=1)
        srv.pidfile.remove()


def log_tail(log: Path, lines: int = 30) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path``: several test sessions may share one checkout."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# --- waiting and probing ---------------------------------------------------------------


def wait_until(
    check: Callable[[], T],
    timeout: float = 30.0,
    interval: float = 0.1,
    *,
    what: str = "condition",
    alive: Callable[[], bool] | None = None,
    log: Path | None = None,
) -> T:
    """Poll ``check`` until it returns something truthy and return that; raise
    ``WaitTimeout`` after ``timeout`` s, or at once if ``alive`` says the process died."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        where = f"; see {log}:\n{log_tail(log)}" if log else ""
        if alive is not None and not alive():
            raise WaitTimeout(f"{what}: the process exited{where}")
        if time.monotonic() > deadline:
            raise WaitTimeout(f"timed out after {timeout:g} s waiting for {what}{where}")
        time.sleep(interval)


def http_status(url: str, timeout: float = 2.0) -> int | None:
    """The HTTP status of a GET, or None if nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 - loopback URLs
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (OSError, ValueError):
        return None


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def free_port(host: str = "127.0.0.1") -> int:
    """A port that is free now; the kernel does not hand it out again soon."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


# --- one-shot commands ---------------------------------------------------------------


def run(
    argv: Sequence[str | Path],
    *,
    log: Path,
    env: Mapping[str, str | None] | None = None,
    what: str | None = None,
    user: str | None = None,
    cwd: Path | None = None,
) -> None:
    """Run a command to completion, its output appended to ``log`` (``env`` on top of
    ours); raise with the log's tail on failure."""
    cmd = [str(a) for a in argv]
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as out:
        out.write(f"==== {time.strftime('%F %T')} {' '.join(cmd)}\n".encode())
        out.flush()
        rc = subprocess.call(  # noqa: S603 - argv built by us, no shell
            cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            env=child_env(env), cwd=cwd, user=user, group=user,
        )
    if rc:
        name = what or " ".join(cmd[:2])
        raise StackError(f"{name} failed (exit {rc}); see {log}:\n{log_tail(log, 20)}")
