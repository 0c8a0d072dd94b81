"""Process bookkeeping of the stack: pid files that never name a recycled pid,
process groups stopped whole, ports."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

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
