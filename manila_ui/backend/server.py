"""The server behind ``manila-ui-backend`` (manila_ui/backend/cmd.py):
migrate, bootstrap, serve with gunicorn.

gunicorn runs in-process through a ``BaseApplication`` subclass, so its
settings come from our options and oslo.config alone parses the command
line.  The master migrates and bootstraps once; each worker builds its app
and starts its operation worker thread (``load`` runs after the fork).

SIGHUP reloads the mutable options (conf.reload) in the master and in every
worker, in place: the master forwards the signal instead of gunicorn's
reload, which replaces the workers and so closes their kept-alive
connections and stops their operation threads.  No request is dropped.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter
from gunicorn.workers.gthread import ThreadWorker
from oslo_config import cfg

from manila_ui.backend import conf as backend_conf
from manila_ui.backend.db import migration
from manila_ui.backend.db.engine import Database
from manila_ui.backend.services.registry import Services
from manila_ui.backend.wsgi import build_app

LOG = logging.getLogger(__name__)


def prepare(conf: cfg.ConfigOpts) -> None:
    """Bring the database to the latest schema and create the default rows."""
    db = Database(conf.database.connection)
    try:
        migration.upgrade(db)
        Services.build(conf, db).bootstrap()
    finally:
        db.dispose()


class Master(Arbiter):
    """gunicorn's arbiter; SIGHUP reloads the options here and is passed on
    to the workers, which keep running."""

    def handle_hup(self) -> None:
        self.log.info("Hang up: reloading the mutable options")
        backend_conf.reload(self.app.conf)
        for pid in list(self.WORKERS):
            self.kill_worker(pid, signal.SIGHUP)


class Worker(ThreadWorker):
    """gunicorn's threaded worker; SIGHUP (from the master) reloads the
    options in a thread of its own, so no request thread waits for it."""

    def init_signals(self) -> None:
        super().init_signals()       # HUP would otherwise end the worker
        signal.signal(signal.SIGHUP, self.handle_hup)

    def handle_hup(self, signum: int, frame: FrameType | None) -> None:
        threading.Thread(target=backend_conf.reload, args=(self.app.conf,),
                         name="reload-options", daemon=True).start()


class BackendApplication(BaseApplication):
    def __init__(self, conf: cfg.ConfigOpts) -> None:
        self.conf = conf
        self.services: Services | None = None
        super().__init__()

    def load_config(self) -> None:
        host = self.conf.bind_host
        if ":" in host:
            host = f"[{host}]"
        settings: dict[str, Any] = {
            "bind": f"{host}:{self.conf.bind_port}",
            "workers": self.conf.workers,
            "threads": self.conf.threads,
            "worker_class": Worker,
            "timeout": 120,
            "graceful_timeout": 5,
            "keepalive": self.conf.client_socket_timeout,
            "accesslog": None,        # our AccessLog middleware writes it
            "errorlog": "-",
            "loglevel": logging.getLevelName(backend_conf.log_level(self.conf)).lower(),
            "proc_name": "manila-ui-backend",
            "control_socket_disable": True,
            "worker_exit": self._worker_exit,
        }
        for key, value in settings.items():
            if key in self.cfg.settings:
                self.cfg.set(key, value)

    def load(self) -> Any:
        self.services = Services.build(self.conf)
        self.services.queue.start()
        return build_app(self.conf, self.services)

    def run(self) -> None:
        try:
            Master(self).run()
        except RuntimeError as exc:      # as gunicorn's own run()
            sys.exit(f"Error: {exc}")

    def _worker_exit(self, server: Any, worker: Any) -> None:
        # Let the operation worker finish the step in hand and claim no more,
        # so a graceful stop leaves no claimed step behind.
        if self.services is not None:
            self.services.queue.stop()


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    conf = backend_conf.build_conf(args)
    try:
        backend_conf.check_values(conf)
    except ValueError as exc:     # a value an option refuses: say which
        sys.exit(f"manila-ui-backend: {exc}")
    logging.basicConfig(
        level=backend_conf.log_level(conf),
        format="%(asctime)s %(process)d %(levelname)s %(name)s %(message)s")
    prepare(conf)
    LOG.info("Serving the Manila API on %s:%s (auth: %s)", conf.bind_host,
             conf.bind_port, conf.auth_strategy)
    BackendApplication(conf).run()
