"""Hypothesis strategies for hostile requests to the backend (test_fuzz.py).

A request is a route and method the router serves (the route table itself is
the list, so a new route is fuzzed without a change here), a caller, a
microversion, path arguments, a query string and a body.  Bodies start from a
valid template where one is known (so the request reaches the service and the
database) and have some of their values swapped for hostile ones; the rest
are random JSON or raw bytes no JSON parser should choke on.
"""

from __future__ import annotations

import dataclasses
import json
import urllib.parse
import uuid
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from manila_ui.backend.rest import microversion

# noauth tokens: user:project[:roles]; project ids are hex, as Keystone's
# (a /v2/<project>/... URL takes nothing else).
USERS = {
    "admin": "admin:ad000000000000000000000000000001",
    "demo": "demo:de000000000000000000000000000002",
    "alt_demo": "alt_demo:a1000000000000000000000000000003",
    "reader": "reader:de000000000000000000000000000002:reader",
}
VERSIONS = ("2.0", "2.6", "2.7", "2.40", "2.45", "2.51", "2.63", "2.69", "2.73",
            "2.79", "2.81", "2.87", "2.88", str(microversion.MAX))
HOSTILE_VERSIONS = ("2." + "9" * 5000, "2.99999999999999999999", "latest", "2.\u00b2",
                    "2.-1", " 2.5 ", "3.0", "", "2.5.1")

BIG = 10 ** 4000          # as many digits as Python still prints
HOSTILE_NUMBERS: tuple[Any, ...] = (0, -1, 1, 2 ** 31, 2 ** 63, 10 ** 30, BIG, -BIG,
                                    1.5, 1e308, float("inf"), float("nan"), True)
HOSTILE_TEXTS = ("", " ", "\u00b2", "\u0663", "9" * 5000, "x" * 300, "x" * 70_000,
                 "\ud800", "a\udfffb", "a\x00b", "%FF", "'; DROP TABLE shares; --",
                 "<script>", "10.0.0.0/8", "::/0", "None", "true", "-1",
                 str(2 ** 64), "\u2603\U0001f600", "../../etc/passwd")
# Raw bodies a JSON parser or the layers after it must refuse cleanly.
RAW_BODIES = (b"[" * 100_000, b'{"a":' * 20_000, b'{"share": ', b"\xff\xfe\xfd",
              b'{"name": "\xff"}', b'{"quota_set": {"shares": 1e999}}', b"NaN",
              b'{"share": {"size": ' + b"9" * 5000 + b"}}", b'{"a": "\\ud800"}',
              b"", b"null", b"[]", b'"text"', b"{}", b'{"a": 1}' * 3)
# Path segments besides real ids; percent escapes go in raw.
HOSTILE_SEGMENTS = ("%FF", "%00", "%ED%A0%80", "x" * 300, "..", "%2F", "detail",
                    "default", "9" * 30, "%C2%B2", "a%20b")
QUERY_KEYS = ("limit", "offset", "sort_key", "sort_dir", "with_count", "name", "name~",
              "description~", "status", "size", "share_id", "snapshot_id", "metadata",
              "extra_specs", "all_tenants", "project_id", "is_public", "created_since",
              "created_before", "share_network_id", "share_server_id",
              "security_service_id", "access_type", "access_to", "access_level",
              "resource_id", "resource_type", "resource_action", "lock_reason",
              "all_projects", "user_id", "share_type", "share_type_id", "host",
              "export_location_id", "is_soft_deleted", "availability_zone",
              "message_level", "ip_version", "segmentation_id", "detailed", "key")


