"""Fixtures of the dashboard stories.

The shared fixtures (``stack``, ``login``, ``demo_client``, ``manila``,
``backend_calls``...) come from ``manila_ui/tests/conftest.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from manila_ui.api import microversions
from manila_ui.tests.dashboards.helpers import shares_of  # noqa: F401 - a fixture
from manila_ui.tests.dashboards.network_helpers import networks_of  # noqa: F401


@pytest.fixture(autouse=True)
def _fresh_version_cache() -> Iterator[None]:
    """Each test negotiates from the server's document, as a new process would."""
    microversions.clear_cache()
    yield
