"""Admin › Shares: an admin migrates a share to another pool, watches the
copy's progress in its row (polled, no page reload), completes it, and
resets the task state; another share's migration is cancelled."""

from __future__ import annotations

import html as html_lib

import pytest
from django.urls import reverse

from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import unique
from manila_ui.tests.dashboards.helpers import wait_until

INDEX = reverse("horizon:admin:shares:index")


def _url(name, share_id):
    return reverse(f"horizon:admin:shares:{name}", args=(share_id,))


def _share(manila, share_id):
    return manila("admin").shares.get(share_id)


def _row_update(admin_client, share_id):
    response = admin_client.get(INDEX, {"action": "row_update", "table": "shares",
                                        "obj_id": share_id},
                                HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    return html_lib.unescape(response.content.decode())


def _start(admin_client, manila, share, **flags):
    form = admin_client.get(_url("migrate", share.id)).content.decode()
    pools = [p.name for p in manila("admin").pools.list()]
    source = _share(manila, share.id).host
    dest = next(p for p in pools if p != source and f'value="{p}"' in form)
    assert f'value="{source}"' not in form          # not to where it is
    data = {"share_id": share.id, "host": dest, "new_share_type_id": "", **flags}
    response = admin_client.post(_url("migrate", share.id), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return source, dest


def _wait_task(manila, share_id, *task_states):
    wait_until(lambda: _share(manila, share_id).task_state in task_states, timeout=90,
               interval=0.2, what=f"task state {task_states}")


@pytest.mark.bundled_only("on real Manila after the whole suite its migrations outlast "
                          "the waits (open: see the issue note)")
def test_an_admin_migrates_a_share_watching_its_progress(admin_client, manila, shares_of):
    demo = shares_of("demo")
    share = demo.create(name=unique("mig"), availability_zone="nova")
    demo.wait(share.id)
    row = row_html(admin_client.get(INDEX).content.decode(), share.id)
    assert _url("migrate", share.id) in row

    # Driver-assisted: the reference runs no data service for a host-assisted copy.
    _, dest = _start(admin_client, manila, share, writable="on",
                     preserve_metadata="on", preserve_snapshots="on")
    seen = []

    def phase1_done():
        html = _row_update(admin_client, share.id)
        if "progress-bar" in html:
            seen.append(html)
        return _share(manila, share.id).task_state == "migration_driver_phase1_done"
    wait_until(phase1_done, timeout=90, interval=0.2, what="the copy")

    assert seen, "the row never showed the copy's progress"
    assert 'role="progressbar"' in seen[-1]
    row = _row_update(admin_client, share.id)
    assert "shares__migration_complete__" in row and "shares__migration_cancel__" in row
    response = admin_client.post(INDEX, {"action": f"shares__migration_complete__{share.id}"})
    assert response.status_code == 302
    _wait_task(manila, share.id, "migration_success")
    assert _share(manila, share.id).host == dest

    response = admin_client.post(_url("reset_task_state", share.id),
                                 {"share_id": share.id, "task_state": ""})
    assert response.status_code == 302
    assert _share(manila, share.id).task_state is None


@pytest.mark.bundled_only("on real Manila after the whole suite its migrations outlast "
                          "the waits (open: see the issue note)")
def test_an_admin_cancels_a_migration_after_its_first_phase(admin_client, manila,
                                                            shares_of):
    demo = shares_of("demo")
    share = demo.create(name=unique("mig"), availability_zone="nova")
    demo.wait(share.id)

    source, _ = _start(admin_client, manila, share, writable="on",
                       preserve_metadata="on", preserve_snapshots="on")
    _wait_task(manila, share.id, "migration_driver_phase1_done")
    response = admin_client.post(INDEX, {"action": f"shares__migration_cancel__{share.id}"})

    assert response.status_code == 302
    _wait_task(manila, share.id, "migration_cancelled")
    assert _share(manila, share.id).host == source
    row = row_html(admin_client.get(INDEX).content.decode(), share.id)
    assert "shares__migration_complete__" not in row
