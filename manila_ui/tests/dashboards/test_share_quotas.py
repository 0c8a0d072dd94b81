"""Share quotas in the dashboard, as admins and users live them: the Share
step of Identity › Projects › Modify Quotas, Admin › Defaults, per-share-
type limits in Admin › Share › Share Quotas, and the usage pies atop
Project › Share › Shares.  Each story checks what the backend then holds
and that it enforces it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse

from manila_ui.tests.dashboards.helpers import cloud_user_ids
from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import require_counted_usage
from manila_ui.tests.dashboards.helpers import reset_usage_counters
from manila_ui.tests.dashboards.helpers import restore_default_quotas
from manila_ui.tests.dashboards.helpers import unique

SHARES_INDEX = reverse("horizon:project:shares:index")
CREATE_SHARE = reverse("horizon:project:shares:create")
DEFAULTS = reverse("horizon:admin:defaults:index")
UPDATE_DEFAULTS = reverse("horizon:admin:defaults:update_defaults")
INPUT_RE = re.compile(r'<input[^>]*name="(share_quota_[a-z_]+)"[^>]*value="(-?\d+)"')


def quota_fields(html: str) -> dict[str, str]:
    """The share quota inputs of a rendered form, with their values."""
    return dict(INPUT_RE.findall(html))


def in_use(html: str, resource: str) -> str:
    match = re.search(rf'class="share-quota-in-use" data-resource="{resource}">\s*([^<\s]+)',
                      html)
    assert match, f"no usage shown for {resource}"
    return match.group(1)


@pytest.fixture
def demo_project(os_session: Any, manila: Any) -> Iterator[str]:
    """Demo's project id; its share quotas (and the reader's own) go back to the
    defaults after."""
    project_id: str = os_session("demo").get_project_id()
    reset_usage_counters(manila("admin"), project_id, cloud_user_ids(os_session))
    yield project_id
    restore_default_quotas(manila("admin"), project_id,
                           users=(os_session("reader").get_user_id(),))


def test_modify_quotas_has_a_share_step_with_usage(admin_client: Any, shares_of: Any,
                                                   manila: Any, demo_project: str) -> None:
    shares_of("demo").create(size=2)
    require_counted_usage(manila("admin"), demo_project)
    url = reverse("horizon:identity:projects:update_quotas", args=(demo_project,))

    html = admin_client.get(url).content.decode()

    fields = quota_fields(html)
    # Every resource the server has at the negotiated microversion (2.98),
    # the group quotas included.
    assert set(fields) == {f"share_quota_{r}" for r in (
        "shares", "gigabytes", "snapshots", "snapshot_gigabytes", "share_networks",
        "share_groups", "share_group_snapshots", "share_replicas",
        "replica_gigabytes", "per_share_gigabytes", "backups", "backup_gigabytes",
        "encryption_keys")}
    assert int(in_use(html, "shares")) >= 1
    assert int(in_use(html, "gigabytes")) >= 2
    assert 'id="id_share_quota_force"' in html
    assert reverse("horizon:admin:share_quotas:project", args=(demo_project,)) in html


def test_a_limit_below_usage_needs_the_box_then_binds_demo(
        admin_client: Any, demo_client: Any, shares_of: Any, manila: Any,
        demo_project: str) -> None:
    demo = shares_of("demo")
    demo.create()
    require_counted_usage(manila("admin"), demo_project)
    url = reverse("horizon:identity:projects:update_quotas", args=(demo_project,))
    page = admin_client.get(url).content.decode()
    assert int(in_use(page, "shares")) >= 1
    # 0 is below usage whatever other tests' shares still being deleted add.
    data = quota_fields(page) | {"share_quota_shares": "0"}

    refused = admin_client.post(url, data)

    assert refused.status_code == 200
    assert re.search(r"(\d+) in use: set at least \1", refused.content.decode())
    assert manila("admin").quotas.get(demo_project).shares == 50

    done = admin_client.post(url, data | {"share_quota_force": "on"})

    assert done.status_code == 302, done.content.decode()[-2000:]
    assert manila("admin").quotas.get(demo_project).shares == 0
    # Demo sees it: the Create button is disabled, and Manila refuses anyway.
    html = demo_client.get(SHARES_INDEX).content.decode()
    button = re.search(r'<a[^>]*id="shares__action_create"[^>]*>.*?</a>', html, re.S)
    assert button and "disabled" in button.group(0)
    assert "Quota exceeded" in button.group(0)
    form = demo_client.post(CREATE_SHARE, {"name": unique("nope"), "share_proto": "NFS",
                                           "size": "1"}).content.decode()
    assert "You have reached your quota" in form


def test_only_changed_limits_are_sent(admin_client: Any, manila: Any, demo_project: str,
                                      backend_calls: Any) -> None:
    url = reverse("horizon:identity:projects:update_quotas", args=(demo_project,))
    data = quota_fields(admin_client.get(url).content.decode())
    data["share_quota_snapshots"] = "7"

    with backend_calls() as calls:
        assert admin_client.post(url, data).status_code == 302

    assert len(calls.matching("PUT", "/v2/quota-sets/")) == 1
    quotas = manila("admin").quotas.get(demo_project)
    assert (quotas.snapshots, quotas.shares) == (7, 50)


def test_defaults_tab_and_step_set_every_default(admin_client: Any, manila: Any,
                                                 os_session: Any) -> None:
    admin = manila("admin")
    before = admin.quota_classes.get("default")
    page = admin_client.get(DEFAULTS).content.decode()
    assert 'id="share_quotas"' in page
    assert "Share Group Snapshots" in page
    step = admin_client.get(UPDATE_DEFAULTS).content.decode()
    data = quota_fields(step)
    assert {"share_quota_share_groups", "share_quota_share_group_snapshots",
            "share_quota_backups"} <= set(data)
    assert "share_quota_force" not in step

    try:
        done = admin_client.post(UPDATE_DEFAULTS, data | {
            "share_quota_share_groups": "13", "share_quota_share_group_snapshots": "14"})
        assert done.status_code == 302, done.content.decode()[-2000:]
        after = admin.quota_classes.get("default")
        assert (after.share_groups, after.share_group_snapshots) == (13, 14)
        # A project without limits of its own now gets them.
        alt = os_session("alt_demo").get_project_id()
        assert admin.quotas.defaults(alt).share_groups == 13
        assert "13" in admin_client.get(DEFAULTS).content.decode()
    finally:
        admin.quota_classes.update("default", share_groups=before.share_groups,
                                   share_group_snapshots=before.share_group_snapshots)


def test_share_type_limits_are_listed_edited_enforced_and_reset(
        admin_client: Any, demo_client: Any, shares_of: Any, manila: Any,
        demo_project: str) -> None:
    admin = manila("admin")
    default = next(t for t in admin.share_types.list() if t.name == "default")
    shares_of("demo").create()
    page = admin_client.get(reverse("horizon:admin:share_quotas:project",
                                    args=(demo_project,))).content.decode()
    assert 'id="project_quotas"' in page and 'id="type_quotas"' in page
    assert f'data-share-type="{default.id}"' in page
    assert reverse("horizon:identity:projects:update_quotas",
                   args=(demo_project,)) + "?step=update_share_quotas" in page
    edit = reverse("horizon:admin:share_quotas:update_type",
                   args=(demo_project, default.id))
    assert edit in page

    form = admin_client.get(edit).content.decode()
    data = quota_fields(form)
    # A share type's quotas hold no share networks and no groups.
    assert "share_quota_share_networks" not in data
    assert "share_quota_share_groups" not in data
    used = int(in_use(form, "shares"))
    done = admin_client.post(edit, data | {"share_quota_shares": str(used),
                                           "share_quota_force": "on"})
    assert done.status_code == 302, done.content.decode()[-2000:]
    assert admin.quotas.get(demo_project, share_type=default.id).shares == used

    # Manila refuses demo's next share of that type (the project has room).
    refused = demo_client.post(CREATE_SHARE, {
        "name": unique("typed"), "share_proto": "NFS", "size": "1",
        "share_type": default.name}).content.decode()
    assert (f"Quota exceeded: ShareLimitExceeded: Maximum number of shares allowed "
            f"({used}) either per project/user or share type quota is exceeded.") in refused

    reset = reverse("horizon:admin:share_quotas:reset_type", args=(demo_project, default.id))
    assert admin_client.post(reset, {}).status_code == 302
    assert admin.quotas.get(demo_project, share_type=default.id).shares == 50
    listed = admin_client.get(reverse("horizon:admin:share_quotas:project",
                                      args=(demo_project,)))
    assert ("success", "Share quotas reset to the defaults.") in messages(
        listed.content.decode())


def test_members_do_not_reach_the_admin_quota_pages(demo_client: Any,
                                                    demo_project: str) -> None:
    for url in (reverse("horizon:admin:share_quotas:index"),
                reverse("horizon:admin:share_quotas:project", args=(demo_project,))):
        response = demo_client.get(url)
        assert response.status_code in (302, 403)
        assert 'id="project_quotas"' not in response.content.decode()


def test_usage_pies_atop_shares_from_one_limits_call(demo_client: Any, shares_of: Any,
                                                     backend_calls: Any) -> None:
    shares_of("demo").create(size=3)

    with backend_calls() as calls:
        html = demo_client.get(SHARES_INDEX).content.decode()

    assert len(calls.matching("GET", "/v2/limits")) == 1
    summary = html[html.index('id="share_usage_summary"'):]
    for title in ("Shares", "Share Storage", "Snapshots", "Snapshot Storage",
                  "Share Networks", "Share Groups", "Share Replicas", "Share Backups"):
        assert f'title="{title}"' in summary
    assert "pie-chart-usage" in summary


def test_create_share_network_shows_its_quota_bar(demo_client: Any, manila: Any,
                                                  demo_project: str) -> None:
    manila("admin").quotas.update(demo_project, share_networks=7)

    html = demo_client.get(reverse("horizon:project:share_networks:create")).content.decode()

    bar = re.search(r'<div id="quota_share_networks"[^>]*>', html)
    assert bar and 'data-quota-limit="7' in bar.group(0)
    assert "of 7 used" in html


def test_manilas_refusal_is_shown_in_its_words(admin_client: Any, manila: Any,
                                               os_session: Any, demo_project: str) -> None:
    # A user of the project may hold 5: the project may not go below that. The
    # reader, who creates nothing: dropping a user's quota set afterwards also
    # drops that user's usage counters on Manila, which then under-count.
    reader = os_session("reader").get_user_id()
    manila("admin").quotas.update(demo_project, user_id=reader, shares=5)
    url = reverse("horizon:identity:projects:update_quotas", args=(demo_project,))
    html = admin_client.get(url).content.decode()
    data = quota_fields(html)
    if int(in_use(html, "shares")) > 3:
        # Only on real Manila, whose usage counters drift after other tests
        # (see require_counted_usage): the form then asks for the force box
        # first, and Manila is never asked.
        pytest.skip(f"Manila counts {in_use(html, 'shares')} shares in use in demo's project")

    page = admin_client.post(url, data | {"share_quota_shares": "3"}, follow=True)

    shown = messages(page.content.decode())
    # Manila's words: the user's limit of 5; on real Manila after the whole
    # suite its drifting usage counters may refuse first ("already used").
    assert (("danger", "Unable to update the share quotas: Quota limit must be greater "
                       "than 5.") in shown
            or any(level == "danger" and text.startswith(
                "Unable to update the share quotas: Quota value 3 for shares is smaller than")
                   for level, text in shown)), shown
    assert manila("admin").quotas.get(demo_project).shares == 50


def create_snapshot_action(html: str, share_id: str) -> str:
    """The share row's Create Snapshot link, as rendered."""
    action = re.search(rf'<a[^>]*id="shares__row_{share_id}__action_create_snapshot"'
                       r'[^>]*>.*?</a>', html, re.S)
    assert action, f"no Create Snapshot on the row of {share_id}"
    return re.sub(r"\s+", " ", action.group(0))


