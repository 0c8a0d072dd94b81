"""An admin lets go of shares and snapshots and takes them back (DHSS=False,
as the simulated back ends)."""

from __future__ import annotations

from typing import Any

from manila_ui.tests.backend.conftest import Api

HOST = "manila-ui@alpha#pool_alpha"


def _fault(resp: Any) -> tuple[int, str]:
    ((_, fault),) = resp.json().items()
    return resp.status_code, fault["message"]


def _unmanaged(admin: Api) -> tuple[dict[str, Any], str]:
    """A share the admin unmanaged, and the path it was exported at."""
    share = admin.available_share(name="to-let-go")
    (location,) = [el for el in admin.get(f"/v2/shares/{share['id']}/export_locations")
                   .json()["export_locations"] if el["preferred"]]
    resp = admin.action(share["id"], "unmanage")
    assert resp.status_code == 202
    assert (admin.share(share["id"]) or {})["status"] == "unmanage_starting"
    admin.wait_gone(share["id"])
    return share, location["path"]


def test_unmanage_then_manage_a_share(admin: Api) -> None:
    share, path = _unmanaged(admin)

    resp = admin.post("/v2/shares/manage", json={"share": {
        "protocol": "nfs", "export_path": path, "service_host": HOST,
        "share_type": "default", "name": "managed", "driver_options": {"size": 3}}})

    assert resp.status_code == 200, resp.text
    managing = resp.json()["share"]
    assert (managing["status"], managing["size"], managing["share_proto"]) == (
        "manage_starting", 0, "NFS")
    managed = admin.wait_status(managing["id"], "available")
    assert (managed["size"], managed["name"], managed["availability_zone"]) == (
        3, "managed", "nova")
    assert "__managed_at" in managed["metadata"]
    assert managed["host"] == HOST
    paths = [el["path"] for el in admin.get(
        f"/v2/shares/{managed['id']}/export_locations").json()["export_locations"]]
    assert paths == [path]
    assert _fault(admin.post("/v2/shares/manage", json={"share": {
        "protocol": "NFS", "export_path": path, "service_host": HOST}})) == (
        409, "Invalid share: A share already exists with the export path specified.")


def test_manage_refusals(admin: Api, member: Api) -> None:
    base = {"protocol": "NFS", "export_path": "10.0.0.10:/shares/x",
            "service_host": HOST}

    def manage(**changes: Any) -> tuple[int, str]:
        body = {k: v for k, v in {**base, **changes}.items() if v is not None}
        return _fault(admin.post("/v2/shares/manage", json={"share": body}))

    assert _fault(member.post("/v2/shares/manage", json={"share": base})) == (
        403, "Access was denied to this resource.")
    assert manage(export_path=None) == (422, "Required parameter export_path not found")
    assert manage(export_path="") == (422, "Required parameter export_path is empty")
    assert manage(service_host="manila-ui@alpha") == (
        400, "service_host parameter should contain pool.")
    assert manage(service_host="nohost@x#y") == (404, "Service nohost@x could not be found.")
    assert manage(share_type="nope") == (
        404, "Share type with name nope could not be found.")
    assert manage(protocol="FOO")[0] == 400
    assert _fault(admin.post("/v2/shares/manage", json={"thing": {}}))[0] == 422
    assert admin.post("/v2/shares/manage", json={"share": base},
                      version="2.6").status_code == 404


def test_a_path_the_back_end_does_not_know_ends_in_manage_error(admin: Api) -> None:
    resp = admin.post("/v2/shares/manage", json={"share": {
        "protocol": "NFS", "export_path": "10.0.0.10:/elsewhere", "service_host": HOST}})

    failed = admin.wait_status(resp.json()["share"]["id"], "manage_error")

    assert [m["action_id"] for m in admin.messages_for(failed["id"])] == ["002"]
    assert _fault(admin.delete(f"/v2/shares/{failed['id']}"))[0] == 403
    admin.action(failed["id"], "unmanage")
    assert (admin.share(failed["id"]) or {})["status"] == "manage_error_unmanage_starting"
    admin.wait_gone(failed["id"])


def test_unmanage_refusals(admin: Api, member: Api) -> None:
    share = member.available_share()
    creating = member.create_share()

    assert _fault(member.action(share["id"], "unmanage")) == (
        403, "Access was denied to this resource.")
    assert _fault(admin.action(creating["id"], "unmanage")) == (
        403, "Share with transitional state can not be unmanaged. Share "
        f"'{creating['id']}' is in 'creating' state.")
    member.create_snapshot(share["id"])
    assert _fault(admin.action(share["id"], "unmanage")) == (
        403, f"Share '{share['id']}' can not be unmanaged because it has '1' "
        "dependent snapshot(s).")


def test_unmanage_then_manage_a_snapshot(admin: Api, member: Api) -> None:
    share = admin.available_share()
    snap = admin.create_snapshot(share["id"], name="s")
    location = (admin.wait_snapshot(snap["id"], "available") or {})["provider_location"]
    assert location.startswith("/snapshots/snapshot_")

    assert _fault(member.post(f"/v2/snapshots/{snap['id']}/action",
                              json={"unmanage": None}))[0] in (403, 404)
    assert admin.post(f"/v2/snapshots/{snap['id']}/action",
                      json={"unmanage": None}).status_code == 202
    assert (admin.snapshot(snap["id"]) or {})["status"] == "unmanage_starting"
    admin.wait_snapshot(snap["id"], None)

    body = {"share_id": share["id"], "provider_location": location, "name": "back",
            "driver_options": {"size": 1}}
    assert _fault(member.post("/v2/snapshots/manage", json={"snapshot": body}))[0] == 403
    assert admin.post("/v2/snapshots/manage", json={"snapshot": body},
                      version="2.11").status_code == 404
    resp = admin.post("/v2/snapshots/manage", json={"snapshot": body})
    assert resp.status_code == 202, resp.text
    managing = resp.json()["snapshot"]
    assert (managing["status"], managing["size"]) == ("manage_starting", None)
    managed = admin.wait_snapshot(managing["id"], "available") or {}
    assert (managed["size"], managed["name"]) == (1, "back")
    assert "__managed_at" in managed["metadata"]
    assert _fault(admin.post("/v2/snapshots/manage", json={"snapshot": body}))[0] == 409


def test_snapshot_manage_refusals(admin: Api) -> None:
    share = admin.available_share()

    def manage(**body: Any) -> tuple[int, str]:
        return _fault(admin.post("/v2/snapshots/manage", json={"snapshot": body}))

    assert manage(share_id=share["id"]) == (
        422, "Required parameter provider_location not found.")
    assert manage(share_id=share["id"], provider_location="") == (
        422, "Required parameter provider_location is empty.")
    assert manage(share_id=share["id"], provider_location=5) == (
        422, "Parameter provider_location must be a string.")
    unknown = "00000000-0000-0000-0000-000000000000"
    assert manage(share_id=unknown, provider_location="/x") == (
        404, f"ShareNotFound: Share {unknown} could not be found.")
    bogus = admin.post("/v2/snapshots/manage", json={"snapshot": {
        "share_id": share["id"], "provider_location": "bogus"}}).json()["snapshot"]
    admin.wait_snapshot(bogus["id"], "manage_error")
    assert [m["resource_type"] for m in admin.messages_for(bogus["id"])] == [
        "SHARE_SNAPSHOT"]
