"""Share types (admin), their extra specs and project access."""

from __future__ import annotations

from typing import Any

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import at_least

TYPE = "/types/{type}"


def public_key(mv: str) -> str:
    return ("share_type_access:is_public" if at_least(mv, "2.7")
            else "os-share-type-access:is_public")


def type_body(mv: str, name: str, public: bool = True, **specs: str) -> dict[str, Any]:
    body: dict[str, Any] = {"name": name, public_key(mv): public,
                            "extra_specs": {"driver_handles_share_servers": "False", **specs}}
    if at_least(mv, "2.41"):
        body["description"] = "differential"
    return {"share_type": body}


def create_type(mv: str, name: str, save: str = "type", public: bool = True,
                **specs: str) -> Step:
    return Step("admin", "POST", "/types", body=type_body(mv, name, public, **specs),
                save={save: "share_type.id"})


def share_types(mv: str) -> list[Step]:
    name = f"type-{TOKEN}-{MV}"
    steps = [
        # Listings hold the types others made too: keys only.
        Step("demo", "GET", "/types", values=False),
        Step("demo", "GET", "/types?is_public=all", values=False),
        Step("admin", "GET", "/types?is_public=all", values=False),
        Step("demo", "GET", "/types/default", save={"default": "share_type.id"}),
        Step("demo", "GET", "/types/{default}"),
        Step("reader", "GET", "/types/default"),
        Step("demo", "GET", f"/types/{MISSING}"),
        create_type(mv, name, snapshot_support="True"),
        Step("admin", "GET", TYPE),
        Step("demo", "GET", TYPE, note="public type"),
        Step("admin", "GET", "/types?extra_specs={'snapshot_support':'True'}&is_public=all",
             values=False),
        Step("demo", "POST", "/types", body=type_body(mv, f"member-{TOKEN}")),
        Step("admin", "POST", "/types", body=type_body(mv, name), note="the same name"),
        Step("admin", "POST", "/types", body={"share_type": {"name": f"nodhss-{TOKEN}",
                                                            "extra_specs": {}}},
             note="no driver_handles_share_servers"),
        Step("admin", "POST", "/types",
             body=type_body(mv, f"badbool-{TOKEN}", snapshot_support="maybe"),
             note="a boolean spec that is not one"),
        Step("admin", "POST", "/types", body={"share_type": {"extra_specs": {
            "driver_handles_share_servers": "False"}}}, note="no name"),
        Step("demo", "DELETE", TYPE),
        Step("admin", "DELETE", TYPE),
        Step("admin", "GET", TYPE),
        Step("admin", "DELETE", TYPE, note="again"),
    ]
    if at_least(mv, "2.50"):
        steps[-4:-4] = [
            Step("admin", "PUT", TYPE, body={"share_type": {"description": "updated"}}),
            Step("admin", "PUT", TYPE, body={"share_type": {"name": "default"}},
                 note="a name in use"),
            Step("demo", "PUT", TYPE, body={"share_type": {"description": "member"}}),
            Step("admin", "PUT", TYPE, body={"share_type": {}}, note="nothing to change"),
            Step("admin", "PUT", TYPE, body={"share_type": {"name": "  "}},
                 note="a blank name"),
            Step("admin", "PUT", TYPE, body={"share_type": {"description": "d" * 256}},
                 note="a long description"),
            Step("admin", "PUT", TYPE,
                 body={"share_type": {"share_type_access:is_public": "maybe"}},
                 note="not a boolean"),
            Step("admin", "PUT", TYPE, body={"volume_type": {
                "share_type_access:is_public": "false", "description": ""}},
                 note="private, description cleared"),
            Step("demo", "GET", TYPE, note="made private"),
            Step("admin", "PUT", f"/types/{MISSING}", body={"share_type": {"name": "x"}}),
        ]
    else:
        steps[-4:-4] = [
            Step("admin", "PUT", TYPE, body={"share_type": {"description": "updated"}},
                 note="before 2.50"),
        ]
    return steps