# Which answers hold the ids a path argument takes.
KINDS = {
    "share_id": "share", "snapshot_id": "snapshot", "share_network_id": "share_network",
    "security_service_id": "security_service", "share_type_id": "share_type",
    "share_access_id": "access", "lock_id": "resource_lock", "transfer_id": "transfer",
    "share_server_id": "share_server", "message_id": "message",
    "export_location_id": "export_location",
    "share_network_subnet_id": "share_network_subnet",
    "quota_project_id": "project", "class_name": "quota_class", "key": "key",
    "share_group_id": "share_group", "share_group_snapshot_id": "share_group_snapshot",
    "share_group_type_id": "share_group_type",
    "backup_id": "share_backup", "qos_type_id": "qos_type",
    "share_replica_id": "share_replica", "share_instance_id": "share_instance",
    "snapshot_instance_id": "snapshot_instance",
}
# Answer keys that name a kind differently (lists, Manila's old names).
ALIASES = {"shares": "share", "snapshots": "snapshot", "share_networks": "share_network",
           "security_services": "security_service", "share_types": "share_type",
           "volume_type": "share_type", "volume_types": "share_type",
           "access_list": "access",
           "resource_locks": "resource_lock", "transfers": "transfer",
           "share_servers": "share_server", "messages": "message",
           "export_locations": "export_location",
           "share_network_subnets": "share_network_subnet",
           "share_groups": "share_group", "share_group_snapshots": "share_group_snapshot",
           "share_group_types": "share_group_type",
           "share_backups": "share_backup", "qos_types": "qos_type",
           "share_replicas": "share_replica", "share_instances": "share_instance",
           "snapshot_instances": "snapshot_instance"}
LIMIT = 60    # ids kept per kind, so the early ones stay likely


class Ids:
    """The ids the fuzz knows, by kind; they grow as it creates things."""

    def __init__(self) -> None:
        self.kinds: dict[str, list[str]] = {}

    def add(self, kind: str, value: str) -> None:
        found = self.kinds.setdefault(ALIASES.get(kind, kind), [])
        if value not in found and len(found) < LIMIT:
            found.append(value)

    def learn(self, body: Any) -> None:
        """Every id in an answer (``{"share": {...}}``, ``{"shares": [...]}``)."""
        if not isinstance(body, dict):
            return
        for kind, value in body.items():
            items = value if isinstance(value, list) else [value]
            for item in items:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    self.add(kind, item["id"])
                    for sub in ("share_network_subnets", "export_locations"):
                        self.learn({sub: item.get(sub)})

    def every(self) -> list[str]:
        return [value for values in self.kinds.values() for value in values]


def _pick(values: list[str], index: int) -> str:
    return values[index % len(values)] if values else str(uuid.UUID(int=index))


def _id_value(ids: Ids, kind: str | None = None) -> st.SearchStrategy[str]:
    """One known id (of ``kind``).  The lists grow while the fuzz runs, so
    draw an index in a fixed range: Hypothesis wants the same draws for the
    same choices."""
    return st.integers(0, 255).map(
        lambda i: _pick(ids.kinds.get(kind, []) if kind else ids.every(), i))


def hostile_value(ids: Ids) -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(HOSTILE_NUMBERS), st.sampled_from(HOSTILE_TEXTS),
                     _id_value(ids), st.none(), st.booleans(),
                     st.just([]), st.just({}), st.just({"k": "v"}), st.just([[["x"]]]),
                     st.text(max_size=12), st.integers())


NUMBERISH: tuple[Any, ...] = ("\u00b2", "\u0663", "9" * 5000, str(10 ** 30), str(2 ** 63),
                             "-1", "1.5", " 7 ", 2 ** 63, 10 ** 30, BIG, 1e308)


def hostile_like(value: Any, ids: Ids, draw_numberish: bool) -> st.SearchStrategy[Any]:
    """A hostile stand-in for a template value: numbers (and number-like
    texts) mostly get numbers gone wrong, the rest anything."""
    numeric = (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and value.strip().isdigit())
    if numeric:
        return st.sampled_from(NUMBERISH) if draw_numberish else hostile_value(ids)
    return hostile_value(ids)


def random_json(ids: Ids) -> st.SearchStrategy[Any]:
    leaves = hostile_value(ids)
    return st.recursive(leaves, lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.sampled_from(("name", "size", "metadata", "share", "id",
                                         "status", "new_size", "access_to", "x")),
                        children, max_size=3)), max_leaves=8)


