"""A project member backs a share up, writes to the share, restores the
backup and sees the old content again; what Manila refuses on the way
(snapshots, states, sizes, quotas, the experimental header), and what
other projects, readers and admins may do."""

from __future__ import annotations

from typing import Any

import pytest

from manila_ui.tests.backend.conftest import LATEST
from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import wait_until

UNKNOWN = "00000000-0000-4000-8000-000000000000"
EXPERIMENTAL = {"X-OpenStack-Manila-API-Experimental": "True"}
DATA = "simulated_driver:data"
# What real Manila 23 shows a member at 2.85+ (admins add host and topic).
KEYS = {"id", "name", "share_id", "status", "description", "size", "created_at",
        "updated_at", "availability_zone", "progress", "restore_progress", "backup_type"}


def call(api: Api, method: str, path: str, version: str = LATEST, **kwargs: Any) -> Any:
    return api.request(method, "/v2" + path, version=version,
                       headers={**EXPERIMENTAL, **kwargs.pop("headers", {})}, **kwargs)


def create_backup(api: Api, share_id: str, **fields: Any) -> dict[str, Any]:
    fields.setdefault("backup_options", {"backup_type": "daily"})
    resp = call(api, "POST", "/share-backups",
                json={"share_backup": {"share_id": share_id, **fields}})
    assert resp.status_code == 202, resp.text
    backup: dict[str, Any] = resp.json()["share_backup"]
    return backup


def backup_of(api: Api, backup_id: str) -> dict[str, Any] | None:
    resp = call(api, "GET", f"/share-backups/{backup_id}")
    if resp.status_code == 404:
        return None
    assert resp.status_code == 200, resp.text
    found: dict[str, Any] = resp.json()["share_backup"]
    return found


def wait_backup(api: Api, backup_id: str, status: str | None) -> dict[str, Any] | None:
    """Until the backup has ``status`` (None: until it is gone)."""
    def reached() -> Any:
        backup = backup_of(api, backup_id)
        if status is None:
            return backup is None
        assert backup is not None, f"backup {backup_id} vanished"
        return backup if backup["status"] == status else None
    found = wait_until(reached, 15, what=f"backup {backup_id} {status}")
    return found if status is not None else None


def write(api: Api, share_id: str, content: str) -> None:
    """What the simulated share holds: its content marker (share metadata)."""
    resp = api.post(f"/v2/shares/{share_id}/metadata", json={"metadata": {DATA: content}})
    assert resp.status_code == 200, resp.text


def content_of(api: Api, share_id: str) -> str | None:
    share = api.share(share_id)
    assert share is not None
    value: str | None = share["metadata"].get(DATA)
    return value


@pytest.fixture
def share(member: Api) -> dict[str, Any]:
    return member.available_share(size=2, name="precious")


def test_a_backup_restores_what_the_share_held(member: Api, share: dict[str, Any]) -> None:
    write(member, share["id"], "v1")
    created = create_backup(member, share["id"], name="nightly", description="before")

    assert (created["status"], created["progress"], created["restore_progress"]) == (
        "creating", "0", "0")
    assert (created["size"], created["backup_type"], created["name"]) == (2, "daily",
                                                                           "nightly")
    assert set(created) == KEYS
    assert member.share(share["id"])["status"] == "backup_creating"
    done = wait_backup(member, created["id"], "available")
    assert done is not None and done["progress"] == "100"
    member.wait_status(share["id"], "available")

    write(member, share["id"], "v2")
    resp = call(member, "POST", f"/share-backups/{created['id']}/action",
                json={"restore": None})
    assert resp.status_code == 202, resp.text
    assert resp.json() == {"restore": {"backup_id": created["id"], "share_id": share["id"]}}
    assert member.share(share["id"])["status"] == "backup_restoring"
    member.wait_status(share["id"], "available")

    restored = member.share(share["id"])
    assert restored["source_backup_id"] == created["id"]
    assert content_of(member, share["id"]) == "v1"
    assert wait_backup(member, created["id"], "available")["restore_progress"] == "100"


