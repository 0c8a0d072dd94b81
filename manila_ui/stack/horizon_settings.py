"""Horizon's local settings for the local stack and the test suite.

The venv's ``openstack_dashboard/local/local_settings.py`` is a one-line shim that
star-imports this module (``manila-ui-stack`` writes it), so these settings live
in the checkout. Horizon then exec()s the plugin's ``local_settings.d`` snippets
after it, so the plugin has the last word on its own settings.

Anything that differs between runs comes from the environment:
``MANILA_UI_KEYSTONE_URL`` (default: the local Keystone), ``MANILA_UI_STATIC_ROOT``
(default: ``<state>/horizon/static``), and an optional JSON file
``MANILA_UI_HORIZON_SETTINGS`` (default: ``<state>/horizon/settings.json``) whose
upper-case keys override any setting, e.g. to point Horizon at a real cloud.
"""

import json as _json
import os as _os
from pathlib import Path as _Path

from manila_ui.stack import config as _config

_STATE = _config.stack_dir() / "horizon"

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]  # testserver: Django's test client

OPENSTACK_HOST = _config.HOST
OPENSTACK_KEYSTONE_URL = _os.environ.get(
    "MANILA_UI_KEYSTONE_URL", _config.keystone_url(_config.port("keystone"))
)
OPENSTACK_KEYSTONE_DEFAULT_ROLE = "member"
TIME_ZONE = "UTC"

# Horizon defaults to memcached; a process-local cache needs nothing running.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
# Server-side sessions in files: the browser holds only a random key, so logout (which
# deletes the file) ends the session for good, and the Keystone tokens never leave the
# server. Files, unlike a cache, are shared by all gunicorn workers, never evicted, and
# survive a Horizon restart. (Signed-cookie sessions carried the tokens in the cookie: a
# cookie copied before logout opened every page until the token expired.)
SESSION_ENGINE = "django.contrib.sessions.backends.file"
SESSION_FILE_PATH = str(_STATE / "sessions")

# Horizon stores nothing in a database; pytest-django's live server and test
# database setup still want one.
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

STATIC_ROOT = _os.environ.get("MANILA_UI_STATIC_ROOT", str(_STATE / "static"))
# Compiling SCSS per request costs seconds; manila-ui-stack compresses ahead of time.
COMPRESS_OFFLINE = True


def _private_state() -> None:
    """The secret key and the sessions (which hold Keystone tokens): owner only."""
    for folder in (_STATE, _Path(SESSION_FILE_PATH)):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)


def _secret_key() -> str:
    from horizon.utils import secret_key

    return str(secret_key.generate_or_read_from_file(str(_STATE / "secret_key")))


_private_state()


SECRET_KEY = _secret_key()


def _overrides() -> dict[str, object]:
    path = _Path(_os.environ.get("MANILA_UI_HORIZON_SETTINGS", str(_STATE / "settings.json")))
    if not path.is_file():
        return {}
    data = _json.loads(path.read_text())
    return {k: v for k, v in data.items() if k.isupper()}


globals().update(_overrides())

# openstack_dashboard.settings is importing us: its lists are ours to extend. The stack's
# own app revokes the Keystone tokens at logout and sends a dashboard whose default panel
# needs a service we lack (Admin › Overview: compute) to the first panel the user may open.
from openstack_dashboard.settings import INSTALLED_APPS as _APPS  # noqa: E402
from openstack_dashboard.settings import MIDDLEWARE as _MIDDLEWARE  # noqa: E402

INSTALLED_APPS = [*_APPS, "manila_ui.stack.horizon_app"]
MIDDLEWARE = (*_MIDDLEWARE, "manila_ui.stack.horizon_app.DefaultPanelFallback")

# The row-update poll of Horizon's tables, in ms (Horizon: 2500, growing with each poll
# that changes nothing). The tests shorten it, so that a status change shows in a second
# or two even on a loaded machine.
if _os.environ.get("MANILA_UI_AJAX_POLL_INTERVAL"):
    # openstack_dashboard.settings is importing us; its HORIZON_CONFIG is ours to amend.
    from openstack_dashboard.settings import HORIZON_CONFIG

    HORIZON_CONFIG["ajax_poll_interval"] = int(_os.environ["MANILA_UI_AJAX_POLL_INTERVAL"])
