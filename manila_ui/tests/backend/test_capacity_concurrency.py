"""Fifty creates at once, through two API services (two worker processes
each, so four operation workers place shares) on one database: the pools
fill exactly to what their ratio allows and never beyond.

SQLite always; PostgreSQL too (where the share services' rows serialise the
placements) when ``MANILA_UI_TEST_POSTGRES_URL`` names an empty database.
"""

from __future__ import annotations

import os
import time
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import wait_until

# alpha: thin, 100 GB x 2.0 = 200 GB of 10 GB shares; beta: thick, 100 GB.
OPTIONS = {"workers": "2", "threads": "8",
           "alpha.total_capacity_gb": "100", "alpha.max_over_subscription_ratio": "2.0",
           "beta.total_capacity_gb": "100", "simulated_driver.dhss_backend": "False",
           "quota.gigabytes": "-1", "quota.shares": "-1"}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def two_services(request: pytest.FixtureRequest, start_backend: Callable[..., Backend],
                 tmp_path_factory: pytest.TempPathFactory) -> tuple[Backend, Backend]:
    url = f"sqlite:///{tmp_path_factory.mktemp('capacity-db') / 'backend.sqlite'}"
    if request.param == "postgresql":
        url = os.environ.get("MANILA_UI_TEST_POSTGRES_URL", "")
        if not url:
            pytest.skip("set MANILA_UI_TEST_POSTGRES_URL to run on PostgreSQL")
        pytest.importorskip("psycopg2")
    options = {**OPTIONS, "database.connection": url}
    return start_backend(**options), start_backend(**options)


@pytest.mark.slow
def test_fifty_parallel_creates_never_over_commit_a_pool(
        two_services: tuple[Backend, Backend]) -> None:
    first, second = two_services
    project = uuid.uuid4().hex
    headers = {"X-Auth-Token": f"member:{project}",
               "X-OpenStack-Manila-API-Version": "2.98"}
    targets = [(first if i % 2 else second).url for i in range(50)]

    def create(url: str) -> str:
        resp = requests.post(url + "/v2/shares", headers=headers, timeout=60,
                             json={"share": {"share_proto": "NFS", "size": 10}})
        assert resp.status_code == 200, resp.text
        share_id: str = resp.json()["share"]["id"]
        return share_id

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=50) as pool:
        ids = list(pool.map(create, targets))
    admin = first.api("admin", uuid.uuid4().hex)

    def settled() -> list[dict[str, str]] | None:
        shares = admin.get(f"/v2/shares/detail?all_tenants=1&project_id={project}"
                           ).json()["shares"]
        placed = [s for s in shares if s["status"] not in ("creating",)]
        return shares if len(placed) == 50 else None
    shares = wait_until(settled, timeout=120, what="fifty placements")
    elapsed = time.monotonic() - started

    assert sorted(s["id"] for s in shares) == sorted(ids)
    placed = Counter((s["status"], (s["host"] or "").split("#")[-1]) for s in shares)
    assert placed == {("available", "pool_alpha"): 20, ("available", "pool_beta"): 10,
                      ("error", ""): 20}, placed
    details = {m["detail_id"] for s in shares if s["status"] == "error"
               for m in admin.get(f"/v2/messages?resource_id={s['id']}").json()["messages"]}
    assert details == {"009"}
    pools = {p["pool"]: p["capabilities"] for p in admin.get(
        "/v2/scheduler-stats/pools/detail").json()["pools"]}
    assert pools["pool_alpha"]["provisioned_capacity_gb"] == 200.0
    assert pools["pool_beta"]["free_capacity_gb"] == 0.0
    assert elapsed < 60   # 5-6 s measured on 2 cores

