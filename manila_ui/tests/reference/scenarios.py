"""Scripted API scenarios, run step by step against both sides and compared.

A step's path may hold ``{name}`` (a value an earlier step saved on that side)
and ``{project:<actor>}`` (that actor's project id on that side). ``version``
``MV`` stands for the scenario's microversion; ``None`` sends no header.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from typing import Any

from manila_ui.tests.reference.differ import Difference
from manila_ui.tests.reference.differ import Recorder
from manila_ui.tests.reference.differ import Response
from manila_ui.tests.reference.differ import Side
from manila_ui.tests.reference.differ import compare

MV = "<mv>"
MICROVERSIONS = ("2.0", "2.45", "2.51", "2.69", "2.98", "2.99")
MISSING = "00000000-0000-4000-8000-000000000000"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::([a-z_]+))?\}")


@dataclass(frozen=True)
class Wait:
    """Poll ``GET path`` as ``actor`` until ``status`` (a body path) is in ``until``;
    ``"gone"`` in ``until`` means a 404."""

    path: str
    until: tuple[str, ...]
    status: str = "share.status"
    timeout: float = 60


@dataclass(frozen=True)
class Step:
    actor: str | None
    method: str
    path: str
    version: str | None = MV
    body: Any = None
    raw_body: bytes | None = None
    save: dict[str, str] = field(default_factory=dict)
    wait: Wait | None = None
    values: bool = True
    ignore: frozenset[str] = frozenset()
    note: str = ""


@dataclass(frozen=True)
class Scenario:
    name: str
    build: Callable[[str], list[Step]]
    versions: tuple[str, ...] = MICROVERSIONS


def _dig(body: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        body = body[int(part)] if isinstance(body, list) else body[part]
    return body


class Run:
    """One scenario at one microversion on both sides."""

    def __init__(self, sides: dict[str, Side], recorder: Recorder, mv: str) -> None:
        self.sides = sides
        self.recorder = recorder
        self.mv = mv
        self.vars: dict[str, dict[str, str]] = {name: {} for name in sides}
        self.states: dict[str, list[list[str]]] = {name: [] for name in sides}

    def _path(self, side: str, template: str) -> str:
        def sub(match: re.Match[str]) -> str:
            name, actor = match.group(1), match.group(2)
            if name == "project" and actor:
                return self.sides[side].project_id(actor)
            return self.vars[side][name]

        return _PLACEHOLDER.sub(sub, template.replace(MV, self.mv))

    def _send(self, side: str, step: Step) -> Response:
        version = self.mv if step.version == MV else step.version
        body = step.body
        if isinstance(body, dict):
            body = _fill(body, self.mv)
        return self.sides[side].request(
            step.actor,
            step.method,
            self._path(side, step.path),
            version=version,
            body=body,
            raw_body=step.raw_body,
        )

    def _wait(self, side: str, step: Step, wait: Wait) -> str:
        seen: list[str] = []
        deadline = time.monotonic() + wait.timeout
        while True:
            resp = self.sides[side].request(
                step.actor,
                "GET",
                self._path(side, wait.path),
                version=self.mv if step.version == MV else None,
            )
            state = "gone" if resp.status == 404 else str(_dig(resp.body, wait.status))
            if not seen or seen[-1] != state:
                seen.append(state)
            if state in wait.until or time.monotonic() > deadline:
                self.states[side].append(seen)
                return state
            time.sleep(0.1)

    def step(self, step: Step) -> list[Difference]:
        where = f"{step.actor or 'anonymous'} {step.method} {step.path} @{self.mv}"
        answers: dict[str, Response] = {}
        finals: dict[str, str] = {}
        for side in self.sides:
            resp = self._send(side, step)
            answers[side] = resp
            self.recorder.timing(side, f"{step.method} {step.path} @{self.mv}", resp.ms)
            for var, dotted in step.save.items():
                try:
                    self.vars[side][var] = str(_dig(resp.body, dotted))
                except (KeyError, IndexError, TypeError):
                    self.vars[side][var] = MISSING
            if step.wait and resp.status < 400:
                finals[side] = self._wait(side, step, step.wait)
        self.recorder.calls += 1
        diffs = compare(
            where, answers["bundled"], answers["reference"], values=step.values, ignore=step.ignore
        )
        if step.wait and finals:
            self.recorder.states[where] = (
                self.states["bundled"][-1] if "bundled" in finals else [],
                self.states["reference"][-1] if "reference" in finals else [],
            )
        if step.wait and finals.get("bundled") != finals.get("reference"):
            diffs.append(
                Difference(
                    "state", where, step.wait.status, finals.get("bundled"), finals.get("reference")
                )
            )
        return diffs


def _fill(body: dict[str, Any], mv: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in body.items():
        if isinstance(value, dict):
            out[key] = _fill(value, mv)
        elif isinstance(value, str):
            out[key] = value.replace(MV, mv)
        else:
            out[key] = value
    return out


# --- the scenarios ------------------------------------------------------------------


# A listing whose answer does not depend on what else the project holds.
NOTHING = "/shares?name=no-such-share-anywhere"


def versions(_mv: str) -> list[Step]:
    """The version documents and microversion negotiation."""
    return [
        Step(None, "GET", "/", version=None),
        Step("demo", "GET", "/v2/", version=None),
        Step("demo", "GET", "/v2/", version="2.99"),
        Step("demo", "GET", NOTHING, version=None, note="no header: 2.0"),
        Step("demo", "GET", NOTHING, version="latest"),
        Step("demo", "GET", NOTHING, version="2.100", note="above the max: 406"),
        Step("demo", "GET", NOTHING, version="2.x", note="malformed: 400"),
        Step("demo", "GET", NOTHING, version="3.0"),
        Step("demo", "GET", NOTHING, version="1.0"),
        Step("demo", "GET", NOTHING, version="2.99.1"),
    ]


# Values that depend on which pool the scheduler picked or how many export
# paths the driver gives, not on the API.
_PLACEMENT = frozenset({"availability_zone", "export_locations", "export_location"})


def shares(mv: str) -> list[Step]:
    """Create, show, list, deny the others, delete, as owner, reader, another tenant, admin."""
    name = f"diff-{MV}"
    show = "/shares/{share}"
    listing = f"/shares?name={name}"
    detail = f"/shares/detail?name={name}"
    create = {
        "share": {
            "share_proto": "NFS",
            "size": 1,
            "name": name,
            "description": "differential",
            "metadata": {"k": "v"},
        }
    }
    steps = [
        Step(
            "demo",
            "POST",
            "/shares",
            body=create,
            save={"share": "share.id"},
            wait=Wait(show, ("available", "error")),
            ignore=_PLACEMENT,
        ),
        Step("demo", "GET", show, ignore=_PLACEMENT),
        Step("demo", "GET", listing),
        Step("demo", "GET", detail, ignore=_PLACEMENT),
        Step("reader", "GET", show, ignore=_PLACEMENT),
        Step("reader", "GET", listing),
        Step("alt_demo", "GET", show),
        Step("alt_demo", "GET", listing),
        Step("admin", "GET", show, ignore=_PLACEMENT),
        Step("admin", "GET", f"/shares/detail?all_tenants=1&name={name}", ignore=_PLACEMENT),
        Step(
            "demo", "GET", f"/shares?name={name}&limit=1&offset=0&sort_key=created_at&sort_dir=desc"
        ),
        Step("demo", "GET", f"/shares/detail?name={name}&with_count=true", ignore=_PLACEMENT),
        Step("demo", "GET", "/shares?sort_key=bogus"),
        Step("demo", "GET", "/shares?sort_dir=sideways"),
        Step(
            "demo",
            "PUT",
            show,
            body={"share": {"display_description": "updated"}},
            ignore=_PLACEMENT,
        ),
        Step("reader", "PUT", show, body={"share": {"display_description": "reader"}}),
        Step("demo", "GET", f"/shares/{MISSING}"),
        Step(
            "demo",
            "POST",
            "/shares",
            body={"share": {"share_proto": "NFS", "size": 1, "share_type": "no-such-type"}},
        ),
        Step("reader", "DELETE", show),
        Step("alt_demo", "DELETE", show),
        Step("demo", "POST", "/shares", raw_body=b"{not json"),
        Step("demo", "POST", "/shares", body={"share": {"share_proto": "NFS", "size": 0}}),
        Step("demo", "POST", "/shares", body={"share": {"share_proto": "XYZ", "size": 1}}),
        Step("demo", "DELETE", show, wait=Wait(show, ("gone", "error_deleting"))),
        Step("demo", "GET", show),
    ]
    if mv != "2.0":
        steps.insert(2, Step("demo", "GET", "/shares/{share}/export_locations", ignore=_PLACEMENT))
    if mv == "2.0":
        steps.insert(
            2,
            Step(
                "demo",
                "GET",
                "/{project:demo}/shares/{share}",
                ignore=_PLACEMENT,
                note="URL with the project id",
            ),
        )
    return steps


SCENARIOS = (
    Scenario("versions", versions, versions=("-",)),
    Scenario("shares", shares),
)
