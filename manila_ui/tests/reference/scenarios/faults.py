"""Version documents, microversion negotiation, and the faults of every kind."""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MAX
from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import at_least

# A listing whose answer does not depend on what else the project holds.
NOTHING = "/shares?name=no-such-share-anywhere"


def versions(_mv: str) -> list[Step]:
    """The version documents and microversion negotiation."""
    return [
        Step(None, "GET", "/", version=None),
        Step("demo", "GET", "/v2/", version=None),
        Step("demo", "GET", "/v2/", version=MAX),
        Step("demo", "GET", NOTHING, version=None, note="no header: 2.0"),
        Step("demo", "GET", NOTHING, version="latest"),
        Step("demo", "GET", NOTHING, version="2.100", note="above the max: 406"),
        Step("demo", "GET", NOTHING, version="2.x", note="malformed: 400"),
        Step("demo", "GET", NOTHING, version="3.0"),
        Step("demo", "GET", NOTHING, version="1.0"),
        Step("demo", "GET", NOTHING, version="2.99.1"),
        Step("demo", "GET", "/messages", version="2.36", note="below the method's minimum"),
        Step("demo", "GET", NOTHING, headers={"X-OpenStack-Manila-API-Experimental": "True"},
             note="experimental header echoed"),
    ]


def experimental(_mv: str) -> list[Step]:
    """An experimental API (share backups, 2.80) asked for without the header."""
    return [Step("demo", "GET", "/share-backups", note="experimental API without the header")]


def faults(mv: str) -> list[Step]:
    """Authentication, routing, parameters and bodies that Manila refuses."""
    steps = [
        Step(None, "GET", "/shares", note="no token"),
        Step(None, "GET", "/shares", headers={"X-Auth-Token": "not-a-token"}, note="bad token"),
        Step("demo", "GET", "/no-such-resource"),
        Step("demo", "GET", f"/shares/{MISSING}/export_locations"),
        Step("demo", "PATCH", "/shares", note="wrong method"),
        Step("demo", "DELETE", "/shares", note="wrong method"),
        Step("demo", "PUT", "/shares/detail", note="wrong method"),
        Step("demo", "GET", "/shares?limit=-1"),
        Step("demo", "GET", "/shares?limit=abc"),
        Step("demo", "GET", "/shares?offset=-1"),
        Step("demo", "GET", "/shares?offset=abc"),
        Step("demo", "GET", "/shares/detail?status=no-such-status&limit=1"),
        Step("demo", "GET", "/shares/detail?with_count=maybe&limit=1"),
        Step("demo", "GET", "/00000000000000000000000000000000/shares", note="another project"),
        Step("demo", "POST", "/shares", body=[], note="body not an object"),
        Step("demo", "POST", "/shares", body={"nothing": {}}, note="no share key"),
        Step("demo", "POST", "/shares", body={"share": {"share_proto": "NFS"}},
             note="no size"),
        Step("demo", "POST", "/shares", body={"share": {"size": 1}}, note="no share_proto"),
        Step("demo", "POST", "/shares",
             body={"share": {"share_proto": "NFS", "size": 1, "is_public": "maybe"}},
             note="bad is_public"),
        Step("demo", "POST", "/shares", body={"share": {"share_proto": "NFS", "size": "big"}}),
        Step("demo", "POST", "/shares", body={"share": {"share_proto": "NFS", "size": 100000}},
             note="over the gigabytes quota"),
        Step("demo", "POST", "/shares",
             body={"share": {"share_proto": "NFS", "size": 1, "availability_zone": "nowhere"}}),
        Step("demo", "POST", f"/shares/{MISSING}/action", body={"extend": {"new_size": 2}}),
        Step("demo", "GET", "/scheduler-stats/pools"),
        Step("admin", "GET", "/scheduler-stats/pools", values=False),
        Step("admin", "GET", "/scheduler-stats/pools/detail", values=False),
        Step("demo", "GET", "/availability-zones", values=False),
        Step("reader", "GET", "/availability-zones", values=False),
    ]
    if at_least(mv, "2.7"):
        steps.append(Step("demo", "GET", "/os-availability-zone", note="legacy URL"))
    return steps