def test_restoring_into_another_share_from_2_91(member: Api, share: dict[str, Any]) -> None:
    write(member, share["id"], "gold")
    backup = create_backup(member, share["id"])
    wait_backup(member, backup["id"], "available")
    member.wait_status(share["id"], "available")
    small = member.available_share(size=1)
    target = member.available_share(size=3)
    action = f"/share-backups/{backup['id']}/action"

    too_small = call(member, "POST", action, json={"restore": small["id"]})
    assert too_small.status_code == 400
    assert "too small to restore backup of size 2" in too_small.json()["badRequest"]["message"]
    # Before 2.91 the body's target is ignored: the backup's own share.
    old = call(member, "POST", action, version="2.90", json={"restore": target["id"]})
    assert old.json()["restore"]["share_id"] == share["id"]
    member.wait_status(share["id"], "available")
    wait_backup(member, backup["id"], "available")

    resp = call(member, "POST", action, json={"restore": target["id"]})
    assert resp.status_code == 202, resp.text
    member.wait_status(target["id"], "available")
    assert content_of(member, target["id"]) == "gold"
    assert call(member, "POST", action, json={"restore": UNKNOWN}).status_code == 404


def test_without_the_experimental_header_backups_do_not_exist(member: Api) -> None:
    for version in (LATEST, "2.79"):
        resp = member.get("/v2/share-backups", version=version)
        assert resp.status_code == 404
        assert "X-OpenStack-Manila-API-Experimental" not in resp.headers
    assert call(member, "GET", "/share-backups", version="2.79").status_code == 404
    resp = call(member, "GET", "/share-backups")
    assert resp.status_code == 200
    assert resp.headers["X-OpenStack-Manila-API-Experimental"] == "True"
    assert "backup_type" not in call(member, "GET", "/share-backups/detail",
                                     version="2.84").text


def test_what_manila_refuses(member: Api, share: dict[str, Any]) -> None:
    def refused(body: Any, status: int = 400) -> str:
        resp = call(member, "POST", "/share-backups", json=body)
        assert resp.status_code == status, resp.text
        return str(next(iter(resp.json().values()))["message"])

    assert refused({"nothing": {}}, 422) == "Body does not contain 'share_backup' information."
    assert refused({"share_backup": {}}) == "'share_id' is missing from the request body."
    assert refused({"share_backup": {"share_id": UNKNOWN}}) == (
        f"No share exists with ID {UNKNOWN}.")
    assert "must be an object" in refused({"share_backup": {"share_id": share["id"],
                                                            "backup_options": "x"}})
    snapshot = member.create_snapshot(share["id"])
    member.wait_snapshot(snapshot["id"], "available")
    assert refused({"share_backup": {"share_id": share["id"]}}) == (
        f"Cannot backup share {share['id']} while it has snapshots.")
    member.delete(f"/v2/snapshots/{snapshot['id']}")
    member.wait_snapshot(snapshot["id"], None)

    backup = create_backup(member, share["id"])
    assert refused({"share_backup": {"share_id": share["id"]}}).endswith(
        "is in 'backup_creating' state, but it must be in 'available' state to create "
        "a backup.")
    deleting = call(member, "DELETE", f"/share-backups/{backup['id']}")
    assert deleting.status_code == 400
    wait_backup(member, backup["id"], "available")
    member.wait_status(share["id"], "available")
    # One backup type per share.
    assert "has existing backups with backup_type: 'daily'" in refused(
        {"share_backup": {"share_id": share["id"],
                          "backup_options": {"backup_type": "weekly"}}})
    # A share with backups stays.
    gone = member.delete(f"/v2/shares/{share['id']}")
    assert gone.status_code == 403
    assert gone.json()["forbidden"]["message"] == (
        "Invalid share: Share still has 1 dependent backups.")
    # The generic way (no backup_options) takes NFS shares only.
    cifs = member.available_share(proto="CIFS")
    assert "only supports the following protocols: ['NFS']" in refused(
        {"share_backup": {"share_id": cifs["id"]}})


def test_backups_count_against_the_backup_quotas(backend: Any, admin: Api,
                                                 member: Api) -> None:
    def limit(**quotas: int) -> None:
        resp = admin.put(f"/v2/quota-sets/{member.project}", version="2.80",
                         json={"quota_set": quotas})
        assert resp.status_code == 200, resp.text

    def refusal(share_id: str) -> str:
        resp = call(member, "POST", "/share-backups",
                    json={"share_backup": {"share_id": share_id,
                                           "backup_options": {"backup_type": "daily"}}})
        assert resp.status_code == 413, resp.text
        return str(resp.json()["overLimit"]["message"])

    limit(backups=1, backup_gigabytes=10)
    first = member.available_share(size=2)
    second = member.available_share(size=2)
    create_backup(member, first["id"])

    assert refusal(second["id"]) == (
        "BackupLimitExceeded: Maximum number of backups allowed (1) exceeded.")
    limit(backups=5, backup_gigabytes=3)
    assert refusal(second["id"]) == (
        "ShareBackupSizeExceedsAvailableQuota: Requested backup exceeds allowed Backup "
        "gigabytes quota. Requested 2G, quota is 3G and 2G has been consumed.")
    limits = member.get("/v2/limits", version="2.80").json()["limits"]["absolute"]
    assert (limits["totalShareBackupsUsed"], limits["totalBackupGigabytesUsed"]) == (1, 2)


