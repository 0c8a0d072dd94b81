"""Share servers (issue 12 and 19): server migration (2.57, experimental) and the
fidelity sweep of the list filters and refusals.

Migration: demo's DHSS=True share on network one gets a server on back end gamma;
an admin moves that server onto network two of the same back end (the only
DHSS=True one on both sides): check → start → phase 1 done → progress → complete,
then back and cancelled; reset_task_state; the refusals on the way (same back end
and network, a DHSS=False destination, a pool in the host, flags, a busy server,
member, reader, a missing server, the experimental header).
"""

from __future__ import annotations

from typing import Any

from manila_ui.tests.reference.scenarios.engine import MISSING
from manila_ui.tests.reference.scenarios.engine import MV
from manila_ui.tests.reference.scenarios.engine import TOKEN
from manila_ui.tests.reference.scenarios.engine import Step
from manila_ui.tests.reference.scenarios.engine import Wait
from manila_ui.tests.reference.scenarios.engine import at_least
from manila_ui.tests.reference.scenarios.shares import PLACEMENT

VERSIONS = ("2.56", "2.57", "2.70", "2.99")
EXPERIMENTAL = {"X-OpenStack-Manila-API-Experimental": "True"}
SERVER = "/share-servers/{server}"
ACTION = SERVER + "/action"
# The driver's and the network plugin's values, and where things sit.
DRIVER = frozenset({"host", "backend_details", "identifier", "share_network_subnet_id",
                    "share_network_subnet_ids", "created_at", "updated_at",
                    "share_server_id", "export_locations", "export_location", *PLACEMENT})
GAMMA = "{svc}@gamma"
MOVING = ("migration_starting", "migration_in_progress", "migration_driver_starting",
          "migration_driver_in_progress")


def _body(name: str, host: str = GAMMA, **flags: Any) -> dict[str, Any]:
    body = {"host": host, "writable": True, "nondisruptive": False,
            "preserve_snapshots": True, "new_share_network_id": "{net2}"}
    body.update(flags)
    return {name: {k: v for k, v in body.items() if v is not None}}


def _task(until: tuple[str, ...], via: tuple[str, ...]) -> Wait:
    return Wait(SERVER, until, via=via, status="share_server.task_state",
                headers=EXPERIMENTAL)


def _setup(mv: str, name: str) -> list[Step]:
    return [
        # A pool's host is the service's host name only: the back end follows.
        Step("admin", "GET", "/scheduler-stats/pools?backend=gamma",
             save={"svc": "pools.0.host"}, values=False),
        Step("demo", "POST", "/share-networks",
             body={"share_network": {"name": f"{name}-one"}}, save={"net": "share_network.id"},
             values=False),
        Step("demo", "POST", "/share-networks",
             body={"share_network": {"name": f"{name}-two"}}, save={"net2": "share_network.id"},
             values=False),
        Step("demo", "POST", "/shares",
             body={"share": {"share_proto": "NFS", "size": 1, "name": name,
                             "share_type": "dhss_true", "share_network_id": "{net}"}},
             save={"share": "share.id"}, ignore=DRIVER,
             wait=Wait("/shares/{share}", ("available", "error"), via=("creating",))),
        Step("admin", "GET", "/shares/{share}", save={"server": "share.share_server_id"},
             ignore=DRIVER, values=False),
    ]


def _teardown() -> list[Step]:
    # The networks go too (with their servers): the share-network quota is 10.
    return [
        Step("demo", "DELETE", "/shares/{share}",
             wait=Wait("/shares/{share}", ("gone", "error_deleting"), via=("deleting",))),
        Step("demo", "DELETE", "/share-networks/{net}"),
        Step("demo", "DELETE", "/share-networks/{net2}"),
    ]


