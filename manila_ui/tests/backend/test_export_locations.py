"""Export locations (2.9+): IPv4 and IPv6 paths for NFS and CIFS, the
preferred one (2.14), and admin-only locations only admins see."""

from __future__ import annotations

from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api


@pytest.mark.parametrize(("proto", "expected"), [
    ("NFS", ["10.0.0.10:/shares/{name}", "[fd00:10::10]:/shares/{name}",
             "10.254.0.10:/shares/{name}"]),
    ("CIFS", ["\\\\10.0.0.10\\{name}", "\\\\fd00-10--10.ipv6-literal.net\\{name}",
              "\\\\10.254.0.10\\{name}"]),
])
def test_admins_also_see_the_admin_network(admin: Api, member: Api, proto: str,
                                           expected: list[str]) -> None:
    share = member.available_share(proto=proto)
    name = "share_" + share["id"].replace("-", "_")
    path = f"/v2/shares/{share['id']}/export_locations"

    as_member = member.get(path).json()["export_locations"]
    as_admin = admin.get(path).json()["export_locations"]

    assert [el["path"] for el in as_member] == [p.format(name=name) for p in expected[:2]]
    assert {el["path"]: el["is_admin_only"] for el in as_admin} == {
        p.format(name=name): p.startswith(("10.254", "\\\\10.254")) for p in expected}
    assert all(set(el) == {"id", "path", "preferred", "metadata", "share_instance_id",
                           "is_admin_only"} for el in as_admin)
    (hidden,) = [el for el in as_admin if el["is_admin_only"]]
    assert member.get(f"{path}/{hidden['id']}").json() == {
        "forbidden": {"code": 403, "message": "Access was denied to this resource."}}
    assert admin.get(f"{path}/{hidden['id']}").json()["export_location"][
        "is_admin_only"] is True


def test_preferred_from_2_14_and_not_before_2_9(member: Api) -> None:
    share: dict[str, Any] = member.available_share()
    path = f"/v2/shares/{share['id']}/export_locations"

    assert all(set(el) == {"id", "path"} for el in
               member.get(path, version="2.13").json()["export_locations"])
    assert member.get(path, version="2.8").status_code == 404
    old = member.get(f"/v2/shares/{share['id']}", version="2.8").json()["share"]
    assert old["export_location"].startswith("10.0.0.10:")
    assert len(old["export_locations"]) == 2
