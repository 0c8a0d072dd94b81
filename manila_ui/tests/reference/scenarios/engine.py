"""Run scripted API steps against both sides and compare each answer.

A step's path or body strings may hold ``{name}`` (a value an earlier step
saved on that side), ``{project:<actor>}`` (that actor's project id on that
side), ``<mv>`` (the scenario's microversion) and ``<tok>`` (a token unique to
the run, so names never meet leftovers of an earlier run). ``version`` ``MV``
stands for the scenario's microversion; ``None`` sends no header.
"""

from __future__ import annotations

import concurrent.futures
import json
import re
import time
import uuid
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
TOKEN = "<tok>"
MAX = "2.99"  # manila 23.0.1
# The microversions, plus python-manilaclient's max (2.98) and Manila's (2.99).
MICROVERSIONS = ("2.0", "2.45", "2.51", "2.69", "2.98", MAX)
MISSING = "00000000-0000-4000-8000-000000000000"
# What real Manila 23 answers to a GET racing the deletion of a share's instance:
# a 500 (views/shares.py add_encryption_key_ref_field, 2.90+) or a null status; and
# of a snapshot's instance, a 400 (models.py ShareSnapshot.instance, see
# research/perf-upstream-manila-ui.md "Incidents"). Seen on the reference side
# while waiting, they are Manila's races, not differences.
REFERENCE_GLITCHES = frozenset({"HTTP 500", "HTTP 400", "None"})
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?::([a-z_]+))?\}")


def at_least(mv: str, floor: str) -> bool:
    """``mv >= floor`` as microversions (``2.9 < 2.10``)."""
    a, b = (tuple(int(p) for p in x.split(".")) for x in (mv, floor))
    return a >= b


def ref(name: str) -> str:
    """The placeholder of a saved value: ``ref("share")`` is ``{share}``."""
    return "{" + name + "}"


def action(mv: str, name: str) -> str:
    """Share and snapshot action names carry an ``os-`` prefix below 2.7."""
    return name if at_least(mv, "2.7") else f"os-{name}"


@dataclass(frozen=True)
class Wait:
    """Poll ``GET path`` as the step's actor until ``status`` (a body path) is in
    ``until``; ``"gone"`` means a 404. ``via`` are the transitional states Manila
    goes through: any other state seen on either side is a difference."""

    path: str
    until: tuple[str, ...]
    via: tuple[str, ...] = ()
    status: str = "share.status"
    timeout: float = 60
    version: str | None = MV
    headers: dict[str, str] = field(default_factory=dict)  # e.g. experimental APIs'


@dataclass(frozen=True)
class Step:
    actor: str | None
    method: str
    path: str
    version: str | None = MV
    body: Any = None
    raw_body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    save: dict[str, str] = field(default_factory=dict)
    wait: Wait | None = None
    values: bool = True
    ignore: frozenset[str] = frozenset()
    unordered: bool = False  # lists in no defined order: compare them as sets
    note: str = ""  # shown in the call's name: allow-list entries match on it


@dataclass(frozen=True)
class Scenario:
    name: str
    build: Callable[[str], list[Step]]
    versions: tuple[str, ...] = MICROVERSIONS
    # (method, route template of manila_ui.backend.rest.router[, from microversion])
    # the scenario needs: while one is missing the bundled backend has not built it yet.
    needs: tuple[tuple[str, ...], ...] = ()
    resource: str = ""

    def missing(self, mv: str, routes: dict[str, set[str]]) -> list[str]:
        """The needed routes absent from ``routes`` (template with ``{}`` -> methods)."""
        out = []
        for need in self.needs:
            method, template = need[0], need[1]
            if len(need) > 2 and mv != "-" and not at_least(mv, need[2]):
                continue
            if method not in routes.get(template, set()):
                out.append(f"{method} {template}")
        return out


def _dig(body: Any, dotted: str) -> Any:
    """``a.0.id`` or, in a list whose order is not fixed, ``a.key=value.id``
    (the first element whose ``key`` reads ``value``)."""
    for part in dotted.split("."):
        if isinstance(body, list) and "=" in part:
            key, value = part.split("=", 1)
            body = next(x for x in body if str(x.get(key)) == value)
        else:
            body = body[int(part)] if isinstance(body, list) else body[part]
    return body


