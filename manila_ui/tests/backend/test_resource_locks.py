"""Resource locks (2.81) and the locks of access rules (2.82): deletion
locks refuse deny and share deletion, visibility locks hide ``access_to``
from whoever may not lift them, ``unrestrict`` lifts one's own."""

from __future__ import annotations

import uuid

from manila_ui.tests.backend.access_helpers import allow
from manila_ui.tests.backend.access_helpers import allowed
from manila_ui.tests.backend.access_helpers import deny
from manila_ui.tests.backend.access_helpers import fault
from manila_ui.tests.backend.access_helpers import rule
from manila_ui.tests.backend.access_helpers import rules
from manila_ui.tests.backend.access_helpers import settled
from manila_ui.tests.backend.access_helpers import states_of
from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend

LOCKS = "/v2/resource-locks"


def _locks(api: Api, query: str = "") -> list[dict[str, str]]:
    resp = api.get(LOCKS + query)
    assert resp.status_code == 200, resp.text
    found: list[dict[str, str]] = resp.json()["resource_locks"]
    return found


def test_a_deletion_lock_on_a_rule_guards_the_rule_and_its_share(member: Api) -> None:
    share = member.available_share()
    locked = allowed(member, share["id"], "10.5.0.0/16", lock_deletion=True,
                     lock_reason="keep")
    settled(member, share["id"])

    found = _locks(member)
    by_type = {(lock["resource_type"], lock["resource_action"]): lock for lock in found}
    rule_lock = by_type[("access_rule", "delete")]
    share_lock = by_type[("share", "delete")]
    assert rule_lock["resource_id"] == locked["id"]
    assert rule_lock["lock_reason"] == "keep"
    assert rule_lock["lock_context"] == "user"
    assert share_lock["resource_id"] == share["id"]
    assert share_lock["lock_reason"] == f"Locked by access lock: {rule_lock['id']}"

    assert fault(deny(member, share["id"], locked["id"])) == (
        403, f"Cannot deny access for share '{share['id']}' since it has been "
             "locked. Please remove the locks and retry the operation")
    assert fault(member.delete(f"/v2/shares/{share['id']}")) == (
        403, f"Resource lock/s [{share_lock['id']}] prevent delete action.")
    assert fault(member.action(share["id"], "soft_delete", None)) == (
        403, f"Resource lock/s [{share_lock['id']}] prevent delete action.")

    assert deny(member, share["id"], locked["id"], unrestrict=True).status_code == 202
    assert states_of(member, locked["id"], ("gone",))[-1] == "gone"
    assert _locks(member) == []
    assert member.delete(f"/v2/shares/{share['id']}").status_code == 202


def test_only_the_lock_owner_may_unrestrict(member: Api, backend: Backend,
                                            admin: Api) -> None:
    share = member.available_share()
    by_admin = allowed(admin, share["id"], "10.6.0.0/16", lock_deletion=True)
    colleague = backend.api("colleague-" + member.project[:6], member.project)

    assert fault(deny(member, share["id"], by_admin["id"], unrestrict=True)) == (
        403, "Unable to drop access rule restrictions that are not placed by you.")
    own = allowed(member, share["id"], "10.7.0.0/16", lock_deletion=True)
    # Another user of the project: the policy says owner-user only.
    assert fault(deny(colleague, share["id"], own["id"], unrestrict=True)) == (
        403, "Unable to drop access rule restrictions that are not placed by you.")
    assert deny(admin, share["id"], by_admin["id"], unrestrict=True).status_code == 202


def test_a_visibility_lock_hides_access_to_from_others(member: Api,
                                                       backend: Backend) -> None:
    share = member.available_share()
    hidden = allowed(member, share["id"], "10.8.0.0/16", lock_visibility=True)
    allowed(member, share["id"], "10.9.0.0/16")
    reader = backend.api("reader-" + member.project[:6], member.project,
                         roles="reader")

    assert rule(member, hidden["id"])["access_to"] == "10.8.0.0/16"
    seen = rule(reader, hidden["id"])
    assert (seen["access_to"], seen["access_key"]) == ("******", "******")
    assert [r["access_to"] for r in rules(reader, share["id"])] == [
        "******", "10.9.0.0/16"]
    # Filtering by access_to would tell: restricted rules are left out.
    assert rules(reader, share["id"], "&access_type=ip&access_to=10.8.0.0/16") == []
    assert len(rules(member, share["id"], "&access_type=ip&access_to=10.8.0.0/16")) == 1
    # One visibility lock per rule.
    resp = member.post(LOCKS, json={"resource_lock": {
        "resource_id": hidden["id"], "resource_type": "access_rule",
        "resource_action": "show"}})
    assert fault(resp) == (409, "There was a conflict when trying to complete your "
                                "request.")


