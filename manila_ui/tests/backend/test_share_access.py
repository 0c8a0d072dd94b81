"""Access rules as Manila 23 checks and shows them: every validation case
(messages checked against the real Manila reference), duplicates, the
fields of each microversion, and who may do what."""

from __future__ import annotations

from typing import Any

import pytest

from manila_ui.tests.backend.access_helpers import allow
from manila_ui.tests.backend.access_helpers import allowed
from manila_ui.tests.backend.access_helpers import deny
from manila_ui.tests.backend.access_helpers import fault
from manila_ui.tests.backend.access_helpers import rules
from manila_ui.tests.backend.access_helpers import settled
from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import new_project

USER_MESSAGE = ("Invalid user or group name. Must be 4-255 characters and consist of "
                "alphanumeric characters and exclude special characters "
                "\"/\\[]:;|=,+*?<>")


@pytest.fixture(scope="module")
def owner(backend: Backend) -> Api:
    project = new_project()
    return backend.api("owner-" + project[:6], project)


@pytest.fixture(scope="module")
def share(owner: Api) -> dict[str, Any]:
    """One NFS share for the valid cases (some of their rules end in error
    on NFS, which then changes what a request below 2.28 is told)."""
    return owner.available_share()


@pytest.fixture(scope="module")
def untouched(owner: Api) -> dict[str, Any]:
    """A share no rule is ever added to, for the refused cases."""
    return owner.available_share()


VALID = [
    ("ip", "10.0.0.0/24", "2.98"),
    ("ip", "10.9.9.1", "2.98"),
    ("ip", "0.0.0.0/0", "2.98"),
    ("ip", "2001:db8::/64", "2.38"),
    ("ip", "2001:db8:1::7", "2.98"),
    ("user", "alice", "2.98"),
    ("user", "/abc", "2.98"),            # Manila never checks the first character
    ("user", "a" * 255, "2.98"),
    ("cert", " cn ", "2.98"),            # stripped to check, stored as given
    ("cert", "c" * 64, "2.98"),
    ("cephx", "alice", "2.13"),
]


@pytest.mark.parametrize(("access_type", "access_to", "version"), VALID)
def test_valid_rules_are_queued(owner: Api, share: dict[str, Any], access_type: str,
                                access_to: str, version: str) -> None:
    resp = allow(owner, share["id"], access_to, access_type, version=version)

    assert resp.status_code == 200, resp.text
    created = resp.json()["access"]
    assert (created["access_type"], created["access_to"]) == (access_type, access_to)
    assert created["access_level"] == "rw"     # Manila's default
    assert created["share_id"] == share["id"]


INVALID = [
    ("ip", "10.0.0.1/24", "2.98", "10.0.0.1/24 has host bits set"),
    ("ip", "2001:db8::/64", "2.37", "Expected 4 octets in '2001:db8::'"),
    ("ip", "2001:db8::1/64", "2.98", "2001:db8::1/64 has host bits set"),
    ("ip", " 10.9.0.0/16", "2.98",
     "' 10.9.0.0/16' does not appear to be an IPv4 or IPv6 network"),
    ("ip", "10.0.0.0/33", "2.98",
     "'10.0.0.0/33' does not appear to be an IPv4 or IPv6 network"),
    ("ip", 5, "2.98", "'5' does not appear to be an IPv4 or IPv6 network"),
    ("user", "abc", "2.98", USER_MESSAGE),
    ("user", "a" * 256, "2.98", USER_MESSAGE),
    ("user", "ab|cd", "2.98", USER_MESSAGE),
    ("user", "ab=cd", "2.98", USER_MESSAGE),
    ("user", "....", "2.98",
     "Invalid user or group name,cannot consist solely of periods or spaces."),
    ("user", "    ", "2.98",
     "Invalid user or group name,cannot consist solely of periods or spaces."),
    ("cert", "", "2.98", "Invalid CN (common name). Must be 1-64 chars long."),
    ("cert", "   ", "2.98", "Invalid CN (common name). Must be 1-64 chars long."),
    ("cert", "c" * 65, "2.98", "Invalid CN (common name). Must be 1-64 chars long."),
    ("cephx", "client.alice", "2.98", "Ceph IDs may not contain periods."),
    ("cephx", "", "2.98", "Ceph IDs may not be empty."),
    ("cephx", "bé", "2.98", "Ceph IDs must consist of ASCII printable characters."),
    ("cephx", "alice", "2.12", "Only 'ip', 'user' or 'cert' access types are supported."),
    ("nfs", "alice", "2.98",
     "Only 'ip', 'user', 'cert' or 'cephx' access types are supported."),
]


