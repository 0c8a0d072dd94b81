"""An admin narrows ``/scheduler-stats/pools`` as Manila lets them: every
query parameter is a filter, a regular expression matched at the start of
the pool's name parts (case-sensitive); ``share_type`` (2.23) keeps the
pools whose capabilities satisfy the type; a key Manila does not filter on
matches no pool."""

from __future__ import annotations

import uuid

import pytest

from manila_ui.tests.backend.conftest import Api

ALPHA, BETA, GAMMA = ("manila-ui@alpha#pool_alpha", "manila-ui@beta#pool_beta",
                      "manila-ui@gamma#pool_gamma")


def _names(admin: Api, query: str, version: str = "2.98") -> list[str]:
    resp = admin.get(f"/v2/scheduler-stats/pools?{query}", version=version)
    assert resp.status_code == 200, resp.text
    return [pool["name"] for pool in resp.json()["pools"]]


@pytest.mark.parametrize(("query", "expected"), [
    ("backend=alpha", [ALPHA]),
    ("backend=alp", [ALPHA]),                  # matched at the start
    ("backend=ALPHA", []),                     # case-sensitive
    ("backend=.*ta", [BETA]),
    ("backend=", [ALPHA, BETA, GAMMA]),
    ("host=manila", [ALPHA, BETA, GAMMA]),
    ("host=manila-ui@alpha", []),              # host is the part before '@'
    ("pool=pool_gamma", [GAMMA]),
    ("name=manila-ui@beta", [BETA]),
    ("backend=alpha&pool=pool_beta", []),
    ("backend=beta&backend=alpha", [ALPHA]),   # the last value counts
    ("foo=bar", []),                           # not a filter Manila knows
    ("limit=1", []),
])
def test_pool_filters_are_regular_expressions_as_in_manila(
        admin: Api, query: str, expected: list[str]) -> None:
    assert _names(admin, query) == expected


def test_share_type_keeps_the_pools_that_satisfy_it(admin: Api) -> None:
    resp = admin.post("/v2/types", json={"share_type": {
        "name": "thin-" + uuid.uuid4().hex[:6],
        "extra_specs": {"driver_handles_share_servers": "False",
                        "thin_provisioning": "<is> True"}}})
    assert resp.status_code == 200, resp.text
    thin = resp.json()["share_type"]

    assert _names(admin, "share_type=default") == [ALPHA, BETA]
    assert _names(admin, "share_type=dhss_true") == [GAMMA]
    assert _names(admin, f"share_type={thin['id']}") == [ALPHA]   # by id too
    assert _names(admin, f"share_type={thin['name']}&backend=b") == []
    # Before 2.23 share_type is no filter: an unknown key, no pool.
    assert _names(admin, "share_type=default", version="2.22") == []


@pytest.mark.parametrize(("query", "message"), [
    ("share_type=nope", "Share type nope not found."),
    ("capabilities=thin_provisioning", "The capabilities filter takes no value "
                                       "here: filter by share_type."),
    ("backend=%5B", "Invalid backend filter [: unterminated character set at "
                    "position 0"),
])
def test_what_manila_cannot_filter_on_is_a_400(admin: Api, query: str,
                                               message: str) -> None:
    resp = admin.get(f"/v2/scheduler-stats/pools/detail?{query}")

    assert resp.status_code == 400
    assert resp.json() == {"badRequest": {"code": 400, "message": message}}


def test_members_and_readers_may_not_list_pools(member: Api, reader: Api) -> None:
    for user in (member, reader):
        for path in ("/v2/scheduler-stats/pools", "/v2/scheduler-stats/pools/detail"):
            assert user.get(path).status_code == 403