# -- valid templates: {placeholder} strings are filled with a known id ---------

SHARE_BODY = {"share": {"share_proto": "NFS", "size": 1, "name": "fz",
                        "description": "d", "metadata": {"k": "v"},
                        "share_type": "default", "is_public": False}}
TEMPLATES: dict[tuple[str, str], Any] = {
    ("POST", "/shares"): SHARE_BODY,
    ("PUT", "/shares/{share_id}"): {"share": {"display_name": "n",
                                              "display_description": "d",
                                              "is_public": False}},
    ("POST", "/shares/manage"): {"share": {
        "export_path": "10.0.0.10:/shares/share_{uuid}", "service_host":
        "manila-ui@alpha#pool_alpha", "protocol": "NFS", "name": "m",
        "driver_options": {"size": 1}}},
    ("POST", "/snapshots"): {"snapshot": {"share_id": "{id:share}", "name": "s",
                                          "description": "d", "metadata": {"k": "v"}}},
    ("PUT", "/snapshots/{snapshot_id}"): {"snapshot": {"display_name": "n"}},
    ("POST", "/snapshots/manage"): {"snapshot": {"share_id": "{id:share}",
                                                 "provider_location": "p", "name": "n",
                                                 "driver_options": {"size": 1}}},
    ("POST", "/types"): {"share_type": {"name": "fz-type", "extra_specs": {
        "driver_handles_share_servers": False,
        "provisioning:max_share_size": "10"}}},
    ("PUT", "/types/{share_type_id}"): {"share_type": {"name": "fz-type2",
                                                       "description": "d"}},
    ("POST", "/types/{share_type_id}/extra_specs"): {"extra_specs": {
        "provisioning:max_share_size": "10", "provisioning:min_share_size": "1",
        "squash_support": "True"}},
    ("PUT", "/types/{share_type_id}/extra_specs/{key}"): {"{key}": "5"},
    ("PUT", "/quota-sets/{quota_project_id}"): {"quota_set": {
        "shares": 10, "gigabytes": 100, "snapshots": 10, "share_networks": 5}},
    ("PUT", "/os-quota-sets/{quota_project_id}"): {"quota_set": {"shares": 10}},
    ("PUT", "/quota-class-sets/{class_name}"): {"quota_class_set": {"shares": 50}},
    ("PUT", "/os-quota-class-sets/{class_name}"): {"quota_class_set": {"shares": 50}},
    ("POST", "/share-networks"): {"share_network": {
        "name": "n", "description": "d", "neutron_net_id": "{uuid}",
        "neutron_subnet_id": "{uuid}", "availability_zone": "nova"}},
    ("PUT", "/share-networks/{share_network_id}"): {"share_network": {"name": "n2"}},
    ("POST", "/share-networks/{share_network_id}/subnets"): {"share-network-subnet": {
        "neutron_net_id": "{uuid}", "neutron_subnet_id": "{uuid}",
        "availability_zone": "nova-2", "metadata": {"k": "v"}}},
    ("POST", "/security-services"): {"security_service": {
        "type": "ldap", "name": "n", "dns_ip": "10.0.0.1", "server": "s",
        "domain": "d", "user": "u", "password": "p"}},
    ("PUT", "/security-services/{security_service_id}"): {"security_service": {
        "name": "n2"}},
    ("POST", "/resource-locks"): {"resource_lock": {
        "resource_id": "{id:share}", "resource_type": "share", "resource_action": "delete",
        "lock_reason": "r"}},
    ("PUT", "/resource-locks/{lock_id}"): {"resource_lock": {"lock_reason": "r2"}},
    ("POST", "/share-transfers"): {"transfer": {"share_id": "{id:share}", "name": "t"}},
    ("POST", "/share-transfers/{transfer_id}/accept"): {"accept": {
        "auth_key": "0123456789abcdef", "clear_access_rules": False}},
    ("PUT", "/share-access-rules/{share_access_id}"): {"update_access": {
        "access_level": "ro"}},
    ("PUT", "/share-access-rules/{share_access_id}/metadata"): {"metadata": {
        "priority": "50", "squash": "root_squash", "anonuid": "65534"}},
    ("POST", "/share-groups"): {"share_group": {
        "name": "g", "description": "d", "share_types": ["{id:share_type}"],
        "share_group_type_id": "{id:share_group_type}", "availability_zone": "nova"}},
    ("PUT", "/share-groups/{share_group_id}"): {"share_group": {"name": "n",
                                                                "description": "d"}},
    ("POST", "/share-group-snapshots"): {"share_group_snapshot": {
        "share_group_id": "{id:share_group}", "name": "s", "description": "d"}},
    ("PUT", "/share-group-snapshots/{share_group_snapshot_id}"): {
        "share_group_snapshot": {"name": "n"}},
    ("POST", "/share-group-types"): {"share_group_type": {
        "name": "fz-gtype", "share_types": ["{id:share_type}"], "is_public": False,
        "group_specs": {"consistent_snapshot_support": "pool"}}},
    ("POST", "/share-group-types/{share_group_type_id}/group-specs"): {"group_specs": {
        "consistent_snapshot_support": "host", "k": True}},
    ("PUT", "/share-group-types/{share_group_type_id}/group-specs/{key}"): {"{key}": "v"},
    ("POST", "/share-backups"): {"share_backup": {
        "share_id": "{id:share}", "name": "b", "description": "d",
        "backup_options": {"backup_type": "daily"}}},
    ("PUT", "/share-backups/{backup_id}"): {"share_backup": {"name": "b2"}},
    ("POST", "/qos-types"): {"qos_type": {"name": "fz-qos", "description": "d",
                                          "specs": {"max_iops": "10"}}},
    ("PUT", "/qos-types/{qos_type_id}"): {"qos_type": {"description": "d2"}},
    ("POST", "/qos-types/{qos_type_id}/specs"): {"specs": {"max_iops": "20"}},
    ("PUT", "/qos-types/{qos_type_id}/specs/{key}"): {"{key}": "5"},
    ("POST", "/share-replicas"): {"share_replica": {
        "share_id": "{id:share}", "availability_zone": "nova-2", "metadata": {"k": "v"},
        "scheduler_hints": {"only_host": "manila-ui@beta#pool_beta"}}},
    ("POST", "/share-servers/manage"): {"share_server": {
        "host": "manila-ui@gamma", "share_network_id": "{id:share_network}", "identifier": "i"}},
}
# Arguments of the actions (by name, os- variants alike); others get random JSON.
ACTION_ARGS: dict[str, Any] = {
    "extend": {"new_size": 2, "force": False},
    "shrink": {"new_size": 1},
    "revert": {"snapshot_id": "{id:snapshot}"},
    "reset_status": {"status": "available"},
    "force_delete": None,
    "soft_delete": None,
    "restore": None,   # a share out of the recycle bin; a backup into its share
    "unmanage": None,
    "allow_access": {"access_type": "ip", "access_to": "10.1.0.0/16",
                     "access_level": "rw", "metadata": {
                         "squash": "all_squash", "anonuid": "65534",
                         "anongid": "65534", "priority": "10"},
                     "lock_visibility": False, "lock_deletion": False,
                     "lock_reason": "r"},
    "deny_access": {"access_id": "{id:access}", "unrestrict": False},
    "access_list": None,
    "add_security_service": {"security_service_id": "{id:security_service}"},
    "remove_security_service": {"security_service_id": "{id:security_service}"},
    "update_security_service": {"current_service_id": "{id:security_service}",
                                "new_service_id": "{id:security_service}"},
    "update_security_service_check": {"current_service_id": "{id:security_service}",
                                      "new_service_id": "{id:security_service}",
                                      "reset_operation": False},
    "add_security_service_check": {"security_service_id": "{id:security_service}",
                                   "reset_operation": False},
    "share_network_subnet_create_check": {"availability_zone": "nova",
                                          "reset_operation": False},
    "addProjectAccess": {"project": "{id:project}"},
    "removeProjectAccess": {"project": "{id:project}"},
    "reset_task_state": {"task_state": None},
    "promote": {"quiesce_wait_time": 5},
    "resync": None,
    "reset_replica_state": {"replica_state": "in_sync"},
    "migration_start": {"host": "manila-ui@beta#pool_beta", "writable": True,
                        "preserve_metadata": True, "preserve_snapshots": True,
                        "nondisruptive": False, "new_share_type_id": "{id:share_type}"},
    "migration_complete": None,
    "migration_cancel": None,
    "migration_get_progress": None,
}
METADATA_BODIES = ({"metadata": {"k": "v", "simulated_driver:used_gb": "1"}},
                   {"meta": {"{key}": "v"}})


