"""Share groups (GA 2.55): group types with their specs and project access;
a group, two shares in it, a group snapshot and its members, a group made
from that snapshot; as owner, reader, another tenant and admin."""

from __future__ import annotations

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.engine import ref
from manila_ui.tests.reference.scenarios.shares import create_share

VERSIONS = ("2.55", "2.58", "2.99")
GROUP_TYPE = "/share-group-types/{gtype}"
GROUP = "/share-groups/{group}"
GROUP_SNAPSHOT = "/share-group-snapshots/{gsnap}"
# Which pool (so which zone) the scheduler picked is not API behaviour.
PLACEMENT = frozenset({"availability_zone", "export_locations", "export_location"})


def _group_wait(var: str, until: tuple[str, ...] = ("available", "error"),
                via: tuple[str, ...] = ("creating",)) -> Wait:
    return Wait("/share-groups/" + ref(var), until, via=via, status="share_group.status")


def create_group(name: str, save: str = "group", **fields: object) -> Step:
    return Step("demo", "POST", "/share-groups",
                body={"share_group": {"name": name, **fields}}, save={save: "share_group.id"},
                wait=_group_wait(save), ignore=PLACEMENT)


def delete_group(var: str = "group") -> Step:
    return Step("demo", "DELETE", "/share-groups/" + ref(var),
                wait=_group_wait(var, ("gone", "error_deleting"), ("deleting",)))


def delete_member_share(share: str, group: str = "group") -> Step:
    path = "/shares/" + ref(share)
    return Step("demo", "DELETE", f"{path}?share_group_id={ref(group)}",
                wait=Wait(path, ("gone", "error_deleting"), via=("deleting",)))


def group_types(mv: str) -> list[Step]:
    name = f"gtype-{TOKEN}-{MV}"
    specs = GROUP_TYPE + "/group-specs"
    add, remove = "addProjectAccess", "removeProjectAccess"
    body = {"share_group_type": {"name": name, "is_public": False, "share_types": ["default"],
                                 "group_specs": {"consistent_snapshot_support": "pool"}}}
    steps = [
        # Listings may hold other runs' types: keys only.
        Step("demo", "GET", "/share-group-types", values=False),
        Step("admin", "GET", "/share-group-types?is_public=all", values=False),
        Step("demo", "GET", "/share-group-types/default", save={"default": "share_group_type.id"}),
        Step("reader", "GET", "/share-group-types/default"),
        Step("demo", "GET", "/share-group-types/{default}"),
        Step("demo", "GET", f"/share-group-types/{MISSING}"),
        Step("admin", "POST", "/share-group-types", body=body,
             save={"gtype": "share_group_type.id"}),
        Step("admin", "GET", GROUP_TYPE),
        Step("demo", "GET", GROUP_TYPE, note="private, no access"),
        Step("demo", "POST", "/share-group-types", body=body, note="a member"),
        Step("admin", "POST", "/share-group-types", body=body, note="the same name"),
        Step("admin", "POST", "/share-group-types",
             body={"share_group_type": {"name": f"notypes-{TOKEN}"}}, note="no share types"),
        Step("admin", "POST", "/share-group-types",
             body={"share_group_type": {"share_types": ["default"]}}, note="no name"),
        Step("admin", "POST", "/share-group-types",
             body={"share_group_type": {"name": f"badspec-{TOKEN}", "share_types": ["default"],
                                        "group_specs": {"k": 1}}}, note="a spec not text"),
        Step("admin", "POST", "/share-group-types",
             body={"share_group_type": {"name": f"nostype-{TOKEN}",
                                        "share_types": ["no-such-type"]}},
             note="an unknown share type"),
        Step("admin", "POST", "/share-group-types", body={"group_type": {}}, note="no entity"),
        # Project access of the private type.
        Step("admin", "GET", GROUP_TYPE + "/access"),
        Step("demo", "GET", GROUP_TYPE + "/access"),
        Step("admin", "POST", GROUP_TYPE + "/action", body={add: {"project": "{project:demo}"}}),
        Step("admin", "POST", GROUP_TYPE + "/action", body={add: {"project": "{project:demo}"}},
             note="again"),
        Step("admin", "GET", GROUP_TYPE + "/access", note="with demo"),
        Step("demo", "GET", GROUP_TYPE, note="private, with access"),
        Step("demo", "GET", "/share-group-types", values=False, note="with access"),
        Step("alt_demo", "GET", GROUP_TYPE, note="private, another project"),
        Step("demo", "POST", GROUP_TYPE + "/action", body={add: {"project": "{project:alt_demo}"}}),
        Step("admin", "POST", GROUP_TYPE + "/action", body={add: {"project": "not-a-uuid"}}),
        Step("admin", "POST", f"/share-group-types/{MISSING}/action",
             body={add: {"project": "{project:demo}"}}, note="a missing type"),
        Step("admin", "POST", "/share-group-types/{default}/action",
             body={add: {"project": "{project:demo}"}}, note="a public type"),
        Step("admin", "GET", "/share-group-types/{default}/access", note="a public type"),
        Step("admin", "POST", GROUP_TYPE + "/action",
             body={remove: {"project": "{project:demo}"}}),
        Step("admin", "POST", GROUP_TYPE + "/action",
             body={remove: {"project": "{project:demo}"}}, note="again"),
        # Group specs.
        Step("admin", "GET", specs),
        Step("demo", "GET", specs),
        Step("admin", "POST", specs, body={"group_specs": {"foo": "bar", "flag": True}}),
        Step("admin", "GET", specs + "/foo"),
        Step("admin", "GET", specs + "/nokey"),
        Step("admin", "PUT", specs + "/foo", body={"foo": "baz"}),
        Step("admin", "PUT", specs + "/foo", body={"other": "baz"}, note="key and body differ"),
        Step("admin", "PUT", specs + "/foo", body={"foo": "a", "b": "c"}, note="two items"),
        Step("admin", "POST", specs, body={"group_specs": {"bad key": "v"}}),
        Step("admin", "POST", specs, body={"group_specs": {"k": ""}}, note="an empty value"),
        Step("admin", "POST", specs, body={"specs": {}}, note="no group_specs"),
        Step("demo", "POST", specs, body={"group_specs": {"foo": "member"}}),
        Step("admin", "GET", specs, note="after the changes"),
        Step("admin", "DELETE", specs + "/foo"),
        Step("admin", "DELETE", specs + "/foo", note="again"),
        Step("admin", "GET", f"/share-group-types/{MISSING}/group-specs"),
        Step("admin", "GET", "/share-group-types?is_public=false&group_specs="
             "{'consistent_snapshot_support':'pool'}", values=False),
        # A share type a group type supports is in use.
        Step("admin", "POST", "/types", save={"stype": "share_type.id"}, body={"share_type": {
            "name": f"gstype-{TOKEN}-{MV}", "share_type_access:is_public": True,
            "extra_specs": {"driver_handles_share_servers": "False"}}}),
        Step("admin", "POST", "/share-group-types", save={"gtype2": "share_group_type.id"},
             body={"share_group_type": {"name": f"gtype2-{TOKEN}-{MV}",
                                        "share_types": ["{stype}"]}}),
        Step("admin", "DELETE", "/types/{stype}", note="in use by a group type"),
        Step("admin", "DELETE", "/share-group-types/{gtype2}"),
        Step("admin", "DELETE", "/types/{stype}"),
        Step("demo", "DELETE", GROUP_TYPE),
        Step("admin", "DELETE", GROUP_TYPE),
        Step("admin", "GET", GROUP_TYPE, note="deleted"),
        Step("admin", "DELETE", GROUP_TYPE, note="again"),
    ]
    return steps


