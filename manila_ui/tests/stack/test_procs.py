"""The one process launcher (stack, reference stack, tests): pid files that never name a
recycled pid, process groups stopped whole, waits that fail early, ports."""

from __future__ import annotations

import os
import signal
import socket
import sys
import time
from pathlib import Path

import pytest

from manila_ui.stack import procs

SLEEPER = [sys.executable, "-c", "import subprocess, sys, time; "
           "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
           "time.sleep(60)"]


def test_pid_file_names_only_the_process_it_recorded(tmp_path: Path) -> None:
    pidfile = procs.PidFile(tmp_path / "me.pid")
    pidfile.write(os.getpid())
    assert pidfile.live_pid() == os.getpid()
    # Same pid, another start time: a recycled pid is not ours.
    pid, _started = pidfile.path.read_text().split()
    pidfile.path.write_text(f"{pid} 1\n")
    assert pidfile.live_pid() is None
    pidfile.path.write_text("garbage")
    assert pidfile.live_pid() is None
    pidfile.remove()
    assert pidfile.live_pid() is None


def test_server_stop_ends_the_whole_process_group(tmp_path: Path) -> None:
    srv = procs.Server("sleeper", SLEEPER, log=tmp_path / "log", run_dir=tmp_path)
    srv.start()
    assert srv.proc is not None
    pgid = srv.proc.pid
    assert os.getpgid(pgid) == pgid  # its own group: Ctrl-C in our terminal misses it
    assert srv.pidfile.live_pid() == pgid
    srv.stop(timeout=5)
    assert not procs.group_alive(pgid)
    assert not srv.pidfile.path.exists()


def test_stop_pidfile_from_another_process_view(tmp_path: Path) -> None:
    srv = procs.Server("sleeper", SLEEPER, log=tmp_path / "log", run_dir=tmp_path)
    srv.start()
    assert srv.proc is not None
    assert procs.stop_pidfile(procs.PidFile(tmp_path / "sleeper.pid"), timeout=5)
    assert not procs.group_alive(srv.proc.pid)
    assert not procs.stop_pidfile(procs.PidFile(tmp_path / "sleeper.pid"))


def test_free_port_is_free_and_port_in_use_sees_a_listener() -> None:
    port = procs.free_port()
    assert not procs.port_in_use(port)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))
        sock.listen()
        assert procs.port_in_use(port)


def test_http_status_of_nothing_is_none() -> None:
    assert procs.http_status(f"http://127.0.0.1:{procs.free_port()}/", timeout=1) is None


def test_a_detached_server_is_stopped_later_by_its_pid_file(tmp_path: Path) -> None:
    # As the reference stack does: start, forget the process, stop it from "another shell".
    pid = procs.Server("daemon", SLEEPER, log=tmp_path / "log", run_dir=tmp_path).start().detach()
    pidfile = procs.PidFile.of(tmp_path, "daemon")
    assert pidfile.live_pid() == pid
    assert procs.stop_pidfile(pidfile, timeout=5) == "stopped"
    assert not procs.group_alive(pid)
    assert procs.stop_pidfile(pidfile) is None


def test_a_crash_is_a_sigkill_of_the_whole_group(tmp_path: Path) -> None:
    srv = procs.Server("sleeper", SLEEPER, log=tmp_path / "log", run_dir=tmp_path).start()
    assert srv.proc is not None
    pgid = srv.proc.pid
    srv.stop(timeout=5, sig=signal.SIGKILL)
    assert not procs.group_alive(pgid)
    assert srv.proc.returncode == -signal.SIGKILL


def test_wait_until_returns_what_the_check_found() -> None:
    seen = iter([None, 0, [], "found"])
    assert procs.wait_until(lambda: next(seen), timeout=5, interval=0.01) == "found"


def test_wait_until_fails_as_a_test_and_as_a_stack_step_would() -> None:
    with pytest.raises(procs.WaitTimeout, match="timed out after 0.1 s waiting for Godot"):
        procs.wait_until(lambda: False, timeout=0.1, interval=0.01, what="Godot")
    assert issubclass(procs.WaitTimeout, AssertionError)
    assert issubclass(procs.WaitTimeout, procs.StackError)


def test_wait_until_gives_up_at_once_when_the_process_died(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    log.write_text("first\nTraceback: it broke\n")
    started = time.monotonic()
    with pytest.raises(procs.WaitTimeout, match=r"(?s)server: the process exited.*it broke"):
        procs.wait_until(lambda: False, timeout=60, what="server", alive=lambda: False, log=log)
    assert time.monotonic() - started < 5


def test_run_appends_to_the_log_and_raises_with_its_tail(tmp_path: Path) -> None:
    log = tmp_path / "setup.log"
    procs.run([sys.executable, "-c", "print('hello')"], log=log, env={"X": "1"})
    assert "hello" in log.read_text()
    with pytest.raises(procs.StackError, match=r"(?s)failing step failed \(exit 3\).*bye"):
        procs.run([sys.executable, "-c", "print('bye'); raise SystemExit(3)"], log=log,
                  what="failing step")
