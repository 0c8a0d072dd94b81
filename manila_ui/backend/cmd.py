"""``manila-ui-backend --config-file backend.conf``, the console script.

The backend's dependencies are the ``backend`` extra of the package, so a
plain ``pip install manila-ui`` (the dashboard plugin) lacks them: then the
script says what to install instead of ending in a traceback.  The server
itself is ``manila_ui.backend.server``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

INSTALL = "pip install 'manila-ui[backend]'"
# The top-level modules of the ``backend`` extra (setup.cfg), as imported.
EXTRA_MODULES = frozenset({
    "alembic", "gunicorn", "jsonschema", "keystonemiddleware", "netaddr",
    "oslo_config", "oslo_context", "oslo_policy", "sqlalchemy", "webob",
})


def main(argv: Sequence[str] | None = None) -> None:
    try:
        from manila_ui.backend import server
    except ImportError as exc:
        missing = (exc.name or "").split(".")[0]
        if missing not in EXTRA_MODULES:
            raise     # our own bug: the traceback says where
        sys.exit(f"manila-ui-backend: the bundled backend needs the 'backend' extra "
                 f"({missing} is not installed). Install it with: {INSTALL}")
    server.main(argv)


if __name__ == "__main__":
    main()
