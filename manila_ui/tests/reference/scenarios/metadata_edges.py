"""Metadata edges (issue 19): the single-item POST of share and snapshot
metadata, export-location metadata (2.87), a replica's metadata replaced
and set item by item (2.95) with one of its export locations, and the
absent listing of an access rule's metadata; each with its refusals
(missing and foreign ids, reader, other tenant, too early a microversion,
malformed bodies).
"""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.replicas import WHERE
from manila_ui.tests.reference.scenarios.replicas import replicated_type
from manila_ui.tests.reference.scenarios.shares import PLACEMENT
from manila_ui.tests.reference.scenarios.shares import SHOW
from manila_ui.tests.reference.scenarios.shares import create_share
from manila_ui.tests.reference.scenarios.shares import delete_share

VERSIONS = ("2.45", "2.73", "2.86", "2.87", "2.99")
EL = SHOW + "/export_locations/{el}/metadata"
SNAP = "/snapshots/{snap}"
IGNORE = frozenset({"created_at", "updated_at", "provider_location"})
ACTORS = ("demo", "reader", "alt_demo", "admin")


def _item_refusals(base: str) -> list[Step]:
    """POST ``base/{key}``: one key in ``meta``, as each actor, then bad bodies."""
    steps = [Step(actor, "POST", base + "/k1", body={"meta": {"k1": f"v-{actor}"}})
             for actor in ACTORS]
    steps += [
        Step("demo", "GET", base + "/k1", note="after the item updates"),
        Step("demo", "POST", base + "/k1", body={"meta": {"k1": "a", "k2": "b"}},
             note="two keys"),
        Step("demo", "POST", base + "/k1", body={"meta": {"other": "a"}}, note="key mismatch"),
        Step("demo", "POST", base + "/k1", body={"metadata": {"k1": "a"}}, note="no meta"),
        Step("demo", "POST", base + "/k1", body={"meta": {}}, note="empty meta"),
        Step("demo", "POST", base + "/k1", body={"meta": ["k1"]}, note="meta a list"),
        Step("demo", "POST", base + "/k1", body={"meta": {"k1": "x" * 256}}, note="long value"),
        Step("demo", "POST", base + "/k1", raw_body=b"{not json", note="not JSON"),
        Step("demo", "POST", base + "/k1", note="no body"),
        Step("demo", "GET", base, note="at the end"),
    ]
    return steps


def _export_location_metadata(mv: str) -> list[Step]:
    steps = [Step("demo", "GET", EL, note="before 2.87" if not at_least(mv, "2.87") else "")]
    if not at_least(mv, "2.87"):
        return steps + [Step("demo", "POST", EL, body={"metadata": {"a": "b"}}),
                        Step("demo", "GET", EL + "/a")]
    steps += [
        Step("demo", "POST", EL, body={"metadata": {"a": "1", "b": "2"}}),
        Step("demo", "GET", EL),
        Step("demo", "GET", EL + "/a"),
        Step("demo", "GET", EL + "/nokey"),
        Step("reader", "GET", EL + "/a"),
        Step("alt_demo", "GET", EL + "/a"),
        Step("admin", "GET", EL + "/a"),
        Step("reader", "POST", EL, body={"metadata": {"c": "3"}}),
        Step("alt_demo", "POST", EL, body={"metadata": {"c": "3"}}),
        Step("admin", "POST", EL, body={"metadata": {"c": "3"}}),
        Step("demo", "PUT", EL, body={"metadata": {"d": "4"}}),
        Step("demo", "GET", EL + "/d", note="after replace"),
        Step("reader", "PUT", EL, body={"metadata": {"e": "5"}}),
        Step("alt_demo", "PUT", EL, body={"metadata": {"e": "5"}}),
        Step("demo", "PUT", EL, body={"metadata": ["x"]}, note="not an object"),
        Step("demo", "PUT", EL, body={"meta": {"e": "5"}}, note="no metadata key"),
        Step("demo", "POST", EL, body={"metadata": {"": "5"}}, note="empty key"),
        Step("demo", "POST", EL, body={"metadata": {"k" * 256: "5"}}, note="long key"),
        Step("demo", "POST", EL, raw_body=b"[]", note="body a list"),
        Step("demo", "POST", EL + "/d", body={"meta": {"d": "44"}}),
        Step("demo", "GET", EL + "/d", note="after the item update"),
        Step("demo", "POST", EL + "/d", body={"meta": {"x": "44"}}, note="key mismatch"),
        Step("reader", "POST", EL + "/d", body={"meta": {"d": "45"}}),
        Step("alt_demo", "POST", EL + "/d", body={"meta": {"d": "45"}}),
        Step("reader", "DELETE", EL + "/d"),
        Step("alt_demo", "DELETE", EL + "/d"),
        Step("demo", "DELETE", EL + "/nokey"),
        Step("demo", "DELETE", EL + "/d"),
        Step("demo", "GET", EL, note="after the delete"),
        Step("demo", "GET", SHOW + f"/export_locations/{MISSING}/metadata"),
        Step("demo", "POST", SHOW + f"/export_locations/{MISSING}/metadata",
             body={"metadata": {"a": "b"}}),
        Step("demo", "DELETE", SHOW + f"/export_locations/{MISSING}/metadata/a"),
        Step("demo", "GET", f"/shares/{MISSING}/export_locations/{{el}}/metadata/a"),
        Step("demo", "PUT", f"/shares/{MISSING}/export_locations/{{el}}/metadata",
             body={"metadata": {"a": "b"}}),
    ]
    return steps


