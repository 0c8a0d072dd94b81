"""Share replicas, share instances and snapshot instances (issue 12): a share of a
replicated type gets a replica in the other zone, which is promoted, and the old
active one removed; the refusals on the way; admins' instance views and actions.

Every step runs as owner (demo), another tenant (alt_demo), reader and admin
where the answer differs. Which pool holds what is the schedulers' business:
zones and hosts are not compared (``PLACEMENT``; hosts are normalised anyway).
"""

from __future__ import annotations

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
REPLICA = "/share-replicas/{replica}"
ACTIVE = "/share-replicas/{active}"
# Only one replica per share reaches a pool here: a second one is refused by the
# schedulers (ShareReplicationFilter); its zone and host are theirs.
WHERE = PLACEMENT | {"host"}


def replicated_type(save: str = "rtype") -> list[Step]:
    name = f"repl-{TOKEN}-{MV}"
    return [Step("admin", "POST", "/types", save={save: "share_type.id"}, body={
        "share_type": {"name": name, "extra_specs": {
            "driver_handles_share_servers": "False", "replication_type": "readable",
            "snapshot_support": "True"}}})]


def _state(path: str, until: tuple[str, ...], via: tuple[str, ...],
           field: str = "replica_state") -> Wait:
    return Wait(path, until, via=via, status=f"share_replica.{field}")


