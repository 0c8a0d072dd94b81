"""manila_ui.api verbs of share actions, snapshots, messages and transfers,
against the real backend with a user's real token: one call each, the
wrappers' fixed surface, features gated by microversion."""

import pytest

from manila_ui.api import client
from manila_ui.api import messages
from manila_ui.api import microversions
from manila_ui.api import share_actions
from manila_ui.api import shares
from manila_ui.api import snapshots
from manila_ui.api import transfers
from manila_ui.tests.dashboards.helpers import wait_until


@pytest.fixture(autouse=True)
def _cold_versions():
    microversions.clear_cache()


@pytest.fixture
def share(shares_of):
    demo = shares_of("demo")
    made = demo.create(size=1, metadata={"a": "1"})
    demo.wait(made.id)
    return made


def warm(make_request):
    request = make_request()
    client.manilaclient(request)  # the version document, out of the count
    return request


def test_resize_extends_or_shrinks_in_one_call(make_request, share, shares_of,
                                              backend_calls):
    request = warm(make_request)
    with backend_calls() as calls:
        assert share_actions.share_resize(request, share.id, 1, 2) == "extend"
    assert [c.method for c in calls.calls] == ["POST"]
    shares_of("demo").wait(share.id)
    assert share_actions.share_resize(make_request(), share.id, 2, 1) == "shrink"
    shares_of("demo").wait(share.id)
    with pytest.raises(ValueError):
        share_actions.share_resize(make_request(), share.id, 1, 1)


def test_force_extend_needs_2_64(make_request, share, settings):
    settings.OPENSTACK_MANILA_FEATURES = dict(
        settings.OPENSTACK_MANILA_FEATURES, max_api_version="2.63")
    with pytest.raises(ValueError, match="2.64"):
        share_actions.share_extend(make_request("admin"), share.id, 2,
                                   force=True)


def test_metadata_replace_and_get(make_request, share):
    request = make_request()
    assert share_actions.share_metadata_get(request, share.id) == {"a": "1"}
    assert share_actions.share_metadata_replace(
        make_request(), share.id, {"b": "2"}) == {"b": "2"}
    assert share_actions.share_metadata_get(make_request(), share.id) == {
        "b": "2"}


def test_snapshot_pages_and_names_cost_one_call_each(make_request, share,
                                                     shares_of,
                                                     backend_calls):
    demo = shares_of("demo")
    for _ in range(3):
        demo.snapshot(share.id, wait=False)
    request = warm(make_request)
    with backend_calls() as calls:
        page = snapshots.snapshot_list_paged(request, page_size=2)
    [call] = calls.calls
    assert "limit=3" in call.target and call.path.endswith("/snapshots/detail")
    assert len(page.items) == 2 and page.has_more
    assert all(isinstance(s, snapshots.Snapshot) for s in page.items)
    assert page.items[0].to_dict().keys() == set(snapshots.Snapshot._attrs)
    with backend_calls() as calls:
        names = shares.share_names_of(request, [share.id])
        again = shares.share_names_of(make_request(), [share.id])  # the user's map
    assert calls.count == 1 and names == again == {share.id: share.name}
    other = demo.create()
    with backend_calls() as calls:  # an id the map lacks: listed again
        assert shares.share_names_of(request, [share.id, other.id]) == {
            share.id: share.name, other.id: other.name}
        shares.share_names_of(request, [other.id, "not-a-share"])
        shares.share_names_of(request, [other.id, "not-a-share"])  # missing: known
    assert calls.count == 2, calls.lines


@pytest.fixture
def stale_names():
    """The name maps of shares, past their time at once (restored after)."""
    ttl = shares._MAPS.ttl
    shares._MAPS.ttl = 0.0
    yield
    shares._MAPS.ttl = ttl


def test_a_stale_name_map_answers_at_once_and_is_listed_again_behind(
        make_request, share, shares_of, backend_calls, stale_names):
    request = warm(make_request)
    assert shares.share_names_of(request, [share.id]) == {share.id: share.name}
    renamed = f"{share.name}-renamed"
    shares_of("demo").manila.shares.update(share.id, display_name=renamed)
    with backend_calls() as calls:
        # Stale, and it knows the share: the old name now, no call waited for.
        assert shares.share_names_of(request, [share.id]) == {share.id: share.name}
        wait_until(lambda: calls.count >= 1, timeout=30, what="the listing behind")
    assert [c.path for c in calls][0].endswith("/shares"), calls.lines
    wait_until(lambda: shares.share_names_of(make_request(), [share.id]) == {
        share.id: renamed}, timeout=30, what="the new name")


def test_snapshot_metadata_needs_2_73(make_request, share, settings):
    settings.OPENSTACK_MANILA_FEATURES = dict(
        settings.OPENSTACK_MANILA_FEATURES, max_api_version="2.72")
    with pytest.raises(ValueError, match="2.73"):
        snapshots.snapshot_create(make_request(), share.id,
                                  metadata={"k": "v"})


def test_messages_page_get_and_delete(make_request, shares_of, stack):
    if stack.external:
        pytest.skip("steers the bundled back end's simulated driver")
    demo = shares_of("demo")
    failed = demo.create(metadata={"simulated_driver:fail": "create"})
    found = wait_until(lambda: demo.manila.messages.list(
        search_opts={"resource_id": failed.id}), what="a user message")
    page = messages.message_list_paged(
        make_request(), search_opts={"resource_id": failed.id,
                                     "unknown": "dropped"})
    assert [m.id for m in page.items] == [found[0].id]
    message = messages.message_get(make_request(), found[0].id)
    assert message.resource_id == failed.id and message.user_message
    messages.message_delete(make_request(), message.id)
    assert not demo.manila.messages.list(search_opts={"resource_id": failed.id})


def test_transfer_round_trip(make_request, share, shares_of):
    transfer = transfers.transfer_create(make_request(), share.id, name="t")
    assert transfer.auth_key and transfer.resource_id == share.id
    listed = transfers.transfer_list(make_request(), resource_id=share.id)
    assert [t.id for t in listed] == [transfer.id]
    assert listed[0].auth_key is None  # shown once, at creation only
    transfers.transfer_delete(make_request(), transfer.id)
    wait_until(lambda: shares_of("demo").status(share.id) == "available",
               what="the share back from awaiting_transfer")
