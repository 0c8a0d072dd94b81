"""Fixtures shared by the whole suite: a real Keystone, the real backend, logged-in
Django test clients, peer clients, the backend call counter, a browser.

No mocks: the session starts Keystone (a copy of a template bootstrapped once
into ``.stack/test-template/``) and ``manila-ui-backend`` on free loopback ports.
The contract (names and what they return) is in doc/contributing.md, "Test
fixtures". The early plugin ``manila_ui.tests.stack.plugin`` picks the ports
before Django's settings are imported.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from manila_ui.stack import clouds
from manila_ui.stack import config
from manila_ui.stack import horizon
from manila_ui.stack import procs
from manila_ui.stack.runner import Layout
from manila_ui.stack.runner import Stack
from manila_ui.tests.reference import target as _target
from manila_ui.tests.stack.harness import BackendCalls
from manila_ui.tests.stack.harness import TestStack
from manila_ui.tests.stack.harness import start_test_stack

ARTIFACTS = config.REPO_ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
_reports = pytest.StashKey[dict[str, pytest.TestReport]]()


# --- the target: the bundled stack (default) or real Manila (MANILA_UI_TARGET) ---------


def pytest_configure(config: pytest.Config) -> None:
    _target.configure(config)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    _target.skip_bundled_only(items)  # only on the reference target
    items.sort(key=lambda item: item.get_closest_marker("last") is not None)  # stable


@pytest.fixture(scope="session")
def target() -> str:
    """``"bundled"`` or ``"reference"`` (real Manila, see manila_ui/tests/reference/target.py)."""
    return _target.target()


# --- the stack ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestStack]:
    """Keystone + backend for this session (or the external ones, see the plugin)."""
    root = tmp_path_factory.mktemp("stack")
    started = start_test_stack(root, config.stack_dir() / "test-template")
    if _target.is_reference():
        started = _target.as_reference(started)
    if not started.clouds_yaml.exists():
        clouds.write(started.clouds_yaml, started.keystone_url)
    yield started
    if started.runner is not None:
        started.runner.stop()


@pytest.fixture(scope="session")
def clouds_yaml(stack: TestStack) -> Path:
    """A clouds.yaml (clouds admin, demo, alt_demo, reader) for this session's stack."""
    return stack.clouds_yaml


@pytest.fixture(scope="session")
def os_session(stack: TestStack) -> Callable[..., Any]:
    """``os_session("demo")`` -> a keystoneauth1 Session of that user (cached per user)."""
    from keystoneauth1 import session
    from keystoneauth1.identity import v3

    made: dict[str, Any] = {}

    def make(user: str = "demo") -> Any:
        if user not in made:
            made[user] = session.Session(auth=v3.Password(**stack.creds(user)))
        return made[user]

    return make


@pytest.fixture(scope="session")
def manila(os_session: Callable[..., Any]) -> Callable[..., Any]:
    """``manila("demo", version=None)`` -> a python-manilaclient v2 Client of that user,
    found through the catalog (``sharev2``). ``version=None`` negotiates the highest
    microversion both the client and the server know; or pass e.g. ``"2.51"``."""
    from manilaclient import api_versions
    from manilaclient import client

    negotiated: list[str] = []

    def make(user: str = "demo", version: str | None = None) -> Any:
        sess = os_session(user)
        if version is None:
            if not negotiated:
                probe = client.Client(api_versions.MAX_VERSION, session=sess,
                                      service_type="sharev2")
                best = api_versions.discover_version(
                    probe, api_versions.APIVersion(api_versions.MAX_VERSION))
                negotiated.append(best.get_string())
            version = negotiated[0]
        return client.Client(version, session=sess, service_type="sharev2",
                             endpoint_type="publicURL")

    return make


@pytest.fixture(scope="session")
def backend_calls(stack: TestStack) -> Callable[[], BackendCalls]:
    """``with backend_calls() as calls: ...``, then ``calls.count``, ``calls.lines``,
    ``calls.calls`` (parsed), ``calls.matching(method, path_prefix)``."""
    if _target.is_reference():  # real Manila: count what this process sends it
        return lambda: _target.ClientCalls(stack.backend_root)
    if stack.external:
        pytest.skip("an external backend: its access log is not ours to read")
    return lambda: BackendCalls(stack.access_log)


# --- Horizon in-process (Django test client) -------------------------------------------