def replicas(mv: str) -> list[Step]:
    name = f"repl-{TOKEN}-{MV}"
    add = {"share_replica": {"share_id": "{share}"}}
    steps = [
        *replicated_type(),
        # In the first zone (alpha on both sides): the replica goes to the second.
        create_share(name, share_type=name, availability_zone="nova"),
        Step("demo", "GET", "/share-replicas/detail?share_id={share}", ignore=WHERE,
             save={"active": "share_replicas.0.id"}),
        Step("demo", "GET", "/share-replicas?share_id={share}"),
        Step("admin", "GET", "/share-replicas/detail?share_id={share}", ignore=WHERE),
        Step("reader", "GET", "/share-replicas/detail?share_id={share}", ignore=WHERE),
        Step("alt_demo", "GET", "/share-replicas/detail?share_id={share}"),
        Step("admin", "GET", SHOW + "/instances", ignore=WHERE),
        # A new replica: answered before its state and zone are recorded.
        Step("demo", "POST", "/share-replicas", body=add, save={"replica": "share_replica.id"},
             ignore=WHERE,
             wait=_state(REPLICA, ("in_sync", "error"), ("out_of_sync", "None"))),
        Step("demo", "GET", REPLICA, ignore=WHERE),
        Step("admin", "GET", REPLICA, ignore=WHERE),
        Step("reader", "GET", REPLICA, ignore=WHERE),
        Step("alt_demo", "GET", REPLICA),
        Step("alt_demo", "GET", "/share-replicas?share_id={share}"),
        Step("demo", "GET", "/share-replicas/detail?share_id={share}", ignore=WHERE,
             unordered=True),
        Step("demo", "GET", SHOW, ignore=WHERE, note="has replicas"),
        Step("demo", "GET", REPLICA + "/export-locations", ignore=WHERE, unordered=True),
        Step("admin", "GET", REPLICA + "/export-locations", ignore=WHERE, unordered=True),
        Step("alt_demo", "GET", REPLICA + "/export-locations"),
        Step("demo", "GET", SHOW + "/export_locations", unordered=True),
        Step("demo", "GET", f"/share-replicas/{MISSING}"),
        Step("admin", "GET", SHOW + "/instances", ignore=WHERE, unordered=True),
        Step("admin", "GET", "/share_instances/{replica}", ignore=WHERE),
        Step("demo", "GET", "/share_instances/{replica}"),
        Step("admin", "GET", "/share_instances/{replica}/export_locations", unordered=True),
        Step("demo", "GET", "/share_instances/{replica}/export_locations"),
        # What is refused while the share has two replicas.
        Step("demo", "DELETE", SHOW, note="the share has replicas"),
        Step("demo", "DELETE", ACTIVE, note="the last active replica"),
        Step("demo", "POST", ACTIVE + "/action", body={"promote": None},
             note="promote the active replica"),
        Step("reader", "POST", REPLICA + "/action", body={"promote": None}),
        Step("alt_demo", "POST", REPLICA + "/action", body={"promote": None}),
        Step("demo", "POST", REPLICA + "/action", body={"resync": None}),
        Step("admin", "POST", ACTIVE + "/action", body={"resync": None},
             note="resync the active replica"),
        Step("admin", "POST", REPLICA + "/action", body={"resync": None}),
        Step("admin", "POST", REPLICA + "/action",
             body={"reset_replica_state": {"replica_state": "bogus"}}),
        Step("admin", "POST", ACTIVE + "/action",
             body={"reset_replica_state": {"replica_state": "error"}},
             note="reset the active replica's state"),
        Step("demo", "POST", REPLICA + "/action",
             body={"reset_replica_state": {"replica_state": "error"}}),
        Step("demo", "POST", "/share-replicas", body={"share_replica": {}}),
        Step("demo", "POST", "/share-replicas", body={"replica": {}}),
        Step("demo", "POST", "/share-replicas",
             body={"share_replica": {"share_id": MISSING}}),
        Step("demo", "POST", "/share-replicas",
             body={"share_replica": {"share_id": "{share}", "availability_zone": "atlantis"}}),
        Step("reader", "POST", "/share-replicas", body=add),
        Step("alt_demo", "POST", "/share-replicas", body=add),
        Step("demo", "GET", "/share-replicas", version="2.55", note="experimental"),
        Step("demo", "GET", "/share-replicas?share_id={share}", version="2.55",
             headers={"X-OpenStack-Manila-API-Experimental": "True"}, note="experimental",
             unordered=True),
    ]
    if at_least(mv, "2.67"):
        steps.append(Step("demo", "POST", "/share-replicas", body={"share_replica": {
            "share_id": "{share}", "scheduler_hints": {"bogus": "x"}}}))
    else:
        steps.append(Step("demo", "POST", "/share-replicas", body={"share_replica": {
            "share_id": "{share}", "share_network_id": MISSING}}))
    if at_least(mv, "2.75"):
        steps.append(Step("demo", "POST", REPLICA + "/action",
                          body={"promote": {"quiesce_wait_time": "soon"}}))
    if at_least(mv, "2.95"):
        steps += [
            Step("demo", "POST", REPLICA + "/metadata", body={"metadata": {"site": "b"}}),
            Step("demo", "GET", REPLICA + "/metadata"),
            Step("demo", "GET", REPLICA + "/metadata/site"),
            Step("reader", "GET", REPLICA + "/metadata"),
            Step("demo", "DELETE", REPLICA + "/metadata/site"),
            Step("demo", "DELETE", REPLICA + "/metadata/site", note="gone already"),
        ]
    steps += [
        # The replica is promoted: the share moves with it.
        Step("demo", "POST", REPLICA + "/action", body={"promote": None}, ignore=WHERE,
             wait=_state(REPLICA, ("active", "error"), ("in_sync",))),
        Step("demo", "GET", SHOW, ignore=WHERE, note="after promote",
             wait=Wait(SHOW, ("available", "error"), via=("replication_change",))),
        Step("admin", "GET", "/share-replicas/detail?share_id={share}", ignore=WHERE,
             unordered=True),
        # The old active one is now a plain copy: an admin breaks and mends it,
        # its owner removes it.
        Step("admin", "POST", ACTIVE + "/action", body={"reset_status": {"status": "error"}}),
        Step("demo", "GET", ACTIVE, ignore=WHERE, note="after reset_status"),
        Step("admin", "POST", ACTIVE + "/action",
             body={"reset_status": {"status": "available"}}),
        Step("demo", "DELETE", ACTIVE,
             wait=_state(ACTIVE, ("gone",), ("deleting",), field="status")),
        Step("demo", "GET", SHOW, ignore=WHERE, note="one replica left"),
        *_snapshot_instances(),
        # A share of a type without replication has no replicas to list.
        create_share(f"plain-{TOKEN}-{MV}", save="plain"),
        Step("demo", "GET", "/share-replicas?share_id={plain}"),
        Step("demo", "POST", "/share-replicas",
             body={"share_replica": {"share_id": "{plain}"}}),
        delete_share("plain"),
        delete_share(),
        Step("admin", "DELETE", "/types/{rtype}"),
    ]
    return steps


