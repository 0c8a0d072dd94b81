"""Differences between the bundled backend and real Manila that are accepted, and why.

Keep it short; every entry says why, and matches as narrowly as it can: the kind
of difference, the call (``where``, which carries the step's note in brackets),
the JSON path or header, and a check of the two values. Anything else is a real
difference: it fails the test and is reported, never added here to go green.
Scenarios whose endpoints the bundled backend has not built yet are expected
failures (``needs`` in scenarios/__init__.py), not entries here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from manila_ui.tests.reference.differ import Difference

# Pool capabilities the bundled backend reports beyond the DummyDriver's:
# its thin-provisioning accounting (the keys Manila's thin-provisioning drivers
# report, and our max_over_subscription_ratio_auto), and our squash extension's.
_ALLOCATION_KEYS = {"allocated_capacity_gb", "provisioned_capacity_gb",
                    "max_over_subscription_ratio", "thin_provisioning",
                    "max_over_subscription_ratio_auto"}
_SQUASH_KEYS = {"squash_support", "squash_modes"}


@dataclass(frozen=True)
class Allowed:
    kinds: str  # regex on Difference.kind
    where: str  # regex on the call
    path: str  # regex on the JSON path or header name
    why: str
    check: Callable[[Difference], bool] = lambda _d: True


def _statuses(bundled: int, reference: int) -> Callable[[Difference], bool]:
    return lambda d: d.statuses == (bundled, reference)


def _only_extra_keys(allowed: set[str]) -> Callable[[Difference], bool]:
    return lambda d: not d.reference and set(d.bundled) <= allowed


ALLOWED: list[Allowed] = [
    Allowed(
        "status|fault|keys|value", r"\[squash extension", "",
        "our squash/priority extension (DESIGN.md): the bundled backend validates the "
        "reserved rule metadata keys and orders rules by priority; real Manila stores any "
        "value and ignores sort_key=priority",
    ),
    Allowed(
        "keys", r"GET /scheduler-stats/pools/detail", r"^pools\[\d+\]\.capabilities$",
        "pool capabilities: the bundled pools also report their allocation and thin "
        "provisioning (allocated/provisioned capacity, over-subscription ratio) and our "
        "extension's squash_support/squash_modes",
        _only_extra_keys(_ALLOCATION_KEYS | _SQUASH_KEYS),
    ),
    Allowed(
        "status|fault",
        r"^admin GET /scheduler-stats/pools\S* @\S+ \[(capabilities as text|not a regular "
        r"expression)\]", "",
        "a pool filter Manila cannot apply (a capabilities parameter, which it hands on "
        "as specs; a value that is no regular expression): the bundled backend answers 400 "
        "naming it where Manila 23 fails with 500 (AttributeError / re.error in the "
        "scheduler)",
        _statuses(400, 500),
    ),
    Allowed(
        "status|fault", r"POST /shares @\S+ \[(no size|no share_proto|bad is_public)\]", "",
        "a missing share_proto/size or a bad is_public: the bundled backend answers 400 "
        "naming the problem where Manila 23 fails with 500 (an unhandled KeyError/ValueError)",
        _statuses(400, 500),
    ),
    Allowed(
        "status|fault",
        r"^demo (GET /snapshots\?sort_key=bogus @|POST /snapshots @\S+ \[no share_id\])", "",
        "an unknown sort_key on the snapshot list, a snapshot without share_id: the bundled "
        "backend answers 400 naming the problem where Manila 23 fails with 500 (an "
        "unhandled InvalidInput / KeyError)",
        _statuses(400, 500),
    ),
    Allowed(
        "status|fault", r"^demo POST /shares @\S+ \[body not an object\]", "",
        "a JSON body that is not an object: the bundled backend answers 422 as Manila does "
        "for a body without its 'share' key, where Manila 23 fails with 500 (it indexes "
        "the list)",
        _statuses(422, 500),
    ),
]

ALLOWED.append(Allowed(
    "status|fault", r"^\w+ GET /share-networks(/detail)?\?\S*(ip_version|segmentation_id)="
    r"(?!-?\d+(&|\s))", "",
    "a share-network filter ip_version/segmentation_id that is no integer: the bundled "
    "backend answers 400 naming it where Manila 23 fails with 500 (an unhandled "
    "ValueError from int())",
    _statuses(400, 500),
))

ALLOWED.append(Allowed(
    "status|fault", r"^demo POST /share-networks/\S+/subnets/\S+/metadata @\S+ \[not an object\]",
    "", "subnet metadata that is a list, not an object: the bundled backend answers 400 "
    "(Malformed request body) where Manila 23 fails with 500 (an unhandled AttributeError "
    "in check_metadata_properties)",
    _statuses(400, 500),
))

ALLOWED.append(Allowed(
    "status|fault", r"^alt_demo (GET|POST|DELETE) /share-networks/\{net\}/subnets/\{sub\}/metadata",
    "", "another project's subnet metadata: Manila 23 looks the subnet up without its "
    "project (metadata.py _get_resource), so it shows it (200) and refuses a change with "
    "403; the bundled backend does not copy the leak and answers 404 as for the subnet",
    lambda d: d.statuses in ((404, 200), (404, 403)),
))

ALLOWED.append(Allowed(
    "value", r"^\w+ GET /types\?extra_specs=\{'fid:<tok>':'\w','(snapshot_support|"
    r"driver_handles_share_servers)'", r"types\[len\]$",
    "a share-type filter by several extra specs: Manila 23 checks only the first one (a "
    "'return True' inside the loop of share_types._check_extra_specs_match); the bundled "
    "backend requires them all",
    lambda d: d.bundled < d.reference,
))

ALLOWED.append(Allowed(
    "status|fault", r"^\w+ GET /types\?extra_specs=(notadict|\{'a') @", "",
    "an extra_specs filter that is no Python literal: the bundled backend answers 400 "
    "naming it where Manila 23 fails with 500 (ast.literal_eval's ValueError/SyntaxError)",
    _statuses(400, 500),
))

ALLOWED.append(Allowed(
    "status|fault", r"^\w+ GET /shares(/detail)?\?\S*(is_public=bogus|metadata=notadict|"
    r"metadata=\{'a'|extra_specs=notadict)", "",
    "a share-list filter Manila cannot read (is_public not a boolean, metadata/extra_specs "
    "no Python literal): the bundled backend answers 400 naming it (403 for a member's "
    "extra_specs, its policy) where Manila 23 fails with 500 (strutils ValueError, "
    "ast.literal_eval's ValueError/SyntaxError)",
    lambda d: d.statuses in ((400, 500), (403, 500)),
))

ALLOWED.append(Allowed(
    "status|fault", r"^\w+ GET /snapshots/detail\?(size=abc|metadata=\{'a') @", "",
    "a snapshot-list size that is no integer, a metadata filter that is no Python literal: "
    "the bundled backend answers 400 naming it where Manila 23 fails with 500 (the "
    "database's cast error, ast.literal_eval's SyntaxError)",
    _statuses(400, 500),
))

ALLOWED.append(Allowed(
    "state", r"^demo GET /shares/\{target\} @\S+ \[targeted restore\]$", r"^share\.status",
    "a backup restored into another share (2.91): the simulated driver supports it "
    "(restore_to_target_support), Manila's DummyDriver does not, so the reference "
    "leaves the target in backup_restoring_error with a user message (detail 032)",
    lambda d: (d.bundled, d.reference) == ("available", "backup_restoring_error"),
))

ALLOWED.append(Allowed(
    "status|fault", r"^admin GET /share-servers\?share_network_id=\{net\}&"
    r"(host|is_auto_deletable|encryption_key_ref|task_state|source_share_server_id)=", "",
    "share-server list filtered by its network and one of the server's own attributes: "
    "Manila 23 joins the share network and then filter_by() applies the attribute to the "
    "ShareNetwork entity (a 500: no such column); the bundled backend answers the list "
    "that matches both",
    _statuses(200, 500),
))
ALLOWED.append(Allowed(
    "status|fault", r"^admin GET /share-servers\?\S+ @\S+ \[not a boolean\]", "",
    "share-server list filtered by a boolean attribute with a value that is not one: "
    "Manila 23 hands the string to PostgreSQL (a 500: invalid input syntax for type "
    "boolean); the bundled backend lists nothing",
    _statuses(200, 500),
))
ALLOWED.append(Allowed(
    "value", r"^admin GET /share-servers\?(share_network_id=\{net\}&id=\{server\}|"
    r"id=\{server\}&project_id=\S+) ",
    r"^share_servers\[len\]$",
    "share-server list filtered by the server's id and its network or project: after its "
    "join Manila 23 compares the id with the share network's (no match); the bundled "
    "backend lists the server that matches both",
    lambda d: (d.bundled, d.reference) == (1, 0),
))

ALLOWED.append(Allowed(
    "status|fault", r"^admin PUT /(os-)?quota-class-sets/\S+ @\S+ \[no body\]", "",
    "a quota class update without a body: the bundled backend answers 400 (Malformed "
    "request body) where Manila 23 fails with 500 (the controller indexes the missing body)",
    _statuses(400, 500),
))

ALLOWED.append(Allowed(
    "status|fault|value|keys", r"^\w+ (POST /shares/\S+/metadata/k1|GET /shares/\{share\}/metadata"
    r"(/k1)? @\S+ \[(after the item updates|at the end)\])", "",
    "POST /shares/{id}/metadata/{key}: Manila 23 fails with 500 whatever the body (its share "
    "metadata controller's item update); the bundled backend serves it as the API reference "
    "documents ({'meta': {key: value}}), so the share keeps what it set",
    lambda d: d.kind != "status" or d.statuses[1] in (500, 404),
))

ALLOWED.append(Allowed(
    "status|fault", r"^\w+ GET /shares/\{share\}/export_locations/\{el\}/metadata @", "",
    "the metadata of one export location (2.87): Manila 23 answers 400 ''meta' is a required "
    "property' (it validates the GET with the item update's body schema); the bundled "
    "backend lists it as the API reference documents",
    _statuses(200, 400),
))

ALLOWED.append(Allowed(
    "status|fault", r"^demo PUT /share-replicas/\{replica\}/metadata @\S+ \[not an object\]", "",
    "replica metadata that is a list, not an object: the bundled backend answers 400 "
    "(Malformed request body) where Manila 23 fails with 500 (an unhandled AttributeError)",
    _statuses(400, 500),
))

ALLOWED.append(Allowed(
    "status|fault", r"^\w+ GET /share-access-rules\?share_id=\{share\}&metadata=notadict ", "",
    "an access-rule metadata filter that is no Python literal: the bundled backend answers "
    "400 naming it where Manila 23 fails with 500 (ast.literal_eval's ValueError)",
    _statuses(400, 500),
))

ALLOWED.append(Allowed(
    "status|fault", r"^admin POST /shares/manage @\S+ \[(export_path a number|driver_options a "
    r"list|bad is_public|body a list|entity a list)\]", "",
    "manage a share: the bundled backend checks the body's types (export_path, "
    "driver_options, is_public) before the host, where Manila 23 looks the host up first "
    "(so with an unknown host it answers 404 for the host); a JSON list for a body, or "
    "for the share, is 422 here where Manila 23 fails with 500 (a body) or answers its "
    "generic 400 below some microversion between 2.49 and 2.99 (a share; 422 at 2.99)",
    lambda d: d.statuses in ((400, 404), (422, 500), (422, 400)),
))


_COMPILED = [(re.compile(a.kinds), re.compile(a.where), re.compile(a.path), a) for a in ALLOWED]


def reason(diff: Difference) -> str | None:
    """Why ``diff`` is accepted, or None when it is a real difference."""
    for kinds, where, path, entry in _COMPILED:
        if (kinds.fullmatch(diff.kind) and where.search(diff.where) and path.search(diff.path)
                and entry.check(diff)):
            return entry.why
    return None
