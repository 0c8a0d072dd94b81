"""What access changes do: the states rules go through, the share's
``access_rules_status``, squash and priority (our extension), the effective
order, the exports file the simulated NFS back end writes, and 20
concurrent changes on one share."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable

import pytest

from manila_ui.tests.backend.access_helpers import allow
from manila_ui.tests.backend.access_helpers import allowed
from manila_ui.tests.backend.access_helpers import create_type
from manila_ui.tests.backend.access_helpers import deny
from manila_ui.tests.backend.access_helpers import export_entries
from manila_ui.tests.backend.access_helpers import exports_file
from manila_ui.tests.backend.access_helpers import fault
from manila_ui.tests.backend.access_helpers import rules
from manila_ui.tests.backend.access_helpers import settled
from manila_ui.tests.backend.access_helpers import states_of
from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import wait_until

META = "Invalid access rule metadata: "


@pytest.fixture(scope="module")
def squash_type(backend: Backend) -> str:
    return create_type(backend, squash_support="True")


def test_allow_deny_and_update_go_through_manilas_states(member: Api,
                                                         backend: Backend) -> None:
    share = member.available_share()
    assert share["access_rules_status"] == "active"

    created = allowed(member, share["id"], "10.0.0.0/8")
    assert created["state"] == "queued_to_apply"
    assert member.share(share["id"])["access_rules_status"] == "syncing"
    assert member.share(share["id"])["access_rules_status"] == "syncing"
    old = member.get(f"/v2/shares/{share['id']}", version="2.27").json()["share"]
    assert old["access_rules_status"] in ("out_of_sync", "active")
    assert states_of(member, created["id"], ("active",)) == [
        "queued_to_apply", "applying", "active"]
    settled(member, share["id"])
    assert member.share(share["id"])["access_rules_status"] == "active"
    assert export_entries(backend, share["id"]) == ["10.0.0.0/8(rw,no_root_squash)"]

    updated = member.put(f"/v2/share-access-rules/{created['id']}",
                         json={"update_access": {"access_level": "ro"}})
    # Manila answers with the new level and the state before the update.
    assert updated.json()["access"]["access_level"] == "ro"
    assert updated.json()["access"]["state"] == "active"
    assert states_of(member, created["id"], ("active",))[-3:] == [
        "queued_to_update", "updating", "active"]
    settled(member, share["id"])
    assert export_entries(backend, share["id"]) == ["10.0.0.0/8(ro,no_root_squash)"]

    assert deny(member, share["id"], created["id"]).status_code == 202
    assert states_of(member, created["id"], ("gone",)) == [
        "queued_to_deny", "denying", "gone"]
    settled(member, share["id"])
    assert export_entries(backend, share["id"]) == []
    assert fault(deny(member, share["id"], created["id"])) == (
        404, "Resource could not be found.")


def test_a_rule_the_back_end_cannot_apply_ends_in_error(member: Api,
                                                        backend: Backend) -> None:
    share = member.available_share()
    cert = allowed(member, share["id"], "client-cn", "cert")   # not on NFS here
    good = allowed(member, share["id"], "10.0.0.0/8")

    states = {r["access_to"]: r["state"] for r in settled(member, share["id"])}
    assert states == {"client-cn": "error", "10.0.0.0/8": "active"}
    assert member.share(share["id"])["access_rules_status"] == "error"
    assert export_entries(backend, share["id"]) == ["10.0.0.0/8(rw,no_root_squash)"]
    # Below 2.28 a share whose rules failed takes no new rule.
    assert fault(allow(member, share["id"], "10.1.0.0/16", version="2.27")) == (
        400, "Access rules cannot be added while the share or any of its replicas "
             "or migration copies has its access_rules_status set to error. Deny "
             "any rules in error state and try again.")
    deny(member, share["id"], cert["id"])
    settled(member, share["id"])
    assert member.share(share["id"])["access_rules_status"] == "active"
    assert [r["id"] for r in rules(member, share["id"])] == [good["id"]]


def test_a_failing_back_end_puts_the_pending_rules_in_error(member: Api,
                                                            backend: Backend) -> None:
    share = member.available_share(metadata={"simulated_driver:fail": "access"})
    allowed(member, share["id"], "10.0.0.0/8")

    assert [r["state"] for r in settled(member, share["id"])] == ["error"]
    assert member.share(share["id"])["access_rules_status"] == "error"
    assert not exports_file(backend, share["id"]).exists()


def test_a_busy_share_takes_no_rule(member: Api) -> None:
    share = member.create_share()

    assert fault(allow(member, share["id"], "10.0.0.0/8")) == (
        400, "New access rules cannot be applied while the share or any of its "
             "replicas or migration copies lacks a valid host or is in an invalid "
             "state.")


def test_cephx_rules_get_a_key_once_applied(member: Api) -> None:
    share = member.available_share()
    created = allowed(member, share["id"], "alice", "cephx")
    assert created["access_key"] is None

    (applied,) = settled(member, share["id"])
    assert applied["state"] == "active"
    assert applied["access_key"].startswith("AQ") and len(applied["access_key"]) == 40


# -- squash --------------------------------------------------------------------

def test_squash_attributes_become_export_options(member: Api, backend: Backend,
                                                 squash_type: str) -> None:
    share = member.available_share(share_type=squash_type)
    allowed(member, share["id"], "10.0.0.0/8")
    allowed(member, share["id"], "10.1.0.0/16", access_level="ro",
            metadata={"squash": "all_squash", "anonuid": "65534", "anongid": "65534"})
    allowed(member, share["id"], "10.2.0.0/16", metadata={"squash": "root_squash"})
    allowed(member, share["id"], "10.3.0.0/16", metadata={"squash": "no_root_squash"})

    settled(member, share["id"])
    assert export_entries(backend, share["id"]) == [
        "10.1.0.0/16(ro,all_squash,anonuid=65534,anongid=65534)",
        "10.2.0.0/16(rw,root_squash)",
        "10.3.0.0/16(rw,no_root_squash)",
        "10.0.0.0/8(rw,no_root_squash)",
    ]
    text = exports_file(backend, share["id"]).read_text()
    path = "/shares/share_" + share["id"].replace("-", "_")
    assert f"{path} 10.0.0.0/8(rw,no_root_squash)\n" in text


SQUASH_REFUSALS = [
    ({"squash": "bogus"}, "squash must be one of no_root_squash, root_squash, "
                          "all_squash, not 'bogus'."),
    ({"squash": "all_squash", "anonuid": "4294967295"},
     "anonuid must be an integer from 0 to 4294967294, not '4294967295'."),
    ({"squash": "all_squash", "anongid": "-1"},
     "anongid must be an integer from 0 to 4294967294, not '-1'."),
    ({"squash": "all_squash", "anonuid": "x"},
     "anonuid must be an integer from 0 to 4294967294, not 'x'."),
    ({"anonuid": "65534"}, "anonuid needs squash=root_squash or squash=all_squash "
                           "(it names the anonymous user squashed ids become)."),
    ({"squash": "no_root_squash", "anongid": "0"},
     "anongid needs squash=root_squash or squash=all_squash (it names the "
     "anonymous user squashed ids become)."),
    ({"priority": "0"}, "priority must be an integer from 1 to 200, not '0'."),
    ({"priority": "201"}, "priority must be an integer from 1 to 200, not '201'."),
    ({"priority": "high"}, "priority must be an integer from 1 to 200, not 'high'."),
]


@pytest.mark.parametrize(("metadata", "message"), SQUASH_REFUSALS)
def test_reserved_metadata_is_validated(member: Api, squash_type: str,
                                        metadata: dict[str, str], message: str) -> None:
    share = member.available_share(share_type=squash_type)

    assert fault(allow(member, share["id"], "10.0.0.0/8", metadata=metadata)) == (
        400, META + message)
    assert allow(member, share["id"], "10.0.0.0/8", metadata={
        "squash": "all_squash", "anonuid": "0", "anongid": "4294967294",
        "priority": "1", "note": "other keys stay opaque"}).status_code == 200
    assert allow(member, share["id"], "10.1.0.0/16",
                 metadata={"priority": "200"}).status_code == 200


def test_squash_where_it_cannot_be_honoured_is_refused(member: Api,
                                                       squash_type: str) -> None:
    plain = member.available_share()
    assert fault(allow(member, plain["id"], "10.0.0.0/8",
                       metadata={"squash": "root_squash"})) == (
        400, META + "squash is not supported for this share: its share type "
                    "'default' does not have squash_support=True.")
    # Priority needs no support: it is only an order.
    assert allow(member, plain["id"], "10.0.0.0/8",
                 metadata={"priority": "5"}).status_code == 200

    capable = member.available_share(share_type=squash_type)
    assert fault(allow(member, capable["id"], "alice", "cephx",
                       metadata={"squash": "all_squash"})) == (
        400, META + "squash applies to ip rules only (it is an NFS export option).")
    cifs = member.available_share(share_type=squash_type, proto="CIFS")
    assert fault(allow(member, cifs["id"], "10.0.0.0/8",
                       metadata={"squash": "all_squash"})) == (
        400, META + "squash applies to NFS shares only, not CIFS.")


def test_squash_types_go_only_to_pools_that_squash(member: Api, backend: Backend,
                                                   squash_type: str) -> None:
    pools = backend.api("admin", member.project).get(
        "/v2/scheduler-stats/pools/detail").json()["pools"]
    support = {p["backend"]: (p["capabilities"]["squash_support"],
                              p["capabilities"]["squash_modes"]) for p in pools}
    assert support["alpha"] == (True, ["no_root_squash", "root_squash", "all_squash"])
    assert support["beta"] == (False, [])

    # beta (the second zone) cannot squash: nowhere to place the share.
    share = member.create_share(share_type=squash_type, availability_zone="nova-2")
    member.wait_status(share["id"], "error")
    (message,) = member.messages_for(share["id"])
    assert (message["action_id"], message["detail_id"]) == ("001", "008")


def test_a_pool_that_lacks_the_mode_refuses_it(
        start_backend: Callable[..., Backend]) -> None:
    backend = start_backend(**{"simulated_driver.squash_modes": "root_squash"})
    name = create_type(backend, squash_support="True")
    member = backend.api("member", "p1")
    share = member.available_share(share_type=name)

    assert fault(allow(member, share["id"], "10.0.0.0/8",
                       metadata={"squash": "all_squash"})) == (
        400, META + "squash 'all_squash' is not supported by the share's pool "
                    "manila-ui@alpha#pool_alpha (it supports: root_squash).")
    allowed(member, share["id"], "10.0.0.0/8", metadata={"squash": "root_squash"})
    settled(member, share["id"])
    assert export_entries(backend, share["id"]) == ["10.0.0.0/8(rw,root_squash)"]


# -- the effective order ----------------------------------------------------------

def test_priority_then_most_specific_then_oldest(member: Api, backend: Backend,
                                                 squash_type: str) -> None:
    share = member.available_share(share_type=squash_type)
    for access_to, priority in (("10.0.0.0/8", None), ("10.1.0.0/16", None),
                                ("192.168.0.0/16", "5"), ("10.1.2.0/24", "150"),
                                ("172.16.0.0/12", None), ("10.2.0.0/16", None)):
        allowed(member, share["id"], access_to,
                metadata={"priority": priority} if priority else {})
    allowed(member, share["id"], "alice", "cephx")

    settled(member, share["id"])
    expected = ["192.168.0.0/16", "alice", "10.1.0.0/16", "10.2.0.0/16",
                "172.16.0.0/12", "10.0.0.0/8", "10.1.2.0/24"]
    ordered = [r["access_to"] for r in rules(member, share["id"], "&sort_key=priority")]
    assert ordered == expected
    backwards = rules(member, share["id"], "&sort_key=priority&sort_dir=desc")
    assert [r["access_to"] for r in backwards] == expected[::-1]
    # Without sort_key: creation order, as Manila lists them.
    assert [r["access_to"] for r in rules(member, share["id"])][:2] == [
        "10.0.0.0/8", "10.1.0.0/16"]
    assert [entry.split("(")[0] for entry in export_entries(backend, share["id"])] == [
        a for a in expected if a != "alice"]


def test_changing_priority_or_squash_reapplies_the_rule(member: Api, backend: Backend,
                                                        squash_type: str) -> None:
    share = member.available_share(share_type=squash_type)
    wide = allowed(member, share["id"], "10.0.0.0/8")
    allowed(member, share["id"], "10.1.0.0/16", access_level="ro")
    settled(member, share["id"])
    assert [e.split("(")[0] for e in export_entries(backend, share["id"])] == [
        "10.1.0.0/16", "10.0.0.0/8"]

    url = f"/v2/share-access-rules/{wide['id']}/metadata"
    assert member.put(url, json={"metadata": {"priority": "10", "squash": "all_squash",
                                              "anonuid": "65534"}}).status_code == 200
    assert states_of(member, wide["id"], ("active",))[-1] == "active"
    settled(member, share["id"])
    assert export_entries(backend, share["id"]) == [
        "10.0.0.0/8(rw,all_squash,anonuid=65534)", "10.1.0.0/16(ro,no_root_squash)"]
    # Deleting the squash mode would leave anonuid meaning nothing.
    assert fault(member.delete(url + "/squash")) == (
        400, META + "anonuid needs squash=root_squash or squash=all_squash (it "
                    "names the anonymous user squashed ids become).")
    assert member.delete(url + "/anonuid").status_code == 200
    assert member.delete(url + "/squash").status_code == 200
    settled(member, share["id"])
    assert export_entries(backend, share["id"])[0] == "10.0.0.0/8(rw,no_root_squash)"


# -- concurrency ---------------------------------------------------------------------

def test_twenty_concurrent_changes_on_one_share_end_consistent(
        member: Api, backend: Backend, squash_type: str) -> None:
    share = member.available_share(share_type=squash_type)
    doomed = [allowed(member, share["id"], f"10.200.{i}.0/24") for i in range(6)]
    settled(member, share["id"])

    def change(i: int) -> int:
        api = backend.api(member.user, member.project)   # a session per thread
        if i < 6:
            return deny(api, share["id"], doomed[i]["id"]).status_code
        return allow(api, share["id"], f"10.{i}.0.0/16",
                     metadata={"priority": str(200 - i)}).status_code

    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        codes = list(pool.map(change, range(20)))

    assert codes == [202] * 6 + [200] * 14
    final = settled(member, share["id"], timeout=60)
    assert {r["state"] for r in final} == {"active"}
    assert sorted(r["access_to"] for r in final) == sorted(
        f"10.{i}.0.0/16" for i in range(6, 20))
    assert member.share(share["id"])["access_rules_status"] == "active"
    # The file is exactly the effective order of what is active.
    ordered = rules(member, share["id"], "&sort_key=priority")
    assert export_entries(backend, share["id"]) == [
        f"{r['access_to']}(rw,no_root_squash)" for r in ordered]
    assert [r["access_to"] for r in ordered][0] == "10.19.0.0/16"   # priority 181
    with backend.db() as db:
        pending = db.execute("SELECT count(*) FROM operations WHERE resource_id = ?",
                             (share["id"],)).fetchone()[0]
    assert pending == 0


def test_rules_go_with_their_share_and_so_does_the_exports_file(
        member: Api, backend: Backend) -> None:
    share = member.available_share()
    allowed(member, share["id"], "10.0.0.0/8")
    settled(member, share["id"])
    assert exports_file(backend, share["id"]).exists()

    assert member.delete(f"/v2/shares/{share['id']}").status_code == 202
    member.wait_gone(share["id"])
    wait_until(lambda: not exports_file(backend, share["id"]).exists(),
               what="the exports file to go")
    with backend.db() as db:
        left = db.execute("SELECT count(*) FROM share_access_rules WHERE share_id = ?",
                          (share["id"],)).fetchone()[0]
    assert left == 0


@pytest.mark.parametrize("clear", [True, False])
def test_a_transfer_keeps_or_clears_the_rules(member: Api, other: Api, clear: bool
                                              ) -> None:
    share = member.available_share()
    allowed(member, share["id"], "10.0.0.0/8")
    settled(member, share["id"])
    offer = member.post("/v2/share-transfers", json={"transfer": {
        "share_id": share["id"], "name": "move"}}).json()["transfer"]

    accepted = other.post(f"/v2/share-transfers/{offer['id']}/accept", json={
        "accept": {"auth_key": offer["auth_key"], "clear_access_rules": clear}})
    assert accepted.status_code == 202, accepted.text
    other.wait_status(share["id"], "available")

    left = [r["access_to"] for r in settled(other, share["id"])]
    assert left == ([] if clear else ["10.0.0.0/8"])
