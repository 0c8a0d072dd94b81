"""A share's access rules in the dashboard, as a user lives them: real
Keystone, real backend, Django's test client.  Rules are seeded with
python-manilaclient (a peer client) where the story is not the form."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from django.urls import reverse

from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import wait_until
from manila_ui.tests.reference.target import is_reference

SHARES = reverse("horizon:project:shares:index")


def rules_url(share_id: str) -> str:
    return reverse("horizon:project:share_rules:rules", args=(share_id,))


def add_url(share_id: str) -> str:
    return reverse("horizon:project:share_rules:add", args=(share_id,))


@pytest.fixture(scope="module")
def squash_type(manila: Any) -> str:
    admin = manila("admin", "2.98")
    name = "squashy-" + uuid.uuid4().hex[:6]
    admin.share_types.create(name, spec_driver_handles_share_servers=False,
                             extra_specs={"squash_support": "True"})
    return name


def settled_rules(manila_client: Any, share_id: str) -> list[Any]:
    def done() -> list[Any] | None:
        found = manila_client.share_access_rules.access_list(share_id)
        status = manila_client.shares.get(share_id).access_rules_status
        # Real Manila 23 can leave a share "syncing" for good once several
        # rules were added at once, all of them active (seen with 15).
        synced = status != "syncing" or is_reference()
        if synced and all(r.state in ("active", "error") for r in found):
            return found or [None]
        return None
    # Real Manila under a loaded machine can take a while to apply rules.
    return [r for r in wait_until(done, timeout=90, what="rules to settle") if r is not None]


def available(shares_of: Any, user: str = "demo", **kwargs: Any) -> Any:
    helper = shares_of(user)
    share = helper.create(**kwargs)
    helper.wait(share.id)
    return share


def test_manage_rules_from_the_shares_table_and_the_share_page(demo_client, shares_of):
    share = available(shares_of)

    assert rules_url(share.id) in demo_client.get(SHARES).content.decode()
    detail = demo_client.get(reverse("horizon:project:shares:detail", args=(share.id,)))
    assert rules_url(share.id) in detail.content.decode()
    page = demo_client.get(rules_url(share.id))
    assert page.status_code == 200
    html = page.content.decode()
    assert '<table id="rules"' in html and share.name in html
    assert add_url(share.id) in html


def test_rules_show_in_effective_order_with_the_conflict_warning(
        demo_client, shares_of, manila, squash_type):
    share = available(shares_of, share_type=squash_type)
    demo = manila("demo", "2.98")
    wide = share.allow("ip", "10.0.0.0/8", "rw")
    narrow = share.allow("ip", "10.1.0.0/16", "ro",
                         metadata={"squash": "all_squash", "anonuid": "65534"})
    first = share.allow("ip", "192.168.0.0/24", "rw", metadata={"priority": "5"})
    settled_rules(demo, share.id)

    html = demo_client.get(rules_url(share.id)).content.decode()
    assert row_ids(html) == [first["id"], narrow["id"], wide["id"]]
    assert "all_squash (anonuid=65534)" in html
    warning = re.search(r'id="rules__conflicts".*?</div>', html, re.S).group(0)
    assert "10.1.0.0/16 (ro) and 10.0.0.0/8 (rw) overlap" in warning
    assert "clients in 10.1.0.0/16 get ro, because 10.1.0.0/16 comes first " \
           "(the more specific range)" in warning


def test_no_warning_when_levels_agree(demo_client, shares_of, manila):
    share = available(shares_of)
    share.allow("ip", "10.0.0.0/8", "rw")
    share.allow("ip", "10.1.0.0/16", "rw")
    settled_rules(manila("demo", "2.98"), share.id)

    assert "rules__conflicts" not in demo_client.get(rules_url(share.id)).content.decode()


def test_squash_fields_only_where_the_type_supports_squash(demo_client, shares_of,
                                                           squash_type):
    capable = available(shares_of, share_type=squash_type)
    plain = available(shares_of)     # the default type has no squash_support

    form = demo_client.get(add_url(capable.id)).content.decode()
    for field in ("id_squash", "id_anonuid", "id_anongid", "id_priority"):
        assert f'id="{field}"' in form
    assert 'name="lock_deletion"' in form and 'name="metadata-key-0"' in form
    plain_form = demo_client.get(add_url(plain.id)).content.decode()
    for field in ("id_squash", "id_anonuid", "id_anongid", "id_priority"):
        assert f'id="{field}"' not in plain_form
    assert 'name="access_to"' in plain_form


def test_add_a_squashed_rule_through_the_form(demo_client, shares_of, manila,
                                              squash_type, stack):
    share = available(shares_of, share_type=squash_type)

    response = demo_client.post(add_url(share.id), {
        "share_id": share.id, "access_type": "ip", "access_to": "10.1.0.0/16",
        "access_level": "ro", "squash": "all_squash", "anonuid": "65534",
        "anongid": "65534", "priority": "", "metadata-key-0": "owner",
        "metadata-value-0": "team-blue"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert response["Location"] == rules_url(share.id)

    (rule,) = settled_rules(manila("demo", "2.98"), share.id)
    assert (rule.access_to, rule.access_level, rule.state) == ("10.1.0.0/16", "ro",
                                                               "active")
    assert rule.metadata == {"squash": "all_squash", "anonuid": "65534",
                             "anongid": "65534", "owner": "team-blue"}
    exports = (stack.state_path / "exports" / f"{share.id}.exports").read_text()
    assert "10.1.0.0/16(ro,all_squash,anonuid=65534,anongid=65534)" in exports
    page = demo_client.get(rules_url(share.id)).content.decode()
    assert ("success", "Added access rule for 10.1.0.0/16.") in messages(page)


def test_several_cidrs_make_one_rule_each_and_failures_are_named(
        demo_client, shares_of, manila):
    share = available(shares_of)
    share.allow("ip", "10.2.0.0/16", "rw")

    bad = demo_client.post(add_url(share.id), {
        "share_id": share.id, "access_type": "ip", "access_level": "rw",
        "access_to": "10.0.0.0/8 10.0.0.1/24, 2001:db8::/64"})
    html = bad.content.decode()
    assert bad.status_code == 200
    assert "10.0.0.1/24: 10.0.0.1/24 has host bits set" in html
    assert len(manila("demo", "2.98").share_access_rules.access_list(share.id)) == 1

    partial = demo_client.post(add_url(share.id), {
        "share_id": share.id, "access_type": "ip", "access_level": "rw",
        "access_to": "10.0.0.0/8, 10.2.0.0/16;2001:db8::/64"})
    assert partial.status_code == 302
    page = demo_client.get(rules_url(share.id)).content.decode()
    assert ("success", "Added access rule for 10.0.0.0/8, 2001:db8::/64.") in \
        messages(page)
    assert ("danger", "Unable to add the rule for 10.2.0.0/16: Share access "
                      "ip:10.2.0.0/16 exists.") in messages(page)
    assert len(manila("demo", "2.98").share_access_rules.access_list(share.id)) == 3


@pytest.mark.parametrize(("access_type", "access_to", "message"), [
    ("user", "abc", "Invalid user or group name. Must be 4-255 characters"),
    ("cert", "c" * 65, "Invalid CN (common name). Must be 1-64 chars long."),
    ("cephx", "client.alice", "Ceph IDs may not contain periods."),
    ("ip", "10.0.0.0/33", "does not appear to be an IPv4 or IPv6 network"),
])
def test_the_form_refuses_what_manila_would(demo_client, shares_of, access_type,
                                           access_to, message):
    share = available(shares_of)
    response = demo_client.post(add_url(share.id), {
        "share_id": share.id, "access_type": access_type, "access_to": access_to,
        "access_level": "rw"})

    assert response.status_code == 200
    assert message in response.content.decode()


def test_anon_ids_need_a_squash_mode(demo_client, shares_of, squash_type):
    share = available(shares_of, share_type=squash_type)
    response = demo_client.post(add_url(share.id), {
        "share_id": share.id, "access_type": "ip", "access_to": "10.0.0.0/8",
        "access_level": "rw", "squash": "no_root_squash", "anonuid": "65534",
        "metadata-key-0": "priority", "metadata-value-0": "3"})

    html = response.content.decode()
    assert "Needs the squash mode root_squash or all_squash." in html
    assert "Set priority with the fields above." in html


def test_edit_level_priority_squash_and_metadata(demo_client, shares_of, manila,
                                                 squash_type, stack):
    share = available(shares_of, share_type=squash_type)
    demo = manila("demo", "2.98")
    created = share.allow("ip", "10.0.0.0/8", "rw", metadata={"note": "old"})
    settled_rules(demo, share.id)
    url = reverse("horizon:project:share_rules:edit", args=(share.id, created["id"]))

    form = demo_client.get(url).content.decode()
    assert 'id="id_access_level"' in form and 'value="note"' in form
    response = demo_client.post(url, {
        "share_id": share.id, "rule_id": created["id"], "access_level": "ro",
        "squash": "root_squash", "anonuid": "1000", "anongid": "", "priority": "7",
        "metadata-key-0": "note", "metadata-value-0": "new"})
    assert response.status_code == 302, response.content.decode()[-2000:]

    (rule,) = settled_rules(demo, share.id)
    assert rule.access_level == "ro"
    assert rule.metadata == {"note": "new", "squash": "root_squash",
                             "anonuid": "1000", "priority": "7"}
    exports = (stack.state_path / "exports" / f"{share.id}.exports").read_text()
    assert "10.0.0.0/8(ro,root_squash,anonuid=1000)" in exports

    demo_client.post(url, {"share_id": share.id, "rule_id": created["id"],
                           "access_level": "ro", "squash": "", "priority": ""})
    (rule,) = settled_rules(demo, share.id)
    assert rule.metadata == {}


def test_delete_rules_in_a_batch_and_respect_locks(demo_client, shares_of, manila):
    share = available(shares_of)
    demo = manila("demo", "2.98")
    one = share.allow("ip", "10.0.0.0/8", "rw")
    two = share.allow("ip", "10.1.0.0/16", "rw")
    locked = share.allow("ip", "10.2.0.0/16", "rw", lock_deletion=True,
                         lock_reason="keep")
    settled_rules(demo, share.id)

    html = demo_client.get(rules_url(share.id)).content.decode()
    assert "deletion (keep)" in html
    assert f'rules__row_{locked["id"]}__action_unlock_and_delete' in html
    assert f'rules__row_{locked["id"]}__action_delete' not in html
    response = demo_client.post(rules_url(share.id), {
        "action": "rules__delete", "object_ids": [one["id"], two["id"]]})
    assert response.status_code == 302
    wait_until(lambda: [r.id for r in settled_rules(demo, share.id)] == [locked["id"]],
               what="two rules denied")

    demo_client.post(rules_url(share.id), {
        "action": f"rules__unlock_and_delete__{locked['id']}"})
    wait_until(lambda: settled_rules(demo, share.id) == [], what="the locked rule gone")
    assert demo.resource_locks.list() == [] or all(
        lock.resource_id != locked["id"] for lock in demo.resource_locks.list())


def test_metadata_is_escaped(demo_client, shares_of, manila):
    share = available(shares_of)
    share.allow("ip", "10.0.0.0/8", "rw",
                metadata={"<script>alert(1)</script>": "<img src=x onerror=alert(2)>"})
    settled_rules(manila("demo", "2.98"), share.id)

    html = demo_client.get(rules_url(share.id)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_cephx_key_is_only_fetched_on_request(demo_client, shares_of, manila):
    share = available(shares_of)
    demo = manila("demo", "2.98")
    created = share.allow("cephx", "alice", "rw")
    key = wait_until(lambda: demo.share_access_rules.get(created["id"]).access_key,
                     what="the key")

    html = demo_client.get(rules_url(share.id)).content.decode()
    assert key not in html
    key_url = reverse("horizon:project:share_rules:key", args=(share.id, created["id"]))
    assert f'data-url="{key_url}"' in html
    revealed = demo_client.get(key_url, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert revealed.json() == {"access_key": key}
    assert "no-cache" in revealed["Cache-Control"] or "no-store" in revealed[
        "Cache-Control"]
    other = reverse("horizon:project:share_rules:key", args=("nope", created["id"]))
    assert demo_client.get(other).status_code == 404


def test_a_transitional_row_updates_itself(demo_client, shares_of, manila):
    share = available(shares_of)
    created = share.allow("ip", "10.0.0.0/8", "rw")
    url = rules_url(share.id)

    def row() -> str:
        found = demo_client.get(url, {"action": "row_update", "table": "rules",
                                      "obj_id": created["id"]},
                                HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        assert found.status_code == 200
        return found.content.decode()

    first = row()
    # Horizon polls a row of unknown status ("warning") until it settles.
    assert 'class="ajax-update warning"' in first or "Active" in first
    settled = wait_until(lambda: (html := row()) and "Active" in html and html,
                         what="the row to settle")
    assert 'class="ajax-update status_up"' in settled
    assert "Active" in demo_client.get(url).content.decode()


def test_reader_sees_rules_but_no_changes(reader_client, shares_of, manila):
    share = available(shares_of)
    share.allow("ip", "10.0.0.0/8", "rw")
    settled_rules(manila("demo", "2.98"), share.id)

    html = reader_client.get(rules_url(share.id)).content.decode()
    assert "10.0.0.0/8" in html
    assert "rules__action_add_rule" not in html
    assert "__action_delete" not in html and "__action_edit_rule" not in html


def test_another_project_gets_no_rules_page(alt_demo_client, shares_of):
    share = available(shares_of)
    response = alt_demo_client.get(rules_url(share.id))
    assert response.status_code == 302


def _count(backend_calls: Any, client: Any, url: str) -> tuple[int, list[str]]:
    with backend_calls() as calls:
        response = client.get(url)
    assert response.status_code == 200
    return calls.count, calls.lines


def test_the_rules_page_costs_the_same_with_1_or_15_rules(demo_client, shares_of,
                                                          manila, backend_calls,
                                                          record_property):
    few, many = available(shares_of), available(shares_of)
    few.allow("ip", "10.0.0.0/8", "rw")
    for i in range(15):
        many.allow("ip", f"10.{i}.0.0/16", "rw", metadata={"n": str(i)})
    demo = manila("demo", "2.98")
    settled_rules(demo, few.id)
    settled_rules(demo, many.id)

    demo_client.get(rules_url(few.id))    # the version document is cached then
    one, lines = _count(backend_calls, demo_client, rules_url(few.id))
    fifteen, lines_many = _count(backend_calls, demo_client, rules_url(many.id))
    assert one == fifteen, (lines, lines_many)
    assert one <= 3, lines   # the share, its rules, their locks
    record_property("rules_page_calls", f"1 rule={one} 15 rules={fifteen}")


def test_older_servers_get_the_features_they_have(demo_client, shares_of, manila,
                                                 squash_type, settings):
    share = available(shares_of, share_type=squash_type)
    share.allow("ip", "10.0.0.0/8", "rw")
    settled_rules(manila("demo", "2.98"), share.id)

    settings.OPENSTACK_MANILA_FEATURES = dict(
        settings.OPENSTACK_MANILA_FEATURES, max_api_version="2.81")
    form = demo_client.get(add_url(share.id)).content.decode()
    assert 'name="lock_deletion"' not in form and 'name="metadata-key-0"' in form

    settings.OPENSTACK_MANILA_FEATURES = dict(
        settings.OPENSTACK_MANILA_FEATURES, max_api_version="2.44")
    page = demo_client.get(rules_url(share.id)).content.decode()   # access_list
    assert "10.0.0.0/8" in page and "__action_edit_rule" not in page
    form = demo_client.get(add_url(share.id)).content.decode()
    assert 'name="metadata-key-0"' not in form
    response = demo_client.post(add_url(share.id), {
        "share_id": share.id, "access_type": "ip", "access_to": "10.1.0.0/16",
        "access_level": "ro"})
    assert response.status_code == 302
    assert {r.access_to for r in settled_rules(manila("demo", "2.98"), share.id)} == {
        "10.0.0.0/8", "10.1.0.0/16"}
