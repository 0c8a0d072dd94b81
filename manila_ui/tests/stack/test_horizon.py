"""Horizon with the plugin, in-process (Django test client) and as the gunicorn
server ``make run`` uses: logins land on Project > Share > Shares, static files
are served offline-compressed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from manila_ui.stack import procs
from manila_ui.tests.stack.harness import TestStack

PROJECT = "/project/"


def panel_of(resp: Any) -> tuple[str, str]:
    """(dashboard, panel) slugs of the page Horizon rendered."""
    where = resp.wsgi_request.horizon
    return where["dashboard"].slug, where["panel"].slug


def test_settings_point_at_this_sessions_keystone(stack: TestStack) -> None:
    assert settings.OPENSTACK_KEYSTONE_URL == stack.keystone_url
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.file"
    assert settings.COMPRESS_OFFLINE is True
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


@pytest.mark.parametrize("user", ["demo", "alt_demo", "reader"])
def test_project_users_land_on_the_shares_panel(
    client: Any, login: Callable[..., Any], user: str
) -> None:
    login(client, user)
    resp = client.get("/", follow=True)
    assert resp.status_code == 200
    assert resp.redirect_chain[-1][0] == PROJECT
    # Shares is the Project dashboard's default panel, rendered at /project/.
    assert panel_of(resp) == ("project", "shares")
    assert resp.wsgi_request.user.username == user


def test_demo_client_fixture_is_logged_in(demo_client: Any) -> None:
    resp = demo_client.get(PROJECT)
    assert resp.status_code == 200
    assert panel_of(resp) == ("project", "shares")
    assert resp.wsgi_request.user.username == "demo"
    assert resp.wsgi_request.user.project_name == "demo"


def test_admin_sees_the_admin_dashboard(admin_client: Any) -> None:
    resp = admin_client.get(PROJECT)
    assert resp.status_code == 200
    assert 'href="/admin/' in resp.content.decode()


def test_admin_dashboard_root_leads_admin_to_a_panel_admin_may_open(admin_client: Any) -> None:
    # Admin › Overview (the default panel) needs compute, which the stack's catalog lacks:
    # not Horizon's 403, but the first admin panel of the navigation that admin may open.
    resp = admin_client.get("/admin/")
    assert resp.status_code == 302
    target = resp["Location"]
    assert target.startswith("/admin/") and target != "/admin/"
    page = admin_client.get(target)
    assert page.status_code == 200
    assert panel_of(page)[0] == "admin"


def test_project_users_still_may_not_open_the_admin_dashboard(demo_client: Any) -> None:
    # Horizon's own answer, unchanged.
    assert demo_client.get("/admin/").status_code == 403


def test_wrong_password_stays_on_the_login_form(client: Any, stack: TestStack) -> None:
    from manila_ui.tests.conftest import _login

    resp = _login(client, "demo", password="not-the-password")
    assert resp.status_code == 200
    assert "Invalid credentials" in resp.content.decode()
    assert client.get(PROJECT).status_code == 302


def test_live_horizon_serves_compressed_static_files(live_horizon: str) -> None:
    with urllib.request.urlopen(live_horizon + "/auth/login/") as resp:  # noqa: S310
        page = resp.read().decode()
    assets = re.findall(r'(?:href|src)="(/static/dashboard/(?:css|js)/output\.[0-9a-f]+\.\w+)"',
                        page)
    assert assets, "the login page links no offline-compressed assets"
    for asset in assets:
        with urllib.request.urlopen(live_horizon + asset) as resp:  # noqa: S310
            assert resp.status == 200
            assert "max-age=31536000" in resp.headers["Cache-Control"]
            assert resp.headers["Content-Type"].startswith(("text/css", "text/javascript",
                                                            "application/javascript"))


@pytest.mark.parametrize("path", ["/static/../manila_ui/stack/config.py",
                                  "/static/%2e%2e/%2e%2e/etc/passwd",
                                  "/static/dashboard/", "/static/no/such/file.css"])
def test_live_horizon_static_serves_nothing_outside_or_missing(
    live_horizon: str, path: str
) -> None:
    assert procs.http_status(live_horizon + path) == 404


def test_live_horizon_static_revalidates_and_answers_head(live_horizon: str) -> None:
    url = live_horizon + "/static/horizon/lib/jquery/jquery.js"
    with urllib.request.urlopen(url) as resp:  # noqa: S310
        modified = resp.headers["Last-Modified"]
        assert resp.headers["Content-Type"] in ("text/javascript", "application/javascript")
        assert int(resp.headers["Content-Length"]) > 0
    req = urllib.request.Request(url, headers={"If-Modified-Since": modified})
    try:
        urllib.request.urlopen(req)  # noqa: S310
        raise AssertionError("expected 304")
    except urllib.error.HTTPError as exc:
        assert exc.code == 304
    with urllib.request.urlopen(urllib.request.Request(url, method="HEAD")) as resp:  # noqa: S310
        assert resp.status == 200 and resp.read() == b""
    post = urllib.request.Request(url, data=b"x", method="POST")
    try:
        urllib.request.urlopen(post)  # noqa: S310
        raise AssertionError("expected 405")
    except urllib.error.HTTPError as exc:
        assert exc.code == 405


def test_settings_json_overrides_horizon_settings(tmp_path: Path) -> None:
    overrides = tmp_path / "settings.json"
    overrides.write_text(json.dumps({"OPENSTACK_SSL_NO_VERIFY": True, "lowercase": "ignored",
                                     "SESSION_TIMEOUT": 1234}))
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="openstack_dashboard.settings",
               MANILA_UI_HORIZON_SETTINGS=str(overrides),
               MANILA_UI_KEYSTONE_URL="https://cloud.example.com:5000/v3")
    code = ("from django.conf import settings as s; print(s.OPENSTACK_SSL_NO_VERIFY, "
            "s.SESSION_TIMEOUT, s.OPENSTACK_KEYSTONE_URL, hasattr(s, 'lowercase'))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,  # noqa: S603
                         text=True, timeout=60, check=True).stdout.split()
    assert out == ["True", "1234", "https://cloud.example.com:5000/v3", "False"]
