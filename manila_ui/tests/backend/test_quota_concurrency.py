"""Counting under concurrency: many creates at once, through two API
services (two worker processes each) on one database, never overshoot a
quota and every refusal is a clean 413."""

from __future__ import annotations

import sqlite3
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from manila_ui.tests.backend.conftest import Backend

REFUSAL = ("ShareLimitExceeded: Maximum number of shares allowed (10) either per "
           "project/user or share type quota is exceeded.")


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("shared-db") / "backend.sqlite"


@pytest.fixture(scope="module")
def two_services(start_backend: Callable[..., Backend],
                 shared_db: Path) -> tuple[Backend, Backend]:
    options = {"workers": "2", "threads": "8",
               "database.connection": f"sqlite:///{shared_db}"}
    return start_backend(**options), start_backend(**options)


@pytest.mark.slow
def test_fifty_creates_against_a_quota_of_ten(two_services: tuple[Backend, Backend],
                                             shared_db: Path) -> None:
    first, second = two_services
    project = uuid.uuid4().hex
    admin = first.api("admin", project)
    assert admin.put(f"/v2/quota-sets/{project}",
                     json={"quota_set": {"shares": 10}}).status_code == 200
    headers = {"X-Auth-Token": f"member:{project}",
               "X-OpenStack-Manila-API-Version": "2.98"}
    targets = [(first if i % 2 else second).url for i in range(50)]

    def create(url: str) -> tuple[int, str]:
        # A session per request: requests' sessions are not thread-safe.
        resp = requests.post(url + "/v2/shares", headers=headers, timeout=60,
                             json={"share": {"share_proto": "NFS", "size": 1}})
        message = resp.json().get("overLimit", {}).get("message", "")
        return resp.status_code, message

    with ThreadPoolExecutor(max_workers=50) as pool:
        answers = list(pool.map(create, targets))

    assert Counter(code for code, _ in answers) == {200: 10, 413: 40}
    assert {message for code, message in answers if code == 413} == {REFUSAL}
    with sqlite3.connect(f"file:{shared_db}?mode=ro", uri=True) as db:
        assert db.execute("SELECT count(*) FROM shares WHERE project_id = ?",
                          (project,)).fetchone() == (10,)
    # Each service took its half of the creates.
    for service in (first, second):
        posts = [line for line in service.access_log()
                 if line.startswith("POST /v2/shares ")]
        assert len(posts) == 25
    # Both services count the same ten.
    for service in (first, second):
        detail = service.api("member", project).get(
            f"/v2/quota-sets/{project}/detail").json()["quota_set"]
        assert detail["shares"] == {"limit": 10, "in_use": 10, "reserved": 0}
