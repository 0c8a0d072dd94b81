"""Fixtures of the dashboard stories.

The shared fixtures (``stack``, ``login``, ``demo_client``, ``manila``,
``backend_calls``...) come from ``manila_ui/tests/conftest.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator

import pytest

from manila_ui.api import microversions
from manila_ui.tests.dashboards.helpers import Shares


@pytest.fixture
def shares_of(manila) -> Iterator[Callable[[str], Shares]]:
    """``shares_of("demo").create(...)``: shares removed after the test."""
    made: dict[str, Shares] = {}

    def get(user: str) -> Shares:
        if user not in made:
            made[user] = Shares(manila(user))
        return made[user]

    yield get
    for helper in made.values():
        helper.cleanup()


@pytest.fixture(autouse=True)
def _fresh_version_cache() -> Iterator[None]:
    """Each test negotiates from the server's document, as a new process would."""
    microversions.clear_cache()
    yield
