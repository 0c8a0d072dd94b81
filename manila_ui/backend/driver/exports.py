"""The simulated back end's side of access rules.

Which rule types each protocol honours (a rule of another type ends in
``error``, as Manila's dummy driver does), cephx keys for cephx rules, and
the NFS exports file: on every access change the share's effective rules,
in the order the service hands them over, become ``exports(5)`` lines in
``$state_path/exports/<share id>.exports``, written to a temporary file and
renamed over the old one, so a reader never sees half a file.

A rule without a ``squash`` mode is exported ``no_root_squash``, as
Manila's NFS drivers always do; a rule with one gets it (and its anon ids)
where the pool honours that mode.
"""

from __future__ import annotations

import base64
import dataclasses
import os
import tempfile
from collections.abc import Collection
from collections.abc import Iterable
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SQUASH_MODES = ("no_root_squash", "root_squash", "all_squash")
FAIL_OPERATION = "access"   # simulated_driver:fail=access fails every sync


class AccessFailed(Exception):
    """The back end failed to apply a share's rules (every pending rule of
    the sync ends in ``error``)."""


@dataclasses.dataclass(frozen=True)
class ExportRule:
    id: str
    access_type: str
    access_to: str
    access_level: str
    squash: str | None = None
    anonuid: int | None = None
    anongid: int | None = None
    access_key: str | None = None


def new_cephx_key() -> str:
    """A key in Ceph's format: base64 of a versioned 30-byte secret."""
    return base64.b64encode(bytes([1, 0]) + os.urandom(28)).decode()


def export_path(share_id: str) -> str:
    """Where the share lives on the simulated NFS server (the path part of
    its export locations)."""
    return "/shares/share_" + share_id.replace("-", "_")


def snapshot_export_path(snapshot_id: str) -> str:
    """Where a mountable snapshot lives on the simulated NFS server."""
    return "/snapshots/snapshot_" + snapshot_id.replace("-", "_")


def export_line(path: str, rule: ExportRule, pool_modes: Collection[str]) -> str:
    squash = rule.squash if rule.squash and rule.squash in pool_modes \
        else "no_root_squash"
    options = [rule.access_level, squash]
    if squash != "no_root_squash":
        options += [f"{key}={value}" for key, value in (
            ("anonuid", rule.anonuid), ("anongid", rule.anongid)) if value is not None]
    return f"{path} {rule.access_to}({','.join(options)})"


def render(share_id: str, path: str, rules: Iterable[ExportRule],
           pool_modes: Collection[str], what: str = "share") -> str:
    lines = [f"# {what} {share_id}: effective access, first match wins",
             "# (priority, then the most specific range, then the oldest rule)"]
    lines += [export_line(path, rule, pool_modes)
              for rule in rules if rule.access_type == "ip"]
    return "\n".join(lines) + "\n"


def parse_access_types(entries: Iterable[str]) -> dict[str, frozenset[str]]:
    """``["NFS:ip", "CIFS:user"]`` → ``{"NFS": {"ip"}, "CIFS": {"user"}}``."""
    found: dict[str, set[str]] = {}
    for entry in entries:
        proto, _, access_type = entry.partition(":")
        if proto and access_type:
            found.setdefault(proto.strip().upper(), set()).add(access_type.strip().lower())
    return {proto: frozenset(types) for proto, types in found.items()}


class AccessDriver:
    def __init__(self, folder: Path, access_types: Mapping[str, frozenset[str]]) -> None:
        self.folder = folder
        self._types = access_types

    def exports_file(self, share_id: str) -> Path:
        return self.folder / f"{share_id}.exports"

    def supports(self, share_proto: str, access_type: str) -> bool:
        return access_type in self._types.get(share_proto.upper(), frozenset())

    def update_access(self, share_id: str, share_proto: str,
                      rules: list[ExportRule], pool_modes: Collection[str],
                      fail: bool = False) -> dict[str, dict[str, Any]]:
        """Apply ``rules`` (everything that must be on the share, in
        effective order); returns per-rule updates (``state`` for a rule
        this back end cannot honour, ``access_key`` for new cephx rules).
        ``fail``: the hint told this sync to fail."""
        if fail:
            raise AccessFailed(f"the simulated back end was told to fail access "
                               f"changes of share {share_id}")
        updates: dict[str, dict[str, Any]] = {}
        applied = []
        for rule in rules:
            if not self.supports(share_proto, rule.access_type):
                updates[rule.id] = {"state": "error"}
                continue
            if rule.access_type == "cephx" and not rule.access_key:
                updates[rule.id] = {"access_key": new_cephx_key()}
            applied.append(rule)
        if share_proto.upper() == "NFS":
            self._write(share_id, render(share_id, export_path(share_id), applied,
                                         pool_modes))
        return updates

    def update_snapshot_access(self, snapshot_id: str, share_proto: str,
                               rules: list[ExportRule],
                               fail: bool = False) -> dict[str, dict[str, Any]]:
        """A mountable snapshot's rules (2.32): read-only whatever they say,
        written as the snapshot's exports file; per-rule updates as for a
        share."""
        if fail:
            raise AccessFailed(f"the simulated back end was told to fail access "
                               f"changes of snapshot {snapshot_id}")
        updates: dict[str, dict[str, Any]] = {}
        applied = []
        for rule in rules:
            if not self.supports(share_proto, rule.access_type):
                updates[rule.id] = {"state": "error"}
                continue
            applied.append(dataclasses.replace(rule, access_level="ro"))
        if share_proto.upper() == "NFS":
            self._write(snapshot_id, render(snapshot_id, snapshot_export_path(snapshot_id),
                                            applied, (), what="snapshot"))
        return updates

    def forget(self, share_id: str) -> None:
        """The share is gone: so is its exports file."""
        try:
            self.exports_file(share_id).unlink()
        except FileNotFoundError:
            pass

    def _write(self, share_id: str, text: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.exports_file(share_id)
        fd, temp = tempfile.mkstemp(dir=self.folder, prefix=f".{share_id}.",
                                    suffix=".tmp")
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
        except BaseException:
            try:
                os.unlink(temp)
            except FileNotFoundError:
                pass
            raise