def extra_specs(mv: str) -> list[Step]:
    specs = TYPE + "/extra_specs"
    return [
        create_type(mv, f"specs-{TOKEN}-{MV}"),
        Step("admin", "GET", specs),
        Step("demo", "GET", specs),
        Step("admin", "POST", specs,
             body={"extra_specs": {"foo": "bar", "snapshot_support": "True"}}),
        Step("admin", "GET", specs + "/foo"),
        Step("admin", "PUT", specs + "/foo", body={"foo": "baz"}),
        Step("admin", "PUT", specs + "/foo", body={"other": "baz"}, note="key and body differ"),
        Step("admin", "GET", specs + "/nokey"),
        Step("admin", "POST", specs, body={"extra_specs": {"snapshot_support": "maybe"}}),
        Step("admin", "POST", specs, body={"extra_specs": {"": "empty key"}}),
        Step("demo", "POST", specs, body={"extra_specs": {"foo": "member"}}),
        Step("admin", "DELETE", specs + "/foo"),
        Step("admin", "DELETE", specs + "/foo", note="again"),
        Step("admin", "DELETE", specs + "/driver_handles_share_servers"),
        Step("admin", "GET", specs, note="after the changes"),
        Step("admin", "GET", TYPE),
        Step("admin", "DELETE", TYPE),
    ]


def type_access(mv: str) -> list[Step]:
    listing = TYPE + ("/share_type_access" if at_least(mv, "2.7") else "/os-share-type-access")
    add, remove = "addProjectAccess", "removeProjectAccess"
    return [
        create_type(mv, f"private-{TOKEN}-{MV}", public=False),
        Step("admin", "GET", TYPE),
        Step("demo", "GET", TYPE, note="private, no access"),
        Step("demo", "GET", "/types", values=False),
        Step("demo", "POST", "/shares", body={"share": {
            "share_proto": "NFS", "size": 1, "share_type": "{type}"}},
             note="a private type without access"),
        Step("admin", "GET", listing),
        Step("demo", "GET", listing),
        Step("admin", "POST", TYPE + "/action", body={add: {"project": "{project:demo}"}}),
        Step("admin", "POST", TYPE + "/action", body={add: {"project": "{project:demo}"}},
             note="again"),
        Step("admin", "GET", listing, note="with demo"),
        Step("demo", "GET", TYPE, note="private, with access"),
        Step("demo", "POST", TYPE + "/action", body={add: {"project": "{project:alt_demo}"}}),
        Step("admin", "POST", TYPE + "/action", body={add: {}}),
        Step("admin", "POST", TYPE + "/action", body={add: {"project": "not-a-uuid"}}),
        Step("alt_demo", "GET", TYPE, note="private, another project"),
        Step("admin", "POST", f"/types/{MISSING}/action",
             body={add: {"project": "{project:demo}"}}, note="a missing type"),
        Step("admin", "GET", TYPE + ("/os-share-type-access" if at_least(mv, "2.7")
                                     else "/share_type_access"), note="the other URL"),
        Step("admin", "POST", TYPE + "/action", body={remove: {"project": "{project:demo}"}}),
        Step("admin", "POST", TYPE + "/action", body={remove: {"project": "{project:demo}"}},
             note="again"),
        Step("admin", "GET", "/types/default/share_type_access" if at_least(mv, "2.7")
             else "/types/default/os-share-type-access", note="a public type"),
        Step("admin", "DELETE", TYPE),
    ]


def boolean_specs(mv: str) -> list[Step]:
    """Extra specs sent as JSON booleans or in any case: what each call echoes
    and what a later GET reads back (create, set and put store them apart)."""
    specs = TYPE + "/extra_specs"
    body = type_body(mv, f"bools-{TOKEN}-{MV}")
    body["share_type"]["extra_specs"] = {
        "driver_handles_share_servers": False, "snapshot_support": "TRUE",
        "mount_snapshot_support": True, "create_share_from_snapshot_support": "yes",
        "custom:flag": True}
    return [
        Step("admin", "POST", "/types", body=body, save={"type": "share_type.id"}),
        Step("admin", "GET", TYPE, note="created with booleans"),
        Step("demo", "GET", TYPE, note="created with booleans"),
        Step("admin", "POST", specs, body={"extra_specs": {
            "revert_to_snapshot_support": False, "custom:other": True,
            "snapshot_support": "False"}}),
        Step("admin", "PUT", specs + "/custom:put", body={"custom:put": True}),
        Step("admin", "POST", specs, body={"extra_specs": {"custom:int": 1}},
             note="a number is neither text nor a boolean"),
        Step("admin", "GET", specs, note="set with booleans"),
        Step("admin", "GET", specs + "/custom:put"),
        Step("demo", "GET", TYPE, note="set with booleans"),
        Step("admin", "GET", "/types?extra_specs={'custom:other':'true'}&is_public=all",
             values=False, note="filtered by a boolean spec"),
        Step("admin", "DELETE", TYPE),
    ]