def server_migration(mv: str) -> list[Step]:
    name = f"ssm-{TOKEN}-{MV}"

    def act(actor: str, body: Any, headers: dict[str, str] = EXPERIMENTAL, **kw: Any) -> Step:
        return Step(actor, "POST", ACTION, body=body, headers=headers, **kw)

    steps = _setup(mv, name)
    if not at_least(mv, "2.57"):
        return steps + [
            act("admin", _body("migration_check"), note="before 2.57"),
            Step("admin", "GET", SERVER, ignore=DRIVER),
            *_teardown(),
        ]
    steps += [
        Step("admin", "GET", SERVER, ignore=DRIVER),
        act("admin", _body("migration_check"), headers={}, note="without the header"),
        # Who may, and what is missing.
        act("demo", _body("migration_check")),
        act("reader", _body("migration_start")),
        act("alt_demo", {"migration_complete": None}),
        Step("admin", "POST", f"/share-servers/{MISSING}/action",
             body=_body("migration_check"), headers=EXPERIMENTAL),
        Step("admin", "POST", f"/share-servers/{MISSING}/action",
             body={"migration_get_progress": None}, headers=EXPERIMENTAL),
        act("admin", {"migration_check": {}}, note="empty body"),
        act("admin", {"migration_start": {"host": GAMMA}}, note="flags missing"),
        act("admin", _body("migration_check", writable="maybe"), note="not a boolean"),
        act("admin", _body("migration_start", host=GAMMA + "#pool"), note="a pool"),
        act("admin", _body("migration_check", new_share_network_id=MISSING),
            note="no such network"),
        act("admin", _body("migration_check", new_share_network_id="{net}"),
            note="same back end and network"),
        act("admin", _body("migration_start", new_share_network_id="{net}"),
            note="same back end and network"),
        act("admin", _body("migration_check", host="nowhere@gamma"), note="no such host"),
        # The dummy driver says yes to any dummy back end, not non-disruptively.
        act("admin", _body("migration_check", host="{svc}@alpha"),
            note="a DHSS=False back end", ignore=frozenset({"host"})),
        act("admin", _body("migration_check", nondisruptive=True), note="nondisruptive",
            ignore=frozenset({"host"})),
        act("admin", _body("migration_check"), ignore=frozenset({"host"})),
        # Nothing running yet.
        act("admin", {"migration_complete": None}, note="no migration"),
        act("admin", {"migration_cancel": None}, note="no migration"),
        act("admin", {"migration_get_progress": None}, note="no migration"),
        act("admin", {"reset_task_state": {"task_state": "bogus"}}),
        act("admin", {"reset_task_state": {}}, note="no task_state"),
        act("demo", {"reset_task_state": {"task_state": None}}),
        act("admin", {"reset_task_state": {"task_state": "migration_error"}}),
        Step("admin", "GET", SERVER, ignore=DRIVER, note="after reset_task_state"),
        act("admin", {"reset_task_state": {"task_state": None}}),
        # Onto network two, driver-assisted.
        act("admin", _body("migration_start"),
            wait=_task(("migration_driver_phase1_done", "migration_error"), MOVING)),
        Step("admin", "GET", SERVER, ignore=DRIVER, note="phase 1 done"),
        Step("demo", "GET", "/shares/{share}", ignore=DRIVER, note="phase 1 done"),
        Step("admin", "GET", "/share-servers?source_share_server_id={server}",
             save={"dest": "share_servers.0.id"}, ignore=DRIVER),
        Step("admin", "GET", "/share-servers/{dest}", ignore=DRIVER),
        act("admin", {"migration_get_progress": None}, ignore=frozenset({"host"})),
        act("admin", _body("migration_start"), note="already migrating"),
        act("admin", _body("migration_check"), note="already migrating"),
        Step("demo", "DELETE", "/shares/{share}", note="while migrating"),
        Step("admin", "DELETE", SERVER, note="while migrating"),
        act("demo", {"migration_complete": None}),
        act("admin", {"migration_complete": None},
            wait=Wait("/shares/{share}", ("available",), via=("server_migrating",))),
        Step("admin", "GET", "/shares/{share}", ignore=DRIVER, note="migrated"),
        Step("admin", "GET", "/share-servers/{dest}", ignore=DRIVER, note="migrated",
             wait=Wait(SERVER, ("gone",), via=("inactive", "deleting"),
                       status="share_server.status", headers=EXPERIMENTAL)),
        act("admin", {"migration_get_progress": None}, note="migrated"),
        Step("admin", "GET", SERVER, note="migrated"),
        # Back onto network one, cancelled once phase 1 is done.
        Step("admin", "POST", "/share-servers/{dest}/action",
             body=_body("migration_start", new_share_network_id="{net}"),
             headers=EXPERIMENTAL,
             wait=Wait("/share-servers/{dest}", ("migration_driver_phase1_done",
                                                 "migration_error"), via=MOVING,
                       status="share_server.task_state", headers=EXPERIMENTAL)),
        Step("admin", "POST", "/share-servers/{dest}/action",
             body={"migration_cancel": None}, headers=EXPERIMENTAL,
             wait=Wait("/share-servers/{dest}", ("migration_cancelled", "migration_error"),
                       via=("migration_driver_phase1_done", "migration_cancel_in_progress"),
                       status="share_server.task_state", headers=EXPERIMENTAL)),
        Step("admin", "GET", "/share-servers/{dest}", ignore=DRIVER, note="cancelled"),
        Step("demo", "GET", "/shares/{share}", ignore=DRIVER, note="cancelled"),
        Step("admin", "POST", "/share-servers/{dest}/action",
             body={"migration_cancel": None}, headers=EXPERIMENTAL,
             note="cancelled already"),
        Step("admin", "POST", "/share-servers/{dest}/action",
             body={"migration_get_progress": None}, headers=EXPERIMENTAL,
             note="cancelled already"),
        *_teardown(),
    ]
    return steps


