"""The bundled backend as the session starts it: reachable through the catalog with
the users' tokens, counted by its access log, usable from the OpenStack CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from manila_ui.stack import procs
from manila_ui.tests.stack.harness import BackendCalls
from manila_ui.tests.stack.harness import TestStack


def test_versions_document_answers_without_auth(stack: TestStack) -> None:
    assert procs.http_status(stack.backend_root + "/") == 300


def test_backend_refuses_a_request_without_token(stack: TestStack) -> None:
    assert procs.http_status(stack.backend_url + "/shares") == 401


def test_demo_lists_shares_through_the_catalog(
    manila: Callable[..., Any], backend_calls: Callable[[], BackendCalls]
) -> None:
    with backend_calls() as calls:
        shares = manila("demo").shares.list()
    assert isinstance(shares, list)
    assert calls.matching("GET", "/v2/shares/detail"), calls
    assert all(call.status == 200 for call in calls.matching("GET", "/v2/shares"))


def test_backend_calls_counts_only_the_block(
    stack: TestStack, backend_calls: Callable[[], BackendCalls]
) -> None:
    procs.http_status(stack.backend_root + "/")
    with backend_calls() as calls:
        procs.http_status(stack.backend_root + "/")
        assert calls.count == 1
    procs.http_status(stack.backend_root + "/")
    assert calls.count == len(calls) == 1
    (call,) = calls
    assert (call.method, call.path, call.status) == ("GET", "/", 300)


def test_openstack_cli_lists_shares_with_clouds_yaml(clouds_yaml: Path, stack: TestStack) -> None:
    openstack = Path(sys.executable).with_name("openstack")
    env = dict(os.environ, OS_CLIENT_CONFIG_FILE=str(clouds_yaml))
    result = subprocess.run(  # noqa: S603
        [str(openstack), "--os-cloud", "demo", "share", "list", "-f", "json"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("[")