@pytest.mark.parametrize(("access_type", "access_to", "version", "message"), INVALID)
def test_invalid_rules_are_refused_with_manilas_message(
        owner: Api, untouched: dict[str, Any], access_type: str, access_to: Any,
        version: str, message: str) -> None:
    resp = allow(owner, untouched["id"], access_to, access_type, version=version)

    assert fault(resp) == (400, message)


def test_level_and_metadata_are_checked(owner: Api, share: dict[str, Any]) -> None:
    cases = [
        ({"access_level": "xx"}, "Invalid access rule: Invalid share access level: xx."),
        ({"metadata": {"": "x"}}, "Metadata property key is blank."),
        ({"metadata": {"k": ""}}, "Metadata property value is blank."),
        ({"metadata": {"k" * 256: "v"}},
         "Metadata property key is greater than 255 characters."),
        ({"metadata": {"k": "v" * 1024}},
         "Metadata property value is greater than 1023 characters."),
        ({"lock_reason": "why"}, "Lock reason can only be specified when locking the "
                                 "visibility or the deletion of an access rule."),
    ]
    for fields, message in cases:
        resp = allow(owner, share["id"], "10.77.0.0/16", **fields)
        assert fault(resp) == (400, message), fields
    ro = allowed(owner, share["id"], "10.78.0.0/16", access_level="ro")
    assert ro["access_level"] == "ro"


def test_malformed_bodies_are_400_where_manila_fails_with_500(
        owner: Api, share: dict[str, Any]) -> None:
    # Manila 23 answers these with a 500 computeFault; ours name the field.
    assert allow(owner, share["id"], "10.79.0.0/16", metadata="x").status_code == 400
    assert owner.action(share["id"], "allow_access", {"access_to": "10.1.0.0/16"}
                        ).status_code == 400
    assert owner.action(share["id"], "allow_access", None).status_code == 400
    assert owner.action(share["id"], "deny_access", {}).status_code == 400


def test_duplicates_are_refused_as_manila_decides_them(owner: Api) -> None:
    share = owner.available_share()
    allowed(owner, share["id"], "10.0.0.0/8")
    allowed(owner, share["id"], "10.0.0.1")
    allowed(owner, share["id"], "2001:db8::/64")

    assert fault(allow(owner, share["id"], "10.0.0.0/8", access_level="ro")) == (
        400, "Share access ip:10.0.0.0/8 exists.")
    # The same network spelt differently is the same rule...
    assert fault(allow(owner, share["id"], "10.0.0.1/32")) == (
        400, "Share access ip:10.0.0.1/32 exists.")
    # ... unless the text differs before the prefix (Manila's quirk).
    assert allow(owner, share["id"], "2001:0db8::/64").status_code == 200
    # A narrower range over the same address is another rule.
    assert allow(owner, share["id"], "10.0.0.0/16").status_code == 200
    # Other types match exactly; another share may hold the same rule.
    allowed(owner, share["id"], "alice", "cephx")
    assert fault(allow(owner, share["id"], "alice", "cephx")) == (
        400, "Share access cephx:alice exists.")
    other_share = owner.available_share()
    assert allow(owner, other_share["id"], "10.0.0.0/8").status_code == 200


