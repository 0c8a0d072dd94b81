"""manila_ui.api against the real backend, with the user's real token."""

import logging

import pytest

from manila_ui.api import client
from manila_ui.api import exceptions
from manila_ui.api import limits
from manila_ui.api import microversions
from manila_ui.api import share_types
from manila_ui.api import shares


@pytest.fixture(autouse=True)
def _cold_versions():
    microversions.clear_cache()


def test_one_client_and_one_version_document_per_request(make_request,
                                                         backend_calls):
    request = make_request()
    microversions.clear_cache()  # making the request logged in and looked
    with backend_calls() as calls:
        first = client.manilaclient(request)
        again = client.manilaclient(request)
    assert first is again
    assert calls.count == 1  # the version document, once
    assert calls.calls[0].path.rstrip("/").endswith("/v2")
    with backend_calls() as calls:
        client.manilaclient(make_request())  # another request, same endpoint
    assert calls.count == 0  # the document is cached per endpoint


def test_the_version_is_the_highest_both_sides_know(make_request, stack):
    import requests

    doc = requests.get(stack.backend_root.rstrip("/") + "/", timeout=10).json()
    server = microversions.parse_version_document(doc)
    assert client.api_version(make_request()) == microversions.negotiate(server)


def test_shared_file_system_is_used_when_sharev2_is_missing(make_request):
    request = make_request()
    catalog = [s for s in request.user.service_catalog if s["type"] != "sharev2"]
    assert any(s["type"] == "shared-file-system" for s in catalog)
    request.user.service_catalog = catalog
    assert client.endpoint_url(request).rstrip("/").endswith("/v2")
    assert isinstance(limits.tenant_absolute_limits(request), limits.Limits)


def test_no_share_service_in_the_catalog_is_a_recoverable_error(make_request):
    request = make_request()
    request.user.service_catalog = [
        s for s in request.user.service_catalog
        if s["type"] not in client.SERVICE_TYPES]
    with pytest.raises(exceptions.ManilaUnavailable):
        client.manilaclient(request)
    assert issubclass(exceptions.ManilaUnavailable, exceptions.RECOVERABLE)


def test_limits_are_fetched_once_per_request(make_request, backend_calls):
    request = make_request()
    client.manilaclient(request)
    with backend_calls() as calls:
        first = limits.tenant_absolute_limits(request)
        second = limits.tenant_absolute_limits(request)
    assert first is second
    assert [c.path for c in calls.calls] == ["/v2/limits"]
    assert first.shares.quota >= 1 and first.gigabytes.quota >= 1


def test_paged_list_asks_for_one_page_and_knows_if_more_follow(
        make_request, shares_of, backend_calls):
    for i in range(3):
        shares_of("demo").create(name=f"page-{i}")
    request = make_request()
    client.manilaclient(request)
    with backend_calls() as calls:
        page = shares.share_list_paged(request, offset=0, page_size=2)
    [call] = calls.calls
    assert "limit=3" in call.target and "/shares/detail" in call.path
    assert len(page.items) == 2 and page.has_more and not page.has_prev
    assert page.total is None or page.total >= 3
    assert all(isinstance(s, shares.Share) for s in page.items)

    rest = shares.share_list_paged(make_request(), offset=page.next_offset,
                                   page_size=2)
    assert rest.has_prev and rest.offset == 2
    assert not {s.id for s in rest.items} & {s.id for s in page.items}


def test_wrappers_expose_a_fixed_surface(make_request, shares_of):
    created = shares_of("demo").create(name="wrapped")
    share = shares.share_get(make_request(), created.id)
    assert share.to_dict().keys() == set(shares.Share._attrs)
    assert share.name_or_id == "wrapped"
    assert share.share_proto == "NFS" and share.size == 1
    assert share.type_name  # share_type_name since 2.6
    assert share.mount_point_name is None or isinstance(
        share.mount_point_name, str)


def test_share_types_and_a_default(make_request):
    types = share_types.share_type_list(make_request())
    assert types and any(t.is_default or t.name == "default" for t in types)


def test_a_token_never_reaches_the_log(make_request, caplog, settings):
    settings.DEBUG = True  # manilaclient's HTTP debug log on, too
    request = make_request()
    token = request.user.token.id
    with caplog.at_level(logging.DEBUG):
        shares.share_list_paged(request, page_size=5)
        limits.tenant_absolute_limits(request)
    logged = [r.getMessage() for r in caplog.records]
    assert any("X-Auth-Token: {SHA256}" in m for m in logged)  # logged, hashed
    assert all(token not in m for m in logged)