@dataclasses.dataclass
class Request:
    user: str
    method: str
    template: str
    path: str               # under /v2, percent-encoded as sent
    query: str
    version: str | None
    body: bytes | None
    experimental: bool = False   # X-OpenStack-Manila-API-Experimental: True

    def describe(self) -> str:
        body = (self.body or b"")[:200]
        return (f"{self.user} {self.method} {self.path}"
                f"{'?' + self.query[:200] if self.query else ''} "
                f"[version {str(self.version)[:20]}"
                f"{', experimental' if self.experimental else ''}] body {body!r}")


def _fill(value: Any, pick: Callable[[str | None], str], key: str) -> Any:
    """The template with its placeholders replaced."""
    if isinstance(value, dict):
        return {_fill(k, pick, key): _fill(v, pick, key) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, pick, key) for v in value]
    if isinstance(value, str):
        if value.startswith("{id"):
            return pick(value[4:-1] or None)
        if value == "{key}":
            return key
        return value.replace("{uuid}", str(uuid.uuid4()))
    return value


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _leaves(v, (*path, k))] or [path]
    return [path]


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        value = value[key]
    return value


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = dict(value)
    copy[path[0]] = _replace(copy.get(path[0]), path[1:], new)
    return copy


@st.composite
def mutated(draw: st.DrawFn, template: Any, ids: Ids, key: str) -> Any:
    index = draw(st.integers(0, 255))
    body = _fill(template, lambda kind: _pick(
        ids.kinds.get(kind, []) if kind else ids.every(), index), key)
    leaves = [path for path in _leaves(body) if path]
    if not leaves:
        return body
    # Mostly one value goes wrong (the others valid, so it travels far); at
    # times several.
    if draw(st.integers(0, 9)) < 7:
        chosen = [draw(st.sampled_from(leaves))]
    else:
        chosen = [path for path in leaves if draw(st.integers(0, 3)) == 0]
    for path in chosen:
        body = _replace(body, path, draw(hostile_like(
            _get(body, path), ids, draw(st.integers(0, 4)) > 0)))
    if draw(st.booleans()) and isinstance(body, dict) and body:
        # an extra key inside the entity (or the body)
        entity = next(iter(body))
        extra = draw(st.sampled_from(("name", "size", "metadata", "is_public",
                                      "availability_zone", "share_type", "id",
                                      "share_network_id", "snapshot_id", "force")))
        if isinstance(body[entity], dict):
            body = _replace(body, (entity, extra), draw(hostile_value(ids)))
    return body


