"""``/snapshots[/detail]``: the list filters Manila 23 validates with its query
schemas (name, description and their ``~`` forms from 2.36, status, share_id,
size, metadata from 2.73, with_count from 2.79, limit/offset, sort keys), alone
and combined, with valid, unknown and malformed values, as owner, reader,
another tenant and admin.

Scoped by the run's share (``share_id``) the calls compare the snapshots found;
a filter alone compares status, fault and key sets.
"""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.shares import create_share
from manila_ui.tests.reference.scenarios.shares import delete_share

VERSIONS = ("2.0", "2.36", "2.73", "2.79", "2.99")
A, B = f"spa-{TOKEN}", f"spb-{TOKEN}"
SCOPE = "share_id={share}&"
IGNORE = frozenset({"created_at", "updated_at", "provider_location"})
FILTERS = (
    f"name={A}", "name~=spa", f"description=one%20{TOKEN}", "description~=one",
    "status=available", "status=error", "size=1", "size=2", f"metadata={{'fid':'{TOKEN}'}}",
    "metadata={'fid':'other'}", "with_count=true", "with_count=false", "foo=bar",
    "limit=1", "limit=1&offset=1", "offset=1", "limit=0",
    "sort_key=name", "sort_key=name&sort_dir=asc", "sort_key=created_at&sort_dir=asc",
    "sort_dir=asc", "project_id={project:demo}", "all_tenants=1",
)
MALFORMED = (
    "limit=abc", "limit=-1", "offset=abc", "offset=-1", "size=abc", "size=-1",
    "with_count=maybe", "all_tenants=maybe", "metadata=notadict", "metadata={'a'",
    "sort_dir=sideways", "name=", "status=", "limit=1&limit=2",
    f"share_id={MISSING}",
)
ADMIN_ONLY = ("all_tenants=1", "project_id={project:alt_demo}", "project_id={project:demo}")


def _snapshot(name: str, save: str, description: str) -> Step:
    return Step("demo", "POST", "/snapshots", save={save: "snapshot.id"}, ignore=IGNORE,
                body={"snapshot": {"share_id": "{share}", "name": name,
                                   "description": description}},
                wait=Wait("/snapshots/{" + save + "}", ("available", "error"),
                          via=("creating",), status="snapshot.status"))


def snapshot_filters(mv: str) -> list[Step]:
    steps = [
        create_share(f"spshare-{TOKEN}"),
        _snapshot(A, "a", f"one {TOKEN}"),
        _snapshot(B, "b", f"two {TOKEN}"),
        Step("demo", "POST", "/snapshots/{a}/metadata", body={"metadata": {"fid": TOKEN}},
             note="metadata for the filter") if mv in ("2.73", "2.79", "2.99") else
        Step("demo", "GET", "/snapshots/{a}", ignore=IGNORE),
    ]
    for query in FILTERS:
        steps += [
            Step("demo", "GET", f"/snapshots?{query}", values=False),
            Step("demo", "GET", f"/snapshots/detail?{SCOPE}{query}", ignore=IGNORE),
            Step("admin", "GET", f"/snapshots/detail?all_tenants=1&{SCOPE}{query}",
                 ignore=IGNORE),
        ]
    steps += [Step(actor, "GET", f"/snapshots/detail?{query}", values=False)
              for query in MALFORMED for actor in ("demo", "admin")]
    for query in ADMIN_ONLY:
        steps += [Step(actor, "GET", f"/snapshots/detail?{SCOPE}{query}", ignore=IGNORE)
                  for actor in ("demo", "reader", "alt_demo", "admin")]
    steps += [
        Step("alt_demo", "GET", "/snapshots/{a}"),
        Step("reader", "DELETE", "/snapshots/{a}"),
        Step("demo", "DELETE", "/snapshots/{a}",
             wait=Wait("/snapshots/{a}", ("gone", "error_deleting"), via=("deleting",),
                       status="snapshot.status")),
        Step("demo", "DELETE", "/snapshots/{b}",
             wait=Wait("/snapshots/{b}", ("gone", "error_deleting"), via=("deleting",),
                       status="snapshot.status")),
        delete_share(),
    ]
    return steps
