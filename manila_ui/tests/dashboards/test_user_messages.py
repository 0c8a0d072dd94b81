"""User messages: a failed asynchronous operation leaves one; the project
sees its own (list, filter by resource, detail, delete), the admin every
project's, with the project's name."""

import pytest
from django.urls import reverse

from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import wait_until

INDEX = reverse("horizon:project:user_messages:index")
ADMIN_INDEX = reverse("horizon:admin:user_messages:index")


@pytest.fixture
def failed_share(shares_of, stack):
    """A share the back end fails to create: status error + a message."""
    if stack.external:
        pytest.skip("steers the bundled back end's simulated driver")
    demo = shares_of("demo")
    share = demo.create(metadata={"simulated_driver:fail": "create"})
    wait_until(lambda: demo.status(share.id) == "error",
               what="the share creation to fail")
    found = wait_until(lambda: demo.manila.messages.list(
        search_opts={"resource_id": share.id}), what="a user message")
    return share, found[0]


def test_list_filter_detail_and_delete(demo_client, failed_share, shares_of):
    share, message = failed_share
    html = demo_client.get(INDEX).content.decode()
    assert message.id in row_ids(html)
    row = row_html(html, message.id)
    assert message.user_message in row
    # The resource links to the share.
    assert reverse("horizon:project:shares:detail", args=(share.id,)) in row

    # Filter by resource, on the server.
    other = shares_of("demo").create()
    response = demo_client.post(INDEX, {
        "user_messages__filter__q_field": "resource_id",
        "user_messages__filter__q": other.id}, follow=True)
    assert message.id not in row_ids(response.content.decode())
    response = demo_client.post(INDEX, {
        "user_messages__filter__q_field": "resource_id",
        "user_messages__filter__q": share.id}, follow=True)
    assert row_ids(response.content.decode()) == [message.id]
    demo_client.post(INDEX, {"user_messages__filter__q_field": "resource_id",
                             "user_messages__filter__q": ""})

    detail_url = reverse("horizon:project:user_messages:detail",
                         args=(message.id,))
    detail = demo_client.get(detail_url).content.decode()
    assert message.user_message in detail and message.request_id in detail
    assert 'id="user_message__resource"' in detail

    response = demo_client.post(detail_url, {
        "action": f"user_messages__delete__{message.id}"}, follow=True)
    assert response.request["PATH_INFO"] == INDEX
    assert any("Deleted Message" in text for _level, text in
               messages(response.content.decode()))
    assert not shares_of("demo").manila.messages.list(
        search_opts={"resource_id": share.id})


def test_the_failed_share_explains_itself(demo_client, failed_share):
    share, message = failed_share
    html = demo_client.get(reverse("horizon:project:shares:detail",
                                   args=(share.id,))).content.decode()
    assert 'id="share_detail__messages"' in html
    assert message.user_message in html


def test_admin_sees_every_projects_messages_with_names(admin_client,
                                                      failed_share):
    share, message = failed_share
    html = admin_client.get(ADMIN_INDEX).content.decode()
    assert message.id in row_ids(html)
    row = row_html(html, message.id)
    assert ">demo<" in row.replace(" <", "<").replace("> ", ">")
    assert reverse("horizon:admin:shares:detail", args=(share.id,)) in row


def test_other_projects_do_not_see_them(alt_demo_client, failed_share):
    _share, message = failed_share
    assert message.id not in row_ids(alt_demo_client.get(INDEX)
                                     .content.decode())


def test_reader_cannot_delete(reader_client, failed_share):
    _share, message = failed_share
    html = reader_client.get(INDEX).content.decode()
    assert message.id in row_ids(html)
    assert "user_messages__action_delete" not in html
    assert f"user_messages__row_{message.id}__action_delete" not in html
