"""The share list's edges as real Manila 23 answers them (found by the
differential sweep, issue 19): admin-only filters, offset without a limit,
a filter no share here can match, a path with a trailing slash."""

from __future__ import annotations

import uuid

from manila_ui.tests.backend.access_helpers import fault
from manila_ui.tests.backend.conftest import Api


def test_share_server_and_host_filters_are_for_admins(member: Api, admin: Api) -> None:
    server = str(uuid.uuid4())

    assert fault(member.get(f"/v2/shares/detail?share_server_id={server}")) == (
        403, "Policy doesn't allow share:list_by_share_server_id to be performed.")
    assert fault(member.get("/v2/shares?host=")) == (
        403, "Policy doesn't allow share:list_by_host to be performed.")
    assert admin.get(f"/v2/shares/detail?share_server_id={server}").json()["shares"] == []


def test_offset_skips_shares_only_with_a_limit(member: Api) -> None:
    tag = uuid.uuid4().hex[:8]
    for n in range(2):
        member.create_share(name=f"off-{tag}-{n}")

    def names(query: str) -> list[str]:
        found = member.get(f"/v2/shares?name~=off-{tag}&{query}").json()["shares"]
        return [share["name"] for share in found]

    assert len(names("offset=1")) == 2
    assert names("offset=1&limit=5") == [f"off-{tag}-0"]


def test_a_mount_point_name_filter_matches_no_share_here(member: Api) -> None:
    tag = uuid.uuid4().hex[:8]
    member.create_share(name=f"mp-{tag}")

    assert member.get(f"/v2/shares?name~=mp-{tag}&mount_point_name=x").json() == {
        "shares": []}


def test_a_trailing_slash_is_no_route(member: Api) -> None:
    assert member.get("/v2/shares/").status_code == 404
    assert member.get("/v2/shares").status_code == 200


def test_the_snapshot_list_refuses_empty_filters_and_ignores_a_members_all_tenants(
        member: Api, admin: Api) -> None:
    assert fault(member.get("/v2/snapshots/detail?name=")) == (
        400, "Invalid input received: Wrong 'display_name' filter provided: ''.")
    assert member.get("/v2/snapshots/detail?all_tenants=maybe").status_code == 200
    assert fault(admin.get("/v2/snapshots/detail?all_tenants=maybe"))[0] == 400
    assert member.get("/v2/snapshots/detail?size=-1").json()["snapshots"] == []