def test_lock_options_need_2_82(member: Api) -> None:
    share = member.available_share()
    allow(member, share["id"], "10.7.0.0/16", version="2.81", lock_deletion=True)

    assert _locks(member) == []


def test_resource_lock_crud(member: Api, other: Api, admin: Api,
                            backend: Backend) -> None:
    share = member.available_share()
    reader = backend.api("reader-" + member.project[:6], member.project,
                         roles="reader")

    created = member.post(LOCKS, json={"resource_lock": {
        "resource_id": share["id"], "resource_type": "share", "lock_reason": "mine"}})
    assert created.status_code == 200, created.text
    lock = created.json()["resource_lock"]
    assert set(lock) == {"id", "user_id", "project_id", "lock_context",
                         "resource_type", "resource_id", "resource_action",
                         "lock_reason", "created_at", "updated_at", "links"}
    assert (lock["resource_action"], lock["user_id"]) == ("delete", member.user)
    url = f"{LOCKS}/{lock['id']}"

    assert member.get(url).json()["resource_lock"]["id"] == lock["id"]
    assert reader.get(url).status_code == 200
    assert fault(other.get(url)) == (404, f"Resource lock {lock['id']} could not be found.")
    assert admin.get(url).status_code == 200
    assert [found["id"] for found in _locks(member, "?resource_type=share")] == [lock["id"]]
    assert _locks(other) == []
    assert lock["id"] in {found["id"] for found in _locks(admin, "?all_projects=1")}
    counted = member.get(LOCKS + "?with_count=true&limit=1").json()
    assert counted["count"] == 1 and len(counted["resource_locks"]) == 1

    updated = member.put(url, json={"resource_lock": {"lock_reason": "changed"}})
    assert updated.json()["resource_lock"]["lock_reason"] == "changed"
    assert updated.json()["resource_lock"]["updated_at"] is not None
    assert fault(member.put(url, json={"resource_lock": {"resource_action": "show"}})
                 ) == (400, "'resource_action' can only be one of ['delete']")
    assert fault(reader.put(url, json={"resource_lock": {"lock_reason": "r"}})) == (
        403, "Policy doesn't allow resource_lock:update to be performed.")
    assert fault(reader.delete(url)) == (
        403, "Policy doesn't allow resource_lock:delete to be performed.")
    assert fault(member.delete(f"/v2/shares/{share['id']}")) == (
        403, f"Resource lock/s [{lock['id']}] prevent delete action.")

    assert member.delete(url).status_code == 204
    assert member.delete(url).status_code == 404
    assert member.delete(f"/v2/shares/{share['id']}").status_code == 202


def test_resource_lock_refusals(member: Api, other: Api, admin: Api) -> None:
    share = member.available_share()

    def create(user: Api, **fields: object) -> tuple[int, str]:
        return fault(user.post(LOCKS, json={"resource_lock": fields}))

    assert create(member, resource_id=share["id"], resource_type="share",
                  resource_action="show") == (
        400, "'resource_action' can only be one of ['delete']")
    assert create(member, resource_id="x") == (
        400, "Invalid input for field/attribute resource_id. Value: x. 'x' is not a "
             "'uuid'")
    assert create(member, resource_id=share["id"], resource_type="foo")[0] == 400
    assert create(member, resource_id=str(uuid.uuid4()), resource_type="share") == (
        400, "No such resource found.")
    # Manila finds another project's share, then its policy refuses the lock.
    assert create(other, resource_id=share["id"], resource_type="share") == (
        403, "Policy doesn't allow resource_lock:create to be performed.")
    assert fault(member.post(LOCKS, json={"foo": {}})) == (
        400, "'resource_lock' is a required property")
    assert fault(member.get(LOCKS + "?sort_key=bogus")) == (
        400, "Invalid input received: Invalid sort key bogus.")
    assert member.get(LOCKS, version="2.80").status_code == 404
    # An admin's lock binds the owner, who cannot see or lift it.
    by_admin = admin.post(LOCKS, json={"resource_lock": {
        "resource_id": share["id"], "resource_type": "share"}}).json()["resource_lock"]
    assert by_admin["lock_context"] == "admin"
    assert member.delete(f"{LOCKS}/{by_admin['id']}").status_code == 404
    assert member.delete(f"/v2/shares/{share['id']}").status_code == 403
    assert admin.delete(f"{LOCKS}/{by_admin['id']}").status_code == 204


def test_deleting_a_share_lifts_its_rules_visibility_locks(member: Api) -> None:
    share = member.available_share()
    allowed(member, share["id"], "10.8.0.0/16", lock_visibility=True)
    settled(member, share["id"])
    assert len(_locks(member)) == 1

    assert member.delete(f"/v2/shares/{share['id']}").status_code == 202
    member.wait_gone(share["id"])
    assert _locks(member) == []
