"""The server behind ``manila-ui-backend`` (manila_ui/backend/cmd.py):
migrate, bootstrap, serve with gunicorn.

gunicorn runs in-process through a ``BaseApplication`` subclass, so its
settings come from our options and oslo.config alone parses the command
line.  The master migrates and bootstraps once; each worker builds its app
and starts its operation worker thread (``load`` runs after the fork).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import Any

from gunicorn.app.base import BaseApplication
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
            "worker_class": "gthread",
            "timeout": 120,
            "graceful_timeout": 5,
            "keepalive": self.conf.client_socket_timeout,
            "accesslog": None,        # our AccessLog middleware writes it
            "errorlog": "-",
            "loglevel": "debug" if self.conf.debug else "info",
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

    def _worker_exit(self, server: Any, worker: Any) -> None:
        # Let the operation worker finish the step in hand and claim no more,
        # so a graceful stop leaves no claimed step behind.
        if self.services is not None:
            self.services.queue.stop()


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    conf = backend_conf.build_conf(args)
    logging.basicConfig(
        level=logging.DEBUG if conf.debug else logging.INFO,
        format="%(asctime)s %(process)d %(levelname)s %(name)s %(message)s")
    prepare(conf)
    LOG.info("Serving the Manila API on %s:%s (auth: %s)", conf.bind_host,
             conf.bind_port, conf.auth_strategy)
    BackendApplication(conf).run()