def metadata_items(mv: str) -> list[Step]:
    steps = [
        create_share(f"mdi-{TOKEN}-{MV}", metadata={"k0": "v0"}),
        Step("demo", "GET", SHOW + "/export_locations", save={"el": "export_locations.0.id"},
             ignore=PLACEMENT | {"path", "id", "share_instance_id"}, values=False),
        *_item_refusals(SHOW + "/metadata"),
        Step("demo", "POST", f"/shares/{MISSING}/metadata/k1", body={"meta": {"k1": "v"}}),
        *_export_location_metadata(mv),
        Step("demo", "POST", "/snapshots", save={"snap": "snapshot.id"}, ignore=IGNORE,
             body={"snapshot": {"share_id": "{share}", "name": f"mdi-{TOKEN}"}},
             wait=Wait(SNAP, ("available", "error"), via=("creating",),
                       status="snapshot.status")),
    ]
    if at_least(mv, "2.73"):
        steps += [*_item_refusals(SNAP + "/metadata"),
                  Step("demo", "POST", f"/snapshots/{MISSING}/metadata/k1",
                       body={"meta": {"k1": "v"}})]
    else:
        steps.append(Step("demo", "POST", SNAP + "/metadata/k1", body={"meta": {"k1": "v"}},
                          note="before 2.73"))
    steps += [
        # An access rule's metadata has no listing of its own in Manila.
        Step("demo", "POST", SHOW + "/action", save={"rule": "access.id"},
             body={"allow_access": {"access_type": "ip", "access_to": "10.9.0.0/24",
                                    "access_level": "rw", "metadata": {"m": "1"}}},
             wait=Wait("/share-access-rules/{rule}", ("active", "error"),
                       via=("queued_to_apply", "applying"), status="access.state")),
        *[Step(actor, "GET", "/share-access-rules/{rule}/metadata") for actor in ACTORS],
        Step("demo", "GET", f"/share-access-rules/{MISSING}/metadata"),
        Step("demo", "DELETE", SNAP,
             wait=Wait(SNAP, ("gone", "error_deleting"), via=("deleting",),
                       status="snapshot.status")),
        delete_share(),
    ]
    return steps


REPLICA = "/share-replicas/{replica}"


def replica_metadata(mv: str) -> list[Step]:
    """A replica's metadata replaced and set by item (2.95), one of its export locations."""
    name = f"repl-{TOKEN}-{MV}"  # replicated_type's
    steps = [
        *replicated_type(),
        create_share(name, share_type=name, availability_zone="nova"),
        Step("demo", "POST", "/share-replicas", body={"share_replica": {"share_id": "{share}"}},
             save={"replica": "share_replica.id"}, ignore=WHERE,
             wait=Wait(REPLICA, ("in_sync", "error"), via=("out_of_sync", "None"),
                       status="share_replica.replica_state")),
        Step("demo", "GET", REPLICA + "/export-locations", ignore=WHERE | {"path", "id"},
             save={"rel": "export_locations.0.id"}, values=False),
        *[Step(actor, "GET", REPLICA + "/export-locations/{rel}", ignore=WHERE | {"path"})
          for actor in ACTORS],
        Step("demo", "GET", REPLICA + f"/export-locations/{MISSING}"),
        Step("demo", "GET", f"/share-replicas/{MISSING}/export-locations/{{rel}}"),
        Step("demo", "PUT", REPLICA + "/metadata", body={"metadata": {"a": "1"}}),
        Step("demo", "POST", REPLICA + "/metadata/a", body={"meta": {"a": "2"}}),
        Step("demo", "GET", REPLICA + "/metadata", note="after the item update"),
    ]
    if at_least(mv, "2.95"):
        steps += [
            Step("reader", "PUT", REPLICA + "/metadata", body={"metadata": {"b": "1"}}),
            Step("alt_demo", "PUT", REPLICA + "/metadata", body={"metadata": {"b": "1"}}),
            Step("admin", "PUT", REPLICA + "/metadata", body={"metadata": {"b": "1"}}),
            Step("demo", "PUT", REPLICA + "/metadata", body={"metadata": ["b"]},
                 note="not an object"),
            Step("demo", "PUT", REPLICA + "/metadata", body={"meta": {"b": "1"}},
                 note="no metadata key"),
            Step("demo", "PUT", f"/share-replicas/{MISSING}/metadata",
                 body={"metadata": {"b": "1"}}),
            Step("reader", "POST", REPLICA + "/metadata/b", body={"meta": {"b": "3"}}),
            Step("alt_demo", "POST", REPLICA + "/metadata/b", body={"meta": {"b": "3"}}),
            Step("demo", "POST", REPLICA + "/metadata/b", body={"meta": {"c": "3"}},
                 note="key mismatch"),
            Step("demo", "POST", REPLICA + "/metadata/b", body={"meta": {"b": "3", "c": "4"}},
                 note="two keys"),
            Step("demo", "POST", f"/share-replicas/{MISSING}/metadata/b",
                 body={"meta": {"b": "3"}}),
            Step("demo", "GET", REPLICA + "/metadata", note="at the end"),
        ]
    steps += [
        Step("demo", "DELETE", REPLICA,
             wait=Wait(REPLICA, ("gone", "error_deleting"), via=("deleting",),
                       status="share_replica.status")),
        delete_share(),
        Step("admin", "DELETE", "/types/{rtype}"),
    ]
    return steps
