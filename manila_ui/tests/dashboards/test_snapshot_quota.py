"""Create Snapshot checks the snapshot quotas wherever it is offered (a
share's page or row, the Snapshots page): its dialog warns and its form
refuses, the number of snapshots and the share's size in snapshot
gigabytes, from the dialog's one /limits call; Manila is never asked to
create what it would refuse. (The shares list's rows: test_share_quotas.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse

from manila_ui.tests.dashboards.helpers import cloud_user_ids
from manila_ui.tests.dashboards.helpers import reset_usage_counters
from manila_ui.tests.dashboards.helpers import restore_default_quotas

CREATE = reverse("horizon:project:share_snapshots:create")


@pytest.fixture
def demo_project(os_session: Any, manila: Any) -> Iterator[str]:
    """Demo's project id; its share quotas go back to the defaults after."""
    project_id: str = os_session("demo").get_project_id()
    reset_usage_counters(manila("admin"), project_id, cloud_user_ids(os_session))
    yield project_id
    restore_default_quotas(manila("admin"), project_id,
                           users=(os_session("reader").get_user_id(),))


def _full(manila: Any, project_id: str, **extra: int) -> int:
    """As many snapshots as the project holds (Manila's own count); returns it."""
    admin = manila("admin")
    held = int(admin.quotas.get(project_id, detail=True).snapshots["in_use"])
    if held < 1:
        pytest.skip(f"real Manila's snapshot usage counter reads {held} while the "
                    "project holds one (Manila's counters drift)")
    admin.quotas.update(project_id, snapshots=held, force=True, **extra)
    return held


def test_a_shares_create_snapshot_checks_the_quota_from_one_limits(
        demo_client, shares_of, manila, demo_project, backend_calls):
    demo = shares_of("demo")
    share = demo.create()
    demo.wait(share.id)
    demo.snapshot(share.id)
    url = reverse("horizon:project:share_snapshots:create_for_share", args=(share.id,))
    assert "create_snapshot__quota_exceeded" not in demo_client.get(url).content.decode()

    _full(manila, demo_project)
    with backend_calls() as calls:
        dialog = demo_client.get(url).content.decode()
    assert 'id="create_snapshot__quota_exceeded"' in dialog
    # The share and the dialog's one /limits (its usage and the check).
    assert len(calls.matching("GET", "/v2/limits")) == 1
    assert calls.count <= 2, calls.lines

    with backend_calls() as calls:
        refused = demo_client.post(url, {"share_id": share.id, "name": "over"})
    assert "You have reached your quota of" in refused.content.decode()
    assert len(calls.matching("GET", "/v2/limits")) == 1
    assert not calls.matching("POST", "/v2/snapshots"), calls.lines


def test_the_snapshots_pages_create_checks_the_shares_size(
        demo_client, shares_of, manila, demo_project, backend_calls):
    demo = shares_of("demo")
    share = demo.create(size=2)
    demo.wait(share.id)
    demo.snapshot(share.id)
    admin = manila("admin")
    held = _full(manila, demo_project)
    used_gb = int(admin.quotas.get(demo_project, detail=True).snapshot_gigabytes["in_use"])
    # Room for another snapshot, not for this share's 2 GiB.
    admin.quotas.update(demo_project, snapshots=held + 10,
                        snapshot_gigabytes=used_gb + 1, force=True)

    with backend_calls() as calls:
        refused = demo_client.post(CREATE, {"share_id": share.id, "name": "big"})
    page = refused.content.decode()
    assert ("A snapshot of this share needs 2 GiB of snapshot storage; your quota "
            "has 1 GiB left.") in page
    assert len(calls.matching("GET", "/v2/limits")) == 1
    assert not calls.matching("POST", "/v2/snapshots"), calls.lines
