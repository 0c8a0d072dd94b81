"""``/shares[/detail]``: every list filter Manila documents, alone and combined,
with valid, unknown and malformed values; the admin-only ones used by a member;
sort keys and directions, ``with_count``, ``limit``/``offset``; a GET without an
id; export location and metadata refusals. As owner, reader, another tenant and
admin, at the microversions where a filter appears.

A filter alone meets other runs' shares (compared on status, fault and key
sets); scoped by the run's token (``name~``, 2.36+, or an exact name before)
it compares the shares found, in order.
"""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.shares import PLACEMENT
from manila_ui.tests.reference.scenarios.shares import create_share
from manila_ui.tests.reference.scenarios.shares import delete_share

VERSIONS = ("2.0", "2.35", "2.36", "2.42", "2.69", "2.97", "2.99")
A, B = f"sfa-{TOKEN}", f"sfb-{TOKEN}"
IGNORE = PLACEMENT | {"created_at", "updated_at", "share_type"}
# Lists holding other runs' shares: metadata differs share by share.
LOOSE = IGNORE | {"metadata"}
FILTERS = (
    f"name={A}", f"name~={TOKEN}-", "name~=sfa", f"description=one%20{TOKEN}",
    "description~=one", "description~=nothing", "status=available", "status=error",
    "status=bogus", "share_type_id={default}", f"share_type_id={MISSING}",
    "share_type_id=no-such-type", "volume_type_id={default}", f"snapshot_id={MISSING}",
    f"share_network_id={MISSING}", "is_public=true", "is_public=false",
    "is_public=bogus", f"metadata={{'fid':'{TOKEN}'}}", "metadata={'fid':'other'}",
    f"metadata={{'fid':'{TOKEN}','x':'1'}}", "extra_specs={'snapshot_support':'True'}",
    "export_location_path=%2Fnowhere", f"export_location_id={MISSING}",
    "is_soft_deleted=true", "is_soft_deleted=false", "with_count=true", "with_count=false",
    "availability_zone=nowhere", "mount_point_name=x",
    f"share_group_id={MISSING}", f"share_group_snapshot_id={MISSING}", "foo=bar",
    "share_proto=NFS", "size=2", "project_id={project:demo}", "all_tenants=1",
    "limit=1", "offset=1", "limit=1&offset=1", "limit=0", "offset=9",
    "sort_key=name", "sort_key=name&sort_dir=asc", "sort_key=size&sort_dir=asc",
    "sort_key=size", "sort_key=created_at&sort_dir=asc", "sort_key=display_name",
    "sort_dir=ASC",
)
# Filters whose answer depends on placement or random ids: key sets only.
KEYS_ONLY = ("availability_zone=nova", "sort_key=id&sort_dir=desc&limit=1",
             "sort_key=share_proto", "sort_key=host")
MALFORMED = (
    "sort_key=bogus", "sort_key=share_server_id", "sort_dir=sideways", "limit=abc",
    "limit=-1", "offset=abc", "offset=-1", "with_count=bogus", "is_soft_deleted=maybe",
    "metadata=notadict", "metadata={'a'", "extra_specs=notadict",
)
# Admin-only: a member's filter is dropped (the list unfiltered), an admin's applied.
ADMIN_ONLY = ("host=nowhere", f"share_server_id={MISSING}", "project_id={project:alt_demo}",
              "all_tenants=1", "all_tenants=0", "export_location_path=%2Fnowhere")


def _scope(mv: str) -> str:
    return f"name~={TOKEN}&" if at_least(mv, "2.36") else ""


def share_filters(mv: str) -> list[Step]:
    scope = _scope(mv)
    scoped = bool(scope)
    steps = [
        Step("demo", "GET", "/types/default", save={"default": "share_type.id"}),
        create_share(A, save="a", description=f"one {TOKEN}",
                     metadata={"fid": TOKEN, "x": "1"}),
        create_share(B, save="b", size=2, description=f"two {TOKEN}",
                     metadata={"fid": TOKEN}),
    ]
    for query in FILTERS:
        steps += [
            Step("demo", "GET", f"/shares?{query}", values=False, ignore=LOOSE),
            Step("demo", "GET", f"/shares/detail?{scope}{query}", values=scoped,
                 ignore=IGNORE if scoped else LOOSE),
            Step("admin", "GET", f"/shares/detail?all_tenants=1&{scope}{query}",
                 values=scoped, ignore=IGNORE if scoped else LOOSE),
        ]
    steps += [Step(actor, "GET", f"/shares/detail?{scope}{query}", values=False,
                   ignore=LOOSE)
              for query in MALFORMED + KEYS_ONLY for actor in ("demo", "admin")]
    for query in ADMIN_ONLY:
        steps += [Step(actor, "GET", f"/shares/detail?{scope}{query}", values=scoped,
                       ignore=IGNORE if scoped else LOOSE)
                  for actor in ("demo", "reader", "alt_demo", "admin")]
    steps += [
        Step("demo", "GET", f"/shares/detail?name={A}", ignore=IGNORE, note="exact name"),
        Step("demo", "GET", "/shares/", values=False, note="no id"),
        Step("demo", "GET", "/shares/detail/", values=False, note="no id"),
        Step("demo", "GET", "/shares/%20", note="blank id"),
        Step("demo", "GET", "/shares/not-a-uuid"),
        Step("alt_demo", "GET", "/shares/{a}/metadata"),
        Step("alt_demo", "GET", "/shares/{a}/metadata/fid"),
        Step("alt_demo", "DELETE", "/shares/{a}/metadata/fid"),
        Step("reader", "DELETE", "/shares/{a}/metadata/fid"),
        Step("reader", "PUT", "/shares/{a}/metadata", body={"metadata": {"r": "1"}}),
        Step("demo", "GET", f"/shares/{MISSING}/metadata"),
        Step("demo", "POST", f"/shares/{MISSING}/metadata", body={"metadata": {"k": "v"}}),
        Step("demo", "POST", "/shares/{a}/metadata", body={"metadata": {"": "v"}},
             note="empty key"),
        Step("demo", "POST", "/shares/{a}/metadata", body={"metadata": {"k" * 256: "v"}},
             note="long key"),
        Step("demo", "POST", "/shares/{a}/metadata", body={"meta": {"k": "v"}},
             note="no metadata key"),
        Step("demo", "PUT", "/shares/{a}/metadata/fid", body={"meta": {"fid": "new"}}),
        Step("demo", "PUT", "/shares/{a}/metadata/fid", body={"meta": {"other": "v"}},
             note="key and body differ"),
        Step("demo", "GET", "/shares/{a}/metadata", note="after the refusals"),
    ]
    if at_least(mv, "2.9"):
        steps += [
            Step("alt_demo", "GET", "/shares/{a}/export_locations"),
            Step("reader", "GET", "/shares/{a}/export_locations", values=False),
            Step("demo", "GET", f"/shares/{MISSING}/export_locations"),
            Step("demo", "GET", f"/shares/{{a}}/export_locations/{MISSING}"),
            Step("alt_demo", "GET", f"/shares/{{a}}/export_locations/{MISSING}"),
        ]
    steps += [delete_share("a"), delete_share("b")]
    return steps
