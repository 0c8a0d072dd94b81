"""Manila API microversions, chosen per named feature from what the server says.

The dashboard never pins a version. The server's version document is read
once per endpoint (and kept for ``VERSION_CACHE_SECONDS``); each request then
talks at the highest version both sides know, and a panel asks
``supports(request, "feature")`` before it shows what needs a newer server.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib import parse

from manilaclient import api_versions

from manila_ui.api import exceptions

LOG = logging.getLogger(__name__)

# The oldest server the dashboard accepts: export locations with "preferred"
# (2.14) are the newest thing the core pages cannot do without.
MIN_VERSION = "2.14"

# The newest version python-manilaclient can speak (2.98 for 6.3).
CLIENT_MAX_VERSION = api_versions.MAX_VERSION

# Feature name -> the microversion that introduced it (manila's history).
FEATURES: dict[str, str] = {
    "share_type_name": "2.6",
    "core_urls": "2.7",
    "export_locations": "2.9",
    "access_rules_status": "2.10",
    "snapshot_manage": "2.12",
    "export_location_preferred": "2.14",
    "snapshot_project": "2.17",
    "revert_to_snapshot": "2.27",
    "mountable_snapshots": "2.32",
    "access_rule_states": "2.28",
    "name_like_filters": "2.36",
    "messages": "2.37",
    "access_ipv6": "2.38",
    "share_type_description": "2.41",
    "security_service_ou": "2.44",
    "with_count": "2.42",
    "share_type_extra_specs_filter": "2.43",
    "access_rules_list": "2.45",
    "share_type_is_default": "2.46",
    "share_server_manage": "2.49",
    "share_type_update": "2.50",
    "share_network_subnets": "2.51",
    "messages_date_filters": "2.52",
    "share_progress": "2.54",
    "share_groups": "2.55",
    "replication": "2.56",
    "share_server_migration": "2.57",   # experimental in Manila 23
    "per_share_gigabytes_quota": "2.62",
    "share_network_security_service_update": "2.63",
    "force_extend": "2.64",
    "scheduler_hints": "2.65",
    "admin_only_metadata": "2.68",
    "soft_delete": "2.69",
    "multiple_subnets_per_zone": "2.70",
    "snapshot_metadata": "2.73",
    "default_ad_site": "2.76",
    "share_transfers": "2.77",
    "subnet_metadata": "2.78",
    "with_count_snapshots": "2.79",
    "share_backups": "2.80",
    "resource_locks": "2.81",
    "access_rule_locks": "2.82",
    "service_disabled_reason": "2.83",
    "mount_point_name": "2.84",
    "ensure_shares": "2.86",
    "export_location_metadata": "2.87",
    "access_level_update": "2.88",
    "backup_type": "2.85",
    "encryption_keys": "2.90",
    "backup_restore_to_target": "2.91",
    "qos_types": "2.94",
    "share_migration": "2.96",
    "az_list_filter": "2.97",
}

VERSION_CACHE_SECONDS = 300.0


@dataclass(frozen=True)
class ServerVersions:
    """What one Manila endpoint advertises."""

    min_version: str
    max_version: str


def _parse(version: str) -> tuple[int, int]:
    major, _, minor = version.strip().partition(".")
    return int(major), int(minor or 0)


def version_key(version: str) -> tuple[int, int]:
    """Sort key for "2.N" strings ("2.9" < "2.10")."""
    return _parse(version)


def _fmt(version: tuple[int, int]) -> str:
    return f"{version[0]}.{version[1]}"


def parse_version_document(body: Any) -> ServerVersions:
    """Read the v2 entry of a Manila versions document (``GET /`` or ``/v2/``).

    Accepts ``{"versions": [...]}`` and ``{"version": {...}}``. A server
    without microversion fields is a plain 2.0 server.
    """
    entries: list[Any]
    if isinstance(body, dict) and isinstance(body.get("versions"), list):
        entries = body["versions"]
    elif isinstance(body, dict) and isinstance(body.get("version"), dict):
        entries = [body["version"]]
    else:
        raise ValueError("not a versions document")
    v2 = [e for e in entries
          if isinstance(e, dict) and str(e.get("id", "")).startswith("v2")]
    if not v2:
        raise ValueError("no v2 API in the versions document")
    current = [e for e in v2 if e.get("status") == "CURRENT"] or v2
    entry = current[0]
    max_version = entry.get("version") or "2.0"
    min_version = entry.get("min_version") or "2.0"
    _parse(max_version), _parse(min_version)  # validate both
    return ServerVersions(min_version=min_version, max_version=max_version)


def negotiate(server: ServerVersions,
              client_max: str = CLIENT_MAX_VERSION,
              minimum: str = MIN_VERSION) -> str:
    """The version to talk at: the highest one both sides know.

    Raises MicroversionTooLow when the server cannot serve the dashboard.
    """
    chosen = min(_parse(server.max_version), _parse(client_max))
    if chosen < _parse(minimum) or chosen < _parse(server.min_version):
        raise exceptions.MicroversionTooLow(
            f"The Manila API offers {server.min_version}-{server.max_version};"
            f" this dashboard needs at least {minimum}.")
    return _fmt(chosen)


def is_supported(version: str, feature: str) -> bool:
    """Whether talking at ``version`` gives ``feature``."""
    try:
        needed = FEATURES[feature]
    except KeyError:
        raise ValueError(f"unknown Manila feature {feature!r}") from None
    return _parse(version) >= _parse(needed)


def version_root(endpoint: str) -> str:
    """The versioned root of a catalog endpoint: ``.../v2/`` (no project id).

    ``http://h:8786/v2/<project>`` and ``http://h/share/v2`` both map to
    their ``.../v2/`` document.
    """
    parts = parse.urlsplit(endpoint)
    segments = [s for s in parts.path.split("/") if s]
    for i, seg in enumerate(segments):
        if seg.startswith("v") and seg[1:].split(".")[0].isdigit():
            segments = segments[: i + 1]
            break
    path = "/" + "/".join(segments) + "/" if segments else "/"
    return parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class _VersionCache:
    """Process-wide, per-endpoint cache of version documents (short TTL)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[float, ServerVersions]] = {}

    def get(self, key: str) -> ServerVersions | None:
        with self._lock:
            entry = self._entries.get(key)
        if entry and entry[0] > time.monotonic():
            return entry[1]
        return None

    def put(self, key: str, value: ServerVersions) -> None:
        with self._lock:
            self._entries[key] = (
                time.monotonic() + VERSION_CACHE_SECONDS, value)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


