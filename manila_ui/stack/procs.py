"""Start, watch and stop the stack's server processes.

Every server runs in its own session (so its own process group): Ctrl-C in the
terminal reaches only the supervisor, which then stops its groups in order. A
pid file records the pid together with the kernel's start time of the process,
so ``stop`` from another shell never signals a recycled pid.
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
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


class StackError(RuntimeError):
    """A step of the stack failed; the message says what and where to look."""


def _start_time(pid: int) -> str | None:
    """Field 22 of /proc/<pid>/stat (start time in clock ticks); None if gone or a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    if fields[0] == "Z":
        return None
    return fields[19]


@dataclass
class PidFile:
    path: Path

    def write(self, pid: int) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(f"{pid} {_start_time(pid) or '?'}\n")

    def live_pid(self) -> int | None:
        """The recorded pid if that very process is still running."""
        try:
            pid_s, started = self.path.read_text().split()
        except (OSError, ValueError):
            return None
        pid = int(pid_s)
        return pid if _start_time(pid) == started else None

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def group_alive(pgid: int) -> bool:
    """True while any non-zombie process of the group exists."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[2]) == pgid:
            return True
    return False


def kill_groups(pgids: Sequence[int], timeout: float = 10.0) -> None:
    """SIGTERM the groups together, wait, then SIGKILL what is left."""
    left = list(pgids)
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5.0)):
        for pgid in left:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pgid, sig)
        deadline = time.monotonic() + wait
        while left and time.monotonic() < deadline:
            left = [pgid for pgid in left if group_alive(pgid)]
            if left:
                time.sleep(0.05)
        if not left:
            return


def kill_group(pgid: int, timeout: float = 10.0) -> None:
    kill_groups([pgid], timeout)


class Server:
    """One server process (a process group) with its log and pid file."""

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        *,
        log: Path,
        run_dir: Path,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
    ) -> None:
        self.name = name
        self.argv = list(argv)
        self.log = log
        self.pidfile = PidFile(run_dir / f"{name}.pid")
        self.env = dict(os.environ if env is None else env)
        self.cwd = cwd
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as out:
            out.write(f"==== {time.strftime('%F %T')} starting {self.name}\n".encode())
            out.flush()
            self.proc = subprocess.Popen(  # noqa: S603 - argv built by us
                self.argv,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=self.env,
                cwd=self.cwd,
                start_new_session=True,
            )
        self.pidfile.write(self.proc.pid)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def wait_http(self, url: str, timeout: float, statuses: Sequence[int] = (200,)) -> None:
        """Wait until ``url`` answers with one of ``statuses`` while our process lives."""
        deadline = time.monotonic() + timeout
        while True:
            if not self.alive():
                raise StackError(
                    f"{self.name} exited before it was ready; see {self.log}:\n{self.log_tail()}"
                )
            if http_status(url) in statuses:
                return
            if time.monotonic() > deadline:
                raise StackError(
                    f"{self.name} not ready at {url} after {timeout:.0f} s; see {self.log}:\n"
                    f"{self.log_tail()}"
                )
            time.sleep(0.1)

    def stop(self, timeout: float = 10.0) -> None:
        stop_servers([self], timeout)


def stop_servers(servers: Sequence[Server], timeout: float = 10.0) -> None:
    """Stop several servers at once (each waits for its own graceful shutdown)."""
    kill_groups([srv.proc.pid for srv in servers if srv.proc is not None], timeout)
    for srv in servers:
        if srv.proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                srv.proc.wait(timeout=1)
        srv.pidfile.remove()


def stop_pidfile(pidfile: PidFile, timeout: float = 10.0) -> bool:
    """Stop the group recorded in a pid file (from any shell); True if one was running."""
    pid = pidfile.live_pid()
    if pid is not None:
        kill_group(pid, timeout)
    pidfile.remove()
    return pid is not None


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


def run(argv: Sequence[str], *, log: Path, env: Mapping[str, str] | None = None) -> None:
    """Run a setup command, its output appended to ``log``; raise with the tail on failure."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as out:
        out.write(f"==== {time.strftime('%F %T')} {' '.join(argv)}\n".encode())
        out.flush()
        rc = subprocess.call(  # noqa: S603 - argv built by us
            list(argv), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            env=dict(os.environ if env is None else env),
        )
    if rc:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-20:])
        raise StackError(f"{argv[0]} {argv[1] if len(argv) > 1 else ''} failed ({rc}); "
                         f"see {log}:\n{tail}")