@pytest.fixture(scope="session")
def horizon_static() -> Path:
    """Collected + offline-compressed static files (rebuilt only when inputs changed)."""
    horizon.build_static(config.stack_dir() / "logs" / "horizon-static.log")
    horizon.prune_sessions()
    return horizon.static_root()


def _login(client: Any, user: str = "demo", password: str | None = None) -> Any:
    from django.conf import settings

    u = config.USERS[user]
    return client.post(settings.LOGIN_URL, {
        "region": "default", "domain": config.DOMAIN,
        "username": u.name, "password": u.password if password is None else password,
    })


@pytest.fixture
def login(stack: TestStack, horizon_static: Path) -> Callable[..., Any]:
    """``login(client, "demo")`` POSTs Horizon's login form (``client.login()`` cannot
    work with openstack_auth) and asserts the redirect; returns the response."""

    def do(client: Any, user: str = "demo") -> Any:
        resp = _login(client, user)
        text = re.sub(r"<[^>]+>|\s+", " ", resp.content.decode(errors="replace"))
        assert resp.status_code == 302, f"login as {user}: {resp.status_code} {text[-600:]}"
        return resp

    return do


def _client_for(user: str) -> Callable[..., Any]:
    @pytest.fixture
    def fixture(login: Callable[..., Any]) -> Any:
        from django.test import Client

        client = Client()
        login(client, user)
        return client

    fixture.__doc__ = f"A Django test client logged in to Horizon as {user}."
    return fixture


admin_client = _client_for("admin")
demo_client = _client_for("demo")
alt_demo_client = _client_for("alt_demo")
reader_client = _client_for("reader")


# --- a live Horizon and a browser -------------------------------------------------------


@pytest.fixture(scope="session")
def live_horizon(stack: TestStack, horizon_static: Path,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a Horizon server (gunicorn, as ``make run``: two workers of four threads
    sharing the server-side sessions) against this session's stack."""
    root = tmp_path_factory.mktemp("horizon")
    # Rows in a transitional state poll every 0.5 s, not 2.5 s growing to 30 s.
    os.environ.setdefault("MANILA_UI_AJAX_POLL_INTERVAL", "500")
    layout = Layout(root=root, keystone_port=0, backend_port=0, horizon_port=procs.free_port(),
                    template_cache=root)
    runner = Stack(layout)
    runner.start_horizon(keystone_url=stack.keystone_url)
    try:
        yield layout.horizon_url
    finally:
        runner.stop()


@pytest.fixture(scope="session")
def horizon_url(live_horizon: str) -> str:
    """Alias of ``live_horizon``."""
    return live_horizon


@pytest.fixture(scope="session")
def _chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not (os.path.exists(CHROMEDRIVER) and os.path.exists(CHROMIUM)):
        reason = "chromium/chromium-driver not installed (make test installs them)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1400,1000",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        opts.add_argument(arg)
    # An explicit driver path: selenium skips Selenium Manager (no downloads).
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.implicitly_wait(0)  # explicit waits only
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def browser(_chromium: Any, live_horizon: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """Headless Debian chromium (selenium WebDriver), logged out, with ``browser.base_url``
    set to the live Horizon. A failing test leaves a screenshot and the page source in
    test-artifacts/."""
    _chromium.base_url = live_horizon
    _forget_everything(_chromium, live_horizon)
    yield _chromium
    report = request.node.stash.get(_reports, {}).get("call")
    if report is not None and report.failed:
        save_artifacts(_chromium, request.node.nodeid)
    _forget_everything(_chromium, live_horizon)


def _forget_everything(driver: Any, base_url: str) -> None:
    """Log out for good: leave for a script-free page of the site first (a table row
    still polling would answer with a fresh session cookie), then clear every cookie of
    every origin through the DevTools protocol."""
    driver.get(base_url + "/static/dashboard/img/favicon.ico")
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})


def save_artifacts(driver: Any, nodeid: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid).strip("_")
    try:
        driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))
        (ARTIFACTS / f"{name}.html").write_text(
            f"<!-- {driver.current_url} -->\n{driver.page_source}")
    except Exception as exc:  # noqa: BLE001 - a dead browser must not hide the real failure
        (ARTIFACTS / f"{name}.error.txt").write_text(repr(exc))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    item.stash.setdefault(_reports, {})[report.when] = report
    return report


def pytest_sessionstart(session: pytest.Session) -> None:
    # Old screenshots would be mistaken for this run's.
    if ARTIFACTS.is_dir() and not getattr(session.config, "workerinput", None):
        shutil.rmtree(ARTIFACTS, ignore_errors=True)