def share_servers(mv: str) -> list[Step]:
    """The sweep: every documented list filter, alone and combined, valid,
    unknown and malformed; show and details refusals; admin-only as member."""
    name = f"ssf-{TOKEN}-{MV}"
    listing = "/share-servers?"

    def q(query: str, note: str = "") -> Step:
        return Step("admin", "GET", listing + query, ignore=DRIVER, note=note)

    steps = _setup(mv, name) + [
        Step("admin", "GET", SERVER, save={"ident": "share_server.identifier"},
             ignore=DRIVER),
        q("identifier={ident}"),
        q("share_network={net}"),
        q(f"share_network={name}-one", note="by network name"),
        q("share_network_id={net}"),
        q("share_network_id={net2}", note="a network without servers"),
        q(f"share_network_id={MISSING}"),
        q("share_network_id=not-a-uuid"),
        q("share_network_id={net}&status=active"),
        q("share_network_id={net}&status=error", note="combined, no match"),
        q("share_network_id={net}&host=" + GAMMA),
        q("share_network_id={net}&host=nowhere"),
        q("share_network_id={net}&project_id=bogus"),
        q("share_network_id={net}&id={server}"),
        q("share_network_id={net}&bogus=1", note="unknown filter"),
        q("share_network_id={net}&is_auto_deletable=true"),
        q("share_network_id={net}&is_auto_deletable=0"),
        q("share_network_id={net}&deleted=False"),
        q("share_network_id={net}&encryption_key_ref=x"),
        # The server's own attributes, without the network join.
        q("id={server}"),
        q("id={server}&status=active"),
        q("id={server}&status=error"),
        q("id={server}&host=" + GAMMA),
        q("id={server}&host={svc}@alpha"),
        q("id={server}&is_auto_deletable=true"),
        q("id={server}&is_auto_deletable=False"),
        q("id={server}&is_auto_deletable=maybe", note="not a boolean"),
        q("id={server}&deleted=False"),
        q("id={server}&deleted=True"),
        q("id={server}&project_id={project:demo}"),
        q("id={server}&share_network_id={net2}"),
        q("id={server}&bogus=1", note="unknown filter"),
        q(f"status=bogus-{TOKEN}"),
        q(f"host=nowhere-{TOKEN}"),
        q(f"identifier=nowhere-{TOKEN}"),
        q("share_network_id={net}&share_network="),
        Step("admin", "GET", f"/share-servers/{MISSING}"),
        Step("admin", "GET", f"/share-servers/{MISSING}/details"),
        Step("admin", "GET", SERVER + "/details", values=False),
        Step("demo", "GET", "/share-servers"),
        Step("reader", "GET", "/share-servers"),
        Step("demo", "GET", SERVER),
        Step("demo", "GET", SERVER + "/details"),
        Step("alt_demo", "DELETE", SERVER),
        Step("admin", "DELETE", SERVER, note="in use"),
        Step("admin", "GET", "/share-servers/detail", note="no detail list"),
    ]
    if at_least(mv, "2.57"):
        steps += [
            q("share_network_id={net}&task_state=migration_error"),
            q("id={server}&task_state=migration_error"),
            q("id={server}&source_share_server_id={server}"),
            q("share_network_id={net}&source_share_server_id={server}"),
            q(f"source_share_server_id={MISSING}"),
        ]
    if at_least(mv, "2.51"):
        steps += [q("share_network_id={net}&share_network_subnet_id=bogus")]
    return steps + _teardown()
