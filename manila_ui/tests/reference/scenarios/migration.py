"""Share migration (issue 12): an admin moves a share from the first back end to the
second (driver-assisted: start → phase 1 done → progress → complete), then starts
back and cancels; the refusals on the way, and reset_task_state.

Back end names differ between the sides, so the pools are looked up by back end
(``alpha``, ``beta``) and the share is placed in the first zone, where alpha is.
Below 2.96 the actions are experimental: there they carry Manila's header.
"""

from __future__ import annotations

from typing import Any

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.shares import PLACEMENT
from manila_ui.tests.reference.scenarios.shares import SHOW
from manila_ui.tests.reference.scenarios.shares import create_share
from manila_ui.tests.reference.scenarios.shares import delete_share

VERSIONS = ("2.56", "2.96", "2.99")
EXPERIMENTAL = {"X-OpenStack-Manila-API-Experimental": "True"}
ACTION = SHOW + "/action"
WHERE = PLACEMENT | {"host"}
DRIVER_PHASE1 = ("migration_starting", "migration_in_progress", "migration_driver_starting",
                 "migration_driver_in_progress")


def _start(host: str, **flags: Any) -> dict[str, Any]:
    body = {"host": host, "writable": True, "preserve_metadata": True,
            "preserve_snapshots": True, "nondisruptive": False}
    body.update(flags)
    return {"migration_start": body}


def _task(until: tuple[str, ...], via: tuple[str, ...]) -> Wait:
    return Wait(SHOW, until, via=via, status="share.task_state")


def migration(mv: str) -> list[Step]:
    headers = {} if at_least(mv, "2.96") else EXPERIMENTAL

    def step(actor: str, body: Any, **kwargs: Any) -> Step:
        return Step(actor, "POST", ACTION, body=body, headers=headers, **kwargs)

    if at_least(mv, "2.98"):
        progress = Step("admin", "GET", SHOW + "/migration-progress")
    else:
        progress = step("admin", {"migration_get_progress": None})
    steps = [
        Step("admin", "GET", "/scheduler-stats/pools?backend=alpha",
             save={"alpha": "pools.0.name"}, values=False),
        Step("admin", "GET", "/scheduler-stats/pools?backend=beta",
             save={"beta": "pools.0.name"}, values=False),
        create_share(f"mig-{TOKEN}-{MV}", availability_zone="nova"),
        # Nothing to complete, cancel or measure yet.
        step("admin", {"migration_complete": None}, note="no migration"),
        step("admin", {"migration_cancel": None}, note="no migration"),
        Step(progress.actor, progress.method, progress.path, body=progress.body,
             headers=progress.headers, note="no migration"),
        step("demo", _start("{beta}")),
        step("reader", _start("{beta}")),
        step("alt_demo", _start("{beta}")),
        step("admin", {"migration_start": {"host": "{beta}"}}, note="flags missing"),
        step("admin", _start("{beta}", writable="maybe"), note="not a boolean"),
        step("admin", _start("{beta}", force_host_assisted_migration=True),
             note="host-assisted with flags"),
        step("admin", {"migration_start": {"host": "{beta}", "writable": True,
                                           "preserve_metadata": False,
                                           "preserve_snapshots": False,
                                           "nondisruptive": False,
                                           "new_share_type_id": MISSING}},
             note="no such type"),
        Step("admin", "POST", f"/shares/{MISSING}/action", body=_start("{beta}"),
             headers=headers),
        # To where it is already: nothing to do, Manila calls it a success.
        step("admin", _start("{alpha}"), note="to its own pool"),
        Step("demo", "GET", SHOW, ignore=WHERE, note="after a migration to its own pool"),
        step("admin", {"reset_task_state": {"task_state": "bogus"}}),
        step("admin", {"reset_task_state": {}}, note="no task_state"),
        step("demo", {"reset_task_state": {"task_state": None}}),
        step("admin", {"reset_task_state": {"task_state": None}}),
        # To the second back end, driver-assisted.
        step("admin", _start("{beta}"),
             wait=_task(("migration_driver_phase1_done", "migration_error"), DRIVER_PHASE1)),
        Step("admin", "GET", SHOW, ignore=WHERE, note="phase 1 done"),
        Step("demo", "GET", SHOW, ignore=WHERE, note="phase 1 done"),
        Step("admin", "GET", SHOW + "/instances", ignore=WHERE, unordered=True),
        Step("demo", "GET", SHOW + "/export_locations", unordered=True),
        progress,
        step("admin", _start("{beta}"), note="already migrating"),
        Step("demo", "DELETE", SHOW, note="while migrating"),
        step("demo", {"migration_complete": None}),
        step("admin", {"migration_complete": None},
             wait=_task(("migration_success", "migration_error"),
                        ("migration_driver_phase1_done", "migration_completing"))),
        Step("admin", "GET", SHOW, ignore=WHERE, note="migrated"),
        Step("admin", "GET", SHOW + "/instances", ignore=WHERE),
        step("admin", {"migration_complete": None}, note="completed already"),
        step("admin", {"migration_cancel": None}, note="completed already"),
        # Back to the first one, cancelled once the copy is done.
        step("admin", _start("{alpha}"),
             wait=_task(("migration_driver_phase1_done", "migration_error"), DRIVER_PHASE1)),
        step("admin", {"migration_cancel": None},
             wait=_task(("migration_cancelled", "migration_error"),
                        ("migration_driver_phase1_done",))),
        Step("admin", "GET", SHOW, ignore=WHERE, note="cancelled"),
        Step("admin", "GET", SHOW + "/instances", ignore=WHERE),
        step("admin", {"migration_cancel": None}, note="cancelled already"),
        delete_share(),
    ]
    if at_least(mv, "2.98"):
        steps.insert(-1, step("admin", {"migration_get_progress": None},
                              note="the action is gone"))
    if not at_least(mv, "2.96"):
        steps.insert(-1, Step("admin", "POST", ACTION, body=_start("{beta}"),
                              note="experimental without the header"))
    return steps
