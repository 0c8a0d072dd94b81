"""Apply the alembic migrations (linear history) at start-up."""

from __future__ import annotations

import os

from alembic import command
from alembic.config import Config

from manila_ui.backend.db.engine import Database

MIGRATIONS = os.path.join(os.path.dirname(__file__), "migrations")


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    cfg.attributes["engine"] = db.engine
    return cfg


def upgrade(db: Database, revision: str = "head") -> None:
    command.upgrade(alembic_config(db), revision)
