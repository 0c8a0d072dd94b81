"""Alembic environment: runs on the engine handed over by db.migration
(so SQLite gets the same WAL and locking set-up as the service)."""

from __future__ import annotations

from alembic import context

from manila_ui.backend.db import models

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=models.Base.metadata,
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
