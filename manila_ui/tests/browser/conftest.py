"""Browser tests: everything here is marked ``browser``; ``browser`` and ``live_horizon``
come from manila_ui/tests/conftest.py."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from manila_ui.tests.browser.pages.base import BasePage
from manila_ui.tests.browser.pages.base import LoginPage
from manila_ui.tests.dashboards import group_helpers
from manila_ui.tests.dashboards import helpers

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def shares_of(manila: Any) -> Iterator[Callable[[str], helpers.Shares]]:
    """``shares_of("demo").create(...)``: shares removed after the test."""
    yield from helpers.shares_per_user(manila)


@pytest.fixture
def groups_of(manila: Any) -> Iterator[Callable[[str], group_helpers.Groups]]:
    """``groups_of("demo")``: share groups made in a story, removed after it."""
    yield from group_helpers.groups_per_user(manila)


@pytest.fixture
def browser_login(browser: Any) -> Callable[..., BasePage]:
    """``browser_login("demo")`` -> the landing page after a real login in the browser."""

    def do(user: str = "demo", then: type[BasePage] = BasePage) -> BasePage:
        return LoginPage(browser).open().login(user, then=then)

    return do
