"""The Debian pieces: apt packages, our own epmd + RabbitMQ node, our own PostgreSQL cluster.

None of them touches the system instances: RabbitMQ runs as node ``rmanila@localhost``
with its own epmd, cookie, mnesia and ports; PostgreSQL is a private cluster in
the state folder. Both listen on 127.0.0.1 only.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import time
from pathlib import Path

from manila_ui.stack.procs import PidFile
from manila_ui.stack.procs import Server
from manila_ui.stack.procs import StackError
from manila_ui.stack.procs import port_in_use
from manila_ui.stack.procs import run
from manila_ui.stack.procs import running
from manila_ui.stack.procs import stop_pidfile
from manila_ui.stack.procs import wait_until
from manila_ui.stack.reference.config import HOST
from manila_ui.stack.reference.config import RefConfig

APT_PACKAGES = ("rabbitmq-server", "postgresql")
RABBIT_SERVER = Path("/usr/lib/rabbitmq/bin/rabbitmq-server")
RABBITMQCTL = Path("/usr/lib/rabbitmq/bin/rabbitmqctl")


# --- apt ----------------------------------------------------------------------
def _installed(package: str) -> bool:
    out = subprocess.run(  # noqa: S603
        ["dpkg-query", "-W", "-f", "${Status}", package],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    return out.returncode == 0 and out.stdout.strip().endswith("installed")


def ensure_apt(cfg: RefConfig) -> str:
    missing = [p for p in APT_PACKAGES if not _installed(p)]
    if not missing:
        return "present"
    sudo: list[str] = []
    if os.geteuid() != 0:
        if not shutil.which("sudo") or subprocess.call(  # noqa: S603
            ["sudo", "-n", "true"], stderr=subprocess.DEVNULL  # noqa: S607
        ):
            raise StackError(
                f"apt packages missing ({' '.join(missing)}); run as root (or with "
                "password-less sudo) to install them"
            )
        sudo = ["sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive"]
    log = cfg.log_dir / "apt.log"
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    run([*sudo, "apt-get", "update"], log=log, env=env, what="apt-get update")
    run(
        [*sudo, "apt-get", "install", "-y", "--no-install-recommends", *missing],
        log=log,
        env=env,
        what="apt-get install",
    )
    return f"installed {' '.join(missing)}"


# --- epmd + RabbitMQ ------------------------------------------------------------
def _ctl_dist_port(dist: int) -> int:
    return dist + 10000 if dist + 10010 <= 65535 else dist - 10000


def _rabbit_env(cfg: RefConfig) -> dict[str, str]:
    r = cfg.rabbit_dir
    return {
        "HOME": str(r),  # the erlang cookie lives here
        "RABBITMQ_NODENAME": "rmanila@localhost",
        "RABBITMQ_NODE_IP_ADDRESS": HOST,
        "RABBITMQ_NODE_PORT": str(cfg.ports["amqp"]),
        "RABBITMQ_DIST_PORT": str(cfg.ports["dist"]),
        # rabbitmqctl's own distribution ports (default 35672-35682 whatever the
        # node's, which an AMQP port there collides with): 10000 above the node's.
        "RABBITMQ_CTL_DIST_PORT_MIN": str(_ctl_dist_port(cfg.ports["dist"])),
        "RABBITMQ_CTL_DIST_PORT_MAX": str(_ctl_dist_port(cfg.ports["dist"]) + 10),
        "ERL_EPMD_ADDRESS": HOST,
        "ERL_EPMD_PORT": str(cfg.ports["epmd"]),
        "RABBITMQ_MNESIA_BASE": str(r / "mnesia"),
        "RABBITMQ_LOG_BASE": str(r / "log"),
        "RABBITMQ_ENABLED_PLUGINS_FILE": str(r / "enabled_plugins"),
        "RABBITMQ_CONFIG_FILE": str(r / "rabbitmq.conf"),
        "RABBITMQ_ADVANCED_CONFIG_FILE": str(r / "advanced.config"),
        "RABBITMQ_CONF_ENV_FILE": str(r / "rabbitmq-env.conf"),
        "RABBITMQ_PID_FILE": str(r / "rabbit.pid"),
        "RABBITMQ_SERVER_ERL_ARGS": "-kernel inet_dist_use_interface {127,0,0,1}",
    }


def _write_rabbit_files(cfg: RefConfig) -> None:
    r = cfg.rabbit_dir
    (r / "log").mkdir(parents=True, exist_ok=True)
    (r / "enabled_plugins").write_text("[].\n")
    (r / "rabbitmq.conf").write_text(
        "# reference stack: the listener comes from RABBITMQ_NODE_IP_ADDRESS/PORT\n"
        "log.console = false\n"
    )
    (r / "advanced.config").write_text("[].\n")
    (r / "rabbitmq-env.conf").write_text("# empty: everything comes from the environment\n")


def epmd_up(cfg: RefConfig) -> str:
    pidfile = PidFile.of(cfg.run_dir, "epmd")
    if pidfile.live_pid():
        return "running"
    if port_in_use(cfg.ports["epmd"]):
        raise StackError(f"port {cfg.ports['epmd']} (epmd) is held by another process")
    pid = Server(
        "epmd",
        ["epmd", "-address", HOST, "-port", str(cfg.ports["epmd"])],
        log=cfg.log_dir / "epmd.log",
        run_dir=cfg.run_dir,
    ).start().detach()
    wait_until(
        lambda: port_in_use(cfg.ports["epmd"]),
        10,
        what="epmd",
        alive=lambda: running(pid),
        log=cfg.log_dir / "epmd.log",
    )
    return "started"


def rabbit_up(cfg: RefConfig) -> str:
    pidfile = PidFile.of(cfg.run_dir, "rabbitmq")
    if pidfile.live_pid() and port_in_use(cfg.ports["amqp"]):
        return "running"
    if port_in_use(cfg.ports["amqp"]):
        raise StackError(f"port {cfg.ports['amqp']} (AMQP) is held by another process")
    _write_rabbit_files(cfg)
    env = _rabbit_env(cfg)
    log = cfg.log_dir / "rabbitmq.log"
    if not pidfile.live_pid():
        Server("rabbitmq", [RABBIT_SERVER], log=log, run_dir=cfg.run_dir, env=env).start().detach()
    run(
        [RABBITMQCTL, "wait", "--timeout", "90", env["RABBITMQ_PID_FILE"]],
        log=log,
        env=env,
        what="rabbitmqctl wait",
    )
    wait_until(
        lambda: port_in_use(cfg.ports["amqp"]),
        30,
        what="rabbitmq AMQP port",
        alive=lambda: pidfile.live_pid() is not None,
        log=log,
    )
    return "started"


# --- PostgreSQL ---------------------------------------------------------------
def pg_bin(name: str) -> Path:
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if not versions:
        raise StackError("PostgreSQL binaries not found under /usr/lib/postgresql")
    return versions[-1] / name


def _pg_data(cfg: RefConfig) -> Path:
    return cfg.pg_dir / "data"


def postmaster_pid(cfg: RefConfig) -> int | None:
    try:
        pid = int((_pg_data(cfg) / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pid if running(pid) else None


def psql(cfg: RefConfig, sql: str, db: str = "postgres") -> str:
    """Run one statement in our cluster; return its unaligned output."""
    out = subprocess.run(  # noqa: S603
        [
            str(pg_bin("psql")),
            "-h",
            HOST,
            "-p",
            str(cfg.ports["pg"]),
            "-U",
            "postgres",
            "-d",
            db,
            "-tAc",
            sql,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise StackError(f"psql failed: {out.stderr.strip()}")
    return out.stdout.strip()


def pg_up(cfg: RefConfig) -> str:
    data = _pg_data(cfg)
    log = cfg.log_dir / "postgres.log"
    verdict = "running"
    if postmaster_pid(cfg) is None:
        if port_in_use(cfg.ports["pg"]):
            raise StackError(f"port {cfg.ports['pg']} (PostgreSQL) is held by another process")
        pw = pwd.getpwnam("postgres")
        cfg.pg_dir.mkdir(parents=True, exist_ok=True)
        os.chown(cfg.pg_dir, pw.pw_uid, pw.pw_gid)
        pg_log = cfg.pg_dir / "postgres.log"
        verdict = "started"
        if not (data / "PG_VERSION").exists():
            if data.exists():
                shutil.rmtree(data)
            run(
                [
                    pg_bin("initdb"),
                    "-D",
                    data,
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ],
                log=log,
                what="initdb",
                user="postgres",
                cwd=cfg.pg_dir,
            )
            verdict = "initialised and started"
        # max_connections: each Manila process pools up to 55 connections (oslo.db's
        # 5 + 50 overflow) and manila-share runs one per back end; PostgreSQL's 100
        # run out when a few deletes arrive together ("too many clients already").
        opts = (
            f"-p {cfg.ports['pg']} -c listen_addresses={HOST} -k {cfg.pg_dir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=400"
        )
        run(
            [pg_bin("pg_ctl"), "-D", data, "-l", pg_log, "-w", "-t", "60", "-o", opts, "start"],
            log=log,
            what="pg_ctl start",
            user="postgres",
            cwd=cfg.pg_dir,
        )
    if psql(cfg, "SELECT 1 FROM pg_database WHERE datname = 'manila'") != "1":
        psql(cfg, "CREATE DATABASE manila")
    return verdict


def pg_down(cfg: RefConfig, timeout: float = 30) -> str:
    pid = postmaster_pid(cfg)
    if pid is None:
        return "not running"
    os.kill(pid, signal.SIGINT)  # "fast" shutdown: roll back open transactions, checkpoint, exit
    deadline = time.monotonic() + timeout
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if running(pid):
        os.kill(pid, signal.SIGQUIT)
        return "immediate shutdown after timeout"
    return "stopped"


def rabbit_down(cfg: RefConfig) -> str:
    return stop_pidfile(PidFile.of(cfg.run_dir, "rabbitmq"), 30) or "not running"


def epmd_down(cfg: RefConfig) -> str:
    return stop_pidfile(PidFile.of(cfg.run_dir, "epmd"), 5) or "not running"


def status(cfg: RefConfig) -> dict[str, str]:
    rabbit = PidFile.of(cfg.run_dir, "rabbitmq").live_pid()
    epmd = PidFile.of(cfg.run_dir, "epmd").live_pid()
    pg = postmaster_pid(cfg)

    def show(pid: int | None, port: int) -> str:
        if pid is None:
            return "down"
        return f"up (pid {pid}, {HOST}:{port})" if port_in_use(port) else f"starting (pid {pid})"

    return {
        "epmd": show(epmd, cfg.ports["epmd"]),
        "rabbitmq": show(rabbit, cfg.ports["amqp"]),
        "postgresql": show(pg, cfg.ports["pg"]),
    }
