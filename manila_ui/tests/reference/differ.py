"""Send the same raw HTTP request to two Manila APIs and compare what comes back.

A *side* is one Manila (``bundled`` or ``reference``) reached through keystoneauth
sessions built from its clouds.yaml, one session per cloud (admin, demo,
alt_demo, reader). Responses are normalised (ids, timestamps, hosts, paths,
endpoints) and compared on: status code, fault name, the exact key sets at
every level, the scalar types, normalised values, and the headers Manila
always sends. Every difference has a *kind*; the allow-list in
``allowlist.py`` says which are accepted and why.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import Counter
from collections import defaultdict
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

import openstack.config
from keystoneauth1 import session as ks_session

SIDES = ("bundled", "reference")
ACTORS = ("admin", "demo", "alt_demo", "reader")
VERSION_HEADER = "X-OpenStack-Manila-API-Version"
# Headers Manila sends on every API response (the root document aside).
ALWAYS_HEADERS = ("x-openstack-request-id", "x-compute-request-id")
VERSIONED_HEADERS = ("x-openstack-manila-api-version", "vary")

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HEX32 = re.compile(r"\b[0-9a-f]{32}\b")
_TS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")
_REQ = re.compile(r"req-<uuid>")
_ENDPOINT = re.compile(r"https?://127\.0\.0\.1:\d+")
# Values that name the simulated or dummy storage, not API behaviour.
_HOST_KEYS = {"host", "share_server_host", "backend", "pool"}
# provider_location: where the driver keeps a snapshot, named its own way.
_PATH_KEYS = {"path", "export_location", "export_locations", "provider_location"}


def normalise(value: Any, key: str = "") -> Any:
    """Replace what differs on every run or by back end with placeholders."""
    if isinstance(value, dict):
        return {k: normalise(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v, key) for v in value]
    if isinstance(value, str):
        if key in _HOST_KEYS and value:
            return "<host>"
        if key in _PATH_KEYS and value:
            return "<path>"
        text = _UUID.sub("<uuid>", value)
        text = _HEX32.sub("<id>", text)
        text = _TS.sub("<ts>", text)
        text = _REQ.sub("<req>", text)
        return _ENDPOINT.sub("<endpoint>", text)
    return value


def fault_name(body: Any) -> str | None:
    """Manila's fault bodies are ``{"<faultName>": {"code": N, "message": ...}}``."""
    if isinstance(body, dict) and len(body) == 1:
        ((name, inner),) = body.items()
        if isinstance(inner, dict) and "code" in inner:
            return str(name)
    return None


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: Any
    ms: float


@dataclass
class Side:
    """One Manila API and the sessions of the four clouds."""

    name: str
    clouds_yaml: Path
    sessions: dict[str, ks_session.Session] = field(default_factory=dict)
    endpoint: str = ""

    @classmethod
    def from_clouds(cls, name: str, clouds_yaml: Path) -> Side:
        cfg = openstack.config.OpenStackConfig(config_files=[str(clouds_yaml)])
        side = cls(name, clouds_yaml)
        for actor in ACTORS:
            side.sessions[actor] = cfg.get_one(actor).get_session()
        endpoint = side.sessions["demo"].get_endpoint(service_type="sharev2", interface="public")
        if not endpoint:
            raise LookupError(f"no sharev2 endpoint in the catalog of {clouds_yaml}")
        side.endpoint = endpoint.rstrip("/")
        return side

    @property
    def root(self) -> str:
        return self.endpoint.rsplit("/v2", 1)[0]

    def project_id(self, actor: str) -> str:
        return str(self.sessions[actor].get_project_id())

    def request(
        self,
        actor: str | None,
        method: str,
        path: str,
        *,
        version: str | None,
        body: Any = None,
        raw_body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        """``path`` is relative to the root (``/``, ``/v2/``) or to the v2 endpoint."""
        url = self.root + path if path == "/" or path.startswith("/v2") else self.endpoint + path
        hdrs = {"Accept": "application/json", **(headers or {})}
        if version is not None:
            hdrs[VERSION_HEADER] = version
        sess = self.sessions[actor or "demo"]
        kwargs: dict[str, Any] = {
            "headers": hdrs,
            "raise_exc": False,
            "authenticated": actor is not None,
        }
        if method == "GET":  # a kept-alive connection the server just closed: once more
            kwargs["connect_retries"] = 1
        if raw_body is not None:
            kwargs["data"] = raw_body
            hdrs.setdefault("Content-Type", "application/json")
        elif body is not None:
            kwargs["json"] = body
        t0 = time.perf_counter()
        resp = sess.request(url, method, **kwargs)
        ms = (time.perf_counter() - t0) * 1000
        try:
            payload = resp.json() if resp.content else None
        except ValueError:
            payload = resp.text
        return Response(
            resp.status_code, {k.lower(): v for k, v in resp.headers.items()}, payload, ms
        )


@dataclass
class Difference:
    kind: str  # status | fault | keys | type | value | header | state
    where: str  # the call, e.g. "demo GET /shares/{share} @2.45"
    path: str  # JSON path inside the body ("" for the whole response)
    bundled: Any
    reference: Any
    statuses: tuple[int, int] = (0, 0)

    def __str__(self) -> str:
        at = f" at {self.path}" if self.path else ""
        codes = f" (HTTP {self.statuses[0]} / {self.statuses[1]})" if self.statuses[0] else ""
        return (
            f"[{self.kind}] {self.where}{codes}{at}: bundled={_short(self.bundled)} "
            f"reference={_short(self.reference)}"
        )


def _short(value: Any, limit: int = 300) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=str)
    return text if len(text) <= limit else text[:limit] + "..."


