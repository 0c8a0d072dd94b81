"""A client discovers the API and negotiates a microversion, as with Manila."""

from __future__ import annotations

import pytest
import requests

from manila_ui.tests.backend.conftest import LATEST
from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend

VERSION_HEADER = "X-OpenStack-Manila-API-Version"


def test_root_lists_versions_without_auth(backend: Backend) -> None:
    resp = requests.get(backend.url + "/", timeout=10)

    assert resp.status_code == 300
    (version,) = resp.json()["versions"]
    assert version["id"] == "v2.0"
    assert version["status"] == "CURRENT"
    assert (version["min_version"], version["version"]) == ("2.0", LATEST)
    assert {"rel": "self", "href": backend.url + "/v2/"} in version["links"]
    # Like Manila, the root carries no microversion headers.
    assert VERSION_HEADER not in resp.headers
    assert "Vary" not in resp.headers


def test_v2_document_echoes_the_negotiated_version(member: Api) -> None:
    resp = member.get("/v2/", version=None)

    assert resp.status_code == 200
    assert resp.json()["versions"][0]["version"] == LATEST
    assert resp.headers[VERSION_HEADER] == "2.0"  # absent → the minimum
    assert resp.headers["Vary"] == VERSION_HEADER

    assert member.get("/v2/", version="2.51").headers[VERSION_HEADER] == "2.51"
    assert member.get("/v2/shares", version=LATEST).headers[VERSION_HEADER] == LATEST


def test_every_response_carries_a_request_id(backend: Backend, member: Api) -> None:
    anonymous = [requests.get(backend.url + "/", timeout=10),
                 requests.get(backend.url + "/v2/shares", timeout=10)]
    known = [member.get("/v2/shares"), member.get("/v2/shares/nope"),
             member.get("/v2/shares", version="9.9")]
    for resp in anonymous + known:
        assert resp.headers["x-openstack-request-id"].startswith("req-")
    # Once the caller is known, Manila repeats it as x-compute-request-id
    # (which manila-tempest-plugin checks); anonymous answers lack it, as there.
    for resp in known:
        assert resp.headers["x-compute-request-id"] == resp.headers["x-openstack-request-id"]
    for resp in anonymous:
        assert "x-compute-request-id" not in resp.headers
    ids = {resp.headers["x-openstack-request-id"] for resp in anonymous + known}
    assert len(ids) == len(anonymous + known)


@pytest.mark.parametrize("header", ["latest", "2", "2.x", "v2.1", "2.01", "2.5.1"])
def test_malformed_version_is_a_bad_request(member: Api, header: str) -> None:
    resp = member.get("/v2/shares", version=header)

    assert resp.status_code == 400
    assert VERSION_HEADER not in resp.headers
    assert resp.json()["badRequest"]["code"] == 400
    assert "invalid format" in resp.json()["badRequest"]["message"]


@pytest.mark.parametrize("header", ["2.100", "3.0", "1.0"])
def test_version_out_of_range_is_not_acceptable(member: Api, header: str) -> None:
    resp = member.get("/v2/shares", version=header)

    assert resp.status_code == 406
    assert resp.headers[VERSION_HEADER] == header   # echoed, as Manila does
    assert resp.json() == {"computeFault": {
        "code": 406,
        "message": f"Version {header} is not supported by the API. "
                   f"Minimum is 2.0 and maximum is {LATEST}."}}


def test_api_needs_a_token(backend: Backend) -> None:
    resp = requests.get(backend.url + "/v2/shares", timeout=10)

    assert resp.status_code == 401
    assert "unauthorized" in resp.json()


def test_routes_answer_with_and_without_project_id(member: Api) -> None:
    with_project = member.get(f"/v2/{member.project}/shares/detail")
    without = member.get("/v2/shares/detail")

    assert with_project.status_code == without.status_code == 200
    assert with_project.json() == without.json()


def test_links_keep_the_project_id_when_the_url_has_it(member: Api) -> None:
    share = member.create_share()
    resp = member.get(f"/v2/{member.project}/shares/{share['id']}")

    links = {link["rel"]: link["href"] for link in resp.json()["share"]["links"]}
    assert links["self"].endswith(f"/v2/{member.project}/shares/{share['id']}")
    assert links["bookmark"].endswith(f":{member.base.rsplit(':', 1)[1]}/"
                                      f"{member.project}/shares/{share['id']}")


def test_someone_elses_project_in_the_url_is_malformed(member: Api, other: Api) -> None:
    resp = member.get(f"/v2/{other.project}/shares")

    assert resp.status_code == 400
    assert resp.json()["badRequest"]["message"] == "Malformed request url"


def test_unknown_url_and_wrong_method_get_the_routers_404(member: Api) -> None:
    """As Manila's router (before its API layer): WebOb's 404 in the format the
    client accepts, without the API's version headers or compute request id."""
    as_json = {"Accept": "application/json"}  # what API clients send
    missing = member.get("/v2/no-such-things", headers=as_json)
    wrong = member.request("PATCH", "/v2/shares", headers=as_json)
    as_html = member.get("/v2/no-such-things", headers={"Accept": "text/html"})

    for resp in (missing, wrong):
        assert resp.status_code == 404
        assert resp.json() == {"code": "404 Not Found", "title": "Not Found",
                               "message": "The resource could not be found.<br /><br />\n\n\n"}
        assert "X-OpenStack-Manila-API-Version" not in resp.headers
        assert "x-compute-request-id" not in resp.headers
        assert resp.headers["x-openstack-request-id"].startswith("req-")
    assert as_html.headers["Content-Type"].startswith("text/html")
    assert "<h1>404 Not Found</h1>" in as_html.text


def test_a_resource_newer_than_the_requested_version_is_not_found(member: Api) -> None:
    assert member.get("/v2/messages", version="2.36").status_code == 404
    assert member.get("/v2/messages", version="2.37").status_code == 200
    assert member.get("/v2/availability-zones", version="2.6").status_code == 404
    assert member.get("/v2/os-availability-zone", version="2.6").status_code == 200
    assert member.get("/v2/os-availability-zone", version="2.7").status_code == 404