_CACHE = _VersionCache()


def clear_cache() -> None:
    _CACHE.clear()


def cached_server_versions(endpoint: str) -> ServerVersions | None:
    """The endpoint's version document if this process read it lately
    (no call)."""
    return _CACHE.get(version_root(endpoint))


def fetch_server_versions(session: Any, endpoint: str) -> ServerVersions:
    """The endpoint's version document, from the cache or one GET.

    ``session`` is a keystoneauth session that can authenticate: real Manila
    serves ``/v2/`` only behind auth_token, and the unauthenticated root
    is the fallback.
    """
    root = version_root(endpoint)
    cached = _CACHE.get(root)
    if cached is not None:
        return cached
    candidates = [root, parse.urljoin(root, "/")]
    last_error: BaseException | None = None
    for url in candidates:
        try:
            resp = session.get(url, raise_exc=False,
                               authenticated=url == root,
                               headers={"Accept": "application/json"})
            if resp.status_code not in (200, 300):
                last_error = exceptions.ManilaUnavailable(
                    f"{url} answered HTTP {resp.status_code}")
                continue
            versions = parse_version_document(resp.json())
        except exceptions.RECOVERABLE + (ValueError,) as exc:
            last_error = exc
            continue
        _CACHE.put(root, versions)
        LOG.debug("Manila at %s offers %s-%s", root,
                  versions.min_version, versions.max_version)
        return versions
    raise exceptions.ManilaUnavailable(
        f"Unable to read the Manila version document at {root}: {last_error}")