def _snapshot_instances() -> list[Step]:
    snap = "/snapshot-instances/{snapinst}"
    return [
        Step("demo", "POST", "/snapshots", body={"snapshot": {"share_id": "{share}"}},
             save={"snap": "snapshot.id"},
             wait=Wait("/snapshots/{snap}", ("available", "error"), via=("creating",),
                       status="snapshot.status")),
        Step("admin", "GET", "/snapshot-instances?snapshot_id={snap}",
             save={"snapinst": "snapshot_instances.0.id"}),
        Step("admin", "GET", "/snapshot-instances/detail?snapshot_id={snap}"),
        Step("admin", "GET", snap),
        Step("demo", "GET", snap),
        Step("demo", "GET", "/snapshot-instances?snapshot_id={snap}"),
        Step("admin", "GET", f"/snapshot-instances/{MISSING}"),
        Step("admin", "GET", "/snapshot-instances", version="2.18"),
        Step("admin", "POST", snap + "/action", body={"reset_status": {"status": "bogus"}}),
        Step("admin", "POST", snap + "/action", body={"reset_status": {"status": "error"}}),
        Step("admin", "GET", snap, note="after reset_status"),
        Step("admin", "POST", snap + "/action",
             body={"reset_status": {"status": "available"}}),
        Step("demo", "POST", snap + "/action", body={"reset_status": {"status": "error"}}),
        Step("demo", "DELETE", "/snapshots/{snap}",
             wait=Wait("/snapshots/{snap}", ("gone", "error_deleting"), via=("deleting",),
                       status="snapshot.status")),
    ]


def instances(mv: str) -> list[Step]:
    """Admins look at a plain share's instance, find it by an export location,
    break and mend it, and force-delete it (which deletes the share)."""
    inst = "/share_instances/{inst}"
    return [
        create_share(f"inst-{TOKEN}-{MV}"),
        Step("admin", "GET", SHOW + "/instances", ignore=WHERE,
             save={"inst": "share_instances.0.id"}),
        Step("demo", "GET", SHOW + "/instances"),
        Step("reader", "GET", SHOW + "/instances"),
        Step("alt_demo", "GET", SHOW + "/instances"),
        Step("admin", "GET", inst, ignore=WHERE),
        Step("demo", "GET", inst),
        Step("admin", "GET", f"/share_instances/{MISSING}"),
        Step("demo", "GET", "/share_instances"),
        Step("admin", "GET", SHOW + "/export_locations", unordered=True,
             save={"elid": "export_locations.0.id", "elpath": "export_locations.0.path"}),
        Step("admin", "GET", "/share_instances?export_location_id={elid}", ignore=WHERE),
        Step("admin", "GET", "/share_instances?export_location_path={elpath}",
             ignore=WHERE),
        Step("admin", "GET", f"/share_instances?export_location_id={MISSING}"),
        Step("admin", "GET", inst + "/export_locations", unordered=True),
        # Which location comes first is each side's own order.
        Step("admin", "GET", inst + "/export_locations/{elid}", values=False),
        Step("admin", "GET", inst + f"/export_locations/{MISSING}"),
        Step("admin", "GET", f"/share_instances/{MISSING}/export_locations"),
        Step("admin", "GET", "/share_instances", version="2.2"),
        Step("admin", "POST", inst + "/action", body={"reset_status": {"status": "bogus"}}),
        Step("admin", "POST", inst + "/action", body={"reset_status": {}}),
        Step("admin", "POST", inst + "/action", body={"reset_status": {"status": "error"}}),
        Step("demo", "GET", SHOW, ignore=WHERE, note="instance reset to error"),
        Step("admin", "POST", inst + "/action",
             body={"reset_status": {"status": "available"}}),
        Step("demo", "POST", inst + "/action", body={"reset_status": {"status": "error"}}),
        Step("demo", "POST", inst + "/action", body={"force_delete": None}),
        Step("admin", "POST", f"/share_instances/{MISSING}/action",
             body={"force_delete": None}),
        Step("admin", "POST", inst + "/action", body={"force_delete": None},
             wait=Wait(SHOW, ("gone", "error_deleting"), via=("deleting", "available"))),
        Step("demo", "GET", SHOW, note="its only instance deleted"),
    ]
