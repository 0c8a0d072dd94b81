"""The migration history stays linear, and upgrading keeps existing rows."""

from __future__ import annotations

import datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import text

from manila_ui.backend.db import migration
from manila_ui.backend.db.engine import Database


def test_the_migration_graph_has_exactly_one_head(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'heads.sqlite'}")
    script = ScriptDirectory.from_config(migration.alembic_config(db))

    assert len(script.get_heads()) == 1, script.get_heads()
    bases = script.get_bases()
    assert bases == ["0001"]


def test_upgrading_from_0002_keeps_shares_and_their_rows(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite'}")
    migration.upgrade(db, "0002")
    now = datetime.datetime(2026, 1, 1)
    with db.write() as s:
        s.execute(text(
            "INSERT INTO shares (id, project_id, user_id, size, share_proto, status,"
            " access_rules_status, is_public, created_at) VALUES"
            " ('s1', 'p', 'u', 1, 'NFS', 'available', 'active', 0, :now)"), {"now": now})
        s.execute(text("INSERT INTO share_metadata (share_id, meta_key, meta_value)"
                       " VALUES ('s1', 'k', 'v')"))
        s.execute(text(
            "INSERT INTO export_locations (id, share_id, path, is_admin_only, preferred,"
            " created_at) VALUES ('e1', 's1', '10.0.0.1:/x', 0, 1, :now)"), {"now": now})

    migration.upgrade(db)

    with db.read() as s:
        assert s.execute(text("SELECT is_soft_deleted, scheduled_to_be_deleted_at"
                              " FROM shares")).all() == [(False, None)]
        assert s.execute(text("SELECT count(*) FROM share_metadata")).scalar() == 1
        assert s.execute(text("SELECT count(*) FROM export_locations")).scalar() == 1