def test_who_sees_and_changes_a_backup(member: Api, reader: Api, other: Api, admin: Api,
                                       share: dict[str, Any]) -> None:
    backup = create_backup(member, share["id"], name="mine")
    path = f"/share-backups/{backup['id']}"
    wait_backup(member, backup["id"], "available")

    assert call(reader, "GET", path).status_code == 200
    assert call(reader, "PUT", path, json={"share_backup": {"name": "x"}}).status_code == 403
    assert call(reader, "POST", "/share-backups",
                json={"share_backup": {"share_id": share["id"]}}).status_code == 403
    missing = call(other, "GET", path)
    assert missing.status_code == 404
    assert missing.json()["itemNotFound"]["message"] == (
        f"No backup exists with ID {backup['id']}.")
    assert call(other, "GET", f"/share-backups?share_id={share['id']}").status_code == 400
    assert call(other, "GET", "/share-backups").json() == {"share_backups": []}

    shown = call(admin, "GET", path).json()["share_backup"]
    assert set(shown) == KEYS | {"host", "topic"}
    assert shown["topic"] == "manila-share" and shown["host"].endswith(("@alpha", "@beta"))
    listed = call(admin, "GET", "/share-backups?all_tenants=1&name=mine").json()
    assert [b["id"] for b in listed["share_backups"]] == [backup["id"]]

    renamed = call(member, "PUT", path, json={"share_backup": {"name": "ours",
                                                               "description": "kept"}})
    assert renamed.json()["share_backup"]["name"] == "ours"
    assert call(member, "POST", path + "/action",
                json={"reset_status": {"status": "error"}}).status_code == 403
    bad = call(admin, "POST", path + "/action", json={"reset_status": {"status": "bogus"}})
    assert bad.status_code == 400
    assert call(admin, "POST", path + "/action",
                json={"reset_status": {"status": "error"}}).status_code == 202
    assert backup_of(member, backup["id"])["status"] == "error"
    assert call(member, "DELETE", path).status_code == 202
    wait_backup(member, backup["id"], None)
    assert member.delete(f"/v2/shares/{share['id']}").status_code == 202


def test_list_filters_and_pages(member: Api, share: dict[str, Any]) -> None:
    for name in ("alpha", "beta"):
        backup = create_backup(member, share["id"], name=name, description=f"about {name}")
        wait_backup(member, backup["id"], "available")
        member.wait_status(share["id"], "available")

    def names(query: str) -> list[str]:
        resp = call(member, "GET", f"/share-backups{query}")
        assert resp.status_code == 200, resp.text
        return [b["name"] for b in resp.json()["share_backups"]]

    assert names("") == ["beta", "alpha"]
    assert names("/detail?sort_key=name&sort_dir=asc") == ["alpha", "beta"]
    assert names("?name~=lph") == ["alpha"]
    assert names("?name~=LPH") == []        # case-sensitive, as Manila on PostgreSQL
    assert names("?description~=about%20b") == ["beta"]
    assert names(f"?share_id={share['id']}&status=available") == ["beta", "alpha"]
    assert names("?host=anything") == ["beta", "alpha"]   # not a member's filter
    page = call(member, "GET", "/share-backups?limit=1").json()
    assert [b["name"] for b in page["share_backups"]] == ["beta"]
    (link,) = page["share_backup_links"]
    assert "/share-backups?" in link["href"] and "marker=" in link["href"]
    assert call(member, "GET", "/share-backups?sort_dir=up").status_code == 400


def test_a_failing_back_end_leaves_the_backup_in_error(member: Api) -> None:
    share = member.available_share(
        metadata={"simulated_driver:fail": "backup_create,backup_delete"})
    backup = create_backup(member, share["id"])

    wait_backup(member, backup["id"], "error")
    member.wait_status(share["id"], "available")
    assert call(member, "DELETE", f"/share-backups/{backup['id']}").status_code == 202
    wait_backup(member, backup["id"], "error_deleting")
