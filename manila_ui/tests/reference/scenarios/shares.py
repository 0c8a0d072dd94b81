"""Shares: create, show, list, update, deny the others, delete; a few share actions."""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.engine import action
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.engine import ref

# Values that depend on which pool the scheduler picked or how many export
# paths the driver gives, not on the API.
PLACEMENT = frozenset({"availability_zone", "export_locations", "export_location"})
SHOW = "/shares/{share}"


def create_share(name: str, save: str = "share", **extra: object) -> Step:
    """demo creates a 1 GiB NFS share and waits until it is available."""
    body = {"share": {"share_proto": "NFS", "size": 1, "name": name, **extra}}
    return Step(
        "demo",
        "POST",
        "/shares",
        body=body,
        save={save: "share.id"},
        wait=Wait("/shares/" + ref(save), ("available", "error"), via=("creating",)),
        ignore=PLACEMENT,
    )


def delete_share(var: str = "share", actor: str = "demo") -> Step:
    path = "/shares/" + ref(var)
    return Step(actor, "DELETE", path,
                wait=Wait(path, ("gone", "error_deleting"), via=("deleting",)))


def shares(mv: str) -> list[Step]:
    """Create, show, list, deny the others, delete, as owner, reader, another tenant, admin."""
    name = f"diff-{TOKEN}-{MV}"
    listing = f"/shares?name={name}"
    detail = f"/shares/detail?name={name}"
    steps = [
        create_share(name, description="differential", metadata={"k": "v"}),
        Step("demo", "GET", SHOW, ignore=PLACEMENT),
        Step("demo", "GET", listing),
        Step("demo", "GET", detail, ignore=PLACEMENT),
        Step("reader", "GET", SHOW, ignore=PLACEMENT),
        Step("reader", "GET", listing),
        Step("alt_demo", "GET", SHOW),
        Step("alt_demo", "GET", listing),
        Step("admin", "GET", SHOW, ignore=PLACEMENT),
        Step("admin", "GET", f"/shares/detail?all_tenants=1&name={name}", ignore=PLACEMENT),
        Step(
            "demo", "GET", f"/shares?name={name}&limit=1&offset=0&sort_key=created_at&sort_dir=desc"
        ),
        Step("demo", "GET", f"/shares/detail?name={name}&with_count=true", ignore=PLACEMENT),
        Step("demo", "GET", "/shares?sort_key=bogus"),
        Step("demo", "GET", "/shares?sort_dir=sideways"),
        Step("demo", "GET", SHOW + "/metadata"),
        Step("demo", "POST", SHOW + "/metadata", body={"metadata": {"k2": "v2"}}),
        Step("demo", "GET", SHOW + "/metadata/k2"),
        Step("demo", "DELETE", SHOW + "/metadata/k2"),
        Step("demo", "DELETE", SHOW + "/metadata/nokey"),
        Step("reader", "POST", SHOW + "/metadata", body={"metadata": {"k3": "v3"}}),
        Step("demo", "PUT", SHOW, body={"share": {"display_description": "updated"}},
             ignore=PLACEMENT),
        Step("reader", "PUT", SHOW, body={"share": {"display_description": "reader"}}),
        Step("demo", "GET", f"/shares/{MISSING}"),
        Step("demo", "POST", "/shares",
             body={"share": {"share_proto": "NFS", "size": 1, "share_type": "no-such-type"}}),
        Step("reader", "DELETE", SHOW),
        Step("alt_demo", "DELETE", SHOW),
        Step("demo", "POST", "/shares", raw_body=b"{not json"),
        Step("demo", "POST", "/shares", body={"share": {"share_proto": "NFS", "size": 0}}),
        Step("demo", "POST", "/shares", body={"share": {"share_proto": "XYZ", "size": 1}}),
        # The dashboard's actions: extend and shrink (member), reset (admin only).
        Step("demo", "POST", SHOW + "/action", body={action(mv, "extend"): {"new_size": 2}},
             wait=Wait(SHOW, ("available", "extending_error"), via=("extending",))),
        Step("demo", "POST", SHOW + "/action", body={action(mv, "extend"): {"new_size": 1}}),
        Step("demo", "POST", SHOW + "/action", body={action(mv, "shrink"): {"new_size": 1}},
             wait=Wait(SHOW, ("available", "shrinking_error"), via=("shrinking",))),
        Step("demo", "POST", SHOW + "/action", body={action(mv, "shrink"): {"new_size": 1}}),
        Step("demo", "POST", SHOW + "/action",
             body={action(mv, "reset_status"): {"status": "error"}}),
        Step("alt_demo", "POST", SHOW + "/action", body={action(mv, "extend"): {"new_size": 3}}),
        Step("demo", "POST", SHOW + "/action", body={"no_such_action": None}),
        Step("admin", "POST", SHOW + "/action",
             body={action(mv, "reset_status"): {"status": "error"}}),
        Step("demo", "GET", SHOW, ignore=PLACEMENT, note="after reset_status"),
        Step("admin", "POST", SHOW + "/action",
             body={action(mv, "reset_status"): {"status": "available"}}),
        delete_share(),
        Step("demo", "GET", SHOW),
    ]
    if mv != "2.0":
        steps.insert(2, Step("demo", "GET", SHOW + "/export_locations", ignore=PLACEMENT))
    if mv == "2.0":
        steps.insert(2, Step("demo", "GET", "/{project:demo}" + SHOW, ignore=PLACEMENT,
                             note="URL with the project id"))
    if at_least(mv, "2.69"):
        # The recycle bin: soft delete, list it, restore.
        steps[-2:-2] = [
            Step("demo", "POST", SHOW + "/action", body={"soft_delete": None}),
            Step("demo", "GET", f"/shares/detail?is_soft_deleted=true&name={name}",
                 ignore=PLACEMENT),
            Step("demo", "GET", SHOW, ignore=PLACEMENT, note="soft deleted"),
            Step("demo", "POST", SHOW + "/action", body={"restore": None}),
            Step("demo", "GET", SHOW, ignore=PLACEMENT, note="restored"),
        ]
    return steps
