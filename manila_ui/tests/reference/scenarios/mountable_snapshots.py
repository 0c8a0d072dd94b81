"""Mountable snapshots (2.32): export locations, access rules (allow, list,
deny, refusals) of a snapshot whose share may mount its snapshots, the
refusals on one whose share may not, and the admin's instance view."""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.shares import create_share
from manila_ui.tests.reference.scenarios.shares import delete_share
from manila_ui.tests.reference.scenarios.types import create_type

SNAP = "/snapshots/{snap}"
ACT = SNAP + "/action"
RULES = SNAP + "/access-list"
LOCATIONS = SNAP + "/export-locations"
# What the poll of a rule sees once the list is empty (there is no rule URL).
NO_RULE = "HTTP 200"


def _snapshot(var: str = "snap", share: str = "share") -> Step:
    return Step("demo", "POST", "/snapshots",
                body={"snapshot": {"share_id": "{" + share + "}", "name": f"mount-{TOKEN}"}},
                save={var: "snapshot.id"},
                wait=Wait("/snapshots/{" + var + "}", ("available", "error"), via=("creating",),
                          status="snapshot.status"))


def _delete_snapshot(var: str = "snap") -> Step:
    path = "/snapshots/{" + var + "}"
    return Step("demo", "DELETE", path,
                wait=Wait(path, ("gone", "error_deleting"), via=("deleting",),
                          status="snapshot.status"))


def _allow(actor: str, to: str, kind: str = "ip", note: str = "", wait: bool = False,
           **extra: object) -> Step:
    """With ``wait``, the snapshot must have no other rule: the poll reads the
    first rule of the list (a snapshot rule has no URL of its own)."""
    return Step(actor, "POST", ACT,
                body={"allow_access": {"access_type": kind, "access_to": to, **extra}},
                note=note, save={"rule": "snapshot_access.id"} if wait else {},
                wait=Wait(RULES, ("active", "error"), via=("queued_to_apply", "applying"),
                          status="snapshot_access_list.0.state") if wait else None)


def _deny(actor: str, access_id: str = "{rule}", wait: bool = False, note: str = "") -> Step:
    return Step(actor, "POST", ACT, body={"deny_access": {"access_id": access_id}}, note=note,
                wait=Wait(RULES, (NO_RULE,), via=("queued_to_deny", "denying", "active"),
                          status="snapshot_access_list.0.state") if wait else None)


