"""The session's Keystone: every local user gets a token with its role, and the
catalog lists the bundled backend under both of Manila's service types."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from manila_ui.stack import config
from manila_ui.tests.stack.harness import TestStack


@pytest.mark.parametrize("user", ["admin", "demo", "alt_demo", "reader", "manila"])
def test_every_local_user_gets_a_project_token(
    os_session: Callable[..., Any], user: str
) -> None:
    sess = os_session(user)
    access = sess.auth.get_access(sess)
    expected = config.USERS[user]
    assert access.username == expected.name
    assert access.project_name == expected.project
    assert set(expected.roles) <= set(access.role_names)


def test_reader_is_only_a_reader(os_session: Callable[..., Any]) -> None:
    sess = os_session("reader")
    roles = set(sess.auth.get_access(sess).role_names)
    assert "reader" in roles
    assert not roles & {"member", "admin"}


def test_wrong_password_is_refused(stack: TestStack) -> None:
    from keystoneauth1 import exceptions
    from keystoneauth1 import session
    from keystoneauth1.identity import v3

    creds = stack.creds("demo") | {"password": "wrong"}
    with pytest.raises(exceptions.Unauthorized):
        session.Session(auth=v3.Password(**creds)).get_token()


@pytest.mark.parametrize("service_type", sorted(config.SHARE_SERVICE_TYPES))
def test_catalog_has_the_backend_under_both_types_and_all_interfaces(
    stack: TestStack, os_session: Callable[..., Any], service_type: str
) -> None:
    sess = os_session("demo")
    catalog = sess.auth.get_access(sess).service_catalog
    for interface in config.INTERFACES:
        url = catalog.url_for(service_type=service_type, interface=interface,
                              region_name=config.REGION)
        assert url == stack.backend_url


def test_catalog_identity_points_at_this_sessions_keystone(
    stack: TestStack, os_session: Callable[..., Any]
) -> None:
    sess = os_session("admin")
    catalog = sess.auth.get_access(sess).service_catalog
    assert catalog.url_for(service_type="identity", interface="public").rstrip("/") == (
        stack.keystone_url)
