"""The plugin's files in Horizon's ``openstack_dashboard/local/``: put them there, take
them away, and never touch a file that is not ours.

Horizon imports every ``local/enabled/*.py`` and exec()s every
``local/local_settings.d/*.py``. ``enable`` links (or copies) the plugin's files there
and records what it wrote in ``local/.manila-ui.json``; ``disable`` removes exactly
those. A ``*manila*`` file there that we did not write (upstream manila-ui's
``_80_manila_*`` / ``_90*_manila_*``, or a copy edited by hand) stops ``enable`` unless
``replace`` moves it aside (to ``local/.manila-ui-replaced/<time>/``), since Horizon
would load both plugins' panels.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import hashlib
import importlib.util
import json
import os
import shutil
import time
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # the installed manila_ui
SUBDIRS = ("enabled", "local_settings.d")
LANDING_PAGE = "enabled/_9011_manila_project_shares_landing_page.py"
MANIFEST = ".manila-ui.json"
BACKUPS = ".manila-ui-replaced"
# What upstream manila-ui (and any other manila plugin) names its files.
FOREIGN = "*manila*.py"


class EnableError(RuntimeError):
    """Refused: the message says why and what to do."""


@dataclasses.dataclass(frozen=True)
class Change:
    action: str  # linked, copied, updated, removed, moved aside, kept, unchanged
    path: Path
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.action:12} {self.path}{f'  ({self.detail})' if self.detail else ''}"


def find_horizon(horizon_dir: Path | None = None) -> Path:
    """Horizon's ``openstack_dashboard`` folder: given, or the importable one."""
    if horizon_dir is None:
        spec = importlib.util.find_spec("openstack_dashboard")
        if spec is None or not spec.submodule_search_locations:
            raise EnableError("Horizon (openstack_dashboard) is not importable here: run this "
                              "in Horizon's Python environment, or give --horizon-dir")
        horizon_dir = Path(next(iter(spec.submodule_search_locations)))
    horizon_dir = horizon_dir.resolve()
    if horizon_dir.name != "openstack_dashboard" and (horizon_dir / "openstack_dashboard").is_dir():
        horizon_dir = horizon_dir / "openstack_dashboard"
    if not (horizon_dir / "local" / "enabled").is_dir():
        raise EnableError(f"{horizon_dir} has no local/enabled/: not Horizon's "
                          "openstack_dashboard folder")
    return horizon_dir


def plugin_files(landing_page: bool) -> dict[str, Path]:
    """``"<subdir>/<name>"`` in Horizon's local/ -> the plugin's source file."""
    files = {
        f"{sub}/{src.name}": src
        for sub in SUBDIRS
        for src in sorted((PACKAGE / "local" / sub).glob("_*.py"))
        if not src.name.startswith("__")  # never Horizon's own __init__.py
    }
    if landing_page:
        files[LANDING_PAGE] = PACKAGE / "local" / f"{LANDING_PAGE}.example"
    return files


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _record(dst: Path) -> str:
    """What the manifest keeps to recognise a file we wrote."""
    return f"link:{os.readlink(dst)}" if dst.is_symlink() else f"sha256:{_digest(dst)}"


def _is_copy_of(dst: Path, src: Path) -> bool:
    return dst.is_file() and not dst.is_symlink() and dst.read_bytes() == src.read_bytes()


def _links_to_a_plugin(dst: Path, rel: str) -> bool:
    """A symlink to this file of some manila-ui installation (or checkout)."""
    if not dst.is_symlink():
        return False
    target = Path(os.readlink(dst))
    return target.parts[-4:] == ("manila_ui", "local", *rel.split("/")) or (
        target.parts[-4:-1] == ("manila_ui", "local", "enabled")
        and target.name == Path(rel).name + ".example")


