"""A share action queued before a crash settles after the restart."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import new_project


def test_a_restart_resumes_a_queued_extend(
        start_backend: Callable[..., Backend], tmp_path: Path) -> None:
    first = start_backend(tmp_path, transition_delay="0.2")
    user = first.api("demo", new_project())
    share = user.available_share(size=1)
    first.stop()
    first = start_backend(tmp_path, transition_delay="3.0")
    user = first.api("demo", user.project)

    assert user.action(share["id"], "extend", {"new_size": 4}).status_code == 202
    first.stop(signal.SIGKILL)   # a crash, before the step is due

    with first.db() as db:
        assert db.execute("SELECT status, size FROM shares WHERE id = ?",
                          (share["id"],)).fetchone() == ("extending", 1)
        assert db.execute("SELECT kind FROM operations WHERE resource_id = ?",
                          (share["id"],)).fetchall() == [("extend_share",)]

    second = start_backend(tmp_path, transition_delay="3.0")
    user = second.api("demo", user.project)

    assert user.wait_status(share["id"], "available", timeout=20)["size"] == 4
    with second.db() as db:
        assert db.execute("SELECT count(*) FROM operations").fetchone() == (0,)
