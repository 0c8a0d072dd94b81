"""The Add Rule form refuses exactly what the backend (and Manila 23)
refuses, with the same words: the two implementations may not import each
other, so this test keeps them in step."""

from __future__ import annotations

import pytest

from manila_ui.backend.services import access_rules as backend
from manila_ui.backend.services import errors
from manila_ui.dashboards.project.share_rules import forms as ui

CASES = [
    ("ip", "10.0.0.0/8"), ("ip", "10.0.0.1"), ("ip", "0.0.0.0/0"),
    ("ip", "10.0.0.1/24"), ("ip", "10.0.0.0/33"), ("ip", " 10.0.0.0/8"),
    ("ip", "010.0.0.0/8"), ("ip", "2001:db8::/64"), ("ip", "2001:db8::1/64"),
    ("ip", "::ffff:10.0.0.0/120"), ("ip", "fe80::/10"), ("ip", "2001:db8:::/64"),
    ("ip", "10.0.0.0/255.0.0.0"), ("ip", "bogus"), ("ip", ""),
    ("user", "alice"), ("user", "abc"), ("user", "/abc"), ("user", "a" * 255),
    ("user", "a" * 256), ("user", "ab|cd"), ("user", "...."), ("user", "   "),
    ("user", "dom\\user"), ("cert", "cn"), ("cert", " "), ("cert", "c" * 64),
    ("cert", "c" * 65), ("cephx", "alice"), ("cephx", "client.alice"),
    ("cephx", ""), ("cephx", "bé"), ("nfs", "x"),
]


def _backend_error(access_type: str, access_to: str, ipv6: bool) -> str | None:
    try:
        backend.check_access(access_type, access_to, enable_ceph=True, enable_ipv6=ipv6)
    except errors.Invalid as exc:
        return exc.message
    return None


@pytest.mark.parametrize(("access_type", "access_to"), CASES)
@pytest.mark.parametrize("ipv6", [True, False])
def test_form_and_backend_agree(access_type: str, access_to: str, ipv6: bool) -> None:
    assert ui.access_to_error(access_type, access_to, enable_ipv6=ipv6) == \
        _backend_error(access_type, access_to, ipv6)


def test_several_addresses_split_once_each() -> None:
    assert ui.split_addresses(" 10.0.0.0/8,10.1.0.0/16;\n2001:db8::/64 10.0.0.0/8 ") == [
        "10.0.0.0/8", "10.1.0.0/16", "2001:db8::/64"]
