"""Microversion negotiation: the pure rules, then against the real backend."""

import pytest

from manila_ui.api import exceptions
from manila_ui.api import microversions as mv


def doc(max_version, min_version="2.0", status="CURRENT"):
    """A version document shaped like Manila's ``GET /``."""
    return {"versions": [{
        "id": "v2.0", "status": status, "version": max_version,
        "min_version": min_version, "updated": "2015-08-27T11:33:21Z",
        "links": [{"rel": "self", "href": "http://manila/v2/"}],
    }]}


@pytest.mark.parametrize(("server_max", "expected"), [
    ("2.51", "2.51"),   # Train-era cloud
    ("2.65", "2.65"),
    ("2.87", "2.87"),   # the version upstream pins
    ("2.98", "2.98"),
    ("2.99", "2.98"),   # manila 23: capped at what manilaclient speaks
])
def test_talks_at_the_highest_version_both_sides_know(server_max, expected):
    assert mv.negotiate(mv.parse_version_document(doc(server_max))) == expected


def test_features_follow_the_negotiated_version():
    at_251 = mv.negotiate(mv.parse_version_document(doc("2.51")))
    assert mv.is_supported(at_251, "access_rules_list")      # 2.45
    assert mv.is_supported(at_251, "with_count")             # 2.42
    assert not mv.is_supported(at_251, "soft_delete")        # 2.69
    assert not mv.is_supported(at_251, "mount_point_name")   # 2.84
    at_299 = mv.negotiate(mv.parse_version_document(doc("2.99")))
    assert mv.is_supported(at_299, "soft_delete")
    assert mv.is_supported(at_299, "az_list_filter")         # 2.97


def test_unknown_feature_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown Manila feature"):
        mv.is_supported("2.98", "teleportation")


def test_a_server_below_the_floor_is_refused_with_a_reason():
    with pytest.raises(exceptions.MicroversionTooLow, match="2.0-2.10"):
        mv.negotiate(mv.parse_version_document(doc("2.10")))


def test_a_server_whose_minimum_is_above_the_client_is_refused():
    with pytest.raises(exceptions.MicroversionTooLow):
        mv.negotiate(mv.ServerVersions(min_version="3.0", max_version="3.5"))


def test_a_document_without_microversions_is_a_plain_2_0_server():
    versions = mv.parse_version_document(
        {"versions": [{"id": "v2.0", "status": "CURRENT"}]})
    assert versions == mv.ServerVersions(min_version="2.0", max_version="2.0")


def test_the_single_version_form_of_v2_is_read_too():
    body = {"version": doc("2.77")["versions"][0]}
    assert mv.parse_version_document(body).max_version == "2.77"


def test_the_current_v2_entry_wins_over_deprecated_ones():
    body = doc("2.99")
    body["versions"].insert(0, dict(body["versions"][0], status="DEPRECATED",
                                    version="2.60"))
    assert mv.parse_version_document(body).max_version == "2.99"


@pytest.mark.parametrize("body", [{}, [], {"versions": [{"id": "v1.0"}]},
                                  {"versions": "nope"}])
def test_garbage_is_not_a_version_document(body):
    with pytest.raises(ValueError):
        mv.parse_version_document(body)


@pytest.mark.parametrize(("endpoint", "root"), [
    ("http://h:8786/v2", "http://h:8786/v2/"),
    ("http://h:8786/v2/", "http://h:8786/v2/"),
    ("http://h:8786/v2/0c1f1d4e5b6a4b7c8d9e0f1a2b3c4d5e",
     "http://h:8786/v2/"),
    ("https://cloud.example/share/v2", "https://cloud.example/share/v2/"),
    ("https://cloud.example/share/v2/abc?x=1", "https://cloud.example/share/v2/"),
    ("http://h:8786", "http://h:8786/"),
])
def test_version_root_drops_the_project_id(endpoint, root):
    assert mv.version_root(endpoint) == root


def test_the_real_backend_document_negotiates(stack):
    """The bundled backend's unauthenticated ``GET /`` is a Manila document."""
    import requests

    body = requests.get(stack.backend_root.rstrip("/") + "/", timeout=10).json()
    versions = mv.parse_version_document(body)
    chosen = mv.negotiate(versions)
    assert mv.is_supported(chosen, "access_rules_list")
    assert chosen == min(versions.max_version, mv.CLIENT_MAX_VERSION,
                         key=mv.version_key)
