"""``POST /shares/manage`` (2.7), ``POST /snapshots/manage`` (2.12) and
``POST /share-servers/manage`` (2.49): the
refusals only (issue 19) -- members, readers and another tenant; bodies without
their entity or a required field, fields of the wrong type, a host no service
runs on, a missing share type, share or snapshot. Nothing is ever managed:
every host named here is unknown to both sides.
"""

from __future__ import annotations

from typing import Any

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import at_least

VERSIONS = ("2.7", "2.8", "2.12", "2.49", "2.99")
HOST = "nohost@nobackend#nopool"
SHARE: dict[str, Any] = {"export_path": "10.254.0.1:/nowhere", "service_host": HOST,
                         "protocol": "NFS"}
SNAPSHOT: dict[str, Any] = {"share_id": MISSING, "provider_location": "/nowhere"}
SERVER: dict[str, Any] = {"host": "nohost@nobackend", "share_network_id": MISSING,
                          "identifier": "nowhere"}


def _without(body: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k != key}


def manage_refusals(mv: str) -> list[Step]:
    steps = [Step(actor, "POST", "/shares/manage", body={"share": SHARE})
             for actor in ("demo", "reader", "alt_demo")]
    share_bodies: list[tuple[str, Any]] = [
        ("no entity", {"shares": SHARE}),
        ("empty entity", {"share": {}}),
        ("entity a list", {"share": [SHARE]}),
        ("body a list", [SHARE]),
        *((f"no {key}", {"share": _without(SHARE, key)}) for key in SHARE),
        ("empty export_path", {"share": {**SHARE, "export_path": ""}}),
        ("export_path a dict", {"share": {**SHARE, "export_path": {"path": "10.254.0.1:/x"}}}),
        ("export_path a dict without path", {"share": {**SHARE, "export_path": {"x": 1}}}),
        ("export_path a number", {"share": {**SHARE, "export_path": 5}}),
        ("unknown protocol", {"share": {**SHARE, "protocol": "BOGUS"}}),
        ("unknown host", {"share": SHARE}),
        ("host without pool", {"share": {**SHARE, "service_host": "nohost@nobackend"}}),
        ("missing type", {"share": {**SHARE, "share_type": MISSING}}),
        ("driver_options a list", {"share": {**SHARE, "driver_options": ["x"]}}),
        ("bad is_public", {"share": {**SHARE, "is_public": "maybe"}}),
        ("missing share server", {"share": {**SHARE, "share_server_id": MISSING}}),
    ]
    steps += [Step("admin", "POST", "/shares/manage", body=body, note=note)
              for note, body in share_bodies]
    steps.append(Step("admin", "POST", "/shares/manage", note="no body"))
    if not at_least(mv, "2.12"):
        steps.append(Step("admin", "POST", "/snapshots/manage", body={"snapshot": SNAPSHOT},
                          note="before 2.12"))
        return steps
    steps += [Step(actor, "POST", "/snapshots/manage", body={"snapshot": SNAPSHOT})
              for actor in ("demo", "reader", "alt_demo")]
    snapshot_bodies: list[tuple[str, Any]] = [
        ("no entity", {"snapshots": SNAPSHOT}),
        ("empty entity", {"snapshot": {}}),
        ("body a list", [SNAPSHOT]),
        *((f"no {key}", {"snapshot": _without(SNAPSHOT, key)}) for key in SNAPSHOT),
        ("missing share", {"snapshot": SNAPSHOT}),
        ("driver_options a list", {"snapshot": {**SNAPSHOT, "driver_options": ["x"]}}),
    ]
    steps += [Step("admin", "POST", "/snapshots/manage", body=body, note=note)
              for note, body in snapshot_bodies]
    steps.append(Step("admin", "POST", "/snapshots/manage", note="no body"))
    return steps + _server_refusals(mv)


def _server_refusals(mv: str) -> list[Step]:
    if not at_least(mv, "2.49"):
        return [Step("admin", "POST", "/share-servers/manage", body={"share_server": SERVER},
                     note="before 2.49")]
    steps = [Step(actor, "POST", "/share-servers/manage", body={"share_server": SERVER})
             for actor in ("demo", "reader", "alt_demo")]
    bodies: list[tuple[str, Any]] = [
        ("no entity", {"share_servers": SERVER}),
        ("empty entity", {"share_server": {}}),
        *((f"no {key}", {"share_server": _without(SERVER, key)}) for key in SERVER),
        ("missing network", {"share_server": SERVER}),
    ]
    steps += [Step("admin", "POST", "/share-servers/manage", body=body, note=note)
              for note, body in bodies]
    return steps
