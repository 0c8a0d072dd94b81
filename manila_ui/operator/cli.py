"""``manila-ui``: enable the plugin in the Horizon of this Python environment.

    manila-ui enable [--landing-page] [--copy] [--replace]   the one step after pip install
    manila-ui disable                                        remove exactly what enable wrote
    manila-ui status                                         what is enabled where

``enable`` and ``disable`` then run Horizon's ``collectstatic`` and ``compress`` (the
plugin brings its own JavaScript and SCSS) with ``DJANGO_SETTINGS_MODULE`` (default
``openstack_dashboard.settings``); restart Horizon afterwards.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

from manila_ui.operator import horizon_local
from manila_ui.operator.horizon_local import EnableError
from manila_ui.operator.horizon_local import HorizonLocal


def _say(text: str) -> None:
    print(text, flush=True)  # noqa: T201 - a CLI talks to its operator


def _static(horizon_dir: Path) -> int:
    """collectstatic + compress in Horizon's own interpreter; 0 when done."""
    spec = importlib.util.find_spec("openstack_dashboard")
    here = spec and spec.submodule_search_locations and Path(
        next(iter(spec.submodule_search_locations))).resolve()
    django = [sys.executable, "-m", "django"]
    steps = [[*django, "collectstatic", "--noinput", "-v0"], [*django, "compress", "--force",
                                                             "-v0"]]
    commands = "\n  ".join(" ".join(step) for step in steps)
    if here != horizon_dir:
        _say(f"static files: {horizon_dir} is not this Python's Horizon; in its environment run"
             f"\n  {commands}")
        return 0
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "openstack_dashboard.settings")
    started = time.monotonic()
    for step in steps:
        done = subprocess.run(step, env=env, capture_output=True, text=True,  # noqa: S603
                              check=False)
        if done.returncode:
            tail = "\n".join((done.stdout + done.stderr).splitlines()[-15:])
            _say(f"{step[3]} failed ({done.returncode}):\n{tail}\n"
                 f"Fix Horizon's settings, then run\n  {commands}")
            return 1
    _say(f"static files collected and compressed ({time.monotonic() - started:.0f} s)")
    return 0


def _report(changes: list[horizon_local.Change], dry_run: bool) -> None:
    for change in changes:
        if change.action != "unchanged":
            _say(("would be " if dry_run else "") + str(change))
    same = sum(c.action == "unchanged" for c in changes)
    if same:
        _say(f"{same} file(s) already in place")


def enable(args: argparse.Namespace) -> int:
    horizon_dir = horizon_local.find_horizon(args.horizon_dir)
    changes = HorizonLocal(horizon_dir).enable(
        copy=args.copy, landing_page=args.landing_page, replace=args.replace,
        dry_run=args.dry_run)
    _report(changes, args.dry_run)
    if args.dry_run:
        return 0
    _say(f"manila-ui is enabled in {horizon_dir}")
    return _finish(args, horizon_dir, "to load the plugin")


def disable(args: argparse.Namespace) -> int:
    horizon_dir = horizon_local.find_horizon(args.horizon_dir)
    changes = HorizonLocal(horizon_dir).disable(dry_run=args.dry_run)
    _report(changes, args.dry_run)
    if not changes:
        _say(f"manila-ui was not enabled in {horizon_dir} (by `manila-ui enable`)")
    if args.dry_run or not changes:
        return 0
    return _finish(args, horizon_dir, "to unload the plugin")


def _finish(args: argparse.Namespace, horizon_dir: Path, why: str) -> int:
    """Rebuild the static files (the plugin's JS and SCSS come or go); then a restart."""
    rc = 0 if args.skip_static else _static(horizon_dir)
    if rc == 0:
        _say(f"Restart Horizon (the web server or its WSGI processes) {why}.")
    return rc


def status(args: argparse.Namespace) -> int:
    horizon_dir = horizon_local.find_horizon(args.horizon_dir)
    local = HorizonLocal(horizon_dir)
    recorded = local.recorded()
    manifest = local.manifest()
    if not recorded:
        _say(f"manila-ui is not enabled in {horizon_dir}")
    else:
        _say(f"manila-ui {manifest.get('manila_ui')} enabled in {horizon_dir} "
             f"({manifest.get('mode')}, landing page: "
             f"{'Shares' if manifest.get('landing_page') else 'Horizon default'})")
        for rel in sorted(recorded):
            state = "ok" if local.ours(rel, recorded) else "changed or missing"
            _say(f"  {rel}: {state}")
    for rel in local.foreign(recorded):
        _say(f"  {rel}: not written by manila-ui enable (upstream manila-ui's?)")
    return 0 if recorded else 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="manila-ui", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)

    def command(name: str, helptext: str) -> argparse.ArgumentParser:
        cmd = sub.add_parser(name, help=helptext)
        cmd.add_argument("--horizon-dir", type=Path, help="Horizon's openstack_dashboard "
                         "folder (default: the one this Python imports)")
        return cmd

    p_enable = command("enable", "install the plugin's enabled and settings files")
    p_enable.add_argument("--copy", action="store_true",
                          help="copy the files instead of symlinking them into the package")
    p_enable.add_argument("--landing-page", action=argparse.BooleanOptionalAction,
                          default=None, help="make Project > Shares the landing page (for "
                          "clouds without compute); default: as last time, else off")
    p_enable.add_argument("--replace", action="store_true", help="move upstream manila-ui's "
                          "files (or other manila files we did not write) aside")
    p_enable.set_defaults(func=enable)
    p_disable = command("disable", "remove exactly the files `enable` wrote")
    p_disable.set_defaults(func=disable)
    for cmd in (p_enable, p_disable):
        cmd.add_argument("--dry-run", action="store_true", help="say what would change")
        cmd.add_argument("--skip-static", action="store_true",
                         help="do not run collectstatic and compress")
    command("status", "show what is enabled").set_defaults(func=status)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except EnableError as exc:
        _say(f"manila-ui {args.cmd}: {exc}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
