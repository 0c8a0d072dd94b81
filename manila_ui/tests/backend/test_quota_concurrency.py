"""Counting under concurrency: many creates at once, through two API
services (two worker processes each) on one database, never overshoot a
quota and every refusal is a clean 413.

SQLite always; PostgreSQL too (where the project's lock row serialises the
counts) when ``MANILA_UI_TEST_POSTGRES_URL`` names an empty database the
backend may use (e.g. ``postgresql+psycopg2://postgres@127.0.0.1:25432/q6``)
and psycopg2 is importable.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine
from sqlalchemy import text

from manila_ui.tests.backend.conftest import Backend

REFUSAL = ("ShareLimitExceeded: Maximum number of shares allowed (10) either per "
           "project/user or share type quota is exceeded.")


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("shared-db") / "backend.sqlite"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def two_services(request: pytest.FixtureRequest, start_backend: Callable[..., Backend],
                 shared_db: Path) -> tuple[Backend, Backend, str]:
    url = f"sqlite:///{shared_db}"
    if request.param == "postgresql":
        url = os.environ.get("MANILA_UI_TEST_POSTGRES_URL", "")
        if not url:
            pytest.skip("set MANILA_UI_TEST_POSTGRES_URL to run on PostgreSQL")
        pytest.importorskip("psycopg2")
    options = {"workers": "2", "threads": "8", "database.connection": url}
    return start_backend(**options), start_backend(**options), url


@pytest.mark.slow
def test_fifty_creates_against_a_quota_of_ten(
        two_services: tuple[Backend, Backend, str]) -> None:
    first, second, url = two_services
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
    engine = create_engine(url)
    with engine.connect() as db:
        assert db.execute(text("SELECT count(*) FROM shares WHERE project_id = :p"),
                          {"p": project}).one() == (10,)
    engine.dispose()
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
