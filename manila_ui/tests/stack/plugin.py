"""Early pytest plugin (``-p manila_ui.tests.stack.plugin`` in the pytest config).

pytest-django imports Django's settings in ``pytest_load_initial_conftests``,
before any conftest.py is read; Horizon's settings read the Keystone URL then.
So this plugin runs first: it picks the session's free loopback ports, exports
the Keystone URL for the settings, and wires the plugin's enabled files into
Horizon so that the settings see them. The processes start later, lazily, in
the ``stack`` fixture (manila_ui/tests/conftest.py).

``MANILA_UI_TEST_KEYSTONE_URL`` makes the suite use an already running Keystone
(with the users of doc/contributing.md) and the backend in its catalog, instead
of starting both.
"""

from __future__ import annotations

import os
from collections.abc import Generator

import pytest

from manila_ui.stack import config
from manila_ui.stack import horizon
from manila_ui.stack import procs

KEYSTONE_PORT = "MANILA_UI_TEST_KEYSTONE_PORT"
BACKEND_PORT = "MANILA_UI_TEST_BACKEND_PORT"
EXTERNAL_KEYSTONE = "MANILA_UI_TEST_KEYSTONE_URL"


def prepare_environment() -> None:
    external = os.environ.get(EXTERNAL_KEYSTONE)
    if external:
        os.environ["MANILA_UI_KEYSTONE_URL"] = external
    else:
        os.environ[KEYSTONE_PORT] = str(procs.free_port())
        os.environ[BACKEND_PORT] = str(procs.free_port())
        os.environ["MANILA_UI_KEYSTONE_URL"] = config.keystone_url(
            int(os.environ[KEYSTONE_PORT]))
    horizon.install_plugin()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_load_initial_conftests(
    early_config: pytest.Config, parser: pytest.Parser, args: list[str]
) -> Generator[None, None, None]:
    prepare_environment()
    return (yield)