def share_groups(mv: str) -> list[Step]:
    name = f"group-{TOKEN}-{MV}"
    listing = f"/share-groups?name={name}"
    steps = [
        create_group(name, description="differential"),
        Step("demo", "GET", GROUP, ignore=PLACEMENT),
        Step("demo", "GET", listing),
        Step("demo", "GET", f"/share-groups/detail?name={name}", ignore=PLACEMENT),
        Step("demo", "GET", f"/share-groups/detail?name={name}&status=available&limit=1&offset=0"
             "&sort_key=name&sort_dir=asc", ignore=PLACEMENT),
        Step("demo", "GET", "/share-groups?name~=" + name[:-2], values=False),
        Step("demo", "GET", "/share-groups?marker={group}", note="marker is no filter here"),
        Step("demo", "GET", "/share-groups?sort_key=bogus"),
        Step("demo", "GET", "/share-groups?sort_dir=sideways"),
        Step("reader", "GET", GROUP, ignore=PLACEMENT),
        Step("reader", "GET", listing),
        Step("alt_demo", "GET", GROUP),
        Step("alt_demo", "GET", listing),
        Step("admin", "GET", GROUP, ignore=PLACEMENT),
        Step("admin", "GET", listing, note="own project only"),
        Step("admin", "GET", f"/share-groups/detail?all_tenants=1&name={name}",
             ignore=PLACEMENT),
        Step("demo", "GET", f"/share-groups/{MISSING}"),
        Step("demo", "PUT", GROUP, body={"share_group": {"description": "renamed"}},
             ignore=PLACEMENT),
        Step("demo", "PUT", GROUP, body={"share_group": {"status": "error"}},
             note="a field not to update"),
        Step("demo", "PUT", GROUP, body={"group": {}}, note="no entity"),
        Step("reader", "PUT", GROUP, body={"share_group": {"description": "reader"}}),
        Step("alt_demo", "PUT", GROUP, body={"share_group": {"description": "alt"}}),
        # What a create refuses, in Manila's order.
        Step("reader", "POST", "/share-groups", body={"share_group": {}}),
        Step("demo", "POST", "/share-groups", body={"share_group": {"size": 1}},
             note="an unknown field"),
        Step("demo", "POST", "/share-groups", body={"share_group": {
            "share_types": [MISSING], "source_share_group_snapshot_id": MISSING}},
             note="types and a source"),
        Step("demo", "POST", "/share-groups", body={"share_group": {"share_types": ["x"]}},
             note="a type that is no uuid"),
        Step("demo", "POST", "/share-groups", body={"share_group": {"share_types": [MISSING]}},
             note="an unknown share type"),
        Step("demo", "POST", "/share-groups",
             body={"share_group": {"share_group_type_id": MISSING}}, note="an unknown group type"),
        Step("demo", "POST", "/share-groups",
             body={"share_group": {"share_group_type_id": "nope"}}, note="a group type no uuid"),
        Step("demo", "POST", "/share-groups",
             body={"share_group": {"availability_zone": "nowhere"}}, note="an unknown zone"),
        Step("demo", "POST", "/share-groups", body={"share_group": {"share_network_id": MISSING}},
             note="an unknown network"),
        Step("demo", "POST", "/share-groups",
             body={"share_group": {"source_share_group_snapshot_id": MISSING}},
             note="an unknown source"),
        Step("demo", "POST", "/share-groups", body={"group": {}}, note="no entity"),
        # Two shares in the group.
        create_share(f"member1-{TOKEN}-{MV}", save="m1", share_group_id="{group}"),
        create_share(f"member2-{TOKEN}-{MV}", save="m2", share_group_id="{group}", size=2),
        Step("demo", "GET", "/shares?share_group_id={group}", unordered=True),
        Step("demo", "GET", "/shares/detail?share_group_id={group}&sort_key=size&sort_dir=asc",
             ignore=PLACEMENT),
        Step("demo", "GET", "/shares/{m1}", ignore=PLACEMENT),
        Step("demo", "POST", "/shares", body={"share": {
            "share_proto": "NFS", "size": 1, "share_group_id": "{group}",
            "share_type": "dhss_false"}}, note="a type the group has not"),
        Step("demo", "POST", "/shares", body={"share": {
            "share_proto": "NFS", "size": 1, "share_group_id": MISSING}}, note="no such group"),
        Step("alt_demo", "POST", "/shares", body={"share": {
            "share_proto": "NFS", "size": 1, "share_group_id": "{group}"}},
             note="another project's group"),
        Step("demo", "DELETE", "/shares/{m1}", note="without its group"),
        Step("demo", "DELETE", f"/shares/{{m1}}?share_group_id={MISSING}", note="another group"),
        Step("demo", "DELETE", GROUP, note="a group with shares"),
        # A group snapshot: every share at one point in time.
        Step("reader", "POST", "/share-group-snapshots",
             body={"share_group_snapshot": {"share_group_id": "{group}"}}),
        Step("demo", "POST", "/share-group-snapshots",
             body={"share_group_snapshot": {"share_group_id": "{group}", "name": f"gs-{TOKEN}",
                                            "description": "differential"}},
             save={"gsnap": "share_group_snapshot.id"},
             wait=Wait(GROUP_SNAPSHOT, ("available", "error"), via=("creating",),
                       status="share_group_snapshot.status")),
        Step("demo", "GET", GROUP_SNAPSHOT, unordered=True),
        Step("demo", "GET", GROUP_SNAPSHOT + "/members", unordered=True),
        Step("demo", "GET", f"/share-group-snapshots?name=gs-{TOKEN}"),
        Step("demo", "GET", "/share-group-snapshots/detail?share_group_id={group}",
             unordered=True),
        Step("demo", "GET", "/share-group-snapshots?name~=gs", note="no like filter here"),
        Step("demo", "GET", "/share-group-snapshots?sort_key=bogus"),
        Step("reader", "GET", GROUP_SNAPSHOT, unordered=True),
        Step("alt_demo", "GET", GROUP_SNAPSHOT),
        Step("alt_demo", "GET", f"/share-group-snapshots?name=gs-{TOKEN}"),
        Step("admin", "GET", GROUP_SNAPSHOT, unordered=True),
        Step("admin", "GET", f"/share-group-snapshots/detail?all_tenants=1&name=gs-{TOKEN}",
             unordered=True),
        Step("demo", "PUT", GROUP_SNAPSHOT, unordered=True,
             body={"share_group_snapshot": {"name": f"gs-{TOKEN}", "description": "renamed"}}),
        Step("demo", "PUT", GROUP_SNAPSHOT, body={"share_group_snapshot": {"status": "x"}},
             note="a field not to update"),
        Step("reader", "PUT", GROUP_SNAPSHOT, body={"share_group_snapshot": {"name": "r"}}),
        Step("alt_demo", "DELETE", GROUP_SNAPSHOT),
        Step("demo", "GET", f"/share-group-snapshots/{MISSING}"),
        Step("demo", "POST", "/share-group-snapshots", body={"share_group_snapshot": {}},
             note="no group"),
        Step("demo", "POST", "/share-group-snapshots",
             body={"share_group_snapshot": {"share_group_id": "x"}}, note="a group no uuid"),
        Step("demo", "POST", "/share-group-snapshots",
             body={"share_group_snapshot": {"share_group_id": MISSING}}, note="no such group"),
        Step("demo", "DELETE", "/shares/{m1}?share_group_id={group}",
             note="a share with a group snapshot member"),
        Step("demo", "DELETE", GROUP, note="a group with a snapshot"),
        # A new group from the group snapshot: one new share per member.
        Step("demo", "POST", "/share-groups", body={"share_group": {
            "source_share_group_snapshot_id": "{gsnap}", "availability_zone": "nova"}},
             note="a source and a zone"),
        Step("demo", "POST", "/share-groups", body={"share_group": {
            "source_share_group_snapshot_id": "{gsnap}", "share_network_id": MISSING}},
             note="a source and a network"),
        create_group(f"copy-{TOKEN}-{MV}", save="copy",
                     source_share_group_snapshot_id="{gsnap}"),
        Step("demo", "GET", "/share-groups/{copy}", ignore=PLACEMENT),
        Step("demo", "GET", "/shares/detail?share_group_id={copy}&sort_key=size",
             ignore=PLACEMENT),
        # Admin actions.
        Step("demo", "POST", GROUP_SNAPSHOT + "/action",
             body={"reset_status": {"status": "error"}}),
        Step("admin", "POST", GROUP_SNAPSHOT + "/action",
             body={"reset_status": {"status": "error"}}),
        Step("demo", "GET", GROUP_SNAPSHOT, note="after reset_status", unordered=True),
        Step("admin", "POST", GROUP_SNAPSHOT + "/action",
             body={"reset_status": {"status": "bogus"}}),
        Step("admin", "POST", GROUP_SNAPSHOT + "/action", body={"reset_status": {}}),
        Step("demo", "POST", GROUP + "/action", body={"reset_status": {"status": "error"}}),
        Step("admin", "POST", f"/share-groups/{MISSING}/action",
             body={"reset_status": {"status": "error"}}),
        Step("admin", "POST", GROUP + "/action", body={"reset_status": {"status": "error"}}),
        Step("demo", "GET", GROUP, note="after reset_status", ignore=PLACEMENT),
        Step("admin", "POST", GROUP + "/action", body={"reset_status": {"status": "available"}}),
        Step("demo", "POST", GROUP + "/action", body={"force_delete": None}),
        Step("demo", "POST", GROUP + "/action", body={"bogus": None}),
        # Clean up, in the order Manila allows.
        Step("demo", "DELETE", GROUP_SNAPSHOT,
             wait=Wait(GROUP_SNAPSHOT, ("gone", "error_deleting"), via=("deleting",),
                       status="share_group_snapshot.status")),
        Step("demo", "GET", GROUP_SNAPSHOT, note="deleted"),
        Step("admin", "POST", GROUP + "/action", body={"force_delete": None},
             note="a group with shares"),
        Step("demo", "GET", "/shares?share_group_id={copy}", save={"c1": "shares.0.id",
                                                                   "c2": "shares.1.id"},
             unordered=True),
        delete_member_share("c1", "copy"),
        delete_member_share("c2", "copy"),
        delete_group("copy"),
        delete_member_share("m1"),
        delete_member_share("m2"),
        delete_group(),
        Step("demo", "GET", GROUP, note="deleted"),
        # A forced delete of an empty group (admin).
        create_group(f"forced-{TOKEN}-{MV}", save="forced"),
        Step("admin", "POST", "/share-groups/{forced}/action", body={"force_delete": {}}),
        Step("demo", "GET", "/share-groups/{forced}", note="force deleted"),
    ]
    if at_least(mv, "2.58"):
        steps.append(Step("demo", "GET", "/limits", values=False, note="group quotas"))
    if at_least(mv, "2.77"):
        at = steps.index(next(s for s in steps if s.note == "without its group"))
        steps.insert(at, Step("demo", "POST", "/share-transfers",
                              body={"transfer": {"share_id": "{m1}"}},
                              note="a share in a group"))
    return steps
