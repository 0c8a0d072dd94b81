"""Fixtures of the dashboard stories.

The shared fixtures (``stack``, ``login``, ``demo_client``, ``manila``,
``backend_calls``...) come from ``manila_ui/tests/conftest.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from typing import Any

import pytest

from manila_ui.api import microversions
from manila_ui.tests.dashboards import group_helpers
from manila_ui.tests.dashboards import helpers
from manila_ui.tests.dashboards import network_helpers


@pytest.fixture
def shares_of(manila: Any) -> Iterator[Callable[[str], helpers.Shares]]:
    """``shares_of("demo").create(...)``: shares removed after the test."""
    yield from helpers.shares_per_user(manila)


@pytest.fixture
def networks_of(manila: Any) -> Iterator[Callable[[str], Any]]:
    """``networks_of("demo").create(...)``: networks and services removed after."""
    yield from network_helpers.networks_per_user(manila)


@pytest.fixture
def neutron_of(os_session: Any) -> Iterator[Callable[[str], network_helpers.Neutron]]:
    """``neutron_of("demo").network(...)``: real Neutron networks and subnets of
    that user, removed after the test; skips where the catalog has no network
    service (the bundled stack: only the reference stack runs Neutron)."""
    if network_helpers.neutron_root(os_session("demo")) is None:
        pytest.skip("the catalog has no network service: only the reference stack runs "
                    "Neutron (make reference-dashboard)")
    made: dict[str, network_helpers.Neutron] = {}

    def get(user: str) -> network_helpers.Neutron:
        if user not in made:
            made[user] = network_helpers.Neutron(os_session(user))
        return made[user]

    yield get
    for helper in made.values():
        helper.cleanup()


@pytest.fixture
def groups_of(manila: Any) -> Iterator[Callable[[str], group_helpers.Groups]]:
    """``groups_of("demo").create(...)``: share groups (their shares and group
    snapshots) removed after the test."""
    yield from group_helpers.groups_per_user(manila)


@pytest.fixture(autouse=True)
def _fresh_version_cache() -> Iterator[None]:
    """Each test negotiates from the server's document, as a new process would."""
    microversions.clear_cache()
    yield