def test_create_snapshot_says_quota_exceeded_from_the_pages_limits(
        demo_client: Any, shares_of: Any, manila: Any, demo_project: str,
        backend_calls: Any) -> None:
    demo = shares_of("demo")
    share = demo.create(size=2)
    demo.wait(share.id)
    demo.snapshot(share.id)
    admin = manila("admin")
    assert "Quota exceeded" not in create_snapshot_action(
        demo_client.get(SHARES_INDEX).content.decode(), share.id)

    # As many snapshots as the project holds (Manila's own count).
    held = int(admin.quotas.get(demo_project, detail=True).snapshots["in_use"])
    if held < 1:  # demo holds a snapshot: only real Manila's drifting counter reads less
        pytest.skip(f"real Manila's snapshot usage counter reads {held} while the project "
                    "holds one (Manila's counters drift)")
    admin.quotas.update(demo_project, snapshots=held, force=True)
    with backend_calls() as calls:
        html = demo_client.get(SHARES_INDEX).content.decode()

    action = create_snapshot_action(html, share.id)
    assert "disabled" in action and "Create Snapshot (Quota exceeded)" in action
    # The rows read the page's one /limits: no call of their own.
    assert len(calls.matching("GET", "/v2/limits")) == 1
    assert calls.count <= 2, calls.lines

    # Room for another snapshot, but not for this share's 2 GiB.
    used_gb = int(admin.quotas.get(demo_project, detail=True)
                  .snapshot_gigabytes["in_use"])
    admin.quotas.update(demo_project, snapshots=held + 10,
                        snapshot_gigabytes=used_gb + 1, force=True)
    action = create_snapshot_action(demo_client.get(SHARES_INDEX).content.decode(),
                                    share.id)
    assert "disabled" in action and "Quota exceeded" in action