def _encode(body: Any) -> bytes:
    return json.dumps(body).encode("utf-8", "surrogatepass")


@st.composite
def body_for(draw: st.DrawFn, method: str, template: str, action_names: list[str],
             ids: Ids) -> bytes | None:
    if method in ("GET", "DELETE") and draw(st.integers(0, 9)) > 0:
        return None
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.sampled_from(RAW_BODIES))
    if kind == 1:
        return _encode(draw(random_json(ids)))
    key = draw(st.sampled_from(("k", "priority", "squash", "provisioning:max_share_size",
                                "simulated_driver:used_gb", "\u00b2")))
    if action_names:
        name = draw(st.sampled_from(action_names))
        args = ACTION_ARGS.get(name.removeprefix("os-"), {"x": 1})
        if args is None:
            return _encode({name: None})
        return _encode({name: draw(mutated(args, ids, key))})
    if template.endswith("/metadata") or template.endswith("/metadata/{key}"):
        return _encode(draw(mutated(draw(st.sampled_from(METADATA_BODIES)), ids, key)))
    found = TEMPLATES.get((method, template))
    if found is None:
        return _encode(draw(random_json(ids)))
    return _encode(draw(mutated(found, ids, key)))


@st.composite
def segment(draw: st.DrawFn, ids: Ids, param: str) -> str:
    kind = draw(st.integers(0, 9))
    if kind <= 5:
        return urllib.parse.quote(draw(_id_value(ids, KINDS.get(param))), safe="")
    if kind == 6:
        return urllib.parse.quote(draw(_id_value(ids)), safe="")
    if kind == 7:
        return draw(st.sampled_from(HOSTILE_SEGMENTS))
    if kind == 8:
        return str(uuid.UUID(int=draw(st.integers(0, 2 ** 128 - 1))))
    return urllib.parse.quote(draw(st.text(min_size=1, max_size=8)).encode(
        "utf-8", "surrogatepass"), safe="")


