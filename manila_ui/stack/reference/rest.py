"""A tiny JSON-over-HTTP client (stdlib only) for Keystone and Manila admin calls."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from manila_ui.stack.procs import StackError


def call(
    method: str,
    url: str,
    token: str | None = None,
    body: Any = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> tuple[int, dict[str, str], Any]:
    """Send one request; return (status, headers, decoded JSON or None). Never raises on 4xx/5xx."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)  # noqa: S310 - loopback URLs
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("X-Auth-Token", token)
    for key, value in (headers or {}).items():
        req.add_header(key, value)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310
            status, hdrs, raw = resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        status, hdrs, raw = exc.code, dict(exc.headers), exc.read()
    try:
        payload = json.loads(raw) if raw else None
    except ValueError:
        payload = raw.decode(errors="replace")
    return status, hdrs, payload


def expect(result: tuple[int, dict[str, str], Any], *ok: int, what: str) -> Any:
    status, _, payload = result
    if status not in ok:
        raise StackError(f"{what}: HTTP {status}: {payload}")
    return payload


def password_token(auth_url: str, user: str, password: str, project: str) -> str:
    body = {
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {
                    "user": {"name": user, "domain": {"id": "default"}, "password": password}
                },
            },
            "scope": {"project": {"name": project, "domain": {"id": "default"}}},
        }
    }
    status, headers, payload = call("POST", f"{auth_url}/auth/tokens", body=body)
    if status != 201:
        raise StackError(f"token for {user}@{project}: HTTP {status}: {payload}")
    lowered = {k.lower(): v for k, v in headers.items()}
    return lowered["x-subject-token"]