def mountable_snapshots(mv: str) -> list[Step]:
    steps = [
        create_share(f"mountable-{TOKEN}-{MV}"),
        _snapshot(),
        Step("demo", "GET", SNAP, note="a mountable snapshot"),
        Step("demo", "GET", LOCATIONS, unordered=True),
        Step("reader", "GET", LOCATIONS, unordered=True),
        Step("alt_demo", "GET", LOCATIONS),
        # The admin-only location (the admin's list comes in no fixed order).
        Step("admin", "GET", LOCATIONS, unordered=True,
             save={"el": "share_snapshot_export_locations.is_admin_only=True.id"}),
        Step("demo", "GET", LOCATIONS + f"/{MISSING}"),
        Step("demo", "GET", RULES),
        Step("reader", "GET", RULES),
        Step("alt_demo", "GET", RULES),
        # One rule at a time: its state is polled as the list's first.
        _allow("demo", "10.0.0.0/24", wait=True),
        Step("demo", "GET", RULES, note="one rule"),
        Step("admin", "GET", RULES, note="one rule"),
        _allow("demo", "10.0.0.0/24", note="the same rule again"),
        _allow("demo", "10.0.0.1/24", note="host bits set"),
        _allow("demo", "10.0.0.300", note="bad address"),
        _allow("demo", "client", kind="cephx", note="cephx is not for snapshots"),
        _allow("demo", "10.0.1.0/24", kind="nosuchtype", note="bad type"),
        _allow("demo", "", note="empty access_to"),
        Step("demo", "POST", ACT, body={"allow_access": {"access_to": "10.0.1.0/24"}},
             note="no access_type"),
        Step("demo", "POST", ACT, body={"allow_access": {"access_type": "ip", "access_to": 5}},
             note="access_to not a string"),
        Step("demo", "POST", ACT, body={"allow_access": None}, note="no access data"),
        _allow("reader", "10.0.2.0/24", note="reader"),
        _allow("alt_demo", "10.0.2.0/24", note="another tenant"),
        Step("demo", "POST", ACT, body={"deny_access": {}}, note="no access_id"),
        _deny("demo", MISSING, note="a missing rule"),
        _deny("reader", note="reader"),
        _deny("alt_demo", note="another tenant"),
        _deny("demo", wait=True),
        Step("demo", "GET", RULES, note="after deny"),
        _deny("demo", note="the rule is gone"),
        Step("demo", "POST", "/snapshots/" + MISSING + "/action",
             body={"allow_access": {"access_type": "ip", "access_to": "10.0.3.0/24"}},
             note="a missing snapshot"),
        Step("demo", "GET", "/snapshots/" + MISSING + "/access-list"),
        Step("demo", "GET", "/snapshots/" + MISSING + "/export-locations"),
    ]
    if at_least(mv, "2.38"):
        steps += [_allow("demo", "2001:db8::/64", wait=True, note="IPv6"),
                  _deny("demo", wait=True, note="IPv6")]
    else:
        steps.append(_allow("demo", "2001:db8::/64", note="IPv6 before 2.38"))
    steps += [
        # The admin's view of the snapshot's instance (the export locations
        # say which one).
        Step("admin", "GET", LOCATIONS + "/{el}"),
        Step("demo", "GET", LOCATIONS + "/{el}", note="an admin-only location"),
        Step("demo", "GET", "/snapshot-instances/" + MISSING + "/export-locations"),
        Step("admin", "GET", "/snapshot-instances/" + MISSING + "/export-locations"),
        # A snapshot that is being deleted takes its rules along.
        _allow("demo", "10.0.4.0/24", wait=True, note="kept until the snapshot goes"),
        _delete_snapshot(),
        Step("demo", "GET", RULES, note="snapshot gone"),
        delete_share(),
    ]
    return steps


def snapshot_instance_locations(mv: str) -> list[Step]:
    """The admin reads a snapshot's instance export locations, by the id the
    snapshot's own export locations give."""
    instance = "/snapshot-instances/{instance}/export-locations"
    return [
        create_share(f"instance-{TOKEN}-{MV}"),
        _snapshot(),
        Step("admin", "GET", LOCATIONS, unordered=True,
             save={"instance": "share_snapshot_export_locations.0.share_snapshot_instance_id"}),
        # The member's list holds only the non-admin location: the same one on
        # both sides (the admin's list comes in no fixed order).
        Step("demo", "GET", LOCATIONS, unordered=True,
             save={"el": "share_snapshot_export_locations.0.id"}),
        Step("admin", "GET", instance, unordered=True),
        Step("admin", "GET", instance + "/{el}"),
        Step("admin", "GET", instance + f"/{MISSING}"),
        Step("demo", "GET", instance),
        Step("reader", "GET", instance + "/{el}"),
        _delete_snapshot(),
        delete_share(),
    ]


def not_mountable(mv: str) -> list[Step]:
    """A share whose type does not ask for mount_snapshot_support: its
    snapshots have no export locations and take no rules."""
    return [
        create_type(mv, f"nomount-{TOKEN}-{MV}", snapshot_support="True"),
        create_share(f"nomount-{TOKEN}-{MV}", share_type="{type}"),
        _snapshot(),
        Step("demo", "GET", LOCATIONS),
        Step("demo", "GET", RULES),
        _allow("demo", "10.0.0.0/24", note="a snapshot that cannot be mounted"),
        Step("demo", "POST", ACT, body={"deny_access": {"access_id": MISSING}},
             note="a snapshot that cannot be mounted"),
        _delete_snapshot(),
        delete_share(),
        Step("admin", "DELETE", "/types/{type}"),
    ]
