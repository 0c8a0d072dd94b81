"""Prepare the reference Keystone with the stack's own bootstrap (``manila_ui.stack.keystone``).

Runs inside the reference venv (``python -m``), because the stack's Keystone code
uses the keystone and keystoneauth1 of the interpreter it runs in. It builds (or
reuses) the bootstrapped template, makes the instance a copy of it, points the
catalog at the reference Manila, and prints the server's argv and cwd as JSON
for the launcher, which starts and stops it by its own pid file.

    python -m manila_ui.stack.reference._keystone_prepare INSTANCE PORT MANILA_URL CACHE LOG
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from manila_ui.stack import config
from manila_ui.stack import keystone


def main(argv: list[str]) -> None:
    instance, port, manila_url, cache, log = (
        Path(argv[0]),
        int(argv[1]),
        argv[2],
        Path(argv[3]),
        Path(argv[4]),
    )
    template = keystone.ensure_template(cache, log)
    marker = instance / "template"
    if marker.is_file() and marker.read_text().strip() != template.name:
        shutil.rmtree(instance)  # the bootstrap changed: start from the new template
    if not marker.is_file():
        shutil.rmtree(instance, ignore_errors=True)
        keystone.create_instance(template, instance)
    keystone.write_conf(instance)
    keystone.set_endpoints(instance, config.keystone_url(port), manila_url)
    srv = keystone.server(instance, port, log=log, run_dir=instance / "run")
    print(json.dumps({"argv": srv.argv, "cwd": str(srv.cwd)}))  # noqa: T201 - the launcher reads it


if __name__ == "__main__":
    main(sys.argv[1:])
