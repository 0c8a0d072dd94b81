"""Keystone's WSGI application for gunicorn.

Keystone parses ``sys.argv`` with oslo.config on import, and gunicorn's own flags
would make it exit; so hide them first. The config directory comes from
``OS_KEYSTONE_CONFIG_DIR``.
"""

import sys

sys.argv = sys.argv[:1]

from keystone.server.wsgi import initialize_public_application  # noqa: E402

application = initialize_public_application()