class HorizonLocal:
    """Horizon's ``openstack_dashboard/local`` and what we keep in it."""

    def __init__(self, horizon_dir: Path) -> None:
        self.root = horizon_dir / "local"
        self.manifest_path = self.root / MANIFEST

    def manifest(self) -> dict[str, object]:
        try:
            found = json.loads(self.manifest_path.read_text())
        except (OSError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def recorded(self) -> dict[str, str]:
        files = self.manifest().get("files", {})
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}

    def ours(self, rel: str, recorded: dict[str, str]) -> bool:
        """Whether the file at ``rel`` is one we wrote and nobody changed since."""
        dst = self.root / rel
        if not (dst.exists() or dst.is_symlink()):
            return False
        if recorded.get(rel) == _record(dst):
            return True
        # Written before manifests existed (our stack's links, a copy of the README's days).
        src = plugin_files(landing_page=True).get(rel)
        return _links_to_a_plugin(dst, rel) or (src is not None and _is_copy_of(dst, src))

    def foreign(self, recorded: dict[str, str]) -> list[str]:
        """Manila files in Horizon's local/ that we did not write."""
        found = []
        for sub in SUBDIRS:
            folder = self.root / sub
            for dst in sorted(folder.iterdir()) if folder.is_dir() else ():
                rel = f"{sub}/{dst.name}"
                if fnmatch.fnmatch(dst.name, FOREIGN) and not self.ours(rel, recorded):
                    found.append(rel)
        return found

    def _write_manifest(self, files: dict[str, str], mode: str, landing_page: bool) -> None:
        if not files:
            self.manifest_path.unlink(missing_ok=True)
            return
        data = {"manila_ui": _version(), "package": str(PACKAGE), "mode": mode,
                "landing_page": landing_page, "files": dict(sorted(files.items()))}
        _atomic_text(self.manifest_path, json.dumps(data, indent=2) + "\n")

    def enable(self, *, copy: bool = False, landing_page: bool | None = None,
               replace: bool = False, dry_run: bool = False) -> list[Change]:
        """Install the plugin's files; idempotent. ``landing_page=None`` keeps the last
        choice. Raises EnableError on foreign manila files unless ``replace``."""
        recorded = self.recorded()
        if landing_page is None:
            landing_page = bool(self.manifest().get("landing_page", False))
        foreign = self.foreign(recorded)
        if foreign and not replace:
            listed = "\n  ".join(str(self.root / rel) for rel in foreign)
            raise EnableError(
                "Horizon already has manila files that `manila-ui enable` did not write "
                f"(upstream manila-ui's, or ours edited by hand):\n  {listed}\n"
                "Horizon would load both. Remove them, or rerun with --replace to move them "
                f"to {self.root / BACKUPS}/ and install ours.")
        changes: list[Change] = []
        if foreign:
            backup = self.root / BACKUPS / time.strftime("%Y%m%dT%H%M%S")
            for rel in foreign:
                changes.append(Change("moved aside", self.root / rel, f"to {backup / rel}"))
                if not dry_run:
                    (backup / rel).parent.mkdir(parents=True, exist_ok=True)
                    shutil.move(str(self.root / rel), backup / rel)
        wanted = plugin_files(landing_page)
        files: dict[str, str] = {}
        for rel, src in wanted.items():
            dst = self.root / rel
            current = dst.exists() or dst.is_symlink()
            same = _is_copy_of(dst, src) if copy else (
                dst.is_symlink() and Path(os.readlink(dst)) == src)
            if same:
                changes.append(Change("unchanged", dst))
            else:
                action = "updated" if current else ("copied" if copy else "linked")
                changes.append(Change(action, dst, "" if copy else f"-> {src}"))
                if not dry_run:
                    dst.parent.mkdir(exist_ok=True)
                    _atomic_install(src, dst, copy)
            files[rel] = _record(dst) if not dry_run else recorded.get(rel, "")
        for rel in sorted(set(recorded) - set(wanted)):
            changes += self._remove(rel, recorded, dry_run)
        if not dry_run:
            self._write_manifest(files, "copy" if copy else "link", landing_page)
        return changes

    def disable(self, *, dry_run: bool = False) -> list[Change]:
        """Remove exactly the files ``enable`` wrote (and left unchanged)."""
        recorded = self.recorded()
        changes: list[Change] = []
        for rel in sorted(recorded):
            changes += self._remove(rel, recorded, dry_run)
        if not dry_run:
            kept = {c.path for c in changes if c.action == "kept"}
            self._write_manifest({rel: recorded[rel] for rel in recorded
                                  if self.root / rel in kept}, "link", False)
        return changes

    def _remove(self, rel: str, recorded: dict[str, str], dry_run: bool) -> list[Change]:
        dst = self.root / rel
        if not (dst.exists() or dst.is_symlink()):
            return []
        if not self.ours(rel, recorded):
            return [Change("kept", dst, "changed since manila-ui wrote it: remove it yourself")]
        if not dry_run:
            dst.unlink()
        return [Change("removed", dst)]


def _version() -> str:
    try:
        return metadata.version("manila-ui")
    except metadata.PackageNotFoundError:
        return "unknown"


def _atomic_install(src: Path, dst: Path, copy: bool) -> None:
    """Replace ``dst`` in one step: Horizon processes may be reading the folder."""
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")  # one per writer
    tmp.unlink(missing_ok=True)
    if copy:
        shutil.copyfile(src, tmp)
    else:
        tmp.symlink_to(src)
    os.replace(tmp, dst)


def _atomic_text(path: Path, text: str) -> None:
    if path.is_file() and path.read_text() == text:
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text)
    os.replace(tmp, path)