def test_view_fields_follow_the_microversion(owner: Api, backend: Backend) -> None:
    share = owner.available_share()
    allowed(owner, share["id"], "10.0.0.0/8")
    allowed(owner, share["id"], "bob", "cephx", metadata={"team": "blue"})
    settled(owner, share["id"])
    base = {"id", "access_level", "access_to", "access_type", "state"}

    def keys(version: str) -> set[str]:
        return set(rules(owner, share["id"], version=version)[0])

    assert keys("2.45") == base | {"access_key", "created_at", "updated_at", "metadata"}
    assert keys("2.98") == keys("2.45")
    cephx = rules(owner, share["id"], "&access_type=cephx")[0]
    assert cephx["metadata"] == {"team": "blue"}
    assert len(cephx["access_key"]) == 40     # issued by the back end once applied

    listed = owner.action(share["id"], "access_list", None, version="2.44").json()
    assert set(listed["access_list"][0]) == base | {"access_key", "created_at",
                                                    "updated_at"}
    listed = owner.action(share["id"], "access_list", None, version="2.32").json()
    assert set(listed["access_list"][0]) == base | {"access_key"}
    listed = owner.action(share["id"], "access_list", None, version="2.20").json()
    assert set(listed["access_list"][0]) == base
    legacy = owner.action(share["id"], "os-access_list", None, version="2.6").json()
    assert {r["state"] for r in legacy["access_list"]} == {"active"}  # the share's

    one = owner.get(f"/v2/share-access-rules/{cephx['id']}").json()["access"]
    assert one["share_id"] == share["id"]
    assert set(one) == base | {"share_id", "access_key", "created_at", "updated_at",
                               "metadata"}


def test_each_action_lives_at_its_microversions(owner: Api) -> None:
    share = owner.available_share()

    old = allow(owner, share["id"], "10.1.0.0/16", action="os-allow_access",
                version="2.6")
    assert old.status_code == 200
    assert old.json()["access"]["state"] == "new"   # the share is syncing
    assert set(old.json()["access"]) == {"id", "share_id", "access_level",
                                         "access_to", "access_type", "state"}
    assert allow(owner, share["id"], "10.2.0.0/16", version="2.6").status_code == 404
    assert allow(owner, share["id"], "10.2.0.0/16", action="os-allow_access",
                 version="2.7").status_code == 404
    assert owner.action(share["id"], "access_list", None, version="2.45"
                        ).status_code == 404
    assert owner.get(f"/v2/share-access-rules?share_id={share['id']}",
                     version="2.44").status_code == 404
    rule_id = old.json()["access"]["id"]
    assert owner.put(f"/v2/share-access-rules/{rule_id}", version="2.87",
                     json={"update_access": {"access_level": "ro"}}).status_code == 404
    assert owner.action(share["id"], "os-deny_access", {"access_id": rule_id},
                        version="2.6").status_code == 202


def test_listing_needs_a_visible_share(owner: Api, other: Api) -> None:
    share = owner.available_share()

    resp = owner.get("/v2/share-access-rules")
    assert fault(resp) == (400, "The field 'share_id' has to be specified.")
    assert fault(other.get(f"/v2/share-access-rules?share_id={share['id']}")) == (
        400, f"Share {share['id']} not found.")
    assert fault(owner.get("/v2/share-access-rules?share_id=nope")) == (
        400, "Share nope not found.")
    assert fault(owner.get("/v2/share-access-rules/nope")) == (
        404, "Share access rule nope not found.")


def test_list_filters_of_2_82(owner: Api) -> None:
    share = owner.available_share()
    allowed(owner, share["id"], "10.0.0.0/8", metadata={"team": "blue"})
    allowed(owner, share["id"], "10.1.0.0/16", access_level="ro")
    base = f"/v2/share-access-rules?share_id={share['id']}"

    def listed(query: str) -> list[str]:
        return [r["access_to"] for r in rules(owner, share["id"], query)]

    assert listed("&access_level=ro") == ["10.1.0.0/16"]
    assert listed("&access_type=ip&access_to=10.0.0.0/8") == ["10.0.0.0/8"]
    assert listed("&metadata={'team': 'blue'}") == ["10.0.0.0/8"]
    assert fault(owner.get(base + "&access_to=10.0.0.0/8")) == (
        400, "Invalid input received: 'access_type' parameter must be provided "
             "when specifying 'access_to'.")
    assert fault(owner.get(base + "&access_type=ip&access_to=10.0.0.1/8")) == (
        400, "10.0.0.1/8 has host bits set")
    assert fault(owner.get(base + "&access_level=zz")) == (
        400, "Invalid or unsupported share access level: zz.")
    assert fault(owner.get(base + "&access_type=zz")) == (
        400, "Invalid or unsupported share access type: zz.")