@st.composite
def query(draw: st.DrawFn, ids: Ids) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from(QUERY_KEYS))
        raw = draw(st.integers(0, 9))
        if raw == 0:
            value = draw(st.sampled_from(("%FF", "%00", "%ED%A0%80", "%C2%B2")))
        else:
            plain = draw(st.one_of(st.sampled_from(HOSTILE_TEXTS), _id_value(ids),
                                   st.sampled_from(("1", "0", "true", "asc", "desc",
                                                    "name", "{'k': 'v'}", "2020-01-01",
                                                    str(2 ** 63), "9" * 3000))))
            value = urllib.parse.quote(str(plain).encode("utf-8", "surrogatepass"),
                                       safe="")
        parts.append(f"{urllib.parse.quote(key, safe='~')}={value}")
    return "&".join(parts)


@st.composite
def requests(draw: st.DrawFn, routes: list[tuple[str, str, list[str]]],
             ids: Ids) -> Request:
    """One request; ``routes`` are (template, method, action names).  Two
    in three go where a valid body is known (those reach the services and
    the database)."""
    shaped = [route for route in routes if route[2] or (route[1], route[0]) in TEMPLATES
              or "/metadata" in route[0]] or routes
    template, method, action_names = draw(
        st.sampled_from(routes) | st.sampled_from(shaped) | st.sampled_from(shaped))
    user = draw(st.sampled_from(sorted(USERS)))
    path = template
    while "{" in path:
        start = path.index("{")
        end = path.index("}", start)
        path = path[:start] + draw(segment(ids, path[start + 1:end])) + path[end + 1:]
    if draw(st.integers(0, 9)) == 0:   # the /v2/<project> form, own or another's
        path = "/" + draw(_id_value(ids, "project")) + path
    roll = draw(st.integers(0, 19))
    version: str | None
    if roll == 0:
        version = draw(st.sampled_from(HOSTILE_VERSIONS))
    elif roll == 1:
        version = None
    elif roll < 10:      # half at the latest, where every route is served
        version = str(microversion.MAX)
    else:
        version = draw(st.sampled_from(VERSIONS))
    return Request(user=user, method=method, template=template, path=path,
                   query=draw(query(ids)), version=version,
                   body=draw(body_for(method, template, action_names, ids)),
                   # Mostly asked for on the experimental APIs (share backups).
                   experimental=draw(st.integers(0, 9)) < (
                       8 if template.startswith("/share-backups") else 1))