class Run:
    """One scenario at one microversion on both sides."""

    def __init__(self, sides: dict[str, Side], recorder: Recorder, mv: str, scenario: str = ""
                 ) -> None:
        self.sides = sides
        self.recorder = recorder
        self.mv = mv
        self.scenario = scenario
        self.token = uuid.uuid4().hex[:6]
        self.vars: dict[str, dict[str, str]] = {name: {} for name in sides}

    def _text(self, side: str, template: str) -> str:
        def sub(match: re.Match[str]) -> str:
            name, actor = match.group(1), match.group(2)
            if name == "project" and actor:
                return self.sides[side].project_id(actor)
            return self.vars[side].get(name, match.group(0))

        text = template.replace(MV, self.mv).replace(TOKEN, self.token)
        return _PLACEHOLDER.sub(sub, text)

    def _fill(self, side: str, value: Any) -> Any:
        if isinstance(value, dict):
            return {self._text(side, k): self._fill(side, v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._fill(side, v) for v in value]
        if isinstance(value, str):
            return self._text(side, value)
        return value

    def _send(self, side: str, step: Step) -> Response:
        return self.sides[side].request(
            step.actor,
            step.method,
            self._text(side, step.path),
            version=self.mv if step.version == MV else step.version,
            body=self._fill(side, step.body),
            raw_body=step.raw_body,
            headers=step.headers,
        )

    def _wait(self, side: str, step: Step, wait: Wait) -> list[str]:
        """The states seen, in order, the last one final (or the one at the timeout)."""
        seen: list[str] = []
        deadline = time.monotonic() + wait.timeout
        while True:
            resp = self.sides[side].request(
                step.actor,
                "GET",
                self._text(side, wait.path),
                version=self.mv if wait.version == MV else wait.version,
                headers=wait.headers,
            )
            try:
                state = "gone" if resp.status == 404 else str(_dig(resp.body, wait.status))
            except (KeyError, IndexError, TypeError):
                state = f"HTTP {resp.status}"
            if not seen or seen[-1] != state:
                seen.append(state)
            if state in wait.until or state == "gone" or time.monotonic() > deadline:
                return seen
            time.sleep(0.1)  # a poll interval, not synchronisation: the loop checks the state

    def _side(self, side: str, step: Step) -> tuple[Response, list[str] | None]:
        resp = self._send(side, step)
        for var, dotted in step.save.items():
            try:
                self.vars[side][var] = str(_dig(resp.body, dotted))
            except (KeyError, IndexError, TypeError, ValueError):
                self.vars[side][var] = MISSING
        seen = self._wait(side, step, step.wait) if step.wait and resp.status < 400 else None
        return resp, seen

    def step(self, step: Step) -> list[Difference]:
        label = f" [{step.note}]" if step.note else ""
        where = f"{step.actor or 'anonymous'} {step.method} {step.path} @{self.mv}{label}"
        # Both sides at once: the waits for asynchronous states overlap.
        with concurrent.futures.ThreadPoolExecutor(len(self.sides)) as pool:
            futures = {side: pool.submit(self._side, side, step) for side in self.sides}
            results = {side: f.result() for side, f in futures.items()}
        answers = {side: resp for side, (resp, _) in results.items()}
        seen = {side: states for side, (_, states) in results.items() if states is not None}
        for side, resp in answers.items():
            self.recorder.timing(side, f"{step.method} {step.path}", resp.ms)
        self.recorder.calls += 1
        a, b = answers["bundled"], answers["reference"]
        diffs = compare(where, a, b, values=step.values, ignore=step.ignore,
                        unordered=step.unordered)
        if step.wait and seen:
            diffs += _state_diffs(where, step.wait, seen)
            self.recorder.states.append(
                (where, seen.get("bundled", []), seen.get("reference", [])))
        self.recorder.exchange(self.scenario, where, self._request_text(step), a, b, diffs)
        return diffs

    def _request_text(self, step: Step) -> str:
        version = self.mv if step.version == MV else step.version
        body = step.raw_body.decode(errors="replace") if step.raw_body is not None else (
            json.dumps(self._fill("reference", step.body)) if step.body is not None else "")
        hdrs = "".join(f" -H '{k}: {v}'" for k, v in step.headers.items())
        ver = f" -H 'X-OpenStack-Manila-API-Version: {version}'" if version else ""
        return (f"{step.actor or 'anonymous'}: {step.method} "
                f"{self._text('reference', step.path)}{ver}{hdrs}"
                + (f" -d '{body}'" if body else ""))


def _state_diffs(where: str, wait: Wait, seen: dict[str, list[str]]) -> list[Difference]:
    diffs: list[Difference] = []
    a, b = seen.get("bundled", []), seen.get("reference", [])
    final_a, final_b = (a[-1] if a else None), (b[-1] if b else None)
    if final_a != final_b:
        diffs.append(Difference("state", where, f"{wait.status} (final)", final_a, final_b))
    known = set(wait.via) | set(wait.until)
    for side, states in (("bundled", a), ("reference", b)):
        odd = [s for s in states[:-1] if s not in known
               and not (side == "reference" and s in REFERENCE_GLITCHES)]
        if odd:
            diffs.append(Difference(
                "state", where, f"{wait.status} (transitional, {side})",
                odd if side == "bundled" else list(wait.via),
                list(wait.via) if side == "bundled" else odd))
    return diffs
