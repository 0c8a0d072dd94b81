"""The reference target's harness pieces, without a reference stack."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from keystoneauth1 import session as ks_session

from manila_ui.tests.reference import target

TESTS = Path(__file__).resolve().parents[1]


class _Answer(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self.send_response(404 if "missing" in self.path else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


def _serve() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


server = pytest.fixture(_serve)
keystone = pytest.fixture(_serve)  # another service: its calls are not Manila's


def test_client_calls_count_what_this_process_sends_to_manila(server: str,
                                                              keystone: str) -> None:
    sess = ks_session.Session()
    sess.get(server + "/v2/", raise_exc=False)  # before the block: not counted
    with target.ClientCalls(server) as calls:
        sess.get(server + "/v2/shares/detail?limit=21&with_count=True", raise_exc=False)
        sess.post(server + "/v2/shares/x/action", json={"extend": {"new_size": 2}},
                  raise_exc=False)
        sess.get(server + "/v2/missing", raise_exc=False)
        sess.get(keystone + "/v3/auth/tokens", raise_exc=False)
    sess.get(server + "/v2/after", raise_exc=False)  # after the block: not counted
    assert [(c.method, c.target, c.status) for c in calls] == [
        ("GET", "/v2/shares/detail?limit=21&with_count=True", 200),
        ("POST", "/v2/shares/x/action", 200),
        ("GET", "/v2/missing", 404),
    ]
    assert calls.count == 3 and len(calls.matching("POST", "/v2/shares/x")) == 1


def test_bundled_only_entries_name_existing_tests() -> None:
    for key in target.BUNDLED_ONLY:
        module, name = key.split("::")
        found = list(TESTS.rglob(module))
        assert found, f"{key}: no {module} under manila_ui/tests"
        assert any(f"def {name}(" in f.read_text() for f in found), f"{key}: no such test"
