"""Our squash/priority extension degrades cleanly against real Manila.

Runs on the reference target only (``make reference-dashboard``): real Manila has
no squash capability, so the access-rule forms show no squash, anonymous id or
priority fields and nothing errs; rule metadata that merely carries the
reserved keys (real Manila stores any metadata) is shown without an error.
test_share_rules.py covers the extension itself against the bundled backend.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse

from manila_ui.api import microversions
from manila_ui.tests.dashboards.helpers import Shares
from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import wait_until
from manila_ui.tests.reference import target

pytestmark = pytest.mark.skipif(
    not target.is_reference(),
    reason="reference target only (make reference-dashboard); the bundled backend's "
           "extension is tested in manila_ui/tests/dashboards/test_share_rules.py")

EXTENSION_FIELDS = ("id_squash", "id_anonuid", "id_anongid", "id_priority")


@pytest.fixture(autouse=True)
def _fresh_version_cache() -> Iterator[None]:
    microversions.clear_cache()
    yield


@pytest.fixture
def share(manila: Any) -> Iterator[Any]:
    """An available share of demo's, removed afterwards."""
    demo = Shares(manila("demo"))
    made = demo.create()
    demo.wait(made.id)
    yield made
    demo.cleanup()


def _settled(client: Any, share_id: str) -> list[Any]:
    def done() -> list[Any] | None:
        rules = client.share_access_rules.access_list(share_id)
        return rules if all(r.state in ("active", "error") for r in rules) else None
    return wait_until(done, what="the rules to settle")


def _errors(html: str) -> list[str]:
    return [text for level, text in messages(html) if level in ("danger", "error", "warning")]


def test_add_rule_form_has_no_extension_fields(demo_client: Any, share: Any) -> None:
    response = demo_client.get(reverse("horizon:project:share_rules:add", args=(share.id,)))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="access_to"' in html
    for field in EXTENSION_FIELDS:
        assert f'id="{field}"' not in html
    assert not _errors(html)


def test_a_rule_added_through_the_form_carries_no_extension_keys(
        demo_client: Any, share: Any, manila: Any) -> None:
    add = reverse("horizon:project:share_rules:add", args=(share.id,))
    response = demo_client.post(add, {"share_id": share.id, "access_type": "ip",
                                      "access_to": "10.20.0.0/16", "access_level": "rw"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    (rule,) = _settled(manila("demo", "2.98"), share.id)
    assert (rule.access_to, rule.state, rule.metadata) == ("10.20.0.0/16", "active", {})
    page = demo_client.get(reverse("horizon:project:share_rules:rules", args=(share.id,)))
    html = page.content.decode()
    assert rule.id in row_ids(html)
    assert not _errors(html)


def test_reserved_metadata_shows_without_errors(demo_client: Any, share: Any,
                                                manila: Any) -> None:
    """Real Manila stores the extension's keys as plain metadata: the pages cope."""
    demo = manila("demo", "2.98")
    stored = demo.shares.get(share.id).allow(
        "ip", "10.30.0.0/16", "ro", metadata={"squash": "all_squash", "priority": "5"})
    (rule,) = _settled(demo, share.id)
    assert rule.metadata == {"squash": "all_squash", "priority": "5"}  # stored, not applied

    rules = demo_client.get(reverse("horizon:project:share_rules:rules", args=(share.id,)))
    assert rules.status_code == 200
    html = rules.content.decode()
    assert stored["id"] in row_ids(html) and not _errors(html)
    edit = demo_client.get(reverse("horizon:project:share_rules:edit",
                                   args=(share.id, stored["id"])))
    assert edit.status_code == 200
    form = edit.content.decode()
    for field in EXTENSION_FIELDS:
        assert f'id="{field}"' not in form
    assert not _errors(form)


def test_no_pool_advertises_squash(manila: Any) -> None:
    """Why the fields are absent: real Manila's pools have no squash capability."""
    pools = manila("admin", "2.98").pools.list(detailed=True)
    assert pools
    assert not any("squash_support" in pool.capabilities for pool in pools)
