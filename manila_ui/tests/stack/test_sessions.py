"""Logout ends a session for good (issue 11 §3): the stack's Horizon keeps sessions on the
server, so a cookie copied before logout opens nothing afterwards, and the session's
Keystone tokens are revoked; the session store is shared by every Horizon process."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from django.conf import settings

from manila_ui.stack import horizon
from manila_ui.tests.stack.harness import TestStack
from manila_ui.tests.stack.harness import horizon_login
from manila_ui.tests.stack.harness import horizon_logout
from manila_ui.tests.stack.harness import session_keystone_tokens


def _with_cookie(name: str, value: str) -> requests.Session:
    replay = requests.Session()
    replay.cookies.set(name, value)
    return replay


def _token_valid(stack: TestStack, os_session: Callable[..., Any], token: str) -> bool:
    admin = os_session("admin")
    resp = admin.get(stack.keystone_url + "/auth/tokens", raise_exc=False,
                     headers={"X-Subject-Token": token})
    assert resp.status_code in (200, 404), resp.text
    return bool(resp.status_code == 200)


def test_the_session_cookie_carries_no_token(live_horizon: str) -> None:
    sess = horizon_login(live_horizon, "demo")
    cookie = sess.cookies[settings.SESSION_COOKIE_NAME]
    assert len(cookie) == 32 and cookie.isalnum()  # a random key, nothing else
    assert session_keystone_tokens(cookie)


def test_a_session_cookie_replayed_after_logout_opens_only_the_login_page(
    live_horizon: str, stack: TestStack, os_session: Callable[..., Any]
) -> None:
    sess = horizon_login(live_horizon, "demo")
    cookie = sess.cookies[settings.SESSION_COOKIE_NAME]
    tokens = session_keystone_tokens(cookie)
    assert tokens and all(_token_valid(stack, os_session, t) for t in tokens)
    # The copy works while the user is logged in ...
    before = _with_cookie(settings.SESSION_COOKIE_NAME, cookie).get(
        live_horizon + "/project/", timeout=30, allow_redirects=False)
    assert before.status_code == 200

    resp = horizon_logout(sess, live_horizon)
    assert resp.status_code == 302
    assert urlsplit(resp.headers["Location"]).path == "/auth/login/"

    # ... and after logout it leads to the login page, wherever it goes.
    replay = _with_cookie(settings.SESSION_COOKIE_NAME, cookie)
    for path in ("/project/", "/admin/", "/project/share_snapshots/"):
        after = replay.get(live_horizon + path, timeout=30, allow_redirects=False)
        assert after.status_code == 302, path
        assert urlsplit(after.headers["Location"]).path == "/auth/login/", path
    # Keystone no longer accepts the tokens the session held.
    assert not any(_token_valid(stack, os_session, t) for t in tokens)


def test_another_horizon_process_knows_the_session(live_horizon: str, client: Any) -> None:
    # As a second gunicorn worker would: this test process shares the live server's store.
    sess = horizon_login(live_horizon, "alt_demo")
    client.cookies[settings.SESSION_COOKIE_NAME] = sess.cookies[settings.SESSION_COOKIE_NAME]
    resp = client.get("/project/")
    assert resp.status_code == 200
    assert resp.wsgi_request.user.username == "alt_demo"


def test_abandoned_session_files_are_pruned_at_start() -> None:
    folder = Path(settings.SESSION_FILE_PATH)
    old, fresh = folder / "sessionidprunetestold", folder / "sessionidprunetestfresh"
    for path in (old, fresh):
        path.write_text("{}")
    long_ago = time.time() - 2 * 86400
    os.utime(old, (long_ago, long_ago))
    try:
        assert horizon.prune_sessions() >= 1
        assert not old.exists() and fresh.exists()
    finally:
        fresh.unlink(missing_ok=True)
