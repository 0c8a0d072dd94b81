"""The comparison itself, on hand-made responses (no stack needed)."""

from __future__ import annotations

from manila_ui.tests.reference import allowlist
from manila_ui.tests.reference.differ import Difference
from manila_ui.tests.reference.differ import Response
from manila_ui.tests.reference.differ import compare
from manila_ui.tests.reference.differ import fault_name
from manila_ui.tests.reference.differ import normalise

HDRS = {
    "x-openstack-request-id": "req-1",
    "x-compute-request-id": "req-1",
    "x-openstack-manila-api-version": "2.99",
    "vary": "X-OpenStack-Manila-API-Version",
}


def resp(status: int, body: object, **headers: str) -> Response:
    return Response(status, {**HDRS, **headers}, body, 1.0)


def test_normalise_replaces_ids_times_hosts_paths_and_endpoints() -> None:
    body = {
        "share": {
            "id": "0b6b1a8e-5d1c-4c11-9b9e-5a1e0b4f2f10",
            "project_id": "9f3c2d1e0b4a49c8a7d6e5f4c3b2a190",
            "created_at": "2026-11-25T09:02:06.552253",
            "host": "realmanila@alpha#fake_pool_for_ALPHA",
            "export_locations": ["10.0.0.10:/path/to/fake/share/x"],
            "links": [
                {"href": "http://127.0.0.1:28786/v2/shares/0b6b1a8e-5d1c-4c11-9b9e-5a1e0b4f2f10"}
            ],
            "size": 1,
        }
    }
    assert normalise(body) == {
        "share": {
            "id": "<uuid>",
            "project_id": "<id>",
            "created_at": "<ts>",
            "host": "<host>",
            "export_locations": ["<path>"],
            "links": [{"href": "<endpoint>/v2/shares/<uuid>"}],
            "size": 1,
        }
    }


def test_fault_name() -> None:
    assert fault_name({"itemNotFound": {"code": 404, "message": "x"}}) == "itemNotFound"
    assert fault_name({"share": {"id": "x"}}) is None
    assert fault_name(None) is None


def test_same_answers_have_no_difference() -> None:
    a = resp(200, {"share": {"id": "0b6b1a8e-5d1c-4c11-9b9e-5a1e0b4f2f10", "size": 1}})
    b = resp(200, {"share": {"id": "1c7c2b9f-6e2d-4d22-8c8f-6b2f1c5a3a21", "size": 1}})
    assert compare("w", a, b) == []


def test_each_kind_is_found() -> None:
    a = resp(200, {"share": {"size": 1, "status": "available", "extra": 1}})
    b = resp(200, {"share": {"size": "1", "status": "creating"}}, vary="Other")
    kinds = sorted((d.kind, d.path) for d in compare("w", a, b))
    assert kinds == [
        ("header", "vary"),
        ("keys", "share"),
        ("type", "share.size"),
        ("value", "share.status"),
    ]
    not_found = resp(404, {"itemNotFound": {"code": 404, "message": "gone"}})
    bad = resp(400, {"badRequest": {"code": 400, "message": "no"}})
    assert sorted(d.kind for d in compare("w", not_found, bad)) == ["fault", "status"]


def test_ignored_keys_and_values_off() -> None:
    a = resp(200, {"shares": [{"availability_zone": "nova", "name": "a"}]})
    b = resp(200, {"shares": [{"availability_zone": "nova-2", "name": "b"}]})
    assert [d.path for d in compare("w", a, b, ignore=frozenset({"availability_zone"}))] == [
        "shares[0].name"
    ]
    assert compare("w", a, b, values=False) == []


def test_allowlist_answers_none_for_unknown_differences() -> None:
    assert allowlist.reason(Difference("status", "nowhere", "", 1, 2)) is None


def test_allowlist_is_narrow() -> None:
    pools = "admin GET /scheduler-stats/pools/detail @2.99"
    ours = Difference("keys", pools, "pools[0].capabilities", ["squash_support",
                                                               "thin_provisioning"], [])
    assert allowlist.reason(ours)
    unknown = Difference("keys", pools, "pools[0].capabilities", ["made_up"], [])
    assert allowlist.reason(unknown) is None
    missing = Difference("keys", pools, "pools[0].capabilities", [], ["vendor_name"])
    assert allowlist.reason(missing) is None

    no_size = Difference("status", "demo POST /shares @2.45 [no size]", "", 400, 500,
                         statuses=(400, 500))
    assert allowlist.reason(no_size)
    assert allowlist.reason(Difference("status", "demo POST /shares @2.45 [no size]", "",
                                       422, 500, statuses=(422, 500))) is None
    sort = Difference("status", "demo GET /snapshots?sort_key=bogus @2.0", "", 400, 500,
                      statuses=(400, 500))
    assert allowlist.reason(sort)
    assert allowlist.reason(Difference("status", "demo GET /shares?sort_key=bogus @2.0",
                                       "", 400, 500, statuses=(400, 500))) is None


def test_unordered_lists_compare_as_sets() -> None:
    a = resp(200, {"access_list": [{"access_to": "10.0.0.0/24"}, {"access_to": "::/0"}]})
    b = resp(200, {"access_list": [{"access_to": "::/0"}, {"access_to": "10.0.0.0/24"}]})
    assert compare("w", a, b, unordered=True) == []
    assert [d.kind for d in compare("w", a, b)] == ["value", "value"]
