"""The operator's path (issue 16), as a cloud would walk it: the built wheel in a fresh
venv with stock Horizon (the version of constraints.txt) and no checkout on sys.path,
the operator's own ``local_settings.py``, ``manila-ui enable`` as the one step (it runs
collectstatic and compress), Horizon under gunicorn against a Keystone and backend of
its own; every panel of the plugin answers 200 to a member and to admin, and Project ›
Overview stays the landing page once the catalog has compute.

The steps' timings go to ``.stack/operator/timings.json``.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from manila_ui.stack import config
from manila_ui.stack import procs
from manila_ui.stack.runner import Layout
from manila_ui.stack.runner import Stack
from manila_ui.tests.operator.conftest import Dist
from manila_ui.tests.operator.conftest import uv
from manila_ui.tests.stack.harness import horizon_login

pytestmark = pytest.mark.slow

# Nothing of this checkout or of the test session may leak into the operator's Horizon.
CLEAN_ENV: dict[str, str | None] = {"PYTHONPATH": None, "VIRTUAL_ENV": None,
                                    "DJANGO_SETTINGS_MODULE": None, "PYTHONSTARTUP": None,
                                    # Python compiles what it imports; all 140 packages
                                    # up front (make's setting) triples the install.
                                    "UV_COMPILE_BYTECODE": None}

# The operator's own Horizon settings, as local_settings.py.example asks for them.
LOCAL_SETTINGS = """\
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
SECRET_KEY = "operator-path-test-only"
OPENSTACK_HOST = "127.0.0.1"
OPENSTACK_KEYSTONE_URL = "{keystone_url}"
OPENSTACK_KEYSTONE_DEFAULT_ROLE = "member"
CACHES = {{"default": {{"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}}}
SESSION_ENGINE = "django.contrib.sessions.backends.file"
SESSION_FILE_PATH = "{root}/sessions"
STATIC_ROOT = "{root}/static"
COMPRESS_OFFLINE = True
# Server errors with their tracebacks in the server's log.
LOGGING = {{"version": 1, "disable_existing_loggers": False,
           "handlers": {{"console": {{"class": "logging.StreamHandler"}}}},
           "loggers": {{"django.request": {{"handlers": ["console"], "level": "ERROR"}}}}}}
"""

# Run in the operator's venv: where things come from, and the plugin's panels as
# Horizon registered them (no module path of ours hard-coded here).
PANELS_SCRIPT = """\
import json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openstack_dashboard.settings")
import django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns  # Horizon registers its dashboards while building its URLs
import horizon, manila_ui
from importlib import metadata
panels = [{"dashboard": dash.slug, "panel": panel.slug, "url": panel.get_absolute_url()}
          for dash in horizon.get_dashboards() for panel in dash.get_panels()
          if type(panel).__module__.startswith("manila_ui.")]
print(json.dumps({"manila_ui": manila_ui.__file__, "sys_path": sys.path,
                  "horizon": metadata.version("horizon"), "panels": panels}))
"""


@dataclass
class OperatorHorizon:
    url: str
    venv: Path
    enable_output: str
    found: dict[str, Any]
    timings: dict[str, float] = field(default_factory=dict)


def _timed(timings: dict[str, float], step: str, fn: Callable[[], Any]) -> Any:
    started = time.monotonic()
    result = fn()
    timings[step] = round(time.monotonic() - started, 1)
    return result


def _check(argv: list[str | Path], cwd: Path) -> str:
    done = subprocess.run([str(a) for a in argv], cwd=cwd, capture_output=True,  # noqa: S603
                          text=True, timeout=600, check=False,
                          env=procs.child_env(CLEAN_ENV))
    assert done.returncode == 0, f"{argv[0]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _pinned(name: str) -> str:
    found = re.search(rf"^{name}==(\S+)$", (config.REPO_ROOT / "constraints.txt").read_text(),
                      re.M)
    assert found, name
    return found.group(1)


@pytest.fixture(scope="module")
def operator_cloud(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Layout]:
    """A Keystone and a backend of the operator's own (a copy of the session's template):
    the catalog changes below disturb no other test."""
    layout = Layout(root=tmp_path_factory.mktemp("operator-cloud"),
                    keystone_port=procs.free_port(), backend_port=procs.free_port(),
                    horizon_port=procs.free_port(),
                    template_cache=config.stack_dir() / "test-template",
                    transition_delay=0.2, horizon_workers=1)
    stack = Stack(layout)
    stack.up(with_horizon=False)
    try:
        yield layout
    finally:
        stack.stop()


@pytest.fixture(scope="module")
def operator_horizon(built_dist: Dist, operator_cloud: Layout,
                     tmp_path_factory: pytest.TempPathFactory) -> Iterator[OperatorHorizon]:
    root = tmp_path_factory.mktemp("operator")
    venv = root / "venv"
    python = venv / "bin" / "python"
    timings: dict[str, float] = {}

    def install() -> None:
        _check([uv(), "venv", "--quiet", "--python", config.venv_bin("python"), venv], root)
        # Stock Horizon comes in as the plugin's dependency, pinned as in CI; gunicorn is
        # the operator's WSGI server.
        _check([uv(), "pip", "install", "--quiet", "--python", python,
                "-c", config.REPO_ROOT / "constraints.txt", built_dist.wheel, "gunicorn"], root)

    _timed(timings, "fresh venv + install the wheel and stock Horizon", install)
    site = Path(_check([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                       root).strip())
    (root / "sessions").mkdir(mode=0o700)
    (site / "openstack_dashboard" / "local" / "local_settings.py").write_text(
        LOCAL_SETTINGS.format(keystone_url=operator_cloud.keystone_url, root=root))
    enable_output = _timed(timings, "manila-ui enable (incl. collectstatic + compress)",
                           lambda: _check([venv / "bin" / "manila-ui", "enable"], root))
    found = _timed(timings, "list the plugin's panels from Horizon's registry", lambda: json.loads(
        _check([python, "-c", PANELS_SCRIPT], root).splitlines()[-1]))

    port = procs.free_port()
    server = procs.Server("horizon", [
        venv / "bin" / "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1",
        "--threads", "4", "--no-control-socket", "openstack_dashboard.wsgi:application",
    ], log=root / "logs" / "horizon.log", run_dir=root / "run", env=CLEAN_ENV, cwd=root)
    url = f"http://127.0.0.1:{port}"

    def start() -> None:
        server.start()
        server.wait_http(url + "/auth/login/", timeout=90)

    _timed(timings, "horizon start", start)
    horizon = OperatorHorizon(url=url, venv=venv, enable_output=enable_output, found=found,
                              timings=timings)
    try:
        yield horizon
    finally:
        server.stop()
        out = config.stack_dir() / "operator" / "timings.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(timings, indent=2) + "\n")


def test_the_wheel_runs_from_site_packages_with_stock_horizon(
    operator_horizon: OperatorHorizon,
) -> None:
    found = operator_horizon.found
    assert Path(found["manila_ui"]).is_relative_to(operator_horizon.venv)
    checkout = str(config.REPO_ROOT)
    assert not [p for p in found["sys_path"] if p and p.startswith(checkout)], found["sys_path"]
    assert found["horizon"] == _pinned("horizon")


def test_enable_is_the_one_step_and_says_what_it_did(operator_horizon: OperatorHorizon) -> None:
    out = operator_horizon.enable_output
    assert "local_settings.d/_90_manila_shares.py" in out
    assert out.count("linked ") >= 10
    assert "static files collected and compressed" in out
    assert "landing_page" not in out and "_9011_" not in out  # the landing page is opt-in


def _panel_urls(found: dict[str, Any], dashboards: tuple[str, ...]) -> list[str]:
    urls = sorted({p["url"] for p in found["panels"] if p["dashboard"] in dashboards})
    assert urls, found["panels"]
    return urls


@pytest.mark.parametrize(("user", "dashboards"), [("demo", ("project",)),
                                                   ("admin", ("project", "admin"))])
def test_every_panel_of_the_plugin_answers_200(
    operator_horizon: OperatorHorizon, user: str, dashboards: tuple[str, ...]
) -> None:
    sess = horizon_login(operator_horizon.url, user)
    urls = _panel_urls(operator_horizon.found, dashboards)
    if user == "admin":
        urls.append("/admin/defaults/")  # Horizon's page with the plugin's Share Quotas tab
    answers = {}
    for url in urls:
        resp = sess.get(operator_horizon.url + url, timeout=60)
        answers[url] = resp.status_code if urlsplit(resp.url).path != "/auth/login/" else "login"
    assert set(answers.values()) == {200}, answers
    assert len(answers) >= (6 if user == "demo" else 14)


def test_horizons_landing_page_is_left_alone(operator_horizon: OperatorHorizon,
                                            operator_cloud: Layout) -> None:
    # Without compute, Horizon's own Overview refuses (403); the plugin did not take over.
    sess = horizon_login(operator_horizon.url, "demo")
    assert sess.get(operator_horizon.url + "/project/", timeout=60).status_code == 403

    _add_compute(operator_cloud)
    sess = horizon_login(operator_horizon.url, "demo")  # a token with the new catalog
    home = sess.get(operator_horizon.url + "/", timeout=60, allow_redirects=False)
    assert home.status_code == 302 and urlsplit(home.headers["Location"]).path == "/project/"
    # The navigation of a plugin page: Overview is the Project dashboard's root, Shares is
    # a panel beside it. (Overview itself needs a nova and a neutron that answer.)
    page = sess.get(operator_horizon.url + "/project/shares/", timeout=60)
    assert page.status_code == 200
    links = {text.strip(): href for href, text in
             re.findall(r'<a [^>]*href="(/project/[^"]*)"[^>]*>([^<]+)</a>', page.text)}
    assert links.get("Overview") == "/project/", links
    assert links.get("Shares") == "/project/shares/", links


def _add_compute(cloud: Layout) -> None:
    """Compute (and network) in the operator's catalog. Nothing listens there: Overview
    shows its usage errors, as Horizon does when nova is down."""
    from keystoneauth1 import session
    from keystoneauth1.identity import v3

    admin = config.USERS["admin"]
    sess = session.Session(auth=v3.Password(
        auth_url=cloud.keystone_url, username=admin.name, password=admin.password,
        project_name=admin.project, user_domain_name=config.DOMAIN,
        project_domain_name=config.DOMAIN))
    ep = {"endpoint_override": cloud.keystone_url}
    # A cloud with compute has a network service too; Horizon's Overview asks both.
    for stype, name, path in (("compute", "nova", "/v2.1"), ("network", "neutron", "")):
        service = sess.post("/services", json={"service": {"type": stype, "name": name}},
                            **ep).json()["service"]
        url = f"http://127.0.0.1:{procs.free_port()}{path}"
        for interface in config.INTERFACES:
            sess.post("/endpoints", json={"endpoint": {
                "service_id": service["id"], "interface": interface,
                "region_id": config.REGION, "url": url}}, **ep)
