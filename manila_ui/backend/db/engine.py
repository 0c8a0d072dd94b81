"""Engine and transactions.

``Database.read()`` and ``Database.write()`` hand out a Session bound to one
transaction.  On SQLite a writer starts with ``BEGIN IMMEDIATE``: in WAL
mode a deferred transaction that read first and writes later fails at once
with "database is locked" when another process wrote meanwhile (the busy
timeout does not apply to that upgrade), while an immediate one simply
waits its turn.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.engine import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

_BEGIN_MODE = "manila_ui_begin"


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let us emit BEGIN ourselves (pysqlite's own BEGIN is deferred).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(_BEGIN_MODE, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


class Database:
    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        kwargs: dict[str, Any] = {}
        if self.is_sqlite:
            if parsed.database and parsed.database != ":memory:":
                os.makedirs(os.path.dirname(os.path.abspath(parsed.database)),
                            exist_ok=True)
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine = create_engine(url, **kwargs)
        if self.is_sqlite:
            _sqlite_setup(self.engine)

    @contextlib.contextmanager
    def _session(self, write: bool) -> Iterator[Session]:
        with self.engine.connect() as conn:
            if write and self.is_sqlite:
                conn = conn.execution_options(**{_BEGIN_MODE: "IMMEDIATE"})
            with Session(bind=conn, expire_on_commit=False,
                         autoflush=True) as session, session.begin():
                yield session

    def read(self) -> contextlib.AbstractContextManager[Session]:
        """A unit of work that only reads."""
        return self._session(write=False)

    def write(self) -> contextlib.AbstractContextManager[Session]:
        """A unit of work committed on success, rolled back on error."""
        return self._session(write=True)

    def dispose(self) -> None:
        self.engine.dispose()