def test_level_update_checks(owner: Api) -> None:
    share = owner.available_share()
    created = allowed(owner, share["id"], "10.0.0.0/8")
    url = f"/v2/share-access-rules/{created['id']}"

    assert fault(owner.put(url, json={"update_access": {"access_level": "xx"}})) == (
        400, "Invalid or unsupported share access level: xx.")
    assert fault(owner.put(url, json={"update_access": {}})) == (
        400, "Invalid input. Missing 'access_level' in update request.")
    assert owner.put(url, json={"foo": {}}).status_code == 400
    same = owner.put(url, json={"update_access": {"access_level": "rw"}})
    assert same.status_code == 200 and same.json()["access"] == owner.get(url).json()[
        "access"]


def test_rule_metadata_set_and_delete(owner: Api) -> None:
    share = owner.available_share()
    created = allowed(owner, share["id"], "10.0.0.0/8", metadata={"a": "1"})
    url = f"/v2/share-access-rules/{created['id']}"

    resp = owner.put(url + "/metadata", json={"metadata": {"b": "2"}})
    assert resp.status_code == 200
    assert resp.json() == {"metadata": {"b": "2"}}        # what was sent, as Manila
    assert owner.get(url).json()["access"]["metadata"] == {"a": "1", "b": "2"}
    assert fault(owner.put(url + "/metadata", json={"metadata": {"b": ""}})) == (
        400, "Invalid metadata.")
    assert owner.put(url + "/metadata", json={"meta": {}}).status_code == 400
    assert fault(owner.put("/v2/share-access-rules/nope/metadata",
                           json={"metadata": {"b": "x"}})) == (
        404, "Resource could not be found.")
    deleted = owner.delete(url + "/metadata/a")
    assert (deleted.status_code, deleted.content) == (200, b"")
    assert fault(owner.delete(url + "/metadata/zz")) == (
        404, "Share access rule metadata does not exist.")
    assert owner.get(url).json()["access"]["metadata"] == {"b": "2"}
    assert owner.get(url + "/metadata").status_code == 404   # no such API in Manila


def test_policy_owner_reader_other_project_admin(owner: Api, backend: Backend,
                                                 other: Api, admin: Api) -> None:
    share = owner.available_share()
    created = allowed(owner, share["id"], "10.0.0.0/8")
    settled(owner, share["id"])
    reader = backend.api("reader-" + owner.project[:6], owner.project, roles="reader")
    url = f"/v2/share-access-rules/{created['id']}"

    # A reader sees, and changes nothing.
    assert [r["id"] for r in rules(reader, share["id"])] == [created["id"]]
    assert reader.get(url).status_code == 200
    forbidden = (403, "Access was denied to this resource.")
    assert fault(allow(reader, share["id"], "10.9.0.0/16")) == forbidden
    assert fault(deny(reader, share["id"], created["id"])) == forbidden
    assert fault(reader.put(url, json={"update_access": {"access_level": "ro"}})
                 ) == forbidden
    assert fault(reader.put(url + "/metadata", json={"metadata": {"k": "v"}})
                 ) == forbidden
    # Another project does not even see the share or the rule.
    missing = (404, "NotFound: Resource could not be found.")
    assert fault(allow(other, share["id"], "10.9.0.0/16")) == missing
    assert fault(deny(other, share["id"], created["id"])) == missing
    assert fault(other.get(url)) == (404, f"Share access rule {created['id']} not found.")
    assert other.put(url, json={"update_access": {"access_level": "ro"}}
                     ).status_code == 404
    # An admin manages anyone's rules.
    assert allow(admin, share["id"], "10.9.0.0/16").status_code == 200
    assert len(rules(admin, share["id"])) == 2
    assert deny(admin, share["id"], created["id"]).status_code == 202
