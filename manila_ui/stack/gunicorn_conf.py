"""Server hooks shared by the stack's gunicorns (``-c python:manila_ui.stack.gunicorn_conf``)."""

import os
from typing import Any


def worker_exit(server: Any, worker: Any) -> None:
    # A Horizon worker that served requests hangs at interpreter exit joining a
    # thread-pool thread that no longer runs, until gunicorn's graceful timeout
    # (30 s) kills it. Nothing is left to flush here, so leave at once.
    os._exit(0)
