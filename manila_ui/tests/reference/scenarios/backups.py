"""Share backups (2.80, experimental): create, show, list, rename, restore
(to another share from 2.91), reset, delete; what Manila refuses.

Every backup here passes ``backup_options``, so real Manila takes the
driver-assisted way (the DummyDriver backs up and restores, its periodic
task finishing each within a minute); without options it would hand the
backup to the data service (``manila-data``), which the DummyDriver's fake
exports cannot mount.
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

EXPERIMENTAL = {"X-OpenStack-Manila-API-Experimental": "True"}
BACKUP = "/share-backups/{backup}"
ACTION = BACKUP + "/action"
# The DummyDriver finishes a backup or a restore in its periodic task (every
# 60 s): a wait may take a minute or two there.
SLOW = 180


def _step(actor: str, method: str, path: str, **kwargs: Any) -> Step:
    """A step with the experimental header (what backups need)."""
    return Step(actor, method, path, headers=EXPERIMENTAL, **kwargs)


def _backup_wait(until: tuple[str, ...], via: tuple[str, ...]) -> Wait:
    return Wait(BACKUP, until, via=via, status="share_backup.status", timeout=SLOW,
                headers=EXPERIMENTAL)


def _share_wait(path: str, until: tuple[str, ...], via: tuple[str, ...]) -> Wait:
    return Wait(path, until, via=via, timeout=SLOW)


def share_backups(mv: str) -> list[Step]:
    name = f"bk-{TOKEN}-{MV}"
    options = {"backup_type": f"t{TOKEN}"}
    create = {"share_backup": {"share_id": "{share}", "name": name,
                               "description": "differential", "backup_options": options}}
    steps = [
        create_share(f"bkbase-{TOKEN}-{MV}", size=2),
        Step("demo", "POST", "/share-backups", body=create,
             note="without the experimental header"),
        _step("demo", "POST", "/share-backups", body=create, save={"backup": "share_backup.id"},
              ignore=PLACEMENT),
        Step("demo", "GET", SHOW, ignore=PLACEMENT | {"status"},
             wait=_share_wait(SHOW, ("available",), ("backup_creating",)),
             note="while the backup runs"),
        _step("demo", "GET", BACKUP, ignore=PLACEMENT | {"status", "progress", "updated_at"},
              wait=_backup_wait(("available", "error"), ("creating",))),
        _step("demo", "GET", BACKUP, ignore=PLACEMENT, note="available"),
        _step("demo", "GET", f"/share-backups?name={name}"),
        _step("demo", "GET", f"/share-backups/detail?name={name}", ignore=PLACEMENT),
        _step("demo", "GET", "/share-backups/detail?share_id={share}", ignore=PLACEMENT),
        _step("demo", "GET", f"/share-backups?share_id={MISSING}"),
        _step("demo", "GET", f"/share-backups?name={name}&limit=1&sort_key=name&sort_dir=asc"),
        _step("demo", "GET", "/share-backups?sort_dir=sideways"),
        _step("reader", "GET", BACKUP, ignore=PLACEMENT),
        _step("alt_demo", "GET", BACKUP),
        _step("alt_demo", "GET", "/share-backups?share_id={share}"),
        _step("alt_demo", "GET", f"/share-backups?name={name}"),
        _step("admin", "GET", BACKUP, ignore=PLACEMENT),
        _step("admin", "GET", f"/share-backups/detail?all_tenants=1&name={name}",
              ignore=PLACEMENT),
        _step("demo", "PUT", BACKUP, body={"share_backup": {"name": name + "-renamed",
                                                            "description": "renamed"}},
              ignore=PLACEMENT),
        _step("reader", "PUT", BACKUP, body={"share_backup": {"name": "reader"}}),
        _step("alt_demo", "PUT", BACKUP, body={"share_backup": {"name": "alt"}}),
        _step("demo", "PUT", BACKUP, body={"backup": {"name": "x"}}, note="no share_backup key"),
        # What Manila refuses.
        _step("demo", "POST", "/share-backups",
              body={"share_backup": {"share_id": "{share}",
                                     "backup_options": {"backup_type": "other"}}},
              note="another backup type"),
        _step("demo", "POST", "/share-backups", body={"share_backup": {"name": "no share"}}),
        _step("demo", "POST", "/share-backups", body={"backup": {"share_id": "{share}"}}),
        _step("demo", "POST", "/share-backups",
              body={"share_backup": {"share_id": MISSING, "backup_options": options}}),
        _step("alt_demo", "POST", "/share-backups",
              body={"share_backup": {"share_id": "{share}", "backup_options": options}}),
        _step("reader", "POST", "/share-backups",
              body={"share_backup": {"share_id": "{share}", "backup_options": options}}),
        Step("demo", "DELETE", SHOW, note="the share has a backup"),
        _step("demo", "POST", ACTION, body={"reset_status": {"status": "error"}}),
        _step("admin", "POST", ACTION, body={"reset_status": {"status": "bogus"}}),
        _step("admin", "POST", ACTION, body={"reset_status": {}}),
        _step("admin", "POST", f"/share-backups/{MISSING}/action",
              body={"reset_status": {"status": "error"}}),
        _step("demo", "POST", f"/share-backups/{MISSING}/action", body={"restore": None}),
        _step("alt_demo", "POST", ACTION, body={"restore": None}),
        # Restore into the share itself.
        _step("demo", "POST", ACTION, body={"restore": None}),
        Step("demo", "GET", SHOW, ignore=PLACEMENT | {"status"},
             wait=_share_wait(SHOW, ("available", "backup_restoring_error"),
                              ("backup_restoring",)),
             note="while it is restored"),
        _step("demo", "GET", BACKUP, ignore=PLACEMENT | {"status", "restore_progress",
                                                         "updated_at"},
              wait=_backup_wait(("available", "error"), ("restoring",)),
              note="after the restore"),
        Step("demo", "GET", SHOW, ignore=PLACEMENT, note="restored"),
        _step("demo", "POST", ACTION, body={"reset_status": {"status": "error"}},
              note="a member resets"),
        _step("admin", "POST", ACTION, body={"reset_status": {"status": "error"}}),
        _step("demo", "GET", BACKUP, ignore=PLACEMENT, note="after reset_status"),
        _step("demo", "POST", ACTION, body={"restore": None}, note="an errored backup"),
        _step("admin", "POST", ACTION, body={"reset_status": {"status": "available"}}),
        # A share with snapshots cannot be backed up.
        Step("demo", "POST", "/snapshots", body={"snapshot": {"share_id": "{share}"}},
             save={"snap": "snapshot.id"},
             wait=Wait("/snapshots/{snap}", ("available", "error"), via=("creating",),
                       status="snapshot.status")),
        _step("demo", "POST", "/share-backups",
              body={"share_backup": {"share_id": "{share}", "backup_options": options}},
              note="the share has a snapshot"),
        Step("demo", "DELETE", "/snapshots/{snap}",
             wait=Wait("/snapshots/{snap}", ("gone", "error_deleting"), via=("deleting",),
                       status="snapshot.status")),
    ]
    if at_least(mv, "2.91"):
        target = "/shares/{target}"
        steps += [
            create_share(f"bksmall-{TOKEN}-{MV}", save="small", size=1),
            _step("demo", "POST", ACTION, body={"restore": "{small}"},
                  note="a target too small"),
            _step("demo", "POST", ACTION, body={"restore": MISSING}, note="no such target"),
            create_share(f"bktarget-{TOKEN}-{MV}", save="target", size=2),
            _step("demo", "POST", ACTION, body={"restore": "{target}"}),
            Step("demo", "GET", target, ignore=PLACEMENT | {"status"},
                 wait=_share_wait(target, ("available", "backup_restoring_error"),
                                  ("backup_restoring",)),
                 note="targeted restore"),
            # The DummyDriver cannot restore into another share: the reference
            # leaves the target in backup_restoring_error (and the backup in
            # error); an admin sets the target straight again.
            Step("admin", "POST", target + "/action",
                 body={"reset_status": {"status": "available"}}),
            _step("admin", "POST", ACTION, body={"reset_status": {"status": "available"}}),
            delete_share("small"),
            delete_share("target"),
        ]
    steps += [
        _step("alt_demo", "DELETE", BACKUP),
        _step("reader", "DELETE", BACKUP),
        _step("demo", "DELETE", BACKUP,
              wait=_backup_wait(("gone", "error_deleting"), ("deleting",))),
        _step("demo", "GET", BACKUP, note="deleted"),
        _step("demo", "DELETE", BACKUP, note="deleted"),
        delete_share(),
    ]
    return steps


def generic_backup(mv: str) -> list[Step]:
    """A backup without ``backup_options``: Manila's generic way, through the
    data service; for a CIFS share it is refused before that (only NFS)."""
    body = {"share_backup": {"share_id": "{share}"}}
    return [
        create_share(f"bkcifs-{TOKEN}-{MV}", share_proto="CIFS"),
        _step("demo", "POST", "/share-backups", body=body, note="generic, CIFS"),
        delete_share(),
    ]