def _type(value: Any) -> str:
    return (
        "number"
        if isinstance(value, int | float) and not isinstance(value, bool)
        else (type(value).__name__)
    )


def compare_bodies(where: str, a: Any, b: Any, path: str = "") -> list[Difference]:
    """Key sets, types and normalised values, recursively (lists element by element)."""
    diffs: list[Difference] = []
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            diffs.append(
                Difference(
                    "keys", where, path or "$", sorted(set(a) - set(b)), sorted(set(b) - set(a))
                )
            )
        for key in sorted(set(a) & set(b)):
            diffs += compare_bodies(where, a[key], b[key], f"{path}.{key}" if path else key)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            diffs.append(Difference("value", where, f"{path}[len]", len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            diffs += compare_bodies(where, x, y, f"{path}[{i}]")
    elif a is None or b is None:
        if a != b:
            diffs.append(Difference("value", where, path, a, b))
    elif _type(a) != _type(b):
        diffs.append(Difference("type", where, path, _type(a), _type(b)))
    elif a != b:
        diffs.append(Difference("value", where, path, a, b))
    return diffs


def _sorted_lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted_lists(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_lists(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, default=str))
    return value


def _without(value: Any, keys: frozenset[str]) -> Any:
    if not keys:
        return value
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


def _keys_on(path: str) -> set[str]:
    """The object keys along a JSON path such as ``shares[0].export_locations[len]``."""
    return set(re.sub(r"\[[^\]]*\]", "", path).split("."))


def compare(
    where: str,
    a: Response,
    b: Response,
    *,
    values: bool = True,
    ignore: frozenset[str] = frozenset(),
    unordered: bool = False,
) -> list[Difference]:
    """All differences between the bundled (``a``) and the reference (``b``) answer.
    ``unordered``: the lists in the bodies are compared as sets (Manila gives
    them in no defined order)."""
    diffs: list[Difference] = []
    if a.status != b.status:
        diffs.append(Difference("status", where, "", a.status, b.status))
    fa, fb = fault_name(a.body), fault_name(b.body)
    if fa != fb:
        diffs.append(
            Difference("fault", where, "", fa or _short(a.body, 120), fb or _short(b.body, 120))
        )
    elif fa is None and a.status == b.status:
        na, nb = normalise(a.body), normalise(b.body)
        if unordered:
            # Ignored keys (ids of each database...) must not decide the order.
            na, nb = _sorted_lists(_without(na, ignore)), _sorted_lists(_without(nb, ignore))
        body_diffs = compare_bodies(where, na, nb)
        diffs += [
            d for d in body_diffs if (values or d.kind != "value") and not ignore & _keys_on(d.path)
        ]
    for header in ALWAYS_HEADERS + VERSIONED_HEADERS:
        if (header in a.headers) != (header in b.headers):
            diffs.append(
                Difference("header", where, header, a.headers.get(header), b.headers.get(header))
            )
        elif (
            header in VERSIONED_HEADERS
            and header in a.headers
            and (a.headers[header] != b.headers[header])
        ):
            diffs.append(Difference("header", where, header, a.headers[header], b.headers[header]))
    for diff in diffs:
        diff.statuses = (a.status, b.status)
    return diffs


@dataclass
class Exchange:
    """One compared call, as the dump file (``MANILA_UI_DIFF_DUMP``) keeps it."""

    scenario: str
    where: str
    request: str
    bundled: Response
    reference: Response
    differences: list[Difference]


@dataclass
class Recorder:
    """What a test session compared; printed as the summary at the end."""

    scenarios: set[str] = field(default_factory=set)
    calls: int = 0
    differences: list[Difference] = field(default_factory=list)
    allowed: list[tuple[Difference, str]] = field(default_factory=list)
    # Differences inside scenarios marked xfail (the bundled backend lacks the endpoint).
    pending: dict[str, list[Difference]] = field(default_factory=lambda: defaultdict(list))
    timings: dict[tuple[str, str], list[float]] = field(default_factory=lambda: defaultdict(list))
    # (where, the states each side was seen in while waiting: bundled, reference)
    states: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    exchanges: list[Exchange] = field(default_factory=list)

    def timing(self, side: str, call: str, ms: float) -> None:
        self.timings[(side, call)].append(ms)

    def exchange(self, scenario: str, where: str, request: str, a: Response, b: Response,
                 diffs: list[Difference]) -> None:
        self.exchanges.append(Exchange(scenario, where, request, a, b, diffs))

    def dump(self, path: Path) -> None:
        """Every compared call with both answers, as JSON lines (for reports)."""
        with open(path, "w") as fh:
            for ex in self.exchanges:
                fh.write(json.dumps({
                    "scenario": ex.scenario, "where": ex.where, "request": ex.request,
                    "bundled": {"status": ex.bundled.status, "body": ex.bundled.body},
                    "reference": {"status": ex.reference.status, "body": ex.reference.body},
                    "differences": [str(d) for d in ex.differences],
                }, default=str) + "\n")

    def summary_lines(self) -> list[str]:
        kinds = Counter(d.kind for d in self.differences)
        pending = [d for diffs in self.pending.values() for d in diffs]
        lines = [
            f"differential: {len(self.scenarios)} scenarios, {self.calls} calls compared, "
            f"{len(self.differences)} differences"
            + (f" ({', '.join(f'{k}: {n}' for k, n in sorted(kinds.items()))})" if kinds else "")
            + f", {len(self.allowed)} allowed by the allow-list, "
            f"{len(pending)} in scenarios pending on the bundled backend",
        ]
        lines += [f"  {d}" for d in self.differences]
        for why, diffs in sorted(self.pending.items()):
            by_kind = Counter(d.kind for d in diffs)
            lines.append(f"pending ({why}): {len(diffs)} differences "
                         f"({', '.join(f'{k}: {n}' for k, n in sorted(by_kind.items()))})")
            lines += [f"  {d}" for d in diffs[:15]]
            if len(diffs) > 15:
                lines.append(f"  ... and {len(diffs) - 15} more")
        if self.allowed:
            by_reason = Counter(why for _, why in self.allowed)
            lines.append("allowed differences (by reason):")
            lines += [f"  {n:4d} x {why}" for why, n in sorted(by_reason.items())]
        transitions = Counter(
            (re.sub(r" @\S+", "", where), " > ".join(a), " > ".join(b))
            for where, a, b in self.states
        )
        if transitions:
            lines.append("states seen while waiting (bundled | reference), runs:")
            lines += [f"  {a} | {b}  {where}  x{n}"
                      for (where, a, b), n in sorted(transitions.items())]
        calls = sorted({call for _, call in self.timings})
        if calls:
            lines.append("median ms per call, all microversions (bundled / reference):")
            for call in calls:
                med = [self.timings.get((s, call)) for s in SIDES]
                shown = " / ".join(f"{statistics.median(m):7.1f}" if m else "      -" for m in med)
                lines.append(f"  {shown}  {call}")
        return lines
